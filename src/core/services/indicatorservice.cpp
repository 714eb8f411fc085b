#include "services/indicatorservice.h"

#include "domain/production.h"
#include "domain/schoolyear.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/traineeservice.h"
#include "storage/indicatorqueries.h"
#include "storage/narrativerepository.h"
#include "storage/productionrepository.h"
#include "storage/referencevaluerepository.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/translations.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

namespace etabli {

namespace {

double rate(int part, int whole)
{
    return whole == 0 ? -1.0 : static_cast<double>(part) / static_cast<double>(whole);
}

// The indicators' key of a milestone (the JSON's and the funder pack's).
QString milestoneKey(OutcomeMilestone milestone)
{
    switch (milestone) {
    case OutcomeMilestone::SixMonths:
        return QStringLiteral("months_6");
    case OutcomeMilestone::TwelveMonths:
        return QStringLiteral("months_12");
    case OutcomeMilestone::Exit:
        break;
    }
    return QStringLiteral("at_exit");
}

} // namespace

QStringList IndicatorService::exitKeys()
{
    return {QStringLiteral("apprenticeship"), QStringLiteral("job"),     QStringLiteral("training"),
            QStringLiteral("end_of_course"),  QStringLiteral("moved"),   QStringLiteral("personal"),
            QStringLiteral("exclusion"),      QStringLiteral("dropout"), QStringLiteral("other")};
}

QString IndicatorService::exitKey(const QString& stored)
{
    if (stored == QLatin1String("dropped_out"))
        return QStringLiteral("dropout");
    return exitKeys().contains(stored) ? stored : QStringLiteral("other");
}

int IndicatorService::startYearOf(const QString& schoolYear)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{4})(?:\\s*[-/]\\s*(\\d{4}))?\\s*$"));
    const auto match = pattern.match(schoolYear);
    if (!match.hasMatch() ||
        (match.captured(2).toInt() != 0 && match.captured(2).toInt() != match.captured(1).toInt() + 1))
        return 0;
    return match.captured(1).toInt();
}

Result<Section> IndicatorService::sectionNamed(Database& db, const QString& name)
{
    auto sections = SectionRepository(db).list();
    if (!sections)
        return std::unexpected(sections.error());
    for (const Section& s : *sections)
        if (s.name.compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return s;
    return fail(Error::Code::NotFound, tr("No section is named “%1”.").arg(name.trimmed()));
}

Result<ReportNarrative> IndicatorService::narrative(const QString& schoolYear) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::ReportsRead));
    const int start = startYearOf(schoolYear);
    if (start == 0)
        return fail(Error::Code::InvalidInput, tr("Give the school year as 2013-2014."));
    return NarrativeRepository(m_db).find(SchoolYear(start).label());
}

