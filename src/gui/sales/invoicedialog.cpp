#include "gui/sales/invoicedialog.h"

#include "domain/production.h"
#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/session.h"
#include "gui/sales/customerchooser.h"
#include "gui/sales/lineseditor.h"
#include "io/facturx.h"
#include "io/files.h"
#include "print/documentprinter.h"
#include "print/invoicedocument.h"
#include "services/catalogueservice.h"
#include "services/contactservice.h"
#include "services/invoiceservice.h"
#include "services/schoolservice.h"
#include "util/text.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStringListModel>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

InvoiceDialog::InvoiceDialog(Session& session, qint64 invoiceId, QWidget* parent)
    : EditingDialog(parent), m_session(session), m_banner(new MessageBanner(this)), m_title(new QLabel(this)),
      m_customer(new CustomerChooser(session, this)), m_reference(new QLineEdit(this)),
      m_buyerReference(new QLineEdit(this)), m_due(new DateField(this)),
      m_serviceFrom(FormDialog::optionalDateField({}, this)),
      m_serviceTo(FormDialog::optionalDateField({}, this)), m_operations(new QComboBox(this)),
      m_delivery(new QLineEdit(this)), m_engagement(new QLineEdit(this)), m_serviceCode(new QLineEdit(this)),
      m_editor(new LinesEditor(session, this)), m_paymentsBox(new QGroupBox(tr("Payments"), this)),
      m_paymentRows(new ColumnsModel<Payment>(
          {{tr("Date"),
            [](const Payment& p) { return QLocale().toString(p.day, QStringLiteral("dd/MM/yyyy")); }},
           {tr("Method"), [](const Payment& p) { return labelOf(p.method); }},
           {tr("Amount"), [](const Payment& p) { return p.amount.format(); }, true},
           {tr("Cheque"),
            [](const Payment& p) {
                return p.chequeNumber.isEmpty() ? QString()
                                                : QStringLiteral("%1 %2").arg(p.bank, p.chequeNumber);
            }},
           {tr("Note"), [](const Payment& p) { return p.reason; }}},
          this)),
      m_payments(new QTableView(this)), m_balance(new QLabel(this)),
      m_save(new QPushButton(tr("&Save the draft (Ctrl+S)"), this)),
      m_issue(new QPushButton(tr("&Issue…"), this)),
      m_delete(new QPushButton(tr("&Delete the draft…"), this)),
      m_credit(new QPushButton(tr("Credit &note…"), this)), m_pdf(new QPushButton(tr("P&DF…"), this)),
      m_xml(new QPushButton(tr("&XML…"), this)), m_print(new QPushButton(tr("Prin&t…"), this))
{
    m_banner->hide();
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);

    m_reference->setPlaceholderText(tr("work order or quote"));
    m_buyerReference->setPlaceholderText(tr("the customer's order number, if any"));
    m_serviceFrom->setToolTip(tr("The day of the sale or service (empty: the day of issue)"));
    m_serviceTo->setToolTip(tr("The last day, for a service over a period (storage, contract)"));
    for (Operations o : {Operations::Services, Operations::Goods, Operations::Mixed})
        m_operations->addItem(InvoiceService::operationsLabel(o), static_cast<int>(o));
    m_delivery->setPlaceholderText(tr("only when not the customer's address"));
    m_engagement->setPlaceholderText(tr("public bodies (Chorus Pro)"));
    m_serviceCode->setPlaceholderText(tr("public bodies (Chorus Pro)"));
    auto* head = new QFormLayout;
    auto* customerLabel = new QLabel(tr("C&ustomer"), this);
    customerLabel->setBuddy(m_customer->field());
    head->addRow(customerLabel, m_customer);
    auto* references = new QHBoxLayout;
    references->addWidget(m_reference, 1);
    references->addWidget(new QLabel(tr("Customer's r&eference"), this));
    references->addWidget(m_buyerReference, 1);
    static_cast<QLabel*>(references->itemAt(1)->widget())->setBuddy(m_buyerReference);
    const auto buddyLabel = [this](const QString& text, QWidget* buddy) {
        auto* label = new QLabel(text, this);
        label->setBuddy(buddy);
        return label;
    };
    head->addRow(buddyLabel(tr("&Our reference"), m_reference), references);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_serviceFrom);
    auto* toLabel = new QLabel(tr("t&o"), this);
    toLabel->setBuddy(m_serviceTo);
    dates->addWidget(toLabel);
    dates->addWidget(m_serviceTo);
    auto* dueLabel = new QLabel(tr("Due &date"), this);
    dueLabel->setBuddy(m_due);
    dates->addSpacing(12);
    dates->addWidget(dueLabel);
    dates->addWidget(m_due);
    auto* natureLabel = new QLabel(tr("&Nature"), this);
    natureLabel->setBuddy(m_operations);
    dates->addSpacing(12);
    dates->addWidget(natureLabel);
    dates->addWidget(m_operations);
    dates->addStretch(1);
    head->addRow(buddyLabel(tr("Date of the &service"), m_serviceFrom), dates);
    auto* more = new QHBoxLayout;
    more->addWidget(m_delivery, 2);
    auto* engagementLabel = new QLabel(tr("Engagement &no."), this);
    engagementLabel->setBuddy(m_engagement);
    more->addWidget(engagementLabel);
    more->addWidget(m_engagement, 1);
    auto* serviceLabel = new QLabel(tr("Service c&ode"), this);
    serviceLabel->setBuddy(m_serviceCode);
    more->addWidget(serviceLabel);
    more->addWidget(m_serviceCode, 1);
    head->addRow(buddyLabel(tr("De&livery address"), m_delivery), more);

    // Payments of an issued invoice.
    m_payments->setObjectName(QStringLiteral("invoicePayments"));
    m_payments->setModel(m_paymentRows);
    m_payments->verticalHeader()->hide();
    m_payments->horizontalHeader()->setStretchLastSection(true);
    m_payments->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_payments->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_payments->setMaximumHeight(110);
    auto* pay = new QPushButton(tr("Record a &payment…"), this);
    auto* reverse = new QPushButton(tr("Re&verse…"), this);
    auto* paymentsLayout = new QVBoxLayout(m_paymentsBox);
    paymentsLayout->addWidget(m_payments);
    auto* paymentButtons = new QHBoxLayout;
    paymentButtons->addWidget(m_balance, 1);
    paymentButtons->addWidget(reverse);
    paymentButtons->addWidget(pay);
    paymentsLayout->addLayout(paymentButtons);

    auto* close = new QPushButton(tr("Close"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_delete);
    buttons->addWidget(m_credit);
    buttons->addStretch(1);
    buttons->addWidget(m_print);
    buttons->addWidget(m_pdf);
    buttons->addWidget(m_xml);
    buttons->addWidget(m_save);
    buttons->addWidget(m_issue);
    buttons->addWidget(close);
    for (QPushButton* b : {m_save, m_issue, m_delete, m_credit, m_pdf, m_xml, m_print, close})
        b->setAutoDefault(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addLayout(head);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_paymentsBox);
    layout->addLayout(buttons);
    m_draftOnly = {m_customer,  m_reference,  m_buyerReference, m_due,        m_serviceFrom,
                   m_serviceTo, m_operations, m_delivery,       m_engagement, m_serviceCode,
                   m_save,      m_issue,      m_delete};

    connect(m_save, &QPushButton::clicked, this, &InvoiceDialog::saveDraft);
    setSaveButton(m_save);
    watch(m_editor->table());
    connect(m_issue, &QPushButton::clicked, this, &InvoiceDialog::issue);
    connect(m_delete, &QPushButton::clicked, this, [this]() {
        if (deleteDraft())
            accept();
    });
    connect(m_credit, &QPushButton::clicked, this, &InvoiceDialog::makeCreditNote);
    m_pdf->setToolTip(tr("An issued invoice or credit note is saved as Factur-X: the PDF that is read, with "
                         "the electronic invoice's XML inside."));
    connect(m_pdf, &QPushButton::clicked, this, [this]() {
        DocumentOutput::saveFile(
            this, m_invoice.isIssued() ? m_invoice.number : tr("draft"), DocumentOutput::Pdf,
            [this](const QString& path) { return writePdf(path); }, m_banner);
    });
    m_xml->setToolTip(tr("The electronic invoice's XML alone (UN/CEFACT CII, EN 16931), as a platform or an "
                         "accountant's software reads it."));
    connect(m_xml, &QPushButton::clicked, this, [this]() {
        DocumentOutput::saveFile(
            this, m_invoice.number, DocumentOutput::Xml,
            [this](const QString& path) { return writeXml(path); }, m_banner);
    });
    connect(m_print, &QPushButton::clicked, this,
            [this]() { DocumentOutput::preview(this, [this]() { return printable(); }); });
    connect(pay, &QPushButton::clicked, this, &InvoiceDialog::askPayment);
    connect(reverse, &QPushButton::clicked, this, &InvoiceDialog::askReversal);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, windowTitle(), question) == QMessageBox::Yes;
    };

    if (auto school = m_session.service<SchoolService>().identity())
        m_school = *school;
    load(invoiceId);
    resize(900, 680);
}

