// The demo's team, skills and volunteers (see demogenerator.cpp).
#include "domain/career.h"
#include "domain/school.h"
#include "domain/schoolyear.h"
#include "domain/section.h"
#include "domain/trainee.h"
#include "services/contactservice.h"
#include "services/demogenerator.h"
#include "services/demonames.h"
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

using demo::boysNames;
using demo::girlsNames;
using demo::lastNames;
using demo::streets;
using demo::Town;
using demo::towns;

Status DemoGenerator::addWorkshopLife(DeterministicRandom& rng, const QList<Section>& sections,
                                      const QList<QList<CatalogueItem>>& catalogue,
                                      const QHash<QString, qint64>& userIds, const QDate& today,
                                      bool federation)
{
    Q_UNUSED(catalogue);
    const QString now = QDateTime(today, QTime(12, 0), Qt::UTC).toString(Qt::ISODate);
    StaffRepository team(m_db);
    const auto add = [&](const QString& last, const QString& first, StaffKind kind,
                         std::optional<StaffJob> job, QList<qint64> sectionIds,
                         qint64 userId) -> Result<qint64> {
        StaffMember m;
        m.lastName = last;
        m.firstName = first;
        m.kind = kind;
        m.job = job;
        m.sectionIds = std::move(sectionIds);
        m.userId = userId;
        m.phone = QStringLiteral("06 %1 %2 %3 %4")
                      .arg(rng.between(10, 99))
                      .arg(rng.between(10, 99))
                      .arg(rng.between(10, 99))
                      .arg(rng.between(10, 99));
        m.email = kind == StaffKind::Employee
                      ? QStringLiteral("%1.%2@juralternance.invalid").arg(text::fold(first), text::fold(last))
                      : QString();
        m.email.replace(QLatin1Char(' '), QLatin1Char('-'));
        return team.insert(m, now);
    };
    if (auto r = add(QStringLiteral("Vuillemin"), QStringLiteral("Martine"), StaffKind::Employee,
                     StaffJob::Direction, {}, userIds.value(QStringLiteral("direction")));
        !r)
        return std::unexpected(r.error());
    if (auto r = add(QStringLiteral("Grandjean"), QStringLiteral("Sophie"), StaffKind::Employee,
                     StaffJob::Administration, {}, userIds.value(QStringLiteral("secretariat")));
        !r)
        return std::unexpected(r.error());
    if (auto r = add(QStringLiteral("Lambert"), QStringLiteral("Claire"), StaffKind::Employee,
                     StaffJob::Teacher, {}, 0);
        !r)
        return std::unexpected(r.error());
    for (int i = 0; i < sections.size(); ++i) {
        QString last;
        QString first;
        qint64 user = 0;
        if (!federation && i == 0) {
            last = QStringLiteral("Perrin");
            first = QStringLiteral("Jean-Luc");
            user = userIds.value(QStringLiteral("formateur.pneus"));
        } else if (!federation && i == 1) {
            last = QStringLiteral("Jacquot");
            first = QStringLiteral("Franck");
            user = userIds.value(QStringLiteral("formateur.metal"));
        } else {
            last = rng.pick(lastNames());
            first = rng.pick(boysNames());
        }
        if (auto r =
                add(last, first, StaffKind::Employee, StaffJob::MasterTrainer, {sections.at(i).id}, user);
            !r)
            return std::unexpected(r.error());
    }

    // Each workshop's skills; the last one is the upkeep of the workshop.
    ProductionRepository production(m_db);
    const QStringList tyreSkills = {
        QStringLiteral("Démonter et monter un pneu"), QStringLiteral("Équilibrer une roue"),
        QStringLiteral("Réparer une crevaison"),      QStringLiteral("Contrôler la pression et l'usure"),
        QStringLiteral("Accueillir un client"),       QStringLiteral("Ranger et nettoyer le poste")};
    const QStringList metalSkills = {
        QStringLiteral("Lire un plan"),       QStringLiteral("Découper et débiter"),
        QStringLiteral("Souder à l'arc"),     QStringLiteral("Souder au MIG"),
        QStringLiteral("Meuler et ébavurer"), QStringLiteral("Ranger et nettoyer le poste")};
    for (int i = 0; i < sections.size(); ++i) {
        for (const QString& label : i % 2 == 0 ? tyreSkills : metalSkills) {
            if (auto r = production.insertSkill(Skill{0, sections.at(i).id, label, true}); !r)
                return std::unexpected(r.error());
        }
    }

    // Volunteers: a retired mechanic, a maths tutor, a driver; their hours
    // over the last two school years.
    struct Volunteer
    {
        const char* last;
        const char* first;
        const char* activity;
        int weekday;
        int minutes;
    };
    const QList<Volunteer> volunteers = {
        {"Bourgeois", "André", "Aide à l'atelier pneus (mécanicien retraité)", 2, 180},
        {"Faivre", "Monique", "Soutien en français et en mathématiques", 4, 120},
        {"Girod", "Bernard", "Transport des jeunes vers les stages", 5, 90},
    };
    const SchoolYear current = SchoolYear::containing(today);
    const QDate from = current.previous().firstDay();
    for (const Volunteer& v : volunteers) {
        auto id = add(QString::fromUtf8(v.last), QString::fromUtf8(v.first), StaffKind::Volunteer,
                      std::nullopt, {}, 0);
        if (!id)
            return std::unexpected(id.error());
        for (QDate day = from; day < today; day = day.addDays(1)) {
            if (day.dayOfWeek() != v.weekday || day.month() == 7 || day.month() == 8 || !rng.chance(80))
                continue;
            if (auto r = team.insertHours(
                    VolunteerHours{0, *id, {}, day, v.minutes, QString::fromUtf8(v.activity)}, now);
                !r)
                return std::unexpected(r.error());
        }
    }
    return {};
}

