#include "gui/common/datefield.h"
#include "gui/common/messagebanner.h"
#include "gui/common/rowstablemodel.h"
#include "gui/reports/fundamentalspage.h"
#include "gui/trainees/attendancepage.h"
#include "gui/trainees/booklettab.h"
#include "gui/trainees/evaluationgridmodel.h"
#include "gui/trainees/frameworkspage.h"
#include "gui/trainees/frameworktreemodel.h"
#include "gui/trainees/learningpage.h"
#include "gui/trainees/traineedialog.h"
#include "support/guidemo.h"
#include "support/viewcells.h"

#include <catch2/catch.hpp>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScreen>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>

using namespace etabli;

namespace {

qint64 demoId(Database& db, const char* sql)
{
    return test::rawScalar(db, QString::fromUtf8(sql)).toLongLong();
}

// The tyre section's class map on the demo's CAP MV framework, all blocks shown.
void openTyresMap(test::GuiDemo& d, LearningPage& page)
{
    Database& db = d.session.database();
    page.show();
    QApplication::setActiveWindow(&page);
    page.showClass(demoId(db, "SELECT id FROM section WHERE name = 'Pneus et services'"),
                   demoId(db, "SELECT id FROM certification WHERE code = 'CAP MV'"), -1);
}

} // namespace

