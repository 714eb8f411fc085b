#include "gui/workshops/productionlogpage.h"

#include "domain/schoolyear.h"
#include "gui/common/messagebanner.h"
#include "gui/common/periodedit.h"
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
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace etabli {

ProductionLogPage::ProductionLogPage(Session& session, QWidget* parent)
    : PagedListPage(session,
                    DataKind::Production | DataKind::Trainees | DataKind::Staff | DataKind::School |
                        DataKind::WorkOrders,
                    tr("Production log"),
                    {tr("Day"), tr("Workshop"), tr("Kind"), tr("Reference"), tr("Trainees"),
                     tr("Trainee hours"), tr("Made"), tr("Written by")},
                    4, tr("Search a reference…"), QString(), parent),
      m_section(new QComboBox(this)),
      m_period(new PeriodEdit(SchoolYear::containing(session.clock().today()).firstDay(),
                              session.clock().today(), this)),
      m_kind(new QComboBox(this))
{
    m_section->setObjectName(QStringLiteral("logSection"));
    addFilter(m_section, 1);
    addTopWidget(m_period);
    m_kind->addItem(tr("All kinds of work"), QString());
    for (const QString& k : productionKinds())
        m_kind->addItem(ProductionService::kindLabel(k), k);
    addFilter(m_kind);
    setRightAligned({5});
    m_table->setObjectName(QStringLiteral("logTable"));
    setHeaderToolTip(5, tr("The hours of all the trainees on the entry, added up"));
    m_table->setWordWrap(false);

    auto* remove = new QPushButton(tr("&Delete the entry…"), this);
    addButton(remove);
    connect(m_period, &PeriodEdit::changed, this, &ProductionLogPage::restart);
    connect(remove, &QPushButton::clicked, this, &ProductionLogPage::removeCurrent);
    auto* del = new QShortcut(QKeySequence::Delete, m_table);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, &ProductionLogPage::removeCurrent);
    connect(&m_session, &Session::databaseChanged, this, &ProductionLogPage::reloadSections);
    connect(&m_session, &Session::userChanged, this, &ProductionLogPage::reloadSections);
    reloadSections();
}

void ProductionLogPage::reloadSections()
{
    const QSignalBlocker block(m_section);
    SectionChoice{tr("All workshops")}.fill(m_section, m_session);
    restart();
}

bool ProductionLogPage::mayRead() const
{
    return true; // the service keeps a trainer to their workshops
}

QStringList ProductionLogPage::otherFilters() const
{
    return {m_period->text()};
}

Result<PagedListPage::Rows> ProductionLogPage::fetch(int limit, int offset)
{
    ProductionFilter f;
    f.sectionId = m_section->currentData().toLongLong();
    f.from = m_period->from();
    f.to = m_period->to();
    f.kind = m_kind->currentData().toString();
    f.reference = m_search->text();
    ProductionService service(m_session.database(), m_session.clock(), m_session.user());
    auto total = service.count(f);
    auto rows = service.list(f, limit, offset);
    if (!total || !rows)
        return std::unexpected(!total ? total.error() : rows.error());
    const QLocale locale;
    Rows page{{}, *total};
    for (const ProductionSummary& s : *rows) {
        page.rows << Row{s.id,
                         {locale.toString(s.day, QStringLiteral("ddd dd/MM/yyyy")), s.sectionName,
                          ProductionService::kindLabel(s.kind), s.reference, s.trainees,
                          Quantities::formatDuration(s.minutes), s.outputs, s.authorLogin},
                         {},
                         false};
    }
    return page;
}

void ProductionLogPage::openRecord(qint64 id)
{
    if (id != 0)
        Q_EMIT openRequested(id);
}

void ProductionLogPage::removeCurrent()
{
    const qint64 id = currentId();
    if (id == 0)
        return;
    const int row = m_table->currentIndex().row();
    const auto shown = [this, row](int column) {
        return m_table->model()->index(row, column).data().toString();
    };
    const auto answer =
        QMessageBox::question(this, tr("Delete the entry"),
                              tr("Delete the entry of %1 (%2)? The log of changes keeps what it contained.")
                                  .arg(shown(0), shown(4)),
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
