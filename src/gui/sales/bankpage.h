#pragma once

#include "domain/bank.h"
#include "gui/common/rowstablemodel.h"
#include "services/reconciliationservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace etabli {

class MessageBanner;
class Session;

// A line of the statement shown, with what Établi proposes for it.
struct ReconciliationRow
{
    StatementLine line;
    QList<ReconciliationService::Proposal> proposals;
    const ReconciliationService::Proposal* preferred() const
    {
        return ReconciliationService::preferred(proposals);
    }
};

// "Relevés bancaires": the statements imported, and the reconciliation of
// the one chosen, line by line, from the keyboard: Enter confirms what
// Établi proposes and goes to the next line to reconcile, A offers every
// other choice, C sets the line aside, R puts it back, Delete undoes a
// match (asking why).
class BankPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BankPage)

public:
    explicit BankPage(Session& session, QWidget* parent = nullptr);
    void reload();
    // Shows this statement.
    void showStatement(qint64 statementId);
    qint64 statementId() const;

    QTableView* table() const { return m_table; }
    QComboBox* statements() const { return m_statements; }
    ColumnsModel<ReconciliationRow>* rows() const { return m_rows; }
    QString summaryText() const;

    // What the keys do, on the current line.
    bool confirmCurrent();
    bool setAsideCurrent();
    bool reopenCurrent();
    // Undoes the current line's match; `reason` said (the page asks it).
    bool unmatchCurrent(const QString& reason);
    // Confirms another choice for the current line.
    bool confirmCurrentWith(const ReconciliationService::Proposal& choice);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void importStatement();
    void chooseOther();
    void askUnmatch();
    void reloadLines();
    // After an action: the lines again, the cursor on the next line to reconcile.
    void moveOn(int fromRow);
    bool act(const Status& done);
    const StatementLine* current() const;

    Session& m_session;
    MessageBanner* m_banner;
    QComboBox* m_statements;
    QLabel* m_summary;
    QTableView* m_table;
    ColumnsModel<ReconciliationRow>* m_rows;
    QPushButton* m_import;
    QPushButton* m_confirm;
    QPushButton* m_other;
    QPushButton* m_aside;
    QPushButton* m_undo;
};

} // namespace etabli
