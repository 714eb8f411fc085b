#include "domain/money.h"
#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/dashboard/dashboardpage.h"
#include "gui/funding/budgetpage.h"
#include "gui/funding/donationspage.h"
#include "gui/funding/fundingdashboard.h"
#include "gui/funding/fundinglists.h"
#include "gui/funding/fundingpage.h"
#include "gui/funding/helloassodialog.h"
#include "gui/funding/subsidiespage.h"
#include "gui/funding/subsidydialog.h"
#include "gui/funding/yearcombo.h"
#include "gui/sales/customerchooser.h"
#include "services/demogenerator.h"
#include "services/subsidyservice.h"
#include "support/guidemo.h"
#include "support/guidialogs.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "support/viewcells.h"

#include <catch2/catch.hpp>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QColor>
#include <QComboBox>
#include <QDate>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace etabli;

namespace {

using etabli::test::kToday;

using Demo = test::GuiDemo;

void chooseYear(YearCombo* combo, int startYear)
{
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemData(i).toList().value(0).toInt() == startYear)
            combo->setCurrentIndex(i);
    REQUIRE(combo->startYear() == startYear);
}

} // namespace

TEST_CASE("The director sees where the year stands: charts, forecast against actual, subsidies, members",
          "[gui][funding]")
{
    Demo d("direction");
    FundingPage page(d.session);
    page.resize(1200, 800);
    page.show();
    FundingDashboard* dashboard = page.dashboard();
    chooseYear(dashboard->yearCombo(), 2025);
    const FundingReport& r = dashboard->report();
    CHECK(r.label == QStringLiteral("2025"));
    CHECK(r.totalResources.cents() > 30000000);
    CHECK(r.production.share == Approx(0.6).margin(0.08));
    // The charts are drawn from the report: four parts against four targets, twelve months.
    auto* split = qobject_cast<QBarSeries*>(dashboard->splitChart()->chart()->series().value(0));
    REQUIRE(split);
    REQUIRE(split->barSets().size() == 2);
    CHECK(split->barSets().at(0)->at(0) == Approx(r.production.share * 100));
    CHECK(split->barSets().at(1)->at(0) == Approx(60));
    auto* months = qobject_cast<QBarSeries*>(dashboard->monthsChart()->chart()->series().value(0));
    REQUIRE(months);
    CHECK(months->barSets().at(0)->count() == 12);
    CHECK_FALSE(dashboard->grab().isNull());
    CHECK(test::rows(dashboard->categoriesTable()) >= 12);
    CHECK(test::cell(dashboard->categoriesTable(), 0, 0) == QStringLiteral("Ventes de la production"));
    CHECK(dashboard->deadlines()->count() >= 1);

    page.setCurrentWidget(page.subsidiesPage());
    CHECK(test::rows(page.subsidiesPage()->table()) >= 35); // four funders over ten years
    CHECK(page.subsidiesPage()->pipelineText().contains(QStringLiteral("Compte rendu envoyé")));
    CHECK(page.donationsPage()->totalCount() > 300);
    CHECK(test::rows(page.membersPage()->table()) == 38);
    CHECK(page.membersPage()->countText().contains(QStringLiteral("cotisation")));
    CHECK(test::rows(page.yearsPage()->table()) == 10);
    CHECK(test::rows(page.apprenticeshipTaxPage()->table()) >= 1);
    // The lists are models: each passes the model checks, the latest subsidies first.
    for (const QTableView* view : {page.subsidiesPage()->table(), page.membersPage()->table(),
                                   page.yearsPage()->table(), page.apprenticeshipTaxPage()->table()}) {
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        CHECK(view->model()->columnCount() > 2);
    }
    CHECK(test::cell(page.subsidiesPage()->table(), 0, 2) >=
          test::cell(page.subsidiesPage()->table(), test::rows(page.subsidiesPage()->table()) - 1, 2));
    BudgetPage* budget = page.budgetPage();
    CHECK(budget->entries()->totalCount() > 100);
    CHECK(test::rows(budget->forecastTable()) >= 14);
    QAbstractItemModelTester forecastTester(budget->forecastTable()->model(),
                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(test::cell(budget->forecastTable(), test::rows(budget->forecastTable()) - 1, 0) ==
          QStringLiteral("Total des charges"));
    // A gap is red on both tables for a resource short of its forecast or an expense over
    // its own, never for an expense under it.
    for (const QTableView* table : {budget->forecastTable(), dashboard->categoriesTable()}) {
        const QAbstractItemModel* m = table->model();
        int red = 0;
        int underspent = 0;
        for (int row = 0; row < m->rowCount(); ++row) {
            const auto forecast = Money::parse(m->index(row, 1).data().toString());
            const auto actual = Money::parse(m->index(row, 2).data().toString());
            const QString category = m->index(row, 0).data().toString();
            if (!forecast || !actual || forecast->isZero() || m->index(row, 3).data().toString().isEmpty())
                continue; // the totals, a line with nothing forecast
            const bool expense = category.startsWith(QStringLiteral("Charge"));
            const bool isRed =
                m->index(row, 3).data(Qt::ForegroundRole).value<QColor>() == QColor(180, 30, 30);
            CHECK(isRed == (expense ? *actual > *forecast : *actual < *forecast));
            red += isRed ? 1 : 0;
            underspent += expense && *actual < *forecast ? 1 : 0;
        }
        CHECK(red > 0);
        CHECK(underspent > 0);
    }

    // The home page tells the director where the year stands, and what is due soon.
    DashboardPage home(d.session);
    auto* funding = home.findChild<QLabel*>(QStringLiteral("fundingSummary"));
    REQUIRE(funding);
    CHECK(funding->text().contains(QStringLiteral("autofinancement")));
    CHECK(funding->text().contains(QStringLiteral("Subventions")));
}

TEST_CASE("An entry in a closed year is refused in the dialog, which keeps what was typed", "[gui][funding]")
{
    Demo d("secretariat");
    BudgetPage page(d.session);
    page.show();
    const qint64 before = page.entries()->totalCount();
    bool seen = false;
    QString message;
    QTimer::singleShot(0, [&]() {
        auto* dialog = qobject_cast<FormDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        seen = true;
        auto fields = dialog->findChildren<QLineEdit*>();
        auto* day = dialog->findChild<DateField*>();
        REQUIRE(day);
        day->setDate(QDate(2025, 3, 3)); // the demo closed 2025
        for (QLineEdit* f : fields) {
            if (f->placeholderText() == QStringLiteral("0,00 €"))
                f->setText(QStringLiteral("120,00"));
            else if (f->placeholderText().isEmpty() && f->text().isEmpty() &&
                     !f->parent()->inherits("etabli::CustomerChooser"))
                f->setText(QStringLiteral("Électrodes"));
        }
        dialog->accept();
        message = dialog->banner()->text();
        test::closeThrowingAway(dialog);
    });
    page.entries()->openRecord(0);
    CHECK(seen);
    CHECK(message.contains(QStringLiteral("clos")));
    page.entries()->reload();
    CHECK(page.entries()->totalCount() == before);
}

TEST_CASE("A read-only account sees the funding, a trainer does not", "[gui][funding][access]")
{
    Demo d("formateur.metal");
    FundingPage page(d.session);
    CHECK(page.donationsPage()->bannerText().contains(QStringLiteral("ne permet pas")));
    CHECK(test::rows(page.subsidiesPage()->table()) == 0);
    CHECK(page.dashboard()->report().totalResources.isZero());
    DashboardPage home(d.session);
    CHECK(home.findChild<QLabel*>(QStringLiteral("fundingSummary"))->isHidden());
}

TEST_CASE("A volunteer's waived expenses go through the gift dialog, which asks for their proof",
          "[gui][funding]")
{
    Demo d("secretariat");
    DonationsPage page(d.session);
    page.show();
    const qint64 before = page.totalCount();
    const qint64 volunteer =
        test::rawScalar(
            d.session.database(),
            QStringLiteral("SELECT MIN(contact_id) FROM donation WHERE nature = 'expenses_waived'"))
            .toLongLong();
    REQUIRE(volunteer > 0);
    QStringList messages;
    bool proofEnabledForMoney = true;
    QTimer::singleShot(0, [&]() {
        auto* dialog = qobject_cast<FormDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        // The typing starts in the first field, the donor; Tab goes on to the date.
        auto* chooser = dialog->findChild<CustomerChooser*>();
        REQUIRE(dialog->focusWidget() == chooser->findChild<QLineEdit*>());
        QWidget* next = dialog->focusWidget()->nextInFocusChain();
        while (!(next->focusPolicy() & Qt::TabFocus) || !next->isEnabled())
            next = next->nextInFocusChain();
        CHECK(next == dialog->findChild<DateField*>());
        chooser->setContact(volunteer);
        QLineEdit* description = nullptr;
        QLineEdit* valuation = nullptr;
        QLineEdit* proof = nullptr;
        for (QLineEdit* f : dialog->findChildren<QLineEdit*>()) {
            if (f->placeholderText() == QStringLiteral("0,00 €"))
                f->setText(QStringLiteral("96,00"));
        }
        auto combos = dialog->findChildren<QComboBox*>();
        QComboBox* nature = nullptr;
        for (QComboBox* c : combos)
            if (c->findText(QStringLiteral("Autres : frais engagés par un bénévole et abandonnés")) >= 0)
                nature = c;
        REQUIRE(nature);
        nature->setCurrentIndex(
            nature->findText(QStringLiteral("Autres : frais engagés par un bénévole et abandonnés")));
        for (QLineEdit* f : dialog->findChildren<QLineEdit*>()) {
            if (f->placeholderText().startsWith(QStringLiteral("Les frais")))
                description = f;
            else if (f->placeholderText().startsWith(QStringLiteral("Justificatifs, ou kilomètres")))
                valuation = f;
            else if (f->placeholderText().startsWith(QStringLiteral("Pièces de dépense et renonciation")))
                proof = f;
        }
        REQUIRE(description);
        REQUIRE(valuation);
        REQUIRE(proof);
        // Money: nothing to describe, value or prove.
        nature->setCurrentIndex(0);
        proofEnabledForMoney = proof->isEnabled() || valuation->isEnabled() || description->isEnabled();
        nature->setCurrentIndex(
            nature->findText(QStringLiteral("Autres : frais engagés par un bénévole et abandonnés")));
        CHECK(proof->isEnabled());
        description->setText(QStringLiteral("Trajets du 3 novembre (300 km)"));
        valuation->setText(QStringLiteral("300 km x 0,32"));
        dialog->accept();
        messages << dialog->banner()->text();
        proof->setText(QStringLiteral("Releve signe et renonciation"));
        dialog->accept();
    });
    page.openRecord(0);
    REQUIRE(messages.size() == 1);
    CHECK(messages.first().contains(QStringLiteral("renonciation")));
    CHECK_FALSE(proofEnabledForMoney);
    page.reload();
    CHECK(page.totalCount() == before + 1);
    CHECK(
        test::rawScalar(
            d.session.database(),
            QStringLiteral("SELECT proof FROM donation WHERE description = 'Trajets du 3 novembre (300 km)'"))
            .toString() == QStringLiteral("Releve signe et renonciation"));
}

TEST_CASE("A gift's method is chosen by its French name, cheque first, and stored by its code",
          "[gui][funding]")
{
    Demo d("secretariat");
    DonationsPage page(d.session);
    page.show();
    const qint64 donor =
        test::rawScalar(d.session.database(),
                        QStringLiteral("SELECT MIN(contact_id) FROM donation WHERE nature = 'cash'"))
            .toLongLong();
    REQUIRE(donor > 0);
    QStringList methods;
    QString preselected;
    QTimer::singleShot(0, [&]() {
        auto* dialog = qobject_cast<FormDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        dialog->findChild<CustomerChooser*>()->setContact(donor);
        for (QLineEdit* f : dialog->findChildren<QLineEdit*>()) {
            if (f->placeholderText() == QStringLiteral("0,00 €"))
                f->setText(QStringLiteral("42,00"));
        }
        QComboBox* method = nullptr;
        for (QComboBox* c : dialog->findChildren<QComboBox*>())
            if (c->findText(QStringLiteral("Virement")) >= 0)
                method = c;
        REQUIRE(method);
        for (int i = 0; i < method->count(); ++i)
            methods << method->itemText(i);
        preselected = method->currentText();
        method->setCurrentIndex(method->findText(QStringLiteral("Virement")));
        dialog->accept();
    });
    page.openRecord(0);
    CHECK(methods == QStringList{QStringLiteral("Espèces"), QStringLiteral("Chèque"),
                                 QStringLiteral("Virement"), QStringLiteral("Carte bancaire"),
                                 QStringLiteral("En ligne (carte)"), QStringLiteral("Autre")});
    CHECK(preselected == QStringLiteral("Chèque"));
    CHECK(test::rawScalar(
              d.session.database(),
              QStringLiteral("SELECT method FROM donation WHERE amount_cents = 4200 AND contact_id = %1 "
                             "ORDER BY id DESC LIMIT 1")
                  .arg(donor))
              .toString() == QStringLiteral("transfer"));
}

TEST_CASE("A subsidy's instalments are typed in their table: a wrong day is named and nothing is saved",
          "[gui][funding]")
{
    Demo d("secretariat");
    Database& db = d.session.database();
    const qint64 granted =
        test::rawScalar(db, QStringLiteral("SELECT s.id FROM subsidy s WHERE s.decision = "
                                           "'granted' AND EXISTS (SELECT 1 FROM "
                                           "subsidy_instalment i WHERE i.subsidy_id = s.id) "
                                           "ORDER BY s.id DESC LIMIT 1"))
            .toLongLong();
    REQUIRE(granted > 0);
    const int before =
        test::rawScalar(
            db, QStringLiteral("SELECT count(*) FROM subsidy_instalment WHERE subsidy_id = %1").arg(granted))
            .toInt();
    SubsidyDialog dialog(d.session, granted);
    auto* view = dialog.findChild<QTableView*>(QStringLiteral("instalments"));
    REQUIRE(view);
    QAbstractItemModel* model = view->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // The funded action's budget, the dialog's other editable table, follows the same rules.
    auto* budget = dialog.findChild<QTableView*>(QStringLiteral("actionBudget"));
    REQUIRE(budget);
    QAbstractItemModelTester budgetTester(budget->model(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(model->rowCount() == before);
    // A new instalment whose day is not a day: refused, the cursor on its row.
    auto* add = dialog.findChild<QPushButton*>(QStringLiteral("addInstalment"));
    REQUIRE(add);
    add->click();
    REQUIRE(model->rowCount() == before + 1);
    REQUIRE(model->setData(model->index(before, 0), QStringLiteral("31/02/2027")));
    REQUIRE(model->setData(model->index(before, 1), QStringLiteral("10")));
    dialog.accept();
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(view->currentIndex().row() == before);
    CHECK(
        test::rawScalar(
            db, QStringLiteral("SELECT count(*) FROM subsidy_instalment WHERE subsidy_id = %1").arg(granted))
            .toInt() == before);
    // Corrected (and the first instalment lowered as much, within what was granted), it is saved.
    REQUIRE(model->setData(model->index(before, 0), QStringLiteral("28/02/2027")));
    auto first = Money::parse(model->index(0, 1).data().toString());
    REQUIRE(first);
    REQUIRE(model->setData(model->index(0, 1), (*first - Money::fromCents(1000)).formatPlain()));
    dialog.accept();
    INFO(dialog.findChild<MessageBanner*>()->text().toStdString());
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT expected_cents FROM subsidy_instalment WHERE subsidy_id = %1 "
                                 "AND expected_on = '2027-02-28'")
                      .arg(granted))
              .toLongLong() == 1000);
}

