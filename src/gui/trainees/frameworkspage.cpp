#include "gui/trainees/frameworkspage.h"

#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/trainees/frameworktreemodel.h"
#include "services/careerservice.h"
#include "services/frameworkservice.h"
#include "services/productionservice.h"
#include "services/schoolservice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace etabli {

namespace {

// Criteria typed one per line, numbered after their competence (C2.1.1, C2.1.2…).
QList<CompetenceCriterion> criteriaFrom(const QString& code, const QString& typed)
{
    QList<CompetenceCriterion> out;
    for (const QString& line : typed.split(QLatin1Char('\n'))) {
        const QString title = line.simplified();
        if (!title.isEmpty())
            out << CompetenceCriterion{0, QStringLiteral("%1.%2").arg(code).arg(out.size() + 1), title};
    }
    return out;
}

QString criteriaText(const Competence& c)
{
    QStringList lines;
    for (const CompetenceCriterion& k : c.criteria)
        lines << k.title;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

FrameworkImportDialog::FrameworkImportDialog(Session& session, qint64 certificationId,
                                             const QString& certification, QWidget* parent)
    : SheetImportDialog(
          tr("Load the framework of %1").arg(certification),
          tr("An Excel workbook (.xlsx, its first sheet) or a CSV file with the columns bloc, code, "
             "compétence "
             "and critère: a line per criterion (or per competence without one). The block is written “B1 – "
             "title”, or its code with a column “intitulé du bloc”. Competences already in the framework "
             "keep "
             "their evaluations: they are matched by code."),
          parent),
      m_session(session), m_certificationId(certificationId),
      m_lines(new ColumnsModel<Line>(
          {{tr("Block"), [](const Line& l) { return l.block; }},
           {tr("Code"), [](const Line& l) { return l.code; }},
           {tr("Competence"), [](const Line& l) { return l.title; }},
           {tr("Criteria"), [](const Line& l) { return l.criteria.join(QStringLiteral(" · ")); }}},
          this))
{
    setModel(m_lines);
    skipInvalid()->hide(); // a framework is loaded whole or not at all
}

Status FrameworkImportDialog::read(const QByteArray& bytes, const Progress&)
{
    m_lines->clear();
    m_blocks.clear();
    auto blocks = FrameworkService::read(bytes);
    if (!blocks)
        return std::unexpected(blocks.error());
    m_blocks = *blocks;
    QList<Line> lines;
    for (const CompetenceBlock& b : std::as_const(m_blocks)) {
        for (const Competence& c : b.competences) {
            QStringList criteria;
            for (const CompetenceCriterion& k : c.criteria)
                criteria << k.title;
            lines << Line{QStringLiteral("%1 – %2").arg(b.code, b.title), c.code, c.title, criteria};
        }
    }
    m_lines->setRows(lines);
    return {};
}

int FrameworkImportDialog::readyCount() const
{
    return m_lines->rowCount();
}

QString FrameworkImportDialog::summary() const
{
    return tr("%n block(s), ", nullptr, static_cast<int>(m_blocks.size())) +
           tr("%n competence(s) read. Loading replaces the framework shown: a competence left out is removed "
              "if nothing refers to it.",
              nullptr, m_lines->rowCount());
}

Status FrameworkImportDialog::write(bool, const Progress&)
{
    return m_session.service<FrameworkService>().replace(m_certificationId, m_blocks);
}

FrameworksPage::FrameworksPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)),
      m_certification(new QComboBox(this)), m_summary(new QLabel(this)),
      m_model(new FrameworkTreeModel(this)), m_tree(new QTreeView(this)), m_detail(new QLabel(this)),
      m_skills(new ChoiceListModel(this)), m_skillsView(new QListView(this)),
      m_edit(new QPushButton(tr("&Change…"), this)), m_remove(new QPushButton(tr("&Remove…"), this)),
      m_addCompetence(new QPushButton(tr("Add a &competence…"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    auto* top = new QHBoxLayout;
    m_certification->setObjectName(QStringLiteral("frameworkCertification"));
    m_certification->setAccessibleName(tr("Certification"));
    m_certification->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_certification->setMinimumContentsLength(16);
    auto* label = new QLabel(tr("&Diploma"), this);
    label->setBuddy(m_certification);
    top->addWidget(label);
    top->addWidget(m_certification, 1);
    auto* loadFile = new QPushButton(tr("&Load a framework…"), this);
    loadFile->setToolTip(
        tr("Loads the diploma's framework from a spreadsheet bloc;code;compétence;critère."));
    top->addWidget(loadFile);
    layout->addLayout(top);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto* split = new QSplitter(Qt::Horizontal, this);
    m_tree->setObjectName(QStringLiteral("frameworkTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(FrameworkTreeModel::Title, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    split->addWidget(m_tree);
    auto* panel = new QWidget(split);
    auto* side = new QVBoxLayout(panel);
    side->setContentsMargins(6, 0, 0, 0);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    side->addWidget(m_detail);
    auto* skillsLabel =
        new QLabel(tr("&Workshop skills that practise it (their jobs become its evidence)"), panel);
    skillsLabel->setWordWrap(true);
    skillsLabel->setBuddy(m_skillsView);
    side->addWidget(skillsLabel);
    m_skillsView->setObjectName(QStringLiteral("frameworkSkills"));
    m_skillsView->setModel(m_skills);
    side->addWidget(m_skillsView, 1);
    split->addWidget(panel);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto* bottom = new QHBoxLayout;
    auto* addBlock = new QPushButton(tr("Add a &block…"), this);
    bottom->addWidget(addBlock);
    bottom->addWidget(m_addCompetence);
    bottom->addWidget(m_edit);
    bottom->addWidget(m_remove);
    bottom->addStretch(1);
    layout->addLayout(bottom);

    connect(m_certification, &QComboBox::currentIndexChanged, this, &FrameworksPage::load);
    connect(loadFile, &QPushButton::clicked, this, &FrameworksPage::importFile);
    connect(addBlock, &QPushButton::clicked, this, &FrameworksPage::addBlock);
    connect(m_addCompetence, &QPushButton::clicked, this, &FrameworksPage::addCompetence);
    connect(m_edit, &QPushButton::clicked, this, &FrameworksPage::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &FrameworksPage::removeSelected);
    connect(m_tree, &QTreeView::doubleClicked, this, &FrameworksPage::editSelected);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &FrameworksPage::showSelected);
    connect(m_skills, &QAbstractItemModel::dataChanged, this, [this]() {
        const Competence* c = m_model->competenceOf(m_tree->currentIndex());
        if (m_loadingSkills || !c)
            return;
        const QList<qint64> ticked = m_skills->checkedIds();
        if (auto r = m_session.service<FrameworkService>().setSkills(c->id, ticked); !r) {
            m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
            showSelected();
            return;
        }
        m_model->setSkillsOf(c->id, ticked);
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("The workshop skills of %1 were saved.").arg(c->code));
    });
    // A framework loaded, a skill added from another PC or page.
    m_session.onDataChanged(this, DataKind::School, [this]() { FrameworksPage::load(); });
    connect(&m_session, &Session::databaseChanged, this, &FrameworksPage::reloadCertifications);
    connect(&m_session, &Session::userChanged, this, &FrameworksPage::reloadCertifications);
    reloadCertifications();
}

void FrameworksPage::reloadCertifications()
{
    {
        const QSignalBlocker block(m_certification);
        const qint64 shown = m_certification->currentData().toLongLong();
        m_certification->clear();
        if (!m_session.isOpen() || !m_session.isLoggedIn() ||
            !m_session.user().can(permission::LearningFrameworks))
            return;
        for (const Certification& c :
             m_session.service<CareerService>().certifications().value_or(QList<Certification>{})) {
            if (c.active)
                m_certification->addItem(QStringLiteral("%1 — %2").arg(c.code, c.title), c.id);
        }
        int at = m_certification->findData(shown);
        // The first time: the first diploma with a framework, if any.
        for (int i = 0; at < 0 && i < m_certification->count(); ++i) {
            auto f =
                m_session.service<FrameworkService>().framework(m_certification->itemData(i).toLongLong());
            if (f && !f->blocks.isEmpty())
                at = i;
        }
        m_certification->setCurrentIndex(std::max(0, at));
    }
    load();
}

void FrameworksPage::showCertification(qint64 certificationId)
{
    const int at = std::max(0, m_certification->findData(certificationId));
    if (at == m_certification->currentIndex())
        load(); // shown again as it now stands
    else
        m_certification->setCurrentIndex(at);
}

void FrameworksPage::load()
{
    const qint64 id = m_certification->currentData().toLongLong();
    if (id == 0) {
        m_model->setFramework({}, {});
        showSelected();
        return;
    }
    FrameworkService frameworks = m_session.service<FrameworkService>();
    auto framework = frameworks.framework(id);
    auto mapping = frameworks.skillMapping(id);
    if (!framework || !mapping) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              (!framework ? framework.error() : mapping.error()).message);
        return;
    }
    // The block or competence chosen stays chosen (a skill ticked, a change from another PC).
    const bool same = m_model->framework().certificationId == id;
    const QModelIndex was = same ? m_tree->currentIndex() : QModelIndex();
    const Competence* competence = m_model->competenceOf(was);
    const int block = m_model->blockOf(was);
    const QString competenceCode = competence ? competence->code : QString();
    const QString blockCode = block >= 0 && block < m_model->framework().blocks.size()
                                  ? m_model->framework().blocks.at(block).code
                                  : QString();
    m_model->setFramework(*framework, *mapping);
    m_tree->expandAll();
    const QModelIndex again = !competenceCode.isEmpty() ? m_model->indexOfCompetence(competenceCode)
                              : !blockCode.isEmpty()    ? m_model->indexOfBlock(blockCode)
                                                        : QModelIndex();
    if (again.isValid())
        m_tree->setCurrentIndex(again);
    if (framework->blocks.isEmpty())
        m_summary->setText(tr("No framework is loaded for this diploma yet: load the school's file "
                              "(Load a framework…) or type its blocks and competences."));
    else
        m_summary->setText(
            tr("%n block(s), ", nullptr, static_cast<int>(framework->blocks.size())) +
            tr("%n competence(s).", nullptr, framework->competenceCount()) +
            (framework->demo ? QLatin1Char(' ') + tr("This is the demonstration's example, not the official "
                                                     "text of the diploma: load the school's own file.")
                             : QString()));
    showSelected();
}