QString InvoiceDialog::totalText() const
{
    return m_editor->totalText();
}

QTableView* InvoiceDialog::linesTable() const
{
    return m_editor->table();
}

LinesModel* InvoiceDialog::linesModel() const
{
    return m_editor->model();
}

QString InvoiceDialog::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void InvoiceDialog::load(qint64 id)
{
    if (id == 0) {
        m_invoice = Invoice{};
        m_invoice.vatRegime = m_school.vatRegime;
        m_invoice.dueDate = m_session.clock().today().addDays(InvoiceService::DefaultPaymentDays);
    } else {
        auto inv = m_session.service<InvoiceService>().get(id);
        if (!inv) {
            m_banner->showMessage(MessageBanner::Kind::Error, inv.error().message);
            return;
        }
        m_invoice = *inv;
    }
    showInvoice();
    markSaved(); // what was just read is what is saved
}

void InvoiceDialog::showInvoice()
{
    const bool issued = m_invoice.isIssued();
    const QLocale fr(QLocale::French, QLocale::France);
    QString title = print::InvoiceDocument::title(m_invoice);
    if (issued)
        title += QStringLiteral(" — ") + fr.toString(m_invoice.issueDate, QStringLiteral("dd/MM/yyyy"));
    if (m_invoice.isCredit() && !m_invoice.creditedNumber.isEmpty())
        title += QStringLiteral(" — ") + tr("on %1").arg(m_invoice.creditedNumber);
    m_title->setText(m_invoice.id == 0 ? tr("New invoice") : title);
    setWindowTitle(m_invoice.id == 0 ? tr("New invoice") : title);
    if (issued || m_invoice.contactId == 0)
        m_customer->showFrozen(m_invoice.customerName, m_invoice.customerAddress);
    else
        m_customer->setContact(m_invoice.contactId);
    m_reference->setText(m_invoice.reference);
    m_buyerReference->setText(m_invoice.buyerReference);
    m_serviceFrom->setDate(m_invoice.serviceFrom);
    m_serviceTo->setDate(m_invoice.serviceTo);
    m_operations->setCurrentIndex(m_operations->findData(static_cast<int>(m_invoice.operations)));
    m_delivery->setText(QString(m_invoice.deliveryAddress).replace(QLatin1Char('\n'), QStringLiteral(", ")));
    m_engagement->setText(m_invoice.chorusEngagement);
    m_serviceCode->setText(m_invoice.chorusService);
    m_due->setDate(m_invoice.dueDate.isValid()
                       ? m_invoice.dueDate
                       : m_session.clock().today().addDays(InvoiceService::DefaultPaymentDays));
    m_editor->setFixedTotals(issued ? &m_invoice.totals : nullptr);
    m_editor->setLines(m_invoice.lines, m_invoice.vatRegime);
    m_editor->setReadOnly(issued || !m_session.user().can(permission::SalesWrite));
    for (QWidget* w : std::as_const(m_draftOnly))
        w->setEnabled(!issued && m_session.user().can(permission::SalesWrite));
    m_delete->setEnabled(!issued && m_invoice.id != 0);
    for (QPushButton* b : {m_save, m_issue, m_delete})
        b->setVisible(!issued);
    m_credit->setEnabled(issued && !m_invoice.isCredit());
    m_pdf->setEnabled(m_invoice.id != 0);
    m_xml->setVisible(issued);
    m_xml->setEnabled(issued && FacturX::hasElectronicForm(m_invoice));
    m_print->setEnabled(m_invoice.id != 0);
    m_issue->setText(m_invoice.isCredit() ? tr("&Issue the credit note…") : tr("&Issue the invoice…"));
    m_paymentsBox->setVisible(issued && !m_invoice.isCredit());

    m_paymentRows->clear();
    if (!issued || m_invoice.isCredit())
        return;
    auto service = m_session.service<InvoiceService>();
    m_paymentRows->setRows(service.payments(m_invoice.id).value_or(QList<Payment>{}));
    if (auto b = service.balance(m_invoice.id))
        m_balance->setText(b->due().isZero()
                               ? tr("Paid in full.")
                               : tr("Remaining due: %1 (paid %2, credit notes %3)")
                                     .arg(b->due().format(), b->paid.format(), b->credited.format()));
}

