#include "services/personaldataservice.h"

#include "domain/learning.h"
#include "io/files.h"
#include "services/accesscontrol.h"
#include "services/attendanceservice.h"
#include "services/audittrail.h"
#include "services/auditwording.h"
#include "services/careerservice.h"
#include "services/traineeservice.h"
#include "storage/attendancerepository.h"
#include "storage/auditrepository.h"
#include "storage/careerrepository.h"
#include "storage/contactrepository.h"
#include "storage/database.h"
#include "storage/personaldataqueries.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"
#include "storage/staffrepository.h"
#include "storage/traineedetailrepository.h"
#include "storage/transaction.h"
#include "storage/userrepository.h"
#include "util/clock.h"
#include "util/text.h"

#include <limits>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSaveFile>

namespace etabli {

namespace {

QJsonValue jsonOf(const QVariant& v)
{
    if (!v.isValid() || v.isNull())
        return QJsonValue::Null;
    if (v.typeId() == QMetaType::QByteArray)
        return QString::fromLatin1(v.toByteArray().toBase64());
    return QJsonValue::fromVariant(v);
}

// The names of the records a row refers to, by the field that refers: "section_id" → id → "Métallerie".
using Names = QHash<QString, QHash<qint64, QString>>;

// A row in its reader's words (issue 18, item 14): each field as the forms
// label it, each value as they show it; nothing internal (record ids,
// versions, search keys, hashes), a reference by the name it refers to.
QJsonObject readable(AuditEntity entity, const QVariantMap& row, const Names& names = {})
{
    QJsonObject o;
    for (auto it = row.begin(); it != row.end(); ++it) {
        if (AuditWording::isInternal(it.key()))
            continue;
        QJsonValue value;
        if (AuditWording::isReference(it.key())) {
            if (!names.contains(it.key()) || it.value().isNull())
                continue;
            value = names.value(it.key()).value(it.value().toLongLong());
        } else if (it.value().typeId() == QMetaType::QByteArray) {
            value = jsonOf(it.value());
        } else {
            value = AuditWording::value(entity, it.key(), it.value());
        }
        QString label = AuditWording::fieldLabel(it.key());
        if (o.contains(label))
            label += QStringLiteral(" (%1)").arg(it.key());
        o.insert(label, value);
    }
    return o;
}

QString day(const QDate& d)
{
    return d.isValid() ? d.toString(QStringLiteral("dd/MM/yyyy")) : QStringLiteral("—");
}

QString htmlOf(const QJsonValue& value)
{
    if (value.isObject()) {
        QString html = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">");
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            html += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>")
                        .arg(it.key().toHtmlEscaped(), htmlOf(it.value()));
        return html + QStringLiteral("</table>");
    }
    if (value.isArray()) {
        QString html = QStringLiteral("<ol>");
        for (const QJsonValue& v : value.toArray())
            html += QStringLiteral("<li>%1</li>").arg(htmlOf(v));
        return html + QStringLiteral("</ol>");
    }
    if (value.isNull())
        return QStringLiteral("—");
    return value.toVariant().toString().toHtmlEscaped();
}

} // namespace

QJsonArray PersonalDataService::auditRows(const QList<std::pair<AuditEntity, QString>>& entities,
                                          const QString& login) const
{
    QJsonArray rows;
    AuditRepository repo(m_db);
    const auto append = [&rows](const AuditEntry& e) {
        rows.append(QJsonObject{
            {QStringLiteral("n°"), e.id},
            {QStringLiteral("date"), AuditWording::value(std::nullopt, QStringLiteral("at"), e.at)},
            {QStringLiteral("par"), e.userLogin},
            {QStringLiteral("élément"), labelOfCode<AuditEntity>(e.entity)},
            {QStringLiteral("action"), labelOfCode<AuditAction>(e.action)},
            {QStringLiteral("modifications"),
             AuditWording::changes(fromCode<AuditEntity>(e.entity), e.changes)}});
    };
    QList<AuditFilter> filters;
    for (const auto& [entity, entityId] : entities) {
        // Created by an import: the import's one entry names it among others.
        for (const AuditEntry& e :
             repo.createdCovering(entity, entityId.toLongLong()).value_or(QList<AuditEntry>{}))
            append(e);
        filters << AuditFilter{QString(), entity, {}, {}, entityId};
    }
    if (!login.isEmpty())
        filters << AuditFilter{login, std::nullopt, {}, {}, QString()};
    for (const AuditFilter& f : filters) {
        auto list = readAll<AuditEntry>([&](const PageRequest& r) { return repo.page(f, r); },
                                        std::numeric_limits<qsizetype>::max());
        if (!list)
            continue;
        for (const AuditEntry& e : *list)
            append(e);
    }
    return rows;
}

