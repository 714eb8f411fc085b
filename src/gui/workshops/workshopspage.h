#pragma once

#include <QTabWidget>

namespace etabli {

class CataloguePage;
class ProductionEntryPage;
class ProductionFiguresPage;
class ProductionLogPage;
class Session;
class TeamPage;

// "Ateliers": the day's entry, the log, the figures, the catalogue and
// skills of each workshop, and the team.
class WorkshopsPage final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkshopsPage)

public:
    explicit WorkshopsPage(Session& session, QWidget* parent = nullptr);

    ProductionEntryPage* entryPage() const { return m_entry; }
    ProductionLogPage* logPage() const { return m_log; }
    ProductionFiguresPage* figuresPage() const { return m_figures; }
    CataloguePage* cataloguePage() const { return m_catalogue; }
    TeamPage* teamPage() const { return m_team; }

private:
    ProductionEntryPage* m_entry;
    ProductionLogPage* m_log;
    ProductionFiguresPage* m_figures;
    CataloguePage* m_catalogue;
    TeamPage* m_team;
    bool m_correcting = false;
};

} // namespace etabli