TEST_CASE("The subsidy's action and its own budget are typed in the dialog and kept", "[gui][funding]")
{
    Demo d("secretariat");
    Database& db = d.session.database();
    const qint64 region =
        test::rawScalar(db, QStringLiteral("SELECT subsidy_id FROM subsidy_budget_line LIMIT 1"))
            .toLongLong();
    REQUIRE(region > 0);
    SubsidyDialog dialog(d.session, region);
    auto* view = dialog.findChild<QTableView*>(QStringLiteral("actionBudget"));
    REQUIRE(view);
    QAbstractItemModel* model = view->model();
    REQUIRE(model->rowCount() == static_cast<int>(cerfa15059Lines().size()));
    int purchases = -1;
    int indirect = -1;
    for (int r = 0; r < model->rowCount(); ++r) {
        const QString line = model->index(r, 0).data().toString();
        if (line.contains(QStringLiteral("60 Achats")))
            purchases = r;
        if (line.contains(QStringLiteral("Frais financiers")))
            indirect = r;
    }
    REQUIRE(purchases >= 0);
    REQUIRE(indirect >= 0);
    CHECK(model->index(purchases, 1).data().toString() == Money::fromCents(1800000).format());
    // Typed as in a cell: a French amount is taken, a word is refused and the cell keeps its amount.
    CHECK(model->setData(model->index(purchases, 2), QStringLiteral("19 500,50"), Qt::EditRole));
    CHECK_FALSE(model->setData(model->index(purchases, 1), QStringLiteral("beaucoup"), Qt::EditRole));
    CHECK(model->index(purchases, 1).data().toString() == Money::fromCents(1800000).format());
    CHECK_FALSE(model->flags(model->index(purchases, 0)).testFlag(Qt::ItemIsEditable));
    CHECK(model->setData(model->index(indirect, 2), QStringLiteral("250"), Qt::EditRole));
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    auto stored = SubsidyService(db, d.session.clock(), d.session.user()).get(region);
    REQUIRE(stored);
    Money purchasesActual;
    Money financial;
    for (const ActionBudgetLine& l : stored->budget) {
        if (l.account == QStringLiteral("60"))
            purchasesActual = l.actual;
        if (l.label == QStringLiteral("Frais financiers"))
            financial = l.actual;
    }
    CHECK(purchasesActual == Money::fromCents(1950050));
    CHECK(financial == Money::fromCents(25000));
    CHECK(stored->beneficiaries > 0);
}

