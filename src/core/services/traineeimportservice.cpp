#include "services/traineeimportservice.h"

#include "domain/schoolyear.h"
#include "io/csv.h"
#include "io/sheetreader.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/importlines.h"
#include "services/traineeservice.h"
#include "storage/careerrepository.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"
#include "storage/traineedetailrepository.h"
#include "storage/traineelistquery.h"
#include "storage/traineerepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/text.h"

#include <limits>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace etabli {

namespace {

QString key(const QString& s)
{
    QString k = text::fold(s);
    k.replace(QChar(0x2019), QLatin1Char('\''));
    return k;
}

// "CAP MV" and "CAP métallier" are of the kind "cap".
QString kindOf(const QString& code)
{
    return key(code).section(QLatin1Char(' '), 0, 0);
}

// A result in the words a spreadsheet uses; none when the text is not one.
std::optional<CertificationResult> resultOf(const QString& folded)
{
    if (folded == QLatin1String("obtenu") || folded == QLatin1String("oui") ||
        folded == QLatin1String("admis"))
        return CertificationResult::Passed;
    if (folded == QLatin1String("non obtenu") || folded == QLatin1String("non") ||
        folded == QLatin1String("ajourne") || folded == QLatin1String("echec"))
        return CertificationResult::Failed;
    if (folded == QLatin1String("inscrit"))
        return CertificationResult::Registered;
    if (folded == QLatin1String("absent"))
        return CertificationResult::Absent;
    return std::nullopt;
}

// Words that only an exam's result uses (not "oui", "non", "absent" or
// "inscrit", which another column may hold: the list's export has a
// "statut" column of "inscrit").
bool looksLikeResult(const QString& folded)
{
    return folded == QLatin1String("obtenu") || folded == QLatin1String("non obtenu") ||
           folded == QLatin1String("admis") || folded == QLatin1String("ajourne") ||
           folded == QLatin1String("echec");
}

// A column of results: the certification of its name ("CAP MV"), or of its
// kind ("CAP"): the catalogue's only one of that kind, or the one the row's
// section prepares.
struct CertificationColumn
{
    int index = 0;
    qint64 fixed = 0;
    QHash<qint64, qint64> bySection;              // section → its only certification of the kind
    QHash<qint64, QStringList> sectionCandidates; // section → its several of the kind
    QStringList candidates;                       // every certification of the kind
};

} // namespace

int TraineeImportService::Preview::validCount() const
{
    return static_cast<int>(
        std::count_if(rows.begin(), rows.end(), [](const Row& r) { return r.problem.isEmpty(); }));
}

QString TraineeImportService::joinProblems(QStringList problems)
{
    return ImportLines::joinProblems(std::move(problems));
}

Result<QDate> TraineeImportService::parseDate(const QString& textIn, const QDate& today)
{
    const QString t = textIn.trimmed();
    if (t.isEmpty())
        return QDate();
    const QDate d = text::parseTypedDate(t, today);
    if (!d.isValid())
        return fail(Error::Code::InvalidInput, tr("“%1” is not a date (dd/mm/yyyy).").arg(t));
    return d;
}

ExitReason TraineeImportService::matchExitReason(const QString& textIn)
{
    const QString k = key(textIn);
    static const QList<std::pair<ExitReason, QStringList>> table = {
        {ExitReason::Apprenticeship,
         {QStringLiteral("apprentissage"), QStringLiteral("contrat d'apprentissage"),
          QStringLiteral("alternance"), QStringLiteral("apprenti")}},
        {ExitReason::Job,
         {QStringLiteral("emploi"), QStringLiteral("embauche"), QStringLiteral("travail"),
          QStringLiteral("cdi"), QStringLiteral("cdd"), QStringLiteral("interim")}},
        {ExitReason::Training,
         {QStringLiteral("formation"), QStringLiteral("autre formation"),
          QStringLiteral("formation ailleurs"), QStringLiteral("reorientation"),
          QStringLiteral("poursuite de formation")}},
        {ExitReason::EndOfCourse,
         {QStringLiteral("fin de formation"), QStringLiteral("fin de parcours"),
          QStringLiteral("fin de cursus"), QStringLiteral("diplome")}},
        {ExitReason::Moved, {QStringLiteral("demenagement"), QStringLiteral("demenage")}},
        {ExitReason::Personal,
         {QStringLiteral("raisons personnelles"), QStringLiteral("raison personnelle"),
          QStringLiteral("personnel"), QStringLiteral("sante"), QStringLiteral("raisons familiales")}},
        {ExitReason::Exclusion,
         {QStringLiteral("exclusion"), QStringLiteral("exclu"), QStringLiteral("renvoi")}},
        {ExitReason::DroppedOut,
         {QStringLiteral("abandon"), QStringLiteral("decrochage"), QStringLiteral("demission")}},
        {ExitReason::Other, {QStringLiteral("autre"), QStringLiteral("autres")}},
    };
    for (const auto& [reason, words] : table) {
        if (words.contains(k))
            return reason;
    }
    return ExitReason::None;
}

