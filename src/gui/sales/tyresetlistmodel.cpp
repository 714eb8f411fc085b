#include "gui/sales/tyresetlistmodel.h"

#include "gui/common/cellvalue.h"
#include "gui/common/colours.h"
#include "gui/common/session.h"
#include "services/tyrehotelservice.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace etabli {

TyreSetListModel::TyreSetListModel(Session& session, QObject* parent)
    : PagedRowsModel<TyreSet>({tr("Place"), tr("Plate"), tr("Customer"), tr("Season"), tr("Size"),
                               tr("Tyres"), tr("Tread"), tr("In"), tr("Out")},
                              parent),
      m_session(session)
{
}

Result<Page<TyreSet>> TyreSetListModel::fetch(const PageRequest& request) const
{
    return m_session.service<TyreHotelService>().list(m_filter, request);
}

QVariant TyreSetListModel::cell(const TyreSet& s, int column, int role) const
{
    if (role == Qt::FontRole && column == Plate) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole) // under 3 mm: to be replaced
        return column == Tread && s.minTreadTenths() < 30 ? QVariant(alertColour()) : QVariant();
    if (role == CellValueRole)
        return column == In ? cellValue(s.dateIn) : column == Out ? cellValue(s.dateOut) : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (column) {
    case Place:
        return QStringLiteral("%1 %2-%3").arg(s.rack).arg(s.row).arg(s.level);
    case Plate:
        return s.plate;
    case Customer:
        return s.customerName;
    case Season:
        return labelOf(s.season);
    case Size:
        return s.tyreSize;
    case Tyres:
        return QString::number(s.tyreCount) + (s.withRims ? tr(" + rims") : QString());
    case Tread:
        return tr("%1 mm").arg(TyreHotelService::formatTread(s.minTreadTenths()));
    case In:
        return locale.toString(s.dateIn, QStringLiteral("dd/MM/yyyy"));
    case Out:
        return s.dateOut.isValid() ? locale.toString(s.dateOut, QStringLiteral("dd/MM/yyyy")) : QString();
    default:
        return {};
    }
}

} // namespace etabli
