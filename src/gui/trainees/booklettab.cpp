#include "gui/trainees/booklettab.h"

#include "domain/production.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/session.h"
#include "gui/trainees/evaluationgridmodel.h"
#include "gui/trainees/learningpage.h"
#include "print/documentprinter.h"
#include "services/reportdataservice.h"

#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

namespace {

QVariant bookletRowLook(const BookletTab::Row& row, int role)
{
    if (role == Qt::FontRole && row.heading) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == Qt::BackgroundRole && !row.heading)
        return EvaluationGridModel::colourOf(row.level);
    return {};
}

} // namespace

BookletTab::BookletTab(Session& session, qint64 traineeId, MessageBanner* banner, QWidget* parent)
    : QWidget(parent), m_session(session), m_traineeId(traineeId), m_banner(banner),
      m_summary(new QLabel(this)),
      m_rows(new ColumnsModel<Row>(
          {{tr("Code"), [](const Row& r) { return r.code; }, false, bookletRowLook},
           {tr("Competence"), [](const Row& r) { return r.title; }, false,
            [](const Row& r, int role) {
                return role == Qt::ToolTipRole ? QVariant(r.title) : bookletRowLook(r, role);
            }},
           {tr("Level"),
            [](const Row& r) {
                return r.heading ? QString() : r.level ? labelOf(*r.level) : tr("not evaluated yet");
            },
            false, bookletRowLook},
           Column<Row>::day(
               tr("On"), [](const Row& r) { return r.day; }, bookletRowLook),
           {tr("By"), [](const Row& r) { return r.evaluator; }, false, bookletRowLook},
           {tr("Jobs (for customers)"),
            [](const Row& r) { return r.heading ? QString() : tr("%1 (%2)").arg(r.jobs).arg(r.orders); },
            true, bookletRowLook},
           Column<Row>::hours(
               tr("Hours"), [](const Row& r) { return r.minutes; },
               [](qint64 m) { return m == 0 ? QString() : Quantities::formatDuration(m); }, bookletRowLook)},
          this)),
      m_table(new QTableView(this))
{
    auto* layout = new QVBoxLayout(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table->setObjectName(QStringLiteral("bookletTable"));
    m_table->setModel(m_rows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    auto* preview = new QPushButton(tr("Preview and &print the booklet…"), this);
    auto* pdf = new QPushButton(tr("Save the booklet as P&DF…"), this);
    buttons->addStretch(1);
    buttons->addWidget(preview);
    buttons->addWidget(pdf);
    layout->addLayout(buttons);
    connect(preview, &QPushButton::clicked, this, [this]() {
        DocumentOutput::preview(this,
                                [this]() { return LearningPage::booklet(m_session, m_traineeId, m_banner); });
    });
    connect(pdf, &QPushButton::clicked, this, [this]() {
        DocumentOutput::savePdf(
            this, tr("booklet-%1").arg(m_traineeId),
            [this]() { return LearningPage::booklet(m_session, m_traineeId, m_banner); }, m_banner);
    });
    reload();
}

void BookletTab::reload()
{
    auto data = m_session.service<ReportDataService>().booklet(m_traineeId);
    if (!data) {
        m_rows->clear();
        m_summary->setText(data.error().message);
        return;
    }
    QList<Row> rows;
    int evaluated = 0;
    int acquired = 0;
    int total = 0;
    for (const BookletData::Framework& f : std::as_const(data->frameworks)) {
        for (const BookletData::Block& b : f.blocks) {
            Row heading;
            heading.heading = true;
            heading.framework = f.certification;
            heading.code = b.code;
            heading.title = b.title;
            rows << heading;
            for (const BookletData::Competence& c : b.competences) {
                rows << Row{{},          c.code, c.title,  c.level,   c.day,
                            c.evaluator, c.jobs, c.orders, c.minutes, false};
                ++total;
                evaluated += c.level ? 1 : 0;
                acquired += c.level && (*c.level == CompetenceLevel::Acquired ||
                                        *c.level == CompetenceLevel::Mastered)
                                ? 1
                                : 0;
            }
        }
    }
    m_rows->setRows(rows);
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    if (data->frameworks.isEmpty())
        m_summary->setText(
            tr("No framework is loaded for the diplomas of this trainee's section: the director "
               "loads it in Trainees › Frameworks."));
    else
        m_summary->setText(tr("%1 of %2 competences evaluated, %3 acquired or mastered. The booklet printed "
                              "adds the internships, the certifications and the signatures.")
                               .arg(evaluated)
                               .arg(total)
                               .arg(acquired));
}

} // namespace etabli
