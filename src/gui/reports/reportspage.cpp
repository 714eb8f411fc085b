#include "gui/reports/reportspage.h"

#include "domain/production.h"
#include "domain/schoolyear.h"
#include "domain/trainee.h"
#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "gui/funding/yearcombo.h"
#include "gui/reports/reportjob.h"
#include "io/files.h"
#include "print/documentprinter.h"
#include "print/reportdocuments.h"
#include "services/careerservice.h"
#include "services/indicatorservice.h"
#include "services/reportdataservice.h"
#include "services/subsidyservice.h"
#include "services/traineeservice.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTextEdit>
#include <QTextList>
#include <QToolButton>
#include <QVBoxLayout>

namespace etabli {

ReportsPage::ReportsPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_year(new QComboBox(this)),
      m_section(new QComboBox(this)),
      m_rows(new ColumnsModel<IndicatorRow>(
          {{tr("Indicator"),
            [](const IndicatorRow& r) { return QString(r.indent * 4, QLatin1Char(' ')) + r.label; }, false,
            [](const IndicatorRow& r, int role) {
                if (role != Qt::FontRole || !r.heading)
                    return QVariant();
                QFont bold;
                bold.setBold(true);
                return QVariant(bold);
            }},
           {tr("This year"), [](const IndicatorRow& r) { return r.now; }, true},
           {tr("Year before"), [](const IndicatorRow& r) { return r.before; }, true}},
          this)),
      m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("reportsPage"));
    m_table->setObjectName(QStringLiteral("indicatorsTable"));
    auto* layout = new QVBoxLayout(this);
    m_banner->hide();
    layout->addWidget(m_banner);
    auto* title = new QLabel(tr("<h2>Indicators of a school year</h2>"), this);
    layout->addWidget(title);
    auto* top = new QHBoxLayout;
    auto* yearLabel = new QLabel(tr("School &year:"), this);
    yearLabel->setBuddy(m_year);
    auto* sectionLabel = new QLabel(tr("Se&ction:"), this);
    sectionLabel->setBuddy(m_section);
    auto* json = new QPushButton(tr("Save as &JSON…"), this);
    m_references = new QPushButton(tr("&Reference values…"), this);
    m_references->setToolTip(
        tr("The federation's exam success rate and the InserJeunes insertion rate, typed from "
           "their publications, shown beside the school's own."));
    top->addWidget(yearLabel);
    top->addWidget(m_year);
    top->addWidget(sectionLabel);
    top->addWidget(m_section, 1);
    top->addStretch(1);
    top->addWidget(m_references);
    top->addWidget(json);
    layout->addLayout(top);
    m_table->setModel(m_rows);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    layout->addWidget(buildDocumentsBox());

    connect(m_year, &QComboBox::currentIndexChanged, this, &ReportsPage::reload);
    connect(m_section, &QComboBox::currentIndexChanged, this, &ReportsPage::reload);
    connect(json, &QPushButton::clicked, this, &ReportsPage::saveJson);
    connect(m_references, &QPushButton::clicked, this, &ReportsPage::editReferences);
    const auto refill = [this]() {
        if (!m_session.isOpen())
            return;
        {
            const QSignalBlocker block(m_year);
            const int chosen = m_year->currentData().toInt();
            m_year->clear();
            const SchoolYear current = SchoolYear::containing(m_session.clock().today());
            for (int y = current.startYear(); y >= 2000 && y > current.startYear() - 20; --y)
                m_year->addItem(SchoolYear(y).label(), y);
            const int index = m_year->findData(chosen);
            // By default the last year completed: the one funders ask about.
            m_year->setCurrentIndex(index >= 0 ? index : std::min(1, m_year->count() - 1));
        }
        SectionChoice choice;
        choice.allLabel = tr("The whole school");
        choice.preferOwn = false;
        choice.fill(m_section, m_session);
        m_financialYear->refresh();
        if (!m_financialYearChosen) {
            // Like the school year, by default the last financial year completed.
            for (int i = 0; i < m_financialYear->count(); ++i)
                if (m_financialYear->itemData(i).toList().value(0).toInt() ==
                    m_session.clock().today().year() - 1)
                    m_financialYear->setCurrentIndex(i);
            m_financialYearChosen = true;
        }
        const QDate monday = m_session.clock().today().addDays(1 - m_session.clock().today().dayOfWeek());
        m_from->setDate(monday);
        m_to->setDate(monday.addDays(4));
        reload();
        refreshSubsidies();
    };
    connect(&m_session, &Session::databaseChanged, this, refill);
    connect(&m_session, &Session::userChanged, this, refill);
    m_session.onDataChanged(this, DataKind::Subsidies, [this]() { refreshSubsidies(); });
    refill();
}

