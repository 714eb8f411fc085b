#include "gui/funding/fundingpage.h"

#include "gui/funding/budgetpage.h"
#include "gui/funding/donationspage.h"
#include "gui/funding/fundingdashboard.h"
#include "gui/funding/fundinglists.h"
#include "gui/funding/subsidiespage.h"

namespace etabli {

FundingPage::FundingPage(Session& session, QWidget* parent)
    : QTabWidget(parent), m_dashboard(new FundingDashboard(session, this)),
      m_budget(new BudgetPage(session, this)), m_donations(new DonationsPage(session, this)),
      m_subsidies(new SubsidiesPage(session, this)), m_tax(new ApprenticeshipTaxPage(session, this)),
      m_members(new MembersPage(session, this)), m_years(new FinancialYearsPage(session, this))
{
    setObjectName(QStringLiteral("fundingTabs"));
    setDocumentMode(true);
    addTab(m_dashboard, tr("Dashboard"));
    addTab(m_budget, tr("Budget"));
    addTab(m_donations, tr("Gifts"));
    addTab(m_subsidies, tr("Subsidies"));
    addTab(m_tax, tr("Apprenticeship tax"));
    addTab(m_members, tr("Members"));
    addTab(m_years, tr("Financial years"));
}

} // namespace etabli
