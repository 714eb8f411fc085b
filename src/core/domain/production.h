#pragma once

#include "domain/catalogue.h"
#include "domain/money.h"
#include "util/error.h"

#include <optional>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

// What an entry of the production log was for; the codes are the database's.
enum class ProductionKind
{
    Order,
    Exercise,
    Upkeep
};
template <> struct Codes<ProductionKind>
{
    static constexpr CodeEntry<ProductionKind> entries[] = {
        {ProductionKind::Order, "order", QT_TRANSLATE_NOOP("etabli::Codes", "Production for a customer")},
        {ProductionKind::Exercise, "exercise", QT_TRANSLATE_NOOP("etabli::Codes", "Training exercise")},
        {ProductionKind::Upkeep, "upkeep", QT_TRANSLATE_NOOP("etabli::Codes", "Workshop upkeep")},
    };
};

// A trainee on an entry, with the time spent.
struct ProductionTrainee
{
    ProductionTrainee() = default;
    ProductionTrainee(qint64 trainee, int mins, QString displayName = {})
        : traineeId(trainee), minutes(mins), name(std::move(displayName))
    {
    }

    qint64 traineeId = 0;
    int minutes = 0;
    QString name; // filled when read, for display

    bool operator==(const ProductionTrainee& o) const
    {
        return traineeId == o.traineeId && minutes == o.minutes;
    }
};

// A line of output: a catalogue item (by id, or by code when typed), or free
// text with its unit. Quantities are held in thousandths (2,5 m = 2500).
struct ProductionOutput
{
    qint64 catalogueItemId = 0;
    QString code;  // catalogue code: resolved by the service when the id is 0
    QString label; // free text, or the item's label when read
    qint64 quantityThousandths = 0;
    Unit unit = Unit::Piece;

    bool operator==(const ProductionOutput& o) const
    {
        return catalogueItemId == o.catalogueItemId && label == o.label &&
               quantityThousandths == o.quantityThousandths && unit == o.unit;
    }
};

struct ProductionMaterial
{
    QString label;
    qint64 quantityThousandths = 0;
    Money unitCost; // excluding VAT

    // quantity × unit cost, rounded to the cent.
    Money cost() const;
    bool operator==(const ProductionMaterial& o) const
    {
        return label == o.label && quantityThousandths == o.quantityThousandths && unitCost == o.unitCost;
    }
};

// One entry of the journal d'atelier.
struct ProductionEntry
{
    qint64 id = 0;
    QDate day;
    qint64 sectionId = 0;
    qint64 trainerStaffId = 0; // 0: none given
    QString authorLogin;       // set by the service
    ProductionKind kind = ProductionKind::Order;
    qint64 orderId = 0; // the work order it served, if any
    QString reference;  // the order's number, or a free reference
    QString notes;
    QList<ProductionTrainee> trainees;
    QList<ProductionOutput> outputs;
    QList<ProductionMaterial> materials;
    QList<qint64> skillIds;
    int version = 0;
    QString createdAt; // ISO, UTC

    int totalMinutes() const;
    Money materialsCost() const;
};

// A skill practised in a section ("démonter un pneu", "souder à l'arc").
struct Skill
{
    qint64 id = 0;
    qint64 sectionId = 0;
    QString label;
    bool active = true;
};

// A line of the log list (one per entry).
struct ProductionSummary
{
    qint64 id = 0;
    QDate day;
    qint64 sectionId = 0;
    QString sectionName;
    ProductionKind kind = ProductionKind::Order;
    QString reference;
    QString trainerName;
    QString authorLogin;
    int traineeCount = 0;
    qint64 minutes = 0;    // all trainees together
    qint64 ownMinutes = 0; // the filter's trainee's, when the list is of one trainee
    QString outputs;       // "MONT-EQ × 4, REP-CREV × 1"
    QString trainees;      // "Dupont Léa, Martin Enzo"
};

struct ProductionFilter
{
    qint64 sectionId = 0; // 0: all the user may see
    qint64 traineeId = 0; // 0: every trainee
    QDate from;
    QDate to;
    std::optional<ProductionKind> kind; // none: all
    QString reference;                  // part of the reference, accents ignored
};

// What comes out of the log over a period.
struct TraineeHours
{
    qint64 traineeId = 0;
    QString name;
    qint64 orderMinutes = 0;
    qint64 exerciseMinutes = 0;
    qint64 upkeepMinutes = 0;
    int entries = 0;
    qint64 total() const { return orderMinutes + exerciseMinutes + upkeepMinutes; }
};

struct SkillPractice
{
    qint64 skillId = 0;
    QString label;
    QString section;    // the workshop whose skill it is (two may name a skill alike)
    int entries = 0;    // times practised (entries naming the skill)
    int trainees = 0;   // distinct trainees
    qint64 minutes = 0; // trainee minutes on those entries
};

struct OutputTotal
{
    qint64 catalogueItemId = 0; // 0: free text
    QString code;
    QString label;
    Unit unit = Unit::Piece;
    qint64 quantityThousandths = 0;
    Money value; // quantity × current catalogue price (0 for free text)
};

struct ReferenceHours
{
    QString reference;
    int entries = 0;
    int trainees = 0;
    qint64 minutes = 0;
    Money materials;
    QDate first;
    QDate last;
};

struct ProductionFigures
{
    QList<TraineeHours> trainees;
    QList<SkillPractice> skills;
    QList<OutputTotal> outputs;
    QList<ReferenceHours> references;
    Money materials;
    int entries = 0;
    qint64 minutes = 0;
};

// Quantities (thousandths) and durations (minutes) as the French write them.
class Quantities
{
    Q_DECLARE_TR_FUNCTIONS(Quantities)

public:
    // "2", "2,5", "1.25", "0,125": positive, three decimals at most.
    static Result<qint64> parse(const QString& text);
    // 2500 → "2,5"
    static QString format(qint64 thousandths);

    // "3", "3,5", "3h30", "3 h 30", "3:30", "45 min" → minutes.
    static Result<int> parseDuration(const QString& text);
    // 210 → "3 h 30", 45 → "0 h 45", 180 → "3 h"
    static QString formatDuration(qint64 minutes);
};

} // namespace etabli
