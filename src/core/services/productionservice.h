#pragma once

#include "domain/paging.h"
#include "domain/production.h"
#include "domain/user.h"
#include "io/xlsx.h"
#include "util/error.h"

#include <QCoreApplication>
#include <QList>

namespace etabli {

class Clock;
class Database;

// The production log (journal d'atelier): what the workshops made, with whom,
// in how many hours, and what comes out of it. Every role with trainees.read
// reads it; writing needs production.write, and trainers write only in their
// own sections. The author may change an entry for 7 days, then only the
// direction may (audited).
class ProductionService
{
    Q_DECLARE_TR_FUNCTIONS(ProductionService)

public:
    static constexpr int MaxMinutesPerDay = 12 * 60;
    static constexpr int AuthorEditDays = 7;

    ProductionService(Database& db, const Clock& clock, const UserContext& actor)
        : m_db(db), m_clock(clock), m_actor(actor)
    {
    }

    // Creates (id 0) or changes an entry, lines included, in one transaction.
    // Unusual but possible entries (a weekend, a trainee of another section)
    // come back as NeedsConfirmation until `confirmed`; nothing is written.
    // Catalogue lines may give a code instead of an id: an unknown code is refused.
    Result<qint64> save(const ProductionEntry& entry, bool confirmed = false);
    // Removes a mistaken entry (same rights as changing it); the audit log keeps its content.
    Status remove(qint64 id);
    Result<ProductionEntry> get(qint64 id) const;
    // Whether the acting user may change this entry, and why not.
    Status mayChange(const ProductionEntry& stored) const;

    Result<Page<ProductionSummary>> list(const ProductionFilter& filter, const PageRequest& request) const;
    Result<qint64> count(const ProductionFilter& filter, int cap = 10000) const;
    Result<ProductionFigures> figures(const ProductionFilter& filter) const;
    // The log as CSV (';', UTF-8 with BOM): one line per trainee on an entry.
    Result<QByteArray> exportCsv(const ProductionFilter& filter) const;
    // The same rows as a spreadsheet: days as dates, hours as numbers.
    Result<QByteArray> exportXlsx(const ProductionFilter& filter) const;

    Result<QList<Skill>> skills(qint64 sectionId, bool activeOnly = true) const;
    Result<qint64> addSkill(const Skill& skill);
    Status updateSkill(const Skill& skill);

private:
    Result<xlsx::Sheet> exportSheet(const ProductionFilter& filter) const;
    Status validate(ProductionEntry& entry, bool confirmed) const;
    // The sections the reader may list (empty: all); refuses a filter on
    // another's section, and needs trainees.read.
    Result<QList<qint64>> readableSections(const ProductionFilter& filter) const;

    Database& m_db;
    const Clock& m_clock;
    UserContext m_actor; // a copy: a temporary context must not dangle
};

} // namespace etabli
