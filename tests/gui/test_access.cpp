#include "gui/access/idlewatcher.h"
#include "gui/access/logindialog.h"
#include "gui/access/personaldatapage.h"
#include "gui/access/userspage.h"
#include "gui/audit/auditmodel.h"
#include "gui/audit/auditpage.h"
#include "gui/common/messagebanner.h"
#include "gui/common/pagedlistmodel.h"
#include "gui/common/session.h"
#include "gui/sales/quotespage.h"
#include "gui/sales/salespage.h"
#include "gui/settings/settingspage.h"
#include "gui/shell/databaseactions.h"
#include "gui/shell/mainwindow.h"
#include "gui/trainees/traineespage.h"
#include "gui/workshops/workshopspage.h"
#include "services/authservice.h"
#include "services/demogenerator.h"
#include "services/schoolservice.h"
#include "support/guidialogs.h"
#include "support/testdatabase.h"
#include "support/viewcells.h"
#include "util/appsettings.h"

#include <catch2/catch.hpp>
#include <functional>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace etabli;

namespace {

using test::onNextDialog;

void typeAndAccept(LoginDialog* dialog, const QString& login, const QString& password)
{
    auto* loginEdit = dialog->findChild<QLineEdit*>(QStringLiteral("login"));
    auto* passwordEdit = dialog->findChild<QLineEdit*>(QStringLiteral("password"));
    loginEdit->setText(login);
    passwordEdit->setText(password);
    dialog->accept();
}

struct Demo
{
    test::TestDatabase t;
    AppSettings settings;
    Session session;

    Demo()
        : t("sqlite", test::DemoSpec::school()),
          settings(QDir(t.dir()).filePath(QStringLiteral("settings.ini")))
    {
        auto db = t.reopen();
        REQUIRE(db);
        session.setDatabase(std::move(*db));
    }

    void logIn(const char* login)
    {
        session.setUser(
            test::logIn(session.database(), QString::fromLatin1(login), DemoGenerator::demoPassword()));
    }
};

} // namespace

TEST_CASE("The login dialog refuses a wrong password and lets the right one in", "[gui][access]")
{
    Demo d;
    AuthService auth(d.session.database(), d.session.clock());
    LoginDialog dialog(QStringLiteral("Juralternance"),
                       [&auth](const QString& l, const QString& p) { return auth.login(l, p); });
    dialog.show();
    CHECK(dialog.windowTitle() == QStringLiteral("Connexion — Établi"));
    auto* login = dialog.findChild<QLineEdit*>(QStringLiteral("login"));
    auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("password"));
    QTest::keyClicks(login, QStringLiteral("secretariat"));
    QTest::keyClicks(password, QStringLiteral("pas-le-bon"));
    QTest::keyClick(password, Qt::Key_Return);
    CHECK(dialog.isVisible());
    CHECK(dialog.errorText() == QStringLiteral("Identifiant ou mot de passe incorrect."));
    CHECK(password->text().isEmpty());
    QTest::keyClicks(password, DemoGenerator::demoPassword());
    QTest::keyClick(password, Qt::Key_Return);
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.user().login == QStringLiteral("secretariat"));
    CHECK(dialog.user().role == Role::Secretariat);
}

TEST_CASE("The demo database's login shows the demo accounts, another does not", "[gui][access]")
{
    Demo d;
    bool hintShown = false;
    onNextDialog<LoginDialog>([&hintShown](LoginDialog* dialog) {
        auto* hint = dialog->findChild<QLabel*>(QStringLiteral("demoHint"));
        hintShown = hint->isVisible() && hint->text().contains(QStringLiteral("etabli-demo-2026"));
        typeAndAccept(dialog, QStringLiteral("lecture"), DemoGenerator::demoPassword());
    });
    auto user = DatabaseActions::askLogIn(nullptr, d.session.database(), d.session.clock());
    REQUIRE(user);
    CHECK(user->role == Role::Lecture);
    CHECK(hintShown);

    test::TestDatabase plain;
    test::createSchool(plain.db());
    bool plainHint = true;
    onNextDialog<LoginDialog>([&plainHint](LoginDialog* dialog) {
        plainHint = dialog->findChild<QLabel*>(QStringLiteral("demoHint"))->isVisible();
        dialog->reject();
    });
    CHECK_FALSE(DatabaseActions::askLogIn(nullptr, plain.db(), d.session.clock()));
    CHECK_FALSE(plainHint);
}

