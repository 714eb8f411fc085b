#include "io/bankstatement.h"

#include "io/csv.h"
#include "io/sheetreader.h"
#include "util/text.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QXmlStreamReader>

namespace etabli::bank {

namespace {

// How far down a bank's CSV its heading row may be (the account, the
// period and the balance are written above it).
constexpr int kHeaderSearch = 20;

QByteArray digestOf(const QByteArray& bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QString joined(const QStringList& parts)
{
    QStringList kept;
    for (const QString& p : parts) {
        const QString t = p.simplified();
        if (!t.isEmpty() && !kept.contains(t))
            kept << t;
    }
    return kept.join(QLatin1Char(' '));
}

bool isEuro(const QString& currency)
{
    const QString c = currency.trimmed().toUpper();
    return c.isEmpty() || c == QLatin1String("EUR") || c == QStringLiteral("€") ||
           c == QLatin1String("EURO") || c == QLatin1String("EUROS");
}

// Numbers the lines, takes the file's digest, and the period: the one the
// file says when it covers every line, else the first and last days.
Status finish(StatementFile& file, const QByteArray& bytes)
{
    if (file.lines.isEmpty())
        return fail(Error::Code::InvalidInput,
                    Messages::tr("The statement holds no movement: nothing to import."));
    QDate first;
    QDate last;
    for (qsizetype i = 0; i < file.lines.size(); ++i) {
        BankLine& l = file.lines[i];
        l.position = static_cast<int>(i) + 1;
        if (!first.isValid() || l.day < first)
            first = l.day;
        if (!last.isValid() || l.day > last)
            last = l.day;
    }
    if (!file.from.isValid() || file.from > first)
        file.from = first;
    if (!file.to.isValid() || file.to < last)
        file.to = last;
    file.digest = digestOf(bytes);
    return {};
}

// OFX days: YYYYMMDD, then optionally the time and the zone.
QDate ofxDay(const QString& text)
{
    return QDate::fromString(text.trimmed().left(8), QStringLiteral("yyyyMMdd"));
}

QString unescapeSgml(QString text)
{
    text.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&apos;"), QLatin1String("'"))
        .replace(QLatin1String("&nbsp;"), QLatin1String(" "))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return text;
}

// A day as a bank's CSV writes it.
QDate csvDay(const QString& text)
{
    const QString t = text.trimmed().left(10);
    for (const char* format : {"dd/MM/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy", "d/M/yyyy"}) {
        const QDate d = QDate::fromString(t, QLatin1String(format));
        if (d.isValid())
            return d;
    }
    const QDate shortYear = QDate::fromString(t.left(8), QStringLiteral("dd/MM/yy"));
    if (shortYear.isValid())
        return shortYear.addYears(shortYear.year() < 2000 ? 100 : 0);
    return {};
}

qsizetype columnOf(const QStringList& header, const QString& name)
{
    if (name.isEmpty())
        return -1;
    const QString key = text::fold(name);
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (text::fold(header.at(i)) == key)
            return i;
    }
    return -1;
}

struct Rows
{
    QList<QStringList> rows;
    QList<int> lines;
};

Result<Rows> csvRows(const QByteArray& bytes)
{
    auto table = sheet::read(bytes);
    if (!table)
        return std::unexpected(table.error());
    Rows out;
    out.rows << table->header;
    out.lines << (table->lines.isEmpty() ? 1 : std::max(1, table->lines.first() - 1));
    out.rows += table->rows;
    out.lines += table->lines;
    return out;
}

} // namespace

bool CsvLayout::isComplete() const
{
    return !date.isEmpty() && !label.isEmpty() &&
           (!amount.isEmpty() || !credit.isEmpty() || !debit.isEmpty());
}

QString CsvLayout::signatureOf(const QStringList& header)
{
    QStringList folded;
    for (const QString& h : header)
        folded << text::fold(h);
    while (!folded.isEmpty() && folded.last().isEmpty())
        folded.removeLast();
    return folded.join(QLatin1Char(';'));
}

QString CsvLayout::signature() const
{
    return signatureOf(header);
}

QByteArray CsvLayout::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("header"), QJsonArray::fromStringList(header));
    o.insert(QStringLiteral("date"), date);
    o.insert(QStringLiteral("label"), QJsonArray::fromStringList(label));
    o.insert(QStringLiteral("party"), party);
    o.insert(QStringLiteral("amount"), amount);
    o.insert(QStringLiteral("credit"), credit);
    o.insert(QStringLiteral("debit"), debit);
    o.insert(QStringLiteral("reference"), reference);
    o.insert(QStringLiteral("currency"), currency);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<CsvLayout> CsvLayout::fromJson(const QByteArray& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    const auto list = [&o](const char* key) {
        QStringList out;
        for (const QJsonValue& v : o.value(QLatin1String(key)).toArray())
            out << v.toString();
        return out;
    };
    const auto one = [&o](const char* key) { return o.value(QLatin1String(key)).toString(); };
    CsvLayout l;
    l.header = list("header");
    l.date = one("date");
    l.label = list("label");
    l.party = one("party");
    l.amount = one("amount");
    l.credit = one("credit");
    l.debit = one("debit");
    l.reference = one("reference");
    l.currency = one("currency");
    return l;
}

