#include "gui/sales/lineseditor.h"

#include "domain/production.h"
#include "gui/common/editingdialog.h"
#include "gui/common/session.h"
#include "services/catalogueservice.h"
#include "util/text.h"

#include <cmath>
#include <QComboBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStringListModel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace etabli {

namespace {

constexpr int ValueRole = Qt::UserRole;
constexpr int ItemRole = Qt::UserRole + 1;

QString vatText(int bp)
{
    return QLocale(QLocale::French, QLocale::France).toString(bp / 100.0, 'g', 4);
}

} // namespace

LinesEditor::LinesEditor(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_article(new QLineEdit(this)), m_unit(new QComboBox(this)),
      m_add(new QPushButton(tr("&Add"), this)), m_remove(new QPushButton(tr("Remove the line"), this)),
      m_lines(new QTableWidget(this)), m_totals(new QLabel(this))
{
    m_article->setObjectName(QStringLiteral("linesArticle"));
    // The line being chosen is not yet part of the document: the table is.
    markAsViewControl(m_article);
    markAsViewControl(m_unit);
    m_article->setPlaceholderText(
        tr("code or words of the catalogue, or a free description — Enter adds the line"));
    auto* articles = new QCompleter(this);
    QStringList choices;
    if (m_session.isOpen() && m_session.isLoggedIn()) {
        for (const CatalogueItem& i :
             CatalogueService(m_session.database(), m_session.clock(), m_session.user())
                 .list(0, true)
                 .value_or(QList<CatalogueItem>{}))
            choices << QStringLiteral("%1 — %2").arg(i.code, i.label);
    }
    articles->setModel(new QStringListModel(choices, articles));
    articles->setCaseSensitivity(Qt::CaseInsensitive);
    articles->setFilterMode(Qt::MatchContains);
    m_article->setCompleter(articles);
    for (const QString& u : catalogueUnits())
        m_unit->addItem(CatalogueService::unitLabel(u), u);
    m_unit->setToolTip(tr("Unit of a free line"));
    auto* bar = new QHBoxLayout;
    auto* articleLabel = new QLabel(tr("Arti&cle"), this);
    articleLabel->setBuddy(m_article);
    bar->addWidget(articleLabel);
    bar->addWidget(m_article, 1);
    bar->addWidget(m_unit);
    bar->addWidget(m_add);
    bar->addWidget(m_remove);
    m_lines->setObjectName(QStringLiteral("lines"));
    m_lines->setColumnCount(6);
    m_lines->setHorizontalHeaderLabels({tr("Description"), tr("Quantity"), tr("Unit"),
                                        tr("Unit price excl. VAT"), tr("VAT %"), tr("Total excl. VAT")});
    m_lines->verticalHeader()->hide();
    // Each figure's column as wide as its heading ("Prix unitaire HT") or its widest cell; the text takes the
    // rest.
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->horizontalHeader()->setSectionResizeMode(Label, QHeaderView::Stretch);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_totals->setObjectName(QStringLiteral("linesTotals"));
    m_totals->setAlignment(Qt::AlignRight);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_lines, 1);
    layout->addWidget(m_totals);

    const auto addTyped = [this]() {
        addLine(m_article->text());
        m_article->clear();
    };
    connect(m_article, &QLineEdit::returnPressed, this, addTyped);
    connect(m_add, &QPushButton::clicked, this, addTyped);
    connect(m_remove, &QPushButton::clicked, this, [this]() {
        if (m_lines->currentRow() >= 0)
            m_lines->removeRow(m_lines->currentRow());
        updateTotals();
        Q_EMIT changed();
    });
    connect(m_lines, &QTableWidget::itemChanged, this, [this]() {
        updateTotals();
        Q_EMIT changed();
    });
}

QString LinesEditor::totalText() const
{
    return m_totals->text();
}

void LinesEditor::setRow(int row, const InvoiceLine& l)
{
    auto* label = new QTableWidgetItem(l.label);
    label->setData(ItemRole, l.catalogueItemId);
    m_lines->setItem(row, Label, label);
    m_lines->setItem(row, Quantity, new QTableWidgetItem(Quantities::format(l.quantityThousandths)));
    auto* unit = new QTableWidgetItem(CatalogueService::unitLabel(l.unit));
    unit->setData(ValueRole, l.unit);
    unit->setFlags(unit->flags() & ~Qt::ItemIsEditable);
    m_lines->setItem(row, Unit, unit);
    m_lines->setItem(row, Price, new QTableWidgetItem(l.unitPrice.formatPlain()));
    m_lines->setItem(row, Vat, new QTableWidgetItem(vatText(l.vatRateBp)));
    auto* total = new QTableWidgetItem(l.total().format());
    total->setFlags(total->flags() & ~Qt::ItemIsEditable);
    total->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_lines->setItem(row, Total, total);
}

void LinesEditor::setLines(const QList<InvoiceLine>& lines, VatRegime regime)
{
    m_regime = regime;
    {
        const QSignalBlocker block(m_lines);
        m_lines->setRowCount(0);
        for (const InvoiceLine& l : lines) {
            m_lines->insertRow(m_lines->rowCount());
            setRow(m_lines->rowCount() - 1, l);
        }
    }
    m_lines->setColumnHidden(Vat, regime == VatRegime::Franchise);
    updateTotals();
}