TEST_CASE("In English, the funding dashboard's months and a new database's budget lines read in English "
          "(issue 18, item 14)",
          "[gui][funding][wording]")
{
    Demo d("direction");
    test::InEnglish english;
    FundingPage page(d.session);
    page.resize(1200, 800);
    page.show();
    FundingDashboard* dashboard = page.dashboard();
    chooseYear(dashboard->yearCombo(), 2025);
    auto* axis =
        qobject_cast<QBarCategoryAxis*>(dashboard->monthsChart()->chart()->axes(Qt::Horizontal).value(0));
    REQUIRE(axis);
    const QStringList months = axis->categories();
    REQUIRE(months.size() == 12);
    CHECK(months.contains(QStringLiteral("Feb")));
    CHECK(months.contains(QStringLiteral("Aug")));
    CHECK_FALSE(months.contains(QStringLiteral("Fév")));
    CHECK(test::cell(dashboard->categoriesTable(), 0, 0) == QStringLiteral("Sales of the production"));
}

TEST_CASE("A category's forecast is changed from its row of the budget table", "[gui][funding]")
{
    Demo d("direction");
    BudgetPage page(d.session);
    page.show();
    QAbstractItemModel* model = page.forecastTable()->model();
    int row = -1;
    for (int r = 0; r < model->rowCount() && row < 0; ++r) {
        if (model->index(r, 0).data().toString().startsWith(QStringLiteral("Charges")) ||
            model->index(r, 0).data().toString().contains(QStringLiteral("Achats")))
            row = r;
    }
    REQUIRE(row >= 0);
    const QString name = model->index(row, 0).data().toString();
    bool asked = false;
    test::onNextDialog<FormDialog>([&](FormDialog* dialog) {
        asked = dialog->windowTitle().contains(name);
        auto* amount = dialog->findChild<QLineEdit*>();
        REQUIRE(amount);
        amount->setText(QStringLiteral("12 345,00"));
        dialog->accept();
    });
    page.editForecast(row);
    CHECK(asked);
    QCoreApplication::processEvents();
    page.reload();
    int again = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data().toString() == name)
            again = r;
    REQUIRE(again >= 0);
    CHECK(model->index(again, 1).data().toString() == Money::fromCents(1234500).format());
    // A total is not a category: nothing to change, and it says so.
    page.editForecast(model->rowCount() - 1);
    CHECK(page.findChild<MessageBanner*>()->text().contains(QStringLiteral("catégorie")));
}

