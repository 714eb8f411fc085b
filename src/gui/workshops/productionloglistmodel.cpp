#include "gui/workshops/productionloglistmodel.h"

#include "domain/production.h"
#include "gui/common/cellvalue.h"
#include "gui/common/session.h"
#include "services/productionservice.h"

#include <QLocale>

namespace etabli {

ProductionLogListModel::ProductionLogListModel(Session& session, QObject* parent)
    : PagedRowsModel<ProductionSummary>({tr("Day"), tr("Workshop"), tr("Kind"), tr("Reference"),
                                         tr("Trainees"), tr("Trainee hours"), tr("Made"), tr("Written by")},
                                        parent),
      m_session(session)
{
}

QVariant ProductionLogListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == Hours) {
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole)
            return tr("The hours of all the trainees on the entry, added up");
    }
    return PagedRowsModel<ProductionSummary>::headerData(section, orientation, role);
}

Result<Page<ProductionSummary>> ProductionLogListModel::fetch(const PageRequest& request) const
{
    return m_session.service<ProductionService>().list(m_filter, request);
}

QVariant ProductionLogListModel::cell(const ProductionSummary& s, int column, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return column == Hours ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == CellValueRole)
        return column == Day     ? cellValue(s.day)
               : column == Hours ? QVariant(static_cast<double>(s.minutes) / 60.0)
                                 : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Day:
        return QLocale().toString(s.day, QStringLiteral("ddd dd/MM/yyyy"));
    case Workshop:
        return s.sectionName;
    case Kind:
        return labelOf(s.kind);
    case Reference:
        return s.reference;
    case Trainees:
        return s.trainees;
    case Hours:
        return Quantities::formatDuration(s.minutes);
    case Made:
        return s.outputs;
    case WrittenBy:
        return s.authorLogin;
    default:
        return {};
    }
}

} // namespace etabli
