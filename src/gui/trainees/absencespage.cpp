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
#include <QTableWidget>
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
      m_rate(new QLabel(this)), m_rates(new QTableWidget(this)), m_runs(new QTableWidget(this))
{
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
    m_rates->setColumnCount(4);
    m_rates->setHorizontalHeaderLabels({tr("Trainee"), tr("Rate"), tr("Unexcused"), tr("Excused")});
    m_runs->setObjectName(QStringLiteral("absenceRuns"));
    m_runs->setColumnCount(4);
    m_runs->setHorizontalHeaderLabels({tr("Trainee"), tr("From"), tr("To"), tr("Half-days")});
    for (QTableWidget* t : {m_rates, m_runs}) {
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
    m_rates->setRowCount(0);
    m_runs->setRowCount(0);
    const qint64 sectionId = m_section->currentData().toLongLong();
    if (sectionId == 0 || !m_session.isLoggedIn())
        return;
    AttendanceService service(m_session.database(), m_session.clock(), m_session.user());
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
    const QLocale locale;
    if (week) {
        m_rates->setRowCount(static_cast<int>(week->size()));
        for (int r = 0; r < week->size(); ++r) {
            const auto& t = week->at(r);
            const AttendanceRate one = service.traineeRate(t.traineeId, from, to).value_or(AttendanceRate{});
            const QStringList cells = {QStringLiteral("%1 %2").arg(t.lastName.toUpper(), t.firstName),
                                       percent(one), QString::number(one.unexcused),
                                       QString::number(one.excused)};
            for (int c = 0; c < cells.size(); ++c)
                m_rates->setItem(r, c, new QTableWidgetItem(cells.at(c)));
        }
    }
    auto runs = service.unexcusedRuns(sectionId, from, to, 3);
    if (runs) {
        m_runs->setRowCount(static_cast<int>(runs->size()));
        for (int r = 0; r < runs->size(); ++r) {
            const AbsenceRun& run = runs->at(r);
            const auto when = [&locale, this](const QDate& d, Half h) {
                return tr("%1 %2").arg(locale.toString(d, QStringLiteral("dd/MM/yyyy")),
                                       h == Half::Morning ? tr("morning") : tr("afternoon"));
            };
            const QStringList cells = {run.name, when(run.firstDay, run.firstHalf),
                                       when(run.lastDay, run.lastHalf), QString::number(run.halfDays)};
            for (int c = 0; c < cells.size(); ++c)
                m_runs->setItem(r, c, new QTableWidgetItem(cells.at(c)));
        }
    }
    m_rates->resizeColumnsToContents();
    m_runs->resizeColumnsToContents();
}

} // namespace etabli