Status PersonalDataService::recordExport(AuditEntity entity, qint64 id)
{
    return inTransaction(m_db, [&]() {
        return AuditTrail(m_db, m_clock).record(m_actor, entity, QString::number(id), AuditAction::Export);
    });
}

Result<QList<PersonalDataService::Person>>
PersonalDataService::findPeople(PersonKind kind, const QString& text, int limit) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::PersonalDataExport));
    QList<Person> out;
    switch (kind) {
    case PersonKind::Trainee: {
        auto hits = TraineeRepository(m_db).search(text, limit);
        if (!hits)
            return std::unexpected(hits.error());
        for (const TraineeRepository::Hit& h : std::as_const(*hits))
            out << Person{h.id,
                          tr("%1 %2 — born %3 — %4")
                              .arg(h.lastName.toUpper(), h.firstName,
                                   h.birthDate.isValid() ? h.birthDate.toString(QStringLiteral("dd/MM/yyyy"))
                                                         : QStringLiteral("?"),
                                   h.section)};
        break;
    }
    case PersonKind::Contact: {
        auto contacts = ContactRepository(m_db).page(ContactFilter{text, {}},
                                                     PageRequest{PageRequest::From::Start, {}, 0, limit, 0});
        if (!contacts)
            return std::unexpected(contacts.error());
        for (const Contact& c : std::as_const(contacts->rows))
            out << Person{c.id, c.city.isEmpty() ? c.displayName()
                                                 : QStringLiteral("%1 (%2)").arg(c.displayName(), c.city)};
        break;
    }
    case PersonKind::Staff: {
        auto staff = StaffRepository(m_db).list(false);
        if (!staff)
            return std::unexpected(staff.error());
        const QString wanted = text::fold(text);
        for (const StaffMember& m : std::as_const(*staff))
            if (out.size() < limit && text::fold(m.displayName()).contains(wanted))
                out << Person{m.id, m.kind == StaffKind::Volunteer ? tr("%1 (volunteer)").arg(m.displayName())
                                                                   : m.displayName()};
        break;
    }
    }
    return out;
}

Result<PersonalDataService::Export> PersonalDataService::exportPerson(PersonKind kind, qint64 id)
{
    switch (kind) {
    case PersonKind::Contact:
        return exportContact(id);
    case PersonKind::Staff:
        return exportStaff(id);
    case PersonKind::Trainee:
        break;
    }
    return exportTrainee(id);
}

namespace {

QJsonArray jsonRows(AuditEntity entity, const QList<QVariantMap>& rows, const Names& names = {})
{
    QJsonArray out;
    for (const QVariantMap& row : rows)
        out.append(readable(entity, row, names));
    return out;
}

// The parts of a contact's or a staff member's data, each under its title;
// the record ("fiche") as one object, the others as lists of rows.
void insertParts(QJsonObject& data, AuditEntity entity, const QList<PersonalDataQueries::Part>& parts)
{
    for (const PersonalDataQueries::Part& part : parts)
        data.insert(part.title, part.title == QLatin1String("fiche") && !part.rows.isEmpty()
                                    ? QJsonValue(readable(entity, part.rows.first()))
                                    : QJsonValue(jsonRows(entity, part.rows)));
}

} // namespace

