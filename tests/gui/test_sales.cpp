#include "gui/common/session.h"
#include "gui/sales/bankpage.h"
#include "gui/sales/closingspage.h"
#include "gui/sales/contactdialog.h"
#include "gui/sales/contactimportdialog.h"
#include "gui/sales/contactspage.h"
#include "gui/sales/invoicedialog.h"
#include "gui/sales/invoicespage.h"
#include "gui/sales/lineseditor.h"
#include "gui/sales/linesmodel.h"
#include "gui/sales/orderdialog.h"
#include "gui/sales/quotedialog.h"
#include "gui/sales/quotespage.h"
#include "gui/sales/receivablespage.h"
#include "gui/sales/salespage.h"
#include "gui/sales/statementimportdialog.h"
#include "gui/sales/tyrehotelpage.h"
#include "gui/sales/tyresetdialog.h"
#include "gui/workshops/productionentrypage.h"
#include "print/documentprinter.h"
#include "services/demogenerator.h"
#include "services/invoiceservice.h"
#include "services/orderservice.h"
#include "support/guidemo.h"
#include "support/pdftext.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "support/viewcells.h"

#include <catch2/catch.hpp>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QFont>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace etabli;

namespace {

using etabli::test::kToday;

using Demo = test::GuiDemo;

} // namespace

TEST_CASE("The office invoices a customer, issues, records the payment and prints the PDF", "[gui][sales]")
{
    Demo d("secretariat");
    Database& db = d.session.database();
    const qint64 garage =
        test::rawScalar(db, QStringLiteral("SELECT id FROM contact WHERE name = 'Garage Moderne Jeanneret'"))
            .toLongLong();
    REQUIRE(garage != 0);
    const QString last =
        test::rawScalar(db, QStringLiteral("SELECT MAX(number) FROM invoice WHERE number LIKE 'F2026-%'"))
            .toString();
    REQUIRE_FALSE(last.isEmpty());
    const QString expected = QStringLiteral("F2026-%1").arg(last.mid(6).toInt() + 1, 4, 10, QLatin1Char('0'));

    InvoiceDialog dialog(d.session, 0);
    dialog.setConfirmation([](const QString&) { return true; });
    dialog.show();
    // No customer yet: refused, with the reason.
    dialog.addLine(QStringLiteral("MONT-EQ"));
    CHECK_FALSE(dialog.saveDraft());
    CHECK(dialog.bannerText().contains(QStringLiteral("client")));
    dialog.setCustomer(garage);
    LinesModel* lines = dialog.linesModel();
    QAbstractItemModelTester tester(lines, QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(lines->rowCount() == 1);
    CHECK(lines->index(0, LinesModel::Label).data().toString() ==
          QStringLiteral("Montage et équilibrage d'un pneu"));
    REQUIRE(lines->setData(lines->index(0, LinesModel::Quantity), QStringLiteral("4")));
    dialog.addLine(QStringLiteral("Dépose et repose des roues"));
    // A figure that cannot be read: refused, the cursor on the cell.
    REQUIRE(lines->setData(lines->index(1, LinesModel::Price), QStringLiteral("douze")));
    CHECK_FALSE(dialog.saveDraft());
    CHECK(dialog.bannerText().contains(QStringLiteral("Ligne 2")));
    CHECK(dialog.linesTable()->currentIndex() == lines->index(1, LinesModel::Price));
    REQUIRE(lines->setData(lines->index(1, LinesModel::Price), QStringLiteral("12,50")));
    CHECK(lines->index(1, LinesModel::Total).data().toString().contains(QStringLiteral("12,50")));
    CHECK(dialog.totalText().contains(QStringLiteral("72,50")));
    REQUIRE(dialog.saveDraft());
    CHECK(dialog.invoice().number.isEmpty());
    REQUIRE(dialog.issue());
    CHECK(dialog.invoice().number == expected);
    // The demo school is subject to VAT: 72,50 € + 20 %.
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT total_incl_cents FROM invoice WHERE number = '%1'").arg(expected))
              .toLongLong() == 8700);
    // Issued: read-only.
    CHECK(dialog.linesTable()->editTriggers() == QAbstractItemView::NoEditTriggers);
    CHECK_FALSE(lines->setData(lines->index(0, LinesModel::Quantity), QStringLiteral("5")));

    Payment cheque;
    cheque.day = kToday;
    cheque.method = PaymentMethod::Cheque;
    cheque.bank = QStringLiteral("Banque Populaire");
    cheque.chequeNumber = QStringLiteral("1234567");
    cheque.amount = Money::fromCents(9000);
    CHECK_FALSE(dialog.recordPayment(cheque)); // more than due
    CHECK(dialog.bannerText().contains(QStringLiteral("87,00")));
    cheque.amount = Money::fromCents(8700);
    REQUIRE(dialog.recordPayment(cheque));
    REQUIRE(test::rows(dialog.paymentsTable()) == 1);
    CHECK(test::cell(dialog.paymentsTable(), 0, 2).contains(QStringLiteral("87,00")));

    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("facture.pdf"));
    REQUIRE(dialog.writePdf(pdf));
    const QString text = test::pdfRawText(pdf).simplified();
    CHECK(text.contains(QStringLiteral("FACTURE N° ") + expected));
    CHECK(text.contains(QStringLiteral("Garage Moderne Jeanneret")));
    CHECK(text.contains(QStringLiteral("Total TTC 87,00 €")));
    // What remains due is for the statement, not the invoice; the first print is the original.
    CHECK_FALSE(text.contains(QStringLiteral("Reste dû")));
    CHECK_FALSE(text.contains(QStringLiteral("DUPLICATA")));
    const QString again = dir.filePath(QStringLiteral("facture-2.pdf"));
    REQUIRE(dialog.writePdf(again));
    CHECK(test::pdfRawText(again).contains(QStringLiteral("DUPLICATA")));
    // Issued, it is saved as Factur-X: the PDF carries its XML, which is also saved alone.
    CHECK(test::pdfAttachments(pdf).contains(QStringLiteral("factur-x.xml")));
    const QString xml = dir.filePath(QStringLiteral("facture.xml"));
    REQUIRE(dialog.writeXml(xml));
    QFile xmlFile(xml);
    REQUIRE(xmlFile.open(QIODevice::ReadOnly));
    const QString cii = QString::fromUtf8(xmlFile.readAll());
    CHECK(cii.contains(QStringLiteral("<ram:ID>") + expected + QStringLiteral("</ram:ID>")));
    CHECK(cii.contains(QStringLiteral("<ram:GrandTotalAmount>87.00</ram:GrandTotalAmount>")));

    // The list shows it; the unpaid filter does not.
    InvoicesPage page(d.session);
    REQUIRE(test::rows(page.table()) > 0);
    CHECK(test::cell(page.table(), 0, 0) == expected);
    page.statusFilter()->setCurrentIndex(
        page.statusFilter()->findData(static_cast<int>(InvoicesPage::Shown::Unpaid)));
    for (int r = 0; r < test::rows(page.table()); ++r)
        CHECK(test::cell(page.table(), r, 0) != expected);
    CHECK(page.totalCount() > 0);
}

