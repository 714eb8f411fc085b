#include "gui/shell/mainwindow.h"

#include "gui/access/idlewatcher.h"
#include "gui/access/logindialog.h"
#include "gui/access/passworddialog.h"
#include "gui/access/personaldatapage.h"
#include "gui/access/userspage.h"
#include "gui/audit/auditpage.h"
#include "gui/common/allowed.h"
#include "gui/common/messagebanner.h"
#include "gui/common/placeholderpage.h"
#include "gui/common/searchfield.h"
#include "gui/common/session.h"
#include "gui/dashboard/dashboardpage.h"
#include "gui/funding/fundingpage.h"
#include "gui/reports/fundamentalspage.h"
#include "gui/reports/reportspage.h"
#include "gui/sales/salespage.h"
#include "gui/settings/settingspage.h"
#include "gui/shell/connectdialog.h"
#include "gui/shell/databaseactions.h"
#include "gui/shell/helpwindow.h"
#include "gui/shell/integritywatch.h"
#include "gui/shell/movetoserverdialog.h"
#include "gui/shell/presenceindicator.h"
#include "gui/shell/restoredialog.h"
#include "gui/trainees/absencespage.h"
#include "gui/trainees/attendancepage.h"
#include "gui/trainees/followuppage.h"
#include "gui/trainees/frameworkspage.h"
#include "gui/trainees/learningpage.h"
#include "gui/trainees/traineespage.h"
#include "gui/workshops/cataloguepage.h"
#include "gui/workshops/workshopspage.h"
#include "services/accesscontrol.h"
#include "services/authservice.h"
#include "services/backupplan.h"
#include "services/backupservice.h"
#include "services/schoolservice.h"
#include "services/userservice.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "util/appsettings.h"
#include "util/logging.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTime>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace etabli {

