#include "gui/trainees/absencespage.h"

#include "domain/schoolyear.h"
#include "gui/common/datefield.h"
#include "gui/common/listoutput.h"
#include "gui/common/periodedit.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "services/attendanceservice.h"
#include "services/schoolservice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

namespace {
QString percent(const AttendanceRate& r)
{
    return r.total() == 0 ? QStringLiteral("—")
                          : QLocale().toString(r.rateBasisPoints() / 100.0, 'f', 1) + QStringLiteral(" %");
}
} // namespace

AbsencesPage::AbsencesPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_section(new QComboBox(this)),
      m_period(new PeriodEdit(SchoolYear::containing(session.clock().today()).firstDay(),
                              session.clock().today(), this)),
      m_rate(new QLabel(this)), m_rateRows(nullptr), m_runRows(nullptr), m_rates(new QTableView(this)),
      m_runs(new QTableView(this))
{
    m_rateRows = new ColumnsModel<TraineeAttendance>(
        {{tr("Trainee"), [](const TraineeAttendance& t) { return t.name; }},
         {tr("Rate"), [](const TraineeAttendance& t) { return percent(t.rate); }, true},
         Column<TraineeAttendance>::count(tr("Unexcused"),
                                          [](const TraineeAttendance& t) { return t.rate.unexcused; }),
         Column<TraineeAttendance>::count(tr("Excused"),
                                          [](const TraineeAttendance& t) { return t.rate.excused; })},
        this);
    const auto when = [](const QDate& d, Half h) {
        return tr("%1 %2").arg(QLocale().toString(d, QStringLiteral("dd/MM/yyyy")),
                               h == Half::Morning ? tr("morning") : tr("afternoon"));
    };
    m_runRows = new ColumnsModel<AbsenceRun>(
        {{tr("Trainee"), [](const AbsenceRun& r) { return r.name; }},
         {tr("From"), [when](const AbsenceRun& r) { return when(r.firstDay, r.firstHalf); }},
         {tr("To"), [when](const AbsenceRun& r) { return when(r.lastDay, r.lastHalf); }},
         Column<AbsenceRun>::count(tr("Half-days"), [](const AbsenceRun& r) { return r.halfDays; })},
        this);
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(m_section, 1);
    top->addWidget(m_period);
    top->addStretch(1);
    top->addWidget(new ListOutput(
        m_session, nullptr, {m_rates, m_runs},
        {tr("Attendance of each trainee"), tr("3 or more unexcused half-days in a row")}, tr("Attendance"),
        [this]() {
            return QStringList{m_section->currentText(), m_period->text(), m_rate->text()};
        },
        this));
    layout->addLayout(top);
    QFont big = m_rate->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_rate->setFont(big);
    m_rate->setObjectName(QStringLiteral("sectionRate"));
    layout->addWidget(m_rate);
    auto* tables = new QHBoxLayout;
    m_rates->setObjectName(QStringLiteral("traineeRates"));
    m_rates->setModel(m_rateRows);
    m_runs->setObjectName(QStringLiteral("absenceRuns"));
    m_runs->setModel(m_runRows);
    for (QTableView* t : {m_rates, m_runs}) {
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->verticalHeader()->hide();
        t->horizontalHeader()->setStretchLastSection(true);
    }
    auto* left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("<b>Attendance of each trainee</b>"), this));
    left->addWidget(m_rates);
    auto* right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("<b>3 or more unexcused half-days in a row</b>"), this));
    right->addWidget(m_runs);
    tables->addLayout(left, 1);
    tables->addLayout(right, 1);
    layout->addLayout(tables, 1);
    connect(m_section, &QComboBox::currentIndexChanged, this, &AbsencesPage::reload);
    connect(m_period, &PeriodEdit::changed, this, &AbsencesPage::reload);
    connect(&m_session, &Session::userChanged, this, &AbsencesPage::reloadSections);
    m_session.onDataChanged(this, DataKind::Attendance | DataKind::Trainees, [this]() { reload(); });
    reloadSections();
}

void AbsencesPage::reloadSections()
{
    SectionChoice choice;
    choice.activeOnly = true;
    choice.coveredOnly = true;
    choice.preferOwn = false;
    choice.fill(m_section, m_session);
    reload();
}

void AbsencesPage::setPeriod(const QDate& from, const QDate& to)
{
    m_period->setPeriod(from, to);
    reload();
}

QString AbsencesPage::rateText() const
{
    return m_rate->text();
}

void AbsencesPage::reload()
{
    m_rateRows->clear();
    m_runRows->clear();
    const qint64 sectionId = m_section->currentData().toLongLong();
    if (sectionId == 0 || !m_session.isLoggedIn())
        return;
    auto service = m_session.service<AttendanceService>();
    const QDate from = m_period->from();
    const QDate to = m_period->to();
    auto rate = service.sectionRate(sectionId, from, to);
    if (!rate) {
        m_rate->setText(rate.error().message);
        return;
    }
    m_rate->setText(tr("Attendance rate of the section: %1 (%n half-day(s) recorded)", nullptr, rate->total())
                        .arg(percent(*rate)));
    // Each trainee enrolled at some point of the period.
    auto week = service.enrolled(sectionId, from, to);
    QList<TraineeAttendance> rates;
    for (const auto& t : week.value_or(QList<AttendanceRepository::Enrolment>{}))
        rates << TraineeAttendance{QStringLiteral("%1 %2").arg(t.lastName.toUpper(), t.firstName),
                                   service.traineeRate(t.traineeId, from, to).value_or(AttendanceRate{})};
    m_rateRows->setRows(rates);
    m_runRows->setRows(service.unexcusedRuns(sectionId, from, to, 3).value_or(QList<AbsenceRun>{}));
    m_rates->resizeColumnsToContents();
    m_runs->resizeColumnsToContents();
}

} // namespace etabli
