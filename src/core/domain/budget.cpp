#include "domain/budget.h"

namespace etabli {

Money Subsidy::receivedTotal() const
{
    Money sum;
    for (const SubsidyInstalment& i : instalments)
        if (i.isReceived())
            sum = sum + i.received;
    return sum;
}

Money Subsidy::expectedTotal() const
{
    Money sum;
    for (const SubsidyInstalment& i : instalments)
        sum = sum + i.expected;
    return sum;
}

// The form's wording (Cerfa 15059*02, "compte rendu financier de l'action"),
// kept as data like the budget's categories: it is the form's, in French.
QList<ActionBudgetLine> cerfa15059Lines()
{
    using P = ActionBudgetPart;
    const auto line = [](P part, const char* account, const char* label) {
        return ActionBudgetLine{part, QString::fromUtf8(account), QString::fromUtf8(label), Money(), Money()};
    };
    return {
        line(P::Expense, "60", "Achats"),
        line(P::Expense, "61", "Services extérieurs"),
        line(P::Expense, "62", "Autres services extérieurs"),
        line(P::Expense, "63", "Impôts et taxes"),
        line(P::Expense, "64", "Charges de personnel"),
        line(P::Expense, "65", "Autres charges de gestion courante"),
        line(P::Expense, "66", "Charges financières"),
        line(P::Expense, "67", "Charges exceptionnelles"),
        line(P::Expense, "68", "Dotation aux amortissements"),
        line(P::IndirectCost, "", "Charges fixes de fonctionnement"),
        line(P::IndirectCost, "", "Frais financiers"),
        line(P::IndirectCost, "", "Autres charges indirectes"),
        line(P::ContributionUse, "860", "Secours en nature"),
        line(P::ContributionUse, "861", "Mise à disposition gratuite de biens et services"),
        line(P::ContributionUse, "862", "Prestations"),
        line(P::ContributionUse, "864", "Personnel bénévole"),
        line(P::Resource, "70", "Vente de produits finis, de marchandises, prestations de services"),
        line(P::Resource, "74", "Subvention demandée (le présent financement)"),
        line(P::Resource, "74", "Autres subventions d'exploitation"),
        line(P::Resource, "75", "Autres produits de gestion courante (dons, mécénat, cotisations)"),
        line(P::Resource, "76", "Produits financiers"),
        line(P::Resource, "78", "Reprises sur amortissements et provisions"),
        line(P::ContributionResource, "870", "Bénévolat"),
        line(P::ContributionResource, "871", "Prestations en nature"),
        line(P::ContributionResource, "875", "Dons en nature"),
    };
}

SubsidyStatus Subsidy::status() const
{
    if (decision == SubsidyDecision::Refused)
        return SubsidyStatus::Refused;
    if (decision != SubsidyDecision::Granted)
        return SubsidyStatus::Requested;
    if (accountedOn.isValid())
        return SubsidyStatus::Accounted;
    const Money received = receivedTotal();
    if (received.isZero())
        return SubsidyStatus::Granted;
    return received.cents() >= granted.cents() ? SubsidyStatus::Paid : SubsidyStatus::BeingPaid;
}

} // namespace etabli
