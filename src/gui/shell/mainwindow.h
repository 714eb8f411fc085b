#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace etabli {

class AppSettings;
class DashboardPage;
class Session;
class SettingsPage;

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
    DashboardPage* dashboardPage() const { return m_dashboard; }
    SettingsPage* settingsPage() const { return m_settingsPage; }
    QString statusText() const;

    // Takes today's automatic backup (SQLite, when enabled). Called on close.
    void runAutomaticBackup();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildNavigation();
    void onDatabaseChanged();
    bool confirmLeavingSettings();
    void newDatabase();
    void openDatabase();
    void restoreBackup();
    void showAbout();
    void showLog();
    void replaceDatabase(std::unique_ptr<class Database> db);

    Session& m_session;
    AppSettings& m_settings;
    QListWidget* m_navigation;
    QStackedWidget* m_pages;
    DashboardPage* m_dashboard;
    SettingsPage* m_settingsPage;
    QLabel* m_status;
    int m_lastPage = 0;
};

} // namespace etabli
