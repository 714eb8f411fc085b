#pragma once

#include "gui/common/rowstablemodel.h"
#include "reports/dashboardsummary.h"

#include <QWidget>

class QGridLayout;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;

namespace etabli {

class MessageBanner;
class Session;

// "Tableau de bord": the school's name, the current school year and the
// counts that matter, per section; exportable to PDF.
class DashboardPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardPage)

public:
    // The steps of "Premiers pas", in their order.
    enum class FirstStep
    {
        Identity,
        Sections,
        Team,
        Trainees,
        Catalogue
    };
    Q_ENUM(FirstStep)

    explicit DashboardPage(Session& session, QWidget* parent = nullptr);

    void refresh();
    const DashboardSummary& summary() const { return m_summary; }
    // Writes the summary to a PDF file; false with a message on failure.
    bool exportPdf(const QString& path);
    QGroupBox* firstStepsBox() const { return m_firstSteps; }

Q_SIGNALS:
    // The user asks to do a step: the window opens its page.
    void firstStepRequested(etabli::DashboardPage::FirstStep step);

private:
    void chooseExportFile();
    QLabel* addCard(int index, const QString& caption);
    void refreshFunding();
    void refreshFirstSteps();
    // The civil year's turnover past the VAT regime's threshold: said on the banner.
    void refreshVatWarning();

    Session& m_session;
    DashboardSummary m_summary;
    MessageBanner* m_banner;
    QLabel* m_schoolName;
    QLabel* m_yearLabel;
    QLabel* m_funding; // the year's self-financing and the subsidies' deadlines
    QGridLayout* m_cards;
    QLabel* m_enrolled;
    QLabel* m_candidates;
    QLabel* m_entrants;
    QLabel* m_exits;
    QLabel* m_sectionsCount;
    QLabel* m_ever;
    ColumnsModel<DashboardSummary::Section>* m_sectionRows;
    QTableView* m_sections;
    QPushButton* m_export;
    QGroupBox* m_firstSteps;
    QList<QLabel*> m_stepMarks;
};

} // namespace etabli
