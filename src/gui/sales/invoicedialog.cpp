#include "gui/sales/invoicedialog.h"

#include "domain/production.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "print/invoicedocument.h"
#include "services/catalogueservice.h"
#include "services/contactservice.h"
#include "services/invoiceservice.h"
#include "services/schoolservice.h"
#include "util/text.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
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
#include <QShortcut>
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

InvoiceDialog::InvoiceDialog(Session& session, qint64 invoiceId, QWidget* parent)
    : QDialog(parent), m_session(session), m_banner(new MessageBanner(this)), m_title(new QLabel(this)),
      m_customer(new QLineEdit(this)), m_customerDetails(new QLabel(this)), m_reference(new QLineEdit(this)),
      m_due(new QDateEdit(this)), m_article(new QLineEdit(this)), m_unit(new QComboBox(this)),
      m_lines(new QTableWidget(this)), m_totals(new QLabel(this)), m_paymentsBox(new QGroupBox(tr("Payments"), this)),
      m_payments(new QTableWidget(this)), m_balance(new QLabel(this)),
      m_save(new QPushButton(tr("&Save the draft (Ctrl+S)"), this)), m_issue(new QPushButton(tr("&Issue…"), this)),
      m_delete(new QPushButton(tr("&Delete the draft…"), this)), m_credit(new QPushButton(tr("Credit &note…"), this)),
      m_pdf(new QPushButton(tr("P&DF…"), this))
{
    m_banner->hide();
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);

    m_customer->setObjectName(QStringLiteral("invoiceCustomer"));
    m_customer->setPlaceholderText(tr("Type a name, a town…"));
    auto* completer = new QCompleter(this);
    completer->setModel(new QStringListModel(completer));
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_customer->setCompleter(completer);
    m_customerDetails->setWordWrap(true);
    m_reference->setPlaceholderText(tr("order, quote or work order"));
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    auto* head = new QFormLayout;
    head->addRow(tr("C&ustomer"), m_customer);
    head->addRow(QString(), m_customerDetails);
    head->addRow(tr("&Reference"), m_reference);
    head->addRow(tr("Due &date"), m_due);

    // Lines: catalogue items by code or words, or free text.
    m_article->setObjectName(QStringLiteral("invoiceArticle"));
    m_article->setPlaceholderText(tr("code or words of the catalogue, or a free description — Enter adds the line"));
    auto* articles = new QCompleter(this);
    QStringList choices;
    for (const CatalogueItem& i : CatalogueService(m_session.database(), m_session.clock(), m_session.user())
                                      .list(0, true)
                                      .value_or(QList<CatalogueItem>{}))
        choices << QStringLiteral("%1 — %2").arg(i.code, i.label);
    articles->setModel(new QStringListModel(choices, articles));
    articles->setCaseSensitivity(Qt::CaseInsensitive);
    articles->setFilterMode(Qt::MatchContains);
    m_article->setCompleter(articles);
    for (const QString& u : catalogueUnits())
        m_unit->addItem(CatalogueService::unitLabel(u), u);
    m_unit->setToolTip(tr("Unit of a free line"));
    auto* addLineButton = new QPushButton(tr("&Add"), this);
    auto* removeLine = new QPushButton(tr("Remove the line"), this);
    auto* lineBar = new QHBoxLayout;
    auto* articleLabel = new QLabel(tr("Arti&cle"), this);
    articleLabel->setBuddy(m_article);
    lineBar->addWidget(articleLabel);
    lineBar->addWidget(m_article, 1);
    lineBar->addWidget(m_unit);
    lineBar->addWidget(addLineButton);
    lineBar->addWidget(removeLine);
    m_lines->setObjectName(QStringLiteral("invoiceLines"));
    m_lines->setColumnCount(6);
    m_lines->setHorizontalHeaderLabels(
        {tr("Description"), tr("Quantity"), tr("Unit"), tr("Unit price excl. VAT"), tr("VAT %"), tr("Total excl. VAT")});
    m_lines->verticalHeader()->hide();
    m_lines->horizontalHeader()->setSectionResizeMode(LineLabel, QHeaderView::Stretch);
    m_lines->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_lines->setTabKeyNavigation(true);
    m_totals->setObjectName(QStringLiteral("invoiceTotals"));
    m_totals->setAlignment(Qt::AlignRight);

    // Payments of an issued invoice.
    m_payments->setObjectName(QStringLiteral("invoicePayments"));
    m_payments->setColumnCount(5);
    m_payments->setHorizontalHeaderLabels({tr("Date"), tr("Method"), tr("Amount"), tr("Cheque"), tr("Note")});
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
    buttons->addWidget(m_pdf);
    buttons->addWidget(m_save);
    buttons->addWidget(m_issue);
    buttons->addWidget(close);
    for (QPushButton* b : {m_save, m_issue, m_delete, m_credit, m_pdf, close})
        b->setAutoDefault(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addLayout(head);
    layout->addLayout(lineBar);
    layout->addWidget(m_lines, 1);
    layout->addWidget(m_totals);
    layout->addWidget(m_paymentsBox);
    layout->addLayout(buttons);
    m_draftOnly = {m_customer, m_reference, m_due, m_article, m_unit, addLineButton, removeLine, m_save, m_issue, m_delete};

    connect(m_customer, &QLineEdit::textEdited, this, &InvoiceDialog::customerTyped);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, [this](const QString& choice) {
        if (m_customerChoices.contains(choice))
            setCustomer(m_customerChoices.value(choice));
    });
    connect(m_article, &QLineEdit::returnPressed, this, [this]() {
        addLine(m_article->text());
        m_article->clear();
    });
    connect(addLineButton, &QPushButton::clicked, this, [this]() {
        addLine(m_article->text());
        m_article->clear();
    });
    connect(removeLine, &QPushButton::clicked, this, [this]() {
        if (m_lines->currentRow() >= 0)
            m_lines->removeRow(m_lines->currentRow());
        updateTotals();
    });
    connect(m_lines, &QTableWidget::itemChanged, this, [this]() { updateTotals(); });
    connect(m_save, &QPushButton::clicked, this, &InvoiceDialog::saveDraft);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, [this]() {
        if (!m_invoice.isIssued())
            saveDraft();
    });
    connect(m_issue, &QPushButton::clicked, this, &InvoiceDialog::issue);
    connect(m_delete, &QPushButton::clicked, this, [this]() {
        if (deleteDraft())
            accept();
    });
    connect(m_credit, &QPushButton::clicked, this, &InvoiceDialog::makeCreditNote);
    connect(m_pdf, &QPushButton::clicked, this, &InvoiceDialog::choosePdf);
    connect(pay, &QPushButton::clicked, this, &InvoiceDialog::askPayment);
    connect(reverse, &QPushButton::clicked, this, &InvoiceDialog::askReversal);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, windowTitle(), question) == QMessageBox::Yes;
    };

    if (auto school = SchoolService(m_session.database(), m_session.clock(), m_session.user()).identity())
        m_school = *school;
    load(invoiceId);
    resize(900, 680);
}