Result<TraineeImportService::Preview> TraineeImportService::prepare(const QByteArray& bytes) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesWrite));
    auto table = sheet::read(bytes);
    if (!table)
        return std::unexpected(table.error());
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    auto sections = SectionRepository(m_db).list();
    auto referrals = TraineeDetailRepository(m_db).referrals();
    auto catalogue = CareerRepository(m_db).certifications();
    auto prepared = SectionRepository(m_db).preparedCertifications();
    if (!sections || !referrals || !catalogue || !prepared)
        return fail(Error::Code::Storage, tr("The lists of the database cannot be read."));

    QHash<QString, qint64> sectionByKey;
    for (const Section& s : *sections)
        sectionByKey.insert(key(s.name), s.id);
    QHash<QString, qint64> referralByKey;
    for (const Referral& r : *referrals)
        referralByKey.insert(key(r.name), r.id);
    QHash<QString, qint64> certificationByKey;
    QHash<QString, QList<Certification>> certificationsOfKind;
    QHash<qint64, QString> certificationCode;
    for (const Certification& c : *catalogue) {
        certificationByKey.insert(key(c.code), c.id);
        certificationsOfKind[kindOf(c.code)] << c;
        certificationCode.insert(c.id, c.code);
    }
    const auto kindColumn = [&](int index, const QList<Certification>& ofKind) {
        CertificationColumn column;
        column.index = index;
        for (const Certification& c : ofKind)
            column.candidates << c.code;
        if (ofKind.size() == 1) {
            column.fixed = ofKind.first().id;
            return column;
        }
        for (const Section& section : *sections) {
            QList<qint64> mine;
            QStringList codes;
            for (const Certification& c : ofKind) {
                if (prepared->value(section.id).contains(c.id)) {
                    mine << c.id;
                    codes << c.code;
                }
            }
            if (mine.size() == 1)
                column.bySection.insert(section.id, mine.first());
            else if (mine.size() > 1)
                column.sectionCandidates.insert(section.id, codes);
        }
        return column;
    };

    enum Field
    {
        LastName,
        FirstName,
        Birth,
        Sex,
        SectionName,
        Entry,
        StudyYear,
        Exit,
        Reason,
        ReferralName,
        SessionYear
    };
    const QHash<QString, Field> known = {
        {QStringLiteral("nom"), LastName},
        {QStringLiteral("prenom"), FirstName},
        {QStringLiteral("date de naissance"), Birth},
        {QStringLiteral("sexe"), Sex},
        {QStringLiteral("section"), SectionName},
        {QStringLiteral("date d'entree"), Entry},
        {QStringLiteral("annee"), StudyYear},
        {QStringLiteral("date de sortie"), Exit},
        {QStringLiteral("motif de sortie"), Reason},
        {QStringLiteral("prescripteur"), ReferralName},
        {QStringLiteral("session"), SessionYear},
    };
    Preview preview;
    preview.encoding = table->encoding;
    QHash<Field, int> column;
    QList<CertificationColumn> certificationColumns;
    QList<int> ignored;
    for (int i = 0; i < table->header.size(); ++i) {
        const QString h = key(table->header.at(i));
        if (known.contains(h)) {
            column.insert(known.value(h), i);
        } else if (certificationByKey.contains(h)) {
            CertificationColumn c;
            c.index = i;
            c.fixed = certificationByKey.value(h);
            certificationColumns << c;
        } else if (certificationsOfKind.contains(h)) {
            certificationColumns << kindColumn(i, certificationsOfKind.value(h));
        } else if (!h.isEmpty()) {
            preview.ignoredColumns << table->header.at(i).trimmed();
            ignored << i;
        }
    }
    if (!column.contains(LastName) || !column.contains(FirstName))
        return fail(Error::Code::InvalidInput,
                    tr("The file has no “nom” and “prénom” columns (line 1). Columns found: %1.")
                        .arg(table->header.join(QStringLiteral(", "))));

    TraineeService checker(m_db, m_clock, m_actor);
    TraineeRepository trainees(m_db);
    const QDate today = m_clock.today();
    QSet<QString> seen;                            // identities within the file
    const auto inDatabase = trainees.identities(); // and in the database
    if (!inDatabase)
        return std::unexpected(inDatabase.error());
    QSet<QString> newReferrals;
    // Columns whose certification is not clear: column → section → candidates.
    QMap<QString, QMap<QString, QStringList>> unclear;
    // Unknown columns holding results: column → (a value, its line).
    QMap<QString, std::pair<QString, int>> resultsUnknown;
    preview.rows.reserve(table->rows.size());
    for (int r = 0; r < table->rows.size(); ++r) {
        const QStringList& cells = table->rows.at(r);
        Row row;
        row.line = table->lines.at(r);
        const auto cell = [&](Field f) {
            const int i = column.value(f, -1);
            return i >= 0 && i < cells.size() ? cells.at(i).trimmed() : QString();
        };
        QStringList problems;
        for (const QString& c : cells) {
            if (csv::looksLikeFormula(c.trimmed()) && !c.trimmed().isEmpty()) {
                problems << tr("a cell looks like a spreadsheet formula (“%1”)").arg(c.trimmed().left(30));
                break;
            }
        }
        Trainee& t = row.trainee;
        t.lastName = cell(LastName);
        t.firstName = cell(FirstName);
        const auto date = [&](Field f, QDate* out) {
            auto d = parseDate(cell(f), today);
            if (d)
                *out = *d;
            else
                problems << d.error().message;
        };
        date(Birth, &t.birthDate);
        date(Entry, &t.entryDate);
        date(Exit, &t.exitDate);
        const QString sex = cell(Sex).toUpper();
        if (sex == QLatin1String("F") || sex == QLatin1String("M"))
            t.sex = sex;
        else if (!sex.isEmpty())
            problems << tr("the sex is F or M (“%1”)").arg(cell(Sex));
        if (!cell(SectionName).isEmpty()) {
            t.sectionId = sectionByKey.value(key(cell(SectionName)), 0);
            if (t.sectionId == 0)
                problems << tr("unknown section “%1”").arg(cell(SectionName));
        }
        const QString year = cell(StudyYear);
        if (year.isEmpty() || year == QLatin1String("1"))
            t.studyYear = 1;
        else if (year == QLatin1String("2"))
            t.studyYear = 2;
        else
            problems << tr("the year is 1 or 2 (“%1”)").arg(year);
        if (!cell(Reason).isEmpty()) {
            t.exitReason = matchExitReason(cell(Reason));
            if (t.exitReason == ExitReason::None)
                problems << tr("unknown exit reason “%1”").arg(cell(Reason));
        }
        if (!cell(ReferralName).isEmpty()) {
            t.referralId = referralByKey.value(key(cell(ReferralName)), 0);
            if (t.referralId == 0) {
                row.referralName = cell(ReferralName);
                newReferrals.insert(row.referralName);
            }
        }
        t.status = t.exitDate.isValid()    ? TraineeStatus::Left
                   : t.entryDate.isValid() ? TraineeStatus::Enrolled
                                           : TraineeStatus::Candidate;
        if (t.status == TraineeStatus::Left && t.exitReason == ExitReason::None)
            t.exitReason = ExitReason::Other;
        t.cohortYear = t.entryDate.isValid()
                           ? SchoolYear::containing(t.entryDate, school->schoolYearStartMonth).startYear()
                           : 0;
        // Certifications: their session is the "session" column, or the
        // year of the exit, or the June that ends the first school year.
        int session = 0;
        if (!cell(SessionYear).isEmpty()) {
            bool ok = false;
            session = cell(SessionYear).toInt(&ok);
            if (!ok || session < 1990 || session > 2200)
                problems << tr("the session is a year such as 2022 (“%1”)").arg(cell(SessionYear));
        } else if (t.exitDate.isValid()) {
            session = t.exitDate.year();
        } else if (t.cohortYear != 0) {
            session = t.cohortYear + 1;
        }
        for (const CertificationColumn& c : certificationColumns) {
            const QString value = c.index < cells.size() ? key(cells.at(c.index)) : QString();
            if (value.isEmpty())
                continue;
            const QString header = table->header.at(c.index).trimmed();
            const std::optional<CertificationResult> result = resultOf(value);
            if (!result)
                problems
                    << tr("unknown result “%1” in the column %2").arg(cells.at(c.index).trimmed(), header);
            else if (session == 0)
                problems << tr("no session year for the certification %1").arg(header);
            const qint64 certificationId = c.fixed != 0 ? c.fixed : c.bySection.value(t.sectionId, 0);
            if (certificationId == 0) {
                // Which one the column means is not said: the file is refused
                // below (a row of an unknown section is refused already).
                if (t.sectionId != 0 || cell(SectionName).isEmpty())
                    unclear[header].insert(cell(SectionName),
                                           c.sectionCandidates.value(t.sectionId, c.candidates));
                continue;
            }
            if (result)
                row.certifications << TraineeCertification{
                    0, 0, certificationId, certificationCode.value(certificationId), session, *result, {}};
        }
        for (int index : std::as_const(ignored)) {
            const QString value = index < cells.size() ? key(cells.at(index)) : QString();
            if (looksLikeResult(value) && !resultsUnknown.contains(table->header.at(index).trimmed()))
                resultsUnknown.insert(table->header.at(index).trimmed(),
                                      std::make_pair(cells.at(index).trimmed(), row.line));
        }
        if (problems.isEmpty()) {
            if (auto v = checker.validate(t, false, today); !v)
                problems << v.error().message;
        }
        if (problems.isEmpty() && t.birthDate.isValid()) {
            const QString identity = TraineeRepository::identityKey(t.lastName, t.firstName, t.birthDate);
            if (seen.contains(identity))
                problems << tr("the same person appears twice in the file");
            seen.insert(identity);
            if (const qint64 twin = inDatabase->value(identity); twin != 0)
                problems << tr("already in the database (record n°%1)").arg(twin);
        }
        row.problem = joinProblems(problems);
        preview.rows << std::move(row);
    }
    // A column of results is never left out in silence.
    if (!resultsUnknown.isEmpty()) {
        const QString header = resultsUnknown.firstKey();
        const auto [value, line] = resultsUnknown.first();
        QStringList codes;
        for (const Certification& c : *catalogue)
            codes << c.code;
        return fail(Error::Code::InvalidInput,
                    tr("The column “%1” holds exam results (“%2”, line %3) but no certification of the "
                       "catalogue is called so. Give the column the short name of one of them (%4), or add "
                       "the certification to the catalogue (a trainee's Course tab), then import again.")
                        .arg(header, value)
                        .arg(line)
                        .arg(codes.join(QStringLiteral(", "))));
    }
    if (!unclear.isEmpty()) {
        const QString header = unclear.firstKey();
        QStringList which;
        for (auto it = unclear.first().cbegin(); it != unclear.first().cend(); ++it) {
            const QString candidates = it.value().join(tr(" or "));
            which << (it.key().isEmpty() ? tr("without a section: %1").arg(candidates)
                                         : tr("for the section “%1”: %2").arg(it.key(), candidates));
        }
        return fail(Error::Code::InvalidInput,
                    tr("The column “%1” does not say which certification it is (%2). Give the column the "
                       "certification's short name (such as %3), or tick what each section prepares in "
                       "Settings, Sections, “Certifications prepared…”; nothing was imported.")
                        .arg(header, which.join(QStringLiteral("; ")), unclear.first().first().first()));
    }
    preview.newReferrals = QStringList(newReferrals.begin(), newReferrals.end());
    preview.newReferrals.sort();
    return preview;
}

