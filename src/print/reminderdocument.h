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

// A reminder letter (lettre de relance) to a customer: the school's
// letterhead, the customer's address, the unpaid invoices with what remains
// due, and a courteous request to pay.
class ReminderDocument
{
    Q_DECLARE_TR_FUNCTIONS(ReminderDocument)

public:
    static QString html(const SchoolIdentity& school, const Contact& customer,
                        const QList<Receivable>& invoices, const QDate& today);
    static std::unique_ptr<Printable> make(const SchoolIdentity& school, const Contact& customer,
                                           const QList<Receivable>& invoices, const QDate& today);
    static Status writePdf(const SchoolIdentity& school, const Contact& customer,
                           const QList<Receivable>& invoices, const QDate& today, const QString& path);
};

} // namespace etabli::print
