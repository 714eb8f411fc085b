#include "gui/common/datefield.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/sales/contactspage.h"
#include "gui/sales/invoicespage.h"
#include "gui/sales/orderspage.h"
#include "gui/trainees/absencespage.h"
#include "gui/trainees/attendancepage.h"
#include "gui/trainees/coursetab.h"
#include "gui/trainees/followuppage.h"
#include "gui/trainees/importdialog.h"
#include "gui/trainees/outcometab.h"
#include "gui/trainees/traineedialog.h"
#include "gui/trainees/traineelistmodel.h"
#include "gui/trainees/traineespage.h"
#include "services/attendanceservice.h"
#include "services/demogenerator.h"
#include "services/traineeservice.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "support/viewcells.h"

#include <catch2/catch.hpp>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QDate>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>

using namespace etabli;

namespace {

using etabli::test::kToday;

struct TraineesDemo
{
    test::TestDatabase t;
    Session session;

    // The federation without its production log: the log is benchmarked at
    // scale (tests/bench).
    explicit TraineesDemo(const char* login = "direction",
                          DemoGenerator::Scale scale = DemoGenerator::Scale::School)
        : t("sqlite",
            scale == DemoGenerator::Scale::School ? test::DemoSpec::school() : test::DemoSpec::federation())
    {
        auto db = t.reopen();
        REQUIRE(db);
        session.setClock(std::make_unique<FixedClock>(QDateTime(kToday, QTime(9, 0), Qt::UTC)));
        session.setDatabase(std::move(*db));
        session.setUser(
            test::logIn(session.database(), QString::fromLatin1(login), DemoGenerator::demoPassword()));
    }
};

} // namespace

TEST_CASE("The trainees' list searches as you type, accents ignored, and sorts in SQL", "[gui][trainees]")
{
    TraineesDemo d;
    TraineesPage page(d.session);
    page.show();
    TraineeListModel* model = page.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const qint64 all = model->totalCount();
    CHECK(all > 100);
    CHECK(page.countText() == QStringLiteral("%1 jeunes").arg(all));

    QTest::keyClicks(page.searchField(), QStringLiteral("Cedric"));
    QTRY_VERIFY_WITH_TIMEOUT(model->totalCount() < all, 2000);
    REQUIRE(model->rowCount() > 0);
    for (int r = 0; r < model->rowCount(); ++r)
        CHECK(model->data(model->index(r, TraineeListModel::Name))
                  .toString()
                  .contains(QStringLiteral("Cédric")));

    page.searchField()->clear();
    page.applyFilter();
    auto* status = page.findChild<QComboBox*>(QStringLiteral("statusFilter"));
    status->setCurrentIndex(status->findData(static_cast<int>(TraineeStatus::Enrolled)));
    const qint64 enrolled = model->totalCount();
    CHECK(enrolled ==
          test::rawScalar(d.session.database(),
                          QStringLiteral("SELECT count(*) FROM trainee WHERE status = 'enrolled'"))
              .toLongLong());
    // Click the "Entry" header: sorted by entry date, in SQL.
    auto* view = page.findChild<QTableView*>(QStringLiteral("traineesView"));
    view->sortByColumn(TraineeListModel::EntryDate, Qt::DescendingOrder);
    CHECK(model->filter().sort == TraineeFilter::Sort::EntryDate);
    CHECK_FALSE(model->filter().ascending);
    CHECK(model->totalCount() == enrolled);
}