TEST_CASE("The session locks when idle and unlocks with the password", "[gui][access]")
{
    Demo d;
    d.logIn("direction");
    MainWindow window(d.session, d.settings);
    window.show();
    bool sawLocked = false;
    onNextDialog<LoginDialog>([&](LoginDialog* dialog) {
        sawLocked = window.isLocked() && !window.centralWidget()->isVisible();
        CHECK(dialog->windowTitle() == QStringLiteral("Session verrouillée — Établi"));
        // The same person comes back; a wrong password first.
        typeAndAccept(dialog, QStringLiteral("direction"), QStringLiteral("mauvais-mot-de-passe"));
        CHECK(dialog->isVisible());
        typeAndAccept(dialog, QStringLiteral("direction"), DemoGenerator::demoPassword());
    });
    window.idleWatcher()->setTimeoutMs(50);
    QTRY_VERIFY_WITH_TIMEOUT(sawLocked, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), 5000);
    window.idleWatcher()->setTimeoutMs(0);
    CHECK(window.centralWidget()->isVisible());
    CHECK(d.session.user().login == QStringLiteral("direction"));

    // Another person may take over the computer: Ctrl+L, then their login.
    onNextDialog<LoginDialog>([](LoginDialog* dialog) {
        typeAndAccept(dialog, QStringLiteral("formateur.metal"), DemoGenerator::demoPassword());
    });
    QApplication::setActiveWindow(&window);
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(d.session.user().login == QStringLiteral("formateur.metal"), 5000);
    CHECK(window.statusText().contains(QStringLiteral("Franck Jacquot (formateur)")));
    // A trainer sees neither the accounts nor the log of changes.
    CHECK_FALSE(window.settingsTabs()->isTabVisible(1));
    CHECK_FALSE(window.settingsTabs()->isTabVisible(2));
}

TEST_CASE("Another person logging in on the locked window starts clean", "[gui][access][changes]")
{
    Demo d;
    d.logIn("secretariat");
    MainWindow window(d.session, d.settings);
    window.show();
    window.showPage(MainWindow::TraineesPageIndex);
    TraineesPage* trainees = window.traineesPage();
    QTest::keyClicks(trainees->searchField(), QStringLiteral("bailly"));
    QTRY_VERIFY_WITH_TIMEOUT(trainees->findChild<QTableView*>()->model()->rowCount() > 0, 5000);
    auto* view = trainees->findChild<QTableView*>();
    view->selectRow(0);
    REQUIRE(view->selectionModel()->hasSelection());
    auto* banner = trainees->findChild<MessageBanner*>();
    banner->showMessage(MessageBanner::Kind::Success, QStringLiteral("La liste a été exportée."));
    REQUIRE_FALSE(banner->isHidden());

    onNextDialog<LoginDialog>([](LoginDialog* dialog) {
        typeAndAccept(dialog, QStringLiteral("direction"), DemoGenerator::demoPassword());
    });
    window.lockSession();
    REQUIRE(d.session.user().login == QStringLiteral("direction"));
    CHECK(trainees->searchField()->text().isEmpty());
    CHECK_FALSE(view->selectionModel()->hasSelection());
    CHECK(banner->isHidden());
    CHECK(window.currentPage() == MainWindow::DashboardPageIndex);
}

