#include "gui/funding/yearcombo.h"

#include "gui/common/session.h"
#include "services/financialyearservice.h"

#include <QLocale>

namespace etabli {

YearCombo::YearCombo(Session& session, QWidget* parent) : QComboBox(parent), m_session(session)
{
    setMinimumContentsLength(22);
    refresh();
}

void YearCombo::refresh()
{
    const int previous = startYear();
    const QSignalBlocker block(this);
    clear();
    if (!m_session.isOpen() || !m_session.user().can(permission::FundingRead))
        return;
    auto service = m_session.service<FinancialYearService>();
    auto current = service.yearHolding(m_session.clock().today());
    auto years = service.years();
    if (!current || !years)
        return;
    QList<FinancialYear> all = *years;
    bool known = false;
    for (const FinancialYear& y : all)
        known = known || y.start == current->start;
    if (!known)
        all.prepend(*current);
    const QLocale fr(QLocale::French, QLocale::France);
    for (const FinancialYear& y : all) {
        QString text =
            tr("%1 (%2 – %3)")
                .arg(FinancialYearService::label(y), fr.toString(y.start, QStringLiteral("dd/MM/yyyy")),
                     fr.toString(y.end, QStringLiteral("dd/MM/yyyy")));
        if (y.closed)
            text += tr(", closed");
        addItem(text, QVariantList{y.start.year(), y.id});
    }
    int index = 0;
    for (int i = 0; i < count(); ++i) {
        const int start = itemData(i).toList().value(0).toInt();
        if (previous != 0 ? start == previous : start == current->start.year())
            index = i;
    }
    setCurrentIndex(index);
}

int YearCombo::startYear() const
{
    return currentData().toList().value(0).toInt();
}

qint64 YearCombo::yearId() const
{
    return currentData().toList().value(1).toLongLong();
}

} // namespace etabli
