#include "gui/workshops/productionentrypage.h"

#include "gui/common/choicecompleter.h"
#include "gui/common/datefield.h"
#include "gui/common/messagebanner.h"
#include "gui/common/rowstablemodel.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "gui/workshops/productionentrymodels.h"
#include "services/attendanceservice.h"
#include "services/catalogueservice.h"
#include "services/orderservice.h"
#include "services/productionservice.h"
#include "services/schoolservice.h"
#include "services/staffservice.h"
#include "util/text.h"

#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

namespace {

QLabel* buddyLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

// Commits and closes the editor open in a view, if any (moving the current
// index does it).
void commitEditing(QAbstractItemView* view)
{
    QWidget* focus = QApplication::focusWidget();
    if (!focus || focus == view || !view->isAncestorOf(focus))
        return;
    const QModelIndex current = view->currentIndex();
    view->setCurrentIndex(QModelIndex());
    view->setCurrentIndex(current);
    view->setFocus();
}

} // namespace

ProductionEntryPage::ProductionEntryPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_title(new QLabel(this)), m_banner(new MessageBanner(this)),
      m_section(new QComboBox(this)), m_day(new DateField(this)), m_kind(new QComboBox(this)),
      m_reference(new QLineEdit(this)), m_order(new QComboBox(this)), m_trainer(new QComboBox(this)),
      m_traineeRows(new EntryTraineesModel(this)), m_outputRows(new EntryOutputsModel(this)),
      m_materialRows(new EntryMaterialsModel(this)), m_skillRows(new ChoiceListModel(this)),
      m_trainees(new QTableView(this)), m_article(new QLineEdit(this)), m_quantity(new QLineEdit(this)),
      m_unit(new QComboBox(this)), m_addOutput(new QPushButton(tr("&Add"), this)),
      m_outputs(new QTableView(this)), m_materials(new QTableView(this)), m_skills(new QListView(this)),
      m_notes(new QLineEdit(this)), m_save(new QPushButton(tr("&Save (Ctrl+S)"), this)),
      m_new(new QPushButton(tr("&New entry"), this)), m_total(new QLabel(this))
{
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_banner->hide();

    m_section->setObjectName(QStringLiteral("entrySection"));
    m_day->setObjectName(QStringLiteral("entryDay"));
    for (ProductionKind k : allOf<ProductionKind>())
        m_kind->addItem(labelOf(k), static_cast<int>(k));
    m_reference->setObjectName(QStringLiteral("entryReference"));
    m_reference->setPlaceholderText(tr("order or customer, e.g. PN-2026-014"));
    m_reference->setMaxLength(60);
    m_trainer->setObjectName(QStringLiteral("entryTrainer"));
    m_order->setObjectName(QStringLiteral("entryOrder"));
    m_order->setToolTip(tr("The work order this work served: its number becomes the reference"));

    auto* head = new QGridLayout;
    head->addWidget(buddyLabel(tr("&Workshop"), m_section, this), 0, 0);
    head->addWidget(m_section, 0, 1);
    head->addWidget(buddyLabel(tr("&Day"), m_day, this), 0, 2);
    head->addWidget(m_day, 0, 3);
    head->addWidget(buddyLabel(tr("&Kind"), m_kind, this), 0, 4);
    head->addWidget(m_kind, 0, 5);
    head->addWidget(buddyLabel(tr("&Reference"), m_reference, this), 1, 0);
    auto* referenceRow = new QHBoxLayout;
    referenceRow->addWidget(m_order, 1);
    referenceRow->addWidget(m_reference, 1);
    head->addLayout(referenceRow, 1, 1, 1, 3);
    head->addWidget(buddyLabel(tr("Trai&ner"), m_trainer, this), 1, 4);
    head->addWidget(m_trainer, 1, 5);
    head->setColumnStretch(1, 2);
    head->setColumnStretch(3, 1);
    head->setColumnStretch(5, 1);

    // Trainees: Space ticks, typing a duration changes the hours.
    m_trainees->setObjectName(QStringLiteral("entryTrainees"));
    m_trainees->setModel(m_traineeRows);
    m_trainees->verticalHeader()->hide();
    m_trainees->horizontalHeader()->setSectionResizeMode(EntryTraineesModel::Name, QHeaderView::Stretch);
    m_trainees->setSelectionMode(QAbstractItemView::SingleSelection);
    m_trainees->setEditTriggers(QAbstractItemView::AnyKeyPressed | QAbstractItemView::DoubleClicked |
                                QAbstractItemView::EditKeyPressed);
    m_trainees->setTabKeyNavigation(false);
    m_trainees->setWordWrap(false);
    m_trainees->horizontalHeader()->setSectionResizeMode(EntryTraineesModel::Note,
                                                         QHeaderView::ResizeToContents);
    m_trainees->horizontalHeader()->setSectionResizeMode(EntryTraineesModel::Hours, QHeaderView::Fixed);
    m_trainees->horizontalHeader()->resizeSection(EntryTraineesModel::Hours, 90);
    m_trainees->installEventFilter(this);
    auto* traineesBox = new QVBoxLayout;
    auto* traineesHead = new QHBoxLayout;
    traineesHead->addWidget(buddyLabel(tr("&Trainees"), m_trainees, this));
    traineesHead->addWidget(new QLabel(tr("— Space ticks, type the hours (3,5 or 3 h 30)"), this), 1);
    traineesBox->addLayout(traineesHead);
    traineesBox->addWidget(m_trainees, 1);
    traineesBox->addWidget(m_total);

    // Output: an article by code or words, a quantity, Enter adds the line.
    m_article->setObjectName(QStringLiteral("entryArticle"));
    m_article->setPlaceholderText(tr("code or words of the catalogue, or free text"));
    attachChoiceCompleter(m_article, ChoiceMatch::Contains);
    m_quantity->setObjectName(QStringLiteral("entryQuantity"));
    m_quantity->setPlaceholderText(QStringLiteral("1"));
    m_quantity->setMaximumWidth(90);
    for (Unit u : allOf<Unit>())
        m_unit->addItem(labelOf(u), static_cast<int>(u));
    m_unit->setToolTip(tr("Unit of a free-text line (a catalogue item has its own)"));
    m_outputs->setObjectName(QStringLiteral("entryOutputs"));
    m_outputs->setModel(m_outputRows);
    m_outputs->verticalHeader()->hide();
    m_outputs->horizontalHeader()->setSectionResizeMode(EntryOutputsModel::Description, QHeaderView::Stretch);
    m_outputs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outputs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_outputs->setTabKeyNavigation(false);
    m_outputs->installEventFilter(this);
    auto* addLine = new QHBoxLayout;
    addLine->addWidget(buddyLabel(tr("Arti&cle"), m_article, this));
    addLine->addWidget(m_article, 1);
    addLine->addWidget(buddyLabel(tr("&Quantity"), m_quantity, this));
    addLine->addWidget(m_quantity);
    addLine->addWidget(m_unit);
    addLine->addWidget(m_addOutput);
    auto* removeOutput = new QPushButton(tr("Remove the line"), this);
    auto* outputsBox = new QVBoxLayout;
    outputsBox->addWidget(
        new QLabel(tr("<b>What was made</b> — Enter adds the line, Delete removes it"), this));
    outputsBox->addLayout(addLine);
    outputsBox->addWidget(m_outputs, 1);
    outputsBox->addWidget(removeOutput, 0, Qt::AlignRight);

    // Materials and skills.
    m_materials->setObjectName(QStringLiteral("entryMaterials"));
    m_materials->setModel(m_materialRows);
    m_materials->verticalHeader()->hide();
    m_materials->horizontalHeader()->setSectionResizeMode(EntryMaterialsModel::Label, QHeaderView::Stretch);
    // The figures' columns as wide as their heading ("Coût unitaire (€)").
    m_materials->horizontalHeader()->setSectionResizeMode(EntryMaterialsModel::Quantity,
                                                          QHeaderView::ResizeToContents);
    m_materials->horizontalHeader()->setSectionResizeMode(EntryMaterialsModel::UnitCost,
                                                          QHeaderView::ResizeToContents);
    m_materials->setTabKeyNavigation(false);
    auto* addMaterial = new QPushButton(tr("Add a &material"), this);
    auto* removeMaterial = new QPushButton(tr("Remove"), this);
    auto* materialButtons = new QHBoxLayout;
    materialButtons->addWidget(addMaterial);
    materialButtons->addWidget(removeMaterial);
    materialButtons->addStretch(1);
    m_skills->setObjectName(QStringLiteral("entrySkills"));
    m_skills->setModel(m_skillRows);
    m_skills->installEventFilter(this);
    auto* lower = new QHBoxLayout;
    auto* materialsBox = new QVBoxLayout;
    materialsBox->addWidget(new QLabel(tr("<b>Materials used</b>"), this));
    materialsBox->addWidget(m_materials, 1);
    materialsBox->addLayout(materialButtons);
    auto* skillsBox = new QVBoxLayout;
    skillsBox->addWidget(buddyLabel(tr("S&kills practised"), m_skills, this));
    skillsBox->addWidget(m_skills, 1);
    lower->addLayout(materialsBox, 3);
    lower->addLayout(skillsBox, 2);

    auto* columns = new QHBoxLayout;
    columns->addLayout(traineesBox, 1);
    auto* right = new QVBoxLayout;
    right->addLayout(outputsBox, 3);
    right->addLayout(lower, 2);
    columns->addLayout(right, 1);

    auto* bottom = new QHBoxLayout;
    bottom->addWidget(buddyLabel(tr("N&otes"), m_notes, this));
    bottom->addWidget(m_notes, 1);
    bottom->addWidget(m_new);
    bottom->addWidget(m_save);
    m_save->setDefault(false);
    m_save->setAutoDefault(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addLayout(head);
    layout->addLayout(columns, 1);
    layout->addLayout(bottom);

    setTabOrder(m_section, m_day);
    setTabOrder(m_day, m_kind);
    setTabOrder(m_kind, m_order);
    setTabOrder(m_order, m_reference);
    setTabOrder(m_reference, m_trainer);
    setTabOrder(m_trainer, m_trainees);
    setTabOrder(m_trainees, m_article);
    setTabOrder(m_article, m_quantity);
    setTabOrder(m_quantity, m_unit);
    setTabOrder(m_unit, m_addOutput);
    setTabOrder(m_addOutput, m_outputs);
    setTabOrder(m_outputs, m_materials);
    setTabOrder(m_materials, m_skills);
    setTabOrder(m_skills, m_notes);
    setTabOrder(m_notes, m_save);

    connect(m_section, &QComboBox::currentIndexChanged, this, &ProductionEntryPage::sectionChanged);
    connect(m_day, &DateField::dateChanged, this, [this]() {
        reloadTrainees();
        updateTitle();
    });
    connect(m_traineeRows, &QAbstractItemModel::dataChanged, this, &ProductionEntryPage::updateTitle);
    connect(m_traineeRows, &QAbstractItemModel::modelReset, this, &ProductionEntryPage::updateTitle);
    connect(m_order, &QComboBox::currentIndexChanged, this, [this]() {
        const bool attached = m_order->currentData().toLongLong() != 0;
        m_reference->setEnabled(!attached);
        if (attached)
            m_reference->setText(m_order->currentText().section(QStringLiteral(" — "), 0, 0));
        else if (m_reference->text().startsWith(QLatin1String("BT")))
            m_reference->clear();
    });
    connect(m_article, &QLineEdit::returnPressed, this, [this]() {
        if (m_quantity->text().trimmed().isEmpty())
            m_quantity->setFocus();
        else
            addOutput();
    });
    connect(m_quantity, &QLineEdit::returnPressed, this, &ProductionEntryPage::addOutput);
    connect(m_addOutput, &QPushButton::clicked, this, &ProductionEntryPage::addOutput);
    connect(removeOutput, &QPushButton::clicked, this, &ProductionEntryPage::removeSelectedOutput);
    connect(addMaterial, &QPushButton::clicked, this, &ProductionEntryPage::addMaterial);
    connect(removeMaterial, &QPushButton::clicked, this, [this]() {
        if (!m_materialRows->isReadOnly())
            m_materialRows->removeAt(m_materials->currentIndex().row());
    });
    connect(m_save, &QPushButton::clicked, this, &ProductionEntryPage::save);
    connect(m_new, &QPushButton::clicked, this, &ProductionEntryPage::newEntry);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &ProductionEntryPage::save);
    connect(&m_session, &Session::databaseChanged, this, &ProductionEntryPage::reloadSections);
    connect(&m_session, &Session::userChanged, this, &ProductionEntryPage::reloadSections);
    // What the entry offers follows the other pages (a work order just made, a trainee
    // just enrolled); what is being typed stays.
    m_session.onDataChanged(this, DataKind::WorkOrders, [this]() { reloadOrders(); });
    m_session.onDataChanged(this, DataKind::Trainees | DataKind::Attendance, [this]() { reloadTrainees(); });
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, tr("Production log"), question) == QMessageBox::Yes;
    };
    reloadSections();
}

