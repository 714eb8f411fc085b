#include "services/backupservice.h"

#include "domain/money.h"
#include "domain/sales.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "storage/backup.h"
#include "storage/database.h"
#include "storage/sqlquery.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMap>
#include <spdlog/spdlog.h>

namespace etabli {

Status BackupService::copyTo(const QString& target, bool overwrite)
{
    if (auto r = AccessControl::require(m_actor, permission::BackupRun); !r)
        return r;
    if (auto r = Backup::hotCopy(m_db, target, overwrite); !r)
        return r; // a copy that failed is not on the trail as written
    if (m_db.isReadOnly()) {
        // A database on a read-only medium cannot take the row: the log keeps it.
        logging::get("backup")->warn("copy of a read-only database written to {}: not on its trail",
                                     QDir::toNativeSeparators(target).toStdString());
        return {};
    }
    return inTransaction(m_db, [&]() -> Status {
        ChangeSet c;
        c.set(QStringLiteral("file"), QDir::toNativeSeparators(target));
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Database, QString(), AuditAction::Export, c);
    });
}

namespace {

// The issued documents and payments of a database, by a key that names them.
Result<QMap<QString, QString>> legalRecords(Database& db)
{
    QMap<QString, QString> out; // key → French line
    SqlQuery invoices(db);
    ETABLI_TRY(
        invoices.exec(QStringLiteral("SELECT number, kind, issue_date, customer_name, total_incl_cents FROM "
                                     "invoice WHERE status = 'issued'")));
    const QLocale fr(QLocale::French, QLocale::France);
    while (invoices.next()) {
        const QString number = invoices.value(0).toString();
        const bool credit = fromCode<InvoiceKind>(invoices.value(1).toString()) == InvoiceKind::Credit;
        out.insert(QStringLiteral("invoice:") + number,
                   (credit ? BackupService::tr("credit note %1 of %2, %3, %4")
                           : BackupService::tr("invoice %1 of %2, %3, %4"))
                       .arg(number,
                            fr.toString(QDate::fromString(invoices.value(2).toString(), Qt::ISODate),
                                        QStringLiteral("dd/MM/yyyy")),
                            invoices.value(3).toString(),
                            Money::fromCents(invoices.value(4).toLongLong()).format()));
    }
    SqlQuery receipts(db);
    ETABLI_TRY(receipts.exec(QStringLiteral("SELECT number, issue_date, donor_name FROM tax_receipt")));
    while (receipts.next())
        out.insert(QStringLiteral("receipt:") + receipts.value(0).toString(),
                   BackupService::tr("tax receipt %1 of %2, %3")
                       .arg(receipts.value(0).toString(),
                            fr.toString(QDate::fromString(receipts.value(1).toString(), Qt::ISODate),
                                        QStringLiteral("dd/MM/yyyy")),
                            receipts.value(2).toString()));
    SqlQuery payments(db);
    ETABLI_TRY(
        payments.exec(QStringLiteral("SELECT p.hash, p.day, p.amount_cents, i.number FROM payment p JOIN "
                                     "invoice i ON i.id = p.invoice_id")));
    while (payments.next())
        out.insert(QStringLiteral("payment:") + payments.value(0).toString(),
                   BackupService::tr("payment of %1 on %2 for %3")
                       .arg(Money::fromCents(payments.value(2).toLongLong()).format(),
                            fr.toString(QDate::fromString(payments.value(1).toString(), Qt::ISODate),
                                        QStringLiteral("dd/MM/yyyy")),
                            payments.value(3).toString()));
    return out;
}

// The series whose numbers are printed on documents: never reused.
const QStringList kNumberedSeries = {QStringLiteral("F"), QStringLiteral("A"), QStringLiteral("R"),
                                     QStringLiteral("D"), QStringLiteral("BT")};

} // namespace

Result<BackupService::RestorePlan> BackupService::planRestore(const QString& backupPath) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::BackupRestore));
    ETABLI_TRY(Backup::verify(backupPath));
    auto copy = Database::open(DatabaseLocation::sqlite(backupPath), Database::OpenMode::ReadOnly);
    if (!copy)
        return std::unexpected(copy.error());
    auto now = legalRecords(m_db);
    if (!now)
        return std::unexpected(now.error());
    auto then = legalRecords(**copy);
    if (!then)
        return std::unexpected(then.error());
    RestorePlan plan;
    plan.backupPath = backupPath;
    for (auto it = now->cbegin(); it != now->cend(); ++it)
        if (!then->contains(it.key()))
            plan.missing << it.value();
    SqlQuery counters(m_db);
    ETABLI_TRY(counters.exec(QStringLiteral("SELECT series, year, last_number FROM document_counter")));
    while (counters.next())
        plan.counters.append(
            {counters.value(0).toString(), counters.value(1).toInt(), counters.value(2).toLongLong()});
    plan.word = tr("RESTORE");
    return plan;
}