void InvoiceDialog::addLine(const QString& codeOrText)
{
    m_editor->addLine(codeOrText);
}

void InvoiceDialog::setCustomer(qint64 contactId)
{
    m_customer->setContact(contactId);
}

void InvoiceDialog::setBuyerReference(const QString& text)
{
    m_buyerReference->setText(text);
}

void InvoiceDialog::setServicePeriod(const QDate& from, const QDate& to)
{
    m_serviceFrom->setDate(from);
    m_serviceTo->setDate(to);
}

void InvoiceDialog::setOperations(Operations operations)
{
    m_operations->setCurrentIndex(m_operations->findData(static_cast<int>(operations)));
}

void InvoiceDialog::setChorus(const QString& engagement, const QString& serviceCode)
{
    m_engagement->setText(engagement);
    m_serviceCode->setText(serviceCode);
}

bool InvoiceDialog::saveDraft()
{
    if (DateField::reportWrong(this, m_banner))
        return false;
    if (m_invoice.isIssued())
        return false;
    if (m_customer->contactId() == 0) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("Choose the customer in the list."));
        m_customer->setFocus();
        return false;
    }
    Invoice draft = m_invoice;
    draft.contactId = m_customer->contactId();
    draft.reference = m_reference->text();
    draft.buyerReference = m_buyerReference->text();
    draft.dueDate = m_due->date();
    draft.serviceFrom = m_serviceFrom->date();
    draft.serviceTo = m_serviceTo->date();
    draft.operations = static_cast<Operations>(m_operations->currentData().toInt());
    draft.deliveryAddress = m_delivery->text();
    draft.chorusEngagement = m_engagement->text();
    draft.chorusService = m_serviceCode->text();
    draft.lines.clear();
    QString error;
    if (!m_editor->readLines(draft.lines, &error)) {
        m_banner->showMessage(MessageBanner::Kind::Error, error);
        return false;
    }
    auto service = m_session.service<InvoiceService>();
    auto id = service.saveDraft(draft);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    load(*id);
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Draft saved (not numbered until it is issued)."));
    return true;
}

