#pragma once

#include "domain/budget.h"
#include "domain/funding.h"
#include "gui/common/rowstablemodel.h"
#include "util/error.h"

#include <optional>
#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace etabli {

class MessageBanner;
class Session;

// "Taxe d'apprentissage": per year, each company's expected and received
// balance of the tax, added or changed in a small dialog.
class ApprenticeshipTaxPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApprenticeshipTaxPage)

public:
    explicit ApprenticeshipTaxPage(Session& session, QWidget* parent = nullptr);
    void reload();
    QTableView* table() const { return m_table; }

private:
    void edit(qint64 id);

    Session& m_session;
    MessageBanner* m_banner;
    QSpinBox* m_year;
    QLabel* m_totals;
    ColumnsModel<ApprenticeshipTax>* m_rows;
    QTableView* m_table;
};

// "Adhérents": the members, their last dues, the count of members up to
// date for a year (for the general meeting); a new member, dues paid.
class MembersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MembersPage)

public:
    explicit MembersPage(Session& session, QWidget* parent = nullptr);
    void reload();
    QTableView* table() const { return m_table; }
    QString countText() const;

private:
    void addMember();
    void recordDues();

    Session& m_session;
    MessageBanner* m_banner;
    QSpinBox* m_year;
    QLabel* m_count;
    ColumnsModel<Member>* m_rows;
    QTableView* m_table;
};

// "Exercices": the financial years, open or closed, with their targets;
// open the next, change the targets, close, reopen (direction only).
class FinancialYearsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FinancialYearsPage)

public:
    explicit FinancialYearsPage(Session& session, QWidget* parent = nullptr);
    void reload();
    QTableView* table() const { return m_table; }

private:
    qint64 selectedId() const;
    // The chosen year, or a word on the banner when none is chosen.
    std::optional<FinancialYear> selectedYear();
    // Says how an action went, then lets every page refresh.
    void tell(const Status& result, const QString& success);
    void openNext();
    void editTargets();
    void closeYear();
    void reopenYear();

    Session& m_session;
    MessageBanner* m_banner;
    ColumnsModel<FinancialYear>* m_rows;
    QTableView* m_table;
    QPushButton* m_reopen;
};

} // namespace etabli
