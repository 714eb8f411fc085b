#pragma once

#include "domain/codes.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace etabli {

enum class Role
{
    Direction,
    Secretariat,
    Formateur,
    Lecture
};

template <> struct Codes<Role>
{
    static constexpr CodeEntry<Role> entries[] = {
        {Role::Direction, "direction", QT_TRANSLATE_NOOP("etabli::Codes", "direction")},
        {Role::Secretariat, "secretariat", QT_TRANSLATE_NOOP("etabli::Codes", "office staff")},
        {Role::Formateur, "formateur", QT_TRANSLATE_NOOP("etabli::Codes", "trainer")},
        {Role::Lecture, "lecture", QT_TRANSLATE_NOOP("etabli::Codes", "read only")},
    };
};

// Permission codes, as stored in role_permission. Services declare which
// one each call needs; AccessControl checks it.
namespace permission {
inline const QString SettingsEdit = QStringLiteral("settings.edit");
inline const QString UsersManage = QStringLiteral("users.manage");
inline const QString AuditRead = QStringLiteral("audit.read");
inline const QString BackupRun = QStringLiteral("backup.run");
inline const QString BackupRestore = QStringLiteral("backup.restore");
inline const QString TraineesRead = QStringLiteral("trainees.read");
inline const QString TraineesWrite = QStringLiteral("trainees.write");
inline const QString TraineesSensitive = QStringLiteral("trainees.sensitive");
inline const QString AttendanceWrite = QStringLiteral("attendance.write");
inline const QString ProductionWrite = QStringLiteral("production.write");
inline const QString SalesRead = QStringLiteral("sales.read");
inline const QString SalesWrite = QStringLiteral("sales.write");
inline const QString SalesClose = QStringLiteral("sales.close");
inline const QString FundingRead = QStringLiteral("funding.read");
inline const QString FundingWrite = QStringLiteral("funding.write");
inline const QString ReportsRead = QStringLiteral("reports.read");
inline const QString ReportsWrite = QStringLiteral("reports.write");
inline const QString LearningFrameworks = QStringLiteral("learning.frameworks");
inline const QString LearningEvaluate = QStringLiteral("learning.evaluate");
inline const QString PersonalDataExport = QStringLiteral("personal_data.export");
inline const QString RetentionApply = QStringLiteral("retention.apply");

inline QStringList all()
{
    return {SettingsEdit,    UsersManage,   AuditRead,          BackupRun,       BackupRestore,
            TraineesRead,    TraineesWrite, TraineesSensitive,  AttendanceWrite, ProductionWrite,
            SalesRead,       SalesWrite,    SalesClose,         FundingRead,     FundingWrite,
            ReportsRead,     ReportsWrite,  PersonalDataExport, RetentionApply,  LearningFrameworks,
            LearningEvaluate};
}
} // namespace permission

// A stored account (never its password).
struct User
{
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Lecture;
    bool active = true;
    bool mustChangePassword = false;
    int failedAttempts = 0;
    QDateTime lockedUntil; // UTC, invalid when not locked
    QDateTime lastLogin;   // UTC
    QList<qint64> sectionIds;
    int version = 0;
};

// Who is acting: what every service call carries.
struct UserContext
{
    qint64 userId = 0;
    QString login;
    QString displayName;
    Role role = Role::Lecture;
    QSet<QString> permissions;
    QList<qint64> sectionIds; // for trainers: the sections they work in
    bool mustChangePassword = false;
    // False only for the demo generator: its invented history is not written
    // to the log of changes (which records what people did).
    bool audited = true;

    bool can(const QString& permission) const { return permissions.contains(permission); }
    // Trainers act only on their own sections; other roles on all.
    bool coversSection(qint64 sectionId) const
    {
        return role != Role::Formateur || sectionIds.contains(sectionId);
    }

    // The demo generator and database set-up act as the system, with every
    // permission (never reachable from a login).
    static UserContext system()
    {
        UserContext c;
        c.login = QStringLiteral("système");
        c.displayName = c.login;
        c.role = Role::Direction;
        const QStringList all = permission::all();
        c.permissions = QSet<QString>(all.begin(), all.end());
        return c;
    }
};

} // namespace etabli