TEST_CASE("The directory is searched as one types, a duplicate is asked before it is saved", "[gui][sales]")
{
    Demo d("secretariat");
    ContactsPage page(d.session);
    page.show();
    const qint64 all = page.totalCount();
    CHECK(all > 50);
    QTest::keyClicks(page.searchField(), QStringLiteral("garage"));
    QTRY_VERIFY_WITH_TIMEOUT(page.totalCount() < all, 2000);
    REQUIRE(test::rows(page.table()) > 0);
    for (int r = 0; r < test::rows(page.table()); ++r)
        CHECK(test::cell(page.table(), r, 0).contains(QStringLiteral("Garage")));

    ContactDialog dialog(d.session, 0);
    QString asked;
    dialog.setConfirmation([&asked](const QString& q) {
        asked = q;
        return false;
    });
    dialog.nameField()->setText(QStringLiteral("Garage Moderne Jeanneret"));
    dialog.findChild<QLineEdit*>(QStringLiteral("contactPostcode"))->setText(QStringLiteral("39100"));
    CHECK_FALSE(dialog.save());
    CHECK(asked.contains(QStringLiteral("déjà")));

    // A company's legal form (its tax receipt names it) is kept; a person has none.
    const qint64 solvay =
        test::rawScalar(d.session.database(),
                        QStringLiteral("SELECT id FROM contact WHERE name = 'Solvay Tavaux'"))
            .toLongLong();
    ContactDialog company(d.session, solvay);
    auto combos = company.findChildren<QComboBox*>();
    QComboBox* legalForm = nullptr;
    for (QComboBox* c : combos)
        if (c->isEditable())
            legalForm = c;
    REQUIRE(legalForm);
    CHECK(legalForm->currentText() == QStringLiteral("SAS"));
    CHECK(legalForm->isEnabled());
    legalForm->setCurrentText(QStringLiteral("SA a directoire"));
    REQUIRE(company.save());
    CHECK(test::rawScalar(d.session.database(),
                          QStringLiteral("SELECT legal_form FROM contact WHERE id = %1").arg(solvay))
              .toString() == QStringLiteral("SA a directoire"));
    ContactDialog person(d.session, 0);
    QComboBox* kind = nullptr;
    for (QComboBox* c : person.findChildren<QComboBox*>())
        if (c->isEditable())
            legalForm = c;
        else
            kind = c;
    REQUIRE(kind);
    kind->setCurrentIndex(kind->findText(QStringLiteral("Particulier")));
    CHECK_FALSE(legalForm->isEnabled());
}