QString InvoiceDialog::totalText() const
{
    return m_totals->text();
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
        auto inv = InvoiceService(m_session.database(), m_session.clock(), m_session.user()).get(id);
        if (!inv) {
            m_banner->showMessage(MessageBanner::Kind::Error, inv.error().message);
            return;
        }
        m_invoice = *inv;
    }
    m_contactId = m_invoice.contactId;
    showInvoice();
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
    m_customer->setText(m_invoice.customerName);
    m_customerDetails->setText(m_invoice.customerAddress);
    m_reference->setText(m_invoice.reference);
    m_due->setDate(m_invoice.dueDate.isValid() ? m_invoice.dueDate
                                               : m_session.clock().today().addDays(InvoiceService::DefaultPaymentDays));
    {
        const QSignalBlocker block(m_lines);
        m_lines->setRowCount(0);
        for (const InvoiceLine& l : std::as_const(m_invoice.lines)) {
            m_lines->insertRow(m_lines->rowCount());
            setLineRow(m_lines->rowCount() - 1, l);
        }
    }
    m_lines->setColumnHidden(LineVat, m_invoice.vatRegime == VatRegime::Franchise);
    m_lines->setEditTriggers(issued ? QAbstractItemView::NoEditTriggers : QAbstractItemView::AllEditTriggers);
    for (QWidget* w : std::as_const(m_draftOnly))
        w->setEnabled(!issued && m_session.user().can(permission::SalesWrite));
    m_delete->setEnabled(!issued && m_invoice.id != 0);
    for (QPushButton* b : {m_save, m_issue, m_delete})
        b->setVisible(!issued);
    m_credit->setEnabled(issued && !m_invoice.isCredit());
    m_pdf->setEnabled(m_invoice.id != 0);
    m_issue->setText(m_invoice.isCredit() ? tr("&Issue the credit note…") : tr("&Issue the invoice…"));
    m_paymentsBox->setVisible(issued && !m_invoice.isCredit());
    updateTotals();

    m_payments->setRowCount(0);
    if (!issued || m_invoice.isCredit())
        return;
    InvoiceService service(m_session.database(), m_session.clock(), m_session.user());
    const auto payments = service.payments(m_invoice.id).value_or(QList<Payment>{});
    m_payments->setRowCount(static_cast<int>(payments.size()));
    for (int r = 0; r < payments.size(); ++r) {
        const Payment& p = payments.at(r);
        const QStringList cells = {fr.toString(p.day, QStringLiteral("dd/MM/yyyy")), InvoiceService::methodLabel(p.method),
                                   p.amount.format(),
                                   p.chequeNumber.isEmpty() ? QString() : QStringLiteral("%1 %2").arg(p.bank, p.chequeNumber),
                                   p.reason};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, p.id);
            m_payments->setItem(r, c, item);
        }
    }
    if (auto b = service.balance(m_invoice.id))
        m_balance->setText(b->due().isZero() ? tr("Paid in full.")
                                             : tr("Remaining due: %1 (paid %2, credit notes %3)")
                                                   .arg(b->due().format(), b->paid.format(), b->credited.format()));
}

