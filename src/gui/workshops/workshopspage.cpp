#include "gui/workshops/workshopspage.h"

#include "domain/user.h"
#include "gui/common/allowed.h"
#include "gui/workshops/cataloguepage.h"
#include "gui/workshops/productionentrypage.h"
#include "gui/workshops/productionfigurespage.h"
#include "gui/workshops/productionlogpage.h"
#include "gui/workshops/teampage.h"

namespace etabli {

WorkshopsPage::WorkshopsPage(Session& session, QWidget* parent)
    : QTabWidget(parent), m_entry(new ProductionEntryPage(session, this)),
      m_log(new ProductionLogPage(session, this)), m_figures(new ProductionFiguresPage(session, this)),
      m_catalogue(new CataloguePage(session, this)), m_team(new TeamPage(session, this))
{
    addTab(m_entry, tr("Today's entry"));
    addTab(m_log, tr("Production log"));
    addTab(m_figures, tr("Figures"));
    addTab(m_catalogue, tr("Catalogue and skills"));
    addTab(m_team, tr("Team"));
    showTabWhenAllowed(this, m_entry, session, holding(permission::ProductionWrite));
    connect(m_log, &ProductionLogPage::openRequested, this, [this](qint64 id) {
        m_entry->openEntry(id);
        m_correcting = true;
        setCurrentWidget(m_entry);
    });
    // After a correction, back to the log it was opened from.
    connect(m_entry, &ProductionEntryPage::saved, this, [this]() {
        if (m_correcting)
            setCurrentWidget(m_log);
        m_correcting = false;
    });
}

} // namespace etabli