Result<PersonalDataService::Export> PersonalDataService::exportContact(qint64 contactId)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::PersonalDataExport));
    PersonalDataQueries queries(m_db);
    auto parts = queries.contact(contactId);
    if (!parts)
        return std::unexpected(parts.error());
    auto contact = ContactRepository(m_db).get(contactId);
    if (!contact)
        return std::unexpected(contact.error());
    Export out;
    out.title = tr("Data held about %1").arg(contact->displayName());
    out.baseName = QStringLiteral("donnees-contact-%1").arg(contactId);
    out.data.insert(QStringLiteral("personne"), tr("contact of the directory"));
    out.data.insert(QStringLiteral("exporté le"),
                    AuditWording::value({}, QStringLiteral("at"), m_clock.nowIso()));
    insertParts(out.data, AuditEntity::Contact, *parts);
    QList<std::pair<AuditEntity, QString>> entities{{AuditEntity::Contact, QString::number(contactId)}};
    for (qint64 vehicle : queries.vehicleIds(contactId).value_or(QList<qint64>{}))
        entities.append({AuditEntity::Vehicle, QString::number(vehicle)});
    out.data.insert(QStringLiteral("journal des modifications"), auditRows(entities, QString()));
    ETABLI_TRY(recordExport(AuditEntity::Contact, contactId));
    return out;
}

Result<PersonalDataService::Export> PersonalDataService::exportStaff(qint64 staffId)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::PersonalDataExport));
    auto parts = PersonalDataQueries(m_db).staffMember(staffId);
    if (!parts)
        return std::unexpected(parts.error());
    const QVariantMap record = parts->first().rows.first();
    const QString name = QStringLiteral("%1 %2").arg(record.value(QStringLiteral("first_name")).toString(),
                                                     record.value(QStringLiteral("last_name")).toString());
    const bool volunteer = record.value(QStringLiteral("kind")).toString() == QLatin1String("volunteer");
    Export out;
    out.title = tr("Data held about %1").arg(name.trimmed());
    out.baseName = QStringLiteral("donnees-equipe-%1").arg(staffId);
    out.data.insert(QStringLiteral("personne"), volunteer ? tr("volunteer") : tr("staff member"));
    out.data.insert(QStringLiteral("exporté le"),
                    AuditWording::value({}, QStringLiteral("at"), m_clock.nowIso()));
    insertParts(out.data, AuditEntity::Staff, *parts);
    QList<std::pair<AuditEntity, QString>> entities{{AuditEntity::Staff, QString::number(staffId)}};
    QString login;
    if (const qint64 userId = record.value(QStringLiteral("user_id")).toLongLong(); userId != 0) {
        entities.append({AuditEntity::User, QString::number(userId)});
        for (const User& u : UserRepository(m_db).list().value_or(QList<User>{}))
            if (u.id == userId)
                login = u.login;
    }
    out.data.insert(QStringLiteral("journal des modifications"), auditRows(entities, login));
    ETABLI_TRY(recordExport(AuditEntity::Staff, staffId));
    return out;
}

Result<QList<TraineeRepository::Hit>> PersonalDataService::findTrainees(const QString& text, int limit) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::PersonalDataExport));
    return TraineeRepository(m_db).search(text, limit);
}

