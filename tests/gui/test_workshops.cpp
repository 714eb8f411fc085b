#include "gui/common/datefield.h"
#include "gui/common/session.h"
#include "gui/trainees/productiontab.h"
#include "gui/trainees/traineedialog.h"
#include "gui/workshops/cataloguepage.h"
#include "gui/workshops/productionentrypage.h"
#include "gui/workshops/productionfigurespage.h"
#include "gui/workshops/productionlogpage.h"
#include "gui/workshops/teampage.h"
#include "gui/workshops/workshopspage.h"
#include "services/demogenerator.h"
#include "support/guidemo.h"
#include "support/testdatabase.h"
#include "support/viewcells.h"

#include <catch2/catch.hpp>
#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QLineEdit>
#include <QListWidget>
#include <QTableWidget>
#include <QTest>

using namespace etabli;

namespace {

const QDate kToday(2026, 11, 27);

using Demo = test::GuiDemo;

// Types on whatever has the keyboard focus, as a person would.
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* focus = QApplication::focusWidget();
    REQUIRE(focus != nullptr);
    QTest::keyClick(focus, key, modifiers);
}

void type(const QString& text)
{
    QWidget* focus = QApplication::focusWidget();
    REQUIRE(focus != nullptr);
    QTest::keyClicks(focus, text);
}

} // namespace

TEST_CASE("A trainer makes the day's entry with the keyboard only", "[gui][workshops]")
{
    Demo d("formateur.pneus");
    WorkshopsPage workshops(d.session);
    workshops.resize(1400, 900);
    workshops.show();
    workshops.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&workshops));
    ProductionEntryPage* page = workshops.entryPage();
    REQUIRE(workshops.currentWidget() == page);
    // Today and the trainer's own workshop come preselected.
    CHECK(page->findChild<QComboBox*>(QStringLiteral("entrySection"))->currentText() ==
          QStringLiteral("Pneus et services"));
    CHECK(page->findChild<DateField*>(QStringLiteral("entryDay"))->date() == kToday);
    CHECK(page->findChild<QComboBox*>(QStringLiteral("entryTrainer"))->currentText() ==
          QStringLiteral("Jean-Luc Perrin"));
    page->traineesTable()->setFocus();

    press(Qt::Key_R, Qt::AltModifier); // Référence
    type(QStringLiteral("KBD-001"));
    press(Qt::Key_E, Qt::AltModifier); // Jeunes
    QTableWidget* trainees = page->traineesTable();
    REQUIRE(QApplication::focusWidget() == trainees);
    REQUIRE(trainees->rowCount() >= 3);
    // Tick the first three trainees who are not absent today; the first works 3 h only.
    QList<qint64> ticked;
    for (int row = 0; row < trainees->rowCount() && ticked.size() < 3; ++row) {
        QTableWidgetItem* name = trainees->item(row, ProductionEntryPage::TraineeName);
        if (name->flags() & Qt::ItemIsUserCheckable) {
            press(Qt::Key_Space);
            REQUIRE(name->checkState() == Qt::Checked);
            ticked << name->data(Qt::UserRole).toLongLong();
            if (ticked.size() == 1) {
                press(Qt::Key_Right);
                type(QStringLiteral("3"));
                press(Qt::Key_Return);
                press(Qt::Key_Left);
            }
        }
        press(Qt::Key_Down);
    }
    REQUIRE(ticked.size() == 3);

    press(Qt::Key_C, Qt::AltModifier); // Article
    REQUIRE(QApplication::focusWidget() == page->articleField());
    type(QStringLiteral("MONT-EQ"));
    press(Qt::Key_Escape);
    press(Qt::Key_Q, Qt::AltModifier); // Quantité
    type(QStringLiteral("4"));
    press(Qt::Key_Return);
    press(Qt::Key_C, Qt::AltModifier);
    type(QStringLiteral("crevaison"));
    press(Qt::Key_Escape);
    press(Qt::Key_Q, Qt::AltModifier);
    type(QStringLiteral("1"));
    press(Qt::Key_Return);
    REQUIRE(page->outputsTable()->rowCount() == 2);
    CHECK(page->outputsTable()->item(1, 0)->text() == QStringLiteral("REP-CREV"));

    press(Qt::Key_M, Qt::AltModifier); // Compétences
    auto* skills = page->findChild<QListWidget*>(QStringLiteral("entrySkills"));
    REQUIRE(QApplication::focusWidget() == skills);
    if (!skills->currentIndex().isValid())
        press(Qt::Key_Down);
    press(Qt::Key_Space);
    CHECK(skills->currentItem()->checkState() == Qt::Checked);

    press(Qt::Key_S, Qt::ControlModifier);
    INFO(page->statusText().toStdString());
    REQUIRE(page->statusText().contains(QStringLiteral("Entrée enregistrée")));

    Database& db = d.session.database();
    const qint64 entry =
        test::rawScalar(db, QStringLiteral("SELECT id FROM production_entry WHERE reference = 'KBD-001'"))
            .toLongLong();
    REQUIRE(entry != 0);
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT day || '/' || author_login FROM production_entry WHERE id = %1")
                      .arg(entry))
              .toString() == QStringLiteral("2026-11-27/formateur.pneus"));
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT COUNT(*) FROM production_trainee WHERE entry_id = %1").arg(entry))
              .toInt() == 3);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT minutes FROM production_trainee WHERE entry_id = %1 AND "
                                             "trainee_id = %2")
                                  .arg(entry)
                                  .arg(ticked.first()))
              .toInt() == 180);
    CHECK(
        test::rawScalar(
            db, QStringLiteral("SELECT SUM(minutes) FROM production_trainee WHERE entry_id = %1").arg(entry))
            .toInt() == 180 + 210 + 210);
    CHECK(
        test::rawScalar(
            db, QStringLiteral("SELECT SUM(quantity_thousandths) FROM production_output WHERE entry_id = %1")
                    .arg(entry))
            .toLongLong() == 5000);
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT COUNT(*) FROM production_skill WHERE entry_id = %1").arg(entry))
              .toInt() == 1);
    // The form is blank again for the next entry.
    CHECK(page->outputsTable()->rowCount() == 0);

    // The entry shows in the log, and in the trainee's production tab.
    // (A hidden tab reloads when it is shown: open the log as the trainer would.)
    QCoreApplication::processEvents(); // the change notices of the save
    ProductionLogPage* log = workshops.logPage();
    workshops.setCurrentWidget(log);
    REQUIRE(test::rows(log->table()) > 0);
    CHECK(test::cell(log->table(), 0, 3) == QStringLiteral("KBD-001"));
    TraineeDialog record(d.session, ticked.first());
    auto* tab = record.findChild<ProductionTab*>();
    REQUIRE(tab != nullptr);
    QTableWidget* mine = tab->entries();
    REQUIRE(mine->rowCount() > 0);
    CHECK(mine->item(0, 2)->text() == QStringLiteral("KBD-001"));
    CHECK(mine->item(0, 5)->text() == QStringLiteral("MONT-EQ × 4, REP-CREV × 1"));
}

