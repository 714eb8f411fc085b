#include "services/indicatorservice.h"

#include "domain/production.h"
#include "domain/schoolyear.h"
#include "services/accesscontrol.h"
#include "storage/indicatorqueries.h"
#include "storage/productionrepository.h"
#include "storage/referencevaluerepository.h"
#include "storage/transaction.h"
#include "services/audittrail.h"
#include "util/clock.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace etabli {

namespace {

double rate(int part, int whole)
{
    return whole == 0 ? -1.0 : static_cast<double>(part) / static_cast<double>(whole);
}

QString milestoneKey(const QString& stored)
{
    if (stored == QLatin1String("m6"))
        return QStringLiteral("months_6");
    if (stored == QLatin1String("m12"))
        return QStringLiteral("months_12");
    return QStringLiteral("at_exit");
}

bool inserted(const QString& situation)
{
    static const QSet<QString> yes = {QStringLiteral("cdi"), QStringLiteral("cdd"), QStringLiteral("interim"),
                                      QStringLiteral("apprenticeship"), QStringLiteral("training")};
    return yes.contains(situation);
}

} // namespace

QStringList IndicatorService::exitKeys()
{
    return {QStringLiteral("apprenticeship"), QStringLiteral("job"),      QStringLiteral("training"),
            QStringLiteral("end_of_course"),  QStringLiteral("moved"),    QStringLiteral("personal"),
            QStringLiteral("exclusion"),      QStringLiteral("dropout"),  QStringLiteral("other")};
}

QString IndicatorService::exitKey(const QString& stored)
{
    if (stored == QLatin1String("dropped_out"))
        return QStringLiteral("dropout");
    return exitKeys().contains(stored) ? stored : QStringLiteral("other");
}

Result<Indicators> IndicatorService::indicators(const QString& schoolYear, const QString& section) const
{
    if (auto r = AccessControl::require(m_actor, permission::ReportsRead); !r)
        return std::unexpected(r.error());
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{4})(?:\\s*[-/]\\s*(\\d{4}))?\\s*$"));
    const auto match = pattern.match(schoolYear);
    if (!match.hasMatch() || (match.captured(2).toInt() != 0 && match.captured(2).toInt() != match.captured(1).toInt() + 1))
        return fail(Error::Code::InvalidInput, tr("Give the school year as 2013-2014."));
    const int startYear = match.captured(1).toInt();
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    qint64 sectionId = 0;
    QString sectionName;
    if (!section.trimmed().isEmpty()) {
        auto sections = SectionRepository(m_db).list();
        if (!sections)
            return std::unexpected(sections.error());
        for (const Section& s : *sections)
            if (s.name.compare(section.trimmed(), Qt::CaseInsensitive) == 0) {
                sectionId = s.id;
                sectionName = s.name;
            }
        if (sectionId == 0)
            return fail(Error::Code::NotFound, tr("No section is named “%1”.").arg(section.trimmed()));
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
    for (const Error* e : {enrolled ? nullptr : &enrolled.error(), continuing ? nullptr : &continuing.error(),
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
    QMap<qint64, std::pair<int, QString>> latest; // trainee → (milestone rank, situation)
    for (const IndicatorQueries::Outcome& o : *outcomes) {
        ind.outcomes[milestoneKey(o.milestone)][o.situation] += 1;
        if (o.situation == QLatin1String("unknown"))
            continue;
        const int rank = o.milestone == QLatin1String("m12") ? 3 : o.milestone == QLatin1String("m6") ? 2 : 1;
        if (!latest.contains(o.traineeId) || latest.value(o.traineeId).first < rank)
            latest[o.traineeId] = {rank, o.situation};
    }
    int insertedCount = 0;
    for (const auto& l : std::as_const(latest))
        insertedCount += inserted(l.second) ? 1 : 0;
    ind.insertionRate = rate(insertedCount, static_cast<int>(latest.size()));

    ProductionFilter filter;
    filter.sectionId = sectionId;
    filter.from = from;
    filter.to = to;
    auto figures = ProductionRepository(m_db).figures(filter, {});
    if (!figures)
        return std::unexpected(figures.error());
    for (const TraineeHours& h : figures->trainees) {
        ind.productionMinutesOrders += h.orderMinutes;
        ind.productionMinutesExercise += h.exerciseMinutes;
        ind.productionMinutesUpkeep += h.upkeepMinutes;
    }
    for (const OutputTotal& o : figures->outputs)
        ind.outputs << Indicators::Output{o.code, o.label, o.unit, o.quantityThousandths};
    ind.orders = *orders;
    ind.customers = invoiced->first;
    ind.productionRevenue = Money::fromCents(invoiced->second);
    ind.volunteers = volunteers->first;
    ind.volunteerHours = static_cast<double>(volunteers->second) / 60.0;
    return ind;
}

Result<QList<ReferenceValue>> IndicatorService::references() const
{
    if (auto r = AccessControl::require(m_actor, permission::ReportsRead); !r)
        return std::unexpected(r.error());
    return ReferenceValueRepository(m_db).list();
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
    return inTransaction(m_db, [&]() -> Status {
        if (auto r = ReferenceValueRepository(m_db).update(v, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.set(QStringLiteral("code"), v.code)
            .set(QStringLiteral("value_bp"), v.valueBp)
            .set(QStringLiteral("source"), v.source.trimmed())
            .set(QStringLiteral("year"), v.year);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, QStringLiteral("reference_value"), QString::number(v.id), QStringLiteral("update"), c);
    });
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
        for (const char* r : {"registered", "passed", "failed", "absent"})
            results.insert(QString::fromLatin1(r), it.value().value(QString::fromLatin1(r), 0));
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
        outputs.append(QJsonObject{{QStringLiteral("code"), o.code},
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
        {QStringLiteral("exits"),
         QJsonObject{{QStringLiteral("total"), i.exits}, {QStringLiteral("by_reason"), counts(i.exitsByReason)}}},
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
        {QStringLiteral("production_revenue_cents"), static_cast<qint64>(i.productionRevenue.cents())},
        {QStringLiteral("volunteers"), i.volunteers},
        {QStringLiteral("volunteer_hours"), i.volunteerHours},
        {QStringLiteral("outcomes"), outcomes},
        {QStringLiteral("insertion_rate"), optionalRate(i.insertionRate)},
    };
    QJsonArray references;
    for (const ReferenceValue& r : i.references)
        references.append(QJsonObject{{QStringLiteral("code"), r.code},
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
