#include "services/demogenerator.h"

#include "domain/school.h"
#include "domain/schoolyear.h"
#include "domain/section.h"
#include "domain/trainee.h"
#include "storage/database.h"
#include "storage/metarepository.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"
#include "storage/attendancerepository.h"
#include "storage/traineedetailrepository.h"
#include "storage/traineerepository.h"
#include "storage/userrepository.h"
#include "services/passwordhasher.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/random.h"
#include "util/text.h"

#include <QSet>

#include <QStringList>
#include <QTimeZone>

namespace etabli {

namespace {

// Names and places are invented combinations of common French names and real
// towns of the Jura around Dole; no real person is described.
const QList<QString>& girlsNames()
{
    static const QList<QString> names = {
        QStringLiteral("Léa"),     QStringLiteral("Chloé"),   QStringLiteral("Inès"),    QStringLiteral("Maëlys"),
        QStringLiteral("Océane"),  QStringLiteral("Anaïs"),   QStringLiteral("Zoé"),     QStringLiteral("Mélissa"),
        QStringLiteral("Noémie"),  QStringLiteral("Élodie"),  QStringLiteral("Jade"),    QStringLiteral("Lina"),
        QStringLiteral("Manon"),   QStringLiteral("Clémence"), QStringLiteral("Yasmine"), QStringLiteral("Ambre"),
        QStringLiteral("Héloïse"), QStringLiteral("Sarah"),   QStringLiteral("Laïla"),   QStringLiteral("Maëva"),
    };
    return names;
}

const QList<QString>& boysNames()
{
    static const QList<QString> names = {
        QStringLiteral("Cédric"),  QStringLiteral("Théo"),    QStringLiteral("Mathéo"),   QStringLiteral("Noé"),
        QStringLiteral("Maël"),    QStringLiteral("Loïc"),    QStringLiteral("Gaëtan"),   QStringLiteral("Jérémy"),
        QStringLiteral("Kévin"),   QStringLiteral("Rayan"),   QStringLiteral("Yanis"),    QStringLiteral("Enzo"),
        QStringLiteral("Lucas"),   QStringLiteral("Dylan"),   QStringLiteral("Sofiane"),  QStringLiteral("Bilal"),
        QStringLiteral("Aurélien"), QStringLiteral("Benoît"), QStringLiteral("François"), QStringLiteral("Clément"),
        QStringLiteral("Jérôme"),  QStringLiteral("Nathan"),  QStringLiteral("Evan"),     QStringLiteral("Mehdi"),
        QStringLiteral("Timothée"), QStringLiteral("Anthony"), QStringLiteral("Hugo"),    QStringLiteral("Ilyès"),
    };
    return names;
}

const QList<QString>& lastNames()
{
    static const QList<QString> names = {
        QStringLiteral("Grandjean"), QStringLiteral("Jacquot"),  QStringLiteral("Vuillemin"), QStringLiteral("Cuenot"),
        QStringLiteral("Bourgeois"), QStringLiteral("Perrin"),   QStringLiteral("Guyon"),     QStringLiteral("Monnier"),
        QStringLiteral("Rousseau"),  QStringLiteral("Bailly"),   QStringLiteral("Cretin"),    QStringLiteral("Prost"),
        QStringLiteral("Girod"),     QStringLiteral("Jeunet"),   QStringLiteral("Bouvier"),   QStringLiteral("Lefèvre"),
        QStringLiteral("Guérin"),    QStringLiteral("Thévenin"), QStringLiteral("Bérard"),    QStringLiteral("Mercier"),
        QStringLiteral("D'Angelo"),  QStringLiteral("N'Diaye"),  QStringLiteral("L'Hôte"),    QStringLiteral("Da Silva"),
        QStringLiteral("Benaïssa"),  QStringLiteral("Öztürk"),   QStringLiteral("Besançon"),  QStringLiteral("Chênevert"),
        QStringLiteral("Pétrequin"), QStringLiteral("Faivre"),   QStringLiteral("Midol"),     QStringLiteral("Robelin"),
        QStringLiteral("Lamy"),      QStringLiteral("Saillard"), QStringLiteral("Dufour"),    QStringLiteral("Marchand"),
        QStringLiteral("Camus"),     QStringLiteral("Boillot"),  QStringLiteral("Rigoulot"),  QStringLiteral("Écuyer"),
    };
    return names;
}

struct Town
{
    QString name;
    QString postcode;
};

const QList<Town>& towns()
{
    static const QList<Town> list = {
        {QStringLiteral("Dole"), QStringLiteral("39100")},
        {QStringLiteral("Dole"), QStringLiteral("39100")},
        {QStringLiteral("Dole"), QStringLiteral("39100")},
        {QStringLiteral("Tavaux"), QStringLiteral("39500")},
        {QStringLiteral("Damparis"), QStringLiteral("39500")},
        {QStringLiteral("Foucherans"), QStringLiteral("39100")},
        {QStringLiteral("Choisey"), QStringLiteral("39100")},
        {QStringLiteral("Authume"), QStringLiteral("39100")},
        {QStringLiteral("Champvans"), QStringLiteral("39100")},
        {QStringLiteral("Saint-Aubin"), QStringLiteral("39410")},
        {QStringLiteral("Chaussin"), QStringLiteral("39120")},
        {QStringLiteral("Mont-sous-Vaudrey"), QStringLiteral("39380")},
        {QStringLiteral("Rochefort-sur-Nenon"), QStringLiteral("39700")},
        {QStringLiteral("Moissey"), QStringLiteral("39290")},
        {QStringLiteral("Lons-le-Saunier"), QStringLiteral("39000")},
        {QStringLiteral("Poligny"), QStringLiteral("39800")},
        {QStringLiteral("Arbois"), QStringLiteral("39600")},
        {QStringLiteral("Auxonne"), QStringLiteral("21130")},
    };
    return list;
}

const QList<QString>& streets()
{
    static const QList<QString> list = {
        QStringLiteral("rue de la République"), QStringLiteral("rue des Arènes"),
        QStringLiteral("avenue de Lahr"),       QStringLiteral("rue Pasteur"),
        QStringLiteral("rue du Général-Leclerc"), QStringLiteral("rue Jean-Jaurès"),
        QStringLiteral("rue de Besançon"),      QStringLiteral("chemin des Vignes"),
        QStringLiteral("impasse des Tilleuls"), QStringLiteral("rue des Écoles"),
        QStringLiteral("Grande Rue"),           QStringLiteral("allée des Peupliers"),
        QStringLiteral("rue de l'Église"),      QStringLiteral("place aux Fleurs"),
        QStringLiteral("rue du Doubs"),         QStringLiteral("route de Chaussin"),
    };
    return list;
}

struct FederationTrade
{
    QString name;
    QString trade;
};

QList<Section> federationSections()
{
    const QList<FederationTrade> trades = {
        {QStringLiteral("Pneus et services"), QStringLiteral("Pneumatique")},
        {QStringLiteral("Métallerie"), QStringLiteral("Métallerie")},
        {QStringLiteral("Usinage"), QStringLiteral("Usinage")},
        {QStringLiteral("Menuiserie"), QStringLiteral("Menuiserie")},
        {QStringLiteral("Chaudronnerie"), QStringLiteral("Chaudronnerie")},
        {QStringLiteral("Mécanique automobile"), QStringLiteral("Maintenance des véhicules")},
        {QStringLiteral("Électricité"), QStringLiteral("Électricité")},
        {QStringLiteral("Cuisine"), QStringLiteral("Restauration")},
        {QStringLiteral("Horticulture"), QStringLiteral("Horticulture")},
        {QStringLiteral("Couture"), QStringLiteral("Métiers de la mode")},
    };
    const QStringList sites = {QStringLiteral("Dole"),        QStringLiteral("Lyon"),     QStringLiteral("Besançon"),
                               QStringLiteral("Saint-Étienne"), QStringLiteral("Lille"),  QStringLiteral("Toulouse"),
                               QStringLiteral("Nantes"),      QStringLiteral("Marseille"), QStringLiteral("Grenoble"),
                               QStringLiteral("Roanne"),      QStringLiteral("Reims"),    QStringLiteral("Orléans"),
                               QStringLiteral("Angers"),      QStringLiteral("Caen"),     QStringLiteral("Dijon"),
                               QStringLiteral("Mulhouse"),    QStringLiteral("Pau"),      QStringLiteral("Limoges"),
                               QStringLiteral("Annecy"),      QStringLiteral("Valence")};
    QList<Section> out;
    int position = 0;
    for (int s = 0; s < sites.size(); ++s) {
        for (int t = 0; t < 2; ++t) {
            const FederationTrade& trade = trades.at((s * 2 + t) % trades.size());
            Section section;
            section.name = QStringLiteral("%1 — %2").arg(trade.name, sites.at(s));
            section.trade = trade.trade;
            section.position = position++;
            out << section;
        }
    }
    return out;
}

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
        SchoolIdentity school;
        school.name = federation ? QStringLiteral("Fédération — base de démonstration")
                                 : QStringLiteral("Juralternance");
        school.organisationName = QStringLiteral("ECCOFOR (Écouter Comprendre Former)");
        school.addressLine1 = QStringLiteral("8 rue Jacquard");
        school.postcode = QStringLiteral("39100");
        school.city = QStringLiteral("Dole");
        school.phone = QStringLiteral("03 84 00 00 00");
        school.email = QStringLiteral("contact@juralternance.invalid");
        school.siret = QStringLiteral("75312468000012"); // fictitious, with a valid key
        school.rna = QStringLiteral("W392000000");       // fictitious
        school.vatRegime = VatRegime::Franchise;
        school.fiscalYearStartMonth = 1;
        school.schoolYearStartMonth = 9;
        school.mayIssueTaxReceipts = true;
        if (auto r = SchoolRepository(m_db).save(school, now); !r)
            return std::unexpected(r.error());
        if (auto r = MetaRepository(m_db).setValue(QStringLiteral("demo"),
                                                   federation ? QStringLiteral("federation") : QStringLiteral("school"));
            !r)
            return std::unexpected(r.error());

