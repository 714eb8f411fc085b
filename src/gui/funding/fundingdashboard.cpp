#include "gui/funding/fundingdashboard.h"

#include "gui/common/colours.h"
#include "gui/common/messagebanner.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/session.h"
#include "gui/funding/yearcombo.h"
#include "services/fundingreportservice.h"
#include "services/subsidyservice.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTableView>
#include <QValueAxis>
#include <QVBoxLayout>

namespace etabli {

namespace {

QString percent(double share)
{
    return QLocale(QLocale::French, QLocale::France).toString(share * 100.0, 'f', 1) + QStringLiteral(" %");
}

// "This year" in blue beside "the reference" in grey, over named
// categories, the values from 0 to `top`; replaces the view's chart.
QBarSeries* showBars(QChartView* view, const QString& title, QBarSet* current, QBarSet* reference,
                     const QStringList& categories, double top, bool niceNumbers)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    current->setColor(QColor(40, 110, 170));
    reference->setColor(QColor(190, 190, 190));
    auto* series = new QBarSeries;
    series->append(current);
    series->append(reference);
    chart->addSeries(series);
    auto* axisX = new QBarCategoryAxis;
    axisX->append(categories);
    QFont small = axisX->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    axisX->setLabelsFont(small);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto* axisY = new QValueAxis;
    axisY->setRange(0, top);
    if (niceNumbers)
        axisY->applyNiceNumbers();
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
    return series;
}

QChartView* makeChartView(QWidget* parent)
{
    auto* view = new QChartView(parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(230);
    return view;
}

} // namespace

FundingDashboard::FundingDashboard(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)),
      m_year(new YearCombo(session, this)), m_headline(new QLabel(this)), m_splitChart(makeChartView(this)),
      m_monthsChart(makeChartView(this)), m_categoryRows(nullptr), m_categories(new QTableView(this)),
      m_cash(new QLabel(this)), m_deadlines(new QListWidget(this))
{
    setObjectName(QStringLiteral("fundingDashboard"));
    m_year->setObjectName(QStringLiteral("fundingYear"));
    using Line = FundingReport::Line;
    // A shortfall of resources or an overspend shows in red.
    const auto shortfall = [](const Line& l, int role) {
        return role == Qt::ForegroundRole && l.shortfall() ? QVariant(alertColour()) : QVariant();
    };
    m_categoryRows = new ColumnsModel<Line>(
        {{tr("Category"),
          [](const Line& l) {
              return l.kind == BudgetKind::Expense ? tr("Expense: %1").arg(l.name) : l.name;
          }},
         {tr("Forecast"), [](const Line& l) { return l.forecast.format(); }, true},
         {tr("Actual"), [](const Line& l) { return l.actual.format(); }, true},
         {tr("Gap"), [](const Line& l) { return l.gap().format(); }, true, shortfall}},
        this);
    m_categories->setModel(m_categoryRows);
    m_categories->setObjectName(QStringLiteral("fundingCategories"));
    auto* layout = new QVBoxLayout(this);
    m_banner->hide();
    layout->addWidget(m_banner);
    auto* top = new QHBoxLayout;
    auto* yearLabel = new QLabel(tr("Financial &year:"), this);
    yearLabel->setBuddy(m_year);
    top->addWidget(yearLabel);
    top->addWidget(m_year);
    top->addSpacing(16);
    m_headline->setTextFormat(Qt::RichText);
    top->addWidget(m_headline, 1);
    layout->addLayout(top);

    auto* grid = new QGridLayout;
    grid->addWidget(m_splitChart, 0, 0);
    grid->addWidget(m_monthsChart, 0, 1);
    m_categories->verticalHeader()->hide();
    m_categories->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_categories->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_categories->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    grid->addWidget(m_categories, 1, 0);
    auto* side = new QVBoxLayout;
    m_cash->setWordWrap(true);
    m_cash->setTextFormat(Qt::RichText);
    side->addWidget(m_cash);
    auto* dueLabel = new QLabel(tr("<b>Subsidies: due in the next three months</b>"), this);
    side->addWidget(dueLabel);
    m_deadlines->setWordWrap(true);
    side->addWidget(m_deadlines, 1);
    grid->addLayout(side, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid, 1);

    connect(m_year, &QComboBox::currentIndexChanged, this, &FundingDashboard::reload);
    connect(&m_session, &Session::databaseChanged, this, [this]() {
        m_year->refresh();
        reload();
    });
    connect(&m_session, &Session::userChanged, this, [this]() {
        m_year->refresh();
        reload();
    });
    reloadOnDataChangeWhenShown(this, m_session,
                                DataKind::Gifts | DataKind::Budget | DataKind::Subsidies | DataKind::Invoices,
                                [this]() { reload(); });
    reload();
}

