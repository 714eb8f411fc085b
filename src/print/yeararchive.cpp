#include "print/yeararchive.h"

#include "io/archivemanifest.h"
#include "io/csv.h"
#include "io/files.h"
#include "print/documentprinter.h"
#include "print/invoicedocument.h"
#include "print/receiptdocument.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/closingservice.h"
#include "services/donationservice.h"
#include "services/invoiceservice.h"
#include "services/schoolservice.h"
#include "storage/database.h"
#include "storage/metarepository.h"
#include "storage/transaction.h"
#include "util/clock.h"

#include <limits>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QTemporaryDir>

namespace etabli::print {

namespace {

const QString kKeyMeta = QStringLiteral("archive_public_key");

// "1234,56": no thousands separator, for the data files.
QString amount(const Money& m)
{
    QLocale french(QLocale::French, QLocale::France);
    french.setNumberOptions(QLocale::OmitGroupSeparator);
    return m.formatPlain(french);
}

QString rateText(int bp)
{
    return QStringLiteral("%1,%2").arg(bp / 100).arg(bp % 100, 2, 10, QLatin1Char('0'));
}

// A directory to write into: absent, or present and empty.
Status usableTarget(const QString& dir)
{
    const QFileInfo info(dir);
    if (!info.exists())
        return {};
    if (!info.isDir() || !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return fail(
            Error::Code::InvalidInput,
            YearArchive::tr("“%1” already exists and is not an empty folder: choose a new folder for the "
                            "archive (it is not mixed with other files).")
                .arg(QDir::toNativeSeparators(dir)));
    return {};
}

} // namespace

Result<QString> YearArchive::registeredKey(Database& db)
{
    return MetaRepository(db).value(kKeyMeta);
}

Result<YearArchive::Written> YearArchive::write(Database& db, const Clock& clock, const UserContext& actor,
                                                int year, const QString& dir, const QString& keyPath,
                                                const Progress& progress)
{
    ETABLI_TRY(AccessControl::require(actor, permission::SalesClose));
    ETABLI_TRY(AccessControl::require(actor, permission::FundingRead));
    auto closings = ClosingService(db, clock, actor).closings(year);
    if (!closings)
        return std::unexpected(closings.error());
    const bool yearClosed = std::any_of(closings->cbegin(), closings->cend(),
                                        [](const Closing& c) { return c.kind == ClosingKind::Year; });
    if (!yearClosed)
        return fail(Error::Code::InvalidInput,
                    tr("The year %1 is not closed: close its months up to December first (Sales → Closings), "
                       "then archive it.")
                        .arg(year));
    ETABLI_TRY(usableTarget(dir));

    // The key: made on first use, then always the same for this database.
    auto key = SigningKey::loadOrCreate(keyPath);
    if (!key)
        return std::unexpected(key.error());
    auto registered = registeredKey(db);
    if (!registered)
        return std::unexpected(registered.error());
    if (!registered->isEmpty() && *registered != key->publicKeyHex())
        return fail(
            Error::Code::Conflict,
            tr("The signing key “%1” is not the one that signed this school's archives (its public key "
               "begins with %2). Use the key file kept from the computer that made the first archive.")
                .arg(QDir::toNativeSeparators(keyPath), registered->left(16)));

    auto school = SchoolService(db, clock, actor).identity();
    if (!school)
        return std::unexpected(school.error());
    InvoiceService sales(db, clock, actor);
    DonationService gifts(db, clock, actor);
    InvoiceFilter filter;
    filter.status = InvoiceStatus::Issued;
    filter.from = QDate(year, 1, 1);
    filter.to = QDate(year, 12, 31);
    auto rows = readAll<InvoiceRow>([&](const PageRequest& r) { return sales.page(filter, r); },
                                    std::numeric_limits<qsizetype>::max());
    if (!rows)
        return std::unexpected(rows.error());
    std::sort(rows->begin(), rows->end(), [](const InvoiceRow& a, const InvoiceRow& b) {
        return a.issueDate != b.issueDate ? a.issueDate < b.issueDate : a.number < b.number;
    });
    auto receiptIds = gifts.receiptIds(year);
    if (!receiptIds)
        return std::unexpected(receiptIds.error());
    auto payments = sales.paymentsBetween(filter.from, filter.to);
    if (!payments)
        return std::unexpected(payments.error());

    // Written aside, renamed when whole.
    const QFileInfo target(dir);
    if (!QDir().mkpath(target.absolutePath()))
        return fail(
            Error::Code::Io,
            tr("The folder “%1” cannot be created.").arg(QDir::toNativeSeparators(target.absolutePath())));
    QTemporaryDir work(
        QDir(target.absolutePath()).filePath(QStringLiteral(".%1.partiel-XXXXXX").arg(target.fileName())));
    if (!work.isValid())
        return fail(
            Error::Code::Io,
            tr("No folder can be written in “%1”: check the disk and the rights, or choose another place.")
                .arg(QDir::toNativeSeparators(target.absolutePath())),
            work.errorString());
    const QDir out(work.path());
    out.mkpath(QStringLiteral("factures"));
    out.mkpath(QStringLiteral("recus-fiscaux"));

    const int total = static_cast<int>(rows->size() + receiptIds->size());
    int done = 0;
    QList<QStringList> documentRows;
    QList<QStringList> lineRows;
    QHash<qint64, QString> numbers;
    for (const InvoiceRow& row : std::as_const(*rows)) {
        auto invoice = sales.get(row.id);
        if (!invoice)
            return std::unexpected(invoice.error());
        const QString file = QStringLiteral("factures/%1.pdf").arg(invoice->number);
        ETABLI_TRY(InvoiceDocument::writeIssued(*invoice, *school, out.filePath(file)));
        numbers.insert(invoice->id, invoice->number);
        documentRows << QStringList{invoice->number,
                                    invoice->isCredit() ? tr("credit note") : tr("invoice"),
                                    invoice->issueDate.toString(Qt::ISODate),
                                    invoice->dueDate.toString(Qt::ISODate),
                                    invoice->customerName,
                                    invoice->customerSiret,
                                    invoice->creditedNumber,
                                    amount(invoice->totals.excl),
                                    amount(invoice->totals.vatTotal),
                                    amount(invoice->totals.incl),
                                    invoice->issuedBy,
                                    invoice->issuedAt,
                                    invoice->hash,
                                    file};
        for (int i = 0; i < invoice->lines.size(); ++i) {
            const InvoiceLine& l = invoice->lines.at(i);
            lineRows << QStringList{
                invoice->number,
                QString::number(i + 1),
                l.label,
                QLocale(QLocale::French, QLocale::France)
                    .toString(static_cast<double>(l.quantityThousandths) / 1000.0, 'f', 3),
                codeOf(l.unit),
                amount(l.unitPrice),
                rateText(l.vatRateBp),
                l.vatExemption,
                amount(l.total())};
        }
        if (progress)
            progress(++done, total);
    }
    QList<QStringList> receiptRows;
    for (qint64 id : std::as_const(*receiptIds)) {
        auto receipt = gifts.receipt(id);
        if (!receipt)
            return std::unexpected(receipt.error());
        const QString file = QStringLiteral("recus-fiscaux/%1.pdf").arg(receipt->number);
        ETABLI_TRY(DocumentPrinter::writePdf(*ReceiptDocument::make(*receipt, *school), out.filePath(file)));
        receiptRows << QStringList{
            receipt->number,    labelOf(receipt->kind), receipt->issueDate.toString(Qt::ISODate),
            receipt->donorName, receipt->cancelsNumber, amount(receipt->total),
            receipt->issuedBy,  receipt->hash,          file};
        if (progress)
            progress(++done, total);
    }
    QList<QStringList> paymentRows;
    for (const Payment& p : std::as_const(*payments)) {
        if (!numbers.contains(p.invoiceId)) {
            auto invoice = sales.get(p.invoiceId);
            if (!invoice)
                return std::unexpected(invoice.error());
            numbers.insert(p.invoiceId, invoice->number);
        }
        paymentRows << QStringList{QString::number(p.id),
                                   numbers.value(p.invoiceId),
                                   p.day.toString(Qt::ISODate),
                                   labelOf(p.method),
                                   amount(p.amount),
                                   p.bank,
                                   p.chequeNumber,
                                   p.reversesPaymentId ? QString::number(p.reversesPaymentId) : QString(),
                                   p.reason,
                                   p.recordedBy,
                                   p.recordedAt,
                                   p.hash};
    }
    QList<QStringList> closingRows;
    for (const Closing& c : std::as_const(*closings)) {
        const auto add = [&](const QString& heading, const Money& period, const Money& grand) {
            closingRows << QStringList{QString::number(c.position),
                                       ClosingService::periodLabel(c),
                                       c.start.toString(Qt::ISODate),
                                       c.end.toString(Qt::ISODate),
                                       heading,
                                       amount(period),
                                       amount(grand),
                                       c.firstNumber,
                                       c.lastNumber,
                                       c.closedAt,
                                       c.closedBy,
                                       c.prevHash,
                                       c.hash};
        };
        for (auto it = c.grandTotals.sales.cbegin(); it != c.grandTotals.sales.cend(); ++it) {
            const RateTotal here = c.totals.sales.value(it.key());
            add(tr("Sales excl. VAT at %1 %").arg(rateText(it.key())), here.excl, it->excl);
            add(tr("VAT at %1 %").arg(rateText(it.key())), here.vat, it->vat);
        }
        add(tr("Sales incl. VAT"), c.totals.incl(), c.grandTotals.incl());
        for (auto it = c.grandTotals.payments.cbegin(); it != c.grandTotals.payments.cend(); ++it)
            add(tr("Payments: %1").arg(labelOfCode<PaymentMethod>(it.key())),
                c.totals.payments.value(it.key()), it.value());
        add(tr("Payments in all"), c.totals.paid(), c.grandTotals.paid());
    }
    const QList<std::pair<QString, QByteArray>> tables = {
        {QStringLiteral("factures.csv"),
         csv::write({tr("Number"), tr("Kind"), tr("Issue date"), tr("Due date"), tr("Customer"), tr("SIRET"),
                     tr("Corrects"), tr("Excl. VAT"), tr("VAT"), tr("Incl. VAT"), tr("Issued by"),
                     tr("Issued at"), tr("Hash"), tr("File")},
                    documentRows)},
        {QStringLiteral("lignes.csv"), csv::write({tr("Number"), tr("Line"), tr("Label"), tr("Quantity"),
                                                   tr("Unit"), tr("Unit price excl. VAT"), tr("VAT rate (%)"),
                                                   tr("VAT exemption"), tr("Total excl. VAT")},
                                                  lineRows)},
        {QStringLiteral("paiements.csv"),
         csv::write({tr("Payment"), tr("Invoice"), tr("Day"), tr("Method"), tr("Amount"), tr("Bank"),
                     tr("Cheque number"), tr("Reverses payment"), tr("Reason"), tr("Recorded by"),
                     tr("Recorded at"), tr("Hash")},
                    paymentRows)},
        {QStringLiteral("recus-fiscaux.csv"),
         csv::write({tr("Number"), tr("Kind"), tr("Issue date"), tr("Donor"), tr("Cancels"), tr("Amount"),
                     tr("Issued by"), tr("Hash"), tr("File")},
                    receiptRows)},
        {QStringLiteral("clotures.csv"),
         csv::write({tr("Position"), tr("Period"), tr("From"), tr("To"), tr("Heading"), tr("Period's amount"),
                     tr("Perpetual grand total"), tr("First document"), tr("Last document"), tr("Closed at"),
                     tr("Closed by"), tr("Previous hash"), tr("Hash")},
                    closingRows)},
    };
    for (const auto& [name, bytes] : tables)
        ETABLI_TRY(files::write(out.filePath(name), bytes));
    const QString readme =
        tr("Archive of the year %1 — %2\n"
           "SIRET %3\n"
           "Made on %4 by %5 with Établi.\n\n"
           "factures/        the %6 invoices and credit notes issued in %1, as issued (PDF)\n"
           "recus-fiscaux/   the %7 tax receipts and cancellations issued in %1 (PDF)\n"
           "factures.csv     one line per invoice or credit note, with its totals and its hash\n"
           "lignes.csv       their lines\n"
           "paiements.csv    the %8 payments and reversals received in %1\n"
           "recus-fiscaux.csv  the tax receipts\n"
           "clotures.csv     the %9 closings of the year: sales per VAT rate, payments per method, perpetual "
           "grand totals, each sealed and chained to the previous one\n\n"
           "MANIFESTE.sha256 lists each file's SHA-256; MANIFESTE.sig is its Ed25519 signature by the key "
           "whose "
           "public half is in CLE-PUBLIQUE.txt.\n"
           "To check: etabli-cli verify-archive THIS_FOLDER (or, for the files only: sha256sum -c "
           "MANIFESTE.sha256).\n"
           "Établi is not a cash system certified NF525 or by the LNE.\n")
            .arg(year)
            .arg(school->name, school->siret,
                 QLocale(QLocale::French, QLocale::France)
                     .toString(clock.nowUtc().toLocalTime(), QStringLiteral("dd/MM/yyyy HH:mm")),
                 actor.login)
            .arg(rows->size())
            .arg(receiptIds->size())
            .arg(payments->size())
            .arg(closings->size());
    ETABLI_TRY(files::write(out.filePath(QStringLiteral("LISEZMOI.txt")), readme.toUtf8()));
    ETABLI_TRY(ArchiveManifest::write(out.path(), *key));
    // Invoices to persons, donors' receipts: every file and folder the owner's only.
    for (QDirIterator it(out.path(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                         QDirIterator::Subdirectories);
         it.hasNext();)
        files::restrictToOwner(it.next());
    files::restrictToOwner(out.path());

    // Registered and logged before the folder takes its name: an archive
    // that is there was recorded.
    QFile manifest(out.filePath(ArchiveManifest::ManifestFile));
    if (!manifest.open(QIODevice::ReadOnly))
        return std::unexpected(files::error(manifest, manifest.fileName()));
    const QString manifestHash =
        QString::fromLatin1(QCryptographicHash::hash(manifest.readAll(), QCryptographicHash::Sha256).toHex());
    Written written;
    written.documents = static_cast<int>(rows->size());
    written.receipts = static_cast<int>(receiptIds->size());
    written.payments = static_cast<int>(payments->size());
    written.closings = static_cast<int>(closings->size());
    written.files = written.documents + written.receipts + static_cast<int>(tables.size()) + 1;
    written.publicKey = key->publicKeyHex();
    written.dir = QDir::cleanPath(target.absoluteFilePath());
    auto logged = inTransaction(db, [&]() -> Status {
        if (registered->isEmpty())
            if (auto r = MetaRepository(db).setValue(kKeyMeta, written.publicKey); !r)
                return r;
        ChangeSet c;
        c.set(QStringLiteral("year"), year)
            .set(QStringLiteral("files"), written.files)
            .set(QStringLiteral("manifest_sha256"), manifestHash)
            .set(QStringLiteral("public_key"), written.publicKey);
        return AuditTrail(db, clock).record(actor, AuditEntity::Archive, QString::number(year),
                                            AuditAction::Create, c);
    });
    if (!logged)
        return std::unexpected(logged.error());
    if (target.exists())
        QDir().rmdir(target.absoluteFilePath());
    if (!QDir().rename(work.path(), target.absoluteFilePath()))
        return fail(Error::Code::Io,
                    tr("The archive was written but could not take the name “%1”: it is in “%2”.")
                        .arg(QDir::toNativeSeparators(dir), QDir::toNativeSeparators(work.path())));
    work.setAutoRemove(false);
    return written;
}

} // namespace etabli::print
