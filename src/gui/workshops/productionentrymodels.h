#pragma once

#include "domain/production.h"
#include "gui/common/rowstablemodel.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QHash>

namespace etabli {

// The tables of the day's production entry (ProductionEntryPage): the
// section's trainees to tick with their hours, what was made, the materials
// used. Each holds what the trainer typed; collect() turns it into the
// entry's parts or says which row is wrong.

// A trainee of the section on the entry's day.
struct EntryTrainee
{
    qint64 traineeId = 0;
    QString name;
    int absentHalves = 0; // half-days marked absent (or in internship) in the register that day
    bool internship = false;
    bool ticked = false;
    QString hours; // as typed: "3,5", "3 h 30"; empty: the section's half-day
};

class EntryTraineesModel final : public RowsTableModel<EntryTrainee>
{
    Q_DECLARE_TR_FUNCTIONS(EntryTraineesModel)

public:
    enum Column
    {
        Name,
        Hours,
        Note
    };

    explicit EntryTraineesModel(QObject* parent = nullptr);

    // The length a ticked trainee gets when no hours are typed.
    void setHalfDay(int minutes) { m_halfDay = minutes; }
    // Space on a row: ticks or unticks an available trainee.
    void toggle(int row);
    // Ticks a trainee of a stored entry with its minutes (even one marked absent since).
    void tick(qint64 traineeId, int minutes);
    void untickAll();
    // What is ticked, by trainee: the hours as typed (kept when the day changes).
    QHash<qint64, QString> tickedHours() const;

    int tickedCount() const;
    qint64 tickedMinutes() const; // hours that cannot be read count for nothing
    // The ticked trainees; on hours that cannot be read, the error and its row.
    Result<QList<ProductionTrainee>> collect(int* badRow) const;

    static bool available(const EntryTrainee& t) { return t.absentHalves < 2 || t.ticked; }

protected:
    QVariant cell(const EntryTrainee& row, int column, int role) const override;
    bool setCell(EntryTrainee& row, int column, const QVariant& value, int role) override;
    Qt::ItemFlags cellFlags(const EntryTrainee& row, int column) const override;

private:
    int m_halfDay = 210;
};

// What was made: catalogue items or free text, as added from the article field.
class EntryOutputsModel final : public RowsTableModel<ProductionOutput>
{
    Q_DECLARE_TR_FUNCTIONS(EntryOutputsModel)

public:
    enum Column
    {
        Code,
        Description,
        Quantity,
        Unit
    };

    explicit EntryOutputsModel(QObject* parent = nullptr);

protected:
    QVariant cell(const ProductionOutput& row, int column, int role) const override;
};

// A material as typed: its name, quantity and unit cost, read on save.
struct MaterialDraft
{
    QString label;
    QString quantity;
    QString unitCost;
    bool isBlank() const
    {
        return label.trimmed().isEmpty() && quantity.trimmed().isEmpty() && unitCost.trimmed().isEmpty();
    }
};

class EntryMaterialsModel final : public RowsTableModel<MaterialDraft>
{
    Q_DECLARE_TR_FUNCTIONS(EntryMaterialsModel)

public:
    enum Column
    {
        Label,
        Quantity,
        UnitCost
    };

    explicit EntryMaterialsModel(QObject* parent = nullptr);
    void setMaterials(const QList<ProductionMaterial>& materials);
    // The materials (blank rows left out); on a value that cannot be read,
    // the error with its row and column.
    Result<QList<ProductionMaterial>> collect(int* badRow, int* badColumn) const;
};

} // namespace etabli