Result<PersonalDataService::Export> PersonalDataService::exportTrainee(qint64 traineeId)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::PersonalDataExport));
    auto row = TraineeRepository(m_db).row(traineeId);
    if (!row)
        return std::unexpected(row.error());
    Names names;
    for (const Section& section : SectionRepository(m_db).list().value_or(QList<Section>{}))
        names[QStringLiteral("section_id")].insert(section.id, section.name);
    for (const Referral& referral : TraineeDetailRepository(m_db).referrals().value_or(QList<Referral>{}))
        names[QStringLiteral("referral_id")].insert(referral.id, referral.name);
    const QJsonObject record = readable(AuditEntity::Trainee, *row, names);
    Export out;
    const QString name = QStringLiteral("%1 %2").arg(row->value(QStringLiteral("first_name")).toString(),
                                                     row->value(QStringLiteral("last_name")).toString());
    out.title = tr("Data held about %1").arg(name);
    out.baseName = QStringLiteral("donnees-jeune-%1").arg(traineeId);
    out.data.insert(QStringLiteral("personne"), tr("trainee"));
    out.data.insert(QStringLiteral("exporté le"),
                    AuditWording::value({}, QStringLiteral("at"), m_clock.nowIso()));
    out.data.insert(QStringLiteral("dossier"), record);
    TraineeDetailRepository details(m_db);
    QJsonArray guardians;
    for (const Guardian& g : details.guardians(traineeId).value_or(QList<Guardian>{}))
        guardians.append(QJsonObject{{QStringLiteral("nom"), g.lastName},
                                     {QStringLiteral("prénom"), g.firstName},
                                     {QStringLiteral("lien"), labelOf(g.relation)},
                                     {QStringLiteral("téléphone"), g.phone},
                                     {QStringLiteral("e-mail"), g.email},
                                     {QStringLiteral("adresse"), g.address}});
    out.data.insert(QStringLiteral("responsables légaux"), guardians);
    QJsonArray notes;
    for (const FollowUpNote& n : details.notes(traineeId).value_or(QList<FollowUpNote>{}))
        notes.append(QJsonObject{{QStringLiteral("date"), n.writtenAt},
                                 {QStringLiteral("auteur"), n.author},
                                 {QStringLiteral("note"), n.body}});
    out.data.insert(QStringLiteral("notes de suivi"), notes);
    QJsonArray stays;
    for (const TraineeRepository::Stay& st :
         TraineeRepository(m_db).stays(traineeId).value_or(QList<TraineeRepository::Stay>{}))
        stays.append(QJsonObject{
            {QStringLiteral("nature"), labelOf(st.kind)},
            {QStringLiteral("section"), names.value(QStringLiteral("section_id")).value(st.sectionId)},
            {QStringLiteral("du"), day(st.start)},
            {QStringLiteral("au"), day(st.end)},
            {QStringLiteral("motif de sortie"),
             st.exitReason == ExitReason::None ? QStringLiteral("—") : labelOf(st.exitReason)}});
    out.data.insert(QStringLiteral("séjours"), stays);
    CareerRepository career(m_db);
    QJsonArray internships;
    for (const Internship& i : career.internships(traineeId).value_or(QList<Internship>{}))
        internships.append(QJsonObject{{QStringLiteral("organisme"), i.organisationName},
                                       {QStringLiteral("tuteur"), i.tutor},
                                       {QStringLiteral("du"), day(i.start)},
                                       {QStringLiteral("au"), day(i.end)},
                                       {QStringLiteral("évaluation"), i.assessment},
                                       {QStringLiteral("appréciation"), i.grade}});
    out.data.insert(QStringLiteral("stages"), internships);
    QJsonArray certifications;
    for (const TraineeCertification& c :
         career.traineeCertifications(traineeId).value_or(QList<TraineeCertification>{}))
        certifications.append(QJsonObject{{QStringLiteral("certification"), c.code},
                                          {QStringLiteral("session"), c.sessionYear},
                                          {QStringLiteral("résultat"), labelOf(c.result)}});
    out.data.insert(QStringLiteral("certifications"), certifications);
    QJsonArray outcomes;
    for (const Outcome& o : career.outcomes(traineeId).value_or(QList<Outcome>{}))
        outcomes.append(QJsonObject{{QStringLiteral("échéance"), labelOf(o.milestone)},
                                    {QStringLiteral("situation"), labelOf(o.situation)},
                                    {QStringLiteral("employeur ou établissement"), o.employer},
                                    {QStringLiteral("contact le"), day(o.contactDate)}});
    out.data.insert(QStringLiteral("devenir"), outcomes);
    QJsonArray attendance;
    for (const AttendanceCell& c : AttendanceRepository(m_db)
                                       .cells({traineeId}, QDate(1990, 1, 1), QDate(2200, 1, 1))
                                       .value_or(QList<AttendanceCell>{}))
        attendance.append(QJsonObject{
            {QStringLiteral("jour"), day(c.day)},
            {QStringLiteral("demi-journée"), c.half == Half::Morning ? tr("morning") : tr("afternoon")},
            {QStringLiteral("présence"), (c.code ? labelOf(*c.code) : QString())},
            {QStringLiteral("commentaire"), c.comment}});
    out.data.insert(QStringLiteral("présences"), attendance);
    auto production = PersonalDataQueries(m_db).traineeProduction(traineeId);
    if (!production)
        return std::unexpected(production.error());
    out.data.insert(production->title, jsonRows(AuditEntity::Production, production->rows));
    auto evaluations = PersonalDataQueries(m_db).traineeEvaluations(traineeId);
    if (!evaluations)
        return std::unexpected(evaluations.error());
    QJsonArray evaluated;
    for (const QVariantMap& evaluation : std::as_const(evaluations->rows)) {
        const auto level = fromCode<CompetenceLevel>(evaluation.value(QStringLiteral("level")).toString());
        evaluated.append(QJsonObject{
            {QStringLiteral("compétence"),
             QStringLiteral("%1 %2").arg(evaluation.value(QStringLiteral("code")).toString(),
                                         evaluation.value(QStringLiteral("title")).toString())},
            {QStringLiteral("niveau"), level ? labelOf(*level) : QString()},
            {QStringLiteral("jour"),
             day(QDate::fromString(evaluation.value(QStringLiteral("day")).toString(), Qt::ISODate))},
            {QStringLiteral("par"), evaluation.value(QStringLiteral("evaluator_name")).toString()},
            {QStringLiteral("commentaire"), evaluation.value(QStringLiteral("comment")).toString()}});
    }
    out.data.insert(evaluations->title, evaluated);
    out.data.insert(QStringLiteral("journal des modifications"),
                    auditRows({{AuditEntity::Trainee, QString::number(traineeId)}}, QString()));
    ETABLI_TRY(recordExport(AuditEntity::Trainee, traineeId));
    return out;
}

