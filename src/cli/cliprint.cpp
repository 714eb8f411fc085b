#include "cli/clicommands.h"
#include "cli/clisupport.h"
#include "io/facturx.h"
#include "io/files.h"
#include "print/documentprinter.h"
#include "print/invoicedocument.h"
#include "print/quotedocument.h"
#include "print/receiptdocument.h"
#include "print/tyredocuments.h"
#include "services/catalogueservice.h"
#include "services/donationservice.h"
#include "services/invoiceservice.h"
#include "services/orderservice.h"
#include "services/schoolservice.h"
#include "services/tyrehotelservice.h"
#include "storage/database.h"
#include "storage/invoicerepository.h"
#include "util/clock.h"

#include <limits>
#include <QDir>

namespace etabli::cli {

int Commands::printDocument(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                       tr("PDF file to write."), tr("FILE"));
    parser.addOption(user);
    parser.addOption(outOption);
    parser.addPositionalArgument(
        QStringLiteral("what"),
        tr("invoice (an invoice or a credit note), credit, quote or receipt (a tax receipt), then its "
           "number; label then a plate (tyre hotel); tyres then summer, winter, all_season or all."));
    if (int rc = parseCommand(parser, common, QStringLiteral("print"),
                              tr("Writes an issued invoice, credit note, a quote, a tyre hotel label or its "
                                 "list as an A4 PDF, as "
                                 "printed."),
                              args, m_out, m_err, 2);
        rc >= 0)
        return rc;
    const QStringList what = parser.positionalArguments();
    const QStringList kinds = {QStringLiteral("invoice"), QStringLiteral("credit"),  QStringLiteral("quote"),
                               QStringLiteral("label"),   QStringLiteral("deposit"), QStringLiteral("tyres"),
                               QStringLiteral("receipt")};
    if (what.size() != 2 || !kinds.contains(what.first()) || parser.value(outOption).isEmpty() ||
        parser.value(user).isEmpty()) {
        m_err << tr("Usage: etabli-cli print invoice|credit|quote|receipt NUMBER --out FILE.pdf --user LOGIN")
              << Qt::endl
              << tr("       etabli-cli print label|deposit PLATE --out FILE.pdf --user LOGIN") << Qt::endl
              << tr("       etabli-cli print tyres summer|winter|all_season|all --out FILE.pdf --user LOGIN")
              << Qt::endl;
        return BadUsage;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    if (what.first() == QLatin1String("label") || what.first() == QLatin1String("deposit") ||
        what.first() == QLatin1String("tyres")) {
        TyreHotelService hotel(*acting->db, clock, acting->user);
        auto school = SchoolService(*acting->db, clock, acting->user).identity();
        if (!school)
            return report(m_err, school.error());
        std::unique_ptr<print::Printable> printable;
        if (what.first() == QLatin1String("label") || what.first() == QLatin1String("deposit")) {
            auto set = hotel.findStored(what.at(1));
            if (!set) {
                if (set.error().code != Error::Code::NotFound &&
                    set.error().code != Error::Code::InvalidInput)
                    return report(m_err, set.error());
                m_err << set.error().message << Qt::endl;
                return Failure;
            }
            if (what.first() == QLatin1String("label")) {
                printable = print::TyreDocuments::label(*set, *school);
            } else {
                std::optional<CatalogueItem> fee;
                if (set->feeItemId != 0) {
                    auto item = CatalogueService(*acting->db, clock, acting->user).item(set->feeItemId);
                    if (!item)
                        return report(m_err, item.error());
                    fee = *item;
                }
                printable = print::TyreDocuments::deposit(*set, *school, fee);
            }
        } else {
            TyreSetFilter f;
            f.season = fromCode<TyreSeason>(what.at(1));
            if (!f.season && what.at(1) != QLatin1String("all")) {
                m_err << tr("Unknown season “%1”: summer, winter, all_season or all.").arg(what.at(1))
                      << Qt::endl;
                return BadUsage;
            }
            auto sets = hotel.all(f);
            if (!sets)
                return report(m_err, sets.error());
            printable = print::TyreDocuments::list(*sets, f.season, *school, clock.today());
        }
        if (auto r = print::DocumentPrinter::writePdf(*printable, parser.value(outOption)); !r)
            return report(m_err, r.error());
        m_out << tr("Written to %1").arg(QDir::toNativeSeparators(parser.value(outOption))) << Qt::endl;
        return Success;
    }
    if (what.first() == QLatin1String("receipt")) {
        DonationService gifts(*acting->db, clock, acting->user);
        auto id = gifts.receiptId(what.at(1));
        if (!id) {
            if (id.error().code != Error::Code::NotFound)
                return report(m_err, id.error());
            m_err << id.error().message << Qt::endl;
            return Failure;
        }
        auto receipt = gifts.receipt(*id);
        auto school = SchoolService(*acting->db, clock, acting->user).identity();
        if (!receipt || !school)
            return report(m_err, !receipt ? receipt.error() : school.error());
        if (auto r = print::DocumentPrinter::writePdf(*print::ReceiptDocument::make(*receipt, *school),
                                                      parser.value(outOption));
            !r)
            return report(m_err, r.error());
        m_out
            << tr("%1 written to %2").arg(receipt->number, QDir::toNativeSeparators(parser.value(outOption)))
            << Qt::endl;
        return Success;
    }
    if (what.first() == QLatin1String("quote")) {
        auto id = OrderService(*acting->db, clock, acting->user).quoteId(what.at(1));
        if (!id) {
            if (id.error().code != Error::Code::NotFound)
                return report(m_err, id.error());
            m_err << id.error().message << Qt::endl;
            return Failure;
        }
        auto printable = print::QuoteDocument::load(*acting->db, clock, acting->user, *id);
        if (!printable)
            return report(m_err, printable.error());
        if (auto r = print::DocumentPrinter::writePdf(**printable, parser.value(outOption)); !r)
            return report(m_err, r.error());
        m_out << tr("%1 written to %2")
                     .arg(what.at(1).trimmed().toUpper(), QDir::toNativeSeparators(parser.value(outOption)))
              << Qt::endl;
        return Success;
    }
    InvoiceService sales(*acting->db, clock, acting->user);
    auto invoice = sales.getByNumber(what.at(1));
    if (!invoice) {
        if (invoice.error().code == Error::Code::NotFound)
            m_err << tr("No invoice or credit note has the number “%1”.").arg(what.at(1)) << Qt::endl;
        else
            return report(m_err, invoice.error());
        return Failure;
    }
    auto school = SchoolService(*acting->db, clock, acting->user).identity();
    if (!school)
        return report(m_err, school.error());
    // The first print is the original; the next ones say "Duplicata".
    auto copy = sales.printCopy(invoice->id);
    if (!copy)
        return report(m_err, copy.error());
    // Factur-X (decision 69); a document issued before its seller was frozen
    // (schema 16) cannot say who sold in its XML: it stays a plain PDF.
    const bool electronic = FacturX::hasElectronicForm(copy->invoice);
    const QString out = parser.value(outOption);
    if (auto r = print::InvoiceDocument::writeIssued(copy->invoice, *school, out, copy->duplicate); !r)
        return report(m_err, r.error());
    m_out << (electronic ? tr("%1 written to %2 as Factur-X (PDF/A-3 with its XML)") : tr("%1 written to %2"))
                 .arg(invoice->number, QDir::toNativeSeparators(out))
          << Qt::endl;
    return Success;
}

int Commands::exportFacturX(const QStringList& args)
{
    QCommandLineParser parser;
    CommonOptions common;
    const QCommandLineOption user = actingUserOption();
    const QCommandLineOption outOption(QStringList{QStringLiteral("o"), QStringLiteral("out")},
                                       tr("Folder to write the files in (new or empty)."), tr("FOLDER"));
    const QCommandLineOption fromOption(QStringLiteral("from"), tr("First day of issue (YYYY-MM-DD)."),
                                        tr("DATE"));
    const QCommandLineOption toOption(QStringLiteral("to"), tr("Last day of issue (YYYY-MM-DD)."),
                                      tr("DATE"));
    parser.addOption(user);
    parser.addOption(outOption);
    parser.addOption(fromOption);
    parser.addOption(toOption);
    parser.addPositionalArgument(QStringLiteral("facturx"), tr("The electronic invoices."));
    if (int rc =
            parseCommand(parser, common, QStringLiteral("export facturx"),
                         tr("Writes each invoice and credit note issued in a period as Factur-X (PDF/A-3 "
                            "with its XML), for the school's platform or its accountant."),
                         args, m_out, m_err, 1);
        rc >= 0)
        return rc;
    const QDate from = QDate::fromString(parser.value(fromOption), Qt::ISODate);
    const QDate to = QDate::fromString(parser.value(toOption), Qt::ISODate);
    if (parser.value(outOption).isEmpty() || parser.value(user).isEmpty() || !from.isValid() ||
        !to.isValid() || to < from) {
        m_err << tr("Usage: etabli-cli export facturx --from DATE --to DATE --out FOLDER --user LOGIN")
              << Qt::endl
              << tr("Give the period as two dates YYYY-MM-DD, the first before the second.") << Qt::endl;
        return BadUsage;
    }
    const QDir out(parser.value(outOption));
    if (out.exists() && !out.isEmpty()) {
        m_err << tr("The folder “%1” is not empty: choose a new or empty folder.")
                     .arg(QDir::toNativeSeparators(out.absolutePath()))
              << Qt::endl;
        return Failure;
    }
    SystemClock clock;
    auto acting = openAs(parser, common, parser.value(user), clock, m_err);
    if (!acting)
        return report(m_err, acting.error());
    InvoiceService sales(*acting->db, clock, acting->user);
    auto school = SchoolService(*acting->db, clock, acting->user).identity();
    if (!school)
        return report(m_err, school.error());
    InvoiceFilter filter;
    filter.status = InvoiceStatus::Issued;
    filter.from = from;
    filter.to = to;
    auto rows = readAll<InvoiceRow>([&](const PageRequest& r) { return sales.page(filter, r); },
                                    std::numeric_limits<qsizetype>::max());
    if (!rows)
        return report(m_err, rows.error());
    if (!QDir().mkpath(out.absolutePath())) {
        m_err << tr("The folder “%1” cannot be created.").arg(QDir::toNativeSeparators(out.absolutePath()))
              << Qt::endl;
        return Failure;
    }
    // Invoices to persons carry their names and addresses: the owner's only.
    files::restrictToOwner(out.absolutePath());
    int electronic = 0;
    int plain = 0;
    for (const InvoiceRow& row : std::as_const(*rows)) {
        auto invoice = sales.get(row.id);
        if (!invoice)
            return report(m_err, invoice.error());
        const QString path = out.filePath(invoice->number + QStringLiteral(".pdf"));
        if (auto r = print::InvoiceDocument::writeIssued(*invoice, *school, path); !r) {
            m_err << tr("%1 of %2 documents written before this one failed:")
                         .arg(electronic + plain)
                         .arg(rows->size())
                  << Qt::endl;
            return report(m_err, r.error());
        }
        files::restrictToOwner(path);
        (FacturX::hasElectronicForm(*invoice) ? electronic : plain) += 1;
    }
    m_out << tr("%1 invoice(s) and credit note(s) written to %2 as Factur-X.")
                 .arg(electronic)
                 .arg(QDir::toNativeSeparators(out.absolutePath()))
          << Qt::endl;
    if (plain > 0)
        m_out << tr("%1 document(s) issued before version 16 of the database written as plain PDFs (their "
                    "seller "
                    "was not recorded with them).")
                     .arg(plain)
              << Qt::endl;
    return Success;
}

} // namespace etabli::cli
