#pragma once

#include "util/error.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace etabli {

class MessageBanner;
class Session;

// "Impayés": what customers still owe, by age (not yet due, 1–30, 31–60,
// 61–90, over 90 days late), and the reminder letter of a customer.
class ReceivablesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceivablesPage)

public:
    explicit ReceivablesPage(Session& session, QWidget* parent = nullptr);
    void reload();
    // The reminder letter of the selected invoice's customer.
    Status writeReminder(int row, const QString& path);
    QTableWidget* table() const { return m_table; }
    QString summaryText() const;
    QTableWidget* chequesTable() const { return m_cheques; }
    // Puts the ticked cheques on a deposit slip and writes its PDF.
    Status depositTicked(const QString& path);

private:
    void chooseReminder();
    void chooseDeposit();
    void reloadCheques();

    Session& m_session;
    MessageBanner* m_banner;
    QLabel* m_summary;
    QTableWidget* m_table;
    QTableWidget* m_cheques;
    QLabel* m_chequesTotal;
};

} // namespace etabli
