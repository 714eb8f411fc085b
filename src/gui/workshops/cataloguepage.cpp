#include "gui/workshops/cataloguepage.h"

#include "gui/common/allowed.h"
#include "gui/common/formdialog.h"
#include "gui/common/listoutput.h"
#include "gui/common/messagebanner.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "services/catalogueservice.h"
#include "services/productionservice.h"
#include "services/schoolservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

namespace {
QString vatText(int bp)
{
    return QLocale().toString(bp / 100.0, 'g', 4) + QStringLiteral(" %");
}
} // namespace

CataloguePage::CataloguePage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_section(new QComboBox(this)),
      m_capacity(new QSpinBox(this)), m_halfDay(new QSpinBox(this)), m_itemRows(nullptr),
      m_skillRows(nullptr), m_items(new QTableView(this)), m_skills(new QListView(this)),
      m_newSkill(new QLineEdit(this))
{
    // Withdrawn items and skills are greyed: kept for their history.
    const auto greyed = [this](bool active, int role) {
        return role == Qt::ForegroundRole && !active
                   ? QVariant(palette().brush(QPalette::Disabled, QPalette::Text))
                   : QVariant();
    };
    const auto itemGreyed = [greyed](const CatalogueItem& i, int role) { return greyed(i.active, role); };
    m_itemRows = new ColumnsModel<CatalogueItem>(
        {{tr("Code"), [](const CatalogueItem& i) { return i.code; }, false, itemGreyed},
         {tr("Label"), [](const CatalogueItem& i) { return i.label; }, false, itemGreyed},
         {tr("Unit"), [](const CatalogueItem& i) { return labelOf(i.unit); }, false, itemGreyed},
         Column<CatalogueItem>::amount(
             tr("Price excl. VAT"), [](const CatalogueItem& i) { return i.unitPrice; }, itemGreyed),
         {tr("VAT"), [](const CatalogueItem& i) { return vatText(i.vatRateBp); }, true, itemGreyed},
         {tr("Active"), [](const CatalogueItem& i) { return i.active ? tr("yes") : tr("no"); }, false,
          itemGreyed}},
        this);
    m_skillRows = new ColumnsModel<Skill>(
        {{tr("Skill"), [](const Skill& s) { return s.active ? s.label : tr("%1 (inactive)").arg(s.label); },
          false, [greyed](const Skill& s, int role) { return greyed(s.active, role); }}},
        this);
    m_banner->hide();
    auto* top = new QHBoxLayout;
    auto* sectionLabel = new QLabel(tr("&Workshop"), this);
    sectionLabel->setBuddy(m_section);
    top->addWidget(sectionLabel);
    top->addWidget(m_section, 1);
    m_capacity->setRange(0, 500);
    m_capacity->setSuffix(tr(" places"));
    m_halfDay->setRange(30, 480);
    m_halfDay->setSingleStep(15);
    m_halfDay->setSuffix(tr(" min"));
    m_halfDay->setToolTip(
        tr("Length of a half-day in the workshop: the hours proposed in the production log"));
    auto* capacityLabel = new QLabel(tr("&Capacity"), this);
    capacityLabel->setBuddy(m_capacity);
    auto* halfDayLabel = new QLabel(tr("&Half-day"), this);
    halfDayLabel->setBuddy(m_halfDay);
    auto* saveSection = new QPushButton(tr("Save the workshop"), this);
    showWhenAllowed(saveSection, m_session, permission::SettingsEdit);
    top->addWidget(capacityLabel);
    top->addWidget(m_capacity);
    top->addWidget(halfDayLabel);
    top->addWidget(m_halfDay);
    top->addWidget(saveSection);

    m_items->setObjectName(QStringLiteral("catalogueItems"));
    m_items->setModel(m_itemRows);
    m_items->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_items->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_items->setSelectionMode(QAbstractItemView::SingleSelection);
    m_items->verticalHeader()->hide();
    m_items->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto* addItemButton = new QPushButton(tr("&Add an item…"), this);
    auto* changeItem = new QPushButton(tr("C&hange…"), this);
    showWhenAllowed(addItemButton, m_session, permission::SettingsEdit);
    showWhenAllowed(changeItem, m_session, permission::SettingsEdit);
    auto* itemButtons = new QHBoxLayout;
    itemButtons->addWidget(new ListOutput(
        m_session, m_banner, {m_items}, {}, tr("Catalogue"),
        [this]() { return QStringList{m_section->currentText()}; }, this));
    itemButtons->addStretch(1);
    itemButtons->addWidget(addItemButton);
    itemButtons->addWidget(changeItem);
    auto* left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("<b>Catalogue</b> — what the workshop makes and sells"), this));
    left->addWidget(m_items, 1);
    left->addLayout(itemButtons);

    m_skills->setObjectName(QStringLiteral("skillsList"));
    m_skills->setModel(m_skillRows);
    m_newSkill->setPlaceholderText(tr("New skill, e.g. « souder à l'arc »"));
    auto* addSkillButton = new QPushButton(tr("Add the s&kill"), this);
    auto* toggle = new QPushButton(tr("Deactivate / reactivate"), this);
    auto* skillAdd = new QHBoxLayout;
    skillAdd->addWidget(m_newSkill, 1);
    skillAdd->addWidget(addSkillButton);
    auto* right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("<b>Skills practised</b>"), this));
    right->addWidget(m_skills, 1);
    right->addLayout(skillAdd);
    right->addWidget(toggle, 0, Qt::AlignRight);

    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(top);
    layout->addLayout(columns, 1);

    connect(m_section, &QComboBox::currentIndexChanged, this, &CataloguePage::reload);
    connect(saveSection, &QPushButton::clicked, this, &CataloguePage::saveSection);
    connect(addItemButton, &QPushButton::clicked, this, &CataloguePage::addItem);
    connect(changeItem, &QPushButton::clicked, this, &CataloguePage::changeCurrentItem);
    connect(m_items, &QTableView::activated, this, &CataloguePage::changeCurrentItem);
    connect(addSkillButton, &QPushButton::clicked, this, &CataloguePage::addSkill);
    connect(m_newSkill, &QLineEdit::returnPressed, this, &CataloguePage::addSkill);
    connect(toggle, &QPushButton::clicked, this, &CataloguePage::toggleSkill);
    connect(&m_session, &Session::databaseChanged, this, &CataloguePage::reloadSections);
    connect(&m_session, &Session::userChanged, this, &CataloguePage::reloadSections);
    reloadOnDataChangeWhenShown(this, m_session, DataKind::Catalogue, [this]() { reload(); });
    reloadSections();
}