TEST_CASE("Contacts are imported from a file: look-alikes merged or skipped one key per line",
          "[gui][sales][import]")
{
    Demo d("secretariat");
    ContactsPage page(d.session);
    page.show();
    auto* importButton = page.findChild<QPushButton*>(QStringLiteral("importContacts"));
    REQUIRE(importButton);
    CHECK(importButton->isVisible());
    const qint64 before =
        test::rawScalar(d.session.database(), QStringLiteral("SELECT count(*) FROM contact")).toLongLong();

    ContactImportDialog dialog(d.session);
    dialog.show();
    QAbstractItemModelTester tester(dialog.table()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    // Solvay Tavaux is in the demo (without an e-mail): the file's line brings one.
    const QString postcode =
        test::rawScalar(d.session.database(),
                        QStringLiteral("SELECT postcode FROM contact WHERE name = 'Solvay Tavaux'"))
            .toString();
    REQUIRE_FALSE(postcode.isEmpty());
    const QByteArray file = QStringLiteral("Nom;Code postal;Ville;Courriel;Rôles\r\n"
                                           "Solvay Tavaux;%1;Tavaux;dons@solvay.example;donateur\r\n"
                                           "Boulangerie Perrin;39100;Dole;;client\r\n"
                                           "Les Ateliers du Lac;39100;Dole;pas-une-adresse;client\r\n")
                                .arg(postcode)
                                .toUtf8();
    REQUIRE(dialog.load(file));
    REQUIRE(test::rows(dialog.table()) == 3);
    CHECK(test::cell(dialog.table(), 0, 5).contains(QStringLiteral("fusionner avec « Solvay Tavaux »")));
    CHECK(test::cell(dialog.table(), 0, 5).contains(QStringLiteral("courriel")));
    CHECK(test::cell(dialog.table(), 1, 5) == QStringLiteral("nouveau contact"));
    CHECK(test::cell(dialog.table(), 2, 5).contains(QStringLiteral("pas-une-adresse")));
    CHECK(dialog.summary().contains(QStringLiteral("1 refusée")));
    auto* import = dialog.findChild<QPushButton*>(QStringLiteral("import"));
    REQUIRE(import);
    CHECK_FALSE(import->isEnabled());
    dialog.skipInvalid()->setChecked(true);
    CHECK(import->isEnabled());

    // I skips the selected look-alike, F merges it again: one key per line.
    dialog.table()->setFocus();
    dialog.table()->selectRow(0);
    QTest::keyClick(dialog.table(), Qt::Key_I);
    CHECK(test::cell(dialog.table(), 0, 5).startsWith(QStringLiteral("ignorer")));
    QTest::keyClick(dialog.table(), Qt::Key_F);
    CHECK(test::cell(dialog.table(), 0, 5).startsWith(QStringLiteral("fusionner")));
    // A new contact has no choice to make.
    dialog.table()->selectRow(1);
    QTest::keyClick(dialog.table(), Qt::Key_C);
    CHECK(test::cell(dialog.table(), 1, 5) == QStringLiteral("nouveau contact"));

    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.outcome().created == 1);
    CHECK(dialog.outcome().merged == 1);
    CHECK(
        test::rawScalar(d.session.database(), QStringLiteral("SELECT count(*) FROM contact")).toLongLong() ==
        before + 1);
    CHECK(test::rawScalar(d.session.database(),
                          QStringLiteral("SELECT email FROM contact WHERE name = 'Solvay Tavaux'"))
              .toString() == QStringLiteral("dons@solvay.example"));

    // A file that is not a table is refused with what to do.
    ContactImportDialog other(d.session);
    CHECK_FALSE(other.load(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(600, '\0')));
    CHECK(other.findChild<QLabel*>(QStringLiteral("summary"))->text().contains(QStringLiteral(".xlsx")));

    // An account that may not change the directory has no import.
    Demo reader("lecture");
    ContactsPage readOnly(reader.session);
    readOnly.show();
    CHECK_FALSE(readOnly.findChild<QPushButton*>(QStringLiteral("importContacts"))->isVisible());
}