Status IndicatorService::saveNarrative(const ReportNarrative& input)
{
    if (auto r = AccessControl::require(m_actor, permission::ReportsWrite); !r)
        return r;
    const int start = startYearOf(input.schoolYear);
    if (start == 0)
        return fail(Error::Code::InvalidInput, tr("Give the school year as 2013-2014."));
    ReportNarrative n = input;
    n.schoolYear = SchoolYear(start).label();
    return inTransaction(m_db, [&]() -> Status {
        if (auto r = NarrativeRepository(m_db).save(n, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.set(QStringLiteral("highlights"), n.highlights)
            .set(QStringLiteral("difficulties"), n.difficulties)
            .set(QStringLiteral("outlook"), n.outlook);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::ReportNarrative, n.schoolYear, AuditAction::Update, c);
    });
}

QString IndicatorService::percent(double rate)
{
    return rate < 0 ? QStringLiteral("—")
                    : QLocale(QLocale::French, QLocale::France).toString(rate * 100.0, 'f', 1) +
                          QStringLiteral(" %");
}

QList<std::pair<QString, QString>> IndicatorService::askableIndicators()
{
    return {{QStringLiteral("entrants"), tr("Entrants")},
            {QStringLiteral("enrolled"), tr("Enrolled at some time in the year")},
            {QStringLiteral("continuing"), tr("Continuing into the next year")},
            {QStringLiteral("exits"), tr("Exits")},
            {QStringLiteral("certifications"), tr("Certifications (passed / presented)")},
            {QStringLiteral("attendance_rate"), tr("Attendance rate")},
            {QStringLiteral("internships"), tr("Internships (host organisations)")},
            {QStringLiteral("insertion_rate"),
             tr("Insertion rate (job, apprenticeship or training ÷ known outcomes)")},
            {QStringLiteral("production_hours"), tr("Hours of production (trainees)")},
            {QStringLiteral("orders"), tr("Work orders")},
            {QStringLiteral("customers"), tr("Customers invoiced")},
            {QStringLiteral("production_revenue_cents"), tr("Production sales, excl. VAT")},
            {QStringLiteral("volunteers"), tr("Volunteers (hours given)")},
            {QStringLiteral("practice_share"), tr("Presence time in the workshop")},
            {QStringLiteral("trainees_per_master"), tr("Trainees per master trainer on a school day")},
            {QStringLiteral("customer_order_share"), tr("Production hours on customers' orders")}};
}

QStringList IndicatorService::defaultAskedIndicators()
{
    return {QStringLiteral("entrants"), QStringLiteral("exits"), QStringLiteral("certifications"),
            QStringLiteral("attendance_rate"), QStringLiteral("insertion_rate")};
}

QString IndicatorService::valueOf(const Indicators& i, const QString& key)
{
    const QLocale fr(QLocale::French, QLocale::France);
    if (key == QLatin1String("entrants"))
        return fr.toString(i.entrants);
    if (key == QLatin1String("enrolled"))
        return fr.toString(i.enrolled);
    if (key == QLatin1String("continuing"))
        return fr.toString(i.continuing);
    if (key == QLatin1String("exits"))
        return fr.toString(i.exits);
    if (key == QLatin1String("certifications")) {
        int passed = 0;
        int presented = 0;
        for (const auto& results : i.certifications) {
            passed += results.value(codeOf(CertificationResult::Passed));
            presented += results.value(codeOf(CertificationResult::Passed)) +
                         results.value(codeOf(CertificationResult::Failed));
        }
        return presented == 0 ? QStringLiteral("—") : QStringLiteral("%1 / %2").arg(passed).arg(presented);
    }
    if (key == QLatin1String("attendance_rate"))
        return percent(i.attendanceRate);
    if (key == QLatin1String("internships"))
        return QStringLiteral("%1 (%2)").arg(fr.toString(i.internships), fr.toString(i.hostOrganisations));
    if (key == QLatin1String("insertion_rate"))
        return percent(i.insertionRate);
    if (key == QLatin1String("production_hours"))
        return Quantities::formatDuration(i.productionMinutes());
    if (key == QLatin1String("orders"))
        return fr.toString(i.orders);
    if (key == QLatin1String("customers"))
        return fr.toString(i.customers);
    if (key == QLatin1String("production_revenue_cents"))
        return i.productionRevenue.format();
    if (key == QLatin1String("volunteers"))
        return QStringLiteral("%1 (%2 h)")
            .arg(fr.toString(i.volunteers), fr.toString(i.volunteerHours, 'f', 0));
    if (key == QLatin1String("practice_share"))
        return percent(i.practiceShare);
    if (key == QLatin1String("trainees_per_master"))
        return i.traineesPerMaster < 0 ? QStringLiteral("—") : fr.toString(i.traineesPerMaster, 'f', 1);
    if (key == QLatin1String("customer_order_share"))
        return percent(i.customerOrderShare);
    return QStringLiteral("—");
}

QList<IndicatorRow> IndicatorService::rows(const Indicators& now)
{
    const Indicators before = now.previous ? *now.previous : Indicators();
    const QLocale fr(QLocale::French, QLocale::France);
    const auto number = [&fr](qint64 n) { return fr.toString(n); };
    QList<IndicatorRow> out;
    const auto row = [&out](const QString& label, const QString& a, const QString& b, int indent = 0) {
        out << IndicatorRow{label, a, b, false, indent};
    };
    const auto heading = [&out](const QString& label) { out << IndicatorRow{label, {}, {}, true, 0}; };
    const auto ratio = [&fr](double r) { return r < 0 ? QStringLiteral("—") : fr.toString(r, 'f', 1); };
    heading(tr("Trainees"));
    row(tr("Entrants"), number(now.entrants), number(before.entrants));
    row(tr("of whom girls"), number(now.entrantsBySex.value(QStringLiteral("F"))),
        number(before.entrantsBySex.value(QStringLiteral("F"))), 1);
    row(tr("Enrolled at some time in the year"), number(now.enrolled), number(before.enrolled));
    row(tr("Continuing into the next year"), number(now.continuing), number(before.continuing));
    row(tr("Exits"), number(now.exits), number(before.exits));
    for (const QString& key : exitKeys()) {
        const QString stored = key == QLatin1String("dropout") ? QStringLiteral("dropped_out") : key;
        row(labelOfCode<ExitReason>(stored), number(now.exitsByReason.value(key)),
            number(before.exitsByReason.value(key)), 1);
    }
    heading(tr("Certifications (passed / presented)"));
    QStringList codes = now.certifications.keys();
    for (const QString& c : before.certifications.keys())
        if (!codes.contains(c))
            codes << c;
    const auto certification = [](const Indicators& i, const QString& code) {
        const auto results = i.certifications.value(code);
        const int presented = results.value(codeOf(CertificationResult::Passed)) +
                              results.value(codeOf(CertificationResult::Failed));
        return presented == 0 ? QStringLiteral("—")
                              : QStringLiteral("%1 / %2")
                                    .arg(results.value(codeOf(CertificationResult::Passed)))
                                    .arg(presented);
    };
    for (const QString& code : std::as_const(codes))
        row(code, certification(now, code), certification(before, code), 1);
    heading(tr("Attendance, internships, outcomes"));
    row(tr("Attendance rate"), percent(now.attendanceRate), percent(before.attendanceRate));
    row(tr("Internships (host organisations)"),
        QStringLiteral("%1 (%2)").arg(number(now.internships), number(now.hostOrganisations)),
        QStringLiteral("%1 (%2)").arg(number(before.internships), number(before.hostOrganisations)));
    row(tr("Insertion rate (job, apprenticeship or training ÷ known outcomes)"), percent(now.insertionRate),
        percent(before.insertionRate));
    for (const ReferenceValue& r : now.references)
        row(r.isSet() ? tr("Reference: %1 (%2, %3)").arg(r.label, r.source).arg(r.year)
                      : tr("Reference: %1 (not typed yet: “Reference values…”)").arg(r.label),
            r.isSet() ? percent(r.valueBp / 10000.0) : QStringLiteral("—"), QString(), 1);
    heading(tr("Fundamentals (target)"));
    row(tr("Presence time in the workshop (target %1)").arg(percent(now.targets.practiceBp / 10000.0)),
        percent(now.practiceShare), percent(before.practiceShare), 1);
    row(tr("Trainees per master trainer on a school day (target %1 at most)")
            .arg(now.targets.traineesPerMaster),
        ratio(now.traineesPerMaster), ratio(before.traineesPerMaster), 1);
    row(tr("Production hours on customers' orders (target %1)")
            .arg(percent(now.targets.customerOrderBp / 10000.0)),
        percent(now.customerOrderShare), percent(before.customerOrderShare), 1);
    heading(tr("Production"));
    row(tr("Hours of production (trainees)"), Quantities::formatDuration(now.productionMinutes()),
        Quantities::formatDuration(before.productionMinutes()));
    row(tr("Work orders"), number(now.orders), number(before.orders));
    row(tr("Customers invoiced"), number(now.customers), number(before.customers));
    row(tr("Production sales, excl. VAT"), now.productionRevenue.format(), before.productionRevenue.format());
    row(tr("Volunteers (hours given)"),
        QStringLiteral("%1 (%2 h)").arg(number(now.volunteers), fr.toString(now.volunteerHours, 'f', 0)),
        QStringLiteral("%1 (%2 h)")
            .arg(number(before.volunteers), fr.toString(before.volunteerHours, 'f', 0)));
    return out;
}

QList<FundamentalRow> IndicatorService::fundamentals(const Indicators& i)
{
    const QLocale fr(QLocale::French, QLocale::France);
    const auto ratio = [&fr](double r) { return r < 0 ? QStringLiteral("—") : fr.toString(r, 'f', 1); };
    const Indicators none;
    const Indicators& before = i.previous ? *i.previous : none;
    const auto atLeast = [](double value, double target) {
        return value < 0 ? std::nullopt : std::optional<bool>(value + 1e-9 >= target);
    };
    const double practiceTarget = i.targets.practiceBp / 10000.0;
    const double ordersTarget = i.targets.customerOrderBp / 10000.0;
    return {
        {QStringLiteral("practice_share"), tr("Presence time in the workshop"), percent(i.practiceShare),
         tr("%1 at least").arg(percent(practiceTarget)), percent(before.practiceShare),
         atLeast(i.practiceShare, practiceTarget)},
        {QStringLiteral("trainees_per_master"), tr("Trainees per master trainer on a school day"),
         i.traineesPerMaster < 0
             ? QStringLiteral("—")
             : tr("%1 (busiest day %2)").arg(ratio(i.traineesPerMaster), ratio(i.traineesPerMasterMax)),
         tr("%1 at most").arg(i.targets.traineesPerMaster), ratio(before.traineesPerMaster),
         i.traineesPerMaster < 0
             ? std::nullopt
             : std::optional<bool>(i.traineesPerMaster <= i.targets.traineesPerMaster + 1e-9)},
        {QStringLiteral("customer_order_share"), tr("Production hours on customers' orders"),
         percent(i.customerOrderShare), tr("%1 at least").arg(percent(ordersTarget)),
         percent(before.customerOrderShare), atLeast(i.customerOrderShare, ordersTarget)},
    };
}

Result<QList<IndicatorService::Practice>> IndicatorService::practice(const QString& schoolYear,
                                                                     const QString& section) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::ReportsRead));
    const int startYear = startYearOf(schoolYear);
    if (startYear == 0)
        return fail(Error::Code::InvalidInput,
                    tr("“%1” is not a school year (e.g. 2013-2014).").arg(schoolYear));
    qint64 sectionId = 0;
    if (!section.isEmpty()) {
        auto found = sectionNamed(m_db, section);
        if (!found)
            return std::unexpected(found.error());
        sectionId = found->id;
    }
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    const SchoolYear year(startYear, school->schoolYearStartMonth);
    auto rows = IndicatorQueries(m_db).presenceByTrainee(year.firstDay(), year.lastDay(), sectionId);
    if (!rows)
        return std::unexpected(rows.error());
    QList<Practice> out;
    for (const IndicatorQueries::TraineePresence& r : std::as_const(*rows))
        out << Practice{QStringLiteral("%1 %2").arg(r.lastName.toUpper(), r.firstName), r.section, r.workshop,
                        r.inClass};
    return out;
}