qint64 CataloguePage::sectionId() const
{
    return m_section->currentData().toLongLong();
}

void CataloguePage::reloadSections()
{
    if (m_session.isOpen() && m_session.isLoggedIn())
        m_sections = m_session.service<SchoolService>().sections(false).value_or(QList<Section>{});
    SectionChoice{}.fill(m_section, m_session);
    reload();
}

void CataloguePage::reload()
{
    m_itemRows->clear();
    m_skillRows->clear();
    const qint64 section = sectionId();
    if (section == 0)
        return;
    for (const Section& s : std::as_const(m_sections)) {
        if (s.id == section) {
            m_capacity->setValue(s.capacity);
            m_halfDay->setValue(s.halfDayMinutes);
        }
    }
    m_itemRows->setRows(
        m_session.service<CatalogueService>().list(section, false).value_or(QList<CatalogueItem>{}));
    m_items->resizeColumnsToContents();
    m_items->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_skillRows->setRows(
        m_session.service<ProductionService>().skills(section, false).value_or(QList<Skill>{}));
}

bool CataloguePage::editItem(CatalogueItem& item)
{
    FormDialog dialog(item.id == 0 ? tr("New catalogue item") : tr("Catalogue item"), this);
    dialog.setObjectName(QStringLiteral("catalogueItemDialog"));
    auto* code = new QLineEdit(item.code, &dialog);
    code->setMaxLength(20);
    auto* label = new QLineEdit(item.label, &dialog);
    auto* unit = new QComboBox(&dialog);
    for (Unit u : allOf<Unit>())
        unit->addItem(labelOf(u), static_cast<int>(u));
    unit->setCurrentIndex(std::max(0, unit->findData(static_cast<int>(item.unit))));
    auto* price = FormDialog::moneyField(item.unitPrice, &dialog);
    auto* vat = new QComboBox(&dialog);
    for (int bp : {2000, 1000, 550, 210, 0})
        vat->addItem(vatText(bp), bp);
    vat->setCurrentIndex(std::max(0, vat->findData(item.vatRateBp)));
    auto* active = new QCheckBox(tr("Offered (uncheck to withdraw it without losing its history)"), &dialog);
    active->setChecked(item.active);
    dialog.addRow(tr("&Code"), code);
    dialog.addRow(tr("&Label"), label);
    dialog.addRow(tr("&Unit"), unit);
    dialog.addRow(tr("&Price excl. VAT (€)"), price);
    dialog.addRow(tr("&VAT rate"), vat);
    dialog.addRow(QString(), active);
    dialog.setAction([&]() -> Status {
        auto amount = FormDialog::money(price);
        if (!amount)
            return std::unexpected(amount.error());
        CatalogueItem candidate = item;
        candidate.code = code->text();
        candidate.label = label->text();
        candidate.unit = static_cast<Unit>(unit->currentData().toInt());
        candidate.unitPrice = *amount;
        candidate.vatRateBp = vat->currentData().toInt();
        candidate.active = active->isChecked();
        auto service = m_session.service<CatalogueService>();
        if (candidate.id == 0) {
            auto id = service.add(candidate);
            if (!id)
                return std::unexpected(id.error());
            candidate.id = *id;
        } else if (auto r = service.update(candidate); !r) {
            return r;
        }
        item = candidate;
        return {};
    });
    return dialog.exec() == QDialog::Accepted;
}

