#include "services/accesscontrol.h"

#include "util/logging.h"

#include <spdlog/spdlog.h>

namespace etabli {

QString AccessControl::describe(const QString& p)
{
    using namespace permission;
    if (p == SettingsEdit)
        return tr("change the school's settings");
    if (p == UsersManage)
        return tr("manage the user accounts");
    if (p == AuditRead)
        return tr("read the log of changes");
    if (p == BackupRun)
        return tr("copy the database");
    if (p == BackupRestore)
        return tr("restore a backup of the database");
    if (p == TraineesRead)
        return tr("see the trainees");
    if (p == TraineesWrite)
        return tr("change the trainees' records");
    if (p == TraineesSensitive)
        return tr("see the follow-up notes and the guardians' details");
    if (p == AttendanceWrite)
        return tr("record attendance");
    if (p == ProductionWrite)
        return tr("write in the production log");
    if (p == SalesRead)
        return tr("see customers and invoices");
    if (p == SalesWrite)
        return tr("change customers, quotes and invoices");
    if (p == FundingRead)
        return tr("see the funding and the budget");
    if (p == FundingWrite)
        return tr("change the funding and the budget");
    if (p == ReportsRead)
        return tr("produce the reports");
    if (p == ReportsWrite)
        return tr("write the reports' texts");
    if (p == LearningFrameworks)
        return tr("change the skill frameworks");
    if (p == LearningEvaluate)
        return tr("evaluate the trainees' competences");
    if (p == PersonalDataExport)
        return tr("export everything held about a person");
    if (p == RetentionApply)
        return tr("apply the retention rule");
    return p;
}

Status AccessControl::require(const UserContext& user, const QString& permission)
{
    if (user.can(permission))
        return {};
    logging::get("access")->warn("refused {} to {} ({})", permission.toStdString(), user.login.toStdString(),
                                 codeOf(user.role).toStdString());
    return fail(Error::Code::AccessDenied,
                tr("Access denied: the role “%1” does not allow you to %2.")
                    .arg(labelOf(user.role), describe(permission)),
                QStringLiteral("%1 lacks %2").arg(user.login, permission));
}

Status AccessControl::requireInSection(const UserContext& user, const QString& permission, qint64 sectionId)
{
    if (auto r = require(user, permission); !r)
        return r;
    if (user.coversSection(sectionId))
        return {};
    return fail(Error::Code::AccessDenied, tr("Access denied: this section is not one of yours."),
                QStringLiteral("%1 not in section %2").arg(user.login).arg(sectionId));
}

} // namespace etabli
