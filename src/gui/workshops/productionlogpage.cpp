#include "gui/workshops/productionlogpage.h"

#include "domain/schoolyear.h"
#include "gui/common/messagebanner.h"
#include "gui/common/periodedit.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "gui/workshops/productionloglistmodel.h"
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
#include <QVBoxLayout>

namespace etabli {

ProductionLogPage::ProductionLogPage(Session& session, QWidget* parent)
    : PagedListPage(session,
                    DataKind::Production | DataKind::Trainees | DataKind::Staff | DataKind::School |
                        DataKind::WorkOrders,
                    tr("Production log"), ProductionLogListModel::Trainees, tr("Search a reference…"),
                    QString(), parent),
      m_list(new ProductionLogListModel(session, this)), m_section(new QComboBox(this)),
      m_period(new PeriodEdit(SchoolYear::containing(session.clock().today()).firstDay(),
                              session.clock().today(), this)),
      m_kind(new QComboBox(this))
{
    m_section->setObjectName(QStringLiteral("logSection"));
    addFilter(m_section, 1);
    addTopWidget(m_period);
    m_kind->addItem(tr("All kinds of work"));
    for (ProductionKind k : allOf<ProductionKind>())
        m_kind->addItem(labelOf(k), static_cast<int>(k));
    addFilter(m_kind);
    setModel(m_list);
    m_table->setObjectName(QStringLiteral("logTable"));
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

void ProductionLogPage::applyFilters()
{
    ProductionFilter f;
    f.sectionId = m_section->currentData().toLongLong();
    f.from = m_period->from();
    f.to = m_period->to();
    f.kind = m_kind->currentData().isValid()
                 ? std::optional(static_cast<ProductionKind>(m_kind->currentData().toInt()))
                 : std::nullopt;
    f.reference = m_search->text();
    m_list->setFilter(f);
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
    if (auto r = m_session.service<ProductionService>().remove(id); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return;
    }
    m_banner->showMessage(MessageBanner::Kind::Success, tr("The entry was deleted."));
}

} // namespace etabli