void ReportsPage::reload()
{
    m_rows->clear();
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::ReportsRead)) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Your account does not allow seeing the reports."));
        m_banner->show();
        return;
    }
    m_references->setVisible(m_session.user().can(permission::SettingsEdit));
    const QString section = m_section->currentData().toLongLong() == 0 ? QString() : m_section->currentText();
    auto result = m_session.service<IndicatorService>().indicators(
        SchoolYear(m_year->currentData().toInt()).label(), section);
    if (!result) {
        m_banner->showMessage(MessageBanner::Kind::Error, result.error().message);
        m_banner->show();
        return;
    }
    m_banner->hide();
    m_indicators = *result;
    const Indicators& now = m_indicators;
    m_rows->setRows(IndicatorService::rows(now));
    m_rows->setHeading(1, now.schoolYear);
    m_rows->setHeading(2, now.previous ? now.previous->schoolYear : QString());
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void ReportsPage::editReferences()
{
    auto service = m_session.service<IndicatorService>();
    auto references = service.references();
    if (!references)
        return;
    FormDialog dialog(tr("Reference values"), this);
    struct Fields
    {
        QLineEdit* value;
        QLineEdit* source;
        QSpinBox* year;
    };
    QList<Fields> fields;
    for (const ReferenceValue& r : *references) {
        auto* label = new QLabel(QStringLiteral("<b>%1</b>").arg(r.label.toHtmlEscaped()), &dialog);
        dialog.form()->addRow(label);
        Fields f{new QLineEdit(
                     r.isSet() ? QLocale(QLocale::French, QLocale::France).toString(r.valueBp / 100.0, 'f', 1)
                               : QString(),
                     &dialog),
                 new QLineEdit(r.source, &dialog), new QSpinBox(&dialog)};
        f.value->setPlaceholderText(tr("81,5 (empty: not known)"));
        f.source->setPlaceholderText(tr("Where it was published"));
        f.year->setRange(1990, m_session.clock().today().year());
        f.year->setValue(r.isSet() ? r.year : m_session.clock().today().year() - 1);
        dialog.addRow(tr("Rate (%):"), f.value);
        dialog.addRow(tr("Source:"), f.source);
        dialog.addRow(tr("Year:"), f.year);
        fields << f;
    }
    dialog.setAction([&]() -> Status {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            ReferenceValue r = references->at(i);
            const QString text = fields[i].value->text().trimmed();
            if (text.isEmpty()) {
                r.valueBp = -1;
            } else {
                bool ok = false;
                const double percent = QLocale(QLocale::French, QLocale::France).toDouble(text, &ok);
                if (!ok || percent < 0 || percent > 100)
                    return fail(Error::Code::InvalidInput, tr("“%1”: a rate between 0 and 100.").arg(text));
                r.valueBp = static_cast<int>(percent * 100.0 + 0.5);
            }
            r.source = fields[i].source->text();
            r.year = fields[i].year->value();
            if (auto saved = m_session.service<IndicatorService>().saveReference(r); !saved)
                return saved;
        }
        return {};
    });
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