Result<Indicators> IndicatorService::indicators(const QString& schoolYear, const QString& section) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::ReportsRead));
    const int startYear = startYearOf(schoolYear);
    if (startYear == 0)
        return fail(Error::Code::InvalidInput, tr("Give the school year as 2013-2014."));
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    qint64 sectionId = 0;
    QString sectionName;
    if (!section.trimmed().isEmpty()) {
        auto found = sectionNamed(m_db, section);
        if (!found)
            return std::unexpected(found.error());
        sectionId = found->id;
        sectionName = found->name;
    }
    auto current = compute(startYear, school->schoolYearStartMonth, sectionId, sectionName);
    if (!current)
        return current;
    auto previous = compute(startYear - 1, school->schoolYearStartMonth, sectionId, sectionName);
    if (!previous)
        return previous;
    current->previous = std::make_shared<Indicators>(*previous);
    auto references = ReferenceValueRepository(m_db).list();
    if (!references)
        return std::unexpected(references.error());
    current->references = *references;
    for (ReferenceValue& v : current->references)
        v.label = referenceLabel(v.label);
    return current;
}

Result<Indicators> IndicatorService::compute(int startYear, int startMonth, qint64 sectionId,
                                             const QString& sectionName) const
{
    const SchoolYear year(startYear, startMonth);
    const QDate from = year.firstDay();
    const QDate to = year.lastDay();
    IndicatorQueries q(m_db);
    Indicators ind;
    ind.schoolYear = year.label();
    ind.section = sectionName;

    auto entrants = q.entrants(from, to, sectionId);
    if (!entrants)
        return std::unexpected(entrants.error());
    ind.entrants = static_cast<int>(entrants->size());
    for (const IndicatorQueries::Entrant& e : *entrants) {
        ind.entrantsBySection[e.section] += 1;
        ind.entrantsBySex[e.sex.isEmpty() ? QStringLiteral("unknown") : e.sex] += 1;
        int age = -1;
        if (e.birth.isValid()) {
            age = e.entry.year() - e.birth.year();
            if (QDate(e.entry.year(), e.birth.month(), std::min(e.birth.day(), 28)) > e.entry)
                --age;
        }
        ind.entrantsByAge[age] += 1;
        ind.entrantsByReferral[e.referral] += 1;
    }
    auto enrolled = q.enrolled(from, to, sectionId);
    auto continuing = q.stillThere(from, to, year.next().firstDay(), sectionId);
    auto exits = q.exitsByReason(from, to, sectionId);
    auto certifications = q.certifications(startYear + 1, sectionId);
    auto months = q.attendanceByMonth(from, to, sectionId);
    auto bySection = q.attendanceBySection(from, to, sectionId);
    auto internships = q.internships(from, to, sectionId);
    auto outcomes = q.outcomesOfLeavers(from, to, sectionId);
    auto orders = q.orders(from, to, sectionId);
    auto invoiced = q.invoiced(from, to, sectionId);
    auto volunteers = q.volunteers(from, to, sectionId);
    for (const Error* e :
         {enrolled ? nullptr : &enrolled.error(), continuing ? nullptr : &continuing.error(),
          exits ? nullptr : &exits.error(), certifications ? nullptr : &certifications.error(),
          months ? nullptr : &months.error(), bySection ? nullptr : &bySection.error(),
          internships ? nullptr : &internships.error(), outcomes ? nullptr : &outcomes.error(),
          orders ? nullptr : &orders.error(), invoiced ? nullptr : &invoiced.error(),
          volunteers ? nullptr : &volunteers.error()})
        if (e)
            return std::unexpected(*e);
    ind.enrolled = *enrolled;
    ind.continuing = *continuing;
    for (const QString& key : exitKeys())
        ind.exitsByReason[key] = 0;
    for (auto it = exits->cbegin(); it != exits->cend(); ++it) {
        ind.exitsByReason[exitKey(it.key())] += it.value();
        ind.exits += it.value();
    }
    ind.certifications = *certifications;
    int attended = 0;
    int recorded = 0;
    for (auto it = months->cbegin(); it != months->cend(); ++it) {
        ind.attendanceByMonth[it.key()] = rate(it.value().attended, it.value().recorded);
        attended += it.value().attended;
        recorded += it.value().recorded;
    }
    ind.attendanceRate = rate(attended, recorded);
    for (auto it = bySection->cbegin(); it != bySection->cend(); ++it)
        ind.attendanceBySection[it.key()] = rate(it.value().attended, it.value().recorded);
    ind.internships = internships->first;
    ind.hostOrganisations = internships->second;

    // Outcomes per milestone; the insertion rate on each leaver's latest known situation.
    QMap<qint64, std::pair<int, OutcomeSituation>> latest; // trainee → (milestone rank, situation)
    for (const IndicatorQueries::Outcome& o : *outcomes) {
        ind.outcomes[milestoneKey(o.milestone)][codeOf(o.situation)] += 1;
        if (o.situation == OutcomeSituation::Unknown)
            continue;
        const int rank = static_cast<int>(o.milestone); // later milestones count over earlier ones
        if (!latest.contains(o.traineeId) || latest.value(o.traineeId).first < rank)
            latest[o.traineeId] = {rank, o.situation};
    }
    int insertedCount = 0;
    for (const auto& l : std::as_const(latest))
        insertedCount += isInserted(l.second) ? 1 : 0;
    ind.insertionRate = rate(insertedCount, static_cast<int>(latest.size()));

    auto minutes = q.productionMinutes(from, to, sectionId);
    if (!minutes)
        return std::unexpected(minutes.error());
    ind.productionMinutesOrders = minutes->value(QStringLiteral("order"));
    ind.productionMinutesExercise = minutes->value(QStringLiteral("exercise"));
    ind.productionMinutesUpkeep = minutes->value(QStringLiteral("upkeep"));
    auto made = q.outputs(from, to, sectionId);
    if (!made)
        return std::unexpected(made.error());
    for (const IndicatorQueries::Made& m : *made)
        ind.outputs << Indicators::Output{m.code, m.label, m.unit, m.quantityThousandths};
    ind.orders = *orders;
    ind.customers = invoiced->first;
    ind.productionRevenue = Money::fromCents(invoiced->second);
    ind.volunteers = volunteers->first;
    ind.volunteerHours = static_cast<double>(volunteers->second) / 60.0;

    // The fundamentals.
    auto presence = q.presenceByActivity(from, to, sectionId);
    if (!presence)
        return std::unexpected(presence.error());
    if (presence->first + presence->second > 0)
        ind.practiceShare =
            static_cast<double>(presence->first) / static_cast<double>(presence->first + presence->second);
    auto days = q.groupDays(from, to, sectionId);
    if (!days)
        return std::unexpected(days.error());
    if (!days->isEmpty()) {
        double sum = 0;
        for (const IndicatorQueries::GroupDay& d : std::as_const(*days)) {
            const double ratio = static_cast<double>(d.trainees) / d.masters;
            sum += ratio;
            ind.traineesPerMasterMax = std::max(ind.traineesPerMasterMax, ratio);
        }
        ind.traineesPerMaster = sum / static_cast<double>(days->size());
    }
    if (ind.productionMinutes() > 0)
        ind.customerOrderShare =
            static_cast<double>(ind.productionMinutesOrders) / static_cast<double>(ind.productionMinutes());
    auto targets = SchoolRepository(m_db).targets();
    if (!targets)
        return std::unexpected(targets.error());
    ind.targets = *targets;
    return ind;
}