TEST_CASE("A work order is written, the workshop logs its work on it, it is invoiced once done",
          "[gui][sales][orders]")
{
    Demo d("secretariat");
    Database& db = d.session.database();
    const qint64 garage =
        test::rawScalar(db, QStringLiteral("SELECT id FROM contact WHERE name = 'Garage Moderne Jeanneret'"))
            .toLongLong();
    const qint64 tyres =
        test::rawScalar(db, QStringLiteral("SELECT id FROM section WHERE name = 'Pneus et services'"))
            .toLongLong();
    OrderDialog dialog(d.session, 0);
    dialog.setConfirmation([](const QString&) { return true; });
    dialog.setCustomer(garage);
    dialog.setSection(tyres);
    dialog.lines()->addLine(QStringLiteral("MONT-TPMS"));
    REQUIRE(dialog.lines()->model()->setData(dialog.lines()->model()->index(0, LinesModel::Quantity),
                                             QStringLiteral("4")));
    REQUIRE(dialog.save());
    const QString number = dialog.order().number;
    CHECK(number.startsWith(QStringLiteral("BT2026-")));
    CHECK(dialog.order().status == WorkOrderStatus::ToDo);
    CHECK_FALSE(dialog.invoice()); // not done yet
    CHECK(dialog.bannerText().contains(QStringLiteral("pas encore")));

    // The tyre workshop sees it among its open orders.
    Session trainer;
    trainer.setClock(std::make_unique<FixedClock>(QDateTime(kToday, QTime(15, 0), Qt::UTC)));
    {
        auto again = d.t.reopen();
        REQUIRE(again);
        trainer.setDatabase(std::move(*again));
    }
    trainer.setUser(
        test::logIn(trainer.database(), QStringLiteral("formateur.pneus"), DemoGenerator::demoPassword()));
    ProductionEntryPage entry(trainer);
    auto* orders = entry.findChild<QComboBox*>(QStringLiteral("entryOrder"));
    REQUIRE(orders);
    bool listed = false;
    for (int i = 0; i < orders->count(); ++i)
        listed = listed || orders->itemText(i).startsWith(number);
    CHECK(listed);

    REQUIRE(dialog.setStatus(WorkOrderStatus::Done));
    REQUIRE(dialog.invoice());
    const QString invoice = dialog.order().invoiceNumber;
    CHECK(invoice.startsWith(QStringLiteral("F2026-")));
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT total_excl_cents FROM invoice WHERE number = '%1'").arg(invoice))
              .toLongLong() == 8800);
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT total_incl_cents FROM invoice WHERE number = '%1'").arg(invoice))
              .toLongLong() == 10560); // VAT at 20 %
    CHECK(dialog.costingText().contains(QStringLiteral("88,00")));
}

TEST_CASE("The unpaid invoices by age, and a reminder letter for a customer", "[gui][sales]")
{
    Demo d("secretariat");
    ReceivablesPage page(d.session);
    REQUIRE(test::rows(page.table()) > 0);
    CHECK(page.summaryText().contains(QStringLiteral("Plus de 90 jours")));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("relance.pdf"));
    REQUIRE(page.writeReminder(0, pdf));
    const QString text = test::pdfRawText(pdf).simplified();
    CHECK(text.contains(QStringLiteral("relance")));
    CHECK(text.contains(test::cell(page.table(), 0, 0)));
    CHECK(text.contains(QStringLiteral("Total dû")));
}