TEST_CASE("The class's heat map shows each trainee's latest level, a trainer types levels from the keyboard",
          "[gui][learning]")
{
    test::GuiDemo d("formateur.pneus");
    Database& db = d.session.database();
    const qint64 tyres = demoId(db, "SELECT id FROM section WHERE name = 'Pneus et services'");
    const qint64 cap = demoId(db, "SELECT id FROM certification WHERE code = 'CAP MV'");
    LearningPage page(d.session);
    openTyresMap(d, page); // all blocks: the class's map
    QTableView* table = page.table();
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    EvaluationGridModel* grid = page.grid();
    const int enrolled =
        test::rawScalar(db, QStringLiteral("SELECT count(*) FROM trainee WHERE section_id = %1 AND status = "
                                           "'enrolled'")
                                .arg(tyres))
            .toInt();
    REQUIRE(enrolled > 2);
    CHECK(grid->rowCount() == enrolled);
    CHECK(grid->columnCount() ==
          test::rawScalar(
              db, QStringLiteral("SELECT count(*) FROM competence WHERE certification_id = %1").arg(cap))
              .toInt());

    // Each cell is coloured by the latest evaluation in the database; the
    // heading counts those who have it.
    int checkedCells = 0;
    for (int c = 0; c < grid->columnCount(); ++c) {
        int acquired = 0;
        for (int r = 0; r < grid->rowCount(); ++r) {
            const QString latest =
                test::rawScalar(
                    db, QStringLiteral("SELECT level FROM competence_evaluation WHERE trainee_id = %1 "
                                       "AND competence_id = %2 ORDER BY day DESC, id DESC LIMIT 1")
                            .arg(grid->traineeAt(r))
                            .arg(grid->competenceAt(c)->id))
                    .toString();
            const auto level = fromCode<CompetenceLevel>(latest);
            CHECK(grid->index(r, c).data(Qt::BackgroundRole).value<QColor>() ==
                  EvaluationGridModel::colourOf(level));
            acquired += latest == QLatin1String("acquired") || latest == QLatin1String("mastered") ? 1 : 0;
            checkedCells += level ? 1 : 0;
        }
        CHECK(grid->headerData(c, Qt::Horizontal).toString() ==
              QStringLiteral("%1\n%2/%3").arg(grid->competenceAt(c)->code).arg(acquired).arg(enrolled));
    }
    CHECK(checkedCells > 0); // the demo evaluated them

    // One block: its competences only. The first trainee on its first competence.
    page.blockBox()->setCurrentIndex(page.blockBox()->findData(1));
    REQUIRE(grid->columnCount() > 1);
    CHECK(grid->competenceAt(0)->code.startsWith(QStringLiteral("C2.")));
    const qint64 first = grid->traineeAt(0);
    const qint64 c0 = grid->competenceAt(0)->id;
    const qint64 c1 = grid->competenceAt(1)->id;
    table->setFocus();
    table->setCurrentIndex(grid->index(0, 0));
    QTest::keyClick(table, Qt::Key_M); // maîtrisé; on to the next competence
    CHECK(table->currentIndex().column() == 1);
    QTest::keyClick(table, Qt::Key_1); // en cours d'acquisition
    CHECK(test::cell(table, 0, 0) == QStringLiteral("M"));
    CHECK(test::cell(table, 0, 1) == QStringLiteral("E"));
    CHECK(grid->index(0, 0).data(Qt::FontRole).value<QFont>().italic());
    CHECK(page.hasUnsavedChanges());
    // Delete takes the typing back on the second.
    table->setCurrentIndex(grid->index(0, 1));
    QTest::keyClick(table, Qt::Key_Delete);
    CHECK_FALSE(grid->pendingAt(0, 1));
    // Back on the first: its evidence proposed (the jobs since the last evaluation) and a comment.
    table->setCurrentIndex(grid->index(0, 0));
    const int proposed = page.evidence()->rowCount();
    const QList<qint64> ticked = grid->pendingAt(0, 0)->evidence;
    CHECK(page.evidence()->checkedIds() == ticked);
    CHECK(page.commentField()->isEnabled());
    QTest::keyClicks(page.commentField(), QStringLiteral("Seul, sans reprise."));
    REQUIRE(proposed > 0); // the demo's tyre trainees did jobs practising C2.1
    // The trainer keeps one job only as evidence.
    for (int r = 0; r < proposed; ++r)
        page.evidence()->setData(page.evidence()->index(r, 0), r == 0 ? Qt::Checked : Qt::Unchecked,
                                 Qt::CheckStateRole);
    REQUIRE(page.evidence()->checkedIds().size() == 1);
    CHECK(grid->pendingAt(0, 0)->evidence == page.evidence()->checkedIds());
    table->setFocus();
    QTest::keyClick(table, Qt::Key_S, Qt::ControlModifier);
    CHECK_FALSE(page.hasUnsavedChanges());
    CHECK(page.banner()->text().contains(QStringLiteral("1 évaluation")));

    const auto latest = [&](qint64 competence, const char* column) {
        return test::rawScalar(
                   db, QStringLiteral("SELECT %1 FROM competence_evaluation WHERE trainee_id = %2 AND "
                                      "competence_id = %3 ORDER BY day DESC, id DESC LIMIT 1")
                           .arg(QLatin1String(column))
                           .arg(first)
                           .arg(competence))
            .toString();
    };
    CHECK(latest(c0, "level") == QStringLiteral("mastered"));
    CHECK(latest(c0, "day") == test::kDemoToday.toString(Qt::ISODate));
    CHECK(latest(c0, "comment") == QStringLiteral("Seul, sans reprise."));
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT count(*) FROM evaluation_evidence WHERE evaluation_id = (SELECT "
                                 "max(id) FROM competence_evaluation)"))
              .toInt() == 1);
    CHECK((latest(c1, "level") != QStringLiteral("in_progress") || latest(c1, "day") != latest(c0, "day")));
    // The grid shows what was saved, not typed any more; the history names the trainer.
    table->setCurrentIndex(grid->index(0, 0));
    CHECK_FALSE(grid->index(0, 0).data(Qt::FontRole).value<QFont>().italic());
    CHECK(grid->index(0, 0).data(Qt::BackgroundRole).value<QColor>() ==
          EvaluationGridModel::colourOf(CompetenceLevel::Mastered));
    CHECK(page.historyLabel()->text().startsWith(
        QStringLiteral("%1 : maîtrisé").arg(test::kDemoToday.toString(QStringLiteral("dd/MM/yyyy")))));
    CHECK(page.historyLabel()->text().contains(QStringLiteral("Seul, sans reprise.")));

    // A day in the future is refused, nothing written.
    const int before =
        test::rawScalar(db, QStringLiteral("SELECT count(*) FROM competence_evaluation")).toInt();
    QTest::keyClick(table, Qt::Key_A);
    page.dayField()->setDate(test::kDemoToday.addDays(3));
    CHECK_FALSE(page.save());
    CHECK(page.banner()->kind() == MessageBanner::Kind::Error);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM competence_evaluation")).toInt() ==
          before);
    CHECK(page.hasUnsavedChanges()); // what was typed stays
}

