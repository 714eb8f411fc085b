#pragma once

#include "gui/common/rowstablemodel.h"
#include "reports/fundingreport.h"

#include <QWidget>

class QChartView;
class QLabel;
class QListWidget;
class QTableView;

namespace etabli {

class MessageBanner;
class Session;
class YearCombo;

// "Tableau de bord" of Financements: for the chosen financial year, the
// split production / gifts / subsidies / other against the year's targets,
// the self-financing share, monthly production sales against the year
// before, forecast against actual per category with the gap, cash received
// against invoiced, contributions in kind apart, and what is due soon on
// the subsidies.
class FundingDashboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FundingDashboard)

public:
    explicit FundingDashboard(Session& session, QWidget* parent = nullptr);
    void reload();
    const FundingReport& report() const { return m_report; }
    QTableView* categoriesTable() const { return m_categories; }
    QListWidget* deadlines() const { return m_deadlines; }
    YearCombo* yearCombo() const { return m_year; }
    QChartView* splitChart() const { return m_splitChart; }
    QChartView* monthsChart() const { return m_monthsChart; }

private:
    void drawSplit();
    void drawMonths();

    Session& m_session;
    FundingReport m_report;
    MessageBanner* m_banner;
    YearCombo* m_year;
    QLabel* m_headline;
    QChartView* m_splitChart;
    QChartView* m_monthsChart;
    ColumnsModel<FundingReport::Line>* m_categoryRows;
    QTableView* m_categories;
    QLabel* m_cash;
    QListWidget* m_deadlines;
};

} // namespace etabli
