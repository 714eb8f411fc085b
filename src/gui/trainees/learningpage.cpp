#include "gui/trainees/learningpage.h"

#include "gui/common/datefield.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/rowstablemodel.h"
#include "gui/common/session.h"
#include "gui/trainees/evaluationgridmodel.h"
#include "print/documentprinter.h"
#include "print/reportdocuments.h"
#include "services/frameworkservice.h"
#include "services/reportdataservice.h"
#include "services/schoolservice.h"
#include "util/text.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

LearningPage::LearningPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_section(new QComboBox(this)),
      m_framework(new QComboBox(this)), m_block(new QComboBox(this)),
      m_day(new DateField(QDate(), DateField::Kind::Required, this)), m_grid(new EvaluationGridModel(this)),
      m_table(new QTableView(this)), m_cellTitle(new QLabel(this)), m_criteria(new QLabel(this)),
      m_evidence(new ChoiceListModel(this)), m_evidenceView(new QListView(this)),
      m_comment(new QLineEdit(this)), m_history(new QLabel(this)),
      m_booklet(new QPushButton(tr("Trainee's &booklet…"), this)), m_save(new QPushButton(tr("&Save"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    auto* top = new QHBoxLayout;
    m_section->setObjectName(QStringLiteral("learningSection"));
    m_framework->setObjectName(QStringLiteral("learningFramework"));
    m_block->setObjectName(QStringLiteral("learningBlock"));
    m_day->setObjectName(QStringLiteral("learningDay"));
    m_section->setAccessibleName(tr("Section"));
    m_framework->setAccessibleName(tr("Framework"));
    m_block->setAccessibleName(tr("Block of competences"));
    m_day->setAccessibleName(tr("Evaluated on"));
    // Long diploma and block titles must not widen the window (a 1366 × 768 laptop).
    for (QComboBox* box : {m_section, m_framework, m_block}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(12);
    }
    top->addWidget(m_section, 1);
    top->addWidget(m_framework, 2);
    top->addWidget(m_block, 2);
    auto* dayLabel = new QLabel(tr("Evaluated &on"), this);
    dayLabel->setBuddy(m_day);
    top->addWidget(dayLabel);
    top->addWidget(m_day);
    layout->addLayout(top);
    auto* help = new QLabel(tr("Keys: N or 0 not started · E or 1 being acquired · A or 2 acquired · M or 3 "
                               "mastered · Delete takes back what was typed. Ctrl+S saves. Under each "
                               "competence: how many have acquired it."),
                            this);
    help->setWordWrap(true);
    help->setStyleSheet(QStringLiteral("color: #555;"));
    layout->addWidget(help);

    auto* split = new QSplitter(Qt::Horizontal, this);
    m_table->setObjectName(QStringLiteral("learningGrid"));
    m_table->setModel(m_grid);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setMinimumSectionSize(56);
    m_table->installEventFilter(this);
    split->addWidget(m_table);

    auto* panel = new QWidget(split);
    auto* side = new QVBoxLayout(panel);
    side->setContentsMargins(6, 0, 0, 0);
    m_cellTitle->setWordWrap(true);
    m_cellTitle->setTextFormat(Qt::PlainText);
    QFont bold = m_cellTitle->font();
    bold.setBold(true);
    m_cellTitle->setFont(bold);
    m_criteria->setWordWrap(true);
    m_criteria->setTextFormat(Qt::PlainText);
    side->addWidget(m_cellTitle);
    side->addWidget(m_criteria);
    auto* evidenceLabel = new QLabel(tr("Jobs of the log that practised it (ticked: the evidence)"), panel);
    evidenceLabel->setBuddy(m_evidenceView);
    side->addWidget(evidenceLabel);
    m_evidenceView->setObjectName(QStringLiteral("learningEvidence"));
    m_evidenceView->setModel(m_evidence);
    side->addWidget(m_evidenceView, 1);
    auto* commentLabel = new QLabel(tr("&Comment"), panel);
    commentLabel->setBuddy(m_comment);
    side->addWidget(commentLabel);
    m_comment->setMaxLength(2000);
    m_comment->setPlaceholderText(tr("Type a level first"));
    side->addWidget(m_comment);
    side->addWidget(new QLabel(tr("History"), panel));
    m_history->setObjectName(QStringLiteral("learningHistory"));
    m_history->setWordWrap(true);
    m_history->setTextFormat(Qt::PlainText);
    m_history->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    side->addWidget(m_history, 1);
    split->addWidget(panel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    auto* bottom = new QHBoxLayout;
    auto* legend = new QLabel(this);
    legend->setTextFormat(Qt::RichText);
    QStringList keys;
    for (const CompetenceLevel level : allOf<CompetenceLevel>())
        keys << QStringLiteral("<span style='background:%1'>&nbsp;%2&nbsp;</span> %3")
                    .arg(EvaluationGridModel::colourOf(level).name(), EvaluationGridModel::keyOf(level),
                         labelOf(level).toHtmlEscaped());
    legend->setText(keys.join(QStringLiteral(" &nbsp; ")));
    bottom->addWidget(legend);
    bottom->addStretch(1);
    m_booklet->setToolTip(tr("Prints the learning booklet of the trainee of the selected row."));
    bottom->addWidget(m_booklet);
    bottom->addWidget(m_save);
    layout->addLayout(bottom);
    m_save->setEnabled(false);

    connect(m_section, &QComboBox::currentIndexChanged, this, [this]() {
        if (askToSave())
            reloadFrameworks();
    });
    connect(m_framework, &QComboBox::currentIndexChanged, this, [this]() {
        if (askToSave())
            load();
    });
    connect(m_block, &QComboBox::currentIndexChanged, this, [this]() {
        m_grid->showBlock(m_block->currentData().toInt());
        if (m_grid->rowCount() > 0 && m_grid->columnCount() > 0)
            m_table->setCurrentIndex(m_grid->index(0, 0));
        showCell();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &LearningPage::showCell);
    connect(m_grid, &QAbstractItemModel::modelReset, this, [this]() {
        // The view's selection model outlives a reset; the panel follows.
        connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &LearningPage::showCell, Qt::UniqueConnection);
    });
    connect(m_evidence, &QAbstractItemModel::dataChanged, this, [this]() {
        const QModelIndex at = m_table->currentIndex();
        m_grid->setPendingEvidence(at.row(), at.column(), m_evidence->checkedIds());
    });
    connect(m_comment, &QLineEdit::textEdited, this, [this](const QString& comment) {
        const QModelIndex at = m_table->currentIndex();
        m_grid->setPendingComment(at.row(), at.column(), comment);
    });
    connect(m_booklet, &QPushButton::clicked, this, [this]() {
        const qint64 trainee = m_grid->traineeAt(m_table->currentIndex().row());
        if (trainee == 0) {
            m_banner->showMessage(MessageBanner::Kind::Warning, tr("Choose a trainee's row first."));
            return;
        }
        DocumentOutput::preview(this, [this, trainee]() { return booklet(m_session, trainee, m_banner); });
    });
    connect(m_save, &QPushButton::clicked, this, &LearningPage::save);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &LearningPage::save);
    connect(&m_session, &Session::databaseChanged, this, &LearningPage::reloadSections);
    connect(&m_session, &Session::userChanged, this, &LearningPage::reloadSections);
    // Evaluations, trainees or frameworks changed elsewhere show; typing not saved is kept.
    m_session.onDataChanged(this, DataKind::Trainees | DataKind::School, [this]() {
        if (!hasUnsavedChanges())
            reloadFrameworks();
    });
    reloadSections();
}

std::unique_ptr<print::Printable> LearningPage::booklet(Session& session, qint64 traineeId,
                                                        MessageBanner* banner)
{
    auto data = session.service<ReportDataService>().booklet(traineeId);
    if (!data) {
        banner->showMessage(MessageBanner::Kind::Error, data.error().message);
        return nullptr;
    }
    return print::ReportDocuments::booklet(*data).printable();
}

bool LearningPage::hasUnsavedChanges() const
{
    return m_grid->hasPending();
}

void LearningPage::reloadSections()
{
    {
        const QSignalBlocker block(m_section);
        m_section->clear();
        if (!m_session.isOpen() || !m_session.isLoggedIn())
            return;
        const UserContext& user = m_session.user();
        for (const Section& s :
             m_session.service<SchoolService>().sections(true).value_or(QList<Section>{})) {
            if (user.coversSection(s.id))
                m_section->addItem(s.name, s.id);
        }
    }
    const bool evaluates = m_session.user().can(permission::LearningEvaluate);
    m_save->setVisible(evaluates);
    m_day->setVisible(evaluates);
    m_day->setDate(m_session.clock().today());
    m_day->setToday(m_session.clock().today());
    reloadFrameworks();
}

void LearningPage::reloadFrameworks()
{
    {
        const QSignalBlocker block(m_framework);
        const qint64 shown = m_framework->currentData().toLongLong();
        m_framework->clear();
        const qint64 sectionId = m_section->currentData().toLongLong();
        if (sectionId != 0) {
            auto prepared = m_session.service<SchoolService>().preparedCertifications(sectionId);
            FrameworkService frameworks = m_session.service<FrameworkService>();
            for (qint64 id : prepared.value_or(QList<qint64>{})) {
                auto f = frameworks.framework(id);
                if (!f || f->blocks.isEmpty())
                    continue;
                QString label = QStringLiteral("%1 — %2").arg(f->certificationCode, f->certificationTitle);
                if (f->demo)
                    label += tr(" (demonstration example)");
                m_framework->addItem(label, id);
            }
        }
        m_framework->setCurrentIndex(std::max(0, m_framework->findData(shown)));
    }
    load();
}

void LearningPage::showClass(qint64 sectionId, qint64 certificationId, int block)
{
    {
        const QSignalBlocker blockSection(m_section);
        m_section->setCurrentIndex(std::max(0, m_section->findData(sectionId)));
    }
    reloadFrameworks();
    {
        const QSignalBlocker blockFramework(m_framework);
        m_framework->setCurrentIndex(std::max(0, m_framework->findData(certificationId)));
    }
    load();
    m_block->setCurrentIndex(std::max(0, m_block->findData(block)));
}

void LearningPage::load()
{
    m_save->setEnabled(false);
    m_jobs = {};
    // The block shown stays; the first time, the class's whole map.
    const int shownBlock = m_block->currentData().isValid() ? m_block->currentData().toInt() : -1;
    const qint64 sectionId = m_section->currentData().toLongLong();
    const qint64 certificationId = m_framework->currentData().toLongLong();
    if (sectionId == 0 || certificationId == 0) {
        m_grid->clear();
        const QSignalBlocker block(m_block);
        m_block->clear();
        if (sectionId != 0)
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("No framework is loaded for the diplomas this section prepares: the "
                                     "director loads it in Trainees › Frameworks."));
        showCell();
        return;
    }
    auto view = m_session.service<EvaluationService>().classView(sectionId, certificationId);
    if (!view) {
        m_grid->clear();
        m_banner->showMessage(MessageBanner::Kind::Error, view.error().message);
        showCell();
        return;
    }
    if (m_banner->kind() != MessageBanner::Kind::Success)
        m_banner->hide();
    {
        const QSignalBlocker block(m_block);
        m_block->clear();
        m_block->addItem(tr("All blocks (the class's map)"), -1);
        for (int b = 0; b < view->framework.blocks.size(); ++b) {
            const CompetenceBlock& cb = view->framework.blocks.at(b);
            m_block->addItem(QStringLiteral("%1 – %2").arg(cb.code, cb.title), b);
        }
        m_block->setCurrentIndex(std::max(
            0, m_block->findData(std::min(shownBlock, static_cast<int>(view->framework.blocks.size()) - 1))));
    }
    // The cell the trainer was on stays chosen when the view is read again (a save, another PC's).
    const QModelIndex was = m_table->currentIndex();
    const qint64 trainee = m_grid->traineeAt(was.row());
    const Competence* competence = m_grid->competenceAt(was.column());
    const qint64 competenceId = competence ? competence->id : 0;
    m_grid->setView(*view, m_block->currentData().toInt());
    int row = 0;
    int column = 0;
    for (int r = 0; r < m_grid->rowCount(); ++r)
        row = m_grid->traineeAt(r) == trainee ? r : row;
    for (int c = 0; c < m_grid->columnCount(); ++c)
        column = m_grid->competenceAt(c)->id == competenceId ? c : column;
    if (m_grid->rowCount() > 0 && m_grid->columnCount() > 0)
        m_table->setCurrentIndex(m_grid->index(row, column));
    showCell();
}

void LearningPage::showCell()
{
    const QModelIndex at = m_table->currentIndex();
    const qint64 trainee = m_grid->traineeAt(at.row());
    const Competence* competence = m_grid->competenceAt(at.column());
    m_booklet->setEnabled(trainee != 0);
    if (!at.isValid() || trainee == 0 || !competence) {
        m_cellTitle->clear();
        m_criteria->clear();
        m_evidence->clear();
        m_comment->clear();
        m_comment->setEnabled(false);
        m_history->clear();
        return;
    }
    m_cellTitle->setText(
        QStringLiteral("%1 — %2 %3")
            .arg(m_grid->headerData(at.row(), Qt::Vertical).toString(), competence->code, competence->title));
    QStringList criteria;
    for (const CompetenceCriterion& k : competence->criteria)
        criteria << QStringLiteral("• %1").arg(k.title);
    m_criteria->setText(criteria.join(QLatin1Char('\n')));
    EvaluationService evaluations = m_session.service<EvaluationService>();
    const auto pending = m_grid->pendingAt(at.row(), at.column());
    const QList<CompetenceEvaluation> history =
        evaluations.history(trainee, competence->id).value_or(QList<CompetenceEvaluation>{});
    // Ticked: the evidence typed (to change before saving), or the latest evaluation's (to read).
    const QList<qint64> ticked = pending             ? pending->evidence
                                 : history.isEmpty() ? QList<qint64>{}
                                                     : history.constLast().evidence;
    QList<Choice> rows;
    const auto jobs = jobsOf(trainee, competence->id);
    for (const EvidenceEntry& job : jobs.value_or(QList<EvidenceEntry>{}))
        rows << Choice{job.entryId, EvaluationGridModel::jobLabel(job), ticked.contains(job.entryId)};
    {
        const QSignalBlocker quiet(m_evidence);
        m_evidence->setReadOnly(!pending);
    }
    m_evidence->setRows(rows);
    m_comment->setEnabled(pending.has_value());
    m_comment->setText(pending ? pending->comment : QString());
    QStringList lines;
    for (const CompetenceEvaluation& e : history) {
        QString line =
            tr("%1: %2, by %3 (%n job(s) as evidence)", nullptr, static_cast<int>(e.evidence.size()))
                .arg(text::frenchDate(e.day), labelOf(e.level), e.evaluatorName);
        if (!e.comment.isEmpty())
            line += QStringLiteral(" — « %1 »").arg(e.comment);
        lines.prepend(line); // the latest first
    }
    m_history->setText(lines.isEmpty() ? tr("Not evaluated yet.") : lines.join(QLatin1Char('\n')));
}

Result<QList<EvidenceEntry>> LearningPage::jobsOf(qint64 trainee, qint64 competence)
{
    if (m_jobs.trainee == trainee && m_jobs.competence == competence)
        return m_jobs.jobs;
    auto jobs = m_session.service<EvaluationService>().proposedEvidence(trainee, competence);
    if (jobs)
        m_jobs = {trainee, competence, *jobs};
    return jobs;
}

void LearningPage::type(int row, int column, std::optional<CompetenceLevel> level)
{
    const qint64 trainee = m_grid->traineeAt(row);
    const Competence* competence = m_grid->competenceAt(column);
    if (trainee == 0 || !competence)
        return;
    if (!level) {
        m_grid->mark(row, column, std::nullopt);
    } else {
        // Proposed as evidence: the jobs since the last evaluation (all of them the first time).
        EvaluationGridModel::Pending typed;
        typed.level = *level;
        const auto latest = m_grid->view().latestOf(trainee, competence->id);
        const auto jobs = jobsOf(trainee, competence->id);
        if (!jobs) {
            m_banner->showMessage(MessageBanner::Kind::Error, jobs.error().message);
            return;
        }
        for (const EvidenceEntry& job : std::as_const(*jobs)) {
            if (!latest || job.day > latest->day)
                typed.evidence << job.entryId;
        }
        if (const auto before = m_grid->pendingAt(row, column))
            typed.comment = before->comment;
        m_grid->mark(row, column, typed);
    }
    m_save->setEnabled(m_grid->hasPending());
}

bool LearningPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_table || event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto* key = static_cast<QKeyEvent*>(event);
    const QModelIndex at = m_table->currentIndex();
    if (!at.isValid() || (key->modifiers() & ~Qt::KeypadModifier) != Qt::NoModifier)
        return false;
    std::optional<CompetenceLevel> level;
    const bool clear = key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace;
    if (!clear) {
        const QString text = key->text();
        if (text.size() == 1)
            level = EvaluationGridModel::levelForKey(text.at(0));
        if (!level)
            return false; // arrows, Tab, shortcuts: the table's own
    }
    if (!m_session.user().can(permission::LearningEvaluate)) {
        m_banner->showMessage(
            MessageBanner::Kind::Warning,
            tr("Only the master trainers and the director evaluate: this view is to read."));
        return true;
    }
    type(at.row(), at.column(), level);
    // On to the next competence.
    if (!clear && at.column() + 1 < m_grid->columnCount())
        m_table->setCurrentIndex(m_grid->index(at.row(), at.column() + 1));
    else
        showCell();
    return true;
}

bool LearningPage::save()
{
    if (!m_grid->hasPending())
        return true;
    if (DateField::reportWrong(this, m_banner))
        return false;
    const QList<CompetenceEvaluation> typed = m_grid->pending(m_day->date());
    if (auto r = m_session.service<EvaluationService>().recordAll(typed); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("%n evaluation(s) recorded.", nullptr, static_cast<int>(typed.size())));
    load(); // on the cell the trainer was
    return true;
}

bool LearningPage::askToSave()
{
    if (!m_grid->hasPending())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Evaluations not saved"), tr("Levels were typed and not saved. Save them?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    m_grid->clear();
    return true;
}

} // namespace etabli
