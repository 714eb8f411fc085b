#include "gui/workshops/productionlogpage.h"

#include "domain/schoolyear.h"
#include "gui/common/messagebanner.h"
#include "gui/common/pager.h"
#include "gui/common/periodedit.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/searchfield.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "services/productionservice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace etabli {

ProductionLogPage::ProductionLogPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_section(new QComboBox(this)),
      m_period(new PeriodEdit(SchoolYear::containing(session.clock().today()).firstDay(),
                              session.clock().today(), this)),
      m_kind(new QComboBox(this)), m_reference(new QLineEdit(this)), m_table(new QTableWidget(this)),
      m_pager(new Pager(PageSize, this))
{
    m_banner->hide();
    auto* top = new QHBoxLayout;
    m_section->setObjectName(QStringLiteral("logSection"));
    top->addWidget(m_section, 1);
    top->addWidget(m_period);
    m_kind->addItem(tr("All kinds of work"), QString());
    for (const QString& k : productionKinds())
        m_kind->addItem(ProductionService::kindLabel(k), k);
    top->addWidget(m_kind);
    m_reference->setPlaceholderText(tr("Search a reference…"));
    m_reference->setClearButtonEnabled(true);
    markAsSearchField(m_reference, m_table);
    top->addWidget(m_reference, 1);

    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setColumnCount(8);
    m_table->setHorizontalHeaderLabels({tr("Day"), tr("Workshop"), tr("Kind"), tr("Reference"),
                                        tr("Trainees"), tr("Trainee hours"), tr("Made"), tr("Written by")});
    m_table->horizontalHeaderItem(5)->setToolTip(tr("The hours of all the trainees on the entry, added up"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(6, QHeaderView::Stretch);
    m_table->setWordWrap(false);

    auto* open = new QPushButton(tr("&Open"), this);
    auto* remove = new QPushButton(tr("&Delete the entry…"), this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_pager, 1);
    bottom->addSpacing(20);
    bottom->addWidget(remove);
    bottom->addWidget(open);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    const auto restart = [this]() {
        m_pager->restart();
        reload();
    };
    connect(m_section, &QComboBox::currentIndexChanged, this, restart);
    connect(m_kind, &QComboBox::currentIndexChanged, this, restart);
    connect(m_period, &PeriodEdit::changed, this, restart);
    connect(m_reference, &QLineEdit::textChanged, this, restart);
    connect(m_pager, &Pager::moved, this, &ProductionLogPage::reload);
    connect(m_table, &QTableWidget::cellActivated, this, &ProductionLogPage::openCurrent);
    connect(open, &QPushButton::clicked, this, &ProductionLogPage::openCurrent);
    connect(remove, &QPushButton::clicked, this, &ProductionLogPage::removeCurrent);
    auto* del = new QShortcut(QKeySequence::Delete, m_table);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &ProductionLogPage::removeCurrent);
    connect(&m_session, &Session::databaseChanged, this, &ProductionLogPage::reloadSections);
    connect(&m_session, &Session::userChanged, this, &ProductionLogPage::reloadSections);
    reloadOnDataChangeWhenShown(this, m_session,
                                DataKind::Production | DataKind::Trainees | DataKind::Staff |
                                    DataKind::School | DataKind::WorkOrders,
                                [this]() { reload(); });
    reloadSections();
}

void ProductionLogPage::reloadSections()
{
    SectionChoice{tr("All workshops")}.fill(m_section, m_session);
    m_pager->restart();
    reload();
}

void ProductionLogPage::reload()
{
    m_table->setRowCount(0);
    if (!m_session.isOpen() || !m_session.isLoggedIn())
        return;
    ProductionFilter f;
    f.sectionId = m_section->currentData().toLongLong();
    f.from = m_period->from();
    f.to = m_period->to();
    f.kind = m_kind->currentData().toString();
    f.reference = m_reference->text();
    ProductionService service(m_session.database(), m_session.clock(), m_session.user());
    auto total = service.count(f);
    auto rows = service.list(f, PageSize, m_pager->offset());
    if (!total || !rows) {
        m_banner->showMessage(MessageBanner::Kind::Error, (!total ? total.error() : rows.error()).message);
        return;
    }
    m_total = *total;
    const QLocale locale;
    m_table->setRowCount(static_cast<int>(rows->size()));
    for (int r = 0; r < rows->size(); ++r) {
        const ProductionSummary& s = rows->at(r);
        const QStringList cells = {locale.toString(s.day, QStringLiteral("ddd dd/MM/yyyy")),
                                   s.sectionName,
                                   ProductionService::kindLabel(s.kind),
                                   s.reference,
                                   s.trainees,
                                   Quantities::formatDuration(s.minutes),
                                   s.outputs,
                                   s.authorLogin};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            if (c == 0)
                item->setData(Qt::UserRole, s.id);
            if (c == 5)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 4)
                item->setToolTip(s.trainees);
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_pager->showPage(rows->size(), m_total);
}

void ProductionLogPage::openCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    Q_EMIT openRequested(m_table->item(row, 0)->data(Qt::UserRole).toLongLong());
}

void ProductionLogPage::removeCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    const qint64 id = m_table->item(row, 0)->data(Qt::UserRole).toLongLong();
    const auto answer =
        QMessageBox::question(this, tr("Delete the entry"),
                              tr("Delete the entry of %1 (%2)? The log of changes keeps what it contained.")
                                  .arg(m_table->item(row, 0)->text(), m_table->item(row, 4)->text()),
                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    if (auto r = ProductionService(m_session.database(), m_session.clock(), m_session.user()).remove(id);
        !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Success, tr("The entry was deleted."));
}

} // namespace etabli
