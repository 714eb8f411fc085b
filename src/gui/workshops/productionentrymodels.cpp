#include "gui/workshops/productionentrymodels.h"

#include "services/catalogueservice.h"

#include <QGuiApplication>
#include <QPalette>

namespace etabli {

EntryTraineesModel::EntryTraineesModel(QObject* parent)
    : RowsTableModel<EntryTrainee>({tr("Trainee"), tr("Hours"), tr("Register")}, {}, parent)
{
}

void EntryTraineesModel::toggle(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    setData(index(row, Name), rowAt(row).ticked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
}

void EntryTraineesModel::tick(qint64 traineeId, int minutes)
{
    for (int r = 0; r < rowCount(); ++r) {
        if (rowAt(r).traineeId == traineeId)
            update(r, [minutes](EntryTrainee& t) {
                t.ticked = true;
                t.hours = Quantities::formatDuration(minutes);
            });
    }
}

void EntryTraineesModel::untickAll()
{
    updateAll([](EntryTrainee& t) {
        t.ticked = false;
        t.hours.clear();
    });
}

QHash<qint64, QString> EntryTraineesModel::tickedHours() const
{
    QHash<qint64, QString> ticked;
    for (const EntryTrainee& t : rows()) {
        if (t.ticked)
            ticked.insert(t.traineeId, t.hours);
    }
    return ticked;
}

int EntryTraineesModel::tickedCount() const
{
    return static_cast<int>(
        std::count_if(rows().cbegin(), rows().cend(), [](const EntryTrainee& t) { return t.ticked; }));
}

qint64 EntryTraineesModel::tickedMinutes() const
{
    qint64 minutes = 0;
    for (const EntryTrainee& t : rows()) {
        if (!t.ticked)
            continue;
        if (auto d = Quantities::parseDuration(t.hours.isEmpty() ? Quantities::formatDuration(m_halfDay)
                                                                 : t.hours))
            minutes += *d;
    }
    return minutes;
}

Result<QList<ProductionTrainee>> EntryTraineesModel::collect(int* badRow) const
{
    QList<ProductionTrainee> out;
    for (int r = 0; r < rowCount(); ++r) {
        const EntryTrainee& t = rowAt(r);
        if (!t.ticked)
            continue;
        auto minutes =
            Quantities::parseDuration(t.hours.isEmpty() ? Quantities::formatDuration(m_halfDay) : t.hours);
        if (!minutes) {
            if (badRow)
                *badRow = r;
            return fail(minutes.error().code, t.name + QStringLiteral(" : ") + minutes.error().message);
        }
        out << ProductionTrainee{t.traineeId, *minutes, t.name};
    }
    return out;
}

QVariant EntryTraineesModel::cell(const EntryTrainee& row, int column, int role) const
{
    switch (column) {
    case Name:
        if (role == Qt::DisplayRole)
            return row.name;
        if (role == Qt::CheckStateRole)
            return row.ticked ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ForegroundRole && !available(row))
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Hours:
        return role == Qt::DisplayRole || role == Qt::EditRole ? QVariant(row.hours) : QVariant();
    case Note:
        if (role != Qt::DisplayRole)
            return {};
        if (row.absentHalves >= 2)
            return row.internship ? tr("in internship") : tr("absent");
        return row.absentHalves == 1 ? tr("absent half a day") : QString();
    default:
        return {};
    }
}

bool EntryTraineesModel::setCell(EntryTrainee& row, int column, const QVariant& value, int role)
{
    if (column == Name && role == Qt::CheckStateRole) {
        row.ticked = value.toInt() == Qt::Checked;
        // Ticking a trainee whose hours are empty gives the section's half-day.
        if (row.ticked && row.hours.trimmed().isEmpty())
            row.hours = Quantities::formatDuration(m_halfDay);
        return true;
    }
    if (column == Hours && role == Qt::EditRole) {
        row.hours = value.toString().trimmed();
        return true;
    }
    return false;
}

Qt::ItemFlags EntryTraineesModel::cellFlags(const EntryTrainee& row, int column) const
{
    if (column == Name)
        return available(row) ? Qt::ItemIsUserCheckable : Qt::NoItemFlags;
    return column == Hours ? Qt::ItemIsEditable : Qt::NoItemFlags;
}

EntryOutputsModel::EntryOutputsModel(QObject* parent)
    : RowsTableModel<ProductionOutput>({tr("Code"), tr("Description"), tr("Quantity"), tr("Unit")},
                                       {Quantity}, parent)
{
}

QVariant EntryOutputsModel::cell(const ProductionOutput& row, int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Code:
        return row.code;
    case Description:
        return row.label;
    case Quantity:
        return Quantities::format(row.quantityThousandths);
    case Unit:
        return labelOf(row.unit);
    default:
        return {};
    }
}

EntryMaterialsModel::EntryMaterialsModel(QObject* parent)
    : RowsTableModel<MaterialDraft>({tr("Material"), tr("Quantity"), tr("Unit cost (€)")},
                                    {Quantity, UnitCost}, parent)
{
    setTextFields({&MaterialDraft::label, &MaterialDraft::quantity, &MaterialDraft::unitCost});
}

void EntryMaterialsModel::setMaterials(const QList<ProductionMaterial>& materials)
{
    QList<MaterialDraft> drafts;
    for (const ProductionMaterial& m : materials)
        drafts << MaterialDraft{m.label, Quantities::format(m.quantityThousandths), m.unitCost.formatPlain()};
    setRows(drafts);
}

Result<QList<ProductionMaterial>> EntryMaterialsModel::collect(int* badRow, int* badColumn) const
{
    QList<ProductionMaterial> out;
    for (int r = 0; r < rowCount(); ++r) {
        const MaterialDraft& d = rowAt(r);
        if (d.isBlank())
            continue;
        ProductionMaterial m;
        m.label = d.label.trimmed();
        auto quantity = Quantities::parse(d.quantity.trimmed().isEmpty() ? QStringLiteral("1") : d.quantity);
        auto cost = Money::parse(d.unitCost.trimmed().isEmpty() ? QStringLiteral("0") : d.unitCost);
        if (!quantity || !cost) {
            if (badRow)
                *badRow = r;
            if (badColumn)
                *badColumn = !quantity ? Quantity : UnitCost;
            const Error& e = !quantity ? quantity.error() : cost.error();
            return fail(e.code, m.label + QStringLiteral(" : ") + e.message);
        }
        m.quantityThousandths = *quantity;
        m.unitCost = *cost;
        out << m;
    }
    return out;
}

} // namespace etabli