Result<PersonalDataService::Export> PersonalDataService::exportAccount(const QString& login)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::PersonalDataExport));
    auto found = UserRepository(m_db).findByLogin(login);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail(Error::Code::NotFound, tr("No account has the login “%1”.").arg(login));
    const User& u = (*found)->user;
    QStringList sections;
    for (const Section& section : SectionRepository(m_db).list().value_or(QList<Section>{}))
        if (u.sectionIds.contains(section.id))
            sections << section.name;
    QJsonObject record{
        {AuditWording::fieldLabel(QStringLiteral("login")), u.login},
        {AuditWording::fieldLabel(QStringLiteral("display_name")), u.displayName},
        {AuditWording::fieldLabel(QStringLiteral("role")), labelOf(u.role)},
        {AuditWording::fieldLabel(QStringLiteral("active")),
         AuditWording::value(AuditEntity::User, QStringLiteral("active"), u.active)},
        {tr("Last login"),
         AuditWording::value(AuditEntity::User, QStringLiteral("at"), u.lastLogin.toString(Qt::ISODate))},
        {AuditWording::fieldLabel(QStringLiteral("sections")), sections.join(QStringLiteral(", "))},
        {AuditWording::fieldLabel(QStringLiteral("password")),
         tr("stored only as an Argon2id hash, not exported")}};
    Export out;
    out.title = tr("Data held about %1").arg(u.displayName.isEmpty() ? u.login : u.displayName);
    out.baseName = QStringLiteral("donnees-compte-%1").arg(u.id);
    out.data.insert(QStringLiteral("personne"), tr("user account"));
    out.data.insert(QStringLiteral("exporté le"),
                    AuditWording::value({}, QStringLiteral("at"), m_clock.nowIso()));
    out.data.insert(QStringLiteral("compte"), record);
    out.data.insert(QStringLiteral("journal des modifications"),
                    auditRows({{AuditEntity::User, QString::number(u.id)}}, u.login));
    auto recorded = inTransaction(m_db, [&]() {
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::User, QString::number(u.id), AuditAction::Export);
    });
    if (!recorded)
        return std::unexpected(recorded.error());
    return out;
}

QString PersonalDataService::toHtml(const Export& data, const QDate& today)
{
    return QStringLiteral(
               "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>%1</title>"
               "<style>body{font-family:sans-serif;margin:2em} th{background:#eee;vertical-align:top}"
               "</style></head><body><h1>%1</h1><p>%2</p>%3</body></html>")
        .arg(data.title.toHtmlEscaped(),
             tr("Exported on %1 under article 15 of the GDPR (right of access).")
                 .arg(QLocale().toString(today, QStringLiteral("dd/MM/yyyy")))
                 .toHtmlEscaped(),
             htmlOf(data.data));
}

