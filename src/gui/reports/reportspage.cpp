#include "gui/reports/reportspage.h"

#include "domain/schoolyear.h"
#include "domain/production.h"
#include "domain/trainee.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "services/careerservice.h"
#include "services/indicatorservice.h"
#include "services/traineeservice.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace etabli {

namespace {

QString percent(double rate)
{
    return rate < 0 ? QStringLiteral("—")
                    : QLocale(QLocale::French, QLocale::France).toString(rate * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString number(qint64 n)
{
    return QLocale(QLocale::French, QLocale::France).toString(n);
}

} // namespace

ReportsPage::ReportsPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_year(new QComboBox(this)),
      m_section(new QComboBox(this)), m_table(new QTableWidget(0, 3, this))
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
    m_references->setToolTip(tr("The federation's exam success rate and the InserJeunes insertion rate, typed from "
                                "their publications, shown beside the school's own."));
    top->addWidget(yearLabel);
    top->addWidget(m_year);
    top->addWidget(sectionLabel);
    top->addWidget(m_section, 1);
    top->addStretch(1);
    top->addWidget(m_references);
    top->addWidget(json);
    layout->addLayout(top);
    m_table->setHorizontalHeaderLabels({tr("Indicator"), tr("This year"), tr("Year before")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    auto* note = new QLabel(tr("Every figure is computed from the records, the register, the workshops' log and the "
                               "invoices; the activity and financial reports in PDF come next."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);

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
        reload();
    };
    connect(&m_session, &Session::databaseChanged, this, refill);
    connect(&m_session, &Session::userChanged, this, refill);
    refill();
}

void ReportsPage::reload()
{
    m_table->setRowCount(0);
    if (!m_session.isOpen() || !m_session.isLoggedIn() || !m_session.user().can(permission::ReportsRead)) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("Your account does not allow seeing the reports."));
        m_banner->show();
        return;
    }
    m_references->setVisible(m_session.user().can(permission::SettingsEdit));
    const QString section = m_section->currentData().toLongLong() == 0 ? QString() : m_section->currentText();
    auto result = IndicatorService(m_session.database(), m_session.clock(), m_session.user())
                      .indicators(SchoolYear(m_year->currentData().toInt()).label(), section);
    if (!result) {
        m_banner->showMessage(MessageBanner::Kind::Error, result.error().message);
        m_banner->show();
        return;
    }
    m_banner->hide();
    m_indicators = *result;
    const Indicators& now = m_indicators;
    const Indicators before = now.previous ? *now.previous : Indicators();
    const auto row = [this](const QString& label, const QString& a, const QString& b, bool heading = false) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        auto* name = new QTableWidgetItem(label);
        if (heading) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
        }
        m_table->setItem(r, 0, name);
        for (int c = 1; c <= 2; ++c) {
            auto* item = new QTableWidgetItem(c == 1 ? a : b);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    };
    row(tr("Trainees"), QString(), QString(), true);
    row(tr("Entrants"), number(now.entrants), number(before.entrants));
    row(tr("    of whom girls"), number(now.entrantsBySex.value(QStringLiteral("F"))),
        number(before.entrantsBySex.value(QStringLiteral("F"))));
    row(tr("Enrolled at some time in the year"), number(now.enrolled), number(before.enrolled));
    row(tr("Continuing into the next year"), number(now.continuing), number(before.continuing));
    row(tr("Exits"), number(now.exits), number(before.exits));
    for (const QString& key : IndicatorService::exitKeys()) {
        const QString stored = key == QLatin1String("dropout") ? QStringLiteral("dropped_out") : key;
        row(QStringLiteral("    ") + TraineeService::exitReasonLabel(exitReasonFromCode(stored)),
            number(now.exitsByReason.value(key)), number(before.exitsByReason.value(key)));
    }
    row(tr("Certifications (passed / presented)"), QString(), QString(), true);
    QStringList codes = now.certifications.keys();
    for (const QString& c : before.certifications.keys())
        if (!codes.contains(c))
            codes << c;
    const auto certification = [](const Indicators& i, const QString& code) {
        const auto results = i.certifications.value(code);
        const int presented = results.value(QStringLiteral("passed")) + results.value(QStringLiteral("failed"));
        return presented == 0 ? QStringLiteral("—")
                              : QStringLiteral("%1 / %2").arg(results.value(QStringLiteral("passed"))).arg(presented);
    };
    for (const QString& code : std::as_const(codes))
        row(QStringLiteral("    ") + code, certification(now, code), certification(before, code));
    row(tr("Attendance, internships, outcomes"), QString(), QString(), true);
    row(tr("Attendance rate"), percent(now.attendanceRate), percent(before.attendanceRate));
    row(tr("Internships (host organisations)"),
        QStringLiteral("%1 (%2)").arg(number(now.internships), number(now.hostOrganisations)),
        QStringLiteral("%1 (%2)").arg(number(before.internships), number(before.hostOrganisations)));
    row(tr("Insertion rate (job, apprenticeship or training ÷ known outcomes)"), percent(now.insertionRate),
        percent(before.insertionRate));
    for (const ReferenceValue& r : now.references)
        row(QStringLiteral("    ") +
                (r.isSet() ? tr("Reference: %1 (%2, %3)").arg(r.label, r.source).arg(r.year)
                           : tr("Reference: %1 (not typed yet: “Reference values…”)").arg(r.label)),
            r.isSet() ? percent(r.valueBp / 10000.0) : QStringLiteral("—"), QString());
    row(tr("Production"), QString(), QString(), true);
    row(tr("Hours of production (trainees)"), Quantities::formatDuration(now.productionMinutes()),
        Quantities::formatDuration(before.productionMinutes()));
    row(tr("Work orders"), number(now.orders), number(before.orders));
    row(tr("Customers invoiced"), number(now.customers), number(before.customers));
    row(tr("Production sales, excl. VAT"), now.productionRevenue.format(), before.productionRevenue.format());
    row(tr("Volunteers (hours given)"),
        QStringLiteral("%1 (%2 h)").arg(number(now.volunteers)).arg(QLocale(QLocale::French, QLocale::France).toString(now.volunteerHours, 'f', 0)),
        QStringLiteral("%1 (%2 h)").arg(number(before.volunteers)).arg(QLocale(QLocale::French, QLocale::France).toString(before.volunteerHours, 'f', 0)));
    m_table->setHorizontalHeaderLabels({tr("Indicator"), now.schoolYear, before.schoolYear});
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
}

void ReportsPage::editReferences()
{
    IndicatorService service(m_session.database(), m_session.clock(), m_session.user());
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
        Fields f{new QLineEdit(r.isSet() ? QLocale(QLocale::French, QLocale::France).toString(r.valueBp / 100.0, 'f', 1)
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
            if (auto saved = IndicatorService(m_session.database(), m_session.clock(), m_session.user()).saveReference(r);
                !saved)
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
    QSaveFile file(path);
    const QByteArray data = QJsonDocument(IndicatorService::toJson(m_indicators)).toJson(QJsonDocument::Indented);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("Cannot write “%1”: %2").arg(path, file.errorString()));
    } else {
        m_banner->showMessage(MessageBanner::Kind::Success, tr("The indicators are saved in %1.").arg(path));
    }
    m_banner->show();
}

} // namespace etabli
