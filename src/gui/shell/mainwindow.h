#pragma once

#include "domain/user.h"
#include "gui/dashboard/dashboardpage.h"

#include <memory>
#include <optional>
#include <QIcon>
#include <QMainWindow>

class QAction;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTabWidget;

class QTimer;

namespace etabli {

class SchoolService;

class AppSettings;
class AuditPage;
class HelpWindow;
class Database;
class IdleWatcher;
class IntegrityWatch;
class MessageBanner;
class PresenceIndicator;
class PersonalDataPage;
class TraineesPage;
class AttendancePage;
class UsersPage;
class Session;
class SettingsPage;
class WorkshopsPage;
class SalesPage;
class FundingPage;

// The shell: navigation on the left, one page per area, menus, status bar.
// Pages are filled by the modules; the window only switches between them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Page
    {
        DashboardPageIndex,
        TraineesPageIndex,
        WorkshopsPageIndex,
        SalesPageIndex,
        FundingPageIndex,
        ReportsPageIndex,
        SettingsPageIndex,
        PageCount
    };

    MainWindow(Session& session, AppSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPage(int page);
    int currentPage() const;
    // A page's icon in the navigation, drawn for it: `name` is the file's
    // (dashboard, trainees, workshops, sales, funding, reports, settings).
    static QIcon navigationIcon(const QString& name);
    DashboardPage* dashboardPage() const { return m_dashboard; }
    SettingsPage* settingsPage() const { return m_settingsPage; }
    QString statusText() const;
    UsersPage* usersPage() const { return m_usersPage; }
    AuditPage* auditPage() const { return m_auditPage; }
    // The user guide at the part of the page shown (F1); made when first asked.
    HelpWindow* showHelp();
    // "Premiers pas": the page where a step is done.
    void openFirstStep(DashboardPage::FirstStep step);
    PersonalDataPage* personalDataPage() const { return m_personalDataPage; }
    TraineesPage* traineesPage() const { return m_traineesPage; }
    AttendancePage* attendancePage() const { return m_attendancePage; }
    WorkshopsPage* workshopsPage() const { return m_workshopsPage; }
    SalesPage* salesPage() const { return m_salesPage; }
    FundingPage* fundingPage() const { return m_fundingPage; }
    QTabWidget* settingsTabs() const { return m_settingsTabs; }
    IdleWatcher* idleWatcher() const { return m_idle; }
    IntegrityWatch* integrityWatch() const { return m_integrity; }
    static constexpr int IntegrityCheckDelayMs = 5000;
    // While the server is lost, the window tries to reconnect this often.
    static constexpr int ReconnectRetryMs = 3000;
    bool isLocked() const { return m_locked; }

    // Shown maximised on a laptop's screen (or as left last time, fitted to
    // this screen); at 1280×800 in the middle of a larger one.
    void showFitted();

    // Hides the data and asks for the password again (idle time, Ctrl+L).
    void lockSession();

    // Takes today's automatic backup (SQLite, when enabled). Called on close.
    void runAutomaticBackup();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildNavigation();
    void onDatabaseChanged();
    void onUserChanged();
    // The server dropped the connection: says so and offers to reconnect.
    void offerReconnect();
    void retryReconnect();
    void afterReconnect();
    // Another person logs in on the locked window: searches, selections and
    // messages of the previous one are cleared.
    void clearForNextPerson();
    void reconnect();
    void changeOwnPassword();
    bool confirmLeavingSettings();
    void newDatabase();
    void openDatabase();
    void restoreBackup();
    void moveToServer();
    void showMoveToServer();
    void showMovedAway(const SchoolService& school);
    void connectToServer(); // the connection dialog, the settings left first
    void showAbout();
    void showLog();
    void replaceDatabase(std::unique_ptr<Database> db, std::optional<UserContext> user);

    Session& m_session;
    AppSettings& m_settings;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    DashboardPage* m_dashboard;
    SettingsPage* m_settingsPage;
    QLabel* m_status;
    QTabWidget* m_settingsTabs;
    UsersPage* m_usersPage;
    AuditPage* m_auditPage;
    HelpWindow* m_help = nullptr;
    PersonalDataPage* m_personalDataPage = nullptr;
    QTabWidget* m_traineesTabs = nullptr;
    TraineesPage* m_traineesPage = nullptr;
    AttendancePage* m_attendancePage = nullptr;
    WorkshopsPage* m_workshopsPage = nullptr;
    SalesPage* m_salesPage = nullptr;
    FundingPage* m_fundingPage = nullptr;
    IdleWatcher* m_idle;
    IntegrityWatch* m_integrity = nullptr;
    PresenceIndicator* m_presence = nullptr;
    MessageBanner* m_connectionBanner = nullptr; // "Connexion au serveur perdue — nouvelle tentative…"
    MessageBanner* m_movedBanner = nullptr;      // a file whose school was moved onto a server
    QTimer* m_reconnectTimer = nullptr;
    QList<QAction*> m_goActions; // Aller → page, by page index
    QAction* m_reconnectAction = nullptr;
    QAction* m_moveToServerAction = nullptr;
    bool m_locked = false;
    bool m_restored = false; // a geometry was kept from last time
};

} // namespace etabli
