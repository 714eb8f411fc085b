#include "gui/sales/linesmodel.h"

#include "domain/production.h"
#include "services/catalogueservice.h"

#include <cmath>
#include <QLocale>

namespace etabli {

namespace {

QLocale french()
{
    return QLocale(QLocale::French, QLocale::France);
}

QString vatText(int bp)
{
    return french().toString(bp / 100.0, 'g', 4);
}

// A quantity, negative for a discount line.
Result<qint64> parseQuantity(QString text)
{
    text = text.trimmed();
    const bool negative = text.startsWith(QLatin1Char('-'));
    if (negative)
        text.remove(0, 1);
    auto quantity = Quantities::parse(text);
    if (!quantity)
        return quantity;
    return negative ? -*quantity : *quantity;
}

Result<Money> parsePrice(const QString& text)
{
    return Money::parse(text.trimmed().isEmpty() ? QStringLiteral("0") : text);
}

// Basis points of a rate typed in percent ("5,5" → 550); -1 when unreadable.
int parseVat(const QString& text)
{
    bool ok = true;
    const double vat =
        french().toDouble(text.trimmed().isEmpty() ? QStringLiteral("0") : text.trimmed(), &ok);
    return ok && vat >= 0 ? static_cast<int>(std::lround(vat * 100)) : -1;
}

} // namespace

LineDraft LineDraft::from(const InvoiceLine& l)
{
    LineDraft d;
    d.catalogueItemId = l.catalogueItemId;
    d.label = l.label;
    d.quantity = Quantities::format(l.quantityThousandths);
    d.unit = l.unit;
    d.unitPrice = l.unitPrice.formatPlain();
    d.vatRate = vatText(l.vatRateBp);
    return d;
}

InvoiceLine LineDraft::estimate() const
{
    InvoiceLine l;
    l.catalogueItemId = catalogueItemId;
    l.label = label.trimmed();
    l.unit = unit;
    l.quantityThousandths = parseQuantity(quantity).value_or(0);
    l.unitPrice = parsePrice(unitPrice).value_or(Money());
    l.vatRateBp = std::max(0, parseVat(vatRate));
    return l;
}

LinesModel::LinesModel(QObject* parent)
    : RowsTableModel<LineDraft>({tr("Description"), tr("Quantity"), tr("Unit"), tr("Unit price excl. VAT"),
                                 tr("VAT %"), tr("Total excl. VAT")},
                                {Quantity, Price, Vat, Total}, parent)
{
    setTextFields(
        {&LineDraft::label, &LineDraft::quantity, nullptr, &LineDraft::unitPrice, &LineDraft::vatRate});
}

void LinesModel::setLines(const QList<InvoiceLine>& lines)
{
    QList<LineDraft> drafts;
    for (const InvoiceLine& l : lines)
        drafts << LineDraft::from(l);
    setRows(drafts);
}

Result<QList<InvoiceLine>> LinesModel::collect(int* badRow, int* badColumn) const
{
    QList<InvoiceLine> lines;
    for (int r = 0; r < rowCount(); ++r) {
        const LineDraft& d = rowAt(r);
        const auto refuse = [&](int column, const QString& why) -> Result<QList<InvoiceLine>> {
            if (badRow)
                *badRow = r;
            if (badColumn)
                *badColumn = column;
            return fail(Error::Code::InvalidInput, tr("Line %1: %2").arg(r + 1).arg(why));
        };
        auto quantity = parseQuantity(d.quantity);
        if (!quantity)
            return refuse(Quantity, quantity.error().message);
        auto price = parsePrice(d.unitPrice);
        if (!price)
            return refuse(Price, price.error().message);
        const int vat = parseVat(d.vatRate);
        if (vat < 0)
            return refuse(Vat, tr("the VAT rate is a percentage, e.g. 20 or 5,5."));
        InvoiceLine l = d.estimate();
        l.quantityThousandths = *quantity;
        l.unitPrice = *price;
        l.vatRateBp = vat;
        lines << l;
    }
    return lines;
}

QList<InvoiceLine> LinesModel::estimate() const
{
    QList<InvoiceLine> lines;
    for (const LineDraft& d : rows())
        lines << d.estimate();
    return lines;
}

QVariant LinesModel::cell(const LineDraft& row, int column, int role) const
{
    if (column == Unit && role == Qt::DisplayRole)
        return labelOf(row.unit);
    if (column == Total && role == Qt::DisplayRole)
        return row.estimate().total().format();
    return textCell(row, column, role);
}

} // namespace etabli
