#pragma once

#include "domain/sales.h"

#include <QList>
#include <QString>

namespace etabli {

class SqlQuery;

// How the invoices' repository reads an invoice and a payment, shared by
// its three files (invoicerepository.cpp: drafts, numbers, issue, the list;
// invoicepayments.cpp: payments, balances, receivables, cheque deposits;
// invoicechecks.cpp: the chains' and balances' checks).
namespace invoicerows {

// "SELECT <every column read()> FROM invoice i".
const QString& columns();
// An invoice out of a row of columns(), its totals as stored; its lines are
// given by withLines(). Its seller's identity is parsed unless the caller
// reads it itself (`check`).
Invoice read(const SqlQuery& q, bool withSeller = true);
// The invoice's lines, and its totals computed from them; an issued
// document keeps the totals stored when it was issued.
void withLines(Invoice& i, QList<InvoiceLine> lines);

// "SELECT <every column readPayment()> FROM payment".
const QString& paymentColumns();
Payment readPayment(const SqlQuery& q);

// "SELECT <every column readReceivable()> FROM invoice_balance b JOIN
// invoice i …": an issued invoice with something due (the invoices' and the
// bank statements' repositories).
const QString& receivableColumns();
// Its days late counted as of `asOf` (an invalid day: none).
Receivable readReceivable(const SqlQuery& q, const QDate& asOf = {});

} // namespace invoicerows

} // namespace etabli