TEST_CASE("The office closes November once it is over, and the reader sees the closings but closes nothing",
          "[gui][sales][closing]")
{
    Demo d("secretariat");
    // The demo closed every month up to October 2026 and the years 2024 and 2025.
    ClosingsPage page(d.session);
    const int before = page.table()->model()->rowCount();
    REQUIRE(before > 20);
    CHECK(page.pendingText().contains(QStringLiteral("Tous les mois terminés sont clôturés")));
    CHECK(page.monthChoice()->count() == 0);
    CHECK(page.yearChoice()->itemText(0) == QStringLiteral("2025"));
    // The newest closing is shown with its figures per rate and method.
    CHECK(page.table()->model()->index(0, 0).data().toString() == QStringLiteral("octobre 2026"));
    CHECK(page.detailText().contains(QStringLiteral("Ventes HT à 20 %")));
    CHECK(page.detailText().contains(QStringLiteral("Grand total perpétuel")));

    // In December, November is over.
    d.session.setClock(std::make_unique<FixedClock>(QDateTime(QDate(2026, 12, 3), QTime(9, 0), Qt::UTC)));
    page.reload();
    REQUIRE(page.monthChoice()->count() == 1);
    CHECK(page.monthChoice()->currentText() == QStringLiteral("novembre 2026"));
    auto made = page.closeUntil(page.monthChoice()->currentData().toDate());
    REQUIRE(made);
    CHECK(made->size() == 1);
    QCoreApplication::processEvents(); // the change notices of the closing
    CHECK(page.table()->model()->rowCount() == before + 1);
    CHECK(page.table()->model()->index(0, 0).data().toString() == QStringLiteral("novembre 2026"));
    CHECK(page.monthChoice()->count() == 0);

    Demo reader("lecture");
    ClosingsPage readOnly(reader.session);
    CHECK(readOnly.table()->model()->rowCount() == before);
    QList<QPushButton*> buttons;
    for (QPushButton* b : readOnly.findChildren<QPushButton*>())
        if (b->objectName() != QLatin1String("bannerAction")) // the message's own button
            buttons << b;
    REQUIRE(buttons.size() == 2);
    for (const QPushButton* b : buttons)
        CHECK_FALSE(b->isEnabled());
}

TEST_CASE("The office hands the cheques to the bank with a printed deposit slip", "[gui][sales]")
{
    Demo d("secretariat");
    ReceivablesPage page(d.session);
    QAbstractItemModelTester tester(page.cheques(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int waiting = page.cheques()->rowCount();
    REQUIRE(waiting > 1);
    // The last one unticked stays for another day.
    const QModelIndex last = page.cheques()->index(waiting - 1, 0);
    CHECK(last.data(Qt::CheckStateRole).toInt() == Qt::Checked);
    REQUIRE(page.cheques()->setData(last, Qt::Unchecked, Qt::CheckStateRole));
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("bordereau.pdf"));
    REQUIRE(page.depositTicked(pdf));
    CHECK(page.cheques()->rowCount() == 1);
    const QString text = test::pdfRawText(pdf).simplified();
    CHECK(text.contains(QStringLiteral("Bordereau de remise de chèques")));
    CHECK(text.contains(QStringLiteral("%1 chèques").arg(waiting - 1)));
}

TEST_CASE("A quote is written, printed for the customer, sent, then accepted into a work order",
          "[gui][sales][orders]")
{
    Demo d("secretariat");
    Database& db = d.session.database();
    const qint64 farm =
        test::rawScalar(db, QStringLiteral("SELECT id FROM contact WHERE name = 'GAEC du Val d''Amour'"))
            .toLongLong();
    const qint64 metal =
        test::rawScalar(db, QStringLiteral("SELECT id FROM section WHERE name LIKE 'M%tallerie%'"))
            .toLongLong();
    REQUIRE(farm != 0);
    REQUIRE(metal != 0);
    QuoteDialog dialog(d.session, 0);
    dialog.setConfirmation([](const QString&) { return true; });
    dialog.show();
    dialog.lines()->addLine(QStringLiteral("Portail sur mesure"));
    REQUIRE(dialog.lines()->model()->setData(dialog.lines()->model()->index(0, LinesModel::Price),
                                             QStringLiteral("850")));
    CHECK_FALSE(dialog.save()); // no customer
    CHECK(dialog.bannerText().contains(QStringLiteral("client")));
    dialog.setCustomer(farm);
    dialog.setSubject(QStringLiteral("Portail de la cour"));
    REQUIRE(dialog.save());
    const QString number = dialog.quote().number;
    CHECK(number.startsWith(QStringLiteral("D2026-")));
    CHECK(dialog.quote().validUntil == kToday.addDays(OrderService::DefaultQuoteDays));

    // The customer's copy.
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("devis.pdf"));
    auto printable = dialog.printable();
    REQUIRE(printable);
    REQUIRE(print::DocumentPrinter::writePdf(*printable, pdf));
    const QString text = test::pdfRawText(pdf).simplified();
    INFO(text.toStdString());
    for (const QString& mention :
         {QStringLiteral("DEVIS N° ") + number, QStringLiteral("GAEC du Val d'Amour"),
          QStringLiteral("Portail de la cour"), QStringLiteral("850,00"),
          QStringLiteral("Valable jusqu'au : ") + kToday.addDays(30).toString(QStringLiteral("dd/MM/yyyy")),
          QStringLiteral("Bon pour accord"), QStringLiteral("Total TTC")})
        CHECK(text.contains(mention));

    REQUIRE(dialog.setStatus(QuoteStatus::Sent));
    CHECK(dialog.quote().status == QuoteStatus::Sent);
    // Accepted without a workshop: asked for.
    CHECK(dialog.accept(kToday.addDays(14)) == 0);
    CHECK(dialog.bannerText().contains(QStringLiteral("atelier")));
    dialog.setSection(metal);
    const qint64 order = dialog.accept(kToday.addDays(14));
    REQUIRE(order != 0);
    CHECK(dialog.quote().status == QuoteStatus::Accepted);
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT COUNT(*) FROM work_order_line WHERE order_id = %1").arg(order))
              .toInt() == 1);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT due_date FROM work_order WHERE id = %1").arg(order))
              .toString() == QStringLiteral("2026-12-11"));
    CHECK(dialog.lines()->table()->editTriggers() == QAbstractItemView::NoEditTriggers);

    // The list: accepted ones are no longer open; the filter finds it.
    QuotesPage page(d.session);
    for (int r = 0; r < test::rows(page.table()); ++r)
        CHECK(test::cell(page.table(), r, 0) != number);
    page.statusFilter()->setCurrentIndex(page.statusFilter()->findText(labelOf(QuoteStatus::Accepted)));
    REQUIRE(test::rows(page.table()) > 0);
    CHECK(test::cell(page.table(), 0, 0) == number);
    CHECK(test::cell(page.table(), 0, 6) == QStringLiteral("Accepté"));
}