TEST_CASE("The lists open on the federation demo without fetching every row", "[gui][trainees][sales]")
{
    TraineesDemo d("direction", DemoGenerator::Scale::Federation);
    TraineesPage page(d.session);
    page.show();
    CHECK(page.model()->totalCount() > 4000);
    CHECK(page.model()->rowCount() == PagedListModel::PageSize);
    CHECK(page.model()->canFetchMore({}));

    // The sales lists read one page: the count comes from SQL, not from the rows.
    const qint64 invoices =
        test::rawScalar(d.session.database(), QStringLiteral("SELECT COUNT(*) FROM invoice")).toLongLong();
    REQUIRE(invoices > 2 * PagedListPage::PageSize);
    InvoicesPage invoicesPage(d.session);
    CHECK(invoicesPage.totalCount() == invoices);
    CHECK(test::rows(invoicesPage.table()) == PagedListPage::PageSize);
    OrdersPage orders(d.session);
    orders.statusFilter()->setCurrentIndex(orders.statusFilter()->count() -
                                           1); // "Tous", the last choice, not only the open ones
    CHECK(orders.totalCount() ==
          test::rawScalar(d.session.database(), QStringLiteral("SELECT COUNT(*) FROM work_order"))
              .toLongLong());
    CHECK(test::rows(orders.table()) == PagedListPage::PageSize);
    ContactsPage contacts(d.session);
    CHECK(contacts.totalCount() > 2 * PagedListPage::PageSize);
    CHECK(test::rows(contacts.table()) <= PagedListPage::PageSize);
    // Searching a customer narrows the count in SQL.
    const QString name =
        test::rawScalar(
            d.session.database(),
            QStringLiteral("SELECT customer_name FROM invoice WHERE status = 'issued' ORDER BY id "
                           "LIMIT 1"))
            .toString();
    invoicesPage.searchField()->setText(name);
    QTRY_VERIFY_WITH_TIMEOUT(invoicesPage.totalCount() < invoices, 2000);
    CHECK(invoicesPage.totalCount() > 0);
}

TEST_CASE("A trainer sees only the trainees of their section", "[gui][trainees]")
{
    TraineesDemo d("formateur.metal");
    TraineesPage page(d.session);
    page.show();
    TraineeListModel* model = page.model();
    REQUIRE(model->rowCount() > 0);
    for (int r = 0; r < model->rowCount(); ++r) {
        CHECK(model->data(model->index(r, TraineeListModel::Section)).toString() ==
              QStringLiteral("Métallerie"));
        CHECK(model->data(model->index(r, TraineeListModel::BirthDate)).toString().isEmpty());
    }
    for (QPushButton* b : page.findChildren<QPushButton*>()) {
        if (b->text().contains(QStringLiteral("Nouveau")))
            CHECK_FALSE(b->isVisible());
    }
}

TEST_CASE("A new trainee is entered in the record dialog, an unusual age is confirmed", "[gui][trainees]")
{
    TraineesDemo d("secretariat");
    TraineeDialog dialog(d.session, 0);
    dialog.show();
    bool asked = false;
    dialog.setConfirmation([&asked](const QString& question) {
        asked = question.contains(QStringLiteral("ans à l'entrée"));
        return true;
    });
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("lastName")), QStringLiteral("Perrin"));
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("firstName")), QStringLiteral("Tom"));
    dialog.findChild<DateField*>(QStringLiteral("birthDate"))->setDate(QDate(2013, 5, 2));
    auto* status = dialog.findChild<QComboBox*>(QStringLiteral("status"));
    status->setCurrentIndex(status->findData(static_cast<int>(TraineeStatus::Enrolled)));
    dialog.findChild<DateField*>(QStringLiteral("entryDate"))->setDate(QDate(2026, 11, 23));
    REQUIRE(dialog.saveIdentity());
    CHECK(asked);
    REQUIRE(dialog.traineeId() > 0);
    CHECK(test::rawScalar(d.session.database(),
                          QStringLiteral("SELECT status FROM trainee WHERE id = %1").arg(dialog.traineeId()))
              .toString() == QStringLiteral("enrolled"));

    // The same person a second time is refused, with the reason shown.
    TraineeDialog twin(d.session, 0);
    twin.setConfirmation([](const QString&) { return true; });
    QTest::keyClicks(twin.findChild<QLineEdit*>(QStringLiteral("lastName")), QStringLiteral("PERRIN"));
    QTest::keyClicks(twin.findChild<QLineEdit*>(QStringLiteral("firstName")), QStringLiteral("tom"));
    twin.findChild<DateField*>(QStringLiteral("birthDate"))->setDate(QDate(2013, 5, 2));
    CHECK_FALSE(twin.saveIdentity());
    CHECK(twin.banner()->text().contains(QStringLiteral("a déjà un dossier")));
}