void FrameworksPage::showSelected()
{
    const QModelIndex at = m_tree->currentIndex();
    const Competence* c = m_model->competenceOf(at);
    m_edit->setEnabled(at.isValid());
    m_remove->setEnabled(at.isValid());
    m_addCompetence->setEnabled(at.isValid());
    m_loadingSkills = true;
    m_skills->clear();
    m_skillsView->setEnabled(c != nullptr);
    if (!c) {
        m_detail->setText(at.isValid() ? tr("Choose a competence to see its criteria and the workshop skills "
                                            "that practise it.")
                                       : QString());
        m_loadingSkills = false;
        return;
    }
    QStringList lines{QStringLiteral("%1 %2").arg(c->code, c->title)};
    for (const CompetenceCriterion& k : c->criteria)
        lines << QStringLiteral("• %1").arg(k.title);
    m_detail->setText(lines.join(QLatin1Char('\n')));
    // The skills of the sections that prepare the diploma (of every section when none does).
    const qint64 certificationId = m_model->framework().certificationId;
    SchoolService school = m_session.service<SchoolService>();
    const auto prepared = school.preparedCertifications().value_or(QHash<qint64, QList<qint64>>{});
    const QList<Section> sections = school.sections(true).value_or(QList<Section>{});
    QList<const Section*> preparing;
    for (const Section& s : sections) {
        if (prepared.value(s.id).contains(certificationId))
            preparing << &s;
    }
    if (preparing.isEmpty()) {
        for (const Section& s : sections)
            preparing << &s;
    }
    const QList<qint64> mapped = m_model->skillsOf(c->id);
    QList<Choice> rows;
    ProductionService production = m_session.service<ProductionService>();
    for (const Section* s : std::as_const(preparing)) {
        for (const Skill& skill : production.skills(s->id).value_or(QList<Skill>{})) {
            const QString label =
                preparing.size() > 1 ? QStringLiteral("%1 — %2").arg(s->name, skill.label) : skill.label;
            rows << Choice{skill.id, label, mapped.contains(skill.id)};
        }
    }
    m_skills->setRows(rows);
    m_loadingSkills = false;
}