TEST_CASE("The direction manages accounts from the Users tab", "[gui][access]")
{
    Demo d;
    d.logIn("direction");
    MainWindow window(d.session, d.settings);
    window.show();
    CHECK(window.settingsTabs()->isTabVisible(1));
    UsersPage* page = window.usersPage();
    QTableView* table = page->table();
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    REQUIRE(test::rows(table) == 5);
    CHECK(test::cell(table, 0, 0) == QStringLiteral("direction"));

    User accountant;
    accountant.login = QStringLiteral("comptable");
    accountant.displayName = QStringLiteral("Hélène Faivre");
    accountant.role = Role::Secretariat;
    accountant.mustChangePassword = true;
    REQUIRE(page->createUser(accountant, QStringLiteral("mot-de-passe-provisoire")));
    CHECK(test::rows(table) == 6);
    CHECK_FALSE(page->createUser(accountant, QStringLiteral("mot-de-passe-provisoire")));
    CHECK_FALSE(page->banner()->isHidden());
    CHECK(page->banner()->kind() == MessageBanner::Kind::Error);
    CHECK(page->banner()->text().contains(QStringLiteral("déjà pris")));

    // Deactivating through the button.
    const int row =
        static_cast<int>(std::find_if(page->users().begin(), page->users().end(),
                                      [](const User& u) { return u.login == QStringLiteral("comptable"); }) -
                         page->users().begin());
    table->setCurrentIndex(table->model()->index(row, 0));
    QPushButton* toggle = nullptr;
    for (QPushButton* b : page->findChildren<QPushButton*>())
        if (b->text().remove(QLatin1Char('&')) == QStringLiteral("Désactiver"))
            toggle = b;
    REQUIRE(toggle);
    QTest::mouseClick(toggle, Qt::LeftButton);
    CHECK(test::cell(table, row, 4) == QStringLiteral("désactivé"));
    AuthService auth(d.session.database(), d.session.clock());
    CHECK_FALSE(auth.login(QStringLiteral("comptable"), QStringLiteral("mot-de-passe-provisoire")));
}

TEST_CASE("The log of changes lists, filters and exports what happened", "[gui][access][audit]")
{
    Demo d;
    d.logIn("secretariat");
    d.logIn("direction");
    AuditPage page(d.session);
    page.show();
    AuditModel* model = page.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(model->totalCount() == 2);
    CHECK(model->rowCount() == 2);
    CHECK(model->data(model->index(0, AuditModel::Who)).toString() == QStringLiteral("direction"));
    CHECK(model->data(model->index(0, AuditModel::Action)).toString() == QStringLiteral("connexion"));
    page.setPersonFilter(QStringLiteral("secretariat"));
    CHECK(model->totalCount() == 1);
    const QString csv = QDir(d.t.dir()).filePath(QStringLiteral("journal.csv"));
    REQUIRE(page.exportCsv(csv));
    QFile f(csv);
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    CHECK(text.contains(QStringLiteral("secretariat")));
    CHECK_FALSE(text.contains(QStringLiteral(";direction;")));
}

TEST_CASE("The audit model pages through a long log without loading it all", "[gui][audit]")
{
    Demo d;
    d.logIn("direction");
    SchoolService school(d.session.database(), d.session.clock(), d.session.user());
    for (int i = 0; i < 250; ++i) {
        Section s = school.sections()->first();
        s.position = i + 1;
        REQUIRE(school.updateSection(s));
    }
    AuditModel model(d.session);
    CHECK(model.totalCount() == 251);
    CHECK(model.rowCount() == PagedListModel::PageSize);
    REQUIRE(model.canFetchMore({}));
    model.fetchMore({}); // the view scrolled down: the next page is added below
    CHECK(model.rowCount() == 2 * PagedListModel::PageSize);
    model.fetchMore({});
    CHECK(model.rowCount() == 251);
    CHECK_FALSE(model.canFetchMore({}));
    // Newest first: the last change is at the top.
    const QString newest = model.data(model.index(0, AuditModel::Changes)).toString();
    INFO(newest.toStdString());
    CHECK(newest.startsWith(QStringLiteral("Position dans la liste : ")));
    CHECK(newest.endsWith(QStringLiteral(" → 250")));
    CHECK(model.data(model.index(0, AuditModel::Action)).toString() == QStringLiteral("modification"));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
}

