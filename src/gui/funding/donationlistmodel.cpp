#include "gui/funding/donationlistmodel.h"

#include "gui/common/cellvalue.h"
#include "gui/common/session.h"
#include "services/donationservice.h"

#include <QLocale>

namespace etabli {

DonationListModel::DonationListModel(Session& session, QObject* parent)
    : PagedRowsModel<Donation>({tr("Date"), tr("Donor"), tr("Amount"), tr("Nature"), tr("Method"),
                                tr("Purpose"), tr("Tax receipt")},
                               parent),
      m_session(session)
{
}

QVariant DonationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole && section == Amount)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return PagedRowsModel<Donation>::headerData(section, orientation, role);
}

Result<Page<Donation>> DonationListModel::fetch(const PageRequest& request) const
{
    return m_session.service<DonationService>().donations(m_filter, request);
}

QVariant DonationListModel::cell(const Donation& d, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Amount ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == CellValueRole)
        return column == Date ? cellValue(d.day) : column == Amount ? cellValue(d.amount) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Date:
        return QLocale(QLocale::French, QLocale::France).toString(d.day, QStringLiteral("dd/MM/yyyy"));
    case Donor:
        return d.donorName;
    case Amount:
        return d.amount.format();
    case Nature:
        return natureText(d);
    case Method:
        return d.money() ? labelOf(d.method) : QString();
    case Purpose:
        return d.purpose;
    case Receipt:
        return d.receiptNumber;
    default:
        return {};
    }
}

QString DonationListModel::natureText(const Donation& d)
{
    switch (d.nature) {
    case GiftNature::Cash:
        return tr("Money");
    case GiftNature::Securities:
        return tr("Securities: %1").arg(d.description);
    case GiftNature::InKind:
        return tr("In kind: %1").arg(d.description);
    case GiftNature::ExpensesWaived:
        return tr("Expenses waived: %1").arg(d.description);
    }
    return {};
}

} // namespace etabli
