#pragma once

#include "domain/attendance.h"
#include "domain/production.h"
#include "util/error.h"

#include <cstdint>
#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QStringList>

namespace etabli {

class Database;
class DeterministicRandom;
struct CatalogueItem;
struct Section;
struct SchoolIdentity;

// Builds a realistic, deterministic demo school: Juralternance-like, over the
// last ten school years. The same seed and reference date give the same
// database. Later modules add their data here.
class DemoGenerator
{
    Q_DECLARE_TR_FUNCTIONS(DemoGenerator)

public:
    enum class Scale
    {
        School,     // one school, two sections, ten years
        Federation, // about twenty schools' worth, for benchmarks
    };

    struct Options
    {
        Scale scale = Scale::School;
        std::uint64_t seed = 2011;      // the year ECCOFOR was founded
        QDate referenceDate;            // "today" for the demo; invalid = today
        bool productionLog = true;      // years of workshop logs (~1.2M rows at federation scale)
        int federationOrders = 1000000; // work orders over ten years at federation scale
    };

    struct Summary
    {
        int sections = 0;
        int trainees = 0;
        int schoolYears = 0;
        int attendanceRows = 0;
        int productionEntries = 0;
        int invoices = 0;
        int workOrders = 0;
        int tyreSets = 0;
        int gifts = 0;
        int fundingRows = 0;
    };

    // What an order of the demo's production log made (to invoice it).
    struct DemoOrder
    {
        QString reference;
        int section = 0;
        QDate firstDay;
        QDate lastDay;
        QDate invoiceDay;
        QList<ProductionOutput> outputs;
    };

    DemoGenerator(Database& db, Options options);

    // Fills an empty (freshly created) database in one transaction.
    Result<Summary> run();

    static Result<Scale> parseScale(const QString& text);
    // The password of every demo account, shown on the demo's login dialog.
    static QString demoPassword() { return QStringLiteral("etabli-demo-2026"); }
    // The weekly timetable of the demo's n-th section (its class half-days).
    static Timetable demoTimetable(int sectionIndex);
    static QStringList demoLogins()
    {
        return {QStringLiteral("direction"), QStringLiteral("secretariat"), QStringLiteral("formateur.pneus"),
                QStringLiteral("formateur.metal"), QStringLiteral("lecture")};
    }

private:
    // The school before any year (demoschool.cpp): its identity, its
    // workshops, their catalogue, one account per role.
    Result<SchoolIdentity> addSchool(const QString& now);
    Result<QList<Section>> addSections(const QString& now);
    Result<QList<QList<CatalogueItem>>> addCatalogue(const QList<Section>& sections, const QString& now);
    Result<QHash<QString, qint64>> addAccounts(const QList<Section>& sections, const QString& now);
    // Customers, vehicles, quotes and work orders of the logged orders, their
    // invoices and payments, cheque deposits, the tyre hotel.
    Result<int> addSales(Summary& summary, DeterministicRandom& rng, const QList<Section>& sections,
                         const QList<QList<CatalogueItem>>& catalogue, QList<DemoOrder> orders,
                         const QDate& today);
    // The team (one master trainer per workshop, office, volunteers and
    // their hours) and each workshop's skills.
    // The federation's sales, in bulk: work orders, invoices, payments.
    Result<int> addFederationSales(Summary& summary, DeterministicRandom& rng, const QList<Section>& sections,
                                   const QList<QList<CatalogueItem>>& catalogue, const QDate& today);
    // Ten years of gifts from persons and local companies, with their receipts.
    Result<int> addGifts(DeterministicRandom& rng, const QDate& today);
    // Financial years, subsidies, apprenticeship tax, dues, expenses and forecasts.
    Result<int> addFunding(DeterministicRandom& rng, const QDate& today);
    Status addReportTexts(const QDate& today); // demofunding.cpp
    // Sets of the customers' tyres stored at the tyre hotel, two seasons.
    Result<int> addTyreHotel(DeterministicRandom& rng, const QList<qint64>& vehicles, qint64 feeItem,
                             const QDate& today);
    // A trainee's time at the school: from entry to exit (invalid: still there).
    struct Stay
    {
        qint64 trainee = 0;
        QDate entry;
        QDate exit;
        Timetable timetable; // their section's class half-days
    };
    // The registers of the school years before `current` (demoworkshops.cpp),
    // drawn from a generator of their own: adding them changed nothing else.
    Result<int> addPastRegisters(const QList<Stay>& stays, const QDate& currentYearStart);
    Status addWorkshopLife(DeterministicRandom& rng, const QList<Section>& sections,
                           const QList<QList<CatalogueItem>>& catalogue,
                           const QHash<QString, qint64>& userIds, const QDate& today, bool federation);

    // The demo CAPs' frameworks (examples, marked so), the skills mapped onto
    // them, and the current trainees' evaluations from their jobs in the log
    // (demolearning.cpp): the evaluations recorded.
    Result<int> addLearning(const QList<Section>& sections, const QHash<QString, qint64>& userIds,
                            const QDate& today, bool federation);

    Database& m_db;
    Options m_options;
};

} // namespace etabli