Result<QString> BackupService::restore(const UserContext& actor, const QString& dbPath,
                                       const RestorePlan& plan, const QString& typedWord,
                                       const QDateTime& nowUtc)
{
    ETABLI_TRY(AccessControl::require(actor, permission::BackupRestore));
    if (plan.needsConfirmation() && typedWord.trimmed().compare(plan.word, Qt::CaseInsensitive) != 0)
        return fail(
            Error::Code::InvalidInput,
            tr("The copy lacks %n issued document(s) or payment(s): nothing was restored. To restore it all "
               "the same, type the word %1.",
               nullptr, static_cast<int>(plan.missing.size()))
                .arg(plan.word));
    return Backup::restore(dbPath, plan.backupPath, nowUtc);
}

Status BackupService::afterRestore(const RestorePlan& plan, const QString& keptAside)
{
    return inTransaction(m_db, [&]() -> Status {
        for (const Counter& c : plan.counters) {
            if (!kNumberedSeries.contains(c.series))
                continue;
            SqlQuery restored(m_db);
            if (auto r = restored.prepare(QStringLiteral(
                    "SELECT last_number FROM document_counter WHERE series = :series AND year = :year"));
                !r)
                return r;
            restored.bind(QStringLiteral("series"), c.series).bind(QStringLiteral("year"), c.year);
            auto value = restored.execScalar();
            if (!value)
                return std::unexpected(value.error());
            const qint64 here = value->isNull() ? 0 : value->toLongLong();
            if (here >= c.last)
                continue;
            SqlQuery raise(m_db);
            if (auto r = raise.prepare(
                    QStringLiteral("INSERT INTO document_counter (series, year, last_number) VALUES "
                                   "(:series, :year, :last) ON "
                                   "CONFLICT (series, year) DO UPDATE SET last_number = :last2"));
                !r)
                return r;
            raise.bind(QStringLiteral("series"), c.series)
                .bind(QStringLiteral("year"), c.year)
                .bind(QStringLiteral("last"), c.last)
                .bind(QStringLiteral("last2"), c.last);
            if (auto r = raise.exec(); !r)
                return r;
            SqlQuery gap(m_db);
            if (auto r = gap.prepare(QStringLiteral(
                    "INSERT INTO numbering_gap (series, year, first_number, last_number, reason, "
                    "recorded_at, "
                    "recorded_by) VALUES (:series, :year, :first, :last, :reason, :now, :by)"));
                !r)
                return r;
            gap.bind(QStringLiteral("series"), c.series)
                .bind(QStringLiteral("year"), c.year)
                .bind(QStringLiteral("first"), here + 1)
                .bind(QStringLiteral("last"), c.last)
                .bind(QStringLiteral("reason"),
                      tr("Restore of %1; the documents are in %2")
                          .arg(QFileInfo(plan.backupPath).fileName(), QFileInfo(keptAside).fileName()))
                .bind(QStringLiteral("now"), m_clock.nowIso())
                .bind(QStringLiteral("by"), m_actor.login);
            if (auto r = gap.exec(); !r)
                return r;
        }
        // The restorer's account may postdate the copy: then the log names the login only.
        UserContext who = m_actor;
        SqlQuery known(m_db);
        if (auto r = known.prepare(
                QStringLiteral("SELECT COUNT(*) FROM app_user WHERE id = :id AND login = :login"));
            !r)
            return r;
        known.bind(QStringLiteral("id"), who.userId).bind(QStringLiteral("login"), who.login);
        auto found = known.execScalar();
        if (!found)
            return std::unexpected(found.error());
        if (found->toInt() == 0)
            who.userId = 0;
        ChangeSet c;
        c.set(QStringLiteral("copy"), QFileInfo(plan.backupPath).fileName())
            .set(QStringLiteral("kept_aside"), QFileInfo(keptAside).fileName())
            .set(QStringLiteral("missing"), static_cast<int>(plan.missing.size()));
        return AuditTrail(m_db, m_clock)
            .record(who, AuditEntity::Database, QString(), AuditAction::Restore, c);
    });
}

} // namespace etabli
