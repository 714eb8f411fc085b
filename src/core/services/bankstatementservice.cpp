#include "services/bankstatementservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/schoolservice.h"
#include "storage/bankrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"
#include "util/text.h"

#include <QHash>

namespace etabli {

namespace {

QString compactAccount(const QString& account)
{
    QString out;
    for (const QChar c : account) {
        if (c.isLetterOrNumber())
            out += c.toUpper();
    }
    return out;
}

} // namespace

int BankStatementService::Preview::newLines() const
{
    return static_cast<int>(known.count(false));
}

int BankStatementService::Preview::newCredits() const
{
    int n = 0;
    for (qsizetype i = 0; i < file.lines.size(); ++i)
        n += !known.value(i) && file.lines.at(i).isCredit() ? 1 : 0;
    return n;
}

Money BankStatementService::Preview::newCreditTotal() const
{
    Money total;
    for (qsizetype i = 0; i < file.lines.size(); ++i) {
        if (!known.value(i) && file.lines.at(i).isCredit())
            total += file.lines.at(i).amount;
    }
    return total;
}

QStringList BankStatementService::lineKeys(const QList<BankLine>& lines)
{
    QStringList keys;
    QHash<QString, int> seen;
    for (const BankLine& l : lines) {
        if (!l.reference.isEmpty()) {
            keys << QStringLiteral("ref:") + l.reference;
            continue;
        }
        const QString base = QStringLiteral("%1|%2|%3")
                                 .arg(l.day.toString(Qt::ISODate))
                                 .arg(l.amount.cents())
                                 .arg(text::fold(l.label));
        const int rank = ++seen[base];
        keys << QStringLiteral("%1#%2").arg(base).arg(rank);
    }
    return keys;
}

Result<BankStatementService::Preview>
BankStatementService::prepare(const QByteArray& bytes, const QString& fileName,
                              const std::optional<bank::CsvLayout>& layout) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    const auto format = bank::detect(bytes);
    if (!format)
        return fail(
            Error::Code::InvalidInput,
            tr("This file is not a bank statement Établi can read: take the OFX, CAMT.053 (XML) or CSV "
               "export offered by the bank's website."));
    Preview p;
    p.fileName = fileName;
    BankRepository repo(m_db);
    Result<StatementFile> file = fail(Error::Code::Generic, QString());
    if (*format == StatementFormat::Ofx) {
        file = bank::readOfx(bytes);
    } else if (*format == StatementFormat::Camt053) {
        file = bank::readCamt053(bytes);
    } else {
        auto columns = bank::csvColumns(bytes);
        if (!columns)
            return std::unexpected(columns.error());
        p.columns = *columns;
        if (layout) {
            p.layout = *layout;
        } else {
            auto stored = repo.csvLayout(bank::CsvLayout::signatureOf(columns->header));
            if (!stored)
                return std::unexpected(stored.error());
            const auto remembered = *stored ? bank::CsvLayout::fromJson(**stored) : std::nullopt;
            p.layout = remembered ? *remembered : columns->guessed;
        }
        if (!p.layout.isComplete()) {
            p.needsLayout = true;
            return p;
        }
        file = bank::readCsv(bytes, p.layout);
    }
    if (!file)
        return std::unexpected(file.error());
    p.file = std::move(*file);
    auto known = repo.knownKeys(p.file.account, p.file.from, p.file.to);
    if (!known)
        return std::unexpected(known.error());
    for (const QString& key : lineKeys(p.file.lines))
        p.known << known->contains(key);
    auto school = SchoolService(m_db, m_clock, m_actor).identity();
    if (school && !school->iban.isEmpty() && !p.file.account.isEmpty()) {
        const QString ours = compactAccount(school->iban);
        const QString theirs = compactAccount(p.file.account);
        if (!ours.contains(theirs) && !theirs.contains(ours))
            p.accountWarning = tr("This statement is the one of account %1; the school's settings give the "
                                  "account %2. Check that it is the school's account.")
                                   .arg(p.file.account, school->ibanGrouped());
    }
    return p;
}

Result<qint64> BankStatementService::import(const Preview& preview)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    if (preview.needsLayout)
        return fail(
            Error::Code::InvalidInput,
            tr("Say which columns give the day, the wording and the amount (or the debit and the credit)."));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        BankRepository repo(m_db);
        auto twin = repo.statementByDigest(preview.file.digest);
        if (!twin)
            return std::unexpected(twin.error());
        if (*twin)
            return fail(
                Error::Code::Conflict,
                tr("This statement was imported already, on %1 by %2 (statement no. %3): nothing was "
                   "added.")
                    .arg(text::frenchDate(QDate::fromString((*twin)->importedAt.left(10), Qt::ISODate)),
                         (*twin)->importedBy)
                    .arg((*twin)->id));
        // Read again in the transaction: another computer may have imported
        // an overlapping statement since the preview.
        auto known = repo.knownKeys(preview.file.account, preview.file.from, preview.file.to);
        if (!known)
            return std::unexpected(known.error());
        const QStringList keys = lineKeys(preview.file.lines);
        StatementFile fresh = preview.file;
        fresh.lines.clear();
        QStringList freshKeys;
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (known->contains(keys.at(i)))
                continue;
            BankLine l = preview.file.lines.at(i);
            l.position = static_cast<int>(fresh.lines.size()) + 1;
            fresh.lines << l;
            freshKeys << keys.at(i);
        }
        if (fresh.lines.isEmpty())
            return fail(Error::Code::Conflict,
                        tr("Every movement of this statement was imported already (from another statement of "
                           "the same days): nothing was added."));
        auto id = repo.insert(fresh, freshKeys, preview.fileName, m_actor.login, m_clock.nowIso());
        if (!id)
            return id;
        if (fresh.format == StatementFormat::Csv)
            ETABLI_TRY(
                repo.saveCsvLayout(preview.layout.signature(), preview.layout.toJson(), m_clock.nowIso()));
        ChangeSet c;
        c.set(QStringLiteral("format"), codeOf(fresh.format))
            .set(QStringLiteral("first_day"), fresh.from.toString(Qt::ISODate))
            .set(QStringLiteral("last_day"), fresh.to.toString(Qt::ISODate))
            .set(QStringLiteral("lines"), static_cast<qint64>(fresh.lines.size()));
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::BankStatement, QString::number(*id), AuditAction::Create, c));
        return id;
    });
}

Result<QList<BankStatement>> BankStatementService::statements() const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return BankRepository(m_db).statements();
}

Result<QList<StatementLine>> BankStatementService::lines(qint64 statementId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return BankRepository(m_db).lines(statementId);
}

} // namespace etabli
