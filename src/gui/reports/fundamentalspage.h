#pragma once

#include "gui/common/rowstablemodel.h"
#include "reports/indicators.h"
#include "services/indicatorservice.h"

#include <QWidget>

class QComboBox;
class QPushButton;
class QTableView;

namespace etabli {

class MessageBanner;
class SchoolYearBox;
class Session;

// Rapports › "Fondamentaux": the school year's share of presence time in
// the workshop, trainees per master trainer, production hours on customers'
// orders, each beside the school's target (which the director sets), and
// each trainee's workshop and class half-days.
class FundamentalsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FundamentalsPage)

public:
    explicit FundamentalsPage(Session& session, QWidget* parent = nullptr);

    void reload();
    void showYear(int startYear);
    QTableView* figures() const { return m_figuresView; }
    QTableView* trainees() const { return m_traineesView; }
    MessageBanner* banner() const { return m_banner; }
    // The targets dialog's action: saves them and shows the figures against them.
    Status saveTargets(const FundamentalTargets& targets);

private:
    void editTargets();

    Session& m_session;
    MessageBanner* m_banner;
    SchoolYearBox* m_year;
    QComboBox* m_section;
    QPushButton* m_targets;
    Indicators m_indicators;
    ColumnsModel<FundamentalRow>* m_figures;
    QTableView* m_figuresView;
    ColumnsModel<IndicatorService::Practice>* m_practice;
    QTableView* m_traineesView;
};

} // namespace etabli