MainWindow::MainWindow(Session& session, AppSettings& settings, QWidget* parent)
    : QMainWindow(parent), m_session(session), m_settings(settings), m_navigation(new QListWidget(this)),
      m_pages(new QStackedWidget(this)), m_dashboard(nullptr), m_settingsPage(nullptr),
      m_status(new QLabel(this)), m_settingsTabs(nullptr), m_usersPage(nullptr), m_auditPage(nullptr),
      m_idle(new IdleWatcher(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    // Above the pages: the connection's state when the server is lost.
    auto* right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(0);
    m_connectionBanner = new MessageBanner(this);
    m_connectionBanner->setObjectName(QStringLiteral("connectionBanner"));
    m_connectionBanner->hide();
    right->addWidget(m_connectionBanner);
    // Above the pages too: a file whose school went onto the server.
    m_movedBanner = new MessageBanner(this);
    m_movedBanner->setObjectName(QStringLiteral("movedBanner"));
    m_movedBanner->hide();
    right->addWidget(m_movedBanner);
    right->addWidget(m_pages, 1);
    layout->addLayout(right, 1);
    setCentralWidget(central);
    statusBar()->addWidget(m_status, 1);
    m_integrity = new IntegrityWatch(m_session, statusBar(), this);
    m_presence = new PresenceIndicator(m_session, this);
    statusBar()->addPermanentWidget(m_presence);
    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setInterval(ReconnectRetryMs);
    connect(m_reconnectTimer, &QTimer::timeout, this, &MainWindow::retryReconnect);

    buildNavigation();
    buildMenus();

    connect(&m_session, &Session::databaseChanged, this, &MainWindow::onDatabaseChanged);
    // The weekly full check, a little after a database opens (the first
    // page is shown first).
    const auto checkLater = [this]() {
        QTimer::singleShot(IntegrityCheckDelayMs, m_integrity, [this]() { m_integrity->startIfDue(); });
    };
    connect(&m_session, &Session::databaseChanged, this, checkLater);
    checkLater();
    m_session.onDataChanged(this, DataKind::School | DataKind::Users, [this]() { onDatabaseChanged(); });
    connect(&m_session, &Session::userChanged, this, &MainWindow::onUserChanged);
    connect(&m_session, &Session::connectionLost, this, &MainWindow::offerReconnect);
    connect(m_idle, &IdleWatcher::idle, this, &MainWindow::lockSession);
    m_idle->setTimeout(m_settings.value(AppSettings::Key::IdleLockMinutes).toInt());
    onDatabaseChanged();
    onUserChanged();

    m_restored = restoreGeometry(m_settings.value(AppSettings::Key::MainWindowGeometry).toByteArray());
    restoreState(m_settings.value(AppSettings::Key::MainWindowState).toByteArray());
    showPage(std::clamp(m_settings.value(AppSettings::Key::LastNavigationPage).toInt(), 0, PageCount - 1));
}

MainWindow::~MainWindow() = default;

void MainWindow::showFitted()
{
    const QRect screen = this->screen()->availableGeometry();
    if (m_restored && !isMaximized()) {
        // Kept from last time, but never larger than this screen (a laptop
        // after a big office screen), and on it.
        QRect frame = frameGeometry();
        // Before it is shown the window manager's frame is not known yet:
        // room for a title bar and borders.
        const QSize margins = frame.size() == size() ? QSize(16, 40) : frame.size() - size();
        frame.setSize(size() + margins);
        if (!screen.contains(frame)) {
            resize(std::min(width(), screen.width() - margins.width()),
                   std::min(height(), screen.height() - margins.height()));
            const QSize outer = size() + margins;
            // move() places the frame's corner.
            move(std::clamp(frame.x(), screen.left(),
                            std::max(screen.left(), screen.left() + screen.width() - outer.width())),
                 std::clamp(frame.y(), screen.top(),
                            std::max(screen.top(), screen.top() + screen.height() - outer.height())));
        }
        show();
        return;
    }
    if (m_restored || screen.width() <= 1440 || screen.height() <= 900) {
        // A laptop: all of it, the task bar aside.
        showMaximized();
        return;
    }
    resize(1280, 800);
    move(screen.center() - rect().center());
    show();
}

void MainWindow::buildNavigation()
{
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(230);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_navigation->setStyleSheet(QStringLiteral(
        "QListWidget#navigation { background: #2f3e46; color: #f1f1f1; border: none; padding-top: 12px; "
        "font-size: 11pt; }"
        "QListWidget#navigation::item { padding: 10px 12px; }"
        "QListWidget#navigation::item:selected { background: #52796f; color: white; }"));

    // Each page's icon says what is on it (resources/icons/navigation).
    struct Entry
    {
        QString label;
        const char* icon;
    };
    const Entry entries[PageCount] = {
        {tr("Dashboard"), "dashboard"},       {tr("Trainees"), "trainees"}, {tr("Workshops"), "workshops"},
        {tr("Sales and customers"), "sales"}, {tr("Funding"), "funding"},   {tr("Reports"), "reports"},
        {tr("Settings"), "settings"},
    };
    for (const Entry& e : entries)
        new QListWidgetItem(navigationIcon(QString::fromLatin1(e.icon)), e.label, m_navigation);

    m_dashboard = new DashboardPage(m_session, this);
    m_settingsPage = new SettingsPage(m_session, m_settings, this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_pages->addWidget(m_dashboard);
    m_traineesTabs = new QTabWidget(this);
    m_traineesTabs->setObjectName(QStringLiteral("traineesTabs"));
    m_traineesTabs->setDocumentMode(true);
    m_traineesPage = new TraineesPage(m_session, this);
    m_attendancePage = new AttendancePage(m_session, this);
    m_traineesTabs->addTab(m_traineesPage, tr("List of trainees"));
    m_traineesTabs->addTab(m_attendancePage, tr("Attendance register"));
    m_traineesTabs->addTab(new AbsencesPage(m_session, this), tr("Absences"));
    m_traineesTabs->addTab(new FollowUpPage(m_session, this), tr("Outcomes to follow up"));
    m_traineesTabs->addTab(new LearningPage(m_session, this), tr("Learning"));
    auto* frameworks = new FrameworksPage(m_session, this);
    m_traineesTabs->addTab(frameworks, tr("Frameworks"));
    showTabWhenAllowed(m_traineesTabs, frameworks, m_session, holding(permission::LearningFrameworks));
    m_pages->addWidget(m_traineesTabs);
    m_workshopsPage = new WorkshopsPage(m_session, this);
    m_pages->addWidget(m_workshopsPage);
    m_salesPage = new SalesPage(m_session, this);
    m_pages->addWidget(m_salesPage);
    m_fundingPage = new FundingPage(m_session, this);
    m_pages->addWidget(m_fundingPage);
    auto* reportsTabs = new QTabWidget(this);
    reportsTabs->setObjectName(QStringLiteral("reportsTabs"));
    reportsTabs->setDocumentMode(true);
    reportsTabs->addTab(new ReportsPage(m_session, this), tr("Indicators and reports"));
    reportsTabs->addTab(new FundamentalsPage(m_session, this), tr("Fundamentals"));
    m_pages->addWidget(reportsTabs);
    m_usersPage = new UsersPage(m_session, this);
    m_auditPage = new AuditPage(m_session, this);
    m_settingsTabs = new QTabWidget(this);
    m_settingsTabs->setObjectName(QStringLiteral("settingsTabs"));
    m_settingsTabs->setDocumentMode(true);
    m_settingsTabs->addTab(m_settingsPage, tr("The school"));
    m_settingsTabs->addTab(m_usersPage, tr("Users"));
    m_settingsTabs->addTab(m_auditPage, tr("Log of changes"));
    m_personalDataPage = new PersonalDataPage(m_session, this);
    m_settingsTabs->addTab(m_personalDataPage, tr("Personal data"));
    m_pages->addWidget(m_settingsTabs);
    connect(m_dashboard, &DashboardPage::firstStepRequested, this, &MainWindow::openFirstStep);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row == m_pages->currentIndex())
            return;
        if (m_pages->currentIndex() == SettingsPageIndex && !confirmLeavingSettings()) {
            const QSignalBlocker block(m_navigation);
            m_navigation->setCurrentRow(SettingsPageIndex);
            return;
        }
        m_pages->setCurrentIndex(row);
    });
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* newDb = file->addAction(tr("&New database…"), this, &MainWindow::newDatabase);
    newDb->setShortcut(QKeySequence::New);
    QAction* openDb = file->addAction(tr("&Open…"), this, &MainWindow::openDatabase);
    openDb->setShortcut(QKeySequence::Open);
    QAction* server =
        file->addAction(tr("Connect to the school's &server…"), this, &MainWindow::connectToServer);
    server->setObjectName(QStringLiteral("connectToServer"));
    m_moveToServerAction =
        file->addAction(tr("&Move the school onto the server…"), this, &MainWindow::moveToServer);
    m_moveToServerAction->setObjectName(QStringLiteral("moveToServer"));
    file->addAction(tr("Save a &copy…"), this, [this]() {
        if (m_session.isOpen())
            DatabaseActions::askSaveCopy(this, m_session.database(), m_session.clock(), m_session.user());
    });
    file->addAction(tr("&Restore a backup…"), this, &MainWindow::restoreBackup);
    m_reconnectAction = file->addAction(tr("Re&connect to the server"), this, &MainWindow::reconnect);
    m_reconnectAction->setObjectName(QStringLiteral("reconnect"));
    file->addSeparator();
    file->addAction(tr("Change my &password…"), this, &MainWindow::changeOwnPassword);
    QAction* lock = file->addAction(tr("&Lock the session"), this, &MainWindow::lockSession);
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    for (int i = 0; i < PageCount; ++i) {
        QAction* action = go->addAction(m_navigation->item(i)->text(), this, [this, i]() { showPage(i); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        m_goActions << action;
    }
    go->addSeparator();
    QAction* find = go->addAction(tr("&Search in the page"), this,
                                  [this]() { focusSearchField(m_pages->currentWidget()); });
    find->setObjectName(QStringLiteral("findInPage"));
    find->setShortcut(QKeySequence::Find);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* guide = help->addAction(tr("&User guide"), this, &MainWindow::showHelp);
    guide->setObjectName(QStringLiteral("userGuide"));
    guide->setShortcut(QKeySequence::HelpContents);
    help->addSeparator();
    help->addAction(tr("&About Établi"), this, &MainWindow::showAbout);
    help->addAction(tr("Open the &log"), this, &MainWindow::showLog);
}

void MainWindow::openFirstStep(DashboardPage::FirstStep step)
{
    switch (step) {
    case DashboardPage::FirstStep::Identity:
        showPage(SettingsPageIndex);
        m_settingsTabs->setCurrentWidget(m_settingsPage);
        break;
    case DashboardPage::FirstStep::Sections:
        showPage(SettingsPageIndex);
        m_settingsTabs->setCurrentWidget(m_settingsPage);
        m_settingsPage->showSections();
        break;
    case DashboardPage::FirstStep::Team:
        showPage(SettingsPageIndex);
        m_settingsTabs->setCurrentWidget(m_usersPage);
        break;
    case DashboardPage::FirstStep::Trainees:
        showPage(TraineesPageIndex);
        m_traineesTabs->setCurrentWidget(m_traineesPage);
        break;
    case DashboardPage::FirstStep::Catalogue:
        showPage(WorkshopsPageIndex);
        m_workshopsPage->setCurrentWidget(m_workshopsPage->cataloguePage());
        break;
    }
}

HelpWindow* MainWindow::showHelp()
{
    if (!m_help)
        m_help = new HelpWindow(this);
    m_help->show();
    m_help->raise();
    m_help->activateWindow();
    m_help->showTopic(HelpWindow::topicOf(m_pages->currentWidget()));
    return m_help;
}

void MainWindow::showPage(int page)
{
    if (page < 0 || page >= PageCount || m_navigation->isRowHidden(page))
        page = DashboardPageIndex;
    m_navigation->setCurrentRow(page);
}

QIcon MainWindow::navigationIcon(const QString& name)
{
    // The same drawing when the page is chosen (not the style's faded tint).
    const QString file = QStringLiteral(":/icons/navigation/%1.svg").arg(name);
    QIcon icon(file);
    icon.addFile(file, {}, QIcon::Selected);
    return icon;
}

int MainWindow::currentPage() const
{
    return m_pages->currentIndex();
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::offerReconnect()
{
    // A write that found the connection lost has already reconnected.
    if (!m_session.isOpen() || !m_session.database().isConnectionLost())
        return;
    // Said above the pages, without interrupting: what is being typed in an
    // open dialog stays there, and the window tries again by itself.
    m_connectionBanner->showMessage(MessageBanner::Kind::Warning,
                                    tr("Connection to the server lost — trying again… What was being saved "
                                       "when it happened was not: do it again once reconnected."));
    m_connectionBanner->setAction(tr("Try now"), [this]() { retryReconnect(); });
    m_connectionBanner->show();
    m_reconnectTimer->start();
}

void MainWindow::retryReconnect()
{
    if (!m_session.isOpen()) {
        m_reconnectTimer->stop();
        return;
    }
    auto again = m_session.reconnect();
    if (!again) {
        m_connectionBanner->showMessage(
            MessageBanner::Kind::Warning,
            tr("Connection to the server lost — trying again… (last try at %1: the server or the network is "
               "still down)")
                .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
        m_connectionBanner->setAction(tr("Try now"), [this]() { retryReconnect(); });
        return;
    }
    m_reconnectTimer->stop();
    afterReconnect();
}

void MainWindow::afterReconnect()
{
    m_connectionBanner->hide();
    // The pages' errors of the lost connection go; a page that still cannot read says so again.
    for (MessageBanner* banner : findChildren<MessageBanner*>())
        banner->clearError();
    m_session.notifyDataChanged();
    m_presence->refresh();
    statusBar()->showMessage(tr("Connected to the server again."), 10000);
}

void MainWindow::reconnect()
{
    if (!m_session.isOpen())
        return;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto again = m_session.reconnect();
    QGuiApplication::restoreOverrideCursor();
    if (!again) {
        DatabaseActions::showError(this, tr("Reconnect to the server"), again.error());
        return;
    }
    m_reconnectTimer->stop();
    afterReconnect();
}

void MainWindow::onDatabaseChanged()
{
    m_reconnectAction->setVisible(m_session.isOpen() &&
                                  m_session.database().dialect() == Database::Dialect::PostgreSQL);
    showMoveToServer();
    if (!m_session.isOpen()) {
        setWindowTitle(QStringLiteral("Établi"));
        m_status->setText(tr("No database open"));
        return;
    }
    Database& db = m_session.database();
    SchoolService school(db, m_session.clock(), m_session.user());
    const auto identity = school.identity();
    const QString name = identity ? identity->name : QString();
    setWindowTitle(name.isEmpty() ? QStringLiteral("Établi") : QStringLiteral("%1 — Établi").arg(name));
    showMovedAway(school);
    QString status = tr("Database: %1").arg(db.location().displayName());
    if (school.isDemo())
        status += QStringLiteral("  ·  ") + tr("demonstration school (invented data)");
    if (m_session.isLoggedIn())
        status += QStringLiteral("  ·  ") +
                  tr("Logged in: %1 (%2)").arg(m_session.user().displayName, labelOf(m_session.user().role));
    m_status->setText(status);
}

void MainWindow::connectToServer()
{
    if (confirmLeavingSettings())
        replaceDatabase(ConnectDialog::ask(this, m_settings), std::nullopt);
}

// A file whose school was moved onto a server is the school as it stood then:
// whoever opens it again (an old shortcut, the list of recent files) is told
// that what they type here will not be on the server, and how to go there.
void MainWindow::showMovedAway(const SchoolService& school)
{
    const auto moved = school.movedTo();
    if (!moved) {
        m_movedBanner->hide();
        return;
    }
    const QLocale fr(QLocale::French, QLocale::France);
    m_movedBanner->showMessage(
        MessageBanner::Kind::Warning,
        tr("This school was moved onto the server (%1) on %2: this file is its state on that day, no longer "
           "kept up to date. What you type here will not be on the server.")
            .arg(moved->where, fr.toString(moved->at.toLocalTime(), QStringLiteral("dd/MM/yyyy 'à' HH:mm"))));
    m_movedBanner->setAction(tr("Connect to the server…"), [this]() { connectToServer(); });
    m_movedBanner->show();
}

// Offered to the director on a school kept in a file.
void MainWindow::showMoveToServer()
{
    m_moveToServerAction->setVisible(m_session.isOpen() && m_session.database().location().isSqlite() &&
                                     m_session.user().can(permission::BackupRestore));
}

void MainWindow::moveToServer()
{
    if (!m_session.isOpen() || !m_session.database().location().isSqlite() || !confirmLeavingSettings())
        return;
    const auto server = MoveToServerDialog::ask(this, m_session.database().location());
    if (server)
        replaceDatabase(ConnectDialog::ask(this, m_settings, *server), std::nullopt);
}

void MainWindow::onUserChanged()
{
    const UserContext& user = m_session.user();
    showMoveToServer();
    m_settingsTabs->setTabVisible(1, user.can(permission::UsersManage));
    m_settingsTabs->setTabVisible(2, user.can(permission::AuditRead));
    m_settingsTabs->setTabVisible(3, user.can(permission::PersonalDataExport));
    // The pages a role cannot use are not offered to it (a trainer: no
    // sales but the tyre hotel, no funding or reports).
    using namespace permission;
    const bool shown[PageCount] = {
        true,
        user.can(TraineesRead),
        true, // the workshops' log, figures, catalogue and team are read by every role
        user.can(SalesRead) || user.can(ProductionWrite),
        user.can(FundingRead),
        user.can(ReportsRead),
        true}; // everyone has this computer's settings (locking, printing)
    for (int i = 0; i < PageCount; ++i) {
        m_navigation->setRowHidden(i, !shown[i]);
        if (i < m_goActions.size())
            m_goActions.at(i)->setVisible(shown[i]);
    }
    if (m_navigation->currentRow() >= 0 && !shown[m_navigation->currentRow()])
        showPage(DashboardPageIndex);
    m_personalDataPage->reload();
    m_usersPage->reload();
    m_auditPage->reload();
    m_settingsPage->reload();
    onDatabaseChanged();
}

void MainWindow::changeOwnPassword()
{
    if (!m_session.isLoggedIn())
        return;
    PasswordDialog dialog(
        tr("Change my password"), true,
        [this](const QString& current, const QString& next) {
            return m_session.service<UserService>().changeOwnPassword(current, next);
        },
        this);
    if (dialog.exec() == QDialog::Accepted)
        QMessageBox::information(this, tr("Change my password"), tr("Your password was changed."));
}

void MainWindow::lockSession()
{
    if (m_locked || !m_session.isOpen())
        return;
    m_locked = true;
    m_idle->setSuspended(true);
    centralWidget()->hide();
    menuBar()->setEnabled(false);
    AuthService auth(m_session.database(), m_session.clock());
    LoginDialog dialog(
        windowTitle(),
        [&auth](const QString& login, const QString& password) { return auth.login(login, password); }, this);
    dialog.setLocked(m_session.user().login);
    const bool unlocked = dialog.exec() == QDialog::Accepted;
    m_locked = false;
    menuBar()->setEnabled(true);
    if (!unlocked) {
        close();
        return;
    }
    centralWidget()->show();
    m_idle->setSuspended(false);
    if (dialog.user().userId != m_session.user().userId) {
        clearForNextPerson();
        m_session.setUser(dialog.user());
    }
}

void MainWindow::clearForNextPerson()
{
    // Nothing of what the previous person searched, selected or was told
    // stays on screen: the pages then reload for the new account.
    for (MessageBanner* banner : findChildren<MessageBanner*>())
        if (banner != m_movedBanner) // about the file, not about a person
            banner->hide();
    for (QLineEdit* field : findChildren<QLineEdit*>())
        if (isSearchField(field))
            field->clear();
    for (QAbstractItemView* view : findChildren<QAbstractItemView*>()) {
        if (view->selectionModel())
            view->clearSelection();
        view->setCurrentIndex(QModelIndex());
    }
    showPage(DashboardPageIndex);
}

bool MainWindow::confirmLeavingSettings()
{
    if (!m_settingsPage->hasUnsavedChanges())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved settings"), tr("The settings were changed but not saved. Save them now?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return m_settingsPage->save();
    m_settingsPage->reload();
    return true;
}

void MainWindow::replaceDatabase(std::unique_ptr<Database> db, std::optional<UserContext> user)
{
    if (!db)
        return;
    if (!user)
        user = DatabaseActions::askLogIn(this, *db, m_session.clock());
    if (!user)
        return; // nobody logged in to the new one: keep the current database
    runAutomaticBackup();
    if (db->location().isSqlite())
        m_settings.setValue(AppSettings::Key::LastDatabase, db->location().path);
    m_session.setDatabase(std::move(db));
    m_session.setUser(*user);
    showPage(DashboardPageIndex);
}

void MainWindow::newDatabase()
{
    if (!confirmLeavingSettings())
        return;
    UserContext user;
    auto db = DatabaseActions::askCreateSchool(this, &user);
    if (db)
        replaceDatabase(std::move(db), user);
}

void MainWindow::openDatabase()
{
    if (confirmLeavingSettings())
        replaceDatabase(DatabaseActions::askOpen(this), std::nullopt);
}

void MainWindow::restoreBackup()
{
    if (!m_session.isOpen())
        return;
    const DatabaseLocation location = m_session.database().location();
    if (!location.isSqlite()) {
        QMessageBox::information(
            this, tr("Restore a backup"),
            tr("This database is on a PostgreSQL server: it is restored on the server."));
        return;
    }
    RestoreDialog dialog(location.path, this);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedBackup().isEmpty())
        return;
    const QString backup = dialog.selectedBackup();
    // The copy is compared with the database first: issued documents it lacks are named.
    const UserContext restorer = m_session.user();
    auto plan = BackupService(m_session.database(), m_session.clock(), restorer).planRestore(backup);
    if (!plan) {
        DatabaseActions::showError(this, tr("Restore a backup"), plan.error());
        return;
    }
    QString typed;
    if (plan->needsConfirmation()) {
        const int shown = 12;
        QStringList lines = plan->missing.mid(0, shown);
        if (plan->missing.size() > shown)
            lines << tr("… and %n more.", nullptr, static_cast<int>(plan->missing.size() - shown));
        bool ok = false;
        typed = QInputDialog::getText(
            this, tr("Restore a backup"),
            tr("The copy “%1” lacks documents already issued or payments already received:\n\n%2\n\nThey "
               "will "
               "stay in the current database, kept aside, and their numbers will never be given again. To "
               "restore "
               "the copy all the same, type %3:")
                .arg(QFileInfo(backup).fileName(), lines.join(QLatin1Char('\n')), plan->word),
            QLineEdit::Normal, QString(), &ok);
        if (!ok)
            return;
    } else {
        const auto answer =
            QMessageBox::warning(this, tr("Restore a backup"),
                                 tr("Replace the current database by the copy “%1”? What was entered since "
                                    "that copy will no longer show; "
                                    "the current database is kept beside it, renamed, in case.")
                                     .arg(QFileInfo(backup).fileName()),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
    }
    if (plan->needsConfirmation() && typed.trimmed().compare(plan->word, Qt::CaseInsensitive) != 0) {
        QMessageBox::information(this, tr("Restore a backup"),
                                 tr("The word typed is not %1: nothing was restored.").arg(plan->word));
        return;
    }

    m_session.takeDatabase().reset(); // close the file before moving it
    auto aside =
        BackupService::restore(m_session.user(), location.path, *plan, typed, m_session.clock().nowUtc());
    auto reopened = DatabaseActions::open(location);
    if (!reopened) {
        DatabaseActions::showError(this, tr("Restore a backup"), reopened.error());
        return;
    }
    if (aside) {
        // The numbering goes on after every number ever issued; the restore is logged.
        if (auto r = BackupService(**reopened, m_session.clock(), restorer).afterRestore(*plan, *aside); !r)
            DatabaseActions::showError(this, tr("Restore a backup"), r.error());
    }
    auto user = DatabaseActions::askLogIn(this, **reopened, m_session.clock());
    m_session.setDatabase(std::move(*reopened));
    if (!user) {
        close();
        return;
    }
    m_session.setUser(*user);
    if (!aside) {
        DatabaseActions::showError(this, tr("Restore a backup"), aside.error());
        return;
    }
    QMessageBox::information(this, tr("Restore a backup"),
                             tr("The copy was restored. The previous database was kept as %1.")
                                 .arg(QDir::toNativeSeparators(*aside)));
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Établi"),
        tr("<h3>Établi %1</h3><p>The management application of production schools: trainees, "
           "workshops, sales, funding and reports.</p><p>Free software under the GNU GPL, version 3 "
           "or later.</p>")
            .arg(QStringLiteral(ETABLI_VERSION)));
}

void MainWindow::showLog()
{
    const QString path = logging::filePath();
    QMessageBox box(QMessageBox::Information, tr("Log"),
                    path.isEmpty() ? tr("The log is not written to a file.")
                                   : tr("Établi writes its log to:\n%1").arg(QDir::toNativeSeparators(path)),
                    QMessageBox::Close, this);
    QPushButton* openFolder = nullptr;
    if (!path.isEmpty())
        openFolder = box.addButton(tr("Open the folder"), QMessageBox::ActionRole);
    box.exec();
    if (openFolder && box.clickedButton() == static_cast<QAbstractButton*>(openFolder))
        QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
}

void MainWindow::runAutomaticBackup()
{
    if (!m_session.isOpen() || !m_settings.autoBackupEnabled())
        return;
    Database& db = m_session.database();
    if (db.isReadOnly())
        return;
    // A server's database is copied on the PC of whoever may copy it all
    // (the director's), not on every PC that works in it.
    if (!db.location().isSqlite() && !AccessControl::require(m_session.user(), permission::BackupRun))
        return;
    auto written = BackupPlan::of(db.location()).run(db, m_session.clock().today());
    if (!written)
        logging::get("gui")->warn("automatic backup failed: {} ({})", written.error().message.toStdString(),
                                  written.error().detail.toStdString());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!confirmLeavingSettings() || (!m_locked && !m_attendancePage->askToSave())) {
        event->ignore();
        return;
    }
    m_settings.setValue(AppSettings::Key::MainWindowGeometry, saveGeometry());
    m_settings.setValue(AppSettings::Key::MainWindowState, saveState());
    m_settings.setValue(AppSettings::Key::LastNavigationPage, currentPage());
    runAutomaticBackup();
    event->accept();
}

} // namespace etabli
