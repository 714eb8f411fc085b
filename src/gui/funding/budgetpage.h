#pragma once

#include "gui/common/pagedlistpage.h"
#include "gui/common/rowstablemodel.h"
#include "reports/fundingreport.h"
#include "util/error.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QTableView;

namespace etabli {

class MessageBanner;
class BudgetEntryListModel;
class Session;
class YearCombo;

// The dated entries of other income and expenses, newest first, read a
// page at a time; a new entry; a correction (never a deletion).
class BudgetEntriesList final : public PagedListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BudgetEntriesList)

public:
    explicit BudgetEntriesList(Session& session, QWidget* parent = nullptr);
    void openRecord(qint64 id) override;
    void correctSelected();

protected:
    bool mayRead() const override;
    void applyFilters() override;

private:
    void updateButtons();

    BudgetEntryListModel* m_list;
    QComboBox* m_kind;
    QPushButton* m_correct;
};

// "Budget": forecast against actual per category for a financial year
// (the forecast typed here, the actual computed), and the entries.
// A row of the forecast table: a category's line, or one of the two totals.
struct ForecastRow
{
    FundingReport::Line line;
    qint64 categoryId = 0; // 0: a total
};

class BudgetPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BudgetPage)

public:
    explicit BudgetPage(Session& session, QWidget* parent = nullptr);
    void reload();
    QTableView* forecastTable() const { return m_forecasts; }
    BudgetEntriesList* entries() const { return m_entries; }
    // Asks the forecast of a row of the table.
    void editForecast(int row);

private:
    void forecastSubsidy();
    // Saves the chosen year's accountant's file (FEC).
    void saveFec();
    // The chosen year's id, opening it first if needed.
    Result<qint64> chosenYearId();

    Session& m_session;
    MessageBanner* m_banner;
    YearCombo* m_year;
    ColumnsModel<ForecastRow>* m_forecastRows;
    QTableView* m_forecasts;
    BudgetEntriesList* m_entries;
};

} // namespace etabli