CsvLayout CsvLayout::guess(const QStringList& header)
{
    CsvLayout l;
    l.header = header;
    const auto has = [](const QString& key, std::initializer_list<const char*> words) {
        for (const char* w : words) {
            if (key.contains(QLatin1String(w)))
                return true;
        }
        return false;
    };
    for (const QString& h : header) {
        // "Montant (EUR)", "Débit euros", "Libellé opération": the words, not the punctuation.
        QString key = text::fold(h);
        key.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral(" "));
        key = key.trimmed();
        if (key.isEmpty())
            continue;
        if (has(key, {"valeur"}) && !key.startsWith(QLatin1String("date operation")))
            continue; // the value day, not the booking day; "valeur" is never the amount either
        if (key.startsWith(QLatin1String("date"))) {
            if (l.date.isEmpty())
                l.date = h;
        } else if (has(key, {"libelle", "detail", "intitule", "information", "motif", "communication"})) {
            l.label << h;
        } else if (has(key, {"tiers", "beneficiaire", "emetteur", "donneur", "contrepartie"})) {
            l.party = h;
        } else if (key.startsWith(QLatin1String("credit"))) {
            l.credit = h;
        } else if (key.startsWith(QLatin1String("debit"))) {
            l.debit = h;
        } else if (key.startsWith(QLatin1String("montant")) || key == QLatin1String("somme")) {
            if (l.amount.isEmpty())
                l.amount = h;
        } else if (has(key, {"devise", "monnaie"})) {
            l.currency = h;
        } else if (has(key, {"reference", "numero d operation", "n operation", "id operation"})) {
            l.reference = h;
        }
    }
    // Either one signed column or the two of credit and debit.
    if (!l.credit.isEmpty() || !l.debit.isEmpty())
        l.amount.clear();
    return l;
}

std::optional<Money> parseAmount(const QString& text)
{
    QString t = text.trimmed();
    if (t.isEmpty())
        return std::nullopt;
    auto m = Money::parse(t);
    if (!m)
        return std::nullopt;
    return *m;
}

std::optional<StatementFormat> detect(const QByteArray& bytes)
{
    QByteArray head = bytes.left(4096);
    if (head.startsWith("\xEF\xBB\xBF"))
        head.remove(0, 3);
    const QByteArray upper = head.toUpper();
    if (upper.trimmed().startsWith("OFXHEADER") || upper.contains("<OFX>") || upper.contains("<?OFX"))
        return StatementFormat::Ofx;
    if (head.contains("BkToCstmrStmt") || head.contains("camt.053") || head.contains("BkToCstmrAcctRpt") ||
        head.contains("BkToCstmrDbtCdtNtfctn"))
        return StatementFormat::Camt053;
    if (head.trimmed().startsWith("<"))
        return std::nullopt; // some other XML or HTML page
    if (bytes.startsWith("PK\x03\x04") || head.contains(';') || head.contains(',') || head.contains('\t'))
        return StatementFormat::Csv;
    return std::nullopt;
}

