#include "services/reportdataservice.h"

#include "domain/schoolyear.h"
#include "services/accesscontrol.h"
#include "services/financialyearservice.h"
#include "services/fundingreportservice.h"
#include "services/indicatorservice.h"
#include "services/subsidyservice.h"
#include "storage/attendancerepository.h"
#include "storage/careerrepository.h"
#include "storage/fundingqueries.h"
#include "storage/learningrepository.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"
#include "storage/staffrepository.h"
#include "storage/traineerepository.h"
#include "util/clock.h"

namespace etabli {

Result<ActivityReportData> ReportDataService::activity(const QString& schoolYear,
                                                       const QString& section) const
{
    IndicatorService indicators(m_db, m_clock, m_actor);
    auto figures = indicators.indicators(schoolYear, section);
    if (!figures)
        return std::unexpected(figures.error());
    auto narrative = indicators.narrative(schoolYear);
    if (!narrative)
        return std::unexpected(narrative.error());
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    return ActivityReportData{*school, m_clock.today(), *figures, *narrative};
}

Result<FinancialReportData> ReportDataService::financial(int startYear) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::ReportsRead));
    auto funding = FundingReportService(m_db, m_clock, m_actor).report(startYear);
    if (!funding)
        return std::unexpected(funding.error());
    FinancialReportData data;
    data.funding = *funding;
    data.printedOn = m_clock.today();
    if (funding->year.id != 0) {
        SubsidyFilter filter;
        filter.financialYearId = funding->year.id;
        auto subsidies = SubsidyService(m_db, m_clock, m_actor).list(filter);
        if (!subsidies)
            return std::unexpected(subsidies.error());
        data.subsidies = *subsidies;
    }
    auto receipts = statement(funding->year.start, funding->year.end, true);
    if (!receipts)
        return std::unexpected(receipts.error());
    data.receipts = *receipts;
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    data.school = *school;
    return data;
}

Result<ReceiptsStatement> ReportDataService::statement(const QDate& from, const QDate& to,
                                                       bool financialYear) const
{
    auto figures = FundingQueries(m_db).receipts(from, to);
    if (!figures)
        return std::unexpected(figures.error());
    ReceiptsStatement s;
    s.from = from;
    s.to = to;
    s.financialYear = financialYear;
    s.gifts = Money::fromCents(figures->gifts);
    s.giftsCount = figures->giftsCount;
    s.receiptedLater = Money::fromCents(figures->receiptedLater);
    s.receipts = figures->issued;
    s.cancelled = figures->cancelled;
    return s;
}

Result<ReceiptsStatementData> ReportDataService::receipts(int year, bool financialYear) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::FundingRead));
    QDate from(year, 1, 1);
    QDate to(year, 12, 31);
    if (financialYear) {
        auto fy = FinancialYearService(m_db, m_clock, m_actor).yearStartingIn(year);
        if (!fy)
            return std::unexpected(fy.error());
        from = fy->start;
        to = fy->end;
    }
    ReceiptsStatementData data;
    auto s = statement(from, to, financialYear);
    if (!s)
        return std::unexpected(s.error());
    data.statement = *s;
    data.printedOn = m_clock.today();
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    data.school = *school;
    return data;
}

Result<GrantReportData> ReportDataService::grant(qint64 subsidyId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::ReportsRead));
    auto subsidy = SubsidyService(m_db, m_clock, m_actor).get(subsidyId);
    if (!subsidy)
        return std::unexpected(subsidy.error());
    if (subsidy->decision == SubsidyDecision::Refused)
        return fail(Error::Code::InvalidInput,
                    tr("The subsidy “%1” was refused: there is no account to give.").arg(subsidy->programme));
    GrantReportData data;
    data.subsidy = *subsidy;
    data.printedOn = m_clock.today();
    auto funding = FundingReportService(m_db, m_clock, m_actor).report(subsidy->yearStart.year());
    if (!funding)
        return std::unexpected(funding.error());
    data.funding = *funding;
    if (subsidy->budget.isEmpty())
        data.missing << tr("The action's budget (forecast and actual) is not entered (the subsidy's “Final "
                           "account” tab).");
    if (!subsidy->actionStart.isValid() || !subsidy->actionEnd.isValid() ||
        subsidy->actionPlace.trimmed().isEmpty() || subsidy->beneficiaries == 0)
        data.missing << tr(
            "The action's dates, place or number of beneficiaries are not given (the subsidy's "
            "“Final account” tab).");
    if (subsidy->decision != SubsidyDecision::Granted)
        data.missing << tr("The funder has not decided yet: the amount granted is unknown.");
    if (subsidy->deviationExplanation.trimmed().isEmpty())
        data.missing << tr(
            "The deviations from the forecast are not explained yet (the subsidy's “Final account” "
            "tab).");
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    data.school = *school;
    const QString schoolYear =
        !subsidy->schoolYear.trimmed().isEmpty()
            ? subsidy->schoolYear
            : SchoolYear::containing(subsidy->yearStart, school->schoolYearStartMonth).label();
    auto indicators = IndicatorService(m_db, m_clock, m_actor).indicators(schoolYear);
    if (indicators)
        data.indicators = *indicators;
    else if (indicators.error().code == Error::Code::AccessDenied)
        return std::unexpected(indicators.error());
    return data;
}

