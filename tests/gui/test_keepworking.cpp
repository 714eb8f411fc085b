// Issue 18, items 5 and 6: create then keep working, and the keyboard of
// the editing dialogs and lists (Ctrl+S, Esc, Down, Enter, Ctrl+F).

#include "gui/common/editingdialog.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/sales/contactdialog.h"
#include "gui/sales/contactspage.h"
#include "gui/sales/invoicedialog.h"
#include "gui/sales/orderdialog.h"
#include "gui/sales/quotedialog.h"
#include "gui/shell/mainwindow.h"
#include "gui/trainees/coursetab.h"
#include "gui/trainees/traineedialog.h"
#include "gui/trainees/traineespage.h"
#include "gui/workshops/cataloguepage.h"
#include "services/orderservice.h"
#include "support/guidemo.h"
#include "support/guidialogs.h"
#include "support/keyboard.h"
#include "support/viewcells.h"
#include "util/appsettings.h"

#include <catch2/catch.hpp>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>

using namespace etabli;
using test::GuiDemo;
using test::kDemoToday;
using test::onNextDialog;
using test::typeInto;

namespace {

void activate(QWidget* window)
{
    window->show();
    window->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(window));
}

// The answer given to the next "not saved" question, and whether it came.
struct DiscardQuestion
{
    bool asked = false;
    QPointer<QTimer> waiting;
    ~DiscardQuestion() { delete waiting.data(); }
    explicit DiscardQuestion(bool throwAway)
    {
        waiting = onNextDialog<QMessageBox>([this, throwAway](QMessageBox* box) {
            asked = box->objectName() == QLatin1String("discardChanges");
            for (QAbstractButton* b : box->buttons())
                if ((box->buttonRole(b) == QMessageBox::DestructiveRole) == throwAway)
                    return b->click();
        });
    }
};

qint64 countOf(Database& db, const QString& sql)
{
    return test::rawScalar(db, sql).toLongLong();
}

} // namespace

TEST_CASE("A new trainee saved with Ctrl+S stays open with its tabs, and is selected in the list",
          "[gui][keyboard][keepworking]")
{
    GuiDemo d("secretariat");
    TraineesPage page(d.session);
    page.show();
    bool stayedOpen = false;
    bool tabsOpen = false;
    bool guardianAdded = false;
    qint64 createdId = 0;
    onNextDialog<TraineeDialog>([&](TraineeDialog* dialog) {
        activate(dialog);
        typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("lastName")), QStringLiteral("Zanetti"));
        typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("firstName")), QStringLiteral("Lea"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_S, Qt::ControlModifier);
        stayedOpen = dialog->isVisible();
        createdId = dialog->traineeId();
        tabsOpen = dialog->findChild<CourseTab*>() != nullptr;
        for (int i = 0; i < dialog->tabs()->count(); ++i)
            tabsOpen = tabsOpen && dialog->tabs()->isTabEnabled(i);
        // A guardian at once.
        onNextDialog<FormDialog>([&](FormDialog* guardian) {
            activate(guardian);
            const auto fields = guardian->findChildren<QLineEdit*>();
            typeInto(fields.at(0), QStringLiteral("Zanetti"));
            typeInto(fields.at(1), QStringLiteral("Marc"));
            guardian->saveButton()->click();
            guardianAdded = !guardian->isVisible();
            if (!guardianAdded) {
                UNSCOPED_INFO(guardian->banner()->text().toStdString());
                test::closeThrowingAway(guardian);
            }
        });
        for (QPushButton* b : dialog->findChildren<QPushButton*>())
            if (b->text() == QStringLiteral("&Ajouter un responsable…"))
                b->click();
        // Nothing typed since the save: Esc closes without asking.
        DiscardQuestion question(true);
        QTest::keyClick(dialog, Qt::Key_Escape);
        CHECK_FALSE(question.asked);
        CHECK_FALSE(dialog->isVisible());
    });
    for (QPushButton* b : page.findChildren<QPushButton*>())
        if (b->text().startsWith(QStringLiteral("&Nouveau")) ||
            b->text().startsWith(QStringLiteral("Nouveau")))
            b->click();
    CHECK(stayedOpen);
    CHECK(tabsOpen);
    CHECK(guardianAdded);
    REQUIRE(createdId != 0);
    CHECK(countOf(d.session.database(),
                  QStringLiteral("SELECT count(*) FROM guardian WHERE trainee_id = %1").arg(createdId)) == 1);
    auto* view = page.findChild<QTableView*>();
    REQUIRE(view);
    const QModelIndex current = view->currentIndex();
    REQUIRE(current.isValid());
    CHECK(view->model()
              ->index(current.row(), 0)
              .data()
              .toString()
              .contains(QStringLiteral("ZANETTI"), Qt::CaseInsensitive));
}

