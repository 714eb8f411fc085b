#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>

#include <cstdint>

namespace etabli {

class Database;

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
    };

    struct Summary
    {
        int sections = 0;
        int trainees = 0;
        int schoolYears = 0;
        int attendanceRows = 0;
    };

    DemoGenerator(Database& db, Options options);

    // Fills an empty (freshly created) database in one transaction.
    Result<Summary> run();

    static Result<Scale> parseScale(const QString& text);
    // The password of every demo account, shown on the demo's login dialog.
    static QString demoPassword() { return QStringLiteral("etabli-demo-2026"); }
    static QStringList demoLogins()
    {
        return {QStringLiteral("direction"), QStringLiteral("secretariat"), QStringLiteral("formateur.pneus"),
                QStringLiteral("formateur.metal"), QStringLiteral("lecture")};
    }

private:
    Database& m_db;
    Options m_options;
};

} // namespace etabli