        QList<Section> sections;
        if (federation) {
            sections = federationSections();
        } else {
            Section tyres;
            tyres.name = QStringLiteral("Pneus et services");
            tyres.trade = QStringLiteral("Pneumatique");
            tyres.position = 0;
            Section metal;
            metal.name = QStringLiteral("Métallerie");
            metal.trade = QStringLiteral("Métallerie, serrurerie");
            metal.position = 1;
            sections = {tyres, metal};
        }
        SectionRepository sectionRepo(m_db);
        for (Section& s : sections) {
            auto id = sectionRepo.insert(s, now);
            if (!id)
                return std::unexpected(id.error());
            s.id = *id;
        }
        summary.sections = static_cast<int>(sections.size());

        // The demo's accounts, one per role, all with the published demo password.
        auto hash = PasswordHasher::hash(demoPassword());
        if (!hash)
            return std::unexpected(hash.error());
        struct DemoUser
        {
            QString login;
            QString name;
            Role role;
            QList<qint64> sections;
        };
        const QList<DemoUser> demoUsers = {
            {QStringLiteral("direction"), QStringLiteral("Martine Vuillemin"), Role::Direction, {}},
            {QStringLiteral("secretariat"), QStringLiteral("Sophie Grandjean"), Role::Secretariat, {}},
            {QStringLiteral("formateur.pneus"), QStringLiteral("Jean-Luc Perrin"), Role::Formateur,
             {sections.at(0).id}},
            {QStringLiteral("formateur.metal"), QStringLiteral("Franck Jacquot"), Role::Formateur,
             {sections.at(1).id}},
            {QStringLiteral("lecture"), QStringLiteral("Conseil d'administration"), Role::Lecture, {}},
        };
        UserRepository users(m_db);
        for (const DemoUser& d : demoUsers) {
            User u;
            u.login = d.login;
            u.displayName = d.name;
            u.role = d.role;
            auto id = users.insert(u, *hash, now);
            if (!id)
                return std::unexpected(id.error());
            if (auto r = users.setSections(*id, d.sections); !r)
                return std::unexpected(r.error());
        }

