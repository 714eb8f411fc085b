#include "gui/reports/fundamentalspage.h"

#include "domain/schoolyear.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/schoolyearbox.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "services/schoolservice.h"

#include <QColor>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

namespace {

const QColor kMet(0xdf, 0xf2, 0xe1);
const QColor kMissed(0xf8, 0xd7, 0xd7);

QVariant metColour(const FundamentalRow& r, int role)
{
    if (role == Qt::BackgroundRole && r.met)
        return *r.met ? kMet : kMissed;
    return {};
}

QString percentText(int bp)
{
    return QLocale(QLocale::French, QLocale::France).toString(bp / 100.0, 'f', 1);
}

// "66,7" or "66,7 %" → 6670 basis points; -1 when it is not a share.
int basisPoints(const QString& typed)
{
    QString text = typed.trimmed();
    text.remove(QLatin1Char('%'));
    bool ok = false;
    const double value = QLocale(QLocale::French, QLocale::France).toDouble(text.trimmed(), &ok);
    return ok && value >= 0 && value <= 100 ? static_cast<int>(value * 100.0 + 0.5) : -1;
}

} // namespace

FundamentalsPage::FundamentalsPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_year(new SchoolYearBox(this)),
      m_section(new QComboBox(this)), m_targets(new QPushButton(tr("School's &targets…"), this)),
      m_figures(new ColumnsModel<FundamentalRow>(
          {{tr("Fundamental"), [](const FundamentalRow& r) { return r.label; }, false, metColour},
           {tr("This year"), [](const FundamentalRow& r) { return r.now; }, true, metColour},
           {tr("School's target"), [](const FundamentalRow& r) { return r.target; }, true, metColour},
           {tr("Year before"), [](const FundamentalRow& r) { return r.before; }, true},
           {tr("Target met"),
            [](const FundamentalRow& r) {
                return !r.met ? tr("nothing recorded") : *r.met ? tr("yes") : tr("no");
            },
            false, metColour}},
          this)),
      m_figuresView(new QTableView(this)),
      m_practice(new ColumnsModel<IndicatorService::Practice>(
          {{tr("Trainee"), [](const IndicatorService::Practice& p) { return p.trainee; }},
           {tr("Section"), [](const IndicatorService::Practice& p) { return p.section; }},
           Column<IndicatorService::Practice>::count(
               tr("Half-days in the workshop"),
               [](const IndicatorService::Practice& p) { return p.workshop; }),
           Column<IndicatorService::Practice>::count(
               tr("Half-days in class"), [](const IndicatorService::Practice& p) { return p.inClass; }),
           {tr("Share in the workshop"),
            [](const IndicatorService::Practice& p) { return IndicatorService::percent(p.share()); }, true,
            [this](const IndicatorService::Practice& p, int role) -> QVariant {
                if (role != Qt::BackgroundRole || p.share() < 0)
                    return {};
                return p.share() + 1e-9 >= m_indicators.targets.practiceBp / 10000.0 ? kMet : kMissed;
            }}},
          this)),
      m_traineesView(new QTableView(this))
{
    setObjectName(QStringLiteral("fundamentalsPage"));
    auto* layout = new QVBoxLayout(this);
    m_banner->hide();
    layout->addWidget(m_banner);
    layout->addWidget(new QLabel(tr("<h2>The fundamentals of an école de production</h2>"), this));
    auto* top = new QHBoxLayout;
    auto* yearLabel = new QLabel(tr("School &year:"), this);
    yearLabel->setBuddy(m_year);
    auto* sectionLabel = new QLabel(tr("Se&ction:"), this);
    sectionLabel->setBuddy(m_section);
    m_year->setObjectName(QStringLiteral("fundamentalsYear"));
    m_section->setObjectName(QStringLiteral("fundamentalsSection"));
    top->addWidget(yearLabel);
    top->addWidget(m_year);
    top->addWidget(sectionLabel);
    top->addWidget(m_section, 1);
    top->addStretch(1);
    m_targets->setToolTip(tr("The shares and the group size the school aims at."));
    top->addWidget(m_targets);
    layout->addLayout(top);
    auto* help =
        new QLabel(tr("The half-days in class come from each section's timetable (Trainees › Attendance "
                      "register › Timetable…); the production hours, from the workshops' log."),
                   this);
    help->setWordWrap(true);
    help->setStyleSheet(QStringLiteral("color: #555;"));
    layout->addWidget(help);
    for (QTableView* view : {m_figuresView, m_traineesView}) {
        view->verticalHeader()->hide();
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setSelectionBehavior(QAbstractItemView::SelectRows);
    }
    m_figuresView->setObjectName(QStringLiteral("fundamentalsFigures"));
    m_figuresView->setModel(m_figures);
    m_figuresView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_figuresView->setMaximumHeight(140);
    layout->addWidget(m_figuresView);
    layout->addWidget(new QLabel(tr("<b>Each trainee's presence</b> (half-days present or late)"), this));
    m_traineesView->setObjectName(QStringLiteral("fundamentalsTrainees"));
    m_traineesView->setModel(m_practice);
    m_traineesView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_traineesView, 1);

    connect(m_year, &QSpinBox::valueChanged, this, &FundamentalsPage::reload);
    connect(m_section, &QComboBox::currentIndexChanged, this, &FundamentalsPage::reload);
    connect(m_targets, &QPushButton::clicked, this, &FundamentalsPage::editTargets);
    const auto refill = [this]() {
        if (!m_session.isOpen() || !m_session.isLoggedIn())
            return;
        {
            const QSignalBlocker block(m_year);
            m_year->setValue(SchoolYear::containing(m_session.clock().today()).startYear());
        }
        SectionChoice choice;
        choice.allLabel = tr("The whole school");
        choice.preferOwn = false;
        choice.fill(m_section, m_session);
        reload();
    };
    connect(&m_session, &Session::databaseChanged, this, refill);
    connect(&m_session, &Session::userChanged, this, refill);
    m_session.onDataChanged(this, DataKind::Attendance | DataKind::Production, [this]() {
        if (isVisible())
            reload();
    });
    refill();
}