void ReportsPage::saveJson()
{
    if (m_indicators.schoolYear.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the indicators"), QStringLiteral("indicateurs-%1.json").arg(m_indicators.schoolYear),
        tr("JSON (*.json)"));
    if (path.isEmpty())
        return;
    const QByteArray data =
        QJsonDocument(IndicatorService::toJson(m_indicators)).toJson(QJsonDocument::Indented);
    if (auto written = files::write(path, data); !written) {
        m_banner->showMessage(MessageBanner::Kind::Error, written.error().message);
    } else {
        m_banner->showMessage(MessageBanner::Kind::Success, tr("The indicators are saved in %1.").arg(path));
    }
    m_banner->show();
}

} // namespace etabli

namespace etabli {

QWidget* ReportsPage::buildDocumentsBox()
{
    auto* box = new QGroupBox(tr("Printed reports"), this);
    auto* columns = new QHBoxLayout(box);
    auto* form = new QFormLayout;
    m_document = new QComboBox(box);
    m_document->setObjectName(QStringLiteral("documentCombo"));
    m_document->addItem(tr("Activity report (school year chosen above)"),
                        static_cast<int>(Document::Activity));
    m_document->addItem(tr("Indicators (school year chosen above)"), static_cast<int>(Document::Indicators));
    m_document->addItem(tr("Financial report (financial year)"), static_cast<int>(Document::Financial));
    m_document->addItem(tr("Final account of a subsidy (Cerfa 15059)"), static_cast<int>(Document::Grant));
    m_document->addItem(tr("Sign-in sheets (section chosen above)"), static_cast<int>(Document::Attendance));
    m_document->addItem(tr("Funder pack: activity, indicators, finances, subsidies"),
                        static_cast<int>(Document::Pack));
    form->addRow(tr("&Document:"), m_document);

    m_financialYear = new YearCombo(m_session, box);
    m_yearRow = m_financialYear;
    form->addRow(tr("&Financial year:"), m_financialYear);
    m_subsidies = new QListView(box);
    m_subsidyChoices = new ChoiceListModel(m_subsidies);
    m_subsidies->setModel(m_subsidyChoices);
    m_subsidies->setObjectName(QStringLiteral("subsidyList"));
    m_subsidies->setMaximumHeight(90);
    m_subsidies->setToolTip(
        tr("Tick the subsidies whose final account goes in the pack; for one account, tick one."));
    m_subsidyRow = m_subsidies;
    form->addRow(tr("S&ubsidies:"), m_subsidies);
    auto* period = new QWidget(box);
    auto* periodLayout = new QHBoxLayout(period);
    periodLayout->setContentsMargins(0, 0, 0, 0);
    m_from = FormDialog::dateField(m_session.clock().today(), period);
    m_to = FormDialog::dateField(m_session.clock().today(), period);
    periodLayout->addWidget(new QLabel(tr("from"), period));
    periodLayout->addWidget(m_from);
    periodLayout->addWidget(new QLabel(tr("to"), period));
    periodLayout->addWidget(m_to);
    periodLayout->addStretch(1);
    m_periodRow = period;
    form->addRow(tr("&Weeks:"), period);
    columns->addLayout(form, 1);

    auto* buttons = new QVBoxLayout;
    m_narrative = new QPushButton(tr("Report &texts…"), box);
    m_narrative->setToolTip(
        tr("Highlights, difficulties and outlook of the school year, printed in the activity "
           "report."));
    auto* preview = new QPushButton(tr("&Preview and print…"), box);
    preview->setObjectName(QStringLiteral("previewReport"));
    auto* pdf = new QPushButton(tr("Save as P&DF…"), box);
    pdf->setObjectName(QStringLiteral("pdfReport"));
    auto* workbook = new QPushButton(tr("Tables in a &workbook (XLSX)…"), box);
    workbook->setObjectName(QStringLiteral("xlsxReport"));
    workbook->setToolTip(tr("The report's tables, a sheet each, for a funder's own spreadsheet: figures as "
                            "numbers, amounts in euros, days as dates."));
    buttons->addWidget(m_narrative);
    buttons->addWidget(preview);
    buttons->addWidget(pdf);
    buttons->addWidget(workbook);
    buttons->addStretch(1);
    columns->addLayout(buttons);

    connect(m_document, &QComboBox::currentIndexChanged, this, &ReportsPage::documentChanged);
    connect(m_financialYear, &QComboBox::currentIndexChanged, this, &ReportsPage::refreshSubsidies);
    connect(m_narrative, &QPushButton::clicked, this, &ReportsPage::editNarrative);
    connect(preview, &QPushButton::clicked, this,
            [this]() { DocumentOutput::preview(this, [this]() { return makeDocument(); }); });
    connect(workbook, &QPushButton::clicked, this, &ReportsPage::saveWorkbook);
    connect(pdf, &QPushButton::clicked, this, [this]() {
        DocumentOutput::savePdf(
            this, documentFileName(), [this]() { return makeDocument(); }, m_banner);
        m_banner->show();
    });
    documentChanged();
    return box;
}

QString ReportsPage::bannerText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

void ReportsPage::documentChanged()
{
    const auto kind = static_cast<Document>(m_document->currentData().toInt());
    m_yearRow->setEnabled(kind == Document::Financial || kind == Document::Pack || kind == Document::Grant);
    m_subsidyRow->setEnabled(kind == Document::Grant || kind == Document::Pack);
    m_periodRow->setEnabled(kind == Document::Attendance);
}

void ReportsPage::refreshSubsidies()
{
    if (!m_subsidies)
        return;
    m_subsidyChoices->clear();
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::FundingRead) ||
        m_financialYear->yearId() == 0)
        return;
    SubsidyFilter filter;
    filter.financialYearId = m_financialYear->yearId();
    auto list = m_session.service<SubsidyService>().list(filter);
    if (!list)
        return;
    QList<Choice> choices;
    for (const Subsidy& s : *list) {
        if (s.decision != SubsidyDecision::Refused)
            choices << Choice{
                s.id, QStringLiteral("%1 — %2 (%3)").arg(s.funderName, s.programme, labelOf(s.status())),
                false};
    }
    m_subsidyChoices->setRows(choices);
}

