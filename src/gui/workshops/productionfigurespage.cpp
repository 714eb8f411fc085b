#include "gui/workshops/productionfigurespage.h"

#include "domain/schoolyear.h"
#include "gui/common/listoutput.h"
#include "gui/common/periodedit.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "services/catalogueservice.h"
#include "services/productionservice.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

namespace {

QTableView* makeTable(const QString& name, QAbstractItemModel* model, QWidget* parent)
{
    auto* t = new QTableView(parent);
    t->setObjectName(name);
    t->setModel(model);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    t->horizontalHeader()->setMinimumSectionSize(60);
    t->setWordWrap(false);
    return t;
}

QString hours(qint64 minutes)
{
    return minutes == 0 ? QString() : Quantities::formatDuration(minutes);
}

QVBoxLayout* titled(const QString& title, QWidget* widget, QWidget* parent)
{
    auto* box = new QVBoxLayout;
    box->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(title), parent));
    box->addWidget(widget, 1);
    return box;
}

} // namespace

ProductionFiguresView::ProductionFiguresView(bool showTrainees, QWidget* parent)
    : QWidget(parent), m_summary(new QLabel(this)),
      m_traineeRows(new ColumnsModel<TraineeHours>(
          {{tr("Trainee"), [](const TraineeHours& h) { return h.name; }},
           Column<TraineeHours>::hours(
               tr("For customers"), [](const TraineeHours& h) { return h.orderMinutes; }, hours),
           Column<TraineeHours>::hours(
               tr("Exercises"), [](const TraineeHours& h) { return h.exerciseMinutes; }, hours),
           Column<TraineeHours>::hours(
               tr("Upkeep"), [](const TraineeHours& h) { return h.upkeepMinutes; }, hours),
           Column<TraineeHours>::hours(
               tr("Total"), [](const TraineeHours& h) { return h.total(); }, hours),
           Column<TraineeHours>::count(tr("Entries"), [](const TraineeHours& h) { return h.entries; })},
          this)),
      m_skillRows(new ColumnsModel<SkillPractice>(
          // Two workshops may name a skill alike: the workshop then says whose it is.
          {{tr("Skill"),
            [this](const SkillPractice& s) {
                return m_sharedLabels.contains(s.label) ? tr("%1 (%2)").arg(s.label, s.section) : s.label;
            }},
           Column<SkillPractice>::count(tr("Times"), [](const SkillPractice& s) { return s.entries; }),
           Column<SkillPractice>::count(tr("Trainees"), [](const SkillPractice& s) { return s.trainees; }),
           Column<SkillPractice>::hours(
               tr("Hours"), [](const SkillPractice& s) { return s.minutes; }, hours)},
          this)),
      m_outputRows(new ColumnsModel<OutputTotal>(
          {{tr("Item"),
            [](const OutputTotal& o) {
                return o.code.isEmpty() ? o.label : QStringLiteral("%1 — %2").arg(o.code, o.label);
            }},
           {tr("Quantity"), [](const OutputTotal& o) { return Quantities::format(o.quantityThousandths); },
            true},
           {tr("Unit"), [](const OutputTotal& o) { return labelOf(o.unit); }, true},
           Column<OutputTotal>::amountOrBlank(tr("Value at catalogue price"),
                                              [](const OutputTotal& o) {
                                                  return o.catalogueItemId == 0 ? std::optional<Money>()
                                                                                : std::optional(o.value);
                                              })},
          this)),
      m_referenceRows(new ColumnsModel<ReferenceHours>(
          {{tr("Order / reference"), [](const ReferenceHours& h) { return h.reference; }},
           Column<ReferenceHours>::hours(
               tr("Hours"), [](const ReferenceHours& h) { return h.minutes; }, hours),
           Column<ReferenceHours>::count(tr("Trainees"), [](const ReferenceHours& h) { return h.trainees; }),
           Column<ReferenceHours>::amountOrBlank(tr("Materials"),
                                                 [](const ReferenceHours& h) {
                                                     return h.materials.isZero() ? std::optional<Money>()
                                                                                 : std::optional(h.materials);
                                                 }),
           Column<ReferenceHours>::day(tr("From"), [](const ReferenceHours& h) { return h.first; }),
           Column<ReferenceHours>::day(tr("To"), [](const ReferenceHours& h) { return h.last; })},
          this)),
      m_trainees(makeTable(QStringLiteral("figuresTrainees"), m_traineeRows, this)),
      m_skills(makeTable(QStringLiteral("figuresSkills"), m_skillRows, this)),
      m_outputs(makeTable(QStringLiteral("figuresOutputs"), m_outputRows, this)),
      m_references(makeTable(QStringLiteral("figuresReferences"), m_referenceRows, this))
{
    m_summary->setObjectName(QStringLiteral("figuresSummary"));
    m_summary->setWordWrap(true);
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.15);
    big.setBold(true);
    m_summary->setFont(big);
    auto* grid = new QGridLayout;
    if (showTrainees) {
        grid->addLayout(titled(tr("Hours of each trainee"), m_trainees, this), 0, 0);
        grid->addLayout(titled(tr("Skills practised"), m_skills, this), 0, 1);
    } else {
        m_trainees->hide();
        grid->addLayout(titled(tr("Skills practised"), m_skills, this), 0, 0, 1, 2);
    }
    grid->addLayout(titled(tr("What was made"), m_outputs, this), 1, 0);
    grid->addLayout(titled(tr("Hours per order"), m_references, this), 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(grid, 1);
}

