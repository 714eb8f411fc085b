#include "gui/common/periodedit.h"

#include "gui/common/datefield.h"

#include <QHBoxLayout>
#include <QLabel>

namespace etabli {

PeriodEdit::PeriodEdit(const QDate& from, const QDate& to, QWidget* parent)
    : QWidget(parent), m_from(new DateField(from, DateField::Kind::Required, this)),
      m_to(new DateField(to, DateField::Kind::Required, this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* fromLabel = new QLabel(tr("&From"), this);
    fromLabel->setBuddy(m_from);
    auto* toLabel = new QLabel(tr("&to"), this);
    toLabel->setBuddy(m_to);
    for (DateField* d : {m_from, m_to}) {
        connect(d, &DateField::dateChanged, this, &PeriodEdit::changed);
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

QString PeriodEdit::text() const
{
    return tr("from %1 to %2")
        .arg(from().toString(QStringLiteral("dd/MM/yyyy")), to().toString(QStringLiteral("dd/MM/yyyy")));
}

} // namespace etabli