Result<StatementFile> readOfx(const QByteArray& bytes)
{
    QString encoding;
    auto decoded = csv::decodeText(bytes, &encoding);
    if (!decoded)
        return std::unexpected(decoded.error());
    const QString& s = *decoded;
    StatementFile file;
    file.format = StatementFormat::Ofx;
    bool statement = false;
    bool inTransaction = false;
    bool inCurrency = false;
    QHash<QString, QString> fields;
    QString currency;
    int transactions = 0;
    qsizetype at = s.indexOf(QLatin1String("<OFX"), 0, Qt::CaseInsensitive);
    if (at < 0)
        return fail(Error::Code::InvalidInput,
                    Messages::tr("This is not an OFX file: it has no <OFX> element."));
    const auto refuse = [&transactions](const QString& why) {
        return fail(
            Error::Code::InvalidInput,
            Messages::tr("Movement %1 of the OFX file: %2 Nothing was imported.").arg(transactions).arg(why));
    };
    while (at >= 0 && at < s.size()) {
        const qsizetype close = s.indexOf(QLatin1Char('>'), at);
        if (close < 0)
            break;
        const QString tag = s.mid(at + 1, close - at - 1).trimmed().toUpper();
        qsizetype next = s.indexOf(QLatin1Char('<'), close + 1);
        const QString value =
            unescapeSgml(s.mid(close + 1, (next < 0 ? s.size() : next) - close - 1).trimmed());
        at = next;
        if (tag == QLatin1String("STMTRS") || tag == QLatin1String("CCSTMTRS")) {
            statement = true;
        } else if (tag == QLatin1String("CURDEF")) {
            currency = value;
        } else if (tag == QLatin1String("ACCTID") && file.account.isEmpty()) {
            file.account = value;
        } else if (tag == QLatin1String("DTSTART") && !inTransaction) {
            file.from = ofxDay(value);
        } else if (tag == QLatin1String("DTEND") && !inTransaction) {
            file.to = ofxDay(value);
        } else if (tag == QLatin1String("STMTTRN")) {
            inTransaction = true;
            ++transactions;
            fields.clear();
        } else if (tag == QLatin1String("CURRENCY") && inTransaction) {
            inCurrency = true;
        } else if (tag == QLatin1String("/CURRENCY")) {
            inCurrency = false;
        } else if (tag == QLatin1String("CURSYM") && inCurrency && !isEuro(value)) {
            return refuse(Messages::tr("it is in %1; Établi keeps accounts in euros only.").arg(value));
        } else if (tag == QLatin1String("/STMTTRN")) {
            inTransaction = false;
            BankLine l;
            l.day = ofxDay(fields.value(QStringLiteral("DTPOSTED")));
            if (!l.day.isValid())
                return refuse(Messages::tr("its day “%1” cannot be read.")
                                  .arg(fields.value(QStringLiteral("DTPOSTED"))));
            const auto amount = parseAmount(fields.value(QStringLiteral("TRNAMT")));
            if (!amount || amount->isZero())
                return refuse(Messages::tr("its amount “%1” cannot be read.")
                                  .arg(fields.value(QStringLiteral("TRNAMT"))));
            l.amount = *amount;
            l.label = joined({fields.value(QStringLiteral("NAME")), fields.value(QStringLiteral("MEMO"))});
            l.reference = fields.value(QStringLiteral("FITID")).trimmed();
            file.lines << l;
        } else if (inTransaction && !tag.startsWith(QLatin1Char('/')) && !fields.contains(tag)) {
            fields.insert(tag, value);
        }
    }
    if (!statement)
        return fail(Error::Code::InvalidInput,
                    Messages::tr("This OFX file holds no bank statement (no STMTRS element): download the "
                                 "account's statement again."));
    if (!isEuro(currency))
        return fail(Error::Code::InvalidInput,
                    Messages::tr("This statement is in %1; Établi keeps accounts in euros only. Nothing was "
                                 "imported.")
                        .arg(currency));
    ETABLI_TRY(finish(file, bytes));
    return file;
}