Result<QList<ReferenceValue>> IndicatorService::references() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::ReportsRead));
    auto references = ReferenceValueRepository(m_db).list();
    if (references) {
        for (ReferenceValue& v : *references)
            v.label = referenceLabel(v.label);
    }
    return references;
}

QString IndicatorService::referenceLabel(const QString& stored)
{
    // The values a new database has (schema 12).
    static const translations::Seeded seeded[] = {
        {"Taux de réussite aux examens des écoles de production (fédération)",
         QT_TRANSLATE_NOOP("IndicatorService", "Exam success rate of the écoles de production (federation)")},
        {"Taux d'insertion des apprentis (InserJeunes, national)",
         QT_TRANSLATE_NOOP("IndicatorService", "Employment rate of apprentices (InserJeunes, national)")},
    };
    return translations::seededName(stored, "IndicatorService", seeded);
}

Status IndicatorService::saveReference(const ReferenceValue& input)
{
    if (auto r = AccessControl::require(m_actor, permission::SettingsEdit); !r)
        return r;
    ReferenceValue v = input;
    if (v.isSet()) {
        if (v.valueBp > 10000)
            return fail(Error::Code::InvalidInput, tr("A rate is between 0 and 100 %."));
        if (v.source.trimmed().isEmpty())
            return fail(Error::Code::InvalidInput, tr("Say where the value was published (the source)."));
        if (v.year < 1990 || v.year > m_clock.today().year())
            return fail(Error::Code::InvalidInput, tr("Give the year the value is for (not in the future)."));
    } else {
        v.year = 0;
    }
    auto saved = inTransaction(m_db, [&]() -> Status {
        if (auto r = ReferenceValueRepository(m_db).update(v, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.set(QStringLiteral("code"), v.code)
            .set(QStringLiteral("value_bp"), v.valueBp)
            .set(QStringLiteral("source"), v.source.trimmed())
            .set(QStringLiteral("year"), v.year);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::ReferenceValue, QString::number(v.id), AuditAction::Update, c);
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::ReferenceValue, v.id);
}

QJsonObject IndicatorService::toJson(const Indicators& i)
{
    auto counts = [](const QMap<QString, int>& map) {
        QJsonObject o;
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    auto rates = [](const QMap<QString, double>& map) {
        QJsonObject o;
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            o.insert(it.key(), it.value() < 0 ? QJsonValue() : QJsonValue(it.value()));
        return o;
    };
    QJsonObject certifications;
    for (auto it = i.certifications.cbegin(); it != i.certifications.cend(); ++it) {
        QJsonObject results;
        for (CertificationResult r : allOf<CertificationResult>())
            results.insert(codeOf(r), it.value().value(codeOf(r), 0));
        certifications.insert(it.key(), results);
    }
    QJsonObject outcomes;
    for (const char* m : {"at_exit", "months_6", "months_12"})
        outcomes.insert(QString::fromLatin1(m), counts(i.outcomes.value(QString::fromLatin1(m))));
    QJsonObject ages;
    for (auto it = i.entrantsByAge.cbegin(); it != i.entrantsByAge.cend(); ++it)
        ages.insert(it.key() < 0 ? QStringLiteral("unknown") : QString::number(it.key()), it.value());
    QJsonArray outputs;
    for (const Indicators::Output& o : i.outputs)
        outputs.append(
            QJsonObject{{QStringLiteral("code"), o.code},
                        {QStringLiteral("label"), o.label},
                        {QStringLiteral("unit"), o.unit},
                        {QStringLiteral("quantity"), static_cast<double>(o.quantityThousandths) / 1000.0}});
    const auto optionalRate = [](double r) { return r < 0 ? QJsonValue() : QJsonValue(r); };
    QJsonObject json{
        {QStringLiteral("school_year"), i.schoolYear},
        {QStringLiteral("section"), i.section.isEmpty() ? QJsonValue() : QJsonValue(i.section)},
        {QStringLiteral("entrants"), i.entrants},
        {QStringLiteral("entrants_by_section"), counts(i.entrantsBySection)},
        {QStringLiteral("entrants_by_sex"), counts(i.entrantsBySex)},
        {QStringLiteral("entrants_by_age"), ages},
        {QStringLiteral("entrants_by_referral"), counts(i.entrantsByReferral)},
        {QStringLiteral("enrolled"), i.enrolled},
        {QStringLiteral("continuing"), i.continuing},
        {QStringLiteral("exits"), QJsonObject{{QStringLiteral("total"), i.exits},
                                              {QStringLiteral("by_reason"), counts(i.exitsByReason)}}},
        {QStringLiteral("certifications"), certifications},
        {QStringLiteral("attendance_rate"), optionalRate(i.attendanceRate)},
        {QStringLiteral("attendance_by_section"), rates(i.attendanceBySection)},
        {QStringLiteral("attendance_by_month"), rates(i.attendanceByMonth)},
        {QStringLiteral("internships"), i.internships},
        {QStringLiteral("host_organisations"), i.hostOrganisations},
        {QStringLiteral("production_hours"), static_cast<double>(i.productionMinutes()) / 60.0},
        {QStringLiteral("production_hours_by_kind"),
         QJsonObject{{QStringLiteral("order"), static_cast<double>(i.productionMinutesOrders) / 60.0},
                     {QStringLiteral("exercise"), static_cast<double>(i.productionMinutesExercise) / 60.0},
                     {QStringLiteral("upkeep"), static_cast<double>(i.productionMinutesUpkeep) / 60.0}}},
        {QStringLiteral("outputs"), outputs},
        {QStringLiteral("orders"), i.orders},
        {QStringLiteral("customers"), i.customers},
        {QStringLiteral("production_revenue_cents"), i.productionRevenue.cents()},
        {QStringLiteral("volunteers"), i.volunteers},
        {QStringLiteral("volunteer_hours"), i.volunteerHours},
        {QStringLiteral("outcomes"), outcomes},
        {QStringLiteral("insertion_rate"), optionalRate(i.insertionRate)},
        {QStringLiteral("practice_share"), optionalRate(i.practiceShare)},
        {QStringLiteral("trainees_per_master"), optionalRate(i.traineesPerMaster)},
        {QStringLiteral("customer_order_share"), optionalRate(i.customerOrderShare)},
        {QStringLiteral("targets"),
         QJsonObject{{QStringLiteral("practice_share"), i.targets.practiceBp / 10000.0},
                     {QStringLiteral("trainees_per_master"), i.targets.traineesPerMaster},
                     {QStringLiteral("customer_order_share"), i.targets.customerOrderBp / 10000.0}}},
    };
    QJsonArray references;
    for (const ReferenceValue& r : i.references)
        references.append(
            QJsonObject{{QStringLiteral("code"), r.code},
                        {QStringLiteral("label"), r.label},
                        {QStringLiteral("share"), r.isSet() ? QJsonValue(r.valueBp / 10000.0) : QJsonValue()},
                        {QStringLiteral("source"), r.source},
                        {QStringLiteral("year"), r.isSet() ? QJsonValue(r.year) : QJsonValue()}});
    if (!i.references.isEmpty())
        json.insert(QStringLiteral("references"), references);
    json.insert(QStringLiteral("previous"), i.previous ? QJsonValue(toJson(*i.previous)) : QJsonValue());
    return json;
}

} // namespace etabli