void LinesEditor::setFixedTotals(const InvoiceTotals* totals)
{
    if (totals) {
        m_fixedCopy = *totals;
        m_fixed = &m_fixedCopy;
    } else {
        m_fixed = nullptr;
    }
    updateTotals();
}

void LinesEditor::setReadOnly(bool readOnly)
{
    m_lines->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                      : QAbstractItemView::AllEditTriggers);
    for (QWidget* w : std::initializer_list<QWidget*>{m_article, m_unit, m_add, m_remove})
        w->setVisible(!readOnly);
}

void LinesEditor::addLine(const QString& input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return;
    InvoiceLine l;
    const QString code = text.section(QStringLiteral(" — "), 0, 0).trimmed();
    bool found = false;
    for (const CatalogueItem& i : CatalogueService(m_session.database(), m_session.clock(), m_session.user())
                                      .list(0, true)
                                      .value_or(QList<CatalogueItem>{})) {
        if (!found && text::fold(i.code) == text::fold(code)) {
            l.catalogueItemId = i.id;
            l.label = i.label;
            l.unit = i.unit;
            l.unitPrice = i.unitPrice;
            l.vatRateBp = i.vatRateBp;
            found = true;
        }
    }
    if (!found) {
        l.label = text;
        l.unit = m_unit->currentData().toString();
    }
    {
        const QSignalBlocker block(m_lines);
        m_lines->insertRow(m_lines->rowCount());
        setRow(m_lines->rowCount() - 1, l);
    }
    m_lines->setCurrentCell(m_lines->rowCount() - 1, found ? Quantity : Price);
    updateTotals();
    Q_EMIT changed();
}

bool LinesEditor::readLines(QList<InvoiceLine>& lines, QString* error)
{
    const QLocale fr(QLocale::French, QLocale::France);
    for (int r = 0; r < m_lines->rowCount(); ++r) {
        const auto cell = [&](int c) {
            return m_lines->item(r, c) ? m_lines->item(r, c)->text().trimmed() : QString();
        };
        InvoiceLine l;
        l.label = cell(Label);
        l.catalogueItemId =
            m_lines->item(r, Label) ? m_lines->item(r, Label)->data(ItemRole).toLongLong() : 0;
        l.unit = m_lines->item(r, Unit) ? m_lines->item(r, Unit)->data(ValueRole).toString()
                                        : QStringLiteral("piece");
        QString quantityText = cell(Quantity);
        const bool negative = quantityText.startsWith(QLatin1Char('-'));
        if (negative)
            quantityText.remove(0, 1);
        auto quantity = Quantities::parse(quantityText);
        auto price = Money::parse(cell(Price).isEmpty() ? QStringLiteral("0") : cell(Price));
        bool vatOk = true;
        const double vat = fr.toDouble(cell(Vat).isEmpty() ? QStringLiteral("0") : cell(Vat), &vatOk);
        if (!quantity || !price || !vatOk) {
            if (error)
                *error = tr("Line %1: %2")
                             .arg(r + 1)
                             .arg(!quantity ? quantity.error().message
                                  : !price  ? price.error().message
                                            : tr("the VAT rate is a percentage, e.g. 20 or 5,5."));
            m_lines->setCurrentCell(r, !quantity ? Quantity : !price ? Price : Vat);
            return false;
        }
        l.quantityThousandths = negative ? -*quantity : *quantity;
        l.unitPrice = *price;
        l.vatRateBp = static_cast<int>(std::lround(vat * 100));
        lines << l;
    }
    return true;
}

void LinesEditor::updateTotals()
{
    QList<InvoiceLine> lines;
    const QLocale fr(QLocale::French, QLocale::France);
    for (int r = 0; r < m_lines->rowCount(); ++r) {
        InvoiceLine l;
        QString q = m_lines->item(r, Quantity) ? m_lines->item(r, Quantity)->text().trimmed() : QString();
        const bool negative = q.startsWith(QLatin1Char('-'));
        if (negative)
            q.remove(0, 1);
        auto quantity = Quantities::parse(q);
        auto price = Money::parse(m_lines->item(r, Price) ? m_lines->item(r, Price)->text() : QString());
        bool ok = true;
        const double vat =
            fr.toDouble(m_lines->item(r, Vat) ? m_lines->item(r, Vat)->text() : QString(), &ok);
        l.quantityThousandths = quantity ? (negative ? -*quantity : *quantity) : 0;
        l.unitPrice = price ? *price : Money();
        l.vatRateBp = ok ? static_cast<int>(std::lround(vat * 100)) : 0;
        lines << l;
        if (QTableWidgetItem* total = m_lines->item(r, Total)) {
            const QSignalBlocker block(m_lines);
            total->setText(l.total().format());
        }
    }
    const InvoiceTotals t = m_fixed ? *m_fixed : InvoiceTotals::compute(lines, m_regime);
    if (m_regime == VatRegime::Assujetti)
        m_totals->setText(tr("Total excl. VAT %1 · VAT %2 · <b>Total incl. VAT %3</b>")
                              .arg(t.excl.format(), t.vatTotal.format(), t.incl.format()));
    else
        m_totals->setText(tr("<b>Total %1</b> (VAT not applicable)").arg(t.incl.format()));
}

} // namespace etabli