bool ProductionEntryPage::eventFilter(QObject* watched, QEvent* event)
{
    // Space ticks the current trainee or skill (the trainer's main gesture).
    if ((watched == m_trainees || watched == m_skills) && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Space &&
        static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier) {
        if (watched == m_trainees)
            m_traineeRows->toggle(m_trainees->currentIndex().row());
        else
            m_skillRows->toggle(m_skills->currentIndex().row());
        return true;
    }
    if (watched == m_outputs && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            removeSelectedOutput();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

qint64 ProductionEntryPage::sectionId() const
{
    return m_section->currentData().toLongLong();
}

QString ProductionEntryPage::statusText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void ProductionEntryPage::reloadSections()
{
    SectionChoice choice;
    choice.activeOnly = true;
    choice.coveredOnly = true;
    choice.fill(m_section, m_session);
    if (!m_session.isOpen() || !m_session.isLoggedIn())
        return;
    // The trainer's own section first: the team record (else the account's, chosen above).
    if (auto me = m_session.service<StaffService>().me();
        me && !me->sectionIds.isEmpty() && m_section->findData(me->sectionIds.first()) >= 0) {
        const QSignalBlocker block(m_section);
        m_section->setCurrentIndex(m_section->findData(me->sectionIds.first()));
    }
    m_day->setDate(m_session.clock().today());
    m_day->setDateRange(QDate(), m_session.clock().today());
    sectionChanged();
}

void ProductionEntryPage::sectionChanged()
{
    m_catalogue.clear();
    m_skillRows->clear();
    m_trainer->clear();
    const qint64 section = sectionId();
    if (section == 0 || !m_session.isLoggedIn()) {
        m_traineeRows->clear();
        updateTitle();
        return;
    }
    Database& db = m_session.database();
    for (const Section& s :
         SchoolService(db, m_session.clock(), m_session.user()).sections(true).value_or(QList<Section>{})) {
        if (s.id == section)
            m_traineeRows->setHalfDay(s.halfDayMinutes);
    }
    m_catalogue = CatalogueService(db, m_session.clock(), m_session.user())
                      .list(section, true)
                      .value_or(QList<CatalogueItem>{});
    QStringList choices;
    for (const CatalogueItem& i : std::as_const(m_catalogue))
        choices << QStringLiteral("%1 — %2").arg(i.code, i.label);
    setChoices(m_article, choices);

    ProductionService production(db, m_session.clock(), m_session.user());
    QList<Choice> skills;
    for (const Skill& s : production.skills(section, true).value_or(QList<Skill>{}))
        skills << Choice{s.id, s.label, false};
    m_skillRows->setRows(skills);

    StaffService team(db, m_session.clock(), m_session.user());
    m_trainer->addItem(tr("(not given)"), 0);
    for (const StaffMember& m : team.list(true).value_or(QList<StaffMember>{})) {
        if (m.sectionIds.contains(section) || m.job == StaffJob::MasterTrainer)
            m_trainer->addItem(m.displayName(), m.id);
    }
    auto me = team.me();
    if (me && me->id != 0 && m_trainer->findData(me->id) >= 0)
        m_trainer->setCurrentIndex(m_trainer->findData(me->id));
    else if (m_trainer->count() == 2)
        m_trainer->setCurrentIndex(1);
    reloadOrders();
    reloadTrainees();
    updateTitle();
}

void ProductionEntryPage::reloadOrders()
{
    const QSignalBlocker block(m_order);
    const qint64 chosen = m_order->currentData().toLongLong();
    m_order->clear();
    m_order->addItem(tr("(no work order)"), 0);
    OrderFilter open;
    open.sectionId = sectionId();
    open.shown = OrderFilter::Shown::Open;
    const auto orders =
        m_session.service<OrderService>().orders(open, PageRequest{PageRequest::From::Start, {}, 0, 200, 0});
    for (const WorkOrder& o : orders ? orders->rows : QList<WorkOrder>{})
        m_order->addItem(QStringLiteral("%1 — %2 — %3").arg(o.number, o.customerName, o.description), o.id);
    m_order->setCurrentIndex(std::max(0, m_order->findData(chosen)));
    m_reference->setEnabled(m_order->currentIndex() <= 0);
}

void ProductionEntryPage::reloadTrainees()
{
    // Keep what is ticked when only the day changes.
    const QHash<qint64, QString> ticked = m_traineeRows->tickedHours();
    const qint64 section = sectionId();
    if (section == 0) {
        m_traineeRows->clear();
        return;
    }
    const QDate day = m_day->date();
    auto attendance = m_session.service<AttendanceService>();
    auto enrolled = attendance.enrolled(section, day, day);
    auto week = attendance.week(section, day);
    QHash<qint64, int> absentHalves;
    QHash<qint64, bool> internship;
    if (week) {
        for (const AttendanceCell& c : week->cells) {
            if (c.day != day)
                continue;
            if (c.code == AttendanceCode::Internship)
                internship[c.traineeId] = true;
            if (c.code && isAway(*c.code))
                absentHalves[c.traineeId] += 1;
        }
    }
    QList<EntryTrainee> rows;
    for (const auto& e : enrolled.value_or(QList<AttendanceRepository::Enrolment>{}))
        rows << EntryTrainee{e.traineeId, e.lastName + QLatin1Char(' ') + e.firstName, 0, false, false, {}};
    // Trainees of the entry being corrected who are not (or no longer) listed.
    for (const ProductionTrainee& t : std::as_const(m_loaded.trainees)) {
        if (std::none_of(rows.begin(), rows.end(),
                         [&](const EntryTrainee& r) { return r.traineeId == t.traineeId; }))
            rows << EntryTrainee{t.traineeId, t.name, 0, false, false, {}};
    }
    for (EntryTrainee& row : rows) {
        row.absentHalves = absentHalves.value(row.traineeId);
        row.internship = internship.value(row.traineeId);
        row.ticked = ticked.contains(row.traineeId) && row.absentHalves < 2;
        row.hours = row.ticked ? ticked.value(row.traineeId) : QString();
    }
    m_traineeRows->setRows(rows);
    if (!rows.isEmpty())
        m_trainees->setCurrentIndex(m_traineeRows->index(0, EntryTraineesModel::Name));
}

void ProductionEntryPage::addOutput()
{
    const QString text = m_article->text().trimmed();
    if (text.isEmpty()) {
        m_article->setFocus();
        return;
    }
    qint64 quantity = 1000;
    if (!m_quantity->text().trimmed().isEmpty()) {
        auto q = Quantities::parse(m_quantity->text());
        if (!q) {
            m_banner->showMessage(MessageBanner::Kind::Error, q.error().message);
            m_quantity->setFocus();
            m_quantity->selectAll();
            return;
        }
        quantity = *q;
    }
    // "CODE — label" from the completer, a code typed whole, or words that
    // name one item only; anything else is a free-text line.
    const CatalogueItem* found = nullptr;
    const QString code = text.section(QStringLiteral(" — "), 0, 0).trimmed();
    for (const CatalogueItem& i : std::as_const(m_catalogue)) {
        if (text::fold(i.code) == text::fold(code))
            found = &i;
    }
    if (!found) {
        const QString words = text::fold(text);
        const CatalogueItem* only = nullptr;
        int matches = 0;
        for (const CatalogueItem& i : std::as_const(m_catalogue)) {
            if (text::fold(i.label).contains(words) || text::fold(i.code).startsWith(words)) {
                only = &i;
                ++matches;
            }
        }
        if (matches == 1)
            found = only;
    }
    ProductionOutput output;
    output.catalogueItemId = found ? found->id : 0;
    output.code = found ? found->code : QString();
    output.label = found ? found->label : text;
    output.quantityThousandths = quantity;
    output.unit = found ? found->unit : static_cast<Unit>(m_unit->currentData().toInt());
    m_outputRows->append(output);
    m_article->clear();
    m_quantity->clear();
    m_article->setFocus();
    if (!found)
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("“%1” is not in the catalogue: added as a free-text line.").arg(text));
}

void ProductionEntryPage::removeSelectedOutput()
{
    if (!m_outputRows->isReadOnly())
        m_outputRows->removeAt(m_outputs->currentIndex().row());
}

void ProductionEntryPage::addMaterial()
{
    if (m_materialRows->isReadOnly())
        return;
    const int row = m_materialRows->append({});
    const QModelIndex label = m_materialRows->index(row, EntryMaterialsModel::Label);
    m_materials->setCurrentIndex(label);
    m_materials->setFocus();
    m_materials->edit(label);
}

void ProductionEntryPage::updateTitle()
{
    if (m_entryId != 0)
        m_title->setText(
            tr("Correcting the entry of %1").arg(QLocale().toString(m_day->date(), QLocale::LongFormat)));
    else
        m_title->setText(
            tr("Production log — %1").arg(QLocale().toString(m_day->date(), QLocale::LongFormat)));
    m_total->setText(tr("%n trainee(s) ticked, %1 in all", nullptr, m_traineeRows->tickedCount())
                         .arg(Quantities::formatDuration(m_traineeRows->tickedMinutes())));
}

bool ProductionEntryPage::collect(ProductionEntry& e)
{
    e.id = m_entryId;
    e.version = m_version;
    e.sectionId = sectionId();
    e.day = m_day->date();
    e.kind = static_cast<ProductionKind>(m_kind->currentData().toInt());
    e.reference = m_reference->text();
    e.orderId = m_order->currentData().toLongLong();
    e.trainerStaffId = m_trainer->currentData().toLongLong();
    e.notes = m_notes->text();
    int row = -1;
    int column = -1;
    auto trainees = m_traineeRows->collect(&row);
    if (!trainees) {
        m_banner->showMessage(MessageBanner::Kind::Error, trainees.error().message);
        m_trainees->setCurrentIndex(m_traineeRows->index(row, EntryTraineesModel::Hours));
        m_trainees->setFocus();
        return false;
    }
    auto materials = m_materialRows->collect(&row, &column);
    if (!materials) {
        m_banner->showMessage(MessageBanner::Kind::Error, materials.error().message);
        m_materials->setCurrentIndex(m_materialRows->index(row, column));
        m_materials->setFocus();
        return false;
    }
    e.trainees = *trainees;
    e.outputs = m_outputRows->rows();
    e.materials = *materials;
    e.skillIds = m_skillRows->checkedIds();
    return true;
}

bool ProductionEntryPage::save()
{
    if (DateField::reportWrong(this, m_banner))
        return false;
    if (!m_session.isLoggedIn())
        return false;
    // A cell still being edited counts.
    commitEditing(m_trainees);
    commitEditing(m_materials);
    ProductionEntry e;
    if (!collect(e))
        return false;
    auto service = m_session.service<ProductionService>();
    auto id = service.save(e, false);
    if (!id && id.error().code == Error::Code::NeedsConfirmation && m_confirm &&
        m_confirm(id.error().message))
        id = service.save(e, true);
    if (!id) {
        if (id.error().code != Error::Code::NeedsConfirmation)
            m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    const bool corrected = m_entryId != 0;
    const QString summary = tr("%n trainee(s), %1", nullptr, static_cast<int>(e.trainees.size()))
                                .arg(Quantities::formatDuration(e.totalMinutes()));
    newEntry();
    m_banner->showMessage(MessageBanner::Kind::Success, corrected ? tr("Entry corrected: %1.").arg(summary)
                                                                  : tr("Entry saved: %1.").arg(summary));
    Q_EMIT saved(*id);
    return true;
}

void ProductionEntryPage::newEntry()
{
    m_entryId = 0;
    m_version = 0;
    m_loaded = {};
    setReadOnly(false);
    m_reference->clear();
    m_order->setCurrentIndex(0);
    m_notes->clear();
    m_outputRows->clear();
    m_materialRows->clear();
    m_article->clear();
    m_quantity->clear();
    m_skillRows->setChecked({});
    m_traineeRows->untickAll();
    m_banner->hide();
    updateTitle();
    m_trainees->setFocus();
}

void ProductionEntryPage::setReadOnly(bool readOnly)
{
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_section, m_day, m_kind, m_order, m_reference, m_trainer, m_article,
                                         m_quantity, m_unit, m_addOutput, m_notes, m_save})
        w->setEnabled(!readOnly);
    m_traineeRows->setReadOnly(readOnly);
    m_outputRows->setReadOnly(readOnly);
    m_materialRows->setReadOnly(readOnly);
    m_skillRows->setReadOnly(readOnly);
}

