#include "services/backupservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/backup.h"
#include "storage/transaction.h"

#include <QDir>

namespace etabli {

Status BackupService::copyTo(const QString& target, bool overwrite)
{
    if (auto r = AccessControl::require(m_actor, permission::BackupRun); !r)
        return r;
    // The audit row goes in first, so that the copy itself shows who made it.
    auto recorded = inTransaction(m_db, [&]() -> Status {
        ChangeSet c;
        c.set(QStringLiteral("file"), QDir::toNativeSeparators(target));
        return AuditTrail(m_db, m_clock)
            .record(m_actor, QStringLiteral("database"), QString(), QStringLiteral("export"), c);
    });
    if (!recorded)
        return recorded;
    return Backup::hotCopy(m_db, target, overwrite);
}

} // namespace etabli
