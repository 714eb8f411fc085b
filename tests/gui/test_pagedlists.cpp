// Issue 19: every paged list is a model of typed rows read by keyset; the
// pager moves it a page at a time or to the page typed, and each model
// keeps Qt's model contract through every move.
#include "domain/schoolyear.h"
#include "gui/common/pagedlistmodel.h"
#include "gui/common/pager.h"
#include "gui/funding/budgetpage.h"
#include "gui/funding/donationspage.h"
#include "gui/sales/contactspage.h"
#include "gui/sales/invoicespage.h"
#include "gui/sales/orderspage.h"
#include "gui/sales/quotespage.h"
#include "gui/sales/tyrehotelpage.h"
#include "gui/workshops/productionlogpage.h"
#include "support/guidemo.h"
#include "support/testdatabase.h"
#include "support/viewcells.h"

#include <catch2/catch.hpp>
#include <memory>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

using namespace etabli;
using test::GuiDemo;

namespace {

// Walks a page's list to its end and back as a person does with the pager,
// the model checked by QAbstractItemModelTester all along.
void walk(PagedListPage& page, const QString& countSql, Database& db)
{
    PagedListModel* model = page.model();
    REQUIRE(model);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const qint64 expected = test::rawScalar(db, countSql).toLongLong();
    INFO(countSql.toStdString());
    REQUIRE(expected > PagedListModel::PageSize);
    QPushButton* forward = nullptr;
    QPushButton* back = nullptr;
    for (QPushButton* b : page.pager()->findChildren<QPushButton*>()) {
        if (b->text().contains(QStringLiteral("Suivantes")))
            forward = b;
        if (b->text().contains(QStringLiteral("Précédentes")))
            back = b;
    }
    REQUIRE(forward);
    REQUIRE(back);
    page.reload();
    CHECK_FALSE(back->isEnabled());
    QSet<qint64> seen;
    int pages = 0;
    for (;;) {
        for (int r = 0; r < model->rowCount(); ++r) {
            CHECK_FALSE(seen.contains(model->idAt(r)));
            seen.insert(model->idAt(r));
        }
        ++pages;
        if (!forward->isEnabled())
            break;
        QTest::mouseClick(forward, Qt::LeftButton);
    }
    CHECK(seen.size() == expected);
    CHECK(pages == (expected + PagedListModel::PageSize - 1) / PagedListModel::PageSize);
    CHECK(page.pager()->text().endsWith(QStringLiteral(" sur %1").arg(QLocale().toString(expected))));
    // Back one page: the rows before, the pager says where.
    const qint64 last = model->position();
    QTest::mouseClick(back, Qt::LeftButton);
    CHECK(model->position() == last - PagedListModel::PageSize);
    CHECK(model->rowCount() == PagedListModel::PageSize);
    // "Page" 2, typed then Enter.
    QSpinBox* field = page.pager()->pageField();
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, QStringLiteral("2"));
    QTest::keyClick(field, Qt::Key_Return);
    CHECK(model->position() == PagedListModel::PageSize);
    CHECK(page.pager()->text().startsWith(QStringLiteral("101 à ")));
}

} // namespace

TEST_CASE("Every paged list of the demo walks to its end and back through its pager, each row once",
          "[gui][paging]")
{
    GuiDemo d("direction");
    Database& db = d.session.database();
    {
        InvoicesPage page(d.session);
        walk(page, QStringLiteral("SELECT count(*) FROM invoice"), db);
    }
    {
        QuotesPage page(d.session);
        page.statusFilter()->setCurrentIndex(page.statusFilter()->count() - 1); // "Tous", the last choice
        walk(page, QStringLiteral("SELECT count(*) FROM quote"), db);
    }
    {
        OrdersPage page(d.session);
        page.statusFilter()->setCurrentIndex(page.statusFilter()->count() - 1); // "Tous"
        walk(page, QStringLiteral("SELECT count(*) FROM work_order"), db);
    }
    {
        ContactsPage page(d.session);
        walk(page, QStringLiteral("SELECT count(*) FROM contact"), db);
    }
    {
        DonationsPage page(d.session);
        walk(page, QStringLiteral("SELECT count(*) FROM donation"), db);
    }
    {
        BudgetEntriesList page(d.session);
        walk(page, QStringLiteral("SELECT count(*) FROM budget_entry"), db);
    }
    {
        ProductionLogPage page(d.session); // the school year so far, as it opens
        walk(page,
             QStringLiteral("SELECT count(*) FROM production_entry WHERE day >= '%1' AND day <= '%2'")
                 .arg(SchoolYear::containing(test::kDemoToday).firstDay().toString(Qt::ISODate),
                      test::kDemoToday.toString(Qt::ISODate)),
             db);
    }
    {
        TyreHotelPage page(d.session);
        page.stateFilter()->setCurrentIndex(page.stateFilter()->count() - 1);
        REQUIRE(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM tyre_set")).toInt() > 0);
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        page.reload();
        CHECK(page.model()->rowCount() ==
              test::rawScalar(db, QStringLiteral("SELECT count(*) FROM tyre_set")).toInt());
    }
}

TEST_CASE("A page past the list's end is refused in French and the page shown stays", "[gui][paging]")
{
    GuiDemo d("secretariat");
    InvoicesPage page(d.session);
    page.show();
    PagedListModel* model = page.model();
    const qint64 invoices =
        test::rawScalar(d.session.database(), QStringLiteral("SELECT count(*) FROM invoice")).toLongLong();
    REQUIRE(model->goToPage(3));
    const qint64 first = model->idAt(0);
    auto refused = model->goToPage(invoices / PagedListModel::PageSize + 2);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.startsWith(QStringLiteral("La liste s'arrête avant la page")));
    CHECK(model->idAt(0) == first);
    CHECK(model->position() == 2 * PagedListModel::PageSize);
}