TEST_CASE("The office reads the class's map and does not type, the record's booklet tab lists the levels",
          "[gui][learning]")
{
    test::GuiDemo d("secretariat");
    Database& db = d.session.database();
    LearningPage page(d.session);
    openTyresMap(d, page);
    REQUIRE(page.grid()->rowCount() > 0);
    page.table()->setFocus();
    page.table()->setCurrentIndex(page.grid()->index(0, 0));
    QTest::keyClick(page.table(), Qt::Key_A);
    CHECK_FALSE(page.hasUnsavedChanges());
    CHECK(page.banner()->kind() == MessageBanner::Kind::Warning);

    // The booklet tab of an evaluated trainee.
    const qint64 trainee = demoId(db, "SELECT trainee_id FROM competence_evaluation ORDER BY id LIMIT 1");
    MessageBanner banner;
    BookletTab tab(d.session, trainee, &banner);
    QTableView* rows = tab.table();
    QAbstractItemModelTester tester(rows->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(test::rows(rows) > 3);
    CHECK(test::cell(rows, 0, 0) == QStringLiteral("B1")); // a block's heading first
    QStringList levels;
    for (int r = 0; r < test::rows(rows); ++r)
        levels << test::cell(rows, r, 2);
    const QString stored =
        test::rawScalar(
            db, QStringLiteral("SELECT level FROM competence_evaluation WHERE trainee_id = %1 ORDER BY "
                               "day DESC, id DESC LIMIT 1")
                    .arg(trainee))
            .toString();
    CHECK(levels.contains(labelOf(*fromCode<CompetenceLevel>(stored))));
    CHECK(rows->model()->headerData(5, Qt::Horizontal).toString() ==
          QStringLiteral("Travaux (pour des clients)"));
    // In the record, the tab takes the room the screen has, like the production's.
    TraineeDialog record(d.session, trainee);
    record.show();
    REQUIRE(QTest::qWaitForWindowExposed(&record));
    for (int i = 0; i < record.tabs()->count(); ++i)
        if (record.tabs()->tabText(i).remove(QLatin1Char('&')) == QStringLiteral("Livret"))
            record.tabs()->setCurrentIndex(i);
    CHECK(record.tabs()->currentWidget()->findChild<QTableView*>(QStringLiteral("bookletTable")));
    CHECK(record.width() >= std::min(1200, record.screen()->availableGeometry().width() - 40));
}

TEST_CASE("The director loads a framework from a file, edits it and maps the workshop skills",
          "[gui][learning]")
{
    test::GuiDemo d("direction");
    Database& db = d.session.database();
    const qint64 cfg = demoId(db, "SELECT id FROM certification WHERE code <> 'CAP MV' AND code <> 'CAP "
                                  "métallier' AND active = 1 ORDER BY id LIMIT 1");
    REQUIRE(cfg != 0);
    FrameworksPage page(d.session);
    page.showCertification(cfg);
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(page.model()->rowCount() == 0);

    {
        FrameworkImportDialog dialog(d.session, cfg, QStringLiteral("CFG"), &page);
        // A code twice: refused whole, nothing loaded.
        CHECK_FALSE(dialog.load(QStringLiteral("bloc;code;compétence;critère\n"
                                               "B1 – Lire;L1;Lire un texte;\n"
                                               "B1 – Lire;L1;Lire une consigne;\n")
                                    .toUtf8()));
        CHECK_FALSE(dialog.importButton()->isEnabled());
        REQUIRE(dialog.load(QStringLiteral("bloc;code;compétence;critère\n"
                                           "B1 – Lire;L1;Lire un texte;Le sens est restitué\n"
                                           "B1 – Lire;L2;Lire une consigne;\n"
                                           "B2 – Compter;N1;Calculer une quantité;\n")
                                .toUtf8()));
        CHECK(dialog.table()->model()->rowCount() == 3);
        dialog.accept();
    }
    page.showCertification(cfg);
    REQUIRE(page.model()->rowCount() == 2);
    CHECK(page.model()->rowCount(page.model()->index(0, 0)) == 2);

    // A competence added to B2 by hand keeps what the file loaded.
    QList<CompetenceBlock> blocks = page.model()->framework().blocks;
    blocks[1].competences << Competence{0, QStringLiteral("N2"), QStringLiteral("Mesurer une longueur"), {}};
    REQUIRE(page.apply(blocks, QStringLiteral("ajoutée")));
    CHECK(page.model()->rowCount(page.model()->index(1, 0)) == 2);
    // A block code twice is refused, the framework unchanged.
    blocks = page.model()->framework().blocks;
    blocks << CompetenceBlock{0, QStringLiteral("B1"), QStringLiteral("Encore"), {}};
    auto twice = page.apply(blocks, QString());
    REQUIRE_FALSE(twice);
    CHECK(twice.error().message.contains(QStringLiteral("B1")));
    CHECK(page.model()->rowCount() == 2);

    // A workshop skill ticked on L1 is saved at once.
    const QModelIndex l1 = page.model()->indexOfCompetence(QStringLiteral("L1"));
    REQUIRE(l1.isValid());
    page.tree()->setCurrentIndex(l1);
    ChoiceListModel* skills = page.skills();
    REQUIRE(skills->rowCount() > 0);
    skills->setData(skills->index(0, 0), Qt::Checked, Qt::CheckStateRole);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT count(*) FROM skill_competence WHERE competence_id = %1")
                                  .arg(page.model()->competenceOf(l1)->id))
              .toInt() == 1);
    // The page reads the framework again (the change is announced): L1 stays chosen, its tick shown.
    QCoreApplication::processEvents();
    REQUIRE(page.model()->competenceOf(page.tree()->currentIndex()));
    CHECK(page.model()->competenceOf(page.tree()->currentIndex())->code == QStringLiteral("L1"));
    CHECK(skills->checkedIds().size() == 1);
    const QModelIndex shown = page.model()->indexOfCompetence(QStringLiteral("L1"));
    CHECK(page.model()->index(shown.row(), FrameworkTreeModel::Skills, shown.parent()).data().toString() ==
          QStringLiteral("1 compétence d'atelier"));
}

