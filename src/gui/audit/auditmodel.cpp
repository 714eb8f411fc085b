#include "gui/audit/auditmodel.h"

#include "gui/common/session.h"
#include "services/audittrail.h"
#include "services/auditwording.h"

#include <QDateTime>
#include <QLocale>

namespace etabli {

AuditModel::AuditModel(Session& session, QObject* parent)
    : PagedRowsModel<AuditEntry>(
          {tr("Date"), tr("Person"), tr("Item"), tr("No."), tr("Action"), tr("Changes")}, parent),
      m_session(session)
{
    setScrolling(true);
    reload();
}

void AuditModel::setFilter(const AuditFilter& filter)
{
    m_filter = filter;
    reload();
}

void AuditModel::reload()
{
    if (!m_session.isOpen()) {
        clear();
        return;
    }
    (void)first(); // an error is kept for lastError()
}

Result<Page<AuditEntry>> AuditModel::fetch(const PageRequest& request) const
{
    return AuditTrail(m_session.database(), m_session.clock()).page(m_session.user(), m_filter, request);
}

QVariant AuditModel::cell(const AuditEntry& e, int column, int role) const
{
    if (role == Qt::ToolTipRole && column == Changes)
        return AuditWording::changes(fromCode<AuditEntity>(e.entity), e.changes);
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case When:
        return QLocale().toString(QDateTime::fromString(e.at, Qt::ISODate).toLocalTime(),
                                  QStringLiteral("dd/MM/yyyy HH:mm:ss"));
    case Who:
        return e.userLogin;
    case What:
        return labelOfCode<AuditEntity>(e.entity);
    case Number:
        return e.entityId;
    case Action:
        return labelOfCode<AuditAction>(e.action);
    case Changes:
        return AuditWording::changes(fromCode<AuditEntity>(e.entity), e.changes);
    default:
        return {};
    }
}

} // namespace etabli
