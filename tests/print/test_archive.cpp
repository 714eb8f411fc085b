// Issue 16, item 7: the signed archive of a closed year, checked file by file.
#include "io/archivemanifest.h"
#include "print/yeararchive.h"
#include "services/closingservice.h"
#include "services/invoiceservice.h"
#include "storage/metarepository.h"
#include "support/pdftext.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "support/testenv.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace etabli;
using etabli::test::draftFor;
using etabli::test::line;
using etabli::test::makeShop;
using etabli::test::payment;
using etabli::test::Shop;
using etabli::test::TestDatabase;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void overwrite(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

} // namespace

TEST_CASE("The archive of a closed year holds its documents, data and closings under a signed manifest",
          "[print][closing][legal]")
{
    const auto backend = GENERATE(from_range(test::backends()));
    INFO(backend);
    TestDatabase t(backend);
    FixedClock clock(QDateTime(QDate(2025, 3, 3), QTime(10, 0), Qt::UTC));
    const Shop shop = makeShop(t.db(), clock, VatRegime::Assujetti);
    InvoiceService sales(t.db(), clock, shop.director);
    auto gate = sales.saveDraft(draftFor(shop.garage, {line("Portail", 1000, 120000)}));
    REQUIRE(gate);
    REQUIRE(sales.issue(*gate));
    REQUIRE(sales.recordPayment(payment(*gate, QDate(2025, 3, 3), PaymentMethod::Cheque, 500)));
    auto credit = sales.draftCreditNote(*gate, {line("Portail", -100, 120000)});
    REQUIRE(credit);
    REQUIRE(sales.issue(*credit));
    QTemporaryDir root(QDir(test::tempRoot()).filePath(QStringLiteral("archive-XXXXXX")));
    REQUIRE(root.isValid());
    const QString dir = root.filePath(QStringLiteral("archive 2025"));
    const QString key = root.filePath(QStringLiteral("cle.key"));

    // A year still open is not archived.
    clock.set(QDateTime(QDate(2025, 12, 20), QTime(10, 0), Qt::UTC));
    auto open = print::YearArchive::write(t.db(), clock, shop.director, 2025, dir, key);
    REQUIRE_FALSE(open);
    CHECK(open.error().message.contains(QStringLiteral("n'est pas clôturée")));
    CHECK_FALSE(QFileInfo::exists(dir));

    clock.set(QDateTime(QDate(2026, 1, 6), QTime(10, 0), Qt::UTC));
    REQUIRE(ClosingService(t.db(), clock, shop.director).closeUntil(QDate(2025, 12, 1)));
    int calls = 0;
    auto written =
        print::YearArchive::write(t.db(), clock, shop.director, 2025, dir, key, [&calls](int, int total) {
            ++calls;
            CHECK(total == 2);
        });
    REQUIRE(written);
    CHECK(calls == 2);
    CHECK(written->documents == 2);
    CHECK(written->payments == 1);
    CHECK(written->closings == 11); // March to December, and the year
    CHECK(QFileInfo::exists(dir + QStringLiteral("/factures/F2025-0001.pdf")));
    CHECK(QFileInfo::exists(dir + QStringLiteral("/factures/A2025-0001.pdf")));
    // Nothing half-written is left beside it.
    CHECK(QDir(root.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size() == 2);
    CHECK(*print::YearArchive::registeredKey(t.db()) == written->publicKey);

    // The PDF is the invoice as issued, not a duplicate.
    const QString text = test::pdfRawText(dir + QStringLiteral("/factures/F2025-0001.pdf"));
    CHECK(text.contains(QStringLiteral("F2025-0001")));
    CHECK_FALSE(text.contains(QStringLiteral("DUPLICATA")));
    // Issued with its seller frozen, it is archived as Factur-X: its XML inside.
    CHECK(test::pdfAttachments(dir + QStringLiteral("/factures/F2025-0001.pdf"))
              .contains(QStringLiteral("factur-x.xml")));
    CHECK(test::pdfAttachments(dir + QStringLiteral("/factures/A2025-0001.pdf"))
              .contains(QStringLiteral("factur-x.xml")));
    const QString lines = QString::fromUtf8(readAll(dir + QStringLiteral("/lignes.csv")));
    CHECK(lines.contains(QStringLiteral("A2025-0001;1;Portail;-0,100")));
    const QString paid = QString::fromUtf8(readAll(dir + QStringLiteral("/paiements.csv")));
    CHECK(paid.contains(QStringLiteral("F2025-0001;2025-03-03;Chèque;500,00")));
    const QString closings = QString::fromUtf8(readAll(dir + QStringLiteral("/clotures.csv")));
    CHECK(closings.contains(
        QStringLiteral("mars 2025;2025-03-01;2025-03-31;Ventes HT à 20,00 %;1080,00;1080,00")));
    CHECK(closings.contains(QStringLiteral("année 2025")));

    auto checked = ArchiveManifest::verify(dir, written->publicKey);
    REQUIRE(checked);
    INFO(checked->problems.join(QLatin1Char('\n')).toStdString());
    CHECK(checked->ok());
    CHECK(checked->files == 8); // 2 PDF, 5 CSV, LISEZMOI, and nothing else
    CHECK(checked->files == written->files);

    // Each kind of forgery is named.
    const QString pdf = dir + QStringLiteral("/factures/F2025-0001.pdf");
    const QByteArray original = readAll(pdf);
    QByteArray changed = original;
    changed[200] = static_cast<char>(changed.at(200) ^ 0x20);
    overwrite(pdf, changed);
    checked = ArchiveManifest::verify(dir);
    REQUIRE(checked);
    REQUIRE(checked->problems.size() == 1);
    CHECK(checked->problems.first().startsWith(QStringLiteral("factures/F2025-0001.pdf : modifié")));
    overwrite(pdf, original);
    overwrite(dir + QStringLiteral("/factures/F2025-0099.pdf"), "%PDF-1.4");
    checked = ArchiveManifest::verify(dir);
    REQUIRE(checked->problems.size() == 1);
    CHECK(checked->problems.first().contains(QStringLiteral("F2025-0099.pdf : ajouté")));
    QFile::remove(dir + QStringLiteral("/factures/F2025-0099.pdf"));
    // Rewriting the manifest to match a forged file breaks its signature.
    const QByteArray manifest = readAll(dir + QStringLiteral("/MANIFESTE.sha256"));
    overwrite(dir + QStringLiteral("/MANIFESTE.sha256"),
              QByteArray(manifest).replace("lignes.csv", "lignes.cs_"));
    checked = ArchiveManifest::verify(dir);
    CHECK(checked->problems.join(QLatin1Char('\n')).contains(QStringLiteral("signature")));
    overwrite(dir + QStringLiteral("/MANIFESTE.sha256"), manifest);
    CHECK(ArchiveManifest::verify(dir)->ok());
    // Signed by another key than the school's.
    CHECK_FALSE(ArchiveManifest::verify(dir, QString(64, QLatin1Char('a')))->ok());

    // Another key is refused for this school, and a folder with files in it too.
    const QString other = root.filePath(QStringLiteral("autre.key"));
    auto wrongKey = print::YearArchive::write(t.db(), clock, shop.director, 2025,
                                              root.filePath(QStringLiteral("bis")), other);
    REQUIRE_FALSE(wrongKey);
    CHECK(wrongKey.error().code == Error::Code::Conflict);
    CHECK_FALSE(QFileInfo::exists(root.filePath(QStringLiteral("bis"))));
    auto full = print::YearArchive::write(t.db(), clock, shop.director, 2025, dir, key);
    REQUIRE_FALSE(full);
    CHECK(full.error().message.contains(QStringLiteral("n'est pas un dossier vide")));
}
