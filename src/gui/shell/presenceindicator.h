#pragma once

#include <QCoreApplication>
#include <QToolButton>

class QTimer;

namespace etabli {

class Database;
class Session;

// In the status bar, on a database shared by several PCs (PostgreSQL): how
// many other people are connected ("2 autres postes connectés"), kept by a
// heartbeat every thirty seconds that also finds a lost connection. Who they
// are — name, PC, since when — is for the director, who may click it.
// Hidden on an SQLite file.
class PresenceIndicator final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PresenceIndicator)

public:
    static constexpr int HeartbeatMs = 30000;

    PresenceIndicator(Session& session, QWidget* parent);
    ~PresenceIndicator() override;

    // Beats now and refreshes the count (the timer does it every 30 s).
    void refresh();
    // The names of the others, one line each ("Marie Dupont — ATELIER — depuis 08:12").
    QStringList othersShown() const { return m_others; }

private:
    void rejoin(); // a new database or another user
    void leave();
    void showList();

    Session& m_session;
    QTimer* m_timer;
    qint64 m_sessionId = 0;
    const Database* m_joinedOn = nullptr; // the session's database
    QStringList m_others;
};

} // namespace etabli