TEST_CASE("A read-only role sees the settings but cannot change them", "[gui][access]")
{
    Demo d;
    d.logIn("lecture");
    SettingsPage page(d.session, d.settings);
    page.show();
    CHECK_FALSE(page.findChild<QGroupBox*>(QStringLiteral("identityGroup"))->isEnabled());
    CHECK(page.findChild<QGroupBox*>(QStringLiteral("localGroup"))->isEnabled());
    CHECK(page.findChild<QLineEdit*>(QStringLiteral("name"))->text() == QStringLiteral("Juralternance"));
    CHECK(page.banner()->text().contains(QStringLiteral("Lecture seule")));
    // Even if a form were enabled, the service refuses.
    CHECK_FALSE(page.save());
}

TEST_CASE("The direction exports a person and applies the retention rule from the Personal data tab",
          "[gui][access][gdpr]")
{
    Demo d;
    d.logIn("direction");
    d.session.setClock(std::make_unique<FixedClock>(QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC)));
    MainWindow window(d.session, d.settings);
    window.show();
    CHECK(window.settingsTabs()->isTabVisible(3));
    PersonalDataPage* page = window.personalDataPage();

    auto* search = page->findChild<QLineEdit*>(QStringLiteral("personSearch"));
    QTest::keyClicks(search, QStringLiteral("chenev"));
    auto* results = page->findChild<QListWidget*>(QStringLiteral("personResults"));
    REQUIRE(results->count() > 0);
    CHECK(results->item(0)->text().startsWith(QStringLiteral("CHÊNEVERT")));
    const QStringList files = page->exportChosenTo(d.t.dir());
    REQUIRE(files.size() == 2);
    CHECK(files.first().contains(QStringLiteral("donnees-jeune-")));

    // A customer of the directory: the contact's record and what is attached to it.
    auto* kind = page->findChild<QComboBox*>(QStringLiteral("personKind"));
    kind->setCurrentIndex(1);
    search->clear();
    QTest::keyClicks(search, QStringLiteral("garage"));
    REQUIRE(results->count() > 0);
    CHECK(results->item(0)->text().contains(QStringLiteral("Garage")));
    const QStringList contact = page->exportChosenTo(d.t.dir());
    REQUIRE(contact.size() == 2);
    CHECK(contact.first().contains(QStringLiteral("donnees-contact-")));

    const int listed = page->previewRetention();
    CHECK(listed > 0);
    CHECK(page->findChild<QListWidget*>(QStringLiteral("retentionPreview"))->count() == listed);
    bool asked = false;
    onNextDialog<QMessageBox>([&asked](QMessageBox* box) {
        asked = box->text().contains(QStringLiteral("définitif"));
        box->button(QMessageBox::Yes)->click();
    });
    auto* apply = page->findChildren<QPushButton*>().last();
    REQUIRE(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    CHECK(asked);
    CHECK(page->previewRetention() == 0);

    // Other roles do not see the tab.
    d.logIn("secretariat");
    CHECK_FALSE(window.settingsTabs()->isTabVisible(3));
}

TEST_CASE("A trainer's window offers a trainer's pages, a reader's hides what it cannot do",
          "[gui][access][roles]")
{
    Demo d;
    d.logIn("formateur.metal");
    MainWindow window(d.session, d.settings);
    window.show();
    auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    REQUIRE(nav);
    QStringList offered;
    for (int i = 0; i < nav->count(); ++i)
        if (!nav->isRowHidden(i))
            offered << nav->item(i)->text();
    CHECK(offered == QStringList{QStringLiteral("Tableau de bord"), QStringLiteral("Jeunes"),
                                 QStringLiteral("Ateliers"), QStringLiteral("Ventes et clients"),
                                 QStringLiteral("Paramètres")});
    // Ctrl+5 (Financements) leads nowhere; the sales page holds only the tyre hotel.
    window.showPage(MainWindow::FundingPageIndex);
    CHECK(window.currentPage() == MainWindow::DashboardPageIndex);
    auto* sales = window.findChild<SalesPage*>();
    QStringList salesTabs;
    for (int i = 0; i < sales->count(); ++i)
        if (sales->isTabVisible(i))
            salesTabs << sales->tabText(i);
    CHECK(salesTabs == QStringList{QStringLiteral("Hôtel de pneus")});
    auto* workshops = window.findChild<WorkshopsPage*>();
    CHECK(workshops->isTabVisible(0)); // the day's entry

    // The reader on the same window: the sales, without their "Nouveau…".
    d.logIn("lecture");
    CHECK_FALSE(nav->isRowHidden(MainWindow::FundingPageIndex));
    CHECK_FALSE(workshops->isTabVisible(0));
    auto* quotes = window.findChild<QuotesPage*>();
    for (QPushButton* b : quotes->findChildren<QPushButton*>())
        CHECK_FALSE((b->isVisibleTo(quotes) && b->text() == QStringLiteral("&Nouveau devis…")));
    bool newQuoteShown = false;
    d.logIn("secretariat");
    for (QPushButton* b : quotes->findChildren<QPushButton*>())
        newQuoteShown =
            newQuoteShown || (b->isVisibleTo(quotes) && b->text() == QStringLiteral("&Nouveau devis…"));
    CHECK(newQuoteShown);
}