TEST_CASE("Follow-up notes are added from the record, for the office only", "[gui][trainees]")
{
    TraineesDemo d("secretariat");
    const qint64 id = test::rawScalar(d.session.database(),
                                      QStringLiteral("SELECT min(id) FROM trainee WHERE status = 'enrolled'"))
                          .toLongLong();
    TraineeDialog dialog(d.session, id);
    dialog.show();
    QStringList tabs;
    for (int i = 0; i < dialog.tabs()->count(); ++i)
        tabs << dialog.tabs()->tabText(i).remove(QLatin1Char('&'));
    CHECK(tabs == QStringList{QStringLiteral("Identité"), QStringLiteral("Responsables"),
                              QStringLiteral("Parcours"), QStringLiteral("Présences"),
                              QStringLiteral("Devenir"), QStringLiteral("Production"),
                              QStringLiteral("Livret"), QStringLiteral("Suivi")});
    QTest::keyClicks(dialog.findChild<QPlainTextEdit*>(QStringLiteral("newNote")),
                     QStringLiteral("Entretien avec la famille."));
    QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("addNote")), Qt::LeftButton);
    CHECK(test::rawScalar(d.session.database(),
                          QStringLiteral("SELECT body FROM follow_up_note WHERE trainee_id = %1").arg(id))
              .toString() == QStringLiteral("Entretien avec la famille."));

    TraineesDemo trainerDemo("formateur.pneus");
    const qint64 own =
        test::rawScalar(trainerDemo.session.database(),
                        QStringLiteral("SELECT min(t.id) FROM trainee t JOIN section s ON s.id = "
                                       "t.section_id WHERE s.name = 'Pneus et services' AND status = "
                                       "'enrolled'"))
            .toLongLong();
    TraineeDialog trainerView(trainerDemo.session, own);
    QStringList trainerTabs;
    for (int i = 0; i < trainerView.tabs()->count(); ++i)
        trainerTabs << trainerView.tabs()->tabText(i).remove(QLatin1Char('&'));
    CHECK_FALSE(trainerTabs.contains(QStringLiteral("Suivi")));
    CHECK_FALSE(trainerTabs.contains(QStringLiteral("Responsables")));
}