TEST_CASE("The tyre hotel: a set comes in by its plate, gets its label, is found by plate and given back",
          "[gui][sales][tyres]")
{
    Demo d("secretariat");
    Database& db = d.session.database();
    // A car of the demo without tyres in storage.
    const QString plate =
        test::rawScalar(db, QStringLiteral("SELECT v.plate FROM vehicle v WHERE NOT EXISTS (SELECT 1 "
                                           "FROM tyre_set s WHERE s.vehicle_id = v.id AND s.date_out "
                                           "IS NULL) ORDER BY v.id LIMIT 1"))
            .toString();
    REQUIRE_FALSE(plate.isEmpty());
    TyreSetDialog dialog(d.session, 0);
    dialog.setConfirmation([](const QString&) { return true; });
    dialog.setPlate(plate.toLower().remove(QLatin1Char('-')));
    CHECK_FALSE(dialog.ownerText().isEmpty());
    dialog.setTreads(
        {QStringLiteral("7,5"), QStringLiteral("7"), QStringLiteral("abc"), QStringLiteral("6,8")});
    CHECK_FALSE(dialog.save());
    CHECK(dialog.bannerText().contains(QStringLiteral("Pneu 3")));
    dialog.setTreads(
        {QStringLiteral("7,5"), QStringLiteral("7"), QStringLiteral("6,9"), QStringLiteral("6,8")});
    dialog.setPlace(QStringLiteral("z"), 9, 2);
    REQUIRE(dialog.save());
    CHECK(dialog.set().rack == QStringLiteral("Z"));
    CHECK(dialog.set().treadTenths == QList<int>{75, 70, 69, 68});
    CHECK(dialog.set().feeItemId != 0); // the catalogue's storage fee by default

    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("etiquette.pdf"));
    auto label = dialog.label();
    REQUIRE(label);
    REQUIRE(print::DocumentPrinter::writePdf(*label, pdf));
    const QString text = test::pdfRawText(pdf).simplified();
    INFO(text.toStdString());
    CHECK(text.contains(plate));
    CHECK(text.contains(QStringLiteral("Casier Z · rangée 9 · niveau 2")));
    CHECK(text.contains(dialog.set().customerName));

    // Found in one step by its plate, typed any way.
    TyreHotelPage page(d.session);
    CHECK(page.totalCount() > 20);
    CHECK(page.findByPlate(plate.toLower()) == dialog.set().id);
    CHECK(page.findByPlate(QStringLiteral("ZZ-999-ZZ")) == 0);
    page.searchField()->setText(plate);
    QTRY_COMPARE_WITH_TIMEOUT(page.totalCount(), qint64(1), 2000);
    CHECK(test::cell(page.table(), 0, 0) == QStringLiteral("Z 9-2"));

    // Another set at the same place: refused, with whose tyres are there.
    TyreSetDialog clash(d.session, 0);
    const QString other =
        test::rawScalar(db, QStringLiteral("SELECT v.plate FROM vehicle v WHERE NOT EXISTS (SELECT 1 "
                                           "FROM tyre_set s WHERE s.vehicle_id = v.id AND s.date_out "
                                           "IS NULL) ORDER BY v.id LIMIT 1"))
            .toString();
    clash.setPlate(other);
    clash.setTreads({QStringLiteral("5"), QStringLiteral("5"), QStringLiteral("5"), QStringLiteral("5")});
    clash.setPlace(QStringLiteral("Z"), 9, 2);
    CHECK_FALSE(clash.save());
    CHECK(clash.bannerText().contains(plate));

    REQUIRE(dialog.giveBack(kToday));
    CHECK_FALSE(dialog.set().stored());
    CHECK(page.findByPlate(plate) == 0);
    REQUIRE(clash.save()); // the place is free again
}

