#include "services/audittrail.h"

#include "io/files.h"
#include "services/accesscontrol.h"
#include "services/auditwording.h"
#include "storage/auditrepository.h"
#include "storage/database.h"
#include "util/clock.h"

#include <limits>
#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

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

AuditEntry AuditTrail::entryOf(const QString& at, const UserContext& user, const QString& entity,
                               const QString& entityId, const QString& action, const QString& changes) const
{
    AuditEntry e;
    e.at = at;
    e.userId = user.userId;
    e.userLogin = user.login;
    e.entity = entity;
    e.entityId = entityId;
    e.action = action;
    e.changes = changes;
    return e;
}

Status AuditTrail::record(const UserContext& user, const QString& entity, const QString& entityId,
                          const QString& action, const ChangeSet& changes, const QString& subject)
{
    m_db.noteChange(kindOf(entity) | DataKind::Audit);
    if (!user.audited)
        return {};
    QByteArray secret;
    if (changes.hasPersonal()) {
        auto s =
            m_repository.subjectSecret(subject.isEmpty() ? entity + QLatin1Char(':') + entityId : subject);
        if (!s)
            return std::unexpected(s.error());
        secret = *s;
    }
    return m_repository.append(
        entryOf(m_clock.nowIso(), user, entity, entityId, action, changes.toJson(secret)));
}

Status AuditTrail::recordAll(const UserContext& user, const QString& entity, const QString& action,
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
                        entity);
        entries << entryOf(at, user, entity, row.entityId, action, row.changes.toJson(QByteArray()));
    }
    return m_repository.append(std::move(entries));
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

Result<QStringList> AuditTrail::entities(const UserContext& user) const
{
    ETABLI_TRY(AccessControl::require(user, permission::AuditRead));
    return AuditRepository(m_db).distinctValues(QStringLiteral("entity"));
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
            const QStringList fields = {
                e.at,       e.userLogin,           AuditWording::entityLabel(e.entity),
                e.entityId, actionLabel(e.action), AuditWording::changes(e.entity, e.changes)};
            QStringList escaped;
            for (const QString& f : fields)
                escaped << csvField(f);
            out += escaped.join(QLatin1Char(';')).toUtf8() + "\r\n";
        }
    }
    // The trail names the school's staff: the owner's only.
    return files::write(path, out, true);
}

DataKinds AuditTrail::kindOf(const QString& entity)
{
    static const QHash<QString, DataKind> kinds = {
        {QStringLiteral("school"), DataKind::School},
        {QStringLiteral("section"), DataKind::School},
        {QStringLiteral("skill"), DataKind::School},
        {QStringLiteral("user"), DataKind::Users},
        {QStringLiteral("session"), DataKind::Users},
        {QStringLiteral("database"), DataKind::Users},
        {QStringLiteral("trainee"), DataKind::Trainees},
        {QStringLiteral("organisation"), DataKind::Trainees},
        {QStringLiteral("attendance"), DataKind::Attendance},
        {QStringLiteral("catalogue"), DataKind::Catalogue},
        {QStringLiteral("production"), DataKind::Production},
        {QStringLiteral("staff"), DataKind::Staff},
        {QStringLiteral("volunteer_hours"), DataKind::Staff},
        {QStringLiteral("contact"), DataKind::Contacts},
        {QStringLiteral("vehicle"), DataKind::Contacts},
        {QStringLiteral("quote"), DataKind::Quotes},
        {QStringLiteral("work_order"), DataKind::WorkOrders},
        {QStringLiteral("invoice"), DataKind::Invoices},
        {QStringLiteral("payment"), DataKind::Invoices},
        {QStringLiteral("closing"), DataKind::Invoices},
        {QStringLiteral("tyre_set"), DataKind::TyreHotel},
        {QStringLiteral("donation"), DataKind::Gifts},
        {QStringLiteral("tax_receipt"), DataKind::Gifts},
        {QStringLiteral("member"), DataKind::Gifts},
        {QStringLiteral("membership_due"), DataKind::Gifts},
        {QStringLiteral("financial_year"), DataKind::Budget},
        {QStringLiteral("budget_entry"), DataKind::Budget},
        {QStringLiteral("budget_forecast"), DataKind::Budget},
        {QStringLiteral("apprenticeship_tax"), DataKind::Budget},
        {QStringLiteral("legal_amount"), DataKind::Budget},
        {QStringLiteral("reference_value"), DataKind::Budget},
        {QStringLiteral("subsidy"), DataKind::Subsidies},
        {QStringLiteral("report_narrative"), DataKind::Reports},
        {QStringLiteral("audit"), DataKind::Audit},
    };
    // An entity not listed here (a new one) reloads every page rather than none.
    const auto found = kinds.constFind(entity);
    return found == kinds.cend() ? allDataKinds() : DataKinds(*found);
}

QString AuditTrail::entityLabel(const QString& entity)
{
    if (entity == QLatin1String("school"))
        return tr("school settings");
    if (entity == QLatin1String("section"))
        return tr("section");
    if (entity == QLatin1String("user"))
        return tr("user account");
    if (entity == QLatin1String("session"))
        return tr("session");
    if (entity == QLatin1String("trainee"))
        return tr("trainee");
    if (entity == QLatin1String("database"))
        return tr("database");
    if (entity == QLatin1String("attendance"))
        return tr("attendance");
    if (entity == QLatin1String("organisation"))
        return tr("organisation");
    if (entity == QLatin1String("catalogue"))
        return tr("catalogue item");
    if (entity == QLatin1String("production"))
        return tr("production log entry");
    if (entity == QLatin1String("skill"))
        return tr("skill");
    if (entity == QLatin1String("staff"))
        return tr("team member");
    if (entity == QLatin1String("volunteer_hours"))
        return tr("volunteer hours");
    if (entity == QLatin1String("contact"))
        return tr("contact");
    if (entity == QLatin1String("vehicle"))
        return tr("vehicle");
    if (entity == QLatin1String("audit"))
        return tr("audit trail");
    if (entity == QLatin1String("invoice"))
        return tr("invoice");
    if (entity == QLatin1String("payment"))
        return tr("payment");
    if (entity == QLatin1String("quote"))
        return tr("quote");
    if (entity == QLatin1String("work_order"))
        return tr("work order");
    return entity;
}

QString AuditTrail::actionLabel(const QString& action)
{
    if (action == QLatin1String("create"))
        return tr("created");
    if (action == QLatin1String("update"))
        return tr("changed");
    if (action == QLatin1String("delete"))
        return tr("deleted");
    if (action == QLatin1String("login"))
        return tr("logged in");
    if (action == QLatin1String("login_failed"))
        return tr("failed login");
    if (action == QLatin1String("lock"))
        return tr("account locked");
    if (action == QLatin1String("password"))
        return tr("password changed");
    if (action == QLatin1String("export"))
        return tr("exported");
    if (action == QLatin1String("anonymise"))
        return tr("anonymised");
    if (action == QLatin1String("restore"))
        return tr("restored");
    if (action == QLatin1String("read"))
        return tr("read");
    return action;
}

} // namespace etabli