QString ReportsPage::documentFileName() const
{
    const QString year = SchoolYear(m_year->currentData().toInt()).label();
    switch (static_cast<Document>(m_document->currentData().toInt())) {
    case Document::Activity:
        return tr("activity-report-%1").arg(year);
    case Document::Indicators:
        return tr("indicators-%1").arg(year);
    case Document::Financial:
        return tr("financial-report-%1").arg(m_financialYear->startYear());
    case Document::Grant:
        return tr("subsidy-account-%1").arg(m_financialYear->startYear());
    case Document::Attendance:
        return tr("sign-in-sheets-%1").arg(m_from->date().toString(Qt::ISODate));
    case Document::Pack:
        return tr("funder-pack-%1").arg(year);
    }
    return tr("report");
}

std::optional<print::ReportBuilder> ReportsPage::makeReport()
{
    const auto kind = static_cast<Document>(m_document->currentData().toInt());
    const QString schoolYear = SchoolYear(m_year->currentData().toInt()).label();
    const QString section = m_section->currentData().toLongLong() == 0 ? QString() : m_section->currentText();
    const int financialYear = m_financialYear->startYear();
    const QList<qint64> subsidies = m_subsidyChoices ? m_subsidyChoices->checkedIds() : QList<qint64>{};
    const auto refuse = [this](const QString& message) {
        m_banner->showMessage(MessageBanner::Kind::Warning, message);
        m_banner->show();
        return std::optional<print::ReportBuilder>();
    };
    if (kind == Document::Grant && subsidies.size() != 1)
        return refuse(tr("Tick one subsidy in the list to print its final account."));
    if (kind == Document::Attendance && section.isEmpty())
        return refuse(tr("Choose a section above: sign-in sheets are printed per section."));
    if (kind == Document::Attendance && m_to->date() < m_from->date())
        return refuse(tr("The last week comes before the first."));

    std::optional<ActivityReportData> activity;
    std::optional<FinancialReportData> financial;
    QList<GrantReportData> grants;
    std::optional<AttendanceSheetData> sheets;
    QList<ReportJob::Step> steps;
    if (kind == Document::Activity || kind == Document::Indicators || kind == Document::Pack)
        steps << [&](ReportDataService& data) -> Status {
            auto r = data.activity(schoolYear, kind == Document::Pack ? QString() : section);
            if (!r)
                return std::unexpected(r.error());
            activity = *r;
            return {};
        };
    if (kind == Document::Financial || kind == Document::Pack)
        steps << [&](ReportDataService& data) -> Status {
            auto r = data.financial(financialYear);
            if (!r)
                return std::unexpected(r.error());
            financial = *r;
            return {};
        };
    if (kind == Document::Grant || kind == Document::Pack)
        for (qint64 subsidyId : std::as_const(subsidies))
            steps << [&grants, subsidyId](ReportDataService& data) -> Status {
                auto r = data.grant(subsidyId);
                if (!r)
                    return std::unexpected(r.error());
                grants << *r;
                return {};
            };
    if (kind == Document::Attendance)
        steps << [&](ReportDataService& data) -> Status {
            auto r = data.attendance(section, m_from->date(), m_to->date());
            if (!r)
                return std::unexpected(r.error());
            sheets = *r;
            return {};
        };
    if (auto r = ReportJob::run(this, m_session, tr("Gathering the figures…"), steps); !r) {
        if (r.error().message.isEmpty())
            return refuse(tr("Cancelled: nothing was printed."));
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        m_banner->show();
        return {};
    }
    QStringList missing;
    for (const GrantReportData& g : std::as_const(grants))
        for (const QString& m : g.missing)
            missing << QStringLiteral("%1 : %2").arg(g.subsidy.funderName, m);
    if (!missing.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Warning, missing.join(QLatin1Char('\n')));
        m_banner->show();
    } else {
        m_banner->hide();
    }
    switch (kind) {
    case Document::Activity:
        return print::ReportDocuments::activity(*activity);
    case Document::Indicators:
        return print::ReportDocuments::indicators(*activity);
    case Document::Financial:
        return print::ReportDocuments::financial(*financial);
    case Document::Grant:
        return print::ReportDocuments::grant(grants.value(0));
    case Document::Attendance:
        return print::ReportDocuments::attendance(*sheets);
    case Document::Pack:
        return print::ReportDocuments::pack(FunderPackData{*activity, *financial, grants});
    }
    return {};
}

