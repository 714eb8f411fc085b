#include "gui/common/pager.h"

#include "gui/common/pagedlistmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>

namespace etabli {

Pager::Pager(QWidget* parent)
    : QWidget(parent), m_label(new QLabel(this)), m_page(new QSpinBox(this)), m_pages(new QLabel(this)),
      m_previous(new QPushButton(tr("◀ &Previous"), this)), m_next(new QPushButton(tr("Ne&xt ▶"), this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addStretch(1);
    auto* pageLabel = new QLabel(tr("Pa&ge"), this);
    pageLabel->setBuddy(m_page);
    m_page->setObjectName(QStringLiteral("pagerPage"));
    m_page->setAccessibleName(tr("Page to show"));
    m_page->setRange(1, 1);
    m_page->setKeyboardTracking(false);
    m_page->setGroupSeparatorShown(true);
    layout->addWidget(pageLabel);
    layout->addWidget(m_page);
    layout->addWidget(m_pages);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    const auto moved = [this](Status status) {
        if (!status)
            Q_EMIT failed(status.error().message);
        update();
    };
    connect(m_previous, &QPushButton::clicked, this, [this, moved]() {
        if (m_model)
            moved(m_model->previous());
    });
    connect(m_next, &QPushButton::clicked, this, [this, moved]() {
        if (m_model)
            moved(m_model->next());
    });
    // The page typed, once Enter is pressed or the field left.
    connect(m_page, &QSpinBox::editingFinished, this, [this, moved]() {
        if (m_model && m_page->value() != m_model->position() / PagedListModel::PageSize + 1)
            moved(m_model->goToPage(m_page->value()));
    });
}

void Pager::setModel(PagedListModel* model)
{
    m_model = model;
    connect(model, &PagedListModel::pageRead, this, &Pager::update);
    update();
}

void Pager::update()
{
    const QLocale locale;
    const qint64 rows = m_model ? m_model->rowCount() : 0;
    const qint64 position = m_model ? m_model->position() : 0;
    const qint64 total = m_model ? m_model->total() : 0;
    const bool atLeast = m_model && m_model->totalIsAtLeast();
    if (rows == 0)
        m_label->setText(tr("Nothing for these criteria"));
    else if (atLeast)
        m_label->setText(tr("%1–%2 of more than %3")
                             .arg(locale.toString(position + 1), locale.toString(position + rows),
                                  locale.toString(total)));
    else
        m_label->setText(tr("%1–%2 of %3")
                             .arg(locale.toString(position + 1), locale.toString(position + rows),
                                  locale.toString(total)));
    const qint64 pageSize = PagedListModel::PageSize;
    const qint64 current = position / pageSize + 1;
    const qint64 known = std::max<qint64>(1, (total + pageSize - 1) / pageSize);
    // Beyond what was counted, any page may be asked for: the list says where it ends.
    const qint64 most = atLeast ? std::numeric_limits<int>::max() : std::max(known, current);
    const QSignalBlocker quiet(m_page);
    m_page->setRange(1, static_cast<int>(std::min<qint64>(most, std::numeric_limits<int>::max())));
    m_page->setValue(static_cast<int>(current));
    m_pages->setText(atLeast ? tr("of more than %1").arg(locale.toString(known))
                             : tr("of %1").arg(locale.toString(known)));
    m_page->setEnabled(rows > 0);
    m_previous->setEnabled(m_model && m_model->hasPrevious());
    m_next->setEnabled(m_model && m_model->hasNext());
}

QString Pager::text() const
{
    return m_label->text();
}

} // namespace etabli