TEST_CASE("Refusals in the entry form say why and keep what was typed", "[gui][workshops]")
{
    Demo d("formateur.pneus");
    ProductionEntryPage page(d.session);
    page.show();
    QTableWidget* trainees = page.traineesTable();
    // Nothing ticked.
    page.findChild<QLineEdit*>(QStringLiteral("entryReference"))->setText(QStringLiteral("X-1"));
    CHECK_FALSE(page.save());
    CHECK(page.statusText().contains(QStringLiteral("Cochez")));
    // Hours that are not hours.
    int row = 0;
    while (!(trainees->item(row, ProductionEntryPage::TraineeName)->flags() & Qt::ItemIsUserCheckable))
        ++row;
    trainees->item(row, ProductionEntryPage::TraineeName)->setCheckState(Qt::Checked);
    trainees->item(row, ProductionEntryPage::TraineeHours)->setText(QStringLiteral("beaucoup"));
    CHECK_FALSE(page.save());
    CHECK(page.statusText().contains(QStringLiteral("durée")));
    trainees->item(row, ProductionEntryPage::TraineeHours)->setText(QStringLiteral("13"));
    CHECK_FALSE(page.save());
    CHECK(page.statusText().contains(QStringLiteral("12")));
    CHECK(page.findChild<QLineEdit*>(QStringLiteral("entryReference"))->text() == QStringLiteral("X-1"));
    CHECK(test::rawScalar(d.session.database(),
                          QStringLiteral("SELECT COUNT(*) FROM production_entry WHERE reference = 'X-1'"))
              .toInt() == 0);
}

TEST_CASE("The workshop figures, the log, the catalogue and the team on the demo", "[gui][workshops]")
{
    Demo d("direction");
    WorkshopsPage workshops(d.session);
    workshops.show();
    ProductionFiguresPage* figures = workshops.figuresPage();
    figures->setSection(0);
    figures->setPeriod(QDate(2026, 9, 1), kToday);
    CHECK(figures->view()->summaryText().contains(QStringLiteral("entrées")));
    CHECK(figures->view()->trainees()->rowCount() > 5);
    CHECK(figures->view()->outputs()->rowCount() > 3);
    CHECK(figures->view()->references()->rowCount() > 10);
    CHECK(figures->view()->skills()->rowCount() >= 10);
    ProductionLogPage* log = workshops.logPage();
    CHECK(log->totalCount() > ProductionLogPage::PageSize);
    CHECK(test::rows(log->table()) == ProductionLogPage::PageSize);
    CHECK(workshops.cataloguePage()->itemsTable()->rowCount() == 6);
    CHECK(workshops.cataloguePage()->skillsList()->count() == 6);
    CHECK(workshops.teamPage()->staffTable()->rowCount() == 8);
    CHECK(workshops.teamPage()->hoursTable()->rowCount() > 10);
}