void InvoiceDialog::setLineRow(int row, const InvoiceLine& l)
{
    auto* label = new QTableWidgetItem(l.label);
    label->setData(ItemRole, l.catalogueItemId);
    m_lines->setItem(row, LineLabel, label);
    m_lines->setItem(row, LineQuantity, new QTableWidgetItem(Quantities::format(l.quantityThousandths)));
    auto* unit = new QTableWidgetItem(CatalogueService::unitLabel(l.unit));
    unit->setData(ValueRole, l.unit);
    unit->setFlags(unit->flags() & ~Qt::ItemIsEditable);
    m_lines->setItem(row, LineUnit, unit);
    m_lines->setItem(row, LinePrice, new QTableWidgetItem(l.unitPrice.formatPlain()));
    m_lines->setItem(row, LineVat, new QTableWidgetItem(vatText(l.vatRateBp)));
    auto* total = new QTableWidgetItem(l.total().format());
    total->setFlags(total->flags() & ~Qt::ItemIsEditable);
    total->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_lines->setItem(row, LineTotal, total);
}

void InvoiceDialog::customerTyped(const QString& text)
{
    m_contactId = 0;
    m_customerDetails->setText(tr("Choose the customer in the list (or create it in Customers)."));
    m_customerChoices.clear();
    QStringList choices;
    ContactFilter f;
    f.text = text;
    for (const Contact& c : ContactService(m_session.database(), m_session.clock(), m_session.user())
                                .list(f, 20, 0)
                                .value_or(QList<Contact>{})) {
        const QString choice = QStringLiteral("%1 — %2").arg(c.displayName(), (c.postcode + QLatin1Char(' ') + c.city).trimmed());
        m_customerChoices.insert(choice, c.id);
        choices << choice;
    }
    if (auto* model = qobject_cast<QStringListModel*>(m_customer->completer()->model()))
        model->setStringList(choices);
}

void InvoiceDialog::setCustomer(qint64 contactId)
{
    auto c = ContactService(m_session.database(), m_session.clock(), m_session.user()).get(contactId);
    if (!c) {
        m_banner->showMessage(MessageBanner::Kind::Error, c.error().message);
        return;
    }
    m_contactId = c->id;
    m_customer->setText(c->displayName());
    m_customerDetails->setText(c->postalAddress() + (c->siret.isEmpty() ? QString() : QStringLiteral("\nSIRET ") + c->siret));
}

void InvoiceDialog::addLine(const QString& input)
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
        l.unitPrice = Money();
    }
    {
        const QSignalBlocker block(m_lines);
        m_lines->insertRow(m_lines->rowCount());
        setLineRow(m_lines->rowCount() - 1, l);
    }
    const int row = m_lines->rowCount() - 1;
    m_lines->setCurrentCell(row, found ? LineQuantity : LinePrice);
    updateTotals();
}