void FundingDashboard::reload()
{
    m_categoryRows->clear();
    m_deadlines->clear();
    m_report = FundingReport();
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::FundingRead)) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Your account does not allow seeing the funding."));
        m_banner->show();
        m_headline->clear();
        m_cash->clear();
        drawSplit();
        drawMonths();
        return;
    }
    if (m_year->count() == 0)
        m_year->refresh();
    auto report = m_session.service<FundingReportService>().report(m_year->startYear());
    if (!report) {
        m_banner->showMessage(MessageBanner::Kind::Error, report.error().message);
        m_banner->show();
        return;
    }
    m_banner->hide();
    m_report = *report;
    const FundingReport& r = m_report;
    m_headline->setText(
        tr("Resources: <b>%1</b> &nbsp;·&nbsp; self-financing: <b>%2</b> (target %3) &nbsp;·&nbsp; "
           "expenses: <b>%4</b>")
            .arg(r.totalResources.format(), percent(r.selfFinancingShare),
                 percent(r.year.targetProductionBp / 10000.0), r.totalExpenses.format()));
    m_categoryRows->setRows(r.categories);
    m_categories->resizeColumnsToContents();
    m_categories->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_cash->setText(
        tr("<b>Cash</b><br>Invoiced (incl. VAT, net of credit notes): %1<br>Received from customers: %2<br>"
           "Subsidies granted: %3, of which received this year: %4<br><br><b>Contributions in kind</b> (not "
           "in the "
           "resources above)<br>Gifts in kind: %5<br>Volunteer time: %6 h, valued at %7<br><br>Members with "
           "their "
           "dues paid: %8")
            .arg(r.invoiced.format(), r.cashReceived.format(), r.subsidiesGranted.format(),
                 r.subsidiesReceived.format(), r.giftsInKind.format(),
                 QLocale(QLocale::French, QLocale::France).toString(r.volunteerHours, 'f', 1),
                 r.volunteerValue.format())
            .arg(r.activeMembers));
    auto due = m_session.service<SubsidyService>().deadlines(m_session.clock().today().addMonths(3));
    if (due) {
        const QLocale fr(QLocale::French, QLocale::France);
        for (const SubsidyDeadline& d : *due) {
            auto* item = new QListWidgetItem(
                QStringLiteral("%1 — %2").arg(fr.toString(d.day, QStringLiteral("dd/MM/yyyy")), d.what),
                m_deadlines);
            if (d.late)
                item->setForeground(alertColour());
        }
        if (due->isEmpty())
            new QListWidgetItem(tr("Nothing due."), m_deadlines);
    }
    drawSplit();
    drawMonths();
}

void FundingDashboard::drawSplit()
{
    auto* actual = new QBarSet(tr("Actual"));
    auto* target = new QBarSet(tr("Target"));
    const FundingReport& r = m_report;
    const int otherBp = 10000 - r.year.targetProductionBp - r.year.targetGiftsBp - r.year.targetSubsidiesBp;
    *actual << r.production.share * 100 << r.gifts.share * 100 << r.subsidies.share * 100
            << r.other.share * 100;
    *target << r.year.targetProductionBp / 100.0 << r.year.targetGiftsBp / 100.0
            << r.year.targetSubsidiesBp / 100.0 << otherBp / 100.0;
    QBarSeries* series =
        showBars(m_splitChart, tr("Resources by origin against the targets (%)"), actual, target,
                 {tr("Production"), tr("Gifts"), tr("Subsidies"), tr("Other")}, 100, false);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(2); // whole percents: no decimal point to translate
}

void FundingDashboard::drawMonths()
{
    const int year = m_report.year.start.isValid() ? m_report.year.start.year() : 0;
    auto* current = new QBarSet(m_report.label.isEmpty() ? tr("This year") : m_report.label);
    auto* previous = new QBarSet(tr("Year before"));
    QStringList months;
    double top = 0;
    // Three letters fit under a bar; QLocale's "MMM" ("janv.") gets cut.
    static const char* const names[] = {QT_TR_NOOP("Jan"), QT_TR_NOOP("Feb"), QT_TR_NOOP("Mar"),
                                        QT_TR_NOOP("Apr"), QT_TR_NOOP("May"), QT_TR_NOOP("Jun"),
                                        QT_TR_NOOP("Jul"), QT_TR_NOOP("Aug"), QT_TR_NOOP("Sep"),
                                        QT_TR_NOOP("Oct"), QT_TR_NOOP("Nov"), QT_TR_NOOP("Dec")};
    for (int m = 0; m < 12; ++m) {
        const double now = m_report.monthlyProduction.value(m) / 100.0;
        const double before = m_report.monthlyProductionPrevious.value(m) / 100.0;
        *current << now;
        *previous << before;
        top = std::max({top, now, before});
        const int month = year != 0 ? m_report.year.start.addMonths(m).month() : m + 1;
        months << tr(names[month - 1]);
    }
    showBars(m_monthsChart, tr("Production sales by month, excl. VAT (€)"), current, previous, months,
             top > 0 ? top * 1.1 : 1000, true);
}

} // namespace etabli
