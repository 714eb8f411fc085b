// The demo's school as it stands before any year: its identity, its
// workshops, their catalogue and one account per role. Nothing here draws
// from the random generator: the rest of the demo is unchanged by it.
#include "domain/school.h"
#include "domain/section.h"
#include "services/demogenerator.h"
#include "services/invoiceservice.h"
#include "services/passwordhasher.h"
#include "storage/cataloguerepository.h"
#include "storage/database.h"
#include "storage/metarepository.h"
#include "storage/schoolrepository.h"
#include "storage/sectionrepository.h"
#include "storage/userrepository.h"

namespace etabli {

namespace {

// Names and places are invented combinations of common French names and real
// towns of the Jura around Dole; no real person is described.
struct FederationTrade
{
    QString name;
    QString trade;
};

QList<Section> federationSections()
{
    const QList<FederationTrade> trades = {
        {QStringLiteral("Pneus et services"), QStringLiteral("Pneumatique")},
        {QStringLiteral("Métallerie"), QStringLiteral("Métallerie")},
        {QStringLiteral("Usinage"), QStringLiteral("Usinage")},
        {QStringLiteral("Menuiserie"), QStringLiteral("Menuiserie")},
        {QStringLiteral("Chaudronnerie"), QStringLiteral("Chaudronnerie")},
        {QStringLiteral("Mécanique automobile"), QStringLiteral("Maintenance des véhicules")},
        {QStringLiteral("Électricité"), QStringLiteral("Électricité")},
        {QStringLiteral("Cuisine"), QStringLiteral("Restauration")},
        {QStringLiteral("Horticulture"), QStringLiteral("Horticulture")},
        {QStringLiteral("Couture"), QStringLiteral("Métiers de la mode")},
    };
    const QStringList sites = {
        QStringLiteral("Dole"),          QStringLiteral("Lyon"),      QStringLiteral("Besançon"),
        QStringLiteral("Saint-Étienne"), QStringLiteral("Lille"),     QStringLiteral("Toulouse"),
        QStringLiteral("Nantes"),        QStringLiteral("Marseille"), QStringLiteral("Grenoble"),
        QStringLiteral("Roanne"),        QStringLiteral("Reims"),     QStringLiteral("Orléans"),
        QStringLiteral("Angers"),        QStringLiteral("Caen"),      QStringLiteral("Dijon"),
        QStringLiteral("Mulhouse"),      QStringLiteral("Pau"),       QStringLiteral("Limoges"),
        QStringLiteral("Annecy"),        QStringLiteral("Valence")};
    QList<Section> out;
    int position = 0;
    for (int s = 0; s < sites.size(); ++s) {
        for (int t = 0; t < 2; ++t) {
            const FederationTrade& trade = trades.at((s * 2 + t) % trades.size());
            Section section;
            section.name = QStringLiteral("%1 — %2").arg(trade.name, sites.at(s));
            section.trade = trade.trade;
            section.position = position++;
            out << section;
        }
    }
    return out;
}

} // namespace

Result<SchoolIdentity> DemoGenerator::addSchool(const QString& now)
{
    const bool federation = m_options.scale == Scale::Federation;
    SchoolIdentity school;
    school.name =
        federation ? QStringLiteral("Fédération — base de démonstration") : QStringLiteral("Juralternance");
    school.organisationName = QStringLiteral("ECCOFOR (Écouter Comprendre Former)");
    school.addressLine1 = QStringLiteral("8 rue Jacquard");
    school.postcode = QStringLiteral("39100");
    school.city = QStringLiteral("Dole");
    school.phone = QStringLiteral("03 84 00 00 00");
    school.email = QStringLiteral("contact@juralternance.invalid");
    school.siret = QStringLiteral("75312468000012"); // fictitious, with a valid key
    school.rna = QStringLiteral("W392000000");       // fictitious
    // About 220 000 € of sales a year: far above the franchise, VAT is charged.
    school.vatRegime = VatRegime::Assujetti;
    school.vatNumber = QStringLiteral("FR00753124680"); // the SIREN's key
    school.vatMention = vatMentionFor(school.vatRegime);
    school.iban = QStringLiteral("FR7699999000010001234567809"); // invented bank 99999, valid keys
    school.bic = QStringLiteral("DEMOFRPPXXX");                  // invented
    school.fiscalYearStartMonth = 1;
    school.schoolYearStartMonth = 9;
    school.mayIssueTaxReceipts = true;
    // Invented wording, after the school's public description (../shared/seed).
    school.statutoryObject = QStringLiteral("Offrir à des jeunes de 15 à 18 ans en grande fragilité "
                                            "sociale une formation pratique dans une école "
                                            "de production, aux métiers du pneumatique et de la "
                                            "métallerie, par la fabrication de biens et de "
                                            "services pour de vrais clients.");
    school.receiptSignatoryName = QStringLiteral("Martine Vuillemin");
    school.receiptSignatoryCapacity = QStringLiteral("Directrice, par délégation du président");
    school.consumerMediator = QStringLiteral("Médiateur de démonstration — www.mediateur-demo.invalid");
    ETABLI_TRY(SchoolRepository(m_db).save(school, now));
    ETABLI_TRY(MetaRepository(m_db).setValue(QStringLiteral("demo"), federation ? QStringLiteral("federation")
                                                                                : QStringLiteral("school")));
    return school;
}

Result<QList<Section>> DemoGenerator::addSections(const QString& now)
{
    const bool federation = m_options.scale == Scale::Federation;
    QList<Section> sections;
    if (federation) {
        sections = federationSections();
    } else {
        Section tyres;
        tyres.name = QStringLiteral("Pneus et services");
        tyres.trade = QStringLiteral("Pneumatique");
        tyres.position = 0;
        Section metal;
        metal.name = QStringLiteral("Métallerie");
        metal.trade = QStringLiteral("Métallerie, serrurerie");
        metal.position = 1;
        sections = {tyres, metal};
    }
    SectionRepository sectionRepo(m_db);
    for (Section& s : sections) {
        s.capacity = federation ? 14 : 12;
        auto id = sectionRepo.insert(s, now);
        if (!id)
            return std::unexpected(id.error());
        s.id = *id;
    }
    return sections;
}

Result<QList<QList<CatalogueItem>>> DemoGenerator::addCatalogue(const QList<Section>& sections,
                                                                const QString& now)
{
    // The workshops' catalogue (plausible prices, excluding VAT).
    CatalogueRepository catalogueRepo(m_db);
    struct Item
    {
        const char* code;
        const char* label;
        const char* unit;
        qint64 cents;
    };
    const QList<Item> tyreItems = {
        {"MONT-EQ", "Montage et équilibrage d'un pneu", "piece", 1500},
        {"MONT-TPMS", "Montage et équilibrage avec capteur TPMS", "piece", 2200},
        {"REP-CREV", "Réparation de crevaison", "piece", 1800},
        {"PERMUT", "Permutation des roues", "flat", 2000},
        {"RECYC", "Recyclage d'un pneu usagé", "piece", 350},
        {"GARDIEN", "Gardiennage saisonnier (4 pneus)", "flat", 4500},
    };
    const QList<Item> metalItems = {
        {"PORTAIL", "Portail sur mesure", "piece", 145000},
        {"GC-M", "Garde-corps (au mètre)", "metre", 18000},
        {"ESCALIER", "Escalier métallique", "piece", 190000},
        {"SOUD-H", "Soudure (à l'heure)", "hour", 4500},
        {"DECOUPE", "Découpe de tôle", "hour", 3800},
        {"REPAR", "Réparation de ferronnerie", "flat", 9000},
    };
    QList<QList<CatalogueItem>> catalogueBySection(sections.size());
    for (int i = 0; i < sections.size(); ++i) {
        for (const Item& it : i % 2 == 0 ? tyreItems : metalItems) {
            CatalogueItem item;
            item.sectionId = sections.at(i).id;
            item.code = QString::fromLatin1(it.code);
            item.label = QString::fromUtf8(it.label);
            item.unit = fromCode(QString::fromLatin1(it.unit), Unit::Piece);
            item.unitPrice = Money::fromCents(it.cents);
            auto itemId = catalogueRepo.insert(item, now);
            if (!itemId)
                return std::unexpected(itemId.error());
            item.id = *itemId;
            catalogueBySection[i] << item;
        }
    }
    return catalogueBySection;
}

Result<QHash<QString, qint64>> DemoGenerator::addAccounts(const QList<Section>& sections, const QString& now)
{
    // The demo's accounts, one per role, all with the published demo password.
    auto hash = PasswordHasher::hash(demoPassword());
    if (!hash)
        return std::unexpected(hash.error());
    struct DemoUser
    {
        QString login;
        QString name;
        Role role;
        QList<qint64> sections;
    };
    const QList<DemoUser> demoUsers = {
        {QStringLiteral("direction"), QStringLiteral("Martine Vuillemin"), Role::Direction, {}},
        {QStringLiteral("secretariat"), QStringLiteral("Sophie Grandjean"), Role::Secretariat, {}},
        {QStringLiteral("formateur.pneus"),
         QStringLiteral("Jean-Luc Perrin"),
         Role::Formateur,
         {sections.at(0).id}},
        {QStringLiteral("formateur.metal"),
         QStringLiteral("Franck Jacquot"),
         Role::Formateur,
         {sections.at(1).id}},
        {QStringLiteral("lecture"), QStringLiteral("Conseil d'administration"), Role::Lecture, {}},
    };
    UserRepository users(m_db);
    QHash<QString, qint64> userIds;
    for (const DemoUser& d : demoUsers) {
        User u;
        u.login = d.login;
        u.displayName = d.name;
        u.role = d.role;
        auto id = users.insert(u, *hash, now);
        if (!id)
            return std::unexpected(id.error());
        userIds.insert(d.login, *id);
        ETABLI_TRY(users.setSections(*id, d.sections));
    }
    return userIds;
}

} // namespace etabli