QString ProductionFiguresView::summaryText() const
{
    return m_summary->text();
}

void ProductionFiguresView::display(const ProductionFigures& f)
{
    Money made;
    for (const OutputTotal& o : f.outputs)
        made += o.value;
    m_summary->setText(
        tr("%n entry(ies), %1 of trainees' work, output worth %2 at catalogue prices, materials %3.", nullptr,
           f.entries)
            .arg(Quantities::formatDuration(f.minutes), made.format(), f.materials.format()));
    m_traineeRows->setRows(f.trainees);
    QSet<QString> seen;
    m_sharedLabels.clear();
    for (const SkillPractice& s : f.skills) {
        if (seen.contains(s.label))
            m_sharedLabels.insert(s.label);
        seen.insert(s.label);
    }
    m_skillRows->setRows(f.skills);
    m_outputRows->setRows(f.outputs);
    m_referenceRows->setRows(f.references);
}

ProductionFiguresPage::ProductionFiguresPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_section(new QComboBox(this)), m_preset(new QComboBox(this)),
      m_period(new PeriodEdit(session.clock().today(), session.clock().today(), this)),
      m_view(new ProductionFiguresView(true, this))
{
    auto* top = new QHBoxLayout;
    m_section->setObjectName(QStringLiteral("figuresSection"));
    top->addWidget(m_section, 1);
    auto* presetLabel = new QLabel(tr("&Period"), this);
    presetLabel->setBuddy(m_preset);
    m_preset->addItems({tr("This week"), tr("This month"), tr("This school year"), tr("This calendar year"),
                        tr("Last school year"), tr("Chosen dates")});
    top->addWidget(presetLabel);
    top->addWidget(m_preset);
    top->addWidget(m_period);
    top->addStretch(1);
    top->addWidget(new ListOutput(
        m_session, nullptr, {m_view->trainees(), m_view->skills(), m_view->outputs(), m_view->references()},
        {tr("Hours of each trainee"), tr("Skills practised"), tr("What was made"), tr("Hours per order")},
        tr("Production figures"),
        [this]() {
            return QStringList{m_section->currentText(), m_period->text(), m_view->summaryText()};
        },
        this));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    connect(m_section, &QComboBox::currentIndexChanged, this, &ProductionFiguresPage::reload);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ProductionFiguresPage::applyPreset);
    connect(m_period, &PeriodEdit::changed, this, [this]() {
        const QSignalBlocker block(m_preset);
        m_preset->setCurrentIndex(m_preset->count() - 1);
        reload();
    });
    connect(&m_session, &Session::databaseChanged, this, &ProductionFiguresPage::reloadSections);
    connect(&m_session, &Session::userChanged, this, &ProductionFiguresPage::reloadSections);
    reloadOnDataChangeWhenShown(this, m_session,
                                DataKind::Production | DataKind::Catalogue | DataKind::School,
                                [this]() { reload(); });
    m_preset->setCurrentIndex(2);
    reloadSections();
}

void ProductionFiguresPage::applyPreset(int index)
{
    const QDate today = m_session.clock().today();
    const SchoolYear year = SchoolYear::containing(today);
    QDate from;
    QDate to = today;
    switch (index) {
    case 0:
        from = today.addDays(1 - today.dayOfWeek());
        break;
    case 1:
        from = QDate(today.year(), today.month(), 1);
        break;
    case 2:
        from = year.firstDay();
        break;
    case 3:
        from = QDate(today.year(), 1, 1);
        break;
    case 4:
        from = year.previous().firstDay();
        to = year.previous().lastDay();
        break;
    default:
        return;
    }
    setPeriod(from, to);
}

void ProductionFiguresPage::setPeriod(const QDate& from, const QDate& to)
{
    m_period->setPeriod(from, to);
    reload();
}

void ProductionFiguresPage::setSection(qint64 sectionId)
{
    m_section->setCurrentIndex(std::max(0, m_section->findData(sectionId)));
}

void ProductionFiguresPage::reloadSections()
{
    SectionChoice{tr("All workshops")}.fill(m_section, m_session);
    applyPreset(m_preset->currentIndex());
}

void ProductionFiguresPage::reload()
{
    if (!m_session.isOpen() || !m_session.isLoggedIn())
        return;
    ProductionFilter f;
    f.sectionId = m_section->currentData().toLongLong();
    f.from = m_period->from();
    f.to = m_period->to();
    auto figures = m_session.service<ProductionService>().figures(f);
    m_view->display(figures.value_or(ProductionFigures{}));
}

} // namespace etabli