void FundamentalsPage::showYear(int startYear)
{
    m_year->setValue(startYear);
    reload();
}

void FundamentalsPage::reload()
{
    m_figures->clear();
    m_practice->clear();
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::ReportsRead))
        return;
    m_targets->setVisible(m_session.user().can(permission::SettingsEdit));
    const QString year = SchoolYear(m_year->value()).label();
    const QString section = m_section->currentData().toLongLong() == 0 ? QString() : m_section->currentText();
    IndicatorService service = m_session.service<IndicatorService>();
    auto indicators = service.indicators(year, section);
    auto practice = service.practice(year, section);
    if (!indicators || !practice) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              (!indicators ? indicators.error() : practice.error()).message);
        m_banner->show();
        return;
    }
    m_indicators = *indicators;
    m_figures->setRows(IndicatorService::fundamentals(m_indicators));
    m_figures->setHeading(1, m_indicators.schoolYear);
    m_figures->setHeading(3, m_indicators.previous ? m_indicators.previous->schoolYear : tr("Year before"));
    m_practice->setRows(*practice);
    m_figuresView->resizeColumnsToContents();
    m_figuresView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_traineesView->resizeColumnsToContents();
    m_traineesView->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

Status FundamentalsPage::saveTargets(const FundamentalTargets& targets)
{
    ETABLI_TRY(m_session.service<SchoolService>().saveTargets(targets));
    reload();
    m_banner->showMessage(MessageBanner::Kind::Success, tr("The school's targets were saved."));
    m_banner->show();
    return {};
}

void FundamentalsPage::editTargets()
{
    const FundamentalTargets now = m_indicators.targets;
    FormDialog dialog(tr("The school's targets"), this);
    auto* practice = new QLineEdit(percentText(now.practiceBp), &dialog);
    auto* group = new QSpinBox(&dialog);
    group->setRange(1, 100);
    group->setValue(now.traineesPerMaster);
    auto* orders = new QLineEdit(percentText(now.customerOrderBp), &dialog);
    dialog.addRow(tr("Presence time in the workshop, at least (%)"), practice);
    dialog.addRow(tr("Trainees per master trainer, at most"), group);
    dialog.addRow(tr("Production hours on customers' orders, at least (%)"), orders);
    dialog.setAction([this, practice, group, orders]() -> Status {
        const int practiceBp = basisPoints(practice->text());
        const int ordersBp = basisPoints(orders->text());
        if (practiceBp < 0 || ordersBp < 0)
            return fail(Error::Code::InvalidInput,
                        tr("A share is a percentage between 0 and 100, e.g. 66,7."));
        return saveTargets(FundamentalTargets{practiceBp, group->value(), ordersBp});
    });
    dialog.exec();
}

} // namespace etabli