Result<AttendanceSheetData> ReportDataService::attendance(const QString& section, const QDate& from,
                                                          const QDate& to) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    if (!from.isValid() || !to.isValid() || to < from)
        return fail(Error::Code::InvalidInput,
                    tr("Give the first and the last day of the sheets, in that order."));
    auto found = IndicatorService::sectionNamed(m_db, section);
    if (!found)
        return std::unexpected(found.error());
    if (!m_actor.coversSection(found->id))
        return fail(Error::Code::AccessDenied, tr("Access denied: this section is not one of yours."));
    const QDate firstMonday = from.addDays(1 - from.dayOfWeek());
    const QDate lastMonday = to.addDays(1 - to.dayOfWeek());
    if (firstMonday.daysTo(lastMonday) / 7 >= 26)
        return fail(Error::Code::InvalidInput, tr("Print at most 26 weeks of sheets at a time."));
    AttendanceSheetData data;
    data.section = found->name;
    data.printedOn = m_clock.today();
    AttendanceRepository register_(m_db);
    for (QDate monday = firstMonday; monday <= lastMonday; monday = monday.addDays(7)) {
        auto enrolled = register_.enrolledBetween(found->id, monday, monday.addDays(4));
        if (!enrolled)
            return std::unexpected(enrolled.error());
        AttendanceSheetData::Week week{monday, {}};
        for (const auto& e : *enrolled)
            week.trainees << QStringLiteral("%1 %2").arg(e.lastName.toUpper(), e.firstName);
        data.weeks << week;
    }
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    data.school = *school;
    return data;
}

Result<BookletData> ReportDataService::booklet(qint64 traineeId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    auto trainee = TraineeRepository(m_db).load(traineeId);
    if (!trainee)
        return std::unexpected(trainee.error());
    if (!m_actor.coversSection(trainee->sectionId))
        return fail(
            Error::Code::AccessDenied,
            tr("Access denied: the booklet of a trainee of another section is for their own trainers."));
    BookletData data;
    data.printedOn = m_clock.today();
    data.trainee = QStringLiteral("%1 %2").arg(trainee->firstName, trainee->lastName.toUpper());
    data.entry = trainee->entryDate;
    data.exit = trainee->exitDate;
    auto sections = SectionRepository(m_db).list();
    if (!sections)
        return std::unexpected(sections.error());
    for (const Section& s : *sections) {
        if (s.id == trainee->sectionId)
            data.section = s.name;
    }
    auto staff = StaffRepository(m_db).list(true);
    if (!staff)
        return std::unexpected(staff.error());
    for (const StaffMember& m : *staff) {
        if (m.job == StaffJob::MasterTrainer && m.sectionIds.contains(trainee->sectionId))
            data.trainers << QStringLiteral("%1 %2").arg(m.firstName, m.lastName);
    }
    auto prepared = SectionRepository(m_db).preparedCertifications();
    if (!prepared)
        return std::unexpected(prepared.error());
    LearningRepository learning(m_db);
    auto latest = learning.latest(traineeId);
    if (!latest)
        return std::unexpected(latest.error());
    for (qint64 certificationId : prepared->value(trainee->sectionId)) {
        auto framework = learning.framework(certificationId);
        if (!framework)
            return std::unexpected(framework.error());
        if (framework->blocks.isEmpty())
            continue;
        BookletData::Framework f;
        f.certification =
            QStringLiteral("%1 — %2").arg(framework->certificationCode, framework->certificationTitle);
        f.demo = framework->demo;
        for (const CompetenceBlock& b : std::as_const(framework->blocks)) {
            BookletData::Block block{b.code, b.title, {}};
            for (const Competence& c : b.competences) {
                BookletData::Competence row;
                row.code = c.code;
                row.title = c.title;
                for (const CompetenceCriterion& k : c.criteria)
                    row.criteria << k.title;
                if (const auto it = latest->constFind(c.id); it != latest->cend()) {
                    row.level = it->level;
                    row.day = it->day;
                    row.evaluator = it->evaluatorName;
                }
                auto jobs = learning.evidence(traineeId, c.id);
                if (!jobs)
                    return std::unexpected(jobs.error());
                for (const EvidenceEntry& job : std::as_const(*jobs)) {
                    ++row.jobs;
                    row.orders += job.customerOrder ? 1 : 0;
                    row.minutes += job.minutes;
                }
                block.competences << row;
            }
            f.blocks << block;
        }
        data.frameworks << f;
    }
    CareerRepository career(m_db);
    auto stays = career.internships(traineeId);
    if (!stays)
        return std::unexpected(stays.error());
    for (const Internship& i : std::as_const(*stays))
        data.internships << BookletData::Stay{i.organisationName, i.start, i.end};
    auto results = career.traineeCertifications(traineeId);
    if (!results)
        return std::unexpected(results.error());
    for (const TraineeCertification& c : std::as_const(*results))
        data.certifications << BookletData::Result{c.code, c.sessionYear, c.result};
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    data.school = *school;
    return data;
}

Result<FunderPackData> ReportDataService::pack(const QString& schoolYear, int startYear,
                                               const QList<qint64>& subsidyIds) const
{
    FunderPackData pack;
    auto activityData = activity(schoolYear);
    if (!activityData)
        return std::unexpected(activityData.error());
    pack.activity = *activityData;
    auto financialData = financial(startYear);
    if (!financialData)
        return std::unexpected(financialData.error());
    pack.financial = *financialData;
    for (qint64 id : subsidyIds) {
        auto account = grant(id);
        if (!account)
            return std::unexpected(account.error());
        pack.grants << *account;
    }
    return pack;
}

} // namespace etabli
