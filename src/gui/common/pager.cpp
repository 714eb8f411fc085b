#include "gui/common/pager.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace etabli {

Pager::Pager(int pageSize, QWidget* parent)
    : QWidget(parent), m_pageSize(pageSize), m_label(new QLabel(this)),
      m_previous(new QPushButton(tr("◀ &Previous"), this)), m_next(new QPushButton(tr("Ne&xt ▶"), this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addStretch(1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    connect(m_previous, &QPushButton::clicked, this, [this]() {
        m_offset = std::max(0, m_offset - m_pageSize);
        Q_EMIT moved();
    });
    connect(m_next, &QPushButton::clicked, this, [this]() {
        m_offset += m_pageSize;
        Q_EMIT moved();
    });
}

void Pager::showPage(qsizetype rows, qint64 total)
{
    const QLocale locale;
    m_label->setText(total == 0 ? tr("Nothing for these criteria")
                                : tr("%1–%2 of %3")
                                      .arg(locale.toString(m_offset + 1))
                                      .arg(locale.toString(m_offset + static_cast<qint64>(rows)))
                                      .arg(locale.toString(total)));
    m_previous->setEnabled(m_offset > 0);
    m_next->setEnabled(m_offset + rows < total);
}

QString Pager::text() const
{
    return m_label->text();
}

} // namespace etabli