TEST_CASE("The budget page saves the chosen year's file for the accountant (FEC)", "[gui][funding][fec]")
{
    Demo d("direction");
    BudgetPage page(d.session);
    page.show();
    auto* year = page.findChild<YearCombo*>();
    REQUIRE(year);
    const int y2025 = year->findText(QStringLiteral("2025"), Qt::MatchContains);
    REQUIRE(y2025 >= 0);
    year->setCurrentIndex(y2025);
    auto* button = page.findChild<QPushButton*>(QStringLiteral("saveFec"));
    REQUIRE(button);
    CHECK(button->text().contains(QStringLiteral("comptable")));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("753124680FEC20251231.txt"));
    QString proposed;
    test::onNextDialog<QFileDialog>([&](QFileDialog* dialog) {
        proposed = dialog->selectedFiles().value(0);
        dialog->selectFile(path);
        static_cast<QDialog*>(dialog)->accept(); // QFileDialog's own accept() is protected
    });
    QTest::mouseClick(button, Qt::LeftButton);
    CHECK(proposed.endsWith(QStringLiteral("753124680FEC20251231.txt")));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll().startsWith("JournalCode\tJournalLib\t"));
    auto* banner = page.findChild<MessageBanner*>();
    CHECK(banner->kind() == MessageBanner::Kind::Success);
    CHECK(banner->text().contains(QStringLiteral("comptable")));
}

