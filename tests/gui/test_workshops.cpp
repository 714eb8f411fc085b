#include "gui/common/datefield.h"
#include "gui/common/rowstablemodel.h"
#include "gui/common/session.h"
#include "gui/trainees/productiontab.h"
#include "gui/trainees/traineedialog.h"
#include "gui/workshops/cataloguepage.h"
#include "gui/workshops/productionentrymodels.h"
#include "gui/workshops/productionentrypage.h"
#include "gui/workshops/productionfigurespage.h"
#include "gui/workshops/productionlogpage.h"
#include "gui/workshops/teampage.h"
#include "gui/workshops/workshopspage.h"
#include "services/demogenerator.h"
#include "support/guidemo.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "support/viewcells.h"

#include <catch2/catch.hpp>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDate>
#include <QLineEdit>
#include <QListView>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace etabli;

namespace {

using etabli::test::kToday;

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
    REQUIRE(QApplication::focusWidget() == page->traineesTable());
    EntryTraineesModel* trainees = page->traineesModel();
    QAbstractItemModelTester traineesTester(trainees, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester outputsTester(page->outputsModel(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester skillsTester(page->skillsModel(),
                                          QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(trainees->rowCount() >= 3);
    // Tick the first three trainees who are not absent today; the first works 3 h only.
    QList<qint64> ticked;
    for (int row = 0; row < trainees->rowCount() && ticked.size() < 3; ++row) {
        const QModelIndex name = trainees->index(row, EntryTraineesModel::Name);
        if (trainees->flags(name) & Qt::ItemIsUserCheckable) {
            press(Qt::Key_Space);
            REQUIRE(name.data(Qt::CheckStateRole).toInt() == Qt::Checked);
            ticked << trainees->rowAt(row).traineeId;
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
    REQUIRE(page->outputsModel()->rowCount() == 2);
    CHECK(test::cell(page->outputsTable(), 1, EntryOutputsModel::Code) == QStringLiteral("REP-CREV"));

    press(Qt::Key_M, Qt::AltModifier); // Compétences
    auto* skills = page->findChild<QListView*>(QStringLiteral("entrySkills"));
    REQUIRE(QApplication::focusWidget() == skills);
    if (!skills->currentIndex().isValid())
        press(Qt::Key_Down);
    press(Qt::Key_Space);
    CHECK(skills->currentIndex().data(Qt::CheckStateRole).toInt() == Qt::Checked);
    CHECK(page->skillsModel()->checkedIds().size() == 1);

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
    CHECK(page->outputsModel()->rowCount() == 0);
    CHECK(trainees->tickedCount() == 0);

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
    QTableView* mine = tab->entries();
    QAbstractItemModelTester tester(mine->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(test::rows(mine) > 0);
    CHECK(test::cell(mine, 0, 2) == QStringLiteral("KBD-001"));
    CHECK(test::cell(mine, 0, 5) == QStringLiteral("MONT-EQ × 4, REP-CREV × 1"));
}

TEST_CASE("Refusals in the entry form say why and keep what was typed", "[gui][workshops]")
{
    Demo d("formateur.pneus");
    ProductionEntryPage page(d.session);
    page.show();
    EntryTraineesModel* trainees = page.traineesModel();
    QAbstractItemModelTester tester(trainees, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // Nothing ticked.
    page.findChild<QLineEdit*>(QStringLiteral("entryReference"))->setText(QStringLiteral("X-1"));
    CHECK_FALSE(page.save());
    CHECK(page.statusText().contains(QStringLiteral("Cochez")));
    // Hours that are not hours.
    int row = 0;
    while (!(trainees->flags(trainees->index(row, EntryTraineesModel::Name)) & Qt::ItemIsUserCheckable))
        ++row;
    REQUIRE(
        trainees->setData(trainees->index(row, EntryTraineesModel::Name), Qt::Checked, Qt::CheckStateRole));
    // Ticking gives the section's half-day.
    CHECK(trainees->index(row, EntryTraineesModel::Hours).data().toString() == QStringLiteral("3 h 30"));
    REQUIRE(trainees->setData(trainees->index(row, EntryTraineesModel::Hours), QStringLiteral("beaucoup")));
    CHECK_FALSE(page.save());
    CHECK(page.statusText().contains(QStringLiteral("durée")));
    CHECK(page.traineesTable()->currentIndex() == trainees->index(row, EntryTraineesModel::Hours));
    REQUIRE(trainees->setData(trainees->index(row, EntryTraineesModel::Hours), QStringLiteral("13")));
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
    CHECK(test::rows(figures->view()->trainees()) > 5);
    CHECK(test::rows(figures->view()->outputs()) > 3);
    CHECK(test::rows(figures->view()->references()) > 10);
    CHECK(test::rows(figures->view()->skills()) >= 10);
    // Both workshops have a skill called "Ranger et nettoyer le poste": each says whose it is.
    QStringList upkeep;
    for (int r = 0; r < test::rows(figures->view()->skills()); ++r) {
        const QString skill = test::cell(figures->view()->skills(), r, 0);
        if (skill.startsWith(QStringLiteral("Ranger et nettoyer le poste")))
            upkeep << skill;
    }
    CHECK(upkeep == QStringList{QStringLiteral("Ranger et nettoyer le poste (Métallerie)"),
                                QStringLiteral("Ranger et nettoyer le poste (Pneus et services)")});
    // One workshop: its skills by their names alone.
    figures->setSection(test::rawScalar(d.session.database(),
                                        QStringLiteral("SELECT id FROM section WHERE name = 'Métallerie'"))
                            .toLongLong());
    bool plain = false;
    for (int r = 0; r < test::rows(figures->view()->skills()); ++r)
        plain = plain ||
                test::cell(figures->view()->skills(), r, 0) == QStringLiteral("Ranger et nettoyer le poste");
    CHECK(plain);
    figures->setSection(0);
    QAbstractItemModelTester figuresTester(figures->view()->references()->model(),
                                           QAbstractItemModelTester::FailureReportingMode::Fatal);
    ProductionLogPage* log = workshops.logPage();
    CHECK(log->totalCount() > ProductionLogPage::PageSize);
    CHECK(test::rows(log->table()) == ProductionLogPage::PageSize);
    CHECK(test::rows(workshops.cataloguePage()->itemsTable()) == 6);
    CHECK(workshops.cataloguePage()->skillsList()->model()->rowCount() == 6);
    QAbstractItemModelTester staff(workshops.teamPage()->staffTable()->model(),
                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(test::rows(workshops.teamPage()->staffTable()) == 8);
    CHECK(test::rows(workshops.teamPage()->hoursTable()) > 10);
    QAbstractItemModelTester catalogue(workshops.cataloguePage()->itemsTable()->model(),
                                       QAbstractItemModelTester::FailureReportingMode::Fatal);
}

TEST_CASE("A past entry opens for correction with its trainees, lines and materials", "[gui][workshops]")
{
    Demo d("direction");
    ProductionEntryPage page(d.session);
    page.show();
    Database& db = d.session.database();
    // The demo's latest entry of the tyre workshop with outputs that served
    // no work order (a closed order's entries are not changed).
    const qint64 id =
        test::rawScalar(db, QStringLiteral("SELECT e.id FROM production_entry e JOIN section s ON s.id = "
                                           "e.section_id WHERE s.name = 'Pneus et services' AND "
                                           "e.order_id IS NULL AND EXISTS (SELECT 1 FROM "
                                           "production_output o WHERE o.entry_id = e.id) ORDER BY "
                                           "e.day DESC, e.id DESC LIMIT 1"))
            .toLongLong();
    REQUIRE(id != 0);
    page.setConfirmation([](const QString&) { return true; });
    page.openEntry(id);
    QAbstractItemModelTester traineesTester(page.traineesModel(),
                                            QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester materialsTester(page.materialsModel(),
                                             QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(page.currentEntryId() == id);
    CHECK(page.traineesModel()->tickedCount() ==
          test::rawScalar(
              db, QStringLiteral("SELECT COUNT(*) FROM production_trainee WHERE entry_id = %1").arg(id))
              .toInt());
    CHECK(page.outputsModel()->rowCount() ==
          test::rawScalar(
              db, QStringLiteral("SELECT COUNT(*) FROM production_output WHERE entry_id = %1").arg(id))
              .toInt());
    EntryMaterialsModel* materials = page.materialsModel();
    const int before =
        test::rawScalar(
            db, QStringLiteral("SELECT COUNT(*) FROM production_material WHERE entry_id = %1").arg(id))
            .toInt();
    REQUIRE(materials->rowCount() == before);

    // A material whose cost cannot be read: refused, the cursor on the cell, nothing written.
    const int row = materials->append({});
    REQUIRE(materials->setData(materials->index(row, EntryMaterialsModel::Label), QStringLiteral("Valve")));
    REQUIRE(materials->setData(materials->index(row, EntryMaterialsModel::Quantity), QStringLiteral("4")));
    REQUIRE(materials->setData(materials->index(row, EntryMaterialsModel::UnitCost),
                               QStringLiteral("deux euros")));
    CHECK_FALSE(page.save());
    CHECK(page.statusText().contains(QStringLiteral("Valve")));
    CHECK(page.findChild<QTableView*>(QStringLiteral("entryMaterials"))->currentIndex() ==
          materials->index(row, EntryMaterialsModel::UnitCost));
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT COUNT(*) FROM production_material WHERE entry_id = %1").arg(id))
              .toInt() == before);
    // Corrected, the entry is saved with the new material.
    REQUIRE(materials->setData(materials->index(row, EntryMaterialsModel::UnitCost), QStringLiteral("2,50")));
    REQUIRE(page.save());
    CHECK(test::rawScalar(db, QStringLiteral("SELECT quantity_thousandths || '/' || unit_cost_cents FROM "
                                             "production_material WHERE entry_id = %1 AND label = 'Valve'")
                                  .arg(id))
              .toString() == QStringLiteral("4000/250"));

    // The other workshop's trainer sees it read-only: the tables refuse edits.
    d.session.setUser(
        test::logIn(d.session.database(), QStringLiteral("formateur.metal"), DemoGenerator::demoPassword()));
    ProductionEntryPage other(d.session);
    other.openEntry(id);
    CHECK_FALSE(other.statusText().isEmpty());
    REQUIRE(other.traineesModel()->rowCount() > 0);
    CHECK_FALSE(other.materialsModel()->setData(other.materialsModel()->index(0, EntryMaterialsModel::Label),
                                                QStringLiteral("Autre")));
    CHECK_FALSE(other.traineesModel()->setData(other.traineesModel()->index(0, EntryTraineesModel::Name),
                                               Qt::Unchecked, Qt::CheckStateRole));
}