Result<int> TraineeImportService::apply(const Preview& preview, bool skipInvalid)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesWrite));
    if (preview.invalidCount() > 0 && !skipInvalid) {
        return ImportLines::nothingImportedOf(preview.rows);
    }
    return inTransaction(m_db, [&]() -> Result<int> {
        TraineeRepository trainees(m_db);
        TraineeDetailRepository details(m_db);
        CareerRepository career(m_db);
        AuditTrail audit(m_db, m_clock);
        QHash<QString, qint64> createdReferrals;
        QList<AuditTrail::Row> created;
        // Read again inside the transaction: another PC may have added a person since the check.
        const auto known = trainees.identities();
        if (!known)
            return std::unexpected(known.error());
        const QString now = m_clock.nowIso();
        QList<Trainee> people;
        QList<const Row*> from; // the line of each person
        people.reserve(preview.rows.size());
        from.reserve(preview.rows.size());
        for (const Row& row : preview.rows) {
            if (!row.problem.isEmpty())
                continue;
            Trainee t = row.trainee;
            if (!row.referralName.isEmpty()) {
                if (!createdReferrals.contains(key(row.referralName))) {
                    auto id = details.insertReferral(row.referralName);
                    if (!id)
                        return std::unexpected(id.error());
                    createdReferrals.insert(key(row.referralName), *id);
                }
                t.referralId = createdReferrals.value(key(row.referralName));
            }
            const qint64 twin =
                t.birthDate.isValid()
                    ? known->value(TraineeRepository::identityKey(t.lastName, t.firstName, t.birthDate))
                    : 0;
            if (twin != 0)
                return fail(
                    Error::Code::Conflict,
                    tr("Line %1: %2 %3 is already in the database (record n°%4); nothing was imported.")
                        .arg(row.line)
                        .arg(t.firstName, t.lastName)
                        .arg(twin));
            people << std::move(t);
            from << &row;
        }
        TraineeRepository::Failed failed;
        const auto ids = trainees.insertAll(people, now, &failed);
        if (!ids) {
            const int first = from.value(failed.first)->line;
            const int last = from.value(failed.last)->line;
            const QString where =
                first == last ? tr("Line %1").arg(first) : tr("Lines %1 to %2").arg(first).arg(last);
            return std::unexpected(
                Error{ids.error().code, tr("%1: %2").arg(where, ids.error().message), ids.error().detail});
        }
        for (qsizetype i = 0; i < people.size(); ++i) {
            const Row& row = *from.at(i);
            for (TraineeCertification c : row.certifications) {
                c.traineeId = ids->at(i);
                ETABLI_TRY(career.upsertTraineeCertification(c));
            }
            ChangeSet changes;
            changes.set(QStringLiteral("import line"), row.line);
            created << AuditTrail::Row{QString::number(ids->at(i)), changes};
        }
        const int imported = static_cast<int>(people.size());
        // One entry per person created, appended together in this transaction.
        ETABLI_TRY(audit.recordAll(m_actor, AuditEntity::Trainee, AuditAction::Create, created));
        return imported;
    });
}

