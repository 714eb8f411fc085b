#include "gui/common/formdialog.h"
#include "gui/dashboard/dashboardpage.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/funding/budgetpage.h"
#include "gui/funding/donationspage.h"
#include "gui/funding/fundingdashboard.h"
#include "gui/funding/fundinglists.h"
#include "gui/funding/fundingpage.h"
#include "gui/funding/subsidiespage.h"
#include "gui/funding/yearcombo.h"
#include "services/demogenerator.h"
#include "support/guidemo.h"
#include "support/testdatabase.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTableWidget>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace etabli;

namespace {

const QDate kToday(2026, 11, 27);

using Demo = test::GuiDemo;

void chooseYear(YearCombo* combo, int startYear)
{
    for (int i = 0; i < combo->count(); ++i)
        if (combo->itemData(i).toList().value(0).toInt() == startYear)
            combo->setCurrentIndex(i);
    REQUIRE(combo->startYear() == startYear);
}

} // namespace

TEST_CASE("The director sees where the year stands: charts, forecast against actual, subsidies, members", "[gui][funding]")
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
    CHECK(dashboard->categoriesTable()->rowCount() >= 12);
    CHECK(dashboard->categoriesTable()->item(0, 0)->text() == QStringLiteral("Ventes de la production"));
    CHECK(dashboard->deadlines()->count() >= 1);

    page.setCurrentWidget(page.subsidiesPage());
    CHECK(page.subsidiesPage()->table()->rowCount() >= 35); // four funders over ten years
    CHECK(page.subsidiesPage()->pipelineText().contains(QStringLiteral("Compte rendu envoyé")));
    CHECK(page.donationsPage()->totalCount() > 300);
    CHECK(page.membersPage()->table()->rowCount() == 38);
    CHECK(page.membersPage()->countText().contains(QStringLiteral("cotisation")));
    CHECK(page.yearsPage()->table()->rowCount() == 10);
    CHECK(page.apprenticeshipTaxPage()->table()->rowCount() >= 1);
    BudgetPage* budget = page.budgetPage();
    CHECK(budget->entries()->totalCount() > 100);
    CHECK(budget->forecastTable()->rowCount() >= 14);

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
        auto* day = dialog->findChild<QDateEdit*>();
        REQUIRE(day);
        day->setDate(QDate(2025, 3, 3)); // the demo closed 2025
        for (QLineEdit* f : fields) {
            if (f->placeholderText() == QStringLiteral("0,00 €"))
                f->setText(QStringLiteral("120,00"));
            else if (f->placeholderText().isEmpty() && f->text().isEmpty() && !f->parent()->inherits("etabli::CustomerChooser"))
                f->setText(QStringLiteral("Électrodes"));
        }
        dialog->accept();
        message = dialog->banner()->text();
        dialog->reject();
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
    CHECK(page.subsidiesPage()->table()->rowCount() == 0);
    CHECK(page.dashboard()->report().totalResources.isZero());
    DashboardPage home(d.session);
    CHECK(home.findChild<QLabel*>(QStringLiteral("fundingSummary"))->isHidden());
}