TEST_CASE("Esc on a trainee's record asks before throwing away what was typed", "[gui][keyboard]")
{
    GuiDemo d("secretariat");
    Database& db = d.session.database();
    const qint64 id = countOf(db, QStringLiteral("SELECT min(id) FROM trainee WHERE status = 'enrolled'"));
    const QString before =
        test::rawScalar(db, QStringLiteral("SELECT last_name FROM trainee WHERE id = %1").arg(id)).toString();
    TraineeDialog dialog(d.session, id);
    activate(&dialog);
    auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("lastName"));
    typeInto(name, QStringLiteral("Renamed"));
    {
        DiscardQuestion back(false); // "Revenir au formulaire"
        QTest::keyClick(name, Qt::Key_Escape);
        CHECK(back.asked);
    }
    CHECK(dialog.isVisible());
    CHECK(name->text() == QStringLiteral("Renamed"));
    {
        DiscardQuestion away(true);
        QTest::keyClick(name, Qt::Key_Escape);
        CHECK(away.asked);
    }
    CHECK_FALSE(dialog.isVisible());
    CHECK(test::rawScalar(db, QStringLiteral("SELECT last_name FROM trainee WHERE id = %1").arg(id))
              .toString() == before);
}

TEST_CASE("Ctrl+S saves a work order and Esc then closes it without a question", "[gui][keyboard]")
{
    GuiDemo d("secretariat");
    Database& db = d.session.database();
    const qint64 id = countOf(db, QStringLiteral("SELECT min(id) FROM work_order WHERE status = 'todo'"));
    REQUIRE(id != 0);
    OrderDialog dialog(d.session, id);
    activate(&dialog);
    QLineEdit* description = nullptr;
    for (QLineEdit* f : dialog.findChildren<QLineEdit*>())
        if (f->objectName() != QLatin1String("linesArticle") && f->isEnabled() && !f->isReadOnly() &&
            !f->parent()->inherits("etabli::CustomerChooser") && !f->inherits("etabli::DateField") &&
            !qobject_cast<QComboBox*>(f->parent()) && !description)
            description = f;
    REQUIRE(description);
    typeInto(description, QStringLiteral("Portail coulissant, reprise des gonds"));
    QTest::keyClick(description, Qt::Key_S, Qt::ControlModifier);
    CHECK(test::rawScalar(db, QStringLiteral("SELECT description FROM work_order WHERE id = %1").arg(id))
              .toString() == QStringLiteral("Portail coulissant, reprise des gonds"));
    DiscardQuestion question(true);
    QTest::keyClick(description, Qt::Key_Escape);
    CHECK_FALSE(question.asked);
    CHECK_FALSE(dialog.isVisible());
}

