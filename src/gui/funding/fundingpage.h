#pragma once

#include <QTabWidget>

namespace etabli {

class ApprenticeshipTaxPage;
class BudgetPage;
class DonationsPage;
class FinancialYearsPage;
class FundingDashboard;
class MembersPage;
class Session;
class SubsidiesPage;

// "Financements": the dashboard of the year, the budget, gifts and their
// receipts, subsidies, the apprenticeship tax, members, financial years.
class FundingPage final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FundingPage)

public:
    explicit FundingPage(Session& session, QWidget* parent = nullptr);
    FundingDashboard* dashboard() const { return m_dashboard; }
    BudgetPage* budgetPage() const { return m_budget; }
    DonationsPage* donationsPage() const { return m_donations; }
    SubsidiesPage* subsidiesPage() const { return m_subsidies; }
    ApprenticeshipTaxPage* apprenticeshipTaxPage() const { return m_tax; }
    MembersPage* membersPage() const { return m_members; }
    FinancialYearsPage* yearsPage() const { return m_years; }

private:
    FundingDashboard* m_dashboard;
    BudgetPage* m_budget;
    DonationsPage* m_donations;
    SubsidiesPage* m_subsidies;
    ApprenticeshipTaxPage* m_tax;
    MembersPage* m_members;
    FinancialYearsPage* m_years;
};

} // namespace etabli
