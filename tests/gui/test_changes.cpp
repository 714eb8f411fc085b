// Issue 18, item 2: no stale screens — a change committed anywhere reaches
// every open page that shows that kind of data, without a manual refresh.

#include "gui/common/session.h"
#include "gui/sales/customerchooser.h"
#include "gui/trainees/attendancepage.h"
#include "gui/workshops/productionentrypage.h"
#include "services/contactservice.h"
#include "services/orderservice.h"
#include "services/traineeservice.h"
#include "support/guidemo.h"
#include "support/viewcells.h"

#include <catch2/catch.hpp>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QStringListModel>
#include <QTableWidget>
#include <QTest>

using namespace etabli;
using test::GuiDemo;
using test::kDemoToday;

TEST_CASE("The pages hear of a change once it is committed, grouped, and only of its kind", "[gui][changes]")
{
    GuiDemo d("direction");
    QList<DataKinds> heard;
    QObject::connect(&d.session, &Session::dataChanged, [&heard](DataKinds kinds) { heard << kinds; });
    Contact c;
    c.name = QStringLiteral("Carrosserie Bourgeois");
    c.customer = true;
    ContactService contacts(d.session.database(), d.session.clock(), d.session.user());
    REQUIRE(contacts.add(c, true));
    REQUIRE(contacts.add(c, true));
    CHECK(heard.isEmpty()); // told after the action, not under the code that saves
    QCoreApplication::processEvents();
    REQUIRE(heard.size() == 1); // two commits, one reload
    CHECK(heard.first().testFlag(DataKind::Contacts));
    CHECK_FALSE(heard.first().testFlag(DataKind::Trainees));

    // A refused change tells nothing.
    heard.clear();
    Contact nameless;
    CHECK_FALSE(contacts.add(nameless, true));
    QCoreApplication::processEvents();
    CHECK(heard.isEmpty());
}

TEST_CASE("A work order made elsewhere is offered at once in the open day's entry",
          "[gui][changes][workshops]")
{
    GuiDemo d("direction");
    ProductionEntryPage page(d.session);
    page.show();
    auto* section = page.findChild<QComboBox*>(QStringLiteral("entrySection"));
    auto* orders = page.findChild<QComboBox*>(QStringLiteral("entryOrder"));
    REQUIRE(section);
    REQUIRE(orders);
    const int before = orders->count();
    WorkOrder o;
    o.contactId = test::rawScalar(d.session.database(),
                                  QStringLiteral("SELECT min(id) FROM contact WHERE is_customer = 1"))
                      .toLongLong();
    o.sectionId = section->currentData().toLongLong();
    o.description = QStringLiteral("Portail coulissant, reprise de soudure");
    o.dueDate = kDemoToday.addDays(10);
    InvoiceLine line;
    line.label = QStringLiteral("Soudure et peinture");
    line.unitPrice = Money::fromCents(18000);
    o.lines << line;
    auto saved = OrderService(d.session.database(), d.session.clock(), d.session.user()).saveOrder(o);
    REQUIRE(saved);
    QCoreApplication::processEvents();
    CHECK(orders->count() == before + 1);
    bool offered = false;
    for (int i = 0; i < orders->count(); ++i)
        offered = offered || orders->itemText(i).contains(QStringLiteral("Portail coulissant"));
    CHECK(offered);
}

TEST_CASE("A trainee enrolled elsewhere appears in the open register, marks not yet saved are kept",
          "[gui][changes][trainees]")
{
    GuiDemo d("direction");
    AttendancePage page(d.session);
    page.show();
    const qint64 sectionId =
        test::rawScalar(d.session.database(), QStringLiteral("SELECT min(id) FROM section")).toLongLong();
    page.showWeek(sectionId, kDemoToday);
    const int before = test::rows(page.table());
    REQUIRE(before > 0);

    Trainee t;
    t.lastName = QStringLiteral("Nouvel");
    t.firstName = QStringLiteral("Arrivant");
    t.birthDate = QDate(2010, 4, 2);
    t.sectionId = sectionId;
    t.cohortYear = 2026;
    t.studyYear = 1;
    t.status = TraineeStatus::Enrolled;
    t.entryDate = kDemoToday.addDays(-3);
    TraineeService trainees(d.session.database(), d.session.clock(), d.session.user());
    REQUIRE(trainees.create(t, true));
    QCoreApplication::processEvents();
    REQUIRE(test::rows(page.table()) == before + 1);
    QStringList names;
    for (int r = 0; r < test::rows(page.table()); ++r)
        names << page.table()->model()->headerData(r, Qt::Vertical).toString();
    CHECK(names.join(QLatin1Char('|')).contains(QStringLiteral("NOUVEL")));
}

TEST_CASE("A contact created elsewhere is found by the customer picker", "[gui][changes][sales]")
{
    GuiDemo d("direction");
    CustomerChooser chooser(d.session);
    chooser.show();
    Contact c;
    c.name = QStringLiteral("Menuiserie Vuillemot");
    c.city = QStringLiteral("Dole");
    c.customer = true;
    REQUIRE(ContactService(d.session.database(), d.session.clock(), d.session.user()).add(c, true));
    QCoreApplication::processEvents();
    auto* field = chooser.findChild<QLineEdit*>(QStringLiteral("customerField"));
    QTest::keyClicks(field, QStringLiteral("vuillemot"));
    auto* model = qobject_cast<QStringListModel*>(field->completer()->model());
    REQUIRE(model);
    CHECK(model->stringList().join(QLatin1Char('|')).contains(QStringLiteral("Menuiserie Vuillemot")));
}
