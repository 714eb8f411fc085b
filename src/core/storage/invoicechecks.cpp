#include "storage/invoicerepository.h"

// InvoiceRepository: the checks of the chains of invoices and payments, and
// of what is due against the payments (`etabli-cli check`).

#include "storage/database.h"
#include "storage/documentlines.h"
#include "storage/invoicerows.h"
#include "storage/sqlquery.h"

#include <deque>
#include <future>
#include <QScopeGuard>

namespace etabli {

Result<InvoiceRepository::ChainReport> InvoiceRepository::verifyChains(int batchSize) const
{
    ChainReport report;
    // One streaming query for the chain of invoices: those with a place in
    // it (issued ones) in chain order, a row per line (the invoice's columns
    // repeated), read once from the first to the last — no statement per
    // invoice or chunk. The status is checked here, not filtered: the
    // chain's unique index then gives the order without a sort.
    const QString fromInvoice = QStringLiteral(" FROM invoice i");
    Q_ASSERT(invoicerows::columns().endsWith(fromInvoice));
    const int positionColumn = 37; // after invoiceFromRow's columns
    const int sellerColumn = 25;
    SqlQuery chain(m_db);
    chain.setForwardOnly(true);
    ETABLI_TRY(
        chain.exec(invoicerows::columns().chopped(fromInvoice.size()) +
                   QStringLiteral(", i.chain_position, l.invoice_id, %1 FROM invoice i LEFT JOIN "
                                  "invoice_line l ON l.invoice_id = i.id WHERE i.chain_position IS NOT "
                                  "NULL ORDER BY i.chain_position, l.position")
                       .arg(documentlines::columns(QStringLiteral("l")))));
    // The links (each invoice's previous hash is the one before's) are
    // checked as the rows come; each invoice's own hash, which needs only
    // its row and lines, is computed on a second thread a batch at a time
    // while the next batch is read. The first invoice that fails, in chain
    // order, is the one named.
    struct Link
    {
        Invoice invoice;
        QByteArray sellerJson;
        int position = 0;
    };
    const qsizetype BatchSize = std::max(1, batchSize);
    // The batch stays owned by this thread, which frees it: memory freed on
    // another thread than the one that allocated it makes both wait on the
    // allocator's lock.
    const auto firstBadIn = [](const QList<Link>* batch) -> QString {
        for (const Link& link : *batch) {
            if (!link.invoice.isIssued() ||
                invoiceHash(link.invoice, link.invoice.prevHash, link.sellerJson) != link.invoice.hash)
                return link.invoice.number.isEmpty()
                           ? tr("position %1 of the chain of invoices").arg(link.position)
                           : link.invoice.number;
        }
        return {};
    };
    std::deque<std::pair<std::future<QString>, std::unique_ptr<QList<Link>>>> hashing;
    // Waits for the batches sent (all, or all but `keep`); false at the first that failed.
    const auto settle = [&](std::size_t keep) {
        while (hashing.size() > keep) {
            const QString bad = hashing.front().first.get();
            hashing.pop_front();
            if (!bad.isEmpty()) {
                report.firstBad = bad;
                return false;
            }
        }
        return true;
    };
    // On any early return the thread still running is waited for.
    const auto joinAll = qScopeGuard([&]() {
        for (auto& [future, sent] : hashing)
            future.wait();
    });
    QList<Link> batch;
    batch.reserve(BatchSize);
    const auto send = [&]() {
        if (batch.isEmpty())
            return;
        auto sent = std::make_unique<QList<Link>>(std::move(batch));
        auto future = std::async(std::launch::async, firstBadIn, sent.get());
        hashing.emplace_back(std::move(future), std::move(sent));
        batch = {};
        batch.reserve(BatchSize);
    };
    QString prev; // the hash of the invoice before, as stored
    Invoice current;
    QList<InvoiceLine> lines;
    QString sellerText; // the last seller read, and its identity as hashed
    QByteArray sellerJson;
    int position = 0; // of the invoice being read; 0 before the first
    // The invoice just read: its link checked now, its hash on the thread.
    const auto linked = [&]() {
        invoicerows::withLines(current, std::move(lines));
        lines = {};
        ++report.documents;
        if (current.prevHash != prev) {
            send();
            if (settle(0))
                report.firstBad = current.number;
            return false;
        }
        prev = current.hash;
        batch.append({std::move(current), sellerJson, position});
        current = {};
        if (batch.size() == BatchSize) {
            send();
            return settle(1); // one batch hashed while the next is read
        }
        return true;
    };
    while (chain.next()) {
        const int rowPosition = chain.value(positionColumn).toInt();
        if (rowPosition != position) {
            if (position != 0 && !linked())
                return report;
            if (rowPosition != position + 1) {
                send();
                if (settle(0))
                    report.firstBad = tr("position %1 of the chain of invoices").arg(position + 1);
                return report;
            }
            position = rowPosition;
            current = invoicerows::read(chain, false);
            if (current.hashVersion >= 2) {
                const QString seller = chain.value(sellerColumn).toString();
                if (seller != sellerText || sellerJson.isEmpty()) {
                    sellerText = seller;
                    sellerJson = seller.isEmpty()
                                     ? SchoolIdentity().sellerJson()
                                     : SchoolIdentity::fromSellerJson(seller.toUtf8()).sellerJson();
                }
            }
        }
        if (!chain.value(positionColumn + 1).isNull())
            lines << documentlines::fromRow(chain, positionColumn + 2);
    }
    if (position != 0 && !linked())
        return report;
    send();
    if (!settle(0))
        return report;
    SqlQuery p(m_db);
    ETABLI_TRY(p.exec(invoicerows::paymentColumns() + QStringLiteral(" ORDER BY id")));
    QString prevPayment;
    while (p.next()) {
        const Payment payment = invoicerows::readPayment(p);
        ++report.payments;
        if (p.value(11).toString() != prevPayment || paymentHash(payment, prevPayment) != payment.hash) {
            report.firstBad = tr("payment n°%1").arg(payment.id);
            return report;
        }
        prevPayment = payment.hash;
    }
    return report;
}

Result<InvoiceRepository::BalanceReport> InvoiceRepository::verifyBalances() const
{
    // Three grouped scans (payments, credit notes, balances) joined to the
    // issued invoices: no statement per invoice.
    SqlQuery q(m_db);
    ETABLI_TRY(q.exec(QStringLiteral(
        "SELECT i.number, b.invoice_id IS NULL OR b.contact_id <> i.contact_id OR b.issue_date <> "
        "i.issue_date OR COALESCE(b.due_date, '') <> COALESCE(i.due_date, '') OR b.total_cents <> "
        "i.total_incl_cents OR b.paid_cents <> COALESCE(p.paid, 0) OR b.credited_cents <> "
        "COALESCE(c.credited, 0) OR b.due_cents <> i.total_incl_cents - COALESCE(p.paid, 0) - "
        "COALESCE(c.credited, 0) FROM invoice i LEFT JOIN invoice_balance b ON b.invoice_id = i.id "
        "LEFT JOIN (SELECT invoice_id, SUM(amount_cents) AS paid FROM payment GROUP BY invoice_id) p ON "
        "p.invoice_id = i.id LEFT JOIN (SELECT credited_invoice_id, SUM(-total_incl_cents) AS credited "
        "FROM invoice WHERE status = 'issued' AND kind = 'credit' GROUP BY credited_invoice_id) c ON "
        "c.credited_invoice_id = i.id WHERE i.status = 'issued' AND i.kind = 'invoice' ORDER BY "
        "i.chain_position")));
    BalanceReport report;
    while (q.next()) {
        ++report.invoices;
        if (report.firstBad.isEmpty() && q.value(1).toBool())
            report.firstBad = q.value(0).toString();
    }
    q.finish();
    if (report.ok()) {
        // A balance for a draft, a credit note or no invoice at all.
        SqlQuery extra(m_db);
        ETABLI_TRY(extra.exec(QStringLiteral(
            "SELECT COALESCE(i.number, CAST(b.invoice_id AS TEXT)) FROM invoice_balance b LEFT JOIN "
            "invoice i ON i.id = b.invoice_id WHERE i.id IS NULL OR i.status <> 'issued' OR i.kind <> "
            "'invoice' LIMIT 1")));
        if (extra.next())
            report.firstBad = extra.value(0).toString();
    }
    return report;
}

} // namespace etabli
