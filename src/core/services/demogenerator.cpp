#include "services/demogenerator.h"

#include "domain/career.h"
#include "domain/school.h"
#include "domain/schoolyear.h"
#include "domain/section.h"
#include "domain/trainee.h"
#include "services/closingservice.h"
#include "services/contactservice.h"
#include "services/demonames.h"
#include "services/indicatorservice.h"
#include "services/invoiceservice.h"
#include "services/passwordhasher.h"
#include "storage/attendancerepository.h"
#include "storage/careerrepository.h"
#include "storage/cataloguerepository.h"
#include "storage/database.h"
#include "storage/metarepository.h"
#include "storage/productionrepository.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"
#include "storage/staffrepository.h"
#include "storage/traineedetailrepository.h"
#include "storage/traineerepository.h"
#include "storage/transaction.h"
#include "storage/userrepository.h"
#include "util/clock.h"
#include "util/random.h"
#include "util/text.h"

#include <QSet>
#include <QStringList>
#include <QTimeZone>
#include <tuple>

namespace etabli {

Timetable DemoGenerator::demoTimetable(int sectionIndex)
{
    // Three half-days of class a week, on other days from one section to the next.
    static const QList<int> kWeeks[] = {{3, 6, 9}, {1, 4, 7}, {2, 5, 8}};
    return Timetable{kWeeks[sectionIndex % 3]};
}

namespace {

using demo::boysNames;
using demo::girlsNames;
using demo::lastNames;
using demo::streets;
using demo::Town;
using demo::towns;

} // namespace

DemoGenerator::DemoGenerator(Database& db, Options options) : m_db(db), m_options(std::move(options))
{
    if (!m_options.referenceDate.isValid())
        m_options.referenceDate = QDate::currentDate();
}

Result<DemoGenerator::Scale> DemoGenerator::parseScale(const QString& text)
{
    if (text.isEmpty() || text == QLatin1String("school"))
        return Scale::School;
    if (text == QLatin1String("federation"))
        return Scale::Federation;
    return fail(Error::Code::InvalidInput,
                tr("Unknown scale “%1”: choose “school” or “federation”.").arg(text));
}

Result<DemoGenerator::Summary> DemoGenerator::run()
{
    const QDate today = m_options.referenceDate;
    const FixedClock clock(QDateTime(today, QTime(12, 0), Qt::UTC));
    const QString now = clock.nowIso();
    DeterministicRandom rng(m_options.seed);
    const bool federation = m_options.scale == Scale::Federation;

    return inTransaction(m_db, [&]() -> Result<Summary> {
        Summary summary;
        auto schoolAdded = addSchool(now);
        if (!schoolAdded)
            return std::unexpected(schoolAdded.error());
        const SchoolIdentity& school = *schoolAdded;
        auto sectionsAdded = addSections(now);
        if (!sectionsAdded)
            return std::unexpected(sectionsAdded.error());
        const QList<Section>& sections = *sectionsAdded;
        summary.sections = static_cast<int>(sections.size());
        auto catalogueAdded = addCatalogue(sections, now);
        if (!catalogueAdded)
            return std::unexpected(catalogueAdded.error());
        const QList<QList<CatalogueItem>>& catalogueBySection = *catalogueAdded;
        auto accountsAdded = addAccounts(sections, now);
        if (!accountsAdded)
            return std::unexpected(accountsAdded.error());
        const QHash<QString, qint64>& userIds = *accountsAdded;

        TraineeRepository trainees(m_db);
        TraineeDetailRepository details(m_db);
        QList<std::pair<qint64, Trainee>> present; // trainees of the current school year
        struct Worked
        {
            qint64 id;
            int section;
            QDate entry;
            QDate exit;
        };
        QList<Worked> worked; // everyone who came to the workshops
        const SchoolYear current = SchoolYear::containing(today, school.schoolYearStartMonth);
        // The school opened in September 2011; the federation demo keeps ten years.
        const int years = federation ? 10 : std::max(1, current.startYear() - 2011 + 1);
        summary.schoolYears = years;
        QSet<QString> identities; // name + birth date: one record per person
        const auto makePerson = [&](Trainee& t, const QDate& entry) {
            const bool girl = rng.chance(22);
            t.sex = girl ? QStringLiteral("F") : QStringLiteral("M");
            t.firstName = rng.pick(girl ? girlsNames() : boysNames());
            t.lastName = rng.pick(lastNames());
            const int age = rng.between(15, 17);
            t.birthDate = entry.addYears(-age).addDays(-rng.between(0, 364));
            while (identities.contains(text::personSortKey(t.lastName, t.firstName) +
                                       t.birthDate.toString(Qt::ISODate)))
                t.birthDate = t.birthDate.addDays(-1);
            identities.insert(text::personSortKey(t.lastName, t.firstName) +
                              t.birthDate.toString(Qt::ISODate));
            const Town& town = rng.pick(towns());
            t.addressLine1 = QStringLiteral("%1 %2").arg(rng.between(1, 48)).arg(rng.pick(streets()));
            t.postcode = town.postcode;
            t.city = town.name;
            t.referralId = rng.between(1, 7);
            t.phone = QStringLiteral("06 %1 %2 %3 %4")
                          .arg(rng.between(10, 99))
                          .arg(rng.between(10, 99))
                          .arg(rng.between(10, 99))
                          .arg(rng.between(10, 99));
        };

        // Host organisations (invented), certifications, and each trainee's course.
        CareerRepository career(m_db);
        QList<qint64> hosts;
        for (const char* name : {"Garage du Doubs", "Pneus Express Dole", "Centre auto de Tavaux",
                                 "Serrurerie Grandjean", "Métallerie du Jura", "Ferronnerie Bourgeois",
                                 "Transports Girod", "Ville de Dole — services techniques"}) {
            Organisation o;
            o.name = QString::fromUtf8(name);
            o.kind =
                o.name.startsWith(QStringLiteral("Ville")) ? CustomerKind::Public : CustomerKind::Company;
            o.city = rng.chance(60) ? QStringLiteral("Dole") : QStringLiteral("Tavaux");
            auto id = career.insertOrganisation(o, now);
            if (!id)
                return std::unexpected(id.error());
            hosts << *id;
        }
        auto catalogue = career.certifications();
        if (!catalogue)
            return std::unexpected(catalogue.error());
        const auto certificationId = [&](const QString& code) {
            for (const Certification& c : *catalogue) {
                if (c.code == code)
                    return c.id;
            }
            return qint64(0);
        };
        // What each section prepares: the CFG, and its CAP (as addCareer enters them).
        for (int i = 0; i < sections.size(); ++i) {
            const QString cap = i % 2 == 0 ? QStringLiteral("CAP MV") : QStringLiteral("CAP métallier");
            if (auto r = SectionRepository(m_db).setPreparedCertifications(
                    sections.at(i).id, {certificationId(QStringLiteral("CFG")), certificationId(cap)});
                !r)
                return std::unexpected(r.error());
        }
        const auto addCareer = [&](qint64 id, const Trainee& t, int sectionIndex,
                                   const SchoolYear& year) -> Status {
            // CFG in June of the first year, for those still there.
            const QDate june1(year.startYear() + 1, 6, 20);
            if (june1 <= today && (!t.exitDate.isValid() || t.exitDate >= june1)) {
                const int r = rng.between(1, 100);
                TraineeCertification c{0,
                                       id,
                                       certificationId(QStringLiteral("CFG")),
                                       {},
                                       year.startYear() + 1,
                                       r <= 70   ? CertificationResult::Passed
                                       : r <= 90 ? CertificationResult::Failed
                                                 : CertificationResult::Absent,
                                       june1};
                ETABLI_TRY(career.upsertTraineeCertification(c));
            }
            // The CAP at the end of the second year.
            const QDate june2(year.startYear() + 2, 6, 25);
            if (june2 <= today && t.studyYear == 2 && t.exitDate.isValid() &&
                t.exitDate >= june2.addDays(-10)) {
                const QString code =
                    sectionIndex % 2 == 0 ? QStringLiteral("CAP MV") : QStringLiteral("CAP métallier");
                TraineeCertification c{0,
                                       id,
                                       certificationId(code),
                                       {},
                                       year.startYear() + 2,
                                       rng.chance(75) ? CertificationResult::Passed
                                                      : CertificationResult::Failed,
                                       june2};
                ETABLI_TRY(career.upsertTraineeCertification(c));
            }
            // A two-week internship in March of the first year.
            const QDate march(year.startYear() + 1, 3, 2);
            const QDate start = march.addDays(7 * rng.between(0, 3));
            if (start.addDays(11) <= today && t.entryDate.isValid() && t.entryDate < start &&
                (!t.exitDate.isValid() || t.exitDate > start.addDays(11)) && rng.chance(80)) {
                Internship i;
                i.traineeId = id;
                i.organisationId =
                    sectionIndex % 2 == 0 ? hosts.at(rng.between(0, 2)) : hosts.at(rng.between(3, 7));
                i.tutor = QStringLiteral("%1 %2").arg(rng.pick(boysNames()), rng.pick(lastNames()));
                i.start = start;
                i.end = start.addDays(11);
                i.schedule = QStringLiteral("8 h – 12 h, 13 h 30 – 17 h");
                i.assessment = rng.chance(70)
                                   ? QStringLiteral("Ponctuel, appliqué, à l'écoute des consignes.")
                                   : QStringLiteral("Des progrès sur la ponctualité ; bon contact avec "
                                                    "les clients.");
                i.grade = rng.pick(QList<QString>{QStringLiteral("A"), QStringLiteral("B"),
                                                  QStringLiteral("B"), QStringLiteral("C")});
                ETABLI_TRY(career.insertInternship(i, now));
            }
            // Outcomes of those who left: at exit, then +6 and +12 months
            // (some contacts are not made yet: they show as due).
            if (t.status != TraineeStatus::Left)
                return {};
            using S = OutcomeSituation;
            S situation = S::Unknown;
            switch (t.exitReason) {
            case ExitReason::Apprenticeship:
                situation = S::Apprenticeship;
                break;
            case ExitReason::Job:
                situation = rng.chance(50) ? S::Cdd : S::Interim;
                break;
            case ExitReason::Training:
                situation = S::Training;
                break;
            case ExitReason::EndOfCourse:
                situation = rng.pick(QList<S>{S::Cdi, S::Cdd, S::Interim, S::Apprenticeship, S::Seeking});
                break;
            default:
                situation = rng.pick(QList<S>{S::Seeking, S::Unknown, S::Other, S::Training});
            }
            const auto employerFor = [sectionIndex](S s) {
                if (s == S::Training)
                    return QStringLiteral("Lycée Jacques-Duhamel");
                if (s == S::Seeking || s == S::Unknown || s == S::Other)
                    return QString();
                return sectionIndex % 2 == 0 ? QStringLiteral("Garage du Doubs")
                                             : QStringLiteral("Métallerie du Jura");
            };
            const QString employer = employerFor(situation);
            if (auto w = career.upsertOutcome(
                    Outcome{0, id, OutcomeMilestone::Exit, situation, employer, t.exitDate});
                !w)
                return w;
            for (const auto& [milestone, months, chance] :
                 {std::tuple{OutcomeMilestone::SixMonths, 6, 85},
                  std::tuple{OutcomeMilestone::TwelveMonths, 12, 75}}) {
                const QDate due = t.exitDate.addMonths(months);
                if (due > today || !rng.chance(chance))
                    continue;
                const S later = rng.chance(70) ? situation : rng.pick(allOf<S>());
                if (auto w = career.upsertOutcome(Outcome{0, id, milestone, later, employerFor(later),
                                                          due.addDays(rng.between(0, 20))});
                    !w)
                    return w;
            }
            return {};
        };

        // RESOLIS, 2015: "6 young people entered the pneus et services section in
        // September 2013; 1 went on to an apprenticeship (CAP mécanicien
        // automobile); 2 obtained the CFG; 4 continued into the second year;
        // 1 left the school." Entered as data, never as report figures.
        const auto addSeedCohort = [&](qint64 sectionId, const SchoolYear& year) -> Status {
            struct Person
            {
                const char* last;
                const char* first;
                QDate birth;
                QDate exit;
                ExitReason reason;
                int studyYear;
                std::optional<CertificationResult> cfg;
            };
            const QList<Person> people = {
                {"Vuillemin", "Kévin", QDate(1997, 4, 12), QDate(2014, 6, 27), ExitReason::Apprenticeship, 1,
                 CertificationResult::Absent},
                {"Jacquot", "Dylan", QDate(1997, 11, 3), QDate(2015, 6, 30), ExitReason::EndOfCourse, 2,
                 CertificationResult::Passed},
                {"Benaïssa", "Sofiane", QDate(1998, 1, 22), QDate(2015, 6, 30), ExitReason::EndOfCourse, 2,
                 CertificationResult::Passed},
                {"Prost", "Jérémy", QDate(1997, 7, 9), QDate(2015, 6, 30), ExitReason::EndOfCourse, 2,
                 CertificationResult::Failed},
                {"D'Angelo", "Enzo", QDate(1998, 3, 30), QDate(2015, 6, 30), ExitReason::EndOfCourse, 2,
                 CertificationResult::Failed},
                {"Cretin", "Loïc", QDate(1997, 9, 18), QDate(2014, 2, 14), ExitReason::Personal, 1,
                 std::nullopt},
            };
            for (const Person& p : people) {
                Trainee t;
                t.lastName = QString::fromUtf8(p.last);
                t.firstName = QString::fromUtf8(p.first);
                t.birthDate = p.birth;
                t.sex = QStringLiteral("M");
                t.sectionId = sectionId;
                t.cohortYear = year.startYear();
                t.entryDate = year.firstDay().addDays(1);
                t.exitDate = p.exit;
                t.exitReason = p.reason;
                t.status = TraineeStatus::Left;
                t.studyYear = p.studyYear;
                t.addressLine1 = QStringLiteral("%1 %2").arg(rng.between(1, 40)).arg(rng.pick(streets()));
                t.postcode = QStringLiteral("39100");
                t.city = QStringLiteral("Dole");
                t.referralId = rng.between(1, 7);
                identities.insert(text::personSortKey(t.lastName, t.firstName) +
                                  t.birthDate.toString(Qt::ISODate));
                auto id = trainees.insert(t, now);
                if (!id)
                    return std::unexpected(id.error());
                worked << Worked{*id, 0, t.entryDate, t.exitDate};
                if (p.cfg) {
                    const TraineeCertification c{
                        0, *id, certificationId(QStringLiteral("CFG")), {}, 2014, *p.cfg, QDate(2014, 6, 20)};
                    ETABLI_TRY(career.upsertTraineeCertification(c));
                }
                const OutcomeSituation situation =
                    p.reason == ExitReason::Apprenticeship ? OutcomeSituation::Apprenticeship
                    : p.reason == ExitReason::Personal     ? OutcomeSituation::Unknown
                                                           : OutcomeSituation::Cdd;
                const QString employer = p.reason == ExitReason::Apprenticeship
                                             ? QStringLiteral("CAP mécanicien automobile — Garage du Doubs")
                                             : QString();
                if (auto w = career.upsertOutcome(
                        Outcome{0, *id, OutcomeMilestone::Exit, situation, employer, p.exit});
                    !w)
                    return w;
            }
            return {};
        };

        for (int y = years - 1; y >= 0; --y) {
            const SchoolYear year(current.startYear() - y, school.schoolYearStartMonth);
            for (int sectionIndex = 0; sectionIndex < sections.size(); ++sectionIndex) {
                const Section& section = sections.at(sectionIndex);
                if (!federation && year.startYear() == 2013 && sectionIndex == 0) {
                    // The published 2013/2014 cohort of "pneus et services".
                    ETABLI_TRY(addSeedCohort(section.id, year));
                    summary.trainees += 6;
                    continue;
                }
                const int entrants = federation ? rng.between(10, 14) : rng.between(5, 8);
                for (int i = 0; i < entrants; ++i) {
                    Trainee t;
                    t.sectionId = section.id;
                    t.cohortYear = year.startYear();
                    // Most start at the rentrée, some join during the autumn or winter.
                    t.entryDate = rng.chance(80) ? year.firstDay().addDays(rng.between(0, 10))
                                                 : year.firstDay().addDays(rng.between(30, 150));
                    makePerson(t, t.entryDate);
                    // The two-year course: some leave early, most finish.
                    QDate exit;
                    int yearOfStudy = 1;
                    ExitReason reason = ExitReason::EndOfCourse;
                    const QList<ExitReason> early = {ExitReason::DroppedOut, ExitReason::Personal,
                                                     ExitReason::Moved, ExitReason::Exclusion,
                                                     ExitReason::Job};
                    const int roll = rng.between(1, 100);
                    if (roll <= 12) {
                        exit = t.entryDate.addDays(rng.between(40, 250));
                        reason = rng.pick(early);
                    } else if (roll <= 22) {
                        exit = year.firstDay().addMonths(10).addDays(rng.between(0, 20));
                        reason = rng.chance(60) ? ExitReason::Apprenticeship : ExitReason::Training;
                    } else if (roll <= 30) {
                        yearOfStudy = 2;
                        exit = year.next().firstDay().addDays(rng.between(30, 250));
                        reason = rng.chance(50) ? ExitReason::Apprenticeship : rng.pick(early);
                    } else {
                        yearOfStudy = 2;
                        exit = year.next().firstDay().addMonths(10).addDays(rng.between(0, 5));
                    }
                    if (exit <= today) {
                        t.status = TraineeStatus::Left;
                        t.exitDate = exit;
                        t.exitReason = reason;
                        t.studyYear = yearOfStudy;
                    } else {
                        t.status = TraineeStatus::Enrolled;
                        t.studyYear = year.next().contains(today) ? 2 : 1;
                        if (t.entryDate > today)
                            t.status = TraineeStatus::Candidate;
                    }
                    auto id = trainees.insert(t, now);
                    if (!id)
                        return std::unexpected(id.error());
                    ++summary.trainees;
                    if (t.status == TraineeStatus::Enrolled || t.status == TraineeStatus::Left)
                        worked << Worked{*id, sectionIndex, t.entryDate, t.exitDate};
                    Guardian g;
                    g.traineeId = *id;
                    g.lastName = rng.chance(80) ? t.lastName : rng.pick(lastNames());
                    g.firstName = rng.pick(rng.chance(70) ? girlsNames() : boysNames());
                    g.relation = rng.chance(15)   ? GuardianRelation::Educator
                                 : rng.chance(70) ? GuardianRelation::Mother
                                                  : GuardianRelation::Father;
                    g.phone = QStringLiteral("03 84 %1 %2 %3")
                                  .arg(rng.between(10, 99))
                                  .arg(rng.between(10, 99))
                                  .arg(rng.between(10, 99));
                    ETABLI_TRY(details.insertGuardian(g, now));
                    if (t.status == TraineeStatus::Enrolled ||
                        (t.exitDate.isValid() && current.contains(t.exitDate)))
                        present << std::make_pair(*id, t);
                    ETABLI_TRY(addCareer(*id, t, sectionIndex, year));
                }
                // Applicants who were not taken, and next year's candidates.
                const int refused = rng.between(0, 2);
                for (int i = 0; i < refused; ++i) {
                    Trainee t;
                    t.sectionId = section.id;
                    t.cohortYear = year.startYear();
                    t.status = TraineeStatus::Refused;
                    t.exitDate = year.firstDay().addDays(-14); // the decision, before the year starts
                    makePerson(t, year.firstDay());
                    ETABLI_TRY(trainees.insert(t, now));
                    ++summary.trainees;
                }
            }
        }
        for (const Section& section : sections) {
            const int candidates = rng.between(1, 3);
            for (int i = 0; i < candidates; ++i) {
                Trainee t;
                t.sectionId = section.id;
                t.cohortYear = current.next().startYear();
                t.status = TraineeStatus::Candidate;
                makePerson(t, current.next().firstDay());
                ETABLI_TRY(trainees.insert(t, now));
                ++summary.trainees;
            }
        }
        // Attendance of the current school year, up to the reference date:
        // mostly present, some late, a few absences, and a trainee or two
        // with a run of unexcused half-days.
        AttendanceRepository attendance(m_db);
        // Each section's week: three half-days in class, the rest in the workshop.
        QHash<qint64, Timetable> timetables;
        for (int si = 0; si < sections.size(); ++si) {
            timetables.insert(sections.at(si).id, demoTimetable(si));
            ETABLI_TRY(attendance.setTimetable(sections.at(si).id, demoTimetable(si)));
        }
        QHash<qint64, QSet<QDate>> absentDays; // no one is logged in the workshop on those days
        QList<AttendanceCell> yearRegister;    // written at once, many rows a statement
        for (const auto& [id, t] : present) {
            const bool drifting = rng.chance(8);
            QDate day = std::max(t.entryDate, current.firstDay());
            const QDate last = t.exitDate.isValid() ? std::min(t.exitDate, today) : today;
            for (; day <= last; day = day.addDays(1)) {
                if (day.dayOfWeek() > 5)
                    continue;
                for (Half half : {Half::Morning, Half::Afternoon}) {
                    const int r = rng.between(1, 100);
                    AttendanceCode code = AttendanceCode::Present;
                    if (drifting && day >= last.addDays(-10))
                        code = AttendanceCode::Unexcused;
                    else if (r <= 5)
                        code = AttendanceCode::Late;
                    else if (r <= 8)
                        code = AttendanceCode::Excused;
                    else if (r <= 10)
                        code = AttendanceCode::Unexcused;
                    AttendanceCell cell{id, day, half, code, {}};
                    cell.activity = timetables.value(t.sectionId).activityOn(day, half);
                    yearRegister << cell;
                    if (code == AttendanceCode::Excused || code == AttendanceCode::Unexcused)
                        absentDays[id].insert(day);
                    ++summary.attendanceRows;
                }
            }
        }
        ETABLI_TRY(attendance.insertMany(yearRegister, QStringLiteral("demo"), now));
        ETABLI_TRY(addWorkshopLife(rng, sections, catalogueBySection, userIds, today, federation));
        // The production log: a workshop entry each half-day of school, for a
        // group of the trainees there that day, up to yesterday (today's is
        // written by the trainer at the end of the day).
        QList<QList<Worked>> bySection(sections.size());
        for (const Worked& w : worked)
            bySection[w.section] << w;
        ProductionRepository::Writer writer(m_db);
        ETABLI_TRY(writer.prepare());
        QHash<QString, DemoOrder> orders; // what each order made: invoiced below
        QList<QList<qint64>> skillsBySection(sections.size());
        for (int i = 0; i < sections.size(); ++i) {
            auto skills = ProductionRepository(m_db).skills(sections.at(i).id, true);
            if (!skills)
                return std::unexpected(skills.error());
            for (const Skill& sk : *skills)
                skillsBySection[i] << sk.id;
        }
        auto staff = StaffRepository(m_db).list(true);
        if (!staff)
            return std::unexpected(staff.error());
        // The school demo keeps the last three school years of logs (enough for
        // year-on-year figures); the federation all ten (about 1.2M rows).
        const int logYears = federation ? years : std::min(years, 3);
        const QDate opening =
            SchoolYear(current.startYear() - logYears + 1, school.schoolYearStartMonth).firstDay();
        for (int si = 0; si < sections.size() && m_options.productionLog; ++si) {
            const bool tyresWorkshop = si % 2 == 0;
            qint64 trainer = 0;
            for (const StaffMember& m : *staff) {
                if (m.job == StaffJob::MasterTrainer && m.sectionIds.contains(sections.at(si).id))
                    trainer = m.id;
            }
            const QString author = federation ? QStringLiteral("demo")
                                              : (tyresWorkshop ? QStringLiteral("formateur.pneus")
                                                               : QStringLiteral("formateur.metal"));
            QString reference;
            int referenceLeft = 0;
            int orderNumber = 0;
            int orderYear = 0;
            for (QDate day = opening; day < today; day = day.addDays(1)) {
                if (day.dayOfWeek() > 5 || day.month() == 7 || day.month() == 8)
                    continue;
                const int week = day.weekNumber();
                if (week == 44 || week == 52 || week == 1 || week == 8 || week == 16)
                    continue; // school holidays
                QList<qint64> there;
                for (const Worked& w : std::as_const(bySection[si])) {
                    if (w.entry.isValid() && w.entry <= day && (!w.exit.isValid() || w.exit >= day) &&
                        !absentDays.value(w.id).contains(day))
                        there << w.id;
                }
                if (there.isEmpty())
                    continue;
                for (int half = 0; half < 2; ++half) {
                    ProductionEntry e;
                    e.day = day;
                    e.sectionId = sections.at(si).id;
                    e.trainerStaffId = trainer;
                    e.authorLogin = author;
                    const int roll = rng.between(1, 100);
                    e.kind = roll <= 68   ? ProductionKind::Order
                             : roll <= 93 ? ProductionKind::Exercise
                                          : ProductionKind::Upkeep;
                    // A group of 3 to 7 of those there; the others are in class.
                    QList<qint64> pool = there;
                    const int size = std::min<int>(static_cast<int>(pool.size()), rng.between(3, 7));
                    const int minutes = rng.chance(80) ? 210 : rng.pick(QList<int>{150, 180, 120});
                    for (int k = 0; k < size; ++k) {
                        const int pickAt = rng.between(0, static_cast<int>(pool.size()) - 1);
                        e.trainees << ProductionTrainee{pool.at(pickAt), minutes};
                        pool.removeAt(pickAt);
                    }
                    const QList<CatalogueItem>& items = catalogueBySection.at(si);
                    if (e.kind == ProductionKind::Order) {
                        if (referenceLeft == 0 || orderYear != day.year()) {
                            if (orderYear != day.year()) {
                                orderYear = day.year();
                                orderNumber = 0;
                            }
                            // Each workshop numbers its own orders: PN (pneus), MT (métallerie).
                            const QString prefix =
                                federation      ? QStringLiteral("A%1").arg(si + 1, 2, 10, QLatin1Char('0'))
                                : tyresWorkshop ? QStringLiteral("PN")
                                                : QStringLiteral("MT");
                            reference = QStringLiteral("%1-%2-%3")
                                            .arg(prefix)
                                            .arg(day.year())
                                            .arg(++orderNumber, 3, 10, QLatin1Char('0'));
                            referenceLeft = tyresWorkshop ? rng.between(1, 2) : rng.between(1, 4);
                        }
                        --referenceLeft;
                        e.reference = reference;
                        const int lines = rng.between(1, 2);
                        for (int l = 0; l < lines; ++l) {
                            const CatalogueItem& item =
                                items.at(tyresWorkshop ? rng.between(0, 4) : rng.between(1, 5));
                            ProductionOutput o;
                            o.catalogueItemId = item.id;
                            o.unit = item.unit;
                            o.quantityThousandths =
                                1000LL * (item.unit == Unit::Piece && tyresWorkshop ? rng.between(2, 8)
                                          : item.unit == Unit::Metre                ? rng.between(2, 6)
                                          : item.unit == Unit::Hour                 ? rng.between(1, 3)
                                                                                    : 1);
                            if (std::none_of(
                                    e.outputs.begin(), e.outputs.end(),
                                    [&](const ProductionOutput& x) { return x.catalogueItemId == item.id; }))
                                e.outputs << o;
                        }
                        if (rng.chance(35)) {
                            const auto [label, cents, low, high] =
                                tyresWorkshop
                                    ? rng.pick(QList<std::tuple<QString, int, int, int>>{
                                          {QStringLiteral("Valves"), 40, 2, 8},
                                          {QStringLiteral("Rustines"), 120, 1, 3},
                                          {QStringLiteral("Masses d'équilibrage"), 15, 4, 12}})
                                    : rng.pick(QList<std::tuple<QString, int, int, int>>{
                                          {QStringLiteral("Tube acier 40×40 (m)"), 650, 2, 12},
                                          {QStringLiteral("Fil à souder MIG (kg)"), 980, 1, 2},
                                          {QStringLiteral("Peinture antirouille (l)"), 1800, 1, 2}});
                            e.materials << ProductionMaterial{label, 1000LL * rng.between(low, high),
                                                              Money::fromCents(cents)};
                        }
                    } else if (e.kind == ProductionKind::Exercise) {
                        ProductionOutput o;
                        o.label = tyresWorkshop ? QStringLiteral("Exercice : démontage sur roue école")
                                                : QStringLiteral("Exercice : assemblage soudé");
                        o.unit = Unit::Piece;
                        o.quantityThousandths = 1000LL * rng.between(1, 4);
                        e.outputs << o;
                    }
                    const QList<qint64>& skills = skillsBySection.at(si);
                    if (!skills.isEmpty()) {
                        const int count = e.kind == ProductionKind::Upkeep ? 1 : rng.between(1, 2);
                        for (int k = 0; k < count; ++k) {
                            const qint64 skill = e.kind == ProductionKind::Upkeep
                                                     ? skills.last()
                                                     : rng.pick(skills.mid(0, skills.size() - 1));
                            if (!e.skillIds.contains(skill))
                                e.skillIds << skill;
                        }
                    }
                    const QString stamp =
                        QDateTime(day, QTime(half == 0 ? 12 : 16, 30), Qt::UTC).toString(Qt::ISODate);
                    ETABLI_TRY(writer.insert(e, stamp));
                    ++summary.productionEntries;
                    if (e.kind == ProductionKind::Order && !federation) {
                        DemoOrder& order = orders[e.reference];
                        order.reference = e.reference;
                        order.section = si;
                        if (!order.firstDay.isValid())
                            order.firstDay = day;
                        order.lastDay = day;
                        for (const ProductionOutput& o : std::as_const(e.outputs))
                            order.outputs << o;
                    }
                }
            }
        }
        if (federation && m_options.federationOrders > 0) {
            ETABLI_TRY(addFederationSales(summary, rng, sections, catalogueBySection, today));
        }
        // What the trainees learnt on those jobs (no draw from `rng`: nothing else changes).
        if (auto learnt = addLearning(sections, userIds, today, federation); !learnt)
            return std::unexpected(learnt.error());
        if (!federation) { // the federation keeps this year's: millions of rows otherwise
            QList<Stay> stays;
            for (const Worked& w : worked)
                stays << Stay{w.id, w.entry, w.exit, demoTimetable(w.section)};
            auto past = addPastRegisters(stays, current.firstDay());
            if (!past)
                return std::unexpected(past.error());
            summary.attendanceRows += *past;
        }
        if (!federation) {
            auto invoices = addSales(summary, rng, sections, catalogueBySection, orders.values(), today);
            if (!invoices)
                return std::unexpected(invoices.error());
            summary.invoices = *invoices;
            auto gifts = addGifts(rng, today);
            if (!gifts)
                return std::unexpected(gifts.error());
            summary.gifts = *gifts;
            auto funding = addFunding(rng, today);
            if (!funding)
                return std::unexpected(funding.error());
            summary.fundingRows = *funding;
            // Reference values for the reports: invented, and said so.
            UserContext office = UserContext::system();
            office.audited = false;
            const FixedClock noon(QDateTime(today, QTime(12, 0), Qt::UTC));
            // The office closed each month that is over, and each year with its December
            // (a demo without its workshops' log has sold nothing: nothing to close).
            if (summary.invoices > 0) {
                ETABLI_TRY(ClosingService(m_db, noon, office).closeUntil(today.addMonths(-1)));
            }
            IndicatorService indicators(m_db, noon, office);
            auto references = indicators.references();
            if (!references)
                return std::unexpected(references.error());
            for (ReferenceValue r : *references) {
                r.valueBp = r.code == QLatin1String("federation_exam_success") ? 8000 : 6500;
                r.source = QStringLiteral("Valeur fictive de la démonstration");
                r.year = today.year() - 1;
                ETABLI_TRY(indicators.saveReference(r));
            }
            // The texts of last year's activity report and of the Région's
            // final account, as the director would have typed them.
            if (!federation) {
                ETABLI_TRY(addReportTexts(today));
            }
        }
        return summary;
    });
}

} // namespace etabli
