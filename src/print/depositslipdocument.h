#pragma once

#include "domain/sales.h"
#include "domain/school.h"
#include "util/error.h"

#include <memory>
#include <QCoreApplication>
#include <QDate>
#include <QList>

namespace etabli::print {

struct Printable;

// The cheque deposit slip (bordereau de remise de chèques) handed to the
// bank with the cheques: each cheque's bank, number, drawer and amount, the
// count and the total.
class DepositSlipDocument
{
    Q_DECLARE_TR_FUNCTIONS(DepositSlipDocument)

public:
    static QString html(const SchoolIdentity& school, qint64 slipId, const QList<ChequeToDeposit>& cheques,
                        const QDate& day);
    static std::unique_ptr<Printable> make(const SchoolIdentity& school, qint64 slipId,
                                           const QList<ChequeToDeposit>& cheques, const QDate& day);
    static Status writePdf(const SchoolIdentity& school, qint64 slipId, const QList<ChequeToDeposit>& cheques,
                           const QDate& day, const QString& path);
};

} // namespace etabli::print
