#include "gui/sales/statementimportdialog.h"

#include "gui/common/formdialog.h"
#include "gui/common/session.h"
#include "util/text.h"

#include <QCheckBox>
#include <QColor>
#include <QHBoxLayout>
#include <QPushButton>

namespace etabli {

namespace {

QVariant previewColour(const StatementPreviewRow& row, int role)
{
    if (role == Qt::ForegroundRole && (row.known || !row.line.isCredit()))
        return QColor(0x70, 0x70, 0x70);
    return {};
}

QString previewFate(const StatementPreviewRow& row)
{
    if (row.known)
        return StatementImportDialog::tr("imported already (left out)");
    return row.line.isCredit() ? StatementImportDialog::tr("credit to reconcile")
                               : StatementImportDialog::tr("debit");
}

// A heading of the file to choose, or none.
QComboBox* headingChoice(const QStringList& header, const QString& current, QWidget* parent)
{
    auto* box = new QComboBox(parent);
    box->addItem(StatementImportDialog::tr("(none)"), QString());
    for (const QString& h : header) {
        if (h.trimmed().isEmpty())
            continue;
        box->addItem(h, h);
        if (h == current)
            box->setCurrentIndex(box->count() - 1);
    }
    return box;
}

} // namespace

StatementImportDialog::StatementImportDialog(Session& session, QWidget* parent)
    : SheetImportDialog(
          tr("Import a bank statement"),
          tr("On the bank's website, download the account's statement as OFX (\"Money\", \"Quicken\"), as "
             "CAMT.053 (XML) or as CSV or Excel, then choose the file here. Its movements are recorded once: "
             "a file imported already is refused, and the movements an earlier statement gave are left out. "
             "The credits are then reconciled, line by line, with the unpaid invoices, the deposit slips and "
             "the gifts."),
          parent),
      m_session(session), m_rows(nullptr), m_columns(new QPushButton(tr("C&olumns…"), this))
{
    m_rows = new ColumnsModel<StatementPreviewRow>(
        {{tr("Day"), [](const StatementPreviewRow& r) { return text::frenchDate(r.line.day); }, false,
          previewColour},
         {tr("Wording"), [](const StatementPreviewRow& r) { return r.line.label; }, false, previewColour},
         {tr("Amount"), [](const StatementPreviewRow& r) { return r.line.amount.format(); }, true,
          previewColour},
         {tr("What happens"), previewFate, false, previewColour}},
        this);
    setModel(m_rows);
    skipInvalid()->hide(); // a statement is read whole or refused
    m_columns->setObjectName(QStringLiteral("csvColumns"));
    m_columns->setEnabled(false);
    m_columns->setToolTip(
        tr("Which columns of the bank's CSV file give the day, the wording and the amount."));
    topRow()->addWidget(m_columns);
    topRow()->addStretch(1);
    connect(m_columns, &QPushButton::clicked, this, &StatementImportDialog::chooseColumns);
}

QString StatementImportDialog::fileFilter() const
{
    return tr("Bank statements (*.ofx *.xml *.csv *.xlsx *.txt);;All files (*)");
}

void StatementImportDialog::useLayout(const bank::CsvLayout& layout)
{
    m_layout = layout;
    reload();
}

Status StatementImportDialog::read(const QByteArray& bytes, const Progress&)
{
    m_rows->clear();
    m_preview = {};
    m_columns->setEnabled(false);
    auto preview = m_session.service<BankStatementService>().prepare(bytes, fileName(), m_layout);
    if (!preview)
        return std::unexpected(preview.error());
    m_preview = *preview;
    m_columns->setEnabled(!m_preview.columns.header.isEmpty());
    QList<StatementPreviewRow> rows;
    for (qsizetype i = 0; i < m_preview.file.lines.size(); ++i)
        rows << StatementPreviewRow{m_preview.file.lines.at(i), m_preview.known.value(i)};
    m_rows->setRows(rows);
    return {};
}

QString StatementImportDialog::summary() const
{
    if (m_preview.needsLayout)
        return tr("Établi does not recognise the columns of this file (%1): say which they are with "
                  "“Columns…”; they will be remembered for this bank.")
            .arg(m_preview.columns.header.join(QStringLiteral(", ")));
    const StatementFile& f = m_preview.file;
    QString text = tr("%1 statement from %2 to %3%4: %n new movement(s), ", nullptr, m_preview.newLines())
                       .arg(labelOf(f.format), text::frenchDate(f.from), text::frenchDate(f.to),
                            f.account.isEmpty() ? QString() : tr(", account %1").arg(f.account)) +
                   tr("%n credit(s) to reconcile for %1", nullptr, m_preview.newCredits())
                       .arg(m_preview.newCreditTotal().format());
    const int known = static_cast<int>(m_preview.known.count(true));
    if (known > 0)
        text += QLatin1String("; ") + tr("%n movement(s) imported already, left out", nullptr, known);
    text += QLatin1Char('.');
    if (!m_preview.accountWarning.isEmpty())
        text += QLatin1Char(' ') + m_preview.accountWarning;
    return text;
}

Status StatementImportDialog::write(bool, const Progress&)
{
    auto id = m_session.service<BankStatementService>().import(m_preview);
    if (!id)
        return std::unexpected(id.error());
    m_statementId = *id;
    return {};
}

void StatementImportDialog::chooseColumns()
{
    const bank::CsvLayout current =
        m_preview.needsLayout || !m_layout ? m_preview.columns.guessed : *m_layout;
    const QStringList& header = m_preview.columns.header;
    FormDialog form(tr("Columns of the bank's file"), this);
    auto* day = headingChoice(header, current.date, &form);
    auto* label = headingChoice(header, current.label.value(0), &form);
    auto* more = headingChoice(header, current.label.value(1), &form);
    auto* amount = headingChoice(header, current.amount, &form);
    auto* credit = headingChoice(header, current.credit, &form);
    auto* debit = headingChoice(header, current.debit, &form);
    form.addRow(tr("&Day of the movement"), day);
    form.addRow(tr("&Wording"), label);
    form.addRow(tr("Wording, &continued"), more);
    form.addRow(tr("&Amount (signed)"), amount);
    form.addRow(tr("C&redit (money in)"), credit);
    form.addRow(tr("D&ebit (money out)"), debit);
    bank::CsvLayout chosen;
    form.setAction([&]() -> Status {
        chosen = bank::CsvLayout();
        chosen.header = header;
        chosen.date = day->currentData().toString();
        for (const QComboBox* box : {label, more}) {
            if (!box->currentData().toString().isEmpty())
                chosen.label << box->currentData().toString();
        }
        chosen.amount = amount->currentData().toString();
        chosen.credit = credit->currentData().toString();
        chosen.debit = debit->currentData().toString();
        if (!chosen.isComplete())
            return fail(Error::Code::InvalidInput,
                        tr("Choose the column of the day, one of the wording, and the amount's (or those of "
                           "the credit and the debit)."));
        return {};
    });
    if (form.exec() == QDialog::Accepted)
        useLayout(chosen);
}

} // namespace etabli