bool InvoiceDialog::issue()
{
    if (!saveDraft())
        return false;
    const QString question =
        (m_invoice.isCredit()
             ? tr("Issue this credit note of %1 to %2?\nIt will get its number and can no longer be "
                  "changed.")
             : tr("Issue this invoice of %1 to %2?\nIt will get its number and can no longer be "
                  "changed: a mistake is then corrected by a credit note."))
            .arg(m_invoice.totals.incl.format(), m_invoice.customerName);
    auto service = m_session.service<InvoiceService>();
    const QString warning = service.issueWarning(m_invoice.id).value_or(QString());
    if (m_confirm && !m_confirm(warning.isEmpty() ? question : warning + QStringLiteral("\n\n") + question))
        return false;
    auto number = service.issue(m_invoice.id);
    if (!number) {
        m_banner->showMessage(MessageBanner::Kind::Error, number.error().message);
        return false;
    }
    load(m_invoice.id);
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Issued under the number %1.").arg(*number));
    return true;
}

bool InvoiceDialog::deleteDraft()
{
    if (m_invoice.id == 0 || m_invoice.isIssued())
        return false;
    if (m_confirm && !m_confirm(tr("Delete this draft? It has no number, nothing else changes.")))
        return false;
    if (auto r = m_session.service<InvoiceService>().deleteDraft(m_invoice.id); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    return true;
}

bool InvoiceDialog::makeCreditNote()
{
    if (!m_invoice.isIssued() || m_invoice.isCredit())
        return false;
    if (m_confirm &&
        !m_confirm(tr("Prepare a credit note for %1? It opens as a draft with every line: remove or "
                      "reduce what is not taken back, then issue it.")
                       .arg(m_invoice.number)))
        return false;
    auto id = m_session.service<InvoiceService>().draftCreditNote(m_invoice.id);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    load(*id);
    return true;
}

bool InvoiceDialog::recordPayment(const Payment& payment)
{
    Payment p = payment;
    p.invoiceId = m_invoice.id;
    auto id = m_session.service<InvoiceService>().recordPayment(p);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    showInvoice();
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Payment of %1 recorded.").arg(p.amount.format()));
    return true;
}

bool InvoiceDialog::reversePayment(qint64 paymentId, const QString& reason)
{
    auto id = m_session.service<InvoiceService>().reversePayment(paymentId, reason);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    showInvoice();
    return true;
}

void InvoiceDialog::askPayment()
{
    auto balance = m_session.service<InvoiceService>().balance(m_invoice.id);
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Record a payment"));
    auto* form = new QFormLayout(&dialog);
    auto* day = new DateField(m_session.clock().today(), DateField::Kind::Required, &dialog);
    day->setDateRange(QDate(), m_session.clock().today());
    auto* method = new QComboBox(&dialog);
    for (const PaymentMethod m : allOf<PaymentMethod>())
        method->addItem(labelOf(m), static_cast<int>(m));
    auto* amount = new QLineEdit(balance ? balance->due().formatPlain() : QString(), &dialog);
    auto* bank = new QLineEdit(&dialog);
    auto* cheque = new QLineEdit(&dialog);
    form->addRow(tr("&Date"), day);
    form->addRow(tr("&Method"), method);
    form->addRow(tr("&Amount (€)"), amount);
    form->addRow(tr("&Bank"), bank);
    form->addRow(tr("Cheque &number"), cheque);
    const auto chequeFields = [&]() {
        const bool isCheque =
            static_cast<PaymentMethod>(method->currentData().toInt()) == PaymentMethod::Cheque;
        bank->setEnabled(isCheque);
        cheque->setEnabled(isCheque);
    };
    chequeFields();
    connect(method, &QComboBox::currentIndexChanged, &dialog, chequeFields);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&]() {
        auto value = Money::parse(amount->text());
        if (!value) {
            QMessageBox::warning(&dialog, dialog.windowTitle(), value.error().message);
            return;
        }
        Payment p;
        p.day = day->date();
        p.method = static_cast<PaymentMethod>(method->currentData().toInt());
        p.amount = *value;
        p.bank = bank->isEnabled() ? bank->text() : QString();
        p.chequeNumber = cheque->isEnabled() ? cheque->text() : QString();
        if (recordPayment(p))
            dialog.accept();
        else
            QMessageBox::warning(&dialog, dialog.windowTitle(), m_banner->text());
    });
    dialog.exec();
}