bool InvoiceDialog::readLines(QList<InvoiceLine>& lines)
{
    for (int r = 0; r < m_lines->rowCount(); ++r) {
        const auto cell = [&](int c) { return m_lines->item(r, c) ? m_lines->item(r, c)->text().trimmed() : QString(); };
        InvoiceLine l;
        l.label = cell(LineLabel);
        l.catalogueItemId = m_lines->item(r, LineLabel) ? m_lines->item(r, LineLabel)->data(ItemRole).toLongLong() : 0;
        l.unit = m_lines->item(r, LineUnit) ? m_lines->item(r, LineUnit)->data(ValueRole).toString() : QStringLiteral("piece");
        QString quantityText = cell(LineQuantity);
        const bool negative = quantityText.startsWith(QLatin1Char('-'));
        if (negative)
            quantityText.remove(0, 1);
        auto quantity = Quantities::parse(quantityText);
        auto price = Money::parse(cell(LinePrice).isEmpty() ? QStringLiteral("0") : cell(LinePrice));
        bool vatOk = true;
        const double vat = QLocale(QLocale::French, QLocale::France).toDouble(cell(LineVat).isEmpty() ? QStringLiteral("0") : cell(LineVat), &vatOk);
        if (!quantity || !price || !vatOk) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("Line %1: %2").arg(r + 1).arg(!quantity ? quantity.error().message
                                                                   : !price  ? price.error().message
                                                                             : tr("the VAT rate is a percentage, e.g. 20 or 5,5.")));
            m_lines->setCurrentCell(r, !quantity ? LineQuantity : !price ? LinePrice : LineVat);
            return false;
        }
        l.quantityThousandths = negative ? -*quantity : *quantity;
        l.unitPrice = *price;
        l.vatRateBp = static_cast<int>(std::lround(vat * 100));
        lines << l;
    }
    return true;
}

void InvoiceDialog::updateTotals()
{
    QList<InvoiceLine> lines;
    for (int r = 0; r < m_lines->rowCount(); ++r) {
        InvoiceLine l;
        QString q = m_lines->item(r, LineQuantity) ? m_lines->item(r, LineQuantity)->text().trimmed() : QString();
        const bool negative = q.startsWith(QLatin1Char('-'));
        if (negative)
            q.remove(0, 1);
        auto quantity = Quantities::parse(q);
        auto price = Money::parse(m_lines->item(r, LinePrice) ? m_lines->item(r, LinePrice)->text() : QString());
        bool ok = true;
        const double vat = QLocale(QLocale::French, QLocale::France)
                               .toDouble(m_lines->item(r, LineVat) ? m_lines->item(r, LineVat)->text() : QString(), &ok);
        l.quantityThousandths = quantity ? (negative ? -*quantity : *quantity) : 0;
        l.unitPrice = price ? *price : Money();
        l.vatRateBp = ok ? static_cast<int>(std::lround(vat * 100)) : 0;
        lines << l;
        if (QTableWidgetItem* total = m_lines->item(r, LineTotal)) {
            const QSignalBlocker block(m_lines);
            total->setText(l.total().format());
        }
    }
    const InvoiceTotals t = m_invoice.isIssued() ? m_invoice.totals : InvoiceTotals::compute(lines, m_invoice.vatRegime);
    if (m_invoice.vatRegime == VatRegime::Assujetti)
        m_totals->setText(tr("Total excl. VAT %1 · VAT %2 · <b>Total incl. VAT %3</b>")
                              .arg(t.excl.format(), t.vatTotal.format(), t.incl.format()));
    else
        m_totals->setText(tr("<b>Total %1</b> (VAT not applicable)").arg(t.incl.format()));
}

bool InvoiceDialog::saveDraft()
{
    if (m_invoice.isIssued())
        return false;
    if (m_contactId == 0) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("Choose the customer in the list."));
        m_customer->setFocus();
        return false;
    }
    Invoice draft = m_invoice;
    draft.contactId = m_contactId;
    draft.reference = m_reference->text();
    draft.dueDate = m_due->date();
    draft.lines.clear();
    if (!readLines(draft.lines))
        return false;
    InvoiceService service(m_session.database(), m_session.clock(), m_session.user());
    auto id = service.saveDraft(draft);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    load(*id);
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Draft saved (not numbered until it is issued)."));
    m_session.notifyDataChanged();
    return true;
}

bool InvoiceDialog::issue()
{
    if (!saveDraft())
        return false;
    const QString question =
        (m_invoice.isCredit() ? tr("Issue this credit note of %1 to %2?\nIt will get its number and can no longer be "
                                   "changed.")
                              : tr("Issue this invoice of %1 to %2?\nIt will get its number and can no longer be "
                                   "changed: a mistake is then corrected by a credit note."))
            .arg(m_invoice.totals.incl.format(), m_invoice.customerName);
    if (m_confirm && !m_confirm(question))
        return false;
    auto number = InvoiceService(m_session.database(), m_session.clock(), m_session.user()).issue(m_invoice.id);
    if (!number) {
        m_banner->showMessage(MessageBanner::Kind::Error, number.error().message);
        return false;
    }
    load(m_invoice.id);
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Issued under the number %1.").arg(*number));
    m_session.notifyDataChanged();
    return true;
}

