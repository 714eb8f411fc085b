#pragma once

#include "domain/sales.h"
#include "gui/common/rowstablemodel.h"
#include "util/error.h"

#include <QWidget>

class QLabel;
class QTableView;

#include <memory>

namespace etabli {

namespace print {
struct Printable;
}

class MessageBanner;
class Session;

// A cheque waiting for the bank, ticked to go on the next deposit slip.
struct ChequeChoice
{
    ChequeToDeposit cheque;
    bool ticked = true;
};

// "Impayés": what customers still owe, by age (not yet due, 1–30, 31–60,
// 61–90, over 90 days late), the reminder letter of a customer, and the
// cheques to hand to the bank with their deposit slip.
class ReceivablesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReceivablesPage)

public:
    explicit ReceivablesPage(Session& session, QWidget* parent = nullptr);
    void reload();
    // The reminder letter of the selected invoice's customer.
    Status writeReminder(int row, const QString& path);
    QTableView* table() const { return m_table; }
    QString summaryText() const;
    QTableView* chequesTable() const { return m_cheques; }
    ColumnsModel<ChequeChoice>* cheques() const { return m_chequeRows; }
    // Puts the ticked cheques on a deposit slip; returns the slip's id.
    Result<qint64> depositTicked();
    // The same, then writes the slip's PDF.
    Status depositTicked(const QString& path);
    std::unique_ptr<print::Printable> reminder(int row);
    std::unique_ptr<print::Printable> depositSlip(qint64 slipId);

    // The table shows the oldest unpaid invoices; the totals count them all.
    static constexpr int MaxRows = 500;

private:
    void chooseReminder(bool preview);
    void chooseDeposit();
    void reloadCheques();

    Session& m_session;
    MessageBanner* m_banner;
    QLabel* m_summary;
    ColumnsModel<Receivable>* m_rows;
    ColumnsModel<ChequeChoice>* m_chequeRows;
    QTableView* m_table;
    QTableView* m_cheques;
    QLabel* m_chequesTotal;
};

} // namespace etabli
