#include "gui/audit/auditmodel.h"

#include "gui/common/session.h"
#include "services/audittrail.h"
#include "services/auditwording.h"
#include "storage/auditrepository.h"

#include <QDateTime>
#include <QLocale>

namespace etabli {

AuditModel::AuditModel(Session& session, QObject* parent) : QAbstractTableModel(parent), m_session(session)
{
    reload();
}

void AuditModel::setFilter(const AuditFilter& filter)
{
    m_filter = filter;
    reload();
}

void AuditModel::reload()
{
    m_resetting = true;
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_error.clear();
    if (m_session.isOpen()) {
        AuditTrail trail(m_session.database(), m_session.clock());
        auto count = trail.count(m_session.user(), m_filter);
        auto rows = trail.list(m_session.user(), m_filter, kPageSize, 0);
        if (count && rows) {
            m_total = *count;
            m_rows = *rows;
        } else {
            m_error = count ? rows.error().message : count.error().message;
        }
    }
    endResetModel();
    m_resetting = false;
}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool AuditModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void AuditModel::fetchMore(const QModelIndex& parent)
{
    if (m_resetting || !canFetchMore(parent))
        return;
    auto rows = AuditTrail(m_session.database(), m_session.clock())
                    .list(m_session.user(), m_filter, kPageSize, static_cast<int>(m_rows.size()));
    if (!rows || rows->isEmpty()) {
        m_total = m_rows.size(); // stop asking
        return;
    }
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + rows->size() - 1));
    m_rows += *rows;
    endInsertRows();
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AuditEntry& e = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case When:
            return QLocale().toString(QDateTime::fromString(e.at, Qt::ISODate).toLocalTime(),
                                      QStringLiteral("dd/MM/yyyy HH:mm:ss"));
        case Who:
            return e.userLogin;
        case What:
            return AuditWording::entityLabel(e.entity);
        case Number:
            return e.entityId;
        case Action:
            return AuditTrail::actionLabel(e.action);
        case Changes:
            return AuditWording::changes(e.entity, e.changes);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Changes)
        return AuditWording::changes(e.entity, e.changes);
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("Date");
    case Who:
        return tr("Person");
    case What:
        return tr("Item");
    case Number:
        return tr("No.");
    case Action:
        return tr("Action");
    case Changes:
        return tr("Changes");
    default:
        return {};
    }
}

} // namespace etabli