void CataloguePage::addItem()
{
    CatalogueItem item;
    item.sectionId = sectionId();
    if (item.sectionId == 0 || !editItem(item))
        return;
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("“%1” added to the catalogue.").arg(item.label.trimmed()));
    reload();
}

void CataloguePage::changeCurrentItem()
{
    const int row = m_items->currentIndex().row();
    if (row < 0 || row >= m_itemRows->rowCount())
        return;
    CatalogueItem item = m_itemRows->rowAt(row);
    if (!editItem(item))
        return;
    m_banner->showMessage(MessageBanner::Kind::Success, tr("“%1” was changed.").arg(item.label.trimmed()));
    reload();
}

void CataloguePage::addSkill()
{
    const QString label = m_newSkill->text().trimmed();
    if (label.isEmpty())
        return;
    auto id = m_session.service<ProductionService>().addSkill(Skill{0, sectionId(), label, true});
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return;
    }
    m_newSkill->clear();
    m_banner->hide();
    reload();
}

void CataloguePage::toggleSkill()
{
    const int row = m_skills->currentIndex().row();
    if (row < 0 || row >= m_skillRows->rowCount())
        return;
    Skill s = m_skillRows->rowAt(row);
    s.active = !s.active;
    if (auto r = m_session.service<ProductionService>().updateSkill(s); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return;
    }
    reload();
}

void CataloguePage::saveSection()
{
    for (Section s : std::as_const(m_sections)) {
        if (s.id != sectionId())
            continue;
        s.capacity = m_capacity->value();
        s.halfDayMinutes = m_halfDay->value();
        if (auto r = m_session.service<SchoolService>().updateSection(s); !r) {
            m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
            return;
        }
        m_banner->showMessage(MessageBanner::Kind::Success, tr("The workshop “%1” was saved.").arg(s.name));
        reloadSections();
        return;
    }
}

} // namespace etabli
