#include "gui/sales/lineseditor.h"

#include "domain/production.h"
#include "gui/common/choicecompleter.h"
#include "gui/common/editingdialog.h"
#include "gui/common/session.h"
#include "gui/sales/linesmodel.h"
#include "services/catalogueservice.h"
#include "util/text.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

LinesEditor::LinesEditor(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_article(new QLineEdit(this)), m_unit(new QComboBox(this)),
      m_add(new QPushButton(tr("&Add"), this)), m_remove(new QPushButton(tr("Remove the line"), this)),
      m_model(new LinesModel(this)), m_lines(new QTableView(this)), m_totals(new QLabel(this))
{
    m_article->setObjectName(QStringLiteral("linesArticle"));
    // The line being chosen is not yet part of the document: the table is.
    markAsViewControl(m_article);
    markAsViewControl(m_unit);
    m_article->setPlaceholderText(
        tr("code or words of the catalogue, or a free description — Enter adds the line"));
    QStringList choices;
    if (m_session.isOpen() && m_session.isLoggedIn()) {
        for (const CatalogueItem& i :
             m_session.service<CatalogueService>().list(0, true).value_or(QList<CatalogueItem>{}))
            choices << QStringLiteral("%1 — %2").arg(i.code, i.label);
    }
    attachChoiceCompleter(m_article, ChoiceMatch::Contains, choices);
    for (Unit u : allOf<Unit>())
        m_unit->addItem(labelOf(u), static_cast<int>(u));
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
    m_lines->setModel(m_model);
    m_lines->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_lines->verticalHeader()->hide();
    // Each figure's column as wide as its heading ("Prix unitaire HT") or its widest cell; the text takes the
    // rest.
    m_lines->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_lines->horizontalHeader()->setSectionResizeMode(LinesModel::Label, QHeaderView::Stretch);
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
        if (m_model->isReadOnly() || !m_lines->currentIndex().isValid())
            return;
        m_model->removeAt(m_lines->currentIndex().row());
        updateTotals();
        Q_EMIT changed();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this]() {
        updateTotals();
        Q_EMIT changed();
    });
}

QString LinesEditor::totalText() const
{
    return m_totals->text();
}

void LinesEditor::setLines(const QList<InvoiceLine>& lines, VatRegime regime)
{
    m_regime = regime;
    m_model->setLines(lines);
    m_lines->setColumnHidden(LinesModel::Vat, regime == VatRegime::Franchise);
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
    m_model->setReadOnly(readOnly);
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
    if (m_model->isReadOnly())
        return;
    InvoiceLine l;
    const QString code = text.section(QStringLiteral(" — "), 0, 0).trimmed();
    bool found = false;
    for (const CatalogueItem& i :
         m_session.service<CatalogueService>().list(0, true).value_or(QList<CatalogueItem>{})) {
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
        l.unit = static_cast<Unit>(m_unit->currentData().toInt());
    }
    const int row = m_model->append(LineDraft::from(l));
    m_lines->setCurrentIndex(m_model->index(row, found ? LinesModel::Quantity : LinesModel::Price));
    updateTotals();
    Q_EMIT changed();
}

bool LinesEditor::readLines(QList<InvoiceLine>& lines, QString* error)
{
    int row = -1;
    int column = -1;
    auto read = m_model->collect(&row, &column);
    if (!read) {
        if (error)
            *error = read.error().message;
        m_lines->setCurrentIndex(m_model->index(row, column));
        return false;
    }
    lines << *read;
    return true;
}

void LinesEditor::updateTotals()
{
    const QList<InvoiceLine> lines = m_model->estimate();
    const InvoiceTotals t = m_fixed ? *m_fixed : InvoiceTotals::compute(lines, m_regime);
    if (m_regime == VatRegime::Assujetti)
        m_totals->setText(tr("Total excl. VAT %1 · VAT %2 · <b>Total incl. VAT %3</b>")
                              .arg(t.excl.format(), t.vatTotal.format(), t.incl.format()));
    else
        m_totals->setText(tr("<b>Total %1</b> (VAT not applicable)").arg(t.incl.format()));
}

} // namespace etabli
