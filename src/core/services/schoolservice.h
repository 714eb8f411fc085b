#pragma once

#include "domain/legal.h"
#include "domain/school.h"
#include "domain/section.h"
#include "domain/user.h"
#include "storage/databasecopy.h"
#include "util/error.h"

#include <optional>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

namespace etabli {

class Clock;
class Database;

// The school's identity and its list of sections: validation, access
// control and writes (with their audit rows) in one transaction. Widgets and
// the CLI call this, never SQL. Reading is open to every role; changing
// needs settings.edit.
class SchoolService
{
    Q_DECLARE_TR_FUNCTIONS(SchoolService)

public:
    SchoolService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    Result<SchoolIdentity> identity() const;
    // True for databases made by the demo generator.
    bool isDemo() const;
    // Where the school went when this file was moved onto a server; none
    // when it is still the school's (DatabaseCopy::move).
    std::optional<DatabaseCopy::MovedTo> movedTo() const;
    // Validates (French messages), normalises (SIRET without spaces…) and
    // saves. Returns the saved identity with its new version.
    Result<SchoolIdentity> saveIdentity(SchoolIdentity identity);

    // The legal amounts with their year and source (open to every role);
    // changing one needs settings.edit and is written to the audit trail.
    Result<QList<LegalAmount>> legalAmounts() const;
    Result<LegalAmount> legalAmount(LegalAmountKind kind) const;
    Status saveLegalAmount(const LegalAmount& amount);
    // What a regime means, in a sentence, for the settings page.
    static QString vatRegimeExplanation(VatRegime regime);

    // The targets the fundamentals are compared with (open to every role);
    // settings.edit to change them, written to the audit trail.
    Result<FundamentalTargets> targets() const;
    Status saveTargets(const FundamentalTargets& targets);

    Result<QList<Section>> sections(bool activeOnly = false) const;
    Result<qint64> addSection(const QString& name, const QString& trade = {});
    Status updateSection(const Section& section);
    // Only a section nobody was ever enrolled in can be deleted; others are
    // deactivated instead.
    Status deleteSection(qint64 sectionId);
    // The certifications a section prepares (ids, catalogue order): a
    // spreadsheet's "CAP" column is the CAP its trainees prepare
    // (TraineeImportService). Changing the list needs settings.edit and is
    // written to the audit trail.
    Result<QList<qint64>> preparedCertifications(qint64 sectionId) const;
    // Every section's at once: section id → certification ids.
    Result<QHash<qint64, QList<qint64>>> preparedCertifications() const;
    Status setPreparedCertifications(qint64 sectionId, const QList<qint64>& certificationIds);

    // Field checks, exposed for forms and tests. Empty is accepted.
    static Status validateSiret(const QString& siret);
    static Status validateRna(const QString& rna);
    // An IBAN's length per country and its ISO 7064 mod-97 key; a BIC's 8 or
    // 11 characters.
    static Status validateIban(const QString& iban);
    static Status validateBic(const QString& bic);
    static Status validate(const SchoolIdentity& identity);
    static QString normaliseDigits(const QString& text);
    // "fr 12 753124680" → "FR12753124680" (a VAT number, an IBAN, a BIC).
    static QString normaliseCode(const QString& text);

private:
    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