Result<StatementFile> readCamt053(const QByteArray& bytes)
{
    QXmlStreamReader xml(bytes);
    StatementFile file;
    file.format = StatementFormat::Camt053;
    QStringList path;
    bool kindChecked = false;
    bool inEntry = false;
    int entries = 0;
    BankLine line;
    QString status;
    QString direction;
    QString entryRef;
    QStringList remittance;
    QString extra;
    QString debtor;
    QString creditor;
    QDate valueDay;
    const auto refuse = [&entries](const QString& why) {
        return fail(
            Error::Code::InvalidInput,
            Messages::tr("Entry %1 of the statement: %2 Nothing was imported.").arg(entries).arg(why));
    };
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = xml.name().toString();
            path << name;
            if (path.size() == 2 && !kindChecked) {
                kindChecked = true;
                if (name == QLatin1String("BkToCstmrAcctRpt") ||
                    name == QLatin1String("BkToCstmrDbtCdtNtfctn"))
                    return fail(
                        Error::Code::InvalidInput,
                        Messages::tr("This file is an intraday report or a notice (camt.052 or camt.054), "
                                     "not an account statement: ask the bank for the camt.053 statement."));
                if (name != QLatin1String("BkToCstmrStmt"))
                    return fail(Error::Code::InvalidInput,
                                Messages::tr("This XML file is not a CAMT.053 bank statement."));
            }
            const QString p = path.join(QLatin1Char('/'));
            if (name == QLatin1String("Ntry")) {
                inEntry = true;
                ++entries;
                line = BankLine();
                status.clear();
                direction.clear();
                entryRef.clear();
                remittance.clear();
                extra.clear();
                debtor.clear();
                creditor.clear();
                valueDay = QDate();
                continue;
            }
            if (!inEntry) {
                if (p.endsWith(QLatin1String("/Stmt/Acct/Id/IBAN")) ||
                    (p.endsWith(QLatin1String("/Stmt/Acct/Id/Othr/Id")) && file.account.isEmpty())) {
                    file.account = xml.readElementText().trimmed();
                    path.removeLast();
                } else if (p.endsWith(QLatin1String("/Stmt/Acct/Ccy"))) {
                    const QString ccy = xml.readElementText();
                    path.removeLast();
                    if (!isEuro(ccy))
                        return fail(
                            Error::Code::InvalidInput,
                            Messages::tr("This statement is in %1; Établi keeps accounts in euros only. "
                                         "Nothing was imported.")
                                .arg(ccy));
                } else if (p.endsWith(QLatin1String("/Stmt/FrToDt/FrDtTm"))) {
                    file.from = QDate::fromString(xml.readElementText().left(10), Qt::ISODate);
                    path.removeLast();
                } else if (p.endsWith(QLatin1String("/Stmt/FrToDt/ToDtTm"))) {
                    file.to = QDate::fromString(xml.readElementText().left(10), Qt::ISODate);
                    path.removeLast();
                }
                continue;
            }
            const auto text = [&xml, &path]() {
                const QString t = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
                path.removeLast();
                return t;
            };
            if (p.endsWith(QLatin1String("/Ntry/Amt"))) {
                const QString ccy = xml.attributes().value(QLatin1String("Ccy")).toString();
                const QString amount = text();
                if (!isEuro(ccy))
                    return refuse(Messages::tr("it is in %1; Établi keeps accounts in euros only.").arg(ccy));
                const auto m = parseAmount(amount);
                if (!m || m->isNegative() || m->isZero())
                    return refuse(Messages::tr("its amount “%1” cannot be read.").arg(amount));
                line.amount = *m;
            } else if (p.endsWith(QLatin1String("/Ntry/CdtDbtInd"))) {
                direction = text();
            } else if (p.endsWith(QLatin1String("/Ntry/Sts")) || p.endsWith(QLatin1String("/Ntry/Sts/Cd"))) {
                status = text();
            } else if (p.endsWith(QLatin1String("/Ntry/BookgDt/Dt")) ||
                       p.endsWith(QLatin1String("/Ntry/BookgDt/DtTm"))) {
                line.day = QDate::fromString(text().left(10), Qt::ISODate);
            } else if (p.endsWith(QLatin1String("/Ntry/ValDt/Dt")) ||
                       p.endsWith(QLatin1String("/Ntry/ValDt/DtTm"))) {
                valueDay = QDate::fromString(text().left(10), Qt::ISODate);
            } else if (p.endsWith(QLatin1String("/Ntry/AcctSvcrRef"))) {
                line.reference = text();
            } else if (p.endsWith(QLatin1String("/Ntry/NtryRef"))) {
                entryRef = text();
            } else if (p.endsWith(QLatin1String("/Ntry/AddtlNtryInf"))) {
                extra = text();
            } else if (p.endsWith(QLatin1String("/RmtInf/Ustrd")) ||
                       p.endsWith(QLatin1String("/CdtrRefInf/Ref"))) {
                remittance << text();
            } else if (p.contains(QLatin1String("/RltdPties/Dbtr/")) && p.endsWith(QLatin1String("/Nm"))) {
                const QString n = text();
                if (debtor.isEmpty())
                    debtor = n;
            } else if (p.contains(QLatin1String("/RltdPties/Cdtr/")) && p.endsWith(QLatin1String("/Nm"))) {
                const QString n = text();
                if (creditor.isEmpty())
                    creditor = n;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            const QString name = xml.name().toString();
            if (!path.isEmpty())
                path.removeLast();
            if (name == QLatin1String("Ntry") && inEntry) {
                inEntry = false;
                // Pending or informative entries are not on the account yet.
                const QString st = status.toUpper();
                if (!st.isEmpty() && st != QLatin1String("BOOK"))
                    continue;
                if (!line.day.isValid())
                    line.day = valueDay;
                if (!line.day.isValid())
                    return refuse(Messages::tr("it has no booking day."));
                if (line.amount.isZero())
                    return refuse(Messages::tr("it has no amount."));
                if (direction == QLatin1String("DBIT"))
                    line.amount = -line.amount;
                else if (direction != QLatin1String("CRDT"))
                    return refuse(Messages::tr("it says neither credit nor debit (CdtDbtInd)."));
                line.party = line.amount.isNegative() ? creditor : debtor;
                line.label = joined({line.party, remittance.join(QLatin1Char(' ')), extra});
                if (line.reference.isEmpty())
                    line.reference = entryRef;
                file.lines << line;
            }
        }
    }
    if (xml.hasError())
        return fail(Error::Code::InvalidInput,
                    Messages::tr("The XML file is damaged (line %1): %2. Download the statement again.")
                        .arg(xml.lineNumber())
                        .arg(xml.errorString()));
    if (!kindChecked)
        return fail(Error::Code::InvalidInput,
                    Messages::tr("This XML file is not a CAMT.053 bank statement."));
    ETABLI_TRY(finish(file, bytes));
    return file;
}

