#include "services/audittrail.h"

#include "io/files.h"
#include "services/accesscontrol.h"
#include "services/auditwording.h"
#include "storage/auditrepository.h"
#include "storage/database.h"
#include "storage/userrepository.h"
#include "util/clock.h"

#include <limits>
#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace etabli {

namespace {

QJsonValue jsonValue(const QVariant& v)
{
    if (!v.isValid() || v.isNull())
        return QJsonValue::Null;
    if (v.typeId() == QMetaType::Bool)
        return v.toBool();
    if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong)
        return v.toLongLong();
    if (v.typeId() == QMetaType::QByteArray)
        return QStringLiteral("(%1 octets)").arg(v.toByteArray().size());
    return v.toString();
}

QString csvField(QString s)
{
    if (s.contains(QLatin1Char(';')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n'))) {
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        s = QLatin1Char('"') + s + QLatin1Char('"');
    }
    return s;
}

} // namespace

ChangeSet& ChangeSet::add(const QString& field, const QVariant& before, const QVariant& after,
                          Privacy privacy)
{
    if (before == after)
        return *this;
    switch (privacy) {
    case Privacy::Secret:
        m_object.insert(field, QJsonArray{masked(), masked()});
        break;
    case Privacy::Personal:
        m_personal << Personal{field, before, after};
        break;
    case Privacy::Plain:
        m_object.insert(field, QJsonArray{jsonValue(before), jsonValue(after)});
        break;
    }
    return *this;
}

ChangeSet& ChangeSet::set(const QString& field, const QVariant& value, Privacy privacy)
{
    switch (privacy) {
    case Privacy::Secret:
        m_object.insert(field, QJsonArray{QJsonValue::Null, masked()});
        break;
    case Privacy::Personal:
        m_personal << Personal{field, QVariant(), value};
        break;
    case Privacy::Plain:
        m_object.insert(field, QJsonArray{QJsonValue::Null, jsonValue(value)});
        break;
    }
    return *this;
}