TEST_CASE("The register shows the class half-days of the timetable, the Fundamentals page weighs the year",
          "[gui][learning][fundamentals]")
{
    test::GuiDemo d("direction");
    Database& db = d.session.database();
    const qint64 tyres = demoId(db, "SELECT id FROM section WHERE name = 'Pneus et services'");
    AttendancePage register_(d.session);
    register_.showWeek(tyres, test::kDemoToday);
    const Timetable demo = register_.week().timetable;
    REQUIRE(demo.classSlots.size() == 3);
    QAbstractItemModel* columns = register_.table()->model();
    const int classSlot = demo.classSlots.first();
    CHECK(columns->headerData(classSlot, Qt::Horizontal).toString().endsWith(QStringLiteral("\ncours")));
    const int workshopSlot = classSlot == 0 ? 1 : 0;
    CHECK_FALSE(
        columns->headerData(workshopSlot, Qt::Horizontal).toString().contains(QStringLiteral("cours")));

    const auto inClass = [&db]() {
        return test::rawScalar(db, QStringLiteral("SELECT count(*) FROM attendance WHERE activity = 'class'"))
            .toInt();
    };
    const int before = inClass();
    REQUIRE(before > 0);
    // From this week on, that half-day is the workshop's: the half-days recorded since follow.
    Timetable fewer = demo;
    fewer.classSlots.removeAll(classSlot);
    REQUIRE(register_.setTimetable(fewer, register_.week().monday));
    CHECK_FALSE(columns->headerData(classSlot, Qt::Horizontal).toString().contains(QStringLiteral("cours")));
    CHECK(inClass() < before);

    FundamentalsPage page(d.session);
    page.showYear(2026);
    QAbstractItemModelTester figures(page.figures()->model(),
                                     QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester trainees(page.trainees()->model(),
                                      QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(test::rows(page.figures()) == 3);
    CHECK(test::cell(page.figures(), 0, 0) == QStringLiteral("Temps de présence en atelier"));
    // The share comes out of the register: workshop half-days of presence over all of them.
    const double workshop =
        test::rawScalar(
            db, QStringLiteral("SELECT count(*) FROM attendance WHERE code IN ('present', 'late') AND "
                               "activity = 'workshop' AND day >= '2026-09-01'"))
            .toDouble();
    const double present =
        test::rawScalar(
            db, QStringLiteral("SELECT count(*) FROM attendance WHERE code IN ('present', 'late') AND "
                               "day >= '2026-09-01'"))
            .toDouble();
    CHECK(test::cell(page.figures(), 0, 1) == IndicatorService::percent(workshop / present));
    CHECK(test::cell(page.figures(), 0, 2) == QStringLiteral("66,7 % au moins"));
    CHECK(test::rows(page.trainees()) > 10);
    // The director lowers the workshop target under the school's share: met.
    REQUIRE(page.saveTargets(FundamentalTargets{5000, 12, 6000}));
    CHECK(test::cell(page.figures(), 0, 2) == QStringLiteral("50,0 % au moins"));
    CHECK(test::cell(page.figures(), 0, 4) == QStringLiteral("oui"));
}
