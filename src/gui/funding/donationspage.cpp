#include "gui/funding/donationspage.h"

#include "gui/common/allowed.h"
#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/session.h"
#include "gui/funding/donationlistmodel.h"
#include "gui/funding/helloassodialog.h"
#include "gui/sales/customerchooser.h"
#include "print/documentprinter.h"
#include "print/receiptdocument.h"
#include "print/reportdocuments.h"
#include "services/donationservice.h"
#include "services/reportdataservice.h"
#include "services/schoolservice.h"

#include <limits>
#include <QComboBox>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTableView>

namespace etabli {

DonationsPage::DonationsPage(Session& session, QWidget* parent)
    : PagedListPage(session, DataKind::Gifts | DataKind::Contacts, tr("Gifts"), DonationListModel::Donor,
                    tr("Search a donor…"), tr("&New gift…"), parent),
      m_list(new DonationListModel(session, this)), m_filter(new QComboBox(this)),
      m_receipt(new QPushButton(tr("Issue the &receipt"), this)),
      m_annual(new QPushButton(tr("&Annual receipts…"), this)),
      m_print(new QPushButton(tr("&Print the receipt…"), this)),
      m_cancel(new QPushButton(tr("Cancel the receipt…"), this)),
      m_declaration(new QPushButton(tr("Yearly &declaration…"), this)),
      m_helloAsso(new QPushButton(tr("Import from &HelloAsso…"), this))
{
    setModel(m_list);
    requireForNew(holding(permission::FundingWrite));
    m_table->setObjectName(QStringLiteral("donationsTable"));
    m_filter->addItem(tr("All gifts"), false);
    m_filter->addItem(tr("Without a tax receipt"), true);
    addFilter(m_filter);
    for (QPushButton* b : {m_receipt, m_annual, m_print, m_cancel, m_declaration})
        addButton(b);
    // Beside the filter: the bottom row is as wide as a small screen allows.
    addTopWidget(m_helloAsso);
    m_helloAsso->setObjectName(QStringLiteral("helloAsso"));
    m_helloAsso->setToolTip(
        tr("The gifts collected online: the payments' export of a HelloAsso campaign or form."));
    connect(m_helloAsso, &QPushButton::clicked, this, &DonationsPage::importHelloAsso);
    m_declaration->setToolTip(
        tr("The gifts received in a year that gave rise to a tax receipt, and the number of "
           "receipts: what art. 222 bis of the tax code asks to declare."));
    m_receipt->setToolTip(tr("A tax receipt for the chosen gift alone."));
    m_annual->setToolTip(tr("One receipt per donor for all the gifts of a year not yet receipted."));
    connect(m_receipt, &QPushButton::clicked, this, &DonationsPage::issueReceipt);
    connect(m_annual, &QPushButton::clicked, this, &DonationsPage::issueAnnualReceipts);
    connect(m_print, &QPushButton::clicked, this, &DonationsPage::printReceipt);
    connect(m_cancel, &QPushButton::clicked, this, &DonationsPage::cancelReceipt);
    connect(m_declaration, &QPushButton::clicked, this, &DonationsPage::showDeclaration);
    for (auto changed : {&Session::databaseChanged, &Session::userChanged})
        connect(&m_session, changed, this, [this]() {
            updateButtons();
            restart();
        });
    updateButtons();
    restart();
}

void DonationsPage::importHelloAsso()
{
    HelloAssoDialog dialog(m_session, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("%n gift(s) recorded from HelloAsso.", nullptr, dialog.recorded()));
    reload();
}

bool DonationsPage::mayRead() const
{
    return m_session.user().can(permission::FundingRead);
}

void DonationsPage::updateButtons()
{
    const bool allowed = m_session.isLoggedIn() && m_session.user().can(permission::FundingRead);
    const bool writer = allowed && m_session.user().can(permission::FundingWrite);
    for (QPushButton* b : {m_receipt, m_annual, m_cancel, m_helloAsso})
        b->setEnabled(writer);
}

void DonationsPage::applyFilters()
{
    DonationFilter f;
    f.text = m_search->text();
    f.unreceiptedOnly = m_filter->currentData().toBool();
    m_list->setFilter(f);
}

qint64 DonationsPage::selectedId() const
{
    return currentId();
}

void DonationsPage::newGift()
{
    FormDialog dialog(tr("New gift"), this);
    auto* donor = new CustomerChooser(m_session, CustomerChooser::Choosing::Donor, &dialog);
    auto* day = FormDialog::dateField(m_session.clock().today(), &dialog);
    auto* amount = FormDialog::moneyField(Money(), &dialog);
    auto* nature = new QComboBox(&dialog);
    for (GiftNature n : allOf<GiftNature>())
        nature->addItem(labelOf(n), static_cast<int>(n));
    auto* form = new QComboBox(&dialog);
    for (GiftForm f : allOf<GiftForm>())
        form->addItem(labelOf(f), static_cast<int>(f));
    form->setToolTip(
        tr("An ordinary gift by cheque, transfer, card or in cash is “Other”. A declaration of a "
           "manual gift is the one the donor made to the tax office (form 2735); a deed is one "
           "signed before a notary (authentic) or between the parties (private)."));
    auto* method = FormDialog::choiceField(GiftMethod::Cheque, &dialog);
    auto* description = new QLineEdit(&dialog);
    auto* valuation = new QLineEdit(&dialog);
    auto* proof = new QLineEdit(&dialog);
    auto* purpose = new QLineEdit(&dialog);
    purpose->setPlaceholderText(tr("If the donor restricted the gift to a use"));
    dialog.addRow(tr("&Donor:"), donor);
    dialog.addRow(tr("D&ay:"), day);
    dialog.addRow(tr("A&mount or value:"), amount);
    dialog.addRow(tr("Na&ture:"), nature);
    dialog.addRow(tr("&Form:"), form);
    dialog.addRow(tr("&Method:"), method);
    dialog.addRow(tr("Des&cription:"), description);
    dialog.addRow(tr("&Valuation:"), valuation);
    dialog.addRow(tr("P&roof kept:"), proof);
    dialog.addRow(tr("&Purpose:"), purpose);
    const auto natureChanged = [=]() {
        const auto n = static_cast<GiftNature>(nature->currentData().toInt());
        const bool money = n == GiftNature::Cash;
        method->setEnabled(money);
        for (QLineEdit* e : {description, valuation, proof})
            e->setEnabled(!money);
        switch (n) {
        case GiftNature::Cash:
            for (QLineEdit* e : {description, valuation, proof})
                e->setPlaceholderText(QString());
            break;
        case GiftNature::Securities:
            description->setPlaceholderText(tr("Which securities: company, number of shares"));
            valuation->setPlaceholderText(tr("Their price on the day of the gift"));
            proof->setPlaceholderText(tr("The transfer order, the broker's statement"));
            break;
        case GiftNature::InKind:
            description->setPlaceholderText(tr("What was given: goods, a service"));
            valuation->setPlaceholderText(tr("How it was valued: invoice, catalogue price, estimate"));
            proof->setPlaceholderText(tr("The invoice or the estimate kept"));
            break;
        case GiftNature::ExpensesWaived:
            description->setPlaceholderText(tr("The expense: what, when, for which activity"));
            valuation->setPlaceholderText(tr("Receipts, or kilometres × the tax mileage scale"));
            proof->setPlaceholderText(tr("The receipts and the volunteer's written waiver (required)"));
            break;
        }
    };
    connect(nature, &QComboBox::currentIndexChanged, &dialog, natureChanged);
    natureChanged();
    dialog.setAction([&]() -> Status {
        auto money = FormDialog::money(amount);
        if (!money)
            return std::unexpected(money.error());
        Donation d;
        d.contactId = donor->contactId();
        d.day = day->date();
        d.amount = *money;
        d.nature = static_cast<GiftNature>(nature->currentData().toInt());
        d.form = static_cast<GiftForm>(form->currentData().toInt());
        d.method = FormDialog::choice<GiftMethod>(method);
        d.description = description->text();
        d.valuation = valuation->text();
        d.proof = proof->text();
        d.purpose = purpose->text();
        auto recorded = m_session.service<DonationService>().record(d);
        if (!recorded)
            return std::unexpected(recorded.error());
        return {};
    });
    if (dialog.exec() == QDialog::Accepted) {
        m_banner->showMessage(MessageBanner::Kind::Success, tr("The gift is recorded."));
        reload();
    }
}

void DonationsPage::openRecord(qint64 id)
{
    if (id == 0)
        return newGift();
    auto gift = m_session.service<DonationService>().donation(id);
    if (!gift)
        return m_banner->showMessage(MessageBanner::Kind::Error, gift.error().message);
    if (gift->receiptId != 0)
        printReceipt();
    else if (m_session.user().can(permission::FundingWrite))
        issueReceipt();
}

void DonationsPage::issueReceipt()
{
    const qint64 id = selectedId();
    if (id == 0)
        return m_banner->showMessage(MessageBanner::Kind::Warning, tr("Choose a gift in the list."));
    if (QMessageBox::question(
            this, tr("Tax receipt"),
            tr("Issue a tax receipt for this gift? Once issued, a receipt is kept for ever: a "
               "mistake is undone by cancelling it.")) != QMessageBox::Yes)
        return;
    auto receipt = m_session.service<DonationService>().issueReceipt(id);
    if (!receipt)
        return m_banner->showMessage(MessageBanner::Kind::Error, receipt.error().message);
    auto issued = m_session.service<DonationService>().receipt(*receipt);
    m_banner->showMessage(MessageBanner::Kind::Success,
                          issued ? tr("The tax receipt %1 is issued.").arg(issued->number)
                                 : tr("The tax receipt is issued."));
    reload();
}

void DonationsPage::issueAnnualReceipts()
{
    bool ok = false;
    const int year =
        QInputDialog::getInt(this, tr("Annual receipts"),
                             tr("One receipt per donor for the gifts of the year not yet receipted. Year:"),
                             m_session.clock().today().year() - 1, 2000, 2100, 1, &ok);
    if (!ok)
        return;
    auto service = m_session.service<DonationService>();
    DonationFilter f;
    f.from = QDate(year, 1, 1);
    f.to = QDate(year, 12, 31);
    f.unreceiptedOnly = true;
    auto gifts = readAll<Donation>([&](const PageRequest& r) { return service.donations(f, r); },
                                   std::numeric_limits<qsizetype>::max());
    if (!gifts)
        return m_banner->showMessage(MessageBanner::Kind::Error, gifts.error().message);
    QList<qint64> donors;
    for (const Donation& d : *gifts)
        if (!donors.contains(d.contactId))
            donors << d.contactId;
    if (donors.isEmpty())
        return m_banner->showMessage(MessageBanner::Kind::Warning,
                                     tr("Every gift of %1 already has its receipt.").arg(year));
    if (QMessageBox::question(
            this, tr("Annual receipts"),
            tr("Issue %n receipt(s) for the gifts of %1?", nullptr, static_cast<int>(donors.size()))
                .arg(year)) != QMessageBox::Yes)
        return;
    int issued = 0;
    for (qint64 donor : std::as_const(donors)) {
        auto r = service.issueAnnualReceipt(donor, year);
        if (!r) {
            m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
            break;
        }
        ++issued;
    }
    if (issued == donors.size())
        m_banner->showMessage(MessageBanner::Kind::Success, tr("%n receipt(s) issued.", nullptr, issued));
    reload();
}

void DonationsPage::printReceipt()
{
    const qint64 id = selectedId();
    auto service = m_session.service<DonationService>();
    auto gift = service.donation(id);
    if (id == 0 || !gift || gift->receiptId == 0)
        return m_banner->showMessage(MessageBanner::Kind::Warning,
                                     tr("Choose a gift that has a tax receipt."));
    auto receipt = service.receipt(gift->receiptId);
    auto school = m_session.service<SchoolService>().identity();
    if (!receipt || !school)
        return m_banner->showMessage(MessageBanner::Kind::Error,
                                     (!receipt ? receipt.error() : school.error()).message);
    const TaxReceipt r = *receipt;
    const SchoolIdentity s = *school;
    DocumentOutput::preview(this, [r, s]() { return print::ReceiptDocument::make(r, s); });
}

void DonationsPage::showDeclaration()
{
    bool ok = false;
    const int year = QInputDialog::getInt(this, tr("Yearly declaration of tax receipts"),
                                          tr("Civil year of the gifts to declare:"),
                                          m_session.clock().today().year() - 1, 2000, 2100, 1, &ok);
    if (!ok)
        return;
    auto data = m_session.service<ReportDataService>().receipts(year);
    if (!data)
        return m_banner->showMessage(MessageBanner::Kind::Error, data.error().message);
    const ReceiptsStatementData d = *data;
    DocumentOutput::preview(this, [d]() { return print::ReportDocuments::receipts(d).printable(false); });
}

void DonationsPage::cancelReceipt()
{
    const qint64 id = selectedId();
    auto service = m_session.service<DonationService>();
    auto gift = service.donation(id);
    if (id == 0 || !gift || gift->receiptId == 0)
        return m_banner->showMessage(MessageBanner::Kind::Warning,
                                     tr("Choose a gift that has a tax receipt."));
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Cancel the receipt %1").arg(gift->receiptNumber),
        tr("The receipt stays in the register; a cancellation record is issued. Why is it cancelled?"),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    auto r = service.cancelReceipt(gift->receiptId, reason);
    if (!r)
        return m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("The receipt %1 is cancelled.").arg(gift->receiptNumber));
    reload();
}

} // namespace etabli