bool InvoiceDialog::deleteDraft()
{
    if (m_invoice.id == 0 || m_invoice.isIssued())
        return false;
    if (m_confirm && !m_confirm(tr("Delete this draft? It has no number, nothing else changes.")))
        return false;
    if (auto r = InvoiceService(m_session.database(), m_session.clock(), m_session.user()).deleteDraft(m_invoice.id); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    m_session.notifyDataChanged();
    return true;
}

bool InvoiceDialog::makeCreditNote()
{
    if (!m_invoice.isIssued() || m_invoice.isCredit())
        return false;
    if (m_confirm && !m_confirm(tr("Prepare a credit note for %1? It opens as a draft with every line: remove or "
                                   "reduce what is not taken back, then issue it.")
                                    .arg(m_invoice.number)))
        return false;
    auto id = InvoiceService(m_session.database(), m_session.clock(), m_session.user()).draftCreditNote(m_invoice.id);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    load(*id);
    m_session.notifyDataChanged();
    return true;
}

bool InvoiceDialog::recordPayment(const Payment& payment)
{
    Payment p = payment;
    p.invoiceId = m_invoice.id;
    auto id = InvoiceService(m_session.database(), m_session.clock(), m_session.user()).recordPayment(p);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    showInvoice();
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Payment of %1 recorded.").arg(p.amount.format()));
    m_session.notifyDataChanged();
    return true;
}

bool InvoiceDialog::reversePayment(qint64 paymentId, const QString& reason)
{
    auto id = InvoiceService(m_session.database(), m_session.clock(), m_session.user()).reversePayment(paymentId, reason);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    showInvoice();
    m_session.notifyDataChanged();
    return true;
}

void InvoiceDialog::askPayment()
{
    auto balance = InvoiceService(m_session.database(), m_session.clock(), m_session.user()).balance(m_invoice.id);
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Record a payment"));
    auto* form = new QFormLayout(&dialog);
    auto* day = new QDateEdit(m_session.clock().today(), &dialog);
    day->setCalendarPopup(true);
    day->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    day->setMaximumDate(m_session.clock().today());
    auto* method = new QComboBox(&dialog);
    for (const QString& m : paymentMethods())
        method->addItem(InvoiceService::methodLabel(m), m);
    auto* amount = new QLineEdit(balance ? balance->due().formatPlain() : QString(), &dialog);
    auto* bank = new QLineEdit(&dialog);
    auto* cheque = new QLineEdit(&dialog);
    form->addRow(tr("&Date"), day);
    form->addRow(tr("&Method"), method);
    form->addRow(tr("&Amount (€)"), amount);
    form->addRow(tr("&Bank"), bank);
    form->addRow(tr("Cheque &number"), cheque);
    const auto chequeFields = [&]() {
        const bool isCheque = method->currentData().toString() == QLatin1String("cheque");
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
        p.method = method->currentData().toString();
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
    const int row = m_payments->currentRow();
    if (row < 0)
        return;
    const qint64 id = m_payments->item(row, 0)->data(Qt::UserRole).toLongLong();
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Reverse a payment"),
                                                 tr("Why is this payment reversed (e.g. bounced cheque, typing "
                                                    "mistake)? It stays in the history with a negative line."),
                                                 QLineEdit::Normal, QString(), &ok);
    if (ok)
        reversePayment(id, reason);
}

Status InvoiceDialog::writePdf(const QString& path) const
{
    InvoiceService service(m_session.database(), m_session.clock(), m_session.user());
    auto balance = m_invoice.isIssued() ? service.balance(m_invoice.id) : Result<InvoiceBalance>(InvoiceBalance{});
    return print::InvoiceDocument::writePdf(m_invoice, m_school, path,
                                            m_invoice.isIssued() && balance ? &*balance : nullptr);
}

void InvoiceDialog::choosePdf()
{
    const QString name = m_invoice.isIssued() ? m_invoice.number : tr("draft");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save as PDF"), name + QStringLiteral(".pdf"),
                                                      tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto r = writePdf(path); !r)
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    else
        m_banner->showMessage(MessageBanner::Kind::Success, tr("PDF written: %1").arg(path));
}

} // namespace etabli