Result<int> DemoGenerator::addPastRegisters(const QList<Stay>& stays, const QDate& currentYearStart)
{
    DeterministicRandom rng(m_options.seed ^ 0x5245474953544552ULL); // "REGISTER"
    // Who the workshop log has at work on a day was there: never absent then.
    auto logged = ProductionRepository(m_db).traineeDaysBefore(currentYearStart);
    if (!logged)
        return std::unexpected(logged.error());
    const QSet<std::pair<qint64, QDate>>& worked = *logged;
    AttendanceRepository attendance(m_db);
    const QString at = QDateTime(currentYearStart, QTime(8, 0), Qt::UTC).toString(Qt::ISODate);
    QList<AttendanceCell> batch;
    int rows = 0;
    const auto flush = [&]() -> Status {
        rows += static_cast<int>(batch.size());
        auto written = attendance.insertMany(batch, QStringLiteral("demo"), at);
        batch.clear();
        return written;
    };
    for (const Stay& s : stays) {
        const QDate last =
            s.exit.isValid() ? std::min(s.exit, currentYearStart.addDays(-1)) : currentYearStart.addDays(-1);
        for (QDate day = s.entry; day <= last; day = day.addDays(1)) {
            // School days: no weekends, no summer (July and August).
            if (day.dayOfWeek() > 5 || day.month() == 7 || day.month() == 8)
                continue;
            const bool atWork = worked.contains({s.trainee, day});
            for (Half half : {Half::Morning, Half::Afternoon}) {
                const int r = rng.between(1, 100);
                const AttendanceCode code = r <= 5               ? AttendanceCode::Late
                                            : r <= 8 && !atWork  ? AttendanceCode::Excused
                                            : r <= 10 && !atWork ? AttendanceCode::Unexcused
                                                                 : AttendanceCode::Present;
                AttendanceCell cell{s.trainee, day, half, code, {}};
                cell.activity = s.timetable.activityOn(day, half);
                batch << cell;
            }
            if (batch.size() >= 20000) {
                ETABLI_TRY(flush());
            }
        }
    }
    ETABLI_TRY(flush());
    return rows;
}

} // namespace etabli
