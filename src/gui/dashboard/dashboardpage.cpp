#include "gui/dashboard/dashboardpage.h"

#include "domain/user.h"
#include "gui/common/messagebanner.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/session.h"
#include "print/dashboarddocument.h"
#include "print/documentprinter.h"
#include "services/dashboardservice.h"
#include "services/financialyearservice.h"
#include "services/fundingreportservice.h"
#include "services/invoiceservice.h"
#include "services/subsidyservice.h"

#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTextDocument>
#include <QVBoxLayout>

namespace etabli {

DashboardPage::DashboardPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_schoolName(new QLabel(this)),
      m_yearLabel(new QLabel(this)), m_funding(new QLabel(this)), m_cards(new QGridLayout),
      m_sectionRows(new ColumnsModel<DashboardSummary::Section>(
          {{tr("Section"), [](const DashboardSummary::Section& s) { return s.name; }},
           {tr("Enrolled"), [](const DashboardSummary::Section& s) { return QLocale().toString(s.enrolled); },
            true},
           {tr("Applications"),
            [](const DashboardSummary::Section& s) { return QLocale().toString(s.candidates); }, true}},
          this)),
      m_sections(new QTableView(this)), m_export(new QPushButton(tr("Export to PDF…"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(12);
    layout->addWidget(m_banner);

    m_schoolName->setObjectName(QStringLiteral("schoolName"));
    QFont big = m_schoolName->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_schoolName->setFont(big);
    layout->addWidget(m_schoolName);
    m_yearLabel->setObjectName(QStringLiteral("schoolYear"));
    layout->addWidget(m_yearLabel);
    m_funding->setObjectName(QStringLiteral("fundingSummary"));
    m_funding->setTextFormat(Qt::RichText);
    m_funding->setWordWrap(true);
    layout->addWidget(m_funding);

    // A new school's first day: what to do first, ticked as it is done.
    m_firstSteps = new QGroupBox(tr("First steps"), this);
    m_firstSteps->setObjectName(QStringLiteral("firstSteps"));
    m_firstSteps->setStyleSheet(
        QStringLiteral("QGroupBox#firstSteps { font-weight: bold; }"
                       "QGroupBox#firstSteps QLabel, QGroupBox#firstSteps QPushButton "
                       "{ font-weight: normal; }"));
    auto* steps = new QGridLayout(m_firstSteps);
    const QList<std::pair<FirstStep, QString>> stepTexts = {
        {FirstStep::Identity, tr("The school's identity: address and SIRET (printed on every invoice)")},
        {FirstStep::Sections, tr("Its workshops (sections)")},
        {FirstStep::Team, tr("The team's accounts: office, trainers")},
        {FirstStep::Trainees, tr("The trainees: enter them, or import them from a spreadsheet")},
        {FirstStep::Catalogue, tr("The first catalogue items: what the workshops make and sell")},
    };
    for (int i = 0; i < stepTexts.size(); ++i) {
        auto* mark = new QLabel(m_firstSteps);
        mark->setObjectName(QStringLiteral("stepMark%1").arg(i));
        m_stepMarks << mark;
        steps->addWidget(mark, i, 0);
        steps->addWidget(new QLabel(stepTexts.at(i).second, m_firstSteps), i, 1);
        auto* go = new QPushButton(tr("Open…"), m_firstSteps);
        go->setObjectName(QStringLiteral("step%1").arg(i));
        steps->addWidget(go, i, 2);
        connect(go, &QPushButton::clicked, this,
                [this, step = stepTexts.at(i).first]() { Q_EMIT firstStepRequested(step); });
    }
    steps->setColumnStretch(1, 1);
    m_firstSteps->hide();
    layout->addWidget(m_firstSteps);

    m_cards->setHorizontalSpacing(12);
    m_cards->setVerticalSpacing(12);
    layout->addLayout(m_cards);
    m_enrolled = addCard(0, tr("Trainees enrolled"));
    m_candidates = addCard(1, tr("Applications pending"));
    m_entrants = addCard(2, tr("Entries this school year"));
    m_exits = addCard(3, tr("Exits this school year"));
    m_sectionsCount = addCard(4, tr("Active sections"));
    m_ever = addCard(5, tr("Trainees trained since the start"));

    auto* bySection = new QLabel(tr("By section"), this);
    QFont h2 = bySection->font();
    h2.setBold(true);
    h2.setPointSizeF(h2.pointSizeF() * 1.2);
    bySection->setFont(h2);
    layout->addWidget(bySection);

    m_sections->setObjectName(QStringLiteral("sectionsTable"));
    m_sections->setModel(m_sectionRows);
    m_sections->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_sections->verticalHeader()->hide();
    m_sections->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sections->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sections->setMaximumHeight(260);
    layout->addWidget(m_sections);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_export->setObjectName(QStringLiteral("exportPdf"));
    buttons->addWidget(m_export);
    layout->addLayout(buttons);
    layout->addStretch(1);

    connect(m_export, &QPushButton::clicked, this, &DashboardPage::chooseExportFile);
    connect(&m_session, &Session::databaseChanged, this, &DashboardPage::refresh);
    reloadOnDataChangeWhenShown(this, m_session, allDataKinds(), [this]() { refresh(); });
    connect(&m_session, &Session::userChanged, this, &DashboardPage::refresh);
    refresh();
}

QLabel* DashboardPage::addCard(int index, const QString& caption)
{
    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    card->setStyleSheet(QStringLiteral("#card { background: palette(base); border: 1px solid palette(mid); "
                                       "border-radius: 6px; }"));
    auto* v = new QVBoxLayout(card);
    auto* value = new QLabel(QStringLiteral("—"), card);
    QFont f = value->font();
    f.setPointSizeF(f.pointSizeF() * 2.2);
    f.setBold(true);
    value->setFont(f);
    v->addWidget(value);
    auto* label = new QLabel(caption, card);
    label->setWordWrap(true);
    v->addWidget(label);
    m_cards->addWidget(card, index / 3, index % 3);
    return value;
}

void DashboardPage::refresh()
{
    if (!m_session.isOpen())
        return;
    auto summary = DashboardService(m_session.database()).summary(m_session.clock().today());
    if (!summary) {
        m_banner->showMessage(MessageBanner::Kind::Error, summary.error().message);
        return;
    }
    m_banner->hide();
    m_summary = *summary;
    const QLocale locale;
    m_schoolName->setText(m_summary.schoolName);
    m_yearLabel->setText(
        tr("School year %1 — %2")
            .arg(m_summary.schoolYearLabel,
                 locale.toString(m_session.clock().today(), QStringLiteral("dddd d MMMM yyyy"))));
    m_enrolled->setText(locale.toString(m_summary.enrolled));
    m_candidates->setText(locale.toString(m_summary.candidates));
    m_entrants->setText(locale.toString(m_summary.entrantsThisYear));
    m_exits->setText(locale.toString(m_summary.exitsThisYear));
    m_sectionsCount->setText(locale.toString(m_summary.activeSections));
    m_ever->setText(locale.toString(m_summary.traineesEver));
    m_sectionRows->setRows(m_summary.sections);
    refreshFunding();
    refreshVatWarning();
    refreshFirstSteps();
}

void DashboardPage::refreshFirstSteps()
{
    // Shown to the direction, who does them, until all are done.
    const auto& f = m_summary.firstSteps;
    const bool show = !f.done() && m_session.isLoggedIn() && m_session.user().can(permission::SettingsEdit);
    m_firstSteps->setVisible(show);
    const bool done[] = {f.identity, f.sections, f.team, f.trainees, f.catalogue};
    for (int i = 0; i < m_stepMarks.size(); ++i) {
        m_stepMarks.at(i)->setText(
            done[i] ? QStringLiteral("<b style=\"color:#2e7d32; font-size: 14pt;\">✔</b>")
                    : QStringLiteral("<b style=\"color:#999999; font-size: 14pt;\">○</b>"));
        m_stepMarks.at(i)->setToolTip(done[i] ? tr("Done") : tr("To do"));
        m_stepMarks.at(i)->setProperty("done", done[i]);
    }
}

void DashboardPage::refreshVatWarning()
{
    if (!m_session.isLoggedIn() || !m_session.user().can(permission::SalesRead))
        return;
    auto check = m_session.service<InvoiceService>().turnoverCheck(m_session.clock().today().year());
    if (check && check->exceeded)
        m_banner->showMessage(MessageBanner::Kind::Warning, check->message);
}

void DashboardPage::refreshFunding()
{
    m_funding->hide();
    if (!m_session.isLoggedIn() || !m_session.user().can(permission::FundingRead))
        return;
    const QDate today = m_session.clock().today();
    auto year = m_session.service<FinancialYearService>().yearHolding(today);
    if (!year)
        return;
    auto report = m_session.service<FundingReportService>().report(year->start.year(),
                                                                   FundingReportService::Detail::Split);
    auto due = m_session.service<SubsidyService>().deadlines(today.addMonths(1));
    if (!report || !due)
        return;
    const QLocale fr(QLocale::French, QLocale::France);
    QString text = tr("Financial year %1: self-financing <b>%2 %</b> (target %3 %).")
                       .arg(report->label, fr.toString(report->selfFinancingShare * 100, 'f', 1),
                            fr.toString(report->year.targetProductionBp / 100.0, 'f', 0));
    if (!due->isEmpty())
        text += QLatin1Char(' ') +
                tr("Subsidies: %n thing(s) due within a month, the first on %1 (%2).", nullptr,
                   static_cast<int>(due->size()))
                    .arg(fr.toString(due->first().day, QStringLiteral("dd/MM/yyyy")), due->first().what);
    m_funding->setText(text);
    m_funding->show();
}

bool DashboardPage::exportPdf(const QString& path)
{
    QTextDocument doc;
    doc.setHtml(print::DashboardDocument::html(m_summary, m_session.clock().today()));
    const QLocale locale;
    print::PageFrame frame{
        print::DashboardDocument::title(), m_summary.schoolName,
        tr("Printed on %1").arg(locale.toString(m_session.clock().today(), QStringLiteral("dd/MM/yyyy")))};
    if (auto r = print::DocumentPrinter::writePdf(doc, frame, path); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("The summary was saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void DashboardPage::chooseExportFile()
{
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(tr("summary-%1.pdf").arg(m_session.clock().today().toString(Qt::ISODate)));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the summary"), suggested, tr("PDF (*.pdf)"));
    if (!path.isEmpty())
        exportPdf(path);
}

} // namespace etabli