Status FrameworksPage::apply(const QList<CompetenceBlock>& blocks, const QString& done)
{
    const SkillFramework& shown = m_model->framework();
    ETABLI_TRY(m_session.service<FrameworkService>().replace(shown.certificationId, blocks, shown.demo));
    load();
    m_banner->showMessage(MessageBanner::Kind::Success, done);
    return {};
}

void FrameworksPage::importFile()
{
    const qint64 id = m_certification->currentData().toLongLong();
    if (id == 0)
        return;
    FrameworkImportDialog dialog(m_session, id, m_certification->currentText(), this);
    if (dialog.exec() == QDialog::Accepted) {
        load();
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("The framework of %1 was loaded.").arg(m_certification->currentText()));
    }
}

void FrameworksPage::addBlock()
{
    if (m_model->framework().certificationId == 0)
        return;
    FormDialog dialog(tr("New block of competences"), this);
    auto* code = new QLineEdit(&dialog);
    auto* title = new QLineEdit(&dialog);
    code->setPlaceholderText(QStringLiteral("B4"));
    dialog.addRow(tr("Code"), code);
    dialog.addRow(tr("Title"), title);
    dialog.setAction([this, code, title]() -> Status {
        QList<CompetenceBlock> blocks = m_model->framework().blocks;
        blocks << CompetenceBlock{0, code->text().trimmed(), title->text().simplified(), {}};
        return apply(blocks, tr("The block %1 was added.").arg(code->text().trimmed()));
    });
    dialog.exec();
}