Result<CsvColumns> csvColumns(const QByteArray& bytes)
{
    auto rows = csvRows(bytes);
    if (!rows)
        return std::unexpected(rows.error());
    // The first row that reads as headings (a layout guessed complete); else
    // the first with at least three cells none of which is a day or an amount.
    const qsizetype n = std::min<qsizetype>(rows->rows.size(), kHeaderSearch);
    for (qsizetype i = 0; i < n; ++i) {
        const CsvLayout guessed = CsvLayout::guess(rows->rows.at(i));
        if (guessed.isComplete())
            return CsvColumns{rows->rows.at(i), rows->lines.at(i), guessed};
    }
    for (qsizetype i = 0; i < n; ++i) {
        const QStringList& row = rows->rows.at(i);
        int cells = 0;
        bool data = false;
        for (const QString& c : row) {
            if (c.trimmed().isEmpty())
                continue;
            ++cells;
            data = data || csvDay(c).isValid() || parseAmount(c).has_value();
        }
        if (cells >= 3 && !data)
            return CsvColumns{row, rows->lines.at(i), CsvLayout::guess(row)};
    }
    return fail(Error::Code::InvalidInput,
                Messages::tr("No row of headings was found at the top of the file: the bank's export must "
                             "name its columns (Date, Libellé, Montant…)."));
}