Result<xlsx::Sheet> TraineeImportService::exportSheet(const TraineeFilter& filter) const
{
    TraineeService service(m_db, m_clock, m_actor);
    xlsx::Sheet sheet;
    sheet.name = tr("Trainees");
    using K = xlsx::Kind;
    sheet.columns = {{QStringLiteral("nom"), K::Text},
                     {QStringLiteral("prénom"), K::Text},
                     {QStringLiteral("date de naissance"), K::Date},
                     {QStringLiteral("sexe"), K::Text},
                     {QStringLiteral("section"), K::Text},
                     {QStringLiteral("année scolaire d'entrée"), K::Text},
                     {QStringLiteral("année"), K::Integer},
                     {QStringLiteral("statut"), K::Text},
                     {QStringLiteral("date d'entrée"), K::Date},
                     {QStringLiteral("date de sortie"), K::Date}};
    auto all = readAll<TraineeRow>([&](const PageRequest& r) { return service.page(filter, r); },
                                   std::numeric_limits<qsizetype>::max(), 500);
    if (!all)
        return std::unexpected(all.error());
    const auto day = [](const QDate& d) { return d.isValid() ? QVariant(d) : QVariant(); };
    for (const TraineeRow& r : *all)
        sheet.rows << QList<QVariant>{
            r.lastName,
            r.firstName,
            day(r.birthDate),
            r.sex,
            r.section,
            r.cohortYear ? QStringLiteral("%1-%2").arg(r.cohortYear).arg(r.cohortYear + 1) : QString(),
            r.studyYear ? QVariant(qint64(r.studyYear)) : QVariant(),
            labelOf(r.status),
            day(r.entryDate),
            day(r.exitDate)};
    return sheet;
}

Result<QByteArray> TraineeImportService::exportCsv(const TraineeFilter& filter) const
{
    auto sheet = exportSheet(filter);
    if (!sheet)
        return std::unexpected(sheet.error());
    return csv::write(xlsx::headers(*sheet), xlsx::frenchTexts(*sheet));
}

Result<QByteArray> TraineeImportService::exportXlsx(const TraineeFilter& filter) const
{
    auto sheet = exportSheet(filter);
    if (!sheet)
        return std::unexpected(sheet.error());
    return xlsx::workbook({*sheet});
}

} // namespace etabli