void FrameworksPage::addCompetence()
{
    const int block = m_model->blockOf(m_tree->currentIndex());
    if (block < 0)
        return;
    FormDialog dialog(tr("New competence of %1").arg(m_model->framework().blocks.at(block).code), this);
    auto* code = new QLineEdit(&dialog);
    auto* title = new QLineEdit(&dialog);
    auto* criteria = new QPlainTextEdit(&dialog);
    criteria->setTabChangesFocus(true);
    criteria->setPlaceholderText(tr("One observable criterion per line (optional)"));
    dialog.addRow(tr("Code"), code);
    dialog.addRow(tr("Competence"), title);
    dialog.addRow(tr("Criteria"), criteria);
    dialog.setAction([this, block, code, title, criteria]() -> Status {
        QList<CompetenceBlock> blocks = m_model->framework().blocks;
        const QString c = code->text().trimmed();
        blocks[block].competences << Competence{0, c, title->text().simplified(),
                                                criteriaFrom(c, criteria->toPlainText())};
        return apply(blocks, tr("The competence %1 was added.").arg(c));
    });
    dialog.exec();
}

void FrameworksPage::editSelected()
{
    const QModelIndex at = m_tree->currentIndex();
    const int block = m_model->blockOf(at);
    if (block < 0)
        return;
    const Competence* competence = m_model->competenceOf(at);
    // The code is what evaluations hold on to: it is not changed here.
    if (!competence) {
        const CompetenceBlock& b = m_model->framework().blocks.at(block);
        FormDialog dialog(tr("Block %1").arg(b.code), this);
        auto* title = new QLineEdit(b.title, &dialog);
        dialog.addRow(tr("Title"), title);
        dialog.setAction([this, block, title]() -> Status {
            QList<CompetenceBlock> blocks = m_model->framework().blocks;
            blocks[block].title = title->text().simplified();
            return apply(blocks, tr("The block %1 was changed.").arg(blocks.at(block).code));
        });
        dialog.exec();
        return;
    }
    const int row = at.row();
    FormDialog dialog(tr("Competence %1").arg(competence->code), this);
    auto* title = new QLineEdit(competence->title, &dialog);
    auto* criteria = new QPlainTextEdit(criteriaText(*competence), &dialog);
    criteria->setTabChangesFocus(true);
    dialog.addRow(tr("Competence"), title);
    dialog.addRow(tr("Criteria"), criteria);
    dialog.setAction([this, block, row, title, criteria]() -> Status {
        QList<CompetenceBlock> blocks = m_model->framework().blocks;
        Competence& c = blocks[block].competences[row];
        c.title = title->text().simplified();
        c.criteria = criteriaFrom(c.code, criteria->toPlainText());
        return apply(blocks, tr("The competence %1 was changed.").arg(c.code));
    });
    dialog.exec();
}

void FrameworksPage::removeSelected()
{
    const QModelIndex at = m_tree->currentIndex();
    const int block = m_model->blockOf(at);
    if (block < 0)
        return;
    QList<CompetenceBlock> blocks = m_model->framework().blocks;
    const Competence* competence = m_model->competenceOf(at);
    const QString what =
        competence
            ? tr("the competence %1 “%2”").arg(competence->code, competence->title)
            : tr("the block %1 “%2” and its competences").arg(blocks.at(block).code, blocks.at(block).title);
    if (QMessageBox::question(
            this, tr("Remove"),
            tr("Remove %1 from the framework? What the trainees were evaluated on cannot be "
               "removed.")
                .arg(what),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (competence)
        blocks[block].competences.removeAt(at.row());
    else
        blocks.removeAt(block);
    if (auto r = apply(blocks, tr("Removed: %1.").arg(what)); !r)
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
}

} // namespace etabli
