#pragma once

#include "domain/funding.h"
#include "domain/school.h"
#include "util/error.h"

#include <memory>
#include <QCoreApplication>
#include <QString>

namespace etabli::print {

struct Printable;

// A tax receipt with the content of Cerfa n°11580 (private donors, article
// 200 CGI) or n°16216 (businesses, article 238 bis CGI): the beneficiary
// and its RNA/SIREN, the donor, the amount in figures and in French words,
// the gifts' dates, nature and method, the certification and signature. A
// cancellation record says which receipt it cancels and why.
class ReceiptDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReceiptDocument)

public:
    static QString title(const TaxReceipt& receipt);
    static QString html(const TaxReceipt& receipt, const SchoolIdentity& school);
    static std::unique_ptr<Printable> make(const TaxReceipt& receipt, const SchoolIdentity& school);
};

} // namespace etabli::print