void InvoiceDialog::askReversal()
{
    const int row = m_payments->currentIndex().row();
    if (row < 0 || row >= m_paymentRows->rowCount())
        return;
    const qint64 id = m_paymentRows->rowAt(row).id;
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Reverse a payment"),
                              tr("Why is this payment reversed (e.g. bounced cheque, typing "
                                 "mistake)? It stays in the history with a negative line."),
                              QLineEdit::Normal, QString(), &ok);
    if (ok)
        reversePayment(id, reason);
}

std::unique_ptr<print::Printable> InvoiceDialog::printable() const
{
    if (!m_invoice.isIssued())
        return print::InvoiceDocument::make(m_invoice, m_school);
    // Each print or PDF of an issued document is recorded: the first is the
    // original, the next ones say "Duplicata".
    auto copy = m_session.service<InvoiceService>().printCopy(m_invoice.id);
    if (!copy) {
        m_banner->showMessage(MessageBanner::Kind::Error, copy.error().message);
        return print::InvoiceDocument::make(m_invoice, m_school, true);
    }
    return print::InvoiceDocument::make(copy->invoice, m_school, copy->duplicate);
}

Status InvoiceDialog::writePdf(const QString& path) const
{
    if (!FacturX::hasElectronicForm(m_invoice))
        return print::DocumentPrinter::writePdf(*printable(), path);
    // Factur-X; like any copy of an issued document, recorded (original, then duplicates).
    auto copy = m_session.service<InvoiceService>().printCopy(m_invoice.id);
    if (!copy)
        return std::unexpected(copy.error());
    return print::InvoiceDocument::writeFacturX(copy->invoice, m_school, path, copy->duplicate);
}

Status InvoiceDialog::writeXml(const QString& path) const
{
    auto xml = FacturX::xml(m_invoice);
    if (!xml)
        return std::unexpected(xml.error());
    return files::write(path, *xml);
}

} // namespace etabli