std::unique_ptr<print::Printable> ReportsPage::makeDocument()
{
    const auto report = makeReport();
    if (!report)
        return {};
    // The sign-in sheets are a week across.
    const bool landscape = static_cast<Document>(m_document->currentData().toInt()) == Document::Attendance;
    return report->printable(landscape);
}

Status ReportsPage::writeWorkbook(const QString& path)
{
    const auto report = makeReport();
    if (!report)
        return fail(Error::Code::InvalidInput, bannerText());
    auto bytes = report->workbook();
    if (!bytes)
        return std::unexpected(bytes.error());
    return files::write(path, *bytes, true);
}

void ReportsPage::saveWorkbook()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the report's tables as a workbook"),
        QDir(dir).filePath(documentFileName() + QStringLiteral(".xlsx")), tr("Excel workbooks (*.xlsx)"));
    if (path.isEmpty())
        return;
    if (const Status written = writeWorkbook(path); !written)
        m_banner->showMessage(MessageBanner::Kind::Error, written.error().message);
    else
        m_banner->showMessage(
            MessageBanner::Kind::Success,
            tr("The report's tables were saved in %1, a sheet each.").arg(QDir::toNativeSeparators(path)));
    m_banner->show();
}

void ReportsPage::editNarrative()
{
    const QString schoolYear = SchoolYear(m_year->currentData().toInt()).label();
    auto service = m_session.service<IndicatorService>();
    auto narrative = service.narrative(schoolYear);
    if (!narrative) {
        m_banner->showMessage(MessageBanner::Kind::Error, narrative.error().message);
        m_banner->show();
        return;
    }
    FormDialog dialog(tr("Texts of the activity report %1").arg(schoolYear), this);
    dialog.setObjectName(QStringLiteral("narrativeDialog"));
    auto* tools = new QHBoxLayout;
    QList<QTextEdit*> editors;
    const auto editor = [&](const QString& html, const QString& placeholder, const QString& name) {
        auto* e = new QTextEdit(&dialog);
        e->setObjectName(name);
        e->setAcceptRichText(true);
        e->setHtml(html);
        e->setPlaceholderText(placeholder);
        e->setTabChangesFocus(true);
        e->setMinimumHeight(110);
        editors << e;
        return e;
    };
    auto* highlights = editor(narrative->highlights, tr("What went well: new customers, successes, events…"),
                              QStringLiteral("highlights"));
    auto* difficulties = editor(narrative->difficulties, tr("What was hard, and what was done about it."),
                                QStringLiteral("difficulties"));
    auto* outlook = editor(narrative->outlook, tr("What comes next year."), QStringLiteral("outlook"));
    QTextEdit* last = highlights;
    for (QTextEdit* e : std::as_const(editors))
        connect(e, &QTextEdit::cursorPositionChanged, &dialog, [&last, e]() { last = e; });
    const auto toolButton = [&](const QString& text, const QKeySequence& keys, auto apply) {
        auto* b = new QToolButton(&dialog);
        b->setText(text);
        b->setShortcut(keys);
        b->setToolTip(QStringLiteral("%1 (%2)").arg(text, keys.toString(QKeySequence::NativeText)));
        connect(b, &QToolButton::clicked, &dialog, [&last, apply]() { apply(last); });
        tools->addWidget(b);
    };
    toolButton(tr("Bold"), QKeySequence(Qt::CTRL | Qt::Key_B), [](QTextEdit* e) {
        e->setFontWeight(e->fontWeight() > QFont::Normal ? QFont::Normal : QFont::Bold);
    });
    toolButton(tr("Italic"), QKeySequence(Qt::CTRL | Qt::Key_I),
               [](QTextEdit* e) { e->setFontItalic(!e->fontItalic()); });
    toolButton(tr("Bulleted list"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
               [](QTextEdit* e) { e->textCursor().createList(QTextListFormat::ListDisc); });
    tools->addStretch(1);
    dialog.form()->addRow(tools);
    dialog.addRow(tr("&Highlights:"), highlights);
    dialog.addRow(tr("&Difficulties:"), difficulties);
    dialog.addRow(tr("&Outlook:"), outlook);
    const auto kept = [](QTextEdit* e) {
        return e->toPlainText().trimmed().isEmpty() ? QString() : e->toHtml();
    };
    dialog.setAction([&]() -> Status {
        ReportNarrative n;
        n.schoolYear = schoolYear;
        n.highlights = kept(highlights);
        n.difficulties = kept(difficulties);
        n.outlook = kept(outlook);
        return m_session.service<IndicatorService>().saveNarrative(n);
    });
    dialog.resize(760, 620);
    if (dialog.exec() == QDialog::Accepted) {
        m_banner->showMessage(MessageBanner::Kind::Success, tr("The texts of %1 are saved.").arg(schoolYear));
        m_banner->show();
    }
}

} // namespace etabli