TEST_CASE("A tyre workshop's trainer sees the tyre hotel, not the invoices", "[gui][sales][tyres][access]")
{
    Demo d("formateur.pneus");
    TyreHotelPage hotel(d.session);
    hotel.show();
    CHECK(hotel.totalCount() > 20);
    CHECK(hotel.bannerText().isEmpty());
    InvoicesPage invoices(d.session);
    invoices.show();
    CHECK(test::rows(invoices.table()) == 0);
    CHECK(invoices.bannerText().contains(QStringLiteral("ne permet pas")));
}

TEST_CASE("A bank statement is imported and its credits reconciled from the keyboard", "[gui][sales][bank]")
{
    test::GuiDemo d("secretariat");
    Database& db = d.session.database();
    const QDate today = d.session.clock().today();
    // An unpaid invoice of the demo, paid by transfer today with its number in the wording.
    auto aging = d.session.service<InvoiceService>().receivables(0, 1);
    REQUIRE(aging);
    REQUIRE_FALSE(aging->invoices.isEmpty());
    const Receivable unpaid = aging->invoices.first();
    const QByteArray ofx =
        QStringLiteral(
            "OFXHEADER:100\r\nDATA:OFXSGML\r\n\r\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR"
            "<BANKTRANLIST><STMTTRN><TRNTYPE>CREDIT<DTPOSTED>%1<TRNAMT>%2<FITID>GUI-1<NAME>VIR SEPA "
            "%3<MEMO>FACTURE %4</STMTTRN><STMTTRN><TRNTYPE>DEBIT<DTPOSTED>%1<TRNAMT>-3.20<FITID>GUI-2"
            "<NAME>COMMISSION</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\r\n")
            .arg(today.toString(QStringLiteral("yyyyMMdd")))
            .arg(QString::number(unpaid.due.cents() / 100.0, 'f', 2), unpaid.customer.toUpper(),
                 unpaid.number)
            .toUtf8();

    SalesPage sales(d.session);
    BankPage* page = sales.bankPage();
    REQUIRE(page);
    sales.setCurrentWidget(page);
    sales.show();
    QAbstractItemModelTester tester(page->rows(), QAbstractItemModelTester::FailureReportingMode::Warning);
    CHECK(page->summaryText().contains(QStringLiteral("Aucun relevé")));

    StatementImportDialog dialog(d.session);
    dialog.show();
    REQUIRE(dialog.load(ofx, QStringLiteral("releve.ofx")));
    CHECK(test::rows(dialog.table()) == 2);
    CHECK(dialog.summary().contains(QStringLiteral("1 crédit à rapprocher")));
    REQUIRE(dialog.importButton()->isEnabled());
    dialog.accept();
    REQUIRE(dialog.statementId() != 0);
    // The same file again: every movement is known, nothing to import.
    StatementImportDialog again(d.session);
    REQUIRE(again.load(ofx, QStringLiteral("releve.ofx")));
    CHECK(again.summary().contains(QStringLiteral("2 opérations déjà importées")));
    CHECK_FALSE(again.importButton()->isEnabled());

    page->reload();
    page->showStatement(dialog.statementId());
    REQUIRE(test::rows(page->table()) == 2);
    CHECK(test::cell(page->table(), 0, 4).contains(unpaid.number));
    CHECK(test::cell(page->table(), 1, 3) == QStringLiteral("Débit"));
    CHECK(page->summaryText().contains(QStringLiteral("1 crédit à rapprocher")));
    page->table()->setFocus();
    page->table()->setCurrentIndex(page->rows()->index(0, 0));
    QTest::keyClick(page->table(), Qt::Key_Return);
    CHECK(test::cell(page->table(), 0, 3) == QStringLiteral("Rapprochée"));
    CHECK(test::cell(page->table(), 0, 4) == QStringLiteral("Règlement de ") + unpaid.number);
    CHECK(d.session.service<InvoiceService>().balance(unpaid.invoiceId)->due().isZero());
    CHECK(page->summaryText().contains(QStringLiteral("Tous les crédits de ce relevé sont rapprochés")));
    // The bank's commission is set aside with C, and back with R.
    page->table()->setCurrentIndex(page->rows()->index(1, 0));
    QTest::keyClick(page->table(), Qt::Key_C);
    CHECK(test::cell(page->table(), 1, 3) == QStringLiteral("Mise de côté"));
    QTest::keyClick(page->table(), Qt::Key_R);
    CHECK(test::cell(page->table(), 1, 3) == QStringLiteral("Débit"));
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM bank_line WHERE state = 'matched'"))
              .toInt() == 1);

    // A CSV file of a bank whose columns are not known: said once.
    StatementImportDialog csv(d.session);
    QFile other(QStringLiteral(ETABLI_TEST_DATA "/bank/releve-autre-banque.csv"));
    REQUIRE(other.open(QIODevice::ReadOnly));
    REQUIRE(csv.load(other.readAll(), QStringLiteral("autre.csv")));
    CHECK(csv.summary().contains(QStringLiteral("Colonnes…")));
    CHECK_FALSE(csv.importButton()->isEnabled());
    REQUIRE(csv.columnsButton()->isEnabled());
    bank::CsvLayout said;
    said.header = {QStringLiteral("Jour"), QStringLiteral("Texte"), QStringLiteral("Valeur"),
                   QStringLiteral("Sens")};
    said.date = QStringLiteral("Jour");
    said.label = {QStringLiteral("Texte")};
    said.amount = QStringLiteral("Valeur");
    csv.useLayout(said);
    CHECK(csv.importButton()->isEnabled());
    CHECK(test::rows(csv.table()) == 1);

    // A reader sees the statements and changes nothing.
    test::GuiDemo reader("lecture");
    SalesPage readOnly(reader.session);
    CHECK_FALSE(readOnly.bankPage()->findChild<QPushButton*>(QStringLiteral("importStatement"))->isEnabled());
}