TEST_CASE("A trainer fills the weekly register with the keyboard", "[gui][attendance]")
{
    TraineesDemo d("formateur.pneus");
    AttendancePage page(d.session);
    page.show();
    QApplication::setActiveWindow(&page);
    const qint64 section =
        test::rawScalar(d.session.database(),
                        QStringLiteral("SELECT id FROM section WHERE name = 'Pneus et services'"))
            .toLongLong();
    // The week after the demo's, filled on its Saturday: nothing recorded yet.
    d.session.setClock(std::make_unique<FixedClock>(QDateTime(kToday.addDays(8), QTime(10, 0), Qt::UTC)));
    page.showWeek(section, kToday.addDays(7));
    QTableView* table = page.table();
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(test::rows(table) > 2);
    const qint64 first = page.week().trainees.at(0).traineeId;
    const qint64 second = page.week().trainees.at(1).traineeId;
    const qint64 third = page.week().trainees.at(2).traineeId;

    const auto at = [table](int row, int column) { return table->model()->index(row, column); };
    table->setFocus();
    table->setCurrentIndex(at(0, 0));
    QTest::keyClick(table, Qt::Key_P);                    // Monday morning: present
    QTest::keyClick(table, Qt::Key_R);                    // Monday afternoon: late
    QTest::keyClick(table, Qt::Key_A, Qt::ShiftModifier); // Tuesday: unexcused, whole day
    CHECK(table->currentIndex().row() == 1);
    table->setCurrentIndex(at(1, 0));
    QTest::keyClick(table, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier); // whole week present
    table->setCurrentIndex(at(2, 4));
    QTest::keyClick(table, Qt::Key_J);
    QTest::keyClick(table, Qt::Key_Right);
    QTest::keyClick(table, Qt::Key_Delete); // an empty cell: stays empty
    CHECK(test::cell(table, 0, 0) == QStringLiteral("P"));
    CHECK(test::cell(table, 0, 2) == QStringLiteral("A"));
    CHECK(at(0, 0).data(Qt::FontRole).value<QFont>().italic()); // typed, not saved yet
    CHECK(page.hasUnsavedChanges());
    QTest::keyClick(table, Qt::Key_S, Qt::ControlModifier);
    CHECK_FALSE(page.hasUnsavedChanges());
    // Saved, and read again once the change is announced: the trainer is still on the half-day they were.
    QCoreApplication::processEvents();
    CHECK(table->currentIndex().row() == 2);
    CHECK(table->currentIndex().column() == 7); // Delete moved on too

    const auto code = [&d](qint64 id, const QDate& day, const char* half) {
        return test::rawScalar(d.session.database(),
                               QStringLiteral("SELECT code FROM attendance WHERE trainee_id = "
                                              "%1 AND day = '%2' AND half = '%3'")
                                   .arg(id)
                                   .arg(day.toString(Qt::ISODate), QString::fromLatin1(half)))
            .toString();
    };
    const QDate monday = page.week().monday;
    CHECK(code(first, monday, "am") == QStringLiteral("present"));
    CHECK(code(first, monday, "pm") == QStringLiteral("late"));
    CHECK(code(first, monday.addDays(1), "am") == QStringLiteral("unexcused"));
    CHECK(code(first, monday.addDays(1), "pm") == QStringLiteral("unexcused"));
    CHECK(test::rawScalar(
              d.session.database(),
              QStringLiteral("SELECT count(*) FROM attendance WHERE trainee_id = %1 AND day BETWEEN '%2' "
                             "AND '%3' AND code = 'present'")
                  .arg(second)
                  .arg(monday.toString(Qt::ISODate), monday.addDays(4).toString(Qt::ISODate)))
              .toInt() == 10);
    CHECK(code(third, monday.addDays(2), "am") == QStringLiteral("excused"));
    CHECK(code(third, monday.addDays(1), "pm").isEmpty());
    // The save left its audit row, by the trainer.
    CHECK(test::rawScalar(d.session.database(),
                          QStringLiteral("SELECT user_login FROM audit_log WHERE entity = "
                                         "'attendance' ORDER BY id DESC LIMIT 1"))
              .toString() == QStringLiteral("formateur.pneus"));
}

