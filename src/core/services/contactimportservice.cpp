#include "services/contactimportservice.h"

#include "io/csv.h"
#include "io/sheetreader.h"
#include "services/audittrail.h"
#include "services/contactdirectory.h"
#include "services/contactservice.h"
#include "services/importlines.h"
#include "storage/contactrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/text.h"

#include <QHash>
#include <QRegularExpression>

namespace etabli {

namespace {

// A column's name or a cell's word as compared: folded, its punctuation
// ("Id. prof. 2", "Nom & prénom", "code_postal") turned into single spaces.
QString contactWord(const QString& s)
{
    static const QRegularExpression punctuation(QStringLiteral("[^a-z0-9]+"));
    return text::fold(s).replace(punctuation, QStringLiteral(" ")).trimmed();
}

enum class ContactField
{
    Kind,
    Name,
    FirstName,
    FullName,
    Siret,
    LegalForm,
    Address1,
    Address2,
    Postcode,
    City,
    Phone,
    Email,
    Notes,
    Roles,
    Customer,
    Host,
    Donor,
    Funder,
    Supplier,
};

// The column names Établi knows, as contactWord() folds them: the user
// guide's, Dolibarr's (Tiers and Contacts exports, French labels) and
// Paheko's (members' export, labels and field keys).
const QHash<QString, ContactField>& contactHeaders()
{
    static const QHash<QString, ContactField> headers = [] {
        QHash<QString, ContactField> h;
        const auto add = [&h](ContactField f, std::initializer_list<const char*> names) {
            for (const char* n : names)
                h.insert(QString::fromLatin1(n), f);
        };
        add(ContactField::Kind, {"type", "type du tiers", "type de contact", "nature"});
        add(ContactField::Name, {"nom", "raison sociale", "nom du tiers", "denomination", "organisation",
                                 "societe", "entreprise", "nom de famille", "name", "lastname"});
        add(ContactField::FirstName, {"prenom", "firstname"});
        add(ContactField::FullName,
            {"nom prenom", "nom et prenom", "nom complet", "prenom nom", "identite", "nom prenom du membre"});
        add(ContactField::Siret, {"siret", "n siret", "no siret", "numero siret", "numero de siret",
                                  "id prof 2", "id prof 2 siret"});
        add(ContactField::LegalForm, {"forme juridique", "statut juridique"});
        add(ContactField::Address1,
            {"adresse", "adresse postale", "adresse 1", "adresse ligne 1", "rue", "address"});
        add(ContactField::Address2, {"complement d adresse", "complement", "adresse 2", "adresse ligne 2"});
        add(ContactField::Postcode, {"code postal", "cp", "zip"});
        add(ContactField::City, {"ville", "commune", "localite", "town"});
        add(ContactField::Phone, {"telephone", "tel", "telephone fixe", "telephone portable", "portable",
                                  "mobile", "numero de telephone", "phone"});
        add(ContactField::Email, {"courriel", "email", "e mail", "adresse e mail", "adresse email",
                                  "adresse electronique", "mail"});
        add(ContactField::Notes,
            {"notes", "note", "commentaire", "commentaires", "remarques", "note publique", "note privee"});
        add(ContactField::Roles, {"role", "roles", "categorie", "categories"});
        add(ContactField::Customer, {"client", "customer"});
        add(ContactField::Host, {"accueil de stage", "entreprise d accueil", "lieu de stage", "stage"});
        add(ContactField::Donor, {"donateur"});
        add(ContactField::Funder, {"financeur"});
        add(ContactField::Supplier, {"fournisseur", "supplier"});
        return h;
    }();
    return headers;
}

// Columns only one program writes.
ContactImportService::Layout layoutOf(const QStringList& words)
{
    static const QStringList dolibarr = {QStringLiteral("id prof 1"),      QStringLiteral("id prof 2"),
                                         QStringLiteral("type du tiers"),  QStringLiteral("code client"),
                                         QStringLiteral("nom alternatif"), QStringLiteral("note publique"),
                                         QStringLiteral("note privee")};
    static const QStringList paheko = {QStringLiteral("nom prenom"), QStringLiteral("numero de membre"),
                                       QStringLiteral("date d inscription"), QStringLiteral("numero")};
    for (const QString& w : words) {
        if (dolibarr.contains(w))
            return ContactImportService::Layout::Dolibarr;
    }
    for (const QString& w : words) {
        if (paheko.contains(w))
            return ContactImportService::Layout::Paheko;
    }
    return ContactImportService::Layout::Etabli;
}

// "oui", "x", "1"… A Dolibarr "Client" column says 0 (neither), 1
// (customer), 2 (prospect) or 3 (both): a prospect is taken as a customer,
// the one to whom quotes go.
std::optional<bool> contactFlag(const QString& word)
{
    static const QStringList yes = {
        QStringLiteral("1"),          QStringLiteral("2"),        QStringLiteral("3"),
        QStringLiteral("oui"),        QStringLiteral("o"),        QStringLiteral("x"),
        QStringLiteral("vrai"),       QStringLiteral("yes"),      QStringLiteral("true"),
        QStringLiteral("client"),     QStringLiteral("prospect"), QStringLiteral("prospect client"),
        QStringLiteral("fournisseur")};
    static const QStringList no = {QStringLiteral(""),     QStringLiteral("0"),    QStringLiteral("non"),
                                   QStringLiteral("n"),    QStringLiteral("faux"), QStringLiteral("no"),
                                   QStringLiteral("false")};
    if (yes.contains(word))
        return true;
    if (no.contains(word))
        return false;
    return std::nullopt;
}

std::optional<ContactImportService::Role> contactRoleWord(const QString& word)
{
    using Role = ContactImportService::Role;
    static const QHash<QString, Role> words = {
        {QStringLiteral("client"), Role::Customer},
        {QStringLiteral("clients"), Role::Customer},
        {QStringLiteral("cliente"), Role::Customer},
        {QStringLiteral("prospect"), Role::Customer},
        {QStringLiteral("accueil"), Role::Host},
        {QStringLiteral("stage"), Role::Host},
        {QStringLiteral("entreprise d accueil"), Role::Host},
        {QStringLiteral("accueil de stage"), Role::Host},
        {QStringLiteral("lieu de stage"), Role::Host},
        {QStringLiteral("tuteur"), Role::Host},
        {QStringLiteral("donateur"), Role::Donor},
        {QStringLiteral("donatrice"), Role::Donor},
        {QStringLiteral("donateurs"), Role::Donor},
        {QStringLiteral("mecene"), Role::Donor},
        {QStringLiteral("membre"), Role::Donor},
        {QStringLiteral("adherent"), Role::Donor},
        {QStringLiteral("financeur"), Role::Funder},
        {QStringLiteral("financeurs"), Role::Funder},
        {QStringLiteral("fournisseur"), Role::Supplier},
        {QStringLiteral("fournisseurs"), Role::Supplier},
    };
    const auto found = words.constFind(word);
    if (found == words.cend())
        return std::nullopt;
    return *found;
}

void setRole(Contact& c, ContactImportService::Role role)
{
    switch (role) {
    case ContactImportService::Role::Customer:
        c.customer = true;
        break;
    case ContactImportService::Role::Host:
        c.host = true;
        break;
    case ContactImportService::Role::Donor:
        c.donor = true;
        break;
    case ContactImportService::Role::Funder:
        c.funder = true;
        break;
    case ContactImportService::Role::Supplier:
        c.supplier = true;
        break;
    }
}

bool hasRole(const Contact& c)
{
    return c.customer || c.host || c.donor || c.funder || c.supplier;
}

// Dolibarr's third-party types, a spreadsheet's words: a private person,
// a public body, an association, a company; another word: an organisation.
std::optional<CustomerKind> contactKindWord(const QString& word)
{
    static const QHash<QString, CustomerKind> words = {
        {QStringLiteral("particulier"), CustomerKind::Person},
        {QStringLiteral("personne"), CustomerKind::Person},
        {QStringLiteral("personne physique"), CustomerKind::Person},
        {QStringLiteral("individu"), CustomerKind::Person},
        {QStringLiteral("entreprise"), CustomerKind::Company},
        {QStringLiteral("societe"), CustomerKind::Company},
        {QStringLiteral("pme pmi"), CustomerKind::Company},
        {QStringLiteral("tpe"), CustomerKind::Company},
        {QStringLiteral("grand compte"), CustomerKind::Company},
        {QStringLiteral("artisan"), CustomerKind::Company},
        {QStringLiteral("commerce"), CustomerKind::Company},
        {QStringLiteral("administration"), CustomerKind::Public},
        {QStringLiteral("collectivite"), CustomerKind::Public},
        {QStringLiteral("organisme public"), CustomerKind::Public},
        {QStringLiteral("etablissement public"), CustomerKind::Public},
        {QStringLiteral("public"), CustomerKind::Public},
        {QStringLiteral("mairie"), CustomerKind::Public},
        {QStringLiteral("association"), CustomerKind::Association},
        {QStringLiteral("autre"), CustomerKind::Other},
    };
    const auto found = words.constFind(word);
    if (found == words.cend())
        return std::nullopt;
    return *found;
}

// "DUPONT Jean-Marc" (the French habit): the words in capitals first are the
// last name; without them the whole text stays the last name.
void splitFullName(const QString& full, Contact& c)
{
    const QStringList words = full.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    qsizetype upper = 0;
    while (upper < words.size() && words.at(upper).toUpper() == words.at(upper) &&
           words.at(upper).toLower() != words.at(upper))
        ++upper;
    if (upper == 0 || upper == words.size()) {
        c.name = full.simplified();
        return;
    }
    c.name = words.mid(0, upper).join(QLatin1Char(' '));
    c.firstName = words.mid(upper).join(QLatin1Char(' '));
}

// Words that only an organisation's name holds.
bool organisationName(const QString& name)
{
    static const QStringList words = {
        QStringLiteral("association"), QStringLiteral("asso"),      QStringLiteral("club"),
        QStringLiteral("comite"),      QStringLiteral("mairie"),    QStringLiteral("commune"),
        QStringLiteral("sarl"),        QStringLiteral("sas"),       QStringLiteral("eurl"),
        QStringLiteral("sa"),          QStringLiteral("fondation"), QStringLiteral("entreprise"),
        QStringLiteral("societe"),     QStringLiteral("garage")};
    const QStringList mine = contactWord(name).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::any_of(mine.cbegin(), mine.cend(), [](const QString& w) { return words.contains(w); });
}

// A cell a spreadsheet would run as a formula, unless it is a telephone
// number ("+33 6 12 34 56 78") or a negative number.
bool contactFormula(const QString& cell)
{
    static const QRegularExpression number(QStringLiteral("^[+-][0-9 .()/-]+$"));
    return !cell.isEmpty() && csv::looksLikeFormula(cell) && !number.match(cell).hasMatch();
}

// The recorded contact with what the line adds: its empty fields filled,
// its roles widened; what it holds stays. `filled` and `kept` name the
// fields (for the preview and the trail).
Contact mergedContact(const Contact& recorded, const Contact& line, QStringList* filled, QStringList* kept)
{
    Contact out = recorded;
    const auto field = [&](QString Contact::*member, const QString& label) {
        const QString mine = (recorded.*member).trimmed();
        const QString theirs = (line.*member).trimmed();
        if (theirs.isEmpty())
            return;
        if (mine.isEmpty()) {
            out.*member = theirs;
            *filled << label;
        } else if (text::fold(mine) != text::fold(theirs)) {
            *kept << label;
        }
    };
    if (recorded.person == line.person)
        field(&Contact::firstName, ContactImportService::tr("first name"));
    field(&Contact::siret, ContactImportService::tr("SIRET"));
    if (!recorded.person)
        field(&Contact::legalForm, ContactImportService::tr("legal form"));
    field(&Contact::addressLine1, ContactImportService::tr("address"));
    field(&Contact::addressLine2, ContactImportService::tr("address line 2"));
    field(&Contact::postcode, ContactImportService::tr("postcode"));
    field(&Contact::city, ContactImportService::tr("town"));
    field(&Contact::phone, ContactImportService::tr("telephone"));
    field(&Contact::email, ContactImportService::tr("e-mail"));
    field(&Contact::notes, ContactImportService::tr("notes"));
    const auto role = [&](bool Contact::*member, const QString& label) {
        if (line.*member && !(recorded.*member)) {
            out.*member = true;
            *filled << label;
        }
    };
    role(&Contact::customer, ContactImportService::tr("role customer"));
    role(&Contact::host, ContactImportService::tr("role internship host"));
    role(&Contact::donor, ContactImportService::tr("role donor"));
    role(&Contact::funder, ContactImportService::tr("role funder"));
    role(&Contact::supplier, ContactImportService::tr("role supplier"));
    return out;
}

} // namespace

QString ContactImportService::labelOf(Layout layout)
{
    switch (layout) {
    case Layout::Dolibarr:
        return tr("Dolibarr export");
    case Layout::Paheko:
        return tr("Paheko export");
    case Layout::Etabli:
        break;
    }
    return tr("spreadsheet");
}

QStringList ContactImportService::roleCodes()
{
    return {QStringLiteral("customer"), QStringLiteral("host"), QStringLiteral("donor"),
            QStringLiteral("funder"), QStringLiteral("supplier")};
}

std::optional<ContactImportService::Role> ContactImportService::roleFromCode(const QString& code)
{
    const qsizetype i = roleCodes().indexOf(code);
    if (i < 0)
        return std::nullopt;
    return static_cast<Role>(i);
}

int ContactImportService::Preview::validCount() const
{
    return static_cast<int>(
        std::count_if(rows.begin(), rows.end(), [](const Row& r) { return r.problem.isEmpty(); }));
}

int ContactImportService::Preview::duplicateCount() const
{
    return static_cast<int>(std::count_if(
        rows.begin(), rows.end(), [](const Row& r) { return r.problem.isEmpty() && r.isDuplicate(); }));
}

void ContactImportService::Preview::chooseForDuplicates(DuplicateChoice choice)
{
    for (Row& r : rows) {
        if (r.isDuplicate())
            r.choice = choice;
    }
}

Result<ContactImportService::Preview> ContactImportService::prepare(const QByteArray& bytes,
                                                                    std::optional<Role> defaultRole,
                                                                    const Progress& progress) const
{
    ETABLI_TRY(ContactService(m_db, m_clock, m_actor).mayWrite());
    auto table = sheet::read(bytes);
    if (!table)
        return std::unexpected(table.error());
    Preview preview;
    preview.encoding = table->encoding;
    QStringList words;
    for (const QString& h : std::as_const(table->header))
        words << contactWord(h);
    preview.layout = layoutOf(words);
    // Each field's columns, in the file's order: the first cell not empty wins
    // (Dolibarr's contacts export has the person's address, then the company's).
    QHash<ContactField, QList<int>> columns;
    for (int i = 0; i < words.size(); ++i) {
        const auto found = contactHeaders().constFind(words.at(i));
        if (found != contactHeaders().cend())
            columns[*found] << i;
        else if (!words.at(i).isEmpty())
            preview.ignoredColumns << table->header.at(i).trimmed();
    }
    if (!columns.contains(ContactField::Name) && !columns.contains(ContactField::FullName))
        return fail(Error::Code::InvalidInput,
                    tr("The file has no name column (“nom”, “raison sociale”, “Nom & prénom”…) on line 1. "
                       "Columns found: %1.")
                        .arg(table->header.join(QStringLiteral(", "))));
    const bool roleColumns =
        columns.contains(ContactField::Roles) || columns.contains(ContactField::Customer) ||
        columns.contains(ContactField::Host) || columns.contains(ContactField::Donor) ||
        columns.contains(ContactField::Funder) || columns.contains(ContactField::Supplier);
    // Who the contacts are when the line says nothing: the office's choice,
    // else members for Paheko, customers for the others.
    const Role fallback =
        defaultRole.value_or(preview.layout == Layout::Paheko ? Role::Donor : Role::Customer);

    auto directory = ContactDirectory::read(m_db);
    if (!directory)
        return std::unexpected(directory.error());
    QHash<QString, int> siretLines; // within the file
    QHash<QString, int> nameLines;
    const qsizetype total = table->rows.size();
    preview.rows.reserve(total);
    for (qsizetype r = 0; r < total; ++r) {
        if (progress && r % 1000 == 0 && !progress(r, total))
            return fail(Error::Code::Generic, QString());
        const QStringList& cells = table->rows.at(r);
        Row row;
        row.line = table->lines.at(r);
        const auto cell = [&](ContactField f) {
            for (int i : columns.value(f)) {
                if (i < cells.size() && !cells.at(i).trimmed().isEmpty())
                    return cells.at(i).trimmed();
            }
            return QString();
        };
        QStringList problems;
        for (const QString& c : cells) {
            if (contactFormula(c.trimmed())) {
                problems << tr("a cell looks like a spreadsheet formula (“%1”)").arg(c.trimmed().left(30));
                break;
            }
        }
        Contact& c = row.contact;
        // A person or an organisation: the type column, else a first name
        // (or a member of Paheko) makes a person.
        if (const QString kind = contactWord(cell(ContactField::Kind)); !kind.isEmpty()) {
            const auto k = contactKindWord(kind);
            c.kind = k.value_or(CustomerKind::Other);
            c.person = c.kind == CustomerKind::Person;
        } else {
            c.person = !cell(ContactField::FirstName).isEmpty() ||
                       (preview.layout == Layout::Paheko && cell(ContactField::Siret).isEmpty());
            c.kind = c.person ? CustomerKind::Person : CustomerKind::Company;
        }
        c.name = cell(ContactField::Name).simplified();
        c.firstName = cell(ContactField::FirstName).simplified();
        if (c.name.isEmpty() && !cell(ContactField::FullName).isEmpty()) {
            const QString full = cell(ContactField::FullName);
            // A member may be an organisation: its name says so.
            if (c.person && cell(ContactField::Kind).isEmpty() && organisationName(full)) {
                c.person = false;
                c.kind = contactWord(full).contains(QLatin1String("association")) ? CustomerKind::Association
                                                                                  : CustomerKind::Other;
            }
            if (c.person)
                splitFullName(full, c);
            else
                c.name = full.simplified();
        }
        c.siret = cell(ContactField::Siret);
        c.legalForm = cell(ContactField::LegalForm);
        // A postal address on several lines (Paheko's): the first, then the rest.
        const QStringList address = cell(ContactField::Address1).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        c.addressLine1 = address.value(0).trimmed();
        c.addressLine2 = cell(ContactField::Address2);
        if (c.addressLine2.isEmpty() && address.size() > 1)
            c.addressLine2 = address.mid(1).join(QStringLiteral(", ")).simplified();
        c.postcode = cell(ContactField::Postcode);
        // A postcode typed as a number lost its leading zero ("1000" for 01000).
        if (c.postcode.size() == 4 && c.postcode.toInt() > 0)
            c.postcode.prepend(QLatin1Char('0'));
        c.city = cell(ContactField::City);
        c.phone = cell(ContactField::Phone);
        c.email = cell(ContactField::Email);
        c.notes = cell(ContactField::Notes);
        static const QRegularExpression roleSeparators(QStringLiteral("[,;/+\\n]"));
        for (const QString& word : cell(ContactField::Roles).split(roleSeparators, Qt::SkipEmptyParts)) {
            const QString w = contactWord(word);
            if (w.isEmpty())
                continue;
            if (const auto role = contactRoleWord(w))
                setRole(c, *role);
            else
                problems
                    << tr("unknown role “%1” (client, donateur, financeur, accueil de stage, fournisseur)")
                           .arg(word.trimmed());
        }
        const auto flag = [&](ContactField f, bool Contact::*member) {
            const int i = columns.value(f).value(0, -1);
            if (i < 0)
                return;
            const QString value = i < cells.size() ? cells.at(i) : QString();
            const auto yes = contactFlag(contactWord(value));
            if (!yes)
                problems << tr("the column %1 says oui or non (“%2”)")
                                .arg(table->header.at(i).trimmed(), value.trimmed());
            else if (*yes)
                c.*member = true;
        };
        flag(ContactField::Customer, &Contact::customer);
        flag(ContactField::Host, &Contact::host);
        flag(ContactField::Donor, &Contact::donor);
        flag(ContactField::Funder, &Contact::funder);
        flag(ContactField::Supplier, &Contact::supplier);
        if (!hasRole(c) && (!roleColumns || defaultRole))
            setRole(c, fallback);
        if (!hasRole(c))
            problems << tr("no role (client, donateur…) in its columns");
        if (auto v = ContactService::normalise(c); !v)
            problems << v.error().message;
        if (problems.isEmpty()) {
            // Twice in the file: the second line is refused, naming the first.
            row.directoryKey = ContactDirectory::nameKey(c);
            const QString& nameKey = row.directoryKey;
            int earlier = c.siret.isEmpty() ? 0 : siretLines.value(c.siret);
            if (earlier == 0)
                earlier = nameLines.value(nameKey);
            if (earlier != 0) {
                problems << tr("the same contact as line %1").arg(earlier);
            } else {
                if (!c.siret.isEmpty())
                    siretLines.insert(c.siret, row.line);
                nameLines.insert(nameKey, row.line);
                bool bySiret = false;
                if (const Contact* twin = directory->twinOf(c, nameKey, &bySiret)) {
                    row.twinId = twin->id;
                    row.twinName = twin->displayName();
                    row.twinBySiret = bySiret;
                    mergedContact(*twin, c, &row.filled, &row.kept);
                }
            }
        }
        row.problem = ImportLines::joinProblems(problems);
        preview.rows << std::move(row);
    }
    if (progress)
        progress(total, total);
    return preview;
}

Result<ContactImportService::Outcome> ContactImportService::apply(const Preview& preview, bool skipInvalid,
                                                                  const Progress& progress)
{
    ETABLI_TRY(ContactService(m_db, m_clock, m_actor).mayWrite());
    if (preview.invalidCount() > 0 && !skipInvalid) {
        return ImportLines::nothingImportedOf(preview.rows);
    }
    return inTransaction(m_db, [&]() -> Result<Outcome> {
        ContactRepository repo(m_db);
        // Read again inside the transaction: another PC may have changed the directory since the preview.
        auto directory = ContactDirectory::read(m_db);
        if (!directory)
            return std::unexpected(directory.error());
        const QString now = m_clock.nowIso();
        Outcome outcome;
        const qsizetype total = preview.rows.size();
        QList<const Contact*> fresh; // the preview's, not copied
        fresh.reserve(total);
        for (qsizetype i = 0; i < total; ++i) {
            const Row& row = preview.rows.at(i);
            if (progress && i % 1000 == 0 && !progress(i, total * 2))
                return fail(Error::Code::Generic, QString());
            if (!row.problem.isEmpty())
                continue;
            if (!row.isDuplicate()) {
                bool bySiret = false;
                const QString key =
                    row.directoryKey.isEmpty() ? ContactDirectory::nameKey(row.contact) : row.directoryKey;
                if (const Contact* twin = directory->twinOf(row.contact, key, &bySiret))
                    return fail(Error::Code::Conflict,
                                tr("Line %1: “%2” was added to the directory meanwhile on another computer; "
                                   "nothing was imported. Import the file again to see it as a duplicate.")
                                    .arg(row.line)
                                    .arg(twin->displayName()));
                fresh << &row.contact;
                continue;
            }
            if (row.choice == DuplicateChoice::Skip) {
                ++outcome.skipped;
                continue;
            }
            if (row.choice == DuplicateChoice::Create) {
                fresh << &row.contact;
                continue;
            }
            Contact* recorded = directory->byId(row.twinId);
            if (!recorded)
                return fail(
                    Error::Code::Conflict,
                    tr("Line %1: “%2” was removed from the directory meanwhile; nothing was imported.")
                        .arg(row.line)
                        .arg(row.twinName));
            QStringList filled;
            QStringList kept;
            const Contact merged = mergedContact(*recorded, row.contact, &filled, &kept);
            if (filled.isEmpty()) {
                ++outcome.skipped;
                continue;
            }
            if (auto r = repo.update(merged, now); !r)
                return std::unexpected(Error{r.error().code,
                                             tr("Line %1: %2").arg(row.line).arg(r.error().message),
                                             r.error().detail});
            ChangeSet changes;
            changes.set(QStringLiteral("import line"), row.line)
                .add(QStringLiteral("address"), recorded->postalAddress(), merged.postalAddress(),
                     Privacy::Personal)
                .add(QStringLiteral("phone"), recorded->phone, merged.phone, Privacy::Personal)
                .add(QStringLiteral("email"), recorded->email, merged.email, Privacy::Personal)
                .add(QStringLiteral("siret"), recorded->siret, merged.siret)
                .add(QStringLiteral("legal_form"), recorded->legalForm, merged.legalForm)
                .set(QStringLiteral("filled"), filled.join(QStringLiteral(", ")));
            // Each on its own: the address and phone are kept as digests (personal data).
            ETABLI_TRY(AuditTrail(m_db, m_clock)
                           .record(m_actor, AuditEntity::Contact, QString::number(recorded->id),
                                   AuditAction::Update, changes));
            *recorded = merged;
            ++recorded->version;
            ++outcome.merged;
        }
        auto ids = repo.insertAll(fresh, now, [&](qsizetype done) {
            return !progress ||
                   progress(total + done * total / std::max<qsizetype>(1, fresh.size()), total * 2);
        });
        if (!ids)
            return std::unexpected(ids.error());
        // One entry for the contacts the import created (the merged ones
        // have theirs above, with what each gained).
        ChangeSet imported;
        imported.set(QStringLiteral("created"), static_cast<qint64>(ids->size()))
            .set(QStringLiteral("lines"), static_cast<qint64>(total));
        ETABLI_TRY(AuditTrail(m_db, m_clock).recordCreated(m_actor, AuditEntity::Contact, *ids, imported));
        outcome.created = static_cast<int>(ids->size());
        if (progress)
            progress(total * 2, total * 2);
        return outcome;
    });
}

} // namespace etabli
