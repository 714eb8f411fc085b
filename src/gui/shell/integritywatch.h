#pragma once

#include <memory>
#include <QDate>
#include <QObject>
#include <QStringList>

class QLabel;
class QProgressBar;
class QStatusBar;
class QThread;

namespace etabli {

class Session;

// The full check of an SQLite database (PRAGMA quick_check and
// foreign_key_check), once a week, in the background: opening runs only the
// checks whose cost does not grow with the file (decision 53). The check
// reads through its own read-only connection on a worker thread while the
// status bar says so; the day it last passed is kept in the database
// (etabli_meta "integrity_checked"). A damaged file is said at once, with
// what to do.
class IntegrityWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntegrityWatch)

public:
    static constexpr int EveryDays = 7;

    IntegrityWatch(Session& session, QStatusBar* bar, QWidget* window);
    ~IntegrityWatch() override;

    // Starts the check if the open database is due for one; true if started.
    bool startIfDue();
    bool running() const;

Q_SIGNALS:
    // `ok` false: the file is damaged (the message box was shown).
    void finished(bool ok);

private:
    void done();

    Session& m_session;
    QWidget* m_window;
    QLabel* m_label;
    QProgressBar* m_busy;
    std::unique_ptr<QThread> m_worker;
    QString m_checked; // the file being checked
    QStringList m_problems;
    QString m_error;
};

} // namespace etabli