TEST_CASE("The register refuses a presence ahead of time, takes a planned absence", "[gui][attendance]")
{
    TraineesDemo d("formateur.pneus"); // Friday 27 November, 9:00
    AttendancePage page(d.session);
    page.show();
    QApplication::setActiveWindow(&page);
    const qint64 section =
        test::rawScalar(d.session.database(),
                        QStringLiteral("SELECT id FROM section WHERE name = 'Pneus et services'"))
            .toLongLong();
    page.showWeek(section, kToday.addDays(7));
    QTableView* table = page.table();
    const auto at = [table](int row, int column) { return table->model()->index(row, column); };
    REQUIRE(test::rows(table) > 0);
    table->setFocus();
    table->setCurrentIndex(at(0, 0));
    QTest::keyClick(table, Qt::Key_P);
    CHECK(test::cell(table, 0, 0).isEmpty());
    CHECK_FALSE(page.hasUnsavedChanges());
    CHECK(page.banner()->text().contains(QStringLiteral("absence prévue")));
    CHECK(page.banner()->text().contains(QStringLiteral("30/11/2026")));
    table->setCurrentIndex(at(0, 0));
    QTest::keyClick(table, Qt::Key_J); // a medical appointment, known ahead
    CHECK(test::cell(table, 0, 0) == QStringLiteral("J"));
    CHECK(page.hasUnsavedChanges());
    REQUIRE(page.save());

    // This afternoon, at 9:00, is still to come; this morning is not.
    page.showWeek(section, kToday);
    const int friday = 8; // Friday morning; 9 is its afternoon
    table->setCurrentIndex(at(0, friday + 1));
    QTest::keyClick(table, Qt::Key_P);
    CHECK_FALSE(page.hasUnsavedChanges());
    table->setCurrentIndex(at(0, friday));
    QTest::keyClick(table, Qt::Key_R);
    CHECK(test::cell(table, 0, friday) == QStringLiteral("R"));
}

TEST_CASE("The course and outcome tabs record internships, certifications and outcomes", "[gui][career]")
{
    TraineesDemo d("secretariat");
    Database& db = d.session.database();
    const qint64 left =
        test::rawScalar(db, QStringLiteral("SELECT min(id) FROM trainee WHERE status = 'left' AND "
                                           "exit_date > '2025-01-01'"))
            .toLongLong();
    TraineeDialog dialog(d.session, left);
    dialog.show();
    auto* course = dialog.findChild<CourseTab*>();
    REQUIRE(course);
    const qint64 host =
        test::rawScalar(db, QStringLiteral("SELECT min(id) FROM contact WHERE is_host = 1")).toLongLong();
    Internship i;
    i.traineeId = left;
    i.organisationId = host;
    i.start = QDate(2025, 3, 2);
    i.end = QDate(2025, 3, 13);
    i.tutor = QStringLiteral("M. Girod");
    REQUIRE(course->addInternship(i));
    auto* table = dialog.findChild<QTableView*>(QStringLiteral("internships"));
    bool shown = false;
    for (int r = 0; r < test::rows(table); ++r)
        shown = shown || test::cell(table, r, 3) == QStringLiteral("M. Girod");
    CHECK(shown);

    auto* outcome = dialog.findChild<OutcomeTab*>();
    REQUIRE(outcome);
    QComboBox* m12 = outcome->situation(2);
    REQUIRE(m12->isEnabled());
    m12->setCurrentIndex(m12->findData(static_cast<int>(OutcomeSituation::Cdi)));
    REQUIRE(outcome->save());
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT situation FROM outcome WHERE trainee_id = %1 AND milestone = "
                                 "'m12'")
                      .arg(left))
              .toString() == QStringLiteral("cdi"));
}

TEST_CASE("The follow-up list shows the contacts due", "[gui][career]")
{
    TraineesDemo d("direction");
    FollowUpPage page(d.session);
    page.show();
    REQUIRE_FALSE(page.due().isEmpty());
    for (const FollowUpDue& due : page.due())
        CHECK(due.dueDate <= kToday);
    QAbstractItemModelTester tester(page.table()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(test::rows(page.table()) == page.due().size());
    CHECK(test::cell(page.table(), 0, 0) == page.due().first().name);
    // A contact past its day is in red, with its delay on hover; one due today is not.
    const QAbstractItemModel* model = page.table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const FollowUpDue& due = page.due().at(row);
        const QModelIndex day = model->index(row, 4);
        const bool late = due.dueDate < kToday;
        CHECK((day.data(Qt::ForegroundRole).value<QColor>() == QColor(180, 30, 30)) == late);
        if (late)
            CHECK(day.data(Qt::ToolTipRole)
                      .toString()
                      .startsWith(QStringLiteral("En retard : à faire depuis le %1")
                                      .arg(due.dueDate.toString(QStringLiteral("dd/MM/yyyy")))));
    }
}