TEST_CASE("The gifts collected on HelloAsso are imported from the gifts page, refunds left out",
          "[gui][funding][import]")
{
    test::GuiDemo d("direction");
    DonationsPage page(d.session);
    page.show();
    auto* button = page.findChild<QPushButton*>(QStringLiteral("helloAsso"));
    REQUIRE(button);
    CHECK(button->isEnabled());
    const auto gifts = [&d]() {
        return test::rawScalar(d.session.database(), QStringLiteral("SELECT count(*) FROM donation"))
            .toLongLong();
    };
    const qint64 before = gifts();

    HelloAssoDialog dialog(d.session);
    dialog.show();
    QAbstractItemModelTester tester(dialog.table()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QFile sample(QStringLiteral(ETABLI_TEST_DATA "/imports/helloasso-paiements.csv"));
    REQUIRE(sample.open(QIODevice::ReadOnly));
    REQUIRE(dialog.load(sample.readAll()));
    REQUIRE(test::rows(dialog.table()) == 7);
    CHECK(dialog.summary().contains(QStringLiteral("3 don(s) à enregistrer, 210,00")));
    CHECK(test::cell(dialog.table(), 2, 5).startsWith(QStringLiteral("remboursé")));
    CHECK(test::cell(dialog.table(), 3, 5).contains(QStringLiteral("Adhésion")));
    CHECK(test::cell(dialog.table(), 6, 5).startsWith(QStringLiteral("refusée")));
    CHECK(test::cell(dialog.table(), 5, 5) ==
          QStringLiteral("don d'un nouveau donateur (le même donateur qu'en ligne 2)"));
    CHECK_FALSE(dialog.importButton()->isEnabled());
    dialog.skipInvalid()->setChecked(true);
    REQUIRE(dialog.importButton()->isEnabled());
    dialog.accept();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.recorded() == 3);
    CHECK(gifts() == before + 3);
    CHECK(test::rawScalar(d.session.database(),
                          QStringLiteral("SELECT count(*) FROM donation WHERE method = 'online'"))
              .toInt() >= 3);

    // The same file again: nothing to record.
    HelloAssoDialog again(d.session);
    REQUIRE(sample.seek(0));
    REQUIRE(again.load(sample.readAll()));
    CHECK(again.summary().contains(QStringLiteral("0 don(s) à enregistrer")));
    CHECK(again.summary().contains(QStringLiteral("déjà enregistrés : 3")));
    CHECK_FALSE(again.importButton()->isEnabled());

    // An account that may not record gifts cannot import them.
    test::GuiDemo reader("lecture");
    DonationsPage readOnly(reader.session);
    readOnly.show();
    CHECK_FALSE(readOnly.findChild<QPushButton*>(QStringLiteral("helloAsso"))->isEnabled());
}