Result<QStringList> PersonalDataService::write(const Export& data, const QString& directory) const
{
    const QDir dir(directory);
    if (!dir.exists())
        return fail(Error::Code::NotFound,
                    tr("The folder “%1” does not exist.").arg(QDir::toNativeSeparators(directory)));
    const QStringList paths = {dir.filePath(data.baseName + QStringLiteral(".json")),
                               dir.filePath(data.baseName + QStringLiteral(".html"))};
    const QList<QByteArray> contents = {QJsonDocument(data.data).toJson(QJsonDocument::Indented),
                                        toHtml(data, m_clock.today()).toUtf8()};
    for (int i = 0; i < paths.size(); ++i)
        ETABLI_TRY(files::write(paths.at(i), contents.at(i), true));
    return paths;
}

Result<PersonalDataService::Retention> PersonalDataService::retention() const
{
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    return Retention{school->retentionTraineeYears, school->retentionInvoiceYears,
                     school->retentionCandidateMonths};
}

Status PersonalDataService::setRetention(const Retention& r)
{
    if (auto a = AccessControl::require(m_actor, permission::RetentionApply); !a)
        return a;
    if (r.traineeYears < 1 || r.traineeYears > 50)
        return fail(Error::Code::InvalidInput,
                    tr("Trainees are anonymised between 1 and 50 years after they left."));
    if (r.invoiceYears < 10 || r.invoiceYears > 50)
        return fail(Error::Code::InvalidInput,
                    tr("Invoices must be kept at least 10 years (French commercial law), and at most 50."));
    if (r.candidateMonths < 1 || r.candidateMonths > 120)
        return fail(
            Error::Code::InvalidInput,
            tr("Candidates not admitted are anonymised between 1 and 120 months after the decision."));
    return inTransaction(m_db, [&]() -> Status {
        auto before = retention();
        if (!before)
            return std::unexpected(before.error());
        if (auto s = SchoolRepository(m_db).saveRetention(r.traineeYears, r.invoiceYears, r.candidateMonths,
                                                          m_clock.nowIso());
            !s)
            return s;
        ChangeSet c;
        c.add(QStringLiteral("retention_trainee_years"), before->traineeYears, r.traineeYears)
            .add(QStringLiteral("retention_invoice_years"), before->invoiceYears, r.invoiceYears)
            .add(QStringLiteral("retention_candidate_months"), before->candidateMonths, r.candidateMonths);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::School, QStringLiteral("1"), AuditAction::Update, c);
    });
}

Result<QList<TraineeRepository::Hit>> PersonalDataService::retentionPreview(const QDate& today) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::RetentionApply));
    auto r = retention();
    if (!r)
        return std::unexpected(r.error());
    return TraineeRepository(m_db).retentionDue(today.addYears(-r->traineeYears),
                                                today.addMonths(-r->candidateMonths));
}

Result<int> PersonalDataService::applyRetention(const QDate& today, const QList<qint64>& ids)
{
    auto eligible = retentionPreview(today);
    if (!eligible)
        return std::unexpected(eligible.error());
    QSet<qint64> allowed;
    for (const auto& hit : *eligible)
        allowed.insert(hit.id);
    return inTransaction(m_db, [&]() -> Result<int> {
        TraineeRepository trainees(m_db);
        AuditTrail audit(m_db, m_clock);
        int done = 0;
        for (qint64 id : ids) {
            if (!allowed.contains(id))
                continue; // no longer covered (or never was): left alone
            ETABLI_TRY(trainees.anonymise(id, m_clock.nowIso()));
            ChangeSet c;
            c.add(QStringLiteral("identity"), ChangeSet::masked(), QStringLiteral("anonyme"));
            ETABLI_TRY(
                audit.record(m_actor, AuditEntity::Trainee, QString::number(id), AuditAction::Anonymise, c));
            // The trail's digests of the person can no longer be linked to a value.
            ETABLI_TRY(audit.forget(QStringLiteral("trainee:%1").arg(id)));
            ++done;
        }
        return done;
    });
}

} // namespace etabli