void ProductionEntryPage::openEntry(qint64 id)
{
    auto service = m_session.service<ProductionService>();
    auto e = service.get(id);
    if (!e) {
        m_banner->showMessage(MessageBanner::Kind::Error, e.error().message);
        return;
    }
    newEntry();
    m_loaded = *e;
    {
        const QSignalBlocker b1(m_section);
        const QSignalBlocker b2(m_day);
        if (m_section->findData(e->sectionId) < 0)
            m_section->addItem(tr("(another workshop)"), e->sectionId);
        m_section->setCurrentIndex(m_section->findData(e->sectionId));
        m_day->setDateRange(QDate(), std::max(m_session.clock().today(), e->day));
        m_day->setDate(e->day);
    }
    sectionChanged();
    m_entryId = e->id;
    m_version = e->version;
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(e->kind)));
    if (e->orderId != 0 && m_order->findData(e->orderId) < 0)
        m_order->addItem(e->reference, e->orderId);
    m_order->setCurrentIndex(std::max(0, m_order->findData(e->orderId)));
    m_reference->setText(e->reference);
    m_notes->setText(e->notes);
    if (m_trainer->findData(e->trainerStaffId) >= 0)
        m_trainer->setCurrentIndex(m_trainer->findData(e->trainerStaffId));
    for (const ProductionTrainee& t : std::as_const(e->trainees))
        m_traineeRows->tick(t.traineeId, t.minutes);
    m_outputRows->setRows(e->outputs);
    m_materialRows->setMaterials(e->materials);
    m_skillRows->setChecked(e->skillIds);
    updateTitle();
    if (auto allowed = service.mayChange(*e); !allowed) {
        setReadOnly(true);
        m_banner->showMessage(MessageBanner::Kind::Warning, allowed.error().message);
    }
}

} // namespace etabli