QString ChangeSet::toJson(const QByteArray& secret) const
{
    QJsonObject object = m_object;
    for (const Personal& p : m_personal) {
        // An empty value says nothing about the person: kept, so that a
        // field set or cleared reads as such.
        const auto digest = [&](const QVariant& v) -> QJsonValue {
            const QJsonValue plain = jsonValue(v);
            if (plain.isNull() || (plain.isString() && plain.toString().isEmpty()))
                return plain;
            if (secret.isEmpty())
                return masked();
            return AuditRepository::personalDigest(secret, p.field, v.toString());
        };
        object.insert(p.field, QJsonArray{digest(p.before), digest(p.after)});
    }
    return object.isEmpty() ? QString(QLatin1String(""))
                            : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

AuditEntry AuditTrail::entryOf(const QString& at, const UserContext& user, AuditEntity entity,
                               const QString& entityId, AuditAction action, const QString& changes) const
{
    AuditEntry e;
    e.at = at;
    e.userId = user.userId;
    e.userLogin = user.login;
    e.entity = codeOf(entity);
    e.entityId = entityId;
    e.action = codeOf(action);
    e.changes = changes;
    return e;
}

Status AuditTrail::record(const UserContext& user, AuditEntity entity, const QString& entityId,
                          AuditAction action, const ChangeSet& changes, const QString& subject)
{
    m_db.noteChange(kindOf(entity) | DataKind::Audit);
    if (!user.audited)
        return {};
    QByteArray secret;
    if (changes.hasPersonal()) {
        auto s = m_repository.subjectSecret(subject.isEmpty() ? codeOf(entity) + QLatin1Char(':') + entityId
                                                              : subject);
        if (!s)
            return std::unexpected(s.error());
        secret = *s;
    }
    return m_repository.append(
        entryOf(m_clock.nowIso(), user, entity, entityId, action, changes.toJson(secret)));
}

Status AuditTrail::recordAll(const UserContext& user, AuditEntity entity, AuditAction action,
                             const QList<Row>& rows)
{
    m_db.noteChange(kindOf(entity) | DataKind::Audit);
    if (!user.audited || rows.isEmpty())
        return {};
    QList<AuditEntry> entries;
    entries.reserve(rows.size());
    const QString at = m_clock.nowIso(); // one moment for the whole batch
    for (const Row& row : rows) {
        if (row.changes.hasPersonal())
            return fail(Error::Code::Generic, tr("Internal error: personal values recorded without digest."),
                        codeOf(entity));
        entries << entryOf(at, user, entity, row.entityId, action, row.changes.toJson(QByteArray()));
    }
    return m_repository.append(std::move(entries));
}

Status AuditTrail::recordCreated(const UserContext& user, AuditEntity entity, QList<qint64> ids,
                                 const ChangeSet& changes)
{
    if (ids.isEmpty()) {
        m_db.noteChange(kindOf(entity) | DataKind::Audit);
        return {};
    }
    return record(user, entity, AuditRepository::idRanges(std::move(ids)), AuditAction::Create, changes);
}

Status AuditTrail::forget(const QString& subject)
{
    auto forgotten = AuditRepository(m_db).forgetSubject(subject);
    if (!forgotten)
        return std::unexpected(forgotten.error());
    return {};
}

Result<Page<AuditEntry>> AuditTrail::page(const UserContext& user, const AuditFilter& filter,
                                          const PageRequest& request) const
{
    ETABLI_TRY(AccessControl::require(user, permission::AuditRead));
    return AuditRepository(m_db).page(filter, request);
}

Result<qint64> AuditTrail::count(const UserContext& user, const AuditFilter& filter, int cap) const
{
    ETABLI_TRY(AccessControl::require(user, permission::AuditRead));
    return AuditRepository(m_db).count(filter, cap);
}

Result<QStringList> AuditTrail::people(const UserContext& user) const
{
    ETABLI_TRY(AccessControl::require(user, permission::AuditRead));
    return AuditRepository(m_db).distinctValues(QStringLiteral("user_login"));
}

Result<QList<AuditEntity>> AuditTrail::entities(const UserContext& user) const
{
    ETABLI_TRY(AccessControl::require(user, permission::AuditRead));
    auto codes = AuditRepository(m_db).distinctValues(QStringLiteral("entity"));
    if (!codes)
        return std::unexpected(codes.error());
    QList<AuditEntity> out;
    for (const QString& code : std::as_const(*codes))
        if (const auto entity = fromCode<AuditEntity>(code))
            out << *entity;
    return out;
}

Status AuditTrail::exportCsv(const UserContext& user, const AuditFilter& filter, const QString& path) const
{
    if (auto r = AccessControl::require(user, permission::AuditRead); !r)
        return r;
    QByteArray out("\xEF\xBB\xBF");
    out += tr("Date (UTC);Person;Item;Number;Action;Changes").toUtf8() + "\r\n";
    AuditRepository repo(m_db);
    auto rows = readAll<AuditEntry>([&](const PageRequest& r) { return repo.page(filter, r); },
                                    std::numeric_limits<qsizetype>::max());
    if (!rows)
        return std::unexpected(rows.error());
    {
        for (const AuditEntry& e : *rows) {
            const QStringList fields = {e.at,
                                        e.userLogin,
                                        labelOfCode<AuditEntity>(e.entity),
                                        e.entityId,
                                        labelOfCode<AuditAction>(e.action),
                                        AuditWording::changes(fromCode<AuditEntity>(e.entity), e.changes)};
            QStringList escaped;
            for (const QString& f : fields)
                escaped << csvField(f);
            out += escaped.join(QLatin1Char(';')).toUtf8() + "\r\n";
        }
    }
    // The trail names the school's staff: the owner's only.
    return files::write(path, out, true);
}

Error AuditTrail::explainConflict(const Error& refused, AuditEntity entity, const QString& id) const
{
    if (refused.code != Error::Code::ChangedMeanwhile)
        return refused;
    AuditFilter filter;
    filter.entity = entity;
    filter.entityId = id;
    auto last = AuditRepository(m_db).latest(filter, 1);
    if (!last || last->isEmpty())
        return refused;
    const AuditEntry& e = last->constFirst();
    QString who = e.userLogin;
    if (auto user = UserRepository(m_db).findById(e.userId);
        user && *user && !(*user)->user.displayName.isEmpty())
        who = (*user)->user.displayName;
    const QDateTime at = QDateTime::fromString(e.at, Qt::ISODate).toLocalTime();
    const QLocale fr(QLocale::French, QLocale::France);
    const QString when = at.date() == m_clock.today()
                             ? tr("at %1").arg(fr.toString(at.time(), QStringLiteral("H' h 'mm")))
                             : tr("on %1 at %2")
                                   .arg(fr.toString(at.date(), QStringLiteral("dd/MM/yyyy")),
                                        fr.toString(at.time(), QStringLiteral("H' h 'mm")));
    return Error{Error::Code::ChangedMeanwhile,
                 tr("Changed by %1 %2 while you were changing it. Reload their version, or copy your changes "
                    "first.")
                     .arg(who, when),
                 refused.message};
}

DataKinds AuditTrail::kindOf(AuditEntity entity)
{
    using E = AuditEntity;
    switch (entity) {
    case E::School:
    case E::Section:
    case E::Skill:
        return DataKind::School;
    case E::User:
    case E::Session:
    case E::Database:
        return DataKind::Users;
    case E::Trainee:
    case E::Organisation:
        return DataKind::Trainees;
    case E::Attendance:
        return DataKind::Attendance;
    case E::Catalogue:
        return DataKind::Catalogue;
    case E::Production:
        return DataKind::Production;
    case E::Staff:
    case E::VolunteerHours:
        return DataKind::Staff;
    case E::Contact:
    case E::Vehicle:
        return DataKind::Contacts;
    case E::Quote:
        return DataKind::Quotes;
    case E::WorkOrder:
        return DataKind::WorkOrders;
    case E::Invoice:
    case E::Payment:
    case E::BankStatement:
    case E::Closing:
        return DataKind::Invoices;
    case E::TyreSet:
        return DataKind::TyreHotel;
    case E::Donation:
    case E::TaxReceipt:
    case E::Member:
    case E::MembershipDue:
        return DataKind::Gifts;
    case E::FinancialYear:
    case E::BudgetEntry:
    case E::BudgetForecast:
    case E::ApprenticeshipTax:
    case E::LegalAmount:
    case E::LedgerAccount:
    case E::ReferenceValue:
        return DataKind::Budget;
    case E::Subsidy:
        return DataKind::Subsidies;
    case E::ReportNarrative:
        return DataKind::Reports;
    case E::Audit:
        return DataKind::Audit;
    case E::Framework:
        return DataKind::School;
    case E::Evaluation:
        return DataKind::Trainees;
    case E::Archive: // a year's archive touches what the year holds
        break;
    }
    return allDataKinds();
}

} // namespace etabli