TEST_CASE("Each page of the navigation has its own drawing, the same when chosen (issue 18, item 18)",
          "[gui][wording]")
{
    Demo d;
    d.logIn("direction");
    MainWindow window(d.session, d.settings);
    window.show();
    auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    REQUIRE(nav);
    REQUIRE(nav->count() == MainWindow::PageCount);
    const QStringList drawings = {QStringLiteral("dashboard"), QStringLiteral("trainees"),
                                  QStringLiteral("workshops"), QStringLiteral("sales"),
                                  QStringLiteral("funding"),   QStringLiteral("reports"),
                                  QStringLiteral("settings")};
    const QSize size = nav->iconSize();
    QList<QImage> seen;
    for (int i = 0; i < nav->count(); ++i) {
        INFO(nav->item(i)->text().toStdString());
        const QImage shown = nav->item(i)->icon().pixmap(size).toImage();
        REQUIRE_FALSE(shown.isNull());
        // The page's drawing, not a file-dialog or floppy-disk pixmap of the style.
        CHECK(shown == MainWindow::navigationIcon(drawings.at(i)).pixmap(size).toImage());
        CHECK(nav->item(i)->icon().pixmap(size, QIcon::Selected).toImage() == shown);
        CHECK_FALSE(seen.contains(shown));
        seen << shown;
    }
}

TEST_CASE(
    "The log of changes reads in the forms' words and shows a change without a refresh (issue 18, item 14)",
    "[gui][audit][wording]")
{
    Demo d;
    d.logIn("direction");
    AuditPage page(d.session);
    page.show();
    auto* view = page.findChild<QTableView*>(QStringLiteral("auditView"));
    REQUIRE(view);
    // The director ticks what Métallerie prepares, and changes the school's telephone.
    SchoolService school(d.session.database(), d.session.clock(), d.session.user());
    const qint64 metal = test::rawScalar(d.session.database(),
                                         QStringLiteral("SELECT id FROM section WHERE name = 'Métallerie'"))
                             .toLongLong();
    const qint64 cfg = test::rawScalar(d.session.database(),
                                       QStringLiteral("SELECT id FROM certification WHERE code = 'CFG'"))
                           .toLongLong();
    REQUIRE(school.setPreparedCertifications(metal, {cfg}));
    SchoolIdentity identity = *school.identity();
    identity.phone = QStringLiteral("03 84 72 10 10");
    REQUIRE(school.saveIdentity(identity));
    QApplication::processEvents();
    const auto cell = [&](int row, int column) {
        return view->model()->index(row, column).data().toString();
    };
    REQUIRE(view->model()->rowCount() >= 2);
    CHECK(cell(0, AuditModel::What) == QStringLiteral("paramètres de l'établissement"));
    CHECK(cell(0, AuditModel::Changes) == QStringLiteral("Téléphone : 03 84 00 00 00 → 03 84 72 10 10"));
    CHECK(cell(1, AuditModel::What) == QStringLiteral("section"));
    CHECK(cell(1, AuditModel::Changes) ==
          QStringLiteral("Certifications préparées : CFG, CAP métallier → CFG"));
}