        TraineeRepository trainees(m_db);
        TraineeDetailRepository details(m_db);
        QList<std::pair<qint64, Trainee>> present; // trainees of the current school year
        const SchoolYear current = SchoolYear::containing(today, school.schoolYearStartMonth);
        const int years = 10;
        summary.schoolYears = years;
        QSet<QString> identities; // name + birth date: one record per person
        const auto makePerson = [&](Trainee& t, const QDate& entry) {
            const bool girl = rng.chance(22);
            t.sex = girl ? QStringLiteral("F") : QStringLiteral("M");
            t.firstName = rng.pick(girl ? girlsNames() : boysNames());
            t.lastName = rng.pick(lastNames());
            const int age = rng.between(15, 17);
            t.birthDate = entry.addYears(-age).addDays(-rng.between(0, 364));
            while (identities.contains(text::personSortKey(t.lastName, t.firstName) + t.birthDate.toString(Qt::ISODate)))
                t.birthDate = t.birthDate.addDays(-1);
            identities.insert(text::personSortKey(t.lastName, t.firstName) + t.birthDate.toString(Qt::ISODate));
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

        for (int y = years - 1; y >= 0; --y) {
            const SchoolYear year(current.startYear() - y, school.schoolYearStartMonth);
            for (const Section& section : sections) {
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
                    const QList<ExitReason> early = {ExitReason::DroppedOut, ExitReason::Personal, ExitReason::Moved,
                                                     ExitReason::Exclusion, ExitReason::Job};
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
                    Guardian g;
                    g.traineeId = *id;
                    g.lastName = rng.chance(80) ? t.lastName : rng.pick(lastNames());
                    g.firstName = rng.pick(rng.chance(70) ? girlsNames() : boysNames());
                    g.relation = rng.chance(15) ? QStringLiteral("educator") : (rng.chance(70) ? QStringLiteral("mother")
                                                                                                : QStringLiteral("father"));
                    g.phone = QStringLiteral("03 84 %1 %2 %3").arg(rng.between(10, 99)).arg(rng.between(10, 99)).arg(rng.between(10, 99));
                    if (auto r = details.insertGuardian(g, now); !r)
                        return std::unexpected(r.error());
                    if (t.status == TraineeStatus::Enrolled || (t.exitDate.isValid() && current.contains(t.exitDate)))
                        present << std::make_pair(*id, t);
                }
                // Applicants who were not taken, and next year's candidates.
                const int refused = rng.between(0, 2);
                for (int i = 0; i < refused; ++i) {
                    Trainee t;
                    t.sectionId = section.id;
                    t.cohortYear = year.startYear();
                    t.status = TraineeStatus::Refused;
                    makePerson(t, year.firstDay());
                    if (auto r = trainees.insert(t, now); !r)
                        return std::unexpected(r.error());
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
                if (auto r = trainees.insert(t, now); !r)
                    return std::unexpected(r.error());
                ++summary.trainees;
            }
        }
        // Attendance of the current school year, up to the reference date:
        // mostly present, some late, a few absences, and a trainee or two
        // with a run of unexcused half-days.
        AttendanceRepository attendance(m_db);
        for (const auto& [id, t] : present) {
            const bool drifting = rng.chance(8);
            QDate day = std::max(t.entryDate, current.firstDay());
            const QDate last = t.exitDate.isValid() ? std::min(t.exitDate, today) : today;
            for (; day <= last; day = day.addDays(1)) {
                if (day.dayOfWeek() > 5)
                    continue;
                for (Half half : {Half::Morning, Half::Afternoon}) {
                    const int r = rng.between(1, 100);
                    QString code = QStringLiteral("present");
                    if (drifting && day >= last.addDays(-10))
                        code = QStringLiteral("unexcused");
                    else if (r <= 5)
                        code = QStringLiteral("late");
                    else if (r <= 8)
                        code = QStringLiteral("excused");
                    else if (r <= 10)
                        code = QStringLiteral("unexcused");
                    if (auto w = attendance.put(AttendanceCell{id, day, half, code, {}}, QStringLiteral("demo"), now);
                        !w)
                        return std::unexpected(w.error());
                    ++summary.attendanceRows;
                }
            }
        }
        return summary;
    });
}

} // namespace etabli
