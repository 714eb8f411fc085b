#pragma once

#include "domain/orders.h"
#include "domain/school.h"
#include "util/error.h"

#include <memory>
#include <QCoreApplication>
#include <QString>

namespace etabli {
class Clock;
class Database;
struct UserContext;
} // namespace etabli

namespace etabli::print {

struct Printable;

// A quote (devis) as the customer receives it: the school's letterhead, the
// customer, number, date and validity, the vehicle if any, the lines and
// totals, the VAT mention, and the "good for agreement" box to sign.
class QuoteDocument
{
    Q_DECLARE_TR_FUNCTIONS(QuoteDocument)

public:
    static QString title(const Quote& quote);
    // `customer` gives the address and SIRET; `vehicle` e.g. "AB-123-CD
    // Renault Clio" (empty: none).
    static QString html(const Quote& quote, const Contact& customer, const QString& vehicle,
                        const SchoolIdentity& school);
    static std::unique_ptr<Printable> make(const Quote& quote, const Contact& customer,
                                           const QString& vehicle, const SchoolIdentity& school);
    // Reads the quote, its customer, vehicle and the school, then makes it.
    static Result<std::unique_ptr<Printable>> load(Database& db, const Clock& clock, const UserContext& actor,
                                                   qint64 quoteId);
    static Status writePdf(const Quote& quote, const Contact& customer, const QString& vehicle,
                           const SchoolIdentity& school, const QString& path);
};

} // namespace etabli::print
