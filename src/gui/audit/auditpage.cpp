#include "gui/audit/auditpage.h"

#include "gui/audit/auditmodel.h"
#include "gui/common/datefield.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "services/audittrail.h"
#include "services/auditwording.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

AuditPage::AuditPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_person(new QComboBox(this)),
      m_entity(new QComboBox(this)), m_useFrom(new QCheckBox(tr("&From"), this)), m_from(new DateField(this)),
      m_useTo(new QCheckBox(tr("&To"), this)), m_to(new DateField(this)), m_count(new QLabel(this)),
      m_view(new QTableView(this)), m_model(new AuditModel(session, this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    auto* filters = new QHBoxLayout;
    auto* personLabel = new QLabel(tr("&Person"), this);
    personLabel->setBuddy(m_person);
    auto* entityLabel = new QLabel(tr("&Item"), this);
    entityLabel->setBuddy(m_entity);
    m_person->setObjectName(QStringLiteral("personFilter"));
    m_entity->setObjectName(QStringLiteral("entityFilter"));
    for (DateField* d : {m_from, m_to}) {
        d->setDate(m_session.clock().today());
        d->setEnabled(false);
    }
    m_from->setDate(m_session.clock().today().addMonths(-1));
    filters->addWidget(personLabel);
    filters->addWidget(m_person);
    filters->addWidget(entityLabel);
    filters->addWidget(m_entity);
    filters->addWidget(m_useFrom);
    filters->addWidget(m_from);
    filters->addWidget(m_useTo);
    filters->addWidget(m_to);
    filters->addStretch(1);
    auto* exportButton = new QPushButton(tr("&Export to CSV…"), this);
    filters->addWidget(exportButton);
    layout->addLayout(filters);
    layout->addWidget(m_count);
    m_view->setObjectName(QStringLiteral("auditView"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);

    // A change committed anywhere is in the trail: shown without a refresh, to those who read it.
    m_session.onDataChanged(this, DataKind::Audit, [this]() {
        if (m_session.user().can(permission::AuditRead))
            applyFilter();
    });
    connect(m_person, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilter);
    connect(m_entity, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilter);
    connect(m_useFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    for (QCheckBox* c : {m_useFrom, m_useTo})
        connect(c, &QCheckBox::toggled, this, &AuditPage::applyFilter);
    for (DateField* d : {m_from, m_to})
        connect(d, &DateField::dateChanged, this, &AuditPage::applyFilter);
    connect(exportButton, &QPushButton::clicked, this, &AuditPage::chooseExport);
    reload();
}

void AuditPage::reload()
{
    if (!m_session.isOpen() || !m_session.user().can(permission::AuditRead))
        return;
    AuditTrail trail(m_session.database(), m_session.clock());
    const QSignalBlocker b1(m_person);
    const QSignalBlocker b2(m_entity);
    const QString person = m_person->currentData().toString();
    const QVariant entity = m_entity->currentData();
    m_person->clear();
    m_entity->clear();
    m_person->addItem(tr("Everyone"), QString());
    m_entity->addItem(tr("Everything"));
    for (const QString& p : trail.people(m_session.user()).value_or(QStringList{}))
        m_person->addItem(p, p);
    for (const AuditEntity e : trail.entities(m_session.user()).value_or(QList<AuditEntity>{}))
        m_entity->addItem(labelOf(e), static_cast<int>(e));
    m_person->setCurrentIndex(std::max(0, m_person->findData(person)));
    m_entity->setCurrentIndex(std::max(0, m_entity->findData(entity)));
    applyFilter();
}

void AuditPage::setPersonFilter(const QString& login)
{
    m_person->setCurrentIndex(std::max(0, m_person->findData(login)));
}

AuditFilter AuditPage::currentFilter() const
{
    AuditFilter f;
    f.userLogin = m_person->currentData().toString();
    if (m_entity->currentData().isValid())
        f.entity = static_cast<AuditEntity>(m_entity->currentData().toInt());
    if (m_useFrom->isChecked())
        f.from = m_from->date();
    if (m_useTo->isChecked())
        f.to = m_to->date();
    return f;
}

void AuditPage::applyFilter()
{
    m_model->setFilter(currentFilter());
    if (!m_model->lastError().isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Error, m_model->lastError());
    m_count->setText(tr("%n change(s)", nullptr, static_cast<int>(m_model->totalCount())));
    m_view->resizeColumnsToContents();
}

bool AuditPage::exportCsv(const QString& path)
{
    if (auto r = AuditTrail(m_session.database(), m_session.clock())
                     .exportCsv(m_session.user(), currentFilter(), path);
        !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("The log was exported to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

void AuditPage::chooseExport()
{
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(tr("log-of-changes-%1.csv").arg(m_session.clock().today().toString(Qt::ISODate)));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the log of changes"), suggested, tr("CSV (*.csv)"));
    if (!path.isEmpty())
        exportCsv(path);
}

} // namespace etabli