TEST_CASE("The import dialog previews each line and imports on request", "[gui][import]")
{
    TraineesDemo d("secretariat");
    ImportDialog dialog(d.session);
    dialog.show();
    const QByteArray bytes = QByteArray("nom;prénom;date de naissance;section;date d'entrée\r\n"
                                        "Zanetti;Yanis;03/03/2009;Métallerie;01/09/2025\r\n"
                                        "Midol;Sarah;xx/03/2009;Métallerie;01/09/2025\r\n");
    REQUIRE(dialog.load(bytes));
    CHECK(test::rows(dialog.table()) == 2);
    CHECK(test::cell(dialog.table(), 1, 4).contains(QStringLiteral("n'est pas une date")));
    CHECK(dialog.summary().contains(QStringLiteral("1 refusée")));
    auto* import = dialog.findChildren<QPushButton*>().last();
    CHECK_FALSE(import->isEnabled());
    dialog.skipInvalid()->setChecked(true);
    CHECK(import->isEnabled());
    dialog.accept();
    CHECK(dialog.imported() == 1);
    CHECK(
        test::rawScalar(d.session.database(), QStringLiteral("SELECT count(*) FROM trainee WHERE last_name = "
                                                             "'Zanetti' AND first_name = 'Yanis'"))
            .toInt() == 1);
    CHECK_FALSE(dialog.load(QByteArray("pas de colonnes utiles\r\nx\r\n")));
}

TEST_CASE("The absences page shows the section's rate and the runs of unexcused half-days",
          "[gui][attendance]")
{
    TraineesDemo d("direction");
    AbsencesPage page(d.session);
    page.show();
    page.setPeriod(QDate(2026, 9, 1), kToday);
    CHECK(page.rateText().startsWith(QStringLiteral("Taux de présence de la section")));
    CHECK(page.rateText().contains(QStringLiteral("%")));
    CHECK(test::rows(page.rates()) > 5);
    // The demo has trainees who drifted away: their runs are listed, by the data.
    const qint64 expected = [&]() {
        auto runs = AttendanceService(d.session.database(), d.session.clock(), d.session.user())
                        .unexcusedRuns(page.findChild<QComboBox*>()->currentData().toLongLong(),
                                       QDate(2026, 9, 1), kToday);
        REQUIRE(runs);
        return runs->size();
    }();
    CHECK(test::rows(page.runs()) == expected);
}

TEST_CASE("A trainee who comes back: the record lists the stays the reports count",
          "[gui][trainees][reports]")
{
    TraineesDemo d("secretariat");
    Database& db = d.session.database();
    const qint64 left =
        test::rawScalar(db, QStringLiteral("SELECT min(id) FROM trainee WHERE status = 'left' AND "
                                           "exit_date > '2025-01-01' AND exit_date < '2026-06-01'"))
            .toLongLong();
    REQUIRE(left != 0);
    TraineeService service(db, d.session.clock(), d.session.user());
    auto t = service.get(left);
    REQUIRE(t);
    t->status = TraineeStatus::Enrolled;
    t->exitDate = QDate();
    t->exitReason = ExitReason::None;
    REQUIRE(service.update(*t, true));
    auto stays = service.stays(left);
    REQUIRE(stays);
    REQUIRE(stays->size() == 2);
    CHECK(stays->at(1).kind == StayKind::Return);
    CHECK(stays->at(1).start == kToday);

    TraineeDialog dialog(d.session, left);
    auto* label = dialog.findChild<QLabel*>(QStringLiteral("stays"));
    REQUIRE(label);
    CHECK_FALSE(label->isHidden());
    CHECK(label->text().contains(
        QStringLiteral("Revenu le %1").arg(kToday.toString(QStringLiteral("dd/MM/yyyy")))));
    CHECK(label->text().contains(QStringLiteral("toujours là")));
}
