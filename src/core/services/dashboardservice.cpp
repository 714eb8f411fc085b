#include "services/dashboardservice.h"

#include "domain/schoolyear.h"
#include "storage/dashboardqueries.h"
#include "storage/schoolrepository.h"

namespace etabli {

Result<DashboardSummary> DashboardService::summary(const QDate& today) const
{
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    const SchoolYear year = SchoolYear::containing(today, school->schoolYearStartMonth);
    auto counts = DashboardQueries(m_db).counts(year.firstDay(), year.lastDay());
    if (!counts)
        return std::unexpected(counts.error());
    DashboardSummary s;
    s.schoolName = school->name;
    s.schoolYearLabel = year.label();
    s.activeSections = counts->activeSections;
    s.firstSteps.identity = !school->siret.trimmed().isEmpty() && !school->addressLine1.trimmed().isEmpty();
    s.firstSteps.sections = counts->activeSections > 0;
    s.firstSteps.team = counts->accounts > 1;
    s.firstSteps.trainees = counts->traineeRecords > 0;
    s.firstSteps.catalogue = counts->catalogueItems > 0;
    s.enrolled = counts->enrolled;
    s.candidates = counts->candidates;
    s.entrantsThisYear = counts->entrantsThisYear;
    s.exitsThisYear = counts->exitsThisYear;
    s.traineesEver = counts->traineesEver;
    for (const auto& c : counts->bySection)
        s.sections << DashboardSummary::Section{c.section, c.enrolled, c.candidates};
    return s;
}

} // namespace etabli