TEST_CASE("A new contact stays open for its vehicles, which can be changed", "[gui][keepworking]")
{
    GuiDemo d("secretariat");
    Database& db = d.session.database();
    ContactDialog dialog(d.session, 0);
    activate(&dialog);
    typeInto(dialog.nameField(), QStringLiteral("Perrin"));
    QTest::keyClick(dialog.nameField(), Qt::Key_S, Qt::ControlModifier);
    REQUIRE(dialog.contactId() != 0);
    CHECK(dialog.isVisible());
    CHECK(dialog.bannerText().contains(QStringLiteral("Perrin")));
    auto* vehicles = dialog.findChild<QListWidget*>();
    REQUIRE(vehicles);
    CHECK(vehicles->parentWidget()->isEnabled());

    onNextDialog<FormDialog>([](FormDialog* v) {
        const auto fields = v->findChildren<QLineEdit*>();
        typeInto(fields.at(0), QStringLiteral("ab123cd"));
        typeInto(fields.at(1), QStringLiteral("Peugeot"));
        v->accept();
    });
    for (QPushButton* b : dialog.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Ajouter un &véhicule…"))
            b->click();
    REQUIRE(vehicles->count() == 1);

    // Enter on the vehicle opens it to change it.
    onNextDialog<FormDialog>([](FormDialog* v) {
        const auto fields = v->findChildren<QLineEdit*>();
        CHECK(fields.at(0)->text() == QStringLiteral("AB-123-CD"));
        typeInto(fields.at(2), QStringLiteral("308"));
        v->accept();
    });
    vehicles->setFocus();
    vehicles->setCurrentRow(0);
    QTest::keyClick(vehicles, Qt::Key_Return);
    CHECK(vehicles->item(0)->text().contains(QStringLiteral("Peugeot 308")));
    CHECK(countOf(db, QStringLiteral("SELECT count(*) FROM vehicle WHERE contact_id = %1")
                          .arg(dialog.contactId())) == 1);
}

TEST_CASE("After accepting a quote and invoicing the order, a button opens the result", "[gui][keepworking]")
{
    GuiDemo d("secretariat");
    Database& db = d.session.database();
    const qint64 quoteId =
        countOf(db, QStringLiteral("SELECT min(id) FROM quote WHERE status = 'sent' AND section_id IS NOT "
                                   "NULL AND valid_until >= '2026-11-27'"));
    REQUIRE(quoteId != 0);
    QuoteDialog quote(d.session, quoteId);
    quote.setConfirmation([](const QString&) { return true; });
    quote.show();
    auto* banner = quote.findChild<MessageBanner*>();
    const qint64 accepted = quote.accept(kDemoToday.addDays(14));
    INFO(banner->text().toStdString());
    REQUIRE(accepted != 0);
    REQUIRE(banner->actionButton()->isVisibleTo(&quote));
    qint64 openedOrder = 0;
    onNextDialog<OrderDialog>([&](OrderDialog* order) {
        openedOrder = order->orderId();
        order->reject();
    });
    banner->actionButton()->click();
    CHECK(openedOrder ==
          countOf(db, QStringLiteral("SELECT id FROM work_order WHERE quote_id = %1").arg(quoteId)));

    // A finished work order, invoiced: the invoice opens from the message.
    const qint64 done = openedOrder;
    OrderService orders(db, d.session.clock(), d.session.user());
    REQUIRE(orders.setOrderStatus(done, WorkOrderStatus::InProgress));
    REQUIRE(orders.setOrderStatus(done, WorkOrderStatus::Done));
    OrderDialog order(d.session, done);
    order.setConfirmation([](const QString&) { return true; });
    order.show();
    auto* orderBanner = order.findChild<MessageBanner*>();
    const bool invoiced = order.invoice();
    INFO(orderBanner->text().toStdString());
    REQUIRE(invoiced);
    qint64 openedInvoice = 0;
    onNextDialog<InvoiceDialog>([&](InvoiceDialog* invoice) {
        openedInvoice = invoice->invoiceId();
        invoice->reject();
    });
    orderBanner->actionButton()->click();
    CHECK(openedInvoice != 0);
    CHECK(openedInvoice ==
          countOf(db, QStringLiteral("SELECT invoice_id FROM work_order WHERE id = %1").arg(done)));
}

TEST_CASE("Internships and certifications are changed in place, a registration has no result date",
          "[gui][keepworking][career]")
{
    GuiDemo d("secretariat");
    Database& db = d.session.database();
    const qint64 trainee = countOf(db, QStringLiteral("SELECT min(trainee_id) FROM internship"));
    REQUIRE(trainee != 0);
    TraineeDialog dialog(d.session, trainee);
    dialog.show();
    auto* table = dialog.findChild<QTableView*>(QStringLiteral("internships"));
    REQUIRE(test::rows(table) > 0);
    bool privateHost = false;
    onNextDialog<FormDialog>([&](FormDialog* edit) {
        auto* host = edit->findChild<QComboBox*>(QStringLiteral("host"));
        for (int i = 0; i < host->count(); ++i)
            privateHost =
                privateHost || countOf(db, QStringLiteral("SELECT person FROM contact WHERE id = %1")
                                               .arg(host->itemData(i).toLongLong())) != 0;
        typeInto(edit->findChildren<QLineEdit*>().at(1), QStringLiteral("Mme Vuillet"));
        edit->accept();
    });
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTest::keyClick(table, Qt::Key_Return);
    CHECK_FALSE(privateHost);
    CHECK(countOf(db, QStringLiteral("SELECT count(*) FROM internship WHERE trainee_id = %1 AND tutor = "
                                     "'Mme Vuillet'")
                          .arg(trainee)) == 1);

    bool dateHidden = false;
    onNextDialog<FormDialog>([&](FormDialog* edit) {
        auto* result = edit->findChild<QComboBox*>(QStringLiteral("result"));
        result->setCurrentIndex(result->findData(static_cast<int>(CertificationResult::Registered)));
        auto* date = edit->findChild<QWidget*>(QStringLiteral("resultDate"));
        dateHidden = !date->isVisibleTo(edit);
        edit->findChild<QSpinBox*>(QStringLiteral("sessionYear"))->setValue(2031);
        edit->accept();
    });
    for (QPushButton* b : dialog.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Ajouter une &certification…"))
            b->click();
    CHECK(dateHidden);
    CHECK(countOf(db, QStringLiteral("SELECT count(*) FROM trainee_certification WHERE trainee_id = %1 AND "
                                     "session_year = 2031 AND result = 'registered' AND result_date IS NULL")
                          .arg(trainee)) == 1);
}

TEST_CASE("Down goes from a list's search into its results, Enter opens the row, Ctrl+F comes back",
          "[gui][keyboard]")
{
    GuiDemo d("secretariat");
    AppSettings settings(QDir(d.t.dir()).filePath(QStringLiteral("settings.ini")));
    MainWindow window(d.session, settings);
    activate(&window);
    window.showPage(MainWindow::SalesPageIndex);
    auto* contacts = window.findChild<ContactsPage*>();
    REQUIRE(contacts);
    auto* tabs = qobject_cast<QTabWidget*>(contacts->parentWidget()->parentWidget());
    REQUIRE(tabs);
    tabs->setCurrentWidget(contacts);
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    auto* search = contacts->findChild<QLineEdit*>(QStringLiteral("contactSearch"));
    CHECK(QApplication::focusWidget() == search);
    QTest::keyClicks(search, QStringLiteral("region"));
    QTest::qWait(300); // the search runs 200 ms after the last key
    auto* table = contacts->findChild<QTableView*>(QStringLiteral("contactsTable"));
    REQUIRE(table);
    REQUIRE(table->model()->rowCount() > 0);
    QTest::keyClick(search, Qt::Key_Down);
    CHECK(QApplication::focusWidget() == table);
    CHECK(table->currentIndex().row() == 0);
    QString opened;
    onNextDialog<ContactDialog>([&opened](ContactDialog* dialog) {
        opened = dialog->windowTitle();
        dialog->reject();
    });
    QTest::keyClick(table, Qt::Key_Return);
    CHECK(opened.contains(QStringLiteral("Région"), Qt::CaseInsensitive));
}

TEST_CASE("A catalogue item typed wrong stays in its dialog with the message, then saves",
          "[gui][keepworking][workshops]")
{
    GuiDemo d("direction");
    Database& db = d.session.database();
    CataloguePage page(d.session);
    page.show();
    const qint64 before = countOf(db, QStringLiteral("SELECT count(*) FROM catalogue_item"));
    QString problem;
    bool stillOpen = false;
    onNextDialog<FormDialog>([&](FormDialog* dialog) {
        const auto fields = dialog->findChildren<QLineEdit*>();
        typeInto(fields.at(0), QStringLiteral("SOUD-TEST"));
        typeInto(fields.at(1), QStringLiteral("Soudure d'essai"));
        typeInto(fields.at(2), QStringLiteral("douze euros"));
        dialog->accept();
        stillOpen = dialog->isVisible();
        problem = dialog->banner()->text();
        typeInto(fields.at(2), QStringLiteral("12,50"));
        dialog->accept();
    });
    for (QPushButton* b : page.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("&Ajouter un article…"))
            b->click();
    CHECK(stillOpen);
    CHECK_FALSE(problem.isEmpty());
    CHECK(countOf(db, QStringLiteral("SELECT count(*) FROM catalogue_item")) == before + 1);
    CHECK(countOf(db, QStringLiteral(
                          "SELECT unit_price_cents FROM catalogue_item WHERE code = 'SOUD-TEST'")) == 1250);
}

TEST_CASE("The school year of entry reads 2026-2027 as in the lists, and takes 2025 typed",
          "[gui][keepworking][rollover]")
{
    GuiDemo d("secretariat");
    TraineeDialog dialog(d.session, 0);
    activate(&dialog);
    auto* cohort = dialog.findChild<QSpinBox*>(QStringLiteral("cohort"));
    REQUIRE(cohort);
    CHECK(cohort->text() == QStringLiteral("2026-2027"));
    cohort->setFocus();
    cohort->selectAll();
    QTest::keyClicks(cohort, QStringLiteral("2025"));
    QTest::keyClick(cohort, Qt::Key_Tab);
    CHECK(cohort->value() == 2025);
    CHECK(cohort->text() == QStringLiteral("2025-2026"));
    test::closeThrowingAway(&dialog);
}

TEST_CASE("At the rentrée, Passage en 2e année moves the ticked first-years in one confirmed action",
          "[gui][rollover]")
{
    GuiDemo d("secretariat");
    d.session.setClock(std::make_unique<FixedClock>(QDateTime(QDate(2027, 9, 6), QTime(9, 0), Qt::UTC)));
    Database& db = d.session.database();
    const QString firstYears = QStringLiteral(
        "SELECT count(*) FROM trainee WHERE status = 'enrolled' AND study_year = 1 AND cohort_year < 2027");
    const qint64 before = countOf(db, firstYears);
    REQUIRE(before >= 2);
    TraineesPage page(d.session);
    page.show();
    int listed = 0;
    onNextDialog<FormDialog>([&](FormDialog* dialog) {
        auto* list = dialog->findChild<QListWidget*>(QStringLiteral("secondYearList"));
        listed = list->count();
        list->item(0)->setCheckState(Qt::Unchecked); // a repeat
        dialog->accept();
    });
    page.findChild<QPushButton*>(QStringLiteral("secondYear"))->click();
    CHECK(listed == before);
    CHECK(countOf(db, firstYears) == 1);
    CHECK(page.findChild<MessageBanner*>()->text() ==
          QStringLiteral("%1 jeunes passés en 2e année.").arg(before - 1));
}
