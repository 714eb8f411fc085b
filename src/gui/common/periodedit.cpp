#include "gui/common/periodedit.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>

namespace etabli {

PeriodEdit::PeriodEdit(const QDate& from, const QDate& to, QWidget* parent)
    : QWidget(parent), m_from(new QDateEdit(from, this)), m_to(new QDateEdit(to, this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* fromLabel = new QLabel(tr("&From"), this);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&to"), this);
    toLabel->setBuddy(m_to);
    for (QDateEdit* d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
        connect(d, &QDateEdit::dateChanged, this, &PeriodEdit::changed);
    }
    layout->addWidget(fromLabel);
    layout->addWidget(m_from);
    layout->addWidget(toLabel);
    layout->addWidget(m_to);
}

QDate PeriodEdit::from() const
{
    return m_from->date();
}

QDate PeriodEdit::to() const
{
    return m_to->date();
}

void PeriodEdit::setPeriod(const QDate& from, const QDate& to)
{
    const QSignalBlocker b1(m_from);
    const QSignalBlocker b2(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
}

} // namespace etabli