Result<StatementFile> readCsv(const QByteArray& bytes, const CsvLayout& layout)
{
    if (!layout.isComplete())
        return fail(
            Error::Code::InvalidInput,
            Messages::tr("Say which columns give the day, the wording and the amount (or the debit and "
                         "the credit)."));
    auto rows = csvRows(bytes);
    if (!rows)
        return std::unexpected(rows.error());
    const QString signature = layout.signature();
    qsizetype headerRow = -1;
    for (qsizetype i = 0; i < std::min<qsizetype>(rows->rows.size(), kHeaderSearch); ++i) {
        if (CsvLayout::signatureOf(rows->rows.at(i)) == signature) {
            headerRow = i;
            break;
        }
    }
    if (headerRow < 0)
        return fail(Error::Code::InvalidInput, Messages::tr("The file's columns are not those set up (%1).")
                                                   .arg(layout.header.join(QStringLiteral(", "))));
    const QStringList& header = rows->rows.at(headerRow);
    const qsizetype date = columnOf(header, layout.date);
    const qsizetype amount = columnOf(header, layout.amount);
    const qsizetype credit = columnOf(header, layout.credit);
    const qsizetype debit = columnOf(header, layout.debit);
    const qsizetype party = columnOf(header, layout.party);
    const qsizetype reference = columnOf(header, layout.reference);
    const qsizetype currency = columnOf(header, layout.currency);
    QList<qsizetype> labels;
    for (const QString& l : layout.label) {
        if (const qsizetype c = columnOf(header, l); c >= 0)
            labels << c;
    }
    if (date < 0 || labels.isEmpty() || (amount < 0 && credit < 0 && debit < 0))
        return fail(Error::Code::InvalidInput, Messages::tr("The file's columns are not those set up (%1).")
                                                   .arg(layout.header.join(QStringLiteral(", "))));
    StatementFile file;
    file.format = StatementFormat::Csv;
    for (qsizetype i = headerRow + 1; i < rows->rows.size(); ++i) {
        const QStringList& row = rows->rows.at(i);
        const int lineNo = rows->lines.at(i);
        const auto cell = [&row](qsizetype c) {
            return c >= 0 && c < row.size() ? row.at(c).trimmed() : QString();
        };
        const auto refuse = [lineNo](const QString& why) {
            return fail(Error::Code::InvalidInput,
                        Messages::tr("Line %1: %2 Nothing was imported.").arg(lineNo).arg(why));
        };
        const QString dayText = cell(date);
        const QString amountText = amount >= 0 ? cell(amount) : QString();
        const QString creditText = cell(credit);
        const QString debitText = cell(debit);
        BankLine l;
        l.day = csvDay(dayText);
        const bool noAmount = amountText.isEmpty() && creditText.isEmpty() && debitText.isEmpty();
        if (!l.day.isValid()) {
            if (noAmount)
                continue; // a blank or a total line under the movements ("Solde au …")
            return refuse(Messages::tr("“%1” is not a day (dd/mm/yyyy).").arg(dayText));
        }
        if (noAmount)
            return refuse(Messages::tr("the movement has no amount."));
        if (currency >= 0 && !isEuro(cell(currency)))
            return refuse(
                Messages::tr("it is in %1; Établi keeps accounts in euros only.").arg(cell(currency)));
        if (!amountText.isEmpty()) {
            const auto m = parseAmount(amountText);
            if (!m || m->isZero())
                return refuse(Messages::tr("“%1” is not an amount.").arg(amountText));
            l.amount = *m;
        } else {
            const auto c = creditText.isEmpty() ? std::optional<Money>(Money()) : parseAmount(creditText);
            const auto d = debitText.isEmpty() ? std::optional<Money>(Money()) : parseAmount(debitText);
            if (!c || !d)
                return refuse(Messages::tr("“%1” is not an amount.").arg(!c ? creditText : debitText));
            // Some banks write debits negative, some positive: a debit takes money out.
            const Money in = c->isNegative() ? -*c : *c;
            const Money out = d->isNegative() ? -*d : *d;
            l.amount = in - out;
            if (l.amount.isZero())
                return refuse(Messages::tr("the movement has no amount."));
        }
        QStringList words;
        for (const qsizetype c : std::as_const(labels))
            words << cell(c);
        l.party = cell(party);
        l.label = joined(QStringList{l.party} + words);
        l.reference = cell(reference);
        file.lines << l;
    }
    ETABLI_TRY(finish(file, bytes));
    return file;
}

} // namespace etabli::bank