TEST_CASE("A draft in the invoices' list shows the day it was written, in grey italics, not as an issue date",
          "[gui][sales]")
{
    Demo d("secretariat");
    Database& db = d.session.database();
    // The newest draft, as the list orders them (its day, then its number).
    const QDate written = QDate::fromString(
        test::rawScalar(db, QStringLiteral("SELECT MAX(list_date) FROM invoice WHERE status = 'draft'"))
            .toString(),
        Qt::ISODate);
    REQUIRE(written.isValid());
    InvoicesPage page(d.session);
    page.show();
    QAbstractItemModel* model = page.table()->model();
    int draft = -1;
    for (int r = 0; r < model->rowCount() && draft < 0; ++r) {
        if (model->index(r, 0).data().toString() == QStringLiteral("(brouillon)"))
            draft = r;
    }
    REQUIRE(draft >= 0);
    const QModelIndex day = model->index(draft, 1);
    CHECK(day.data().toString() == written.toString(QStringLiteral("dd/MM/yyyy")));
    CHECK(day.data(Qt::FontRole).value<QFont>().italic());
    CHECK(day.data(Qt::ToolTipRole)
              .toString()
              .startsWith(QStringLiteral("Brouillon rédigé le %1, pas encore émis")
                              .arg(written.toString(QStringLiteral("dd/MM/yyyy")))));
    // An issued invoice's date is its issue date, in the ordinary font.
    const int issued = draft == 0 ? 1 : 0;
    CHECK_FALSE(model->index(issued, 1).data(Qt::FontRole).value<QFont>().italic());
    CHECK(model->index(issued, 1).data(Qt::ToolTipRole).isNull());
}
