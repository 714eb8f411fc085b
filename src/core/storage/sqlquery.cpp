#include "storage/sqlquery.h"

#include "storage/database.h"
#include "util/logging.h"

#include <QSqlDriver>
#include <QSqlField>
#include <QSqlRecord>
#include <spdlog/spdlog.h>

namespace etabli {

namespace {
SqlQuery::Trace& trace()
{
    static SqlQuery::Trace seen;
    return seen;
}
} // namespace

Error storageError(const QSqlError& error, const QString& what, const QString& sql, const Database* db)
{
    const QString code = error.nativeErrorCode();
    const QString detail =
        QStringLiteral("%1 [code %2] %3").arg(error.text(), code, sql.simplified().left(400));
    Error::Code kind = Error::Code::Storage;
    QString message;

    // SQLite extended result codes (Qt reports them by default) and
    // PostgreSQL SQLSTATEs.
    // A SQLSTATE has five characters, a SQLite code at most four digits:
    // "42501" read as a SQLite code would be SQLITE_BUSY.
    const bool sqlstate = code.size() == 5;
    const int sqliteCode = sqlstate ? -1 : code.toInt();
    const int primary = sqlstate ? -1 : sqliteCode & 0xff;
    if (code == QLatin1String("23505") || sqliteCode == 2067 || sqliteCode == 1555) {
        kind = Error::Code::Conflict;
        message = SqlQuery::tr("The database refused the change: this value already exists.");
    } else if (code == QLatin1String("23503") || sqliteCode == 787) {
        kind = Error::Code::Conflict;
        message = SqlQuery::tr("The database refused the change: the item is linked to other data.");
    } else if (code == QLatin1String("23514") || code == QLatin1String("23502") || sqliteCode == 275 ||
               sqliteCode == 1299) {
        kind = Error::Code::InvalidInput;
        message =
            SqlQuery::tr("The database refused the change: a value is missing or out of the allowed range.");
    } else if (code == QLatin1String("P0001") || sqliteCode == 1811) {
        kind = Error::Code::Conflict;
        message = SqlQuery::tr("The database refused the change (%1).").arg(error.databaseText());
    } else if (primary == 5 || primary == 6 || code == QLatin1String("55P03") ||
               code == QLatin1String("40P01") || code == QLatin1String("40001")) {
        kind = Error::Code::Busy;
        message =
            SqlQuery::tr("The database is busy with another computer or program. Try again in a moment.");
    } else if (primary == 13 || code == QLatin1String("53100") || sqliteCode == 4874 /* IOERR_SHMSIZE */) {
        // A full disk is a full disk: nothing is damaged, nothing to restore.
        kind = Error::Code::DiskFull;
        message =
            SqlQuery::tr("The disk is full: nothing was saved. Free some space on the disk that holds the "
                         "database (or move the database to another disk), then try again.");
    } else if (primary == 10) {
        kind = Error::Code::Io;
        message =
            SqlQuery::tr("The disk could not be written or read: nothing was saved. Check that the disk "
                         "or the USB key is still connected, then try again.");
    } else if (code == QLatin1String("42501")) {
        kind = Error::Code::AccessDenied;
        message =
            SqlQuery::tr("The database server refused: this account may not do that. Ask the person who "
                         "manages the server.");
    } else if (primary == 8) {
        kind = Error::Code::ReadOnly;
        message = SqlQuery::tr("The database is read-only: nothing can be saved.");
    } else if (primary == 11 || primary == 26) {
        kind = Error::Code::Corrupt;
        message = SqlQuery::tr("The database file is damaged or is not a database.");
    } else if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01") ||
               (db && db->isConnectionLost())) {
        // The driver's own words ("server closed the connection unexpectedly")
        // stay in the detail, for the log.
        kind = Error::Code::ConnectionLost;
        message = SqlQuery::tr("The connection to the database server was lost (server stopped or network "
                               "cut): what was being saved was not. Check the network, then reconnect.");
    } else {
        message = SqlQuery::tr("The database reported an error.");
    }
    logging::get("storage")->warn("{}: {}", what.toStdString(), detail.toStdString());
    if (kind == Error::Code::ConnectionLost && db)
        db->noteConnectionLost();
    return Error{kind, message, detail};
}

SqlQuery::SqlQuery(const Database& db) : m_db(db), m_query(db.connection()) {}

namespace {
// Each named placeholder of a statement, where it stands: quoted text,
// quoted identifiers, comments and PostgreSQL's "::" casts are skipped.
struct Occurrence
{
    qsizetype at;
    qsizetype length; // with its ':'
};

QList<Occurrence> scanPlaceholders(const QString& sql)
{
    QList<Occurrence> found;
    const qsizetype n = sql.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = sql.at(i);
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            const QChar quote = c;
            for (++i; i < n && sql.at(i) != quote; ++i) {
            }
            continue;
        }
        if (c == QLatin1Char('-') && i + 1 < n && sql.at(i + 1) == QLatin1Char('-')) {
            while (i < n && sql.at(i) != QLatin1Char('\n'))
                ++i;
            continue;
        }
        if (c == QLatin1Char(':')) {
            if (i + 1 < n && sql.at(i + 1) == QLatin1Char(':')) { // PostgreSQL cast
                ++i;
                continue;
            }
            qsizetype j = i + 1;
            while (j < n && (sql.at(j).isLetterOrNumber() || sql.at(j) == QLatin1Char('_')))
                ++j;
            if (j > i + 1 && !sql.at(i + 1).isDigit())
                found.append({i, j - i});
            i = j - 1;
        }
    }
    return found;
}

// A value as PostgreSQL reads it in a statement's text: what Qt's driver
// sends in its EXECUTE for a prepared statement (QPSQLDriver::formatValue:
// quotes doubled, bytea escaped by the client library, dates in ISO).
QString sqlLiteral(const QSqlDriver& driver, const QVariant& value)
{
    bool null = value.isNull();
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        null = null || value.toByteArray().isNull();
        break;
    case QMetaType::QDate:
        null = null || value.toDate().isNull();
        break;
    case QMetaType::QTime:
        null = null || value.toTime().isNull();
        break;
    case QMetaType::QDateTime:
        null = null || value.toDateTime().isNull();
        break;
    default:
        break;
    }
    QSqlField field(QString(), value.metaType());
    if (null)
        field.clear();
    else
        field.setValue(value);
    return driver.formatValue(field);
}
} // namespace

QSet<QString> SqlQuery::placeholders(const QString& sql)
{
    QSet<QString> names;
    for (const Occurrence& o : scanPlaceholders(sql))
        names.insert(sql.mid(o.at + 1, o.length - 1));
    return names;
}

Status SqlQuery::prepare(const QString& text)
{
    QString sql = text;
    m_idFromConnection = false;
    if (m_db.dialect() == Database::Dialect::SQLite) {
        static const QString returning = QStringLiteral(" RETURNING id");
        const QString trimmed = sql.trimmed();
        if (trimmed.startsWith(QLatin1String("INSERT INTO "), Qt::CaseInsensitive) &&
            trimmed.endsWith(returning, Qt::CaseInsensitive) &&
            !trimmed.contains(QLatin1String("ON CONFLICT"), Qt::CaseInsensitive)) {
            sql = trimmed.chopped(returning.size());
            m_idFromConnection = true;
        }
    }
    m_sql = sql;
    m_slots.clear();
    m_colonNames.clear();
    m_uses.clear();
    for (const Occurrence& o : scanPlaceholders(sql)) {
        const QString name = sql.mid(o.at + 1, o.length - 1);
        auto slot = m_slots.constFind(name);
        if (slot == m_slots.cend()) {
            slot = m_slots.insert(name, m_colonNames.size());
            m_colonNames << QLatin1Char(':') + name;
        }
        m_uses.append({o.at, o.length, *slot});
    }
    m_bound = QList<bool>(m_colonNames.size(), false);
    m_values = QList<QVariant>(m_colonNames.size());
    m_boundCount = 0;
    m_bindError.clear();
    m_prepareError.reset();
    m_columnsRead = false;
    m_inline = m_db.dialect() == Database::Dialect::PostgreSQL && !m_keepPrepared;
    if (m_inline) {
        m_query.finish();
        return {}; // the server reads the statement at exec()
    }
    if (!m_query.prepare(sql))
        return std::unexpected(
            storageError(m_query.lastError(), QStringLiteral("prepare a query"), sql, &m_db));
    return {};
}

void SqlQuery::clearBindings()
{
    m_query.finish();
    m_bound.fill(false);
    m_values.fill(QVariant());
    m_boundCount = 0;
    m_bindError.clear();
}

SqlQuery& StatementCache::prepare(const QString& sql)
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        auto query = std::make_unique<SqlQuery>(*m_db);
        query->m_keepPrepared = true;
        if (auto r = query->prepare(sql); !r)
            query->m_prepareError = r.error();
        found = m_statements.emplace(sql, std::move(query)).first;
    }
    found->second->clearBindings();
    return *found->second;
}

SqlQuery& SqlQuery::bind(const QString& name, const QVariant& value)
{
    const auto found =
        name.startsWith(QLatin1Char(':')) ? m_slots.constFind(name.mid(1)) : m_slots.constFind(name);
    if (found == m_slots.cend()) {
        m_bindError = QStringLiteral("unknown placeholder :%1")
                          .arg(name.startsWith(QLatin1Char(':')) ? name.mid(1) : name);
        return *this;
    }
    const qsizetype slot = *found;
    if (!m_bound.at(slot)) {
        m_bound[slot] = true;
        ++m_boundCount;
    }
    // A null QString inside a valid QVariant is an empty text, not SQL
    // NULL (the drivers would store NULL). Real NULLs are passed as a
    // QVariant without a value.
    if (!value.isNull() && value.typeId() == QMetaType::QString && value.toString().isNull())
        m_values[slot] = QString(QLatin1String(""));
    else
        m_values[slot] = value;
    if (!m_inline)
        m_query.bindValue(m_colonNames.at(slot), m_values.at(slot));
    return *this;
}

Status SqlQuery::exec()
{
    if (m_prepareError)
        return std::unexpected(*m_prepareError);
    if (!m_bindError.isEmpty())
        return fail(Error::Code::Storage, tr("Internal error: badly parameterised query."),
                    m_bindError + QStringLiteral(" in ") + m_sql);
    if (m_boundCount != m_colonNames.size()) {
        QStringList missing;
        for (qsizetype slot = 0; slot < m_colonNames.size(); ++slot) {
            if (!m_bound.at(slot))
                missing << m_colonNames.at(slot);
        }
        missing.sort();
        return fail(
            Error::Code::Storage, tr("Internal error: badly parameterised query."),
            QStringLiteral("unbound placeholders %1 in %2").arg(missing.join(QLatin1Char(',')), m_sql));
    }
    if (const Trace& seen = trace(); seen) {
        QVariantMap values;
        for (qsizetype slot = 0; slot < m_colonNames.size(); ++slot)
            values.insert(m_colonNames.at(slot).mid(1), m_values.at(slot));
        seen(m_sql, values);
    }
    m_columnsRead = false;
    if (m_inline) {
        const QSqlDriver& driver = *m_query.driver();
        QString text;
        text.reserve(m_sql.size() + 16 * m_uses.size());
        qsizetype from = 0;
        for (const Use& use : std::as_const(m_uses)) {
            text += QStringView(m_sql).sliced(from, use.at - from);
            text += sqlLiteral(driver, m_values.at(use.slot));
            from = use.at + use.length;
        }
        text += QStringView(m_sql).sliced(from);
        if (!m_query.exec(text))
            return std::unexpected(
                storageError(m_query.lastError(), QStringLiteral("read or write"), m_sql, &m_db));
        return {};
    }
    if (!m_query.exec())
        return std::unexpected(
            storageError(m_query.lastError(), QStringLiteral("read or write"), m_sql, &m_db));
    return {};
}

void SqlQuery::setTrace(Trace seen)
{
    trace() = std::move(seen);
}

QVariant SqlQuery::value(const QString& name) const
{
    if (!m_columnsRead) {
        m_columns.clear();
        const QSqlRecord record = m_query.record();
        for (int i = record.count() - 1; i >= 0; --i) // the first of a name wins, as in QSqlRecord
            m_columns.insert(record.fieldName(i), i);
        m_columnsRead = true;
    }
    const auto it = m_columns.constFind(name);
    return it == m_columns.cend() ? m_query.value(name) : m_query.value(*it);
}

Status SqlQuery::exec(const QString& sql)
{
    // Unprepared on purpose: PostgreSQL cannot PREPARE DDL or transaction
    // control. Only for statements without placeholders.
    m_sql = sql;
    if (!placeholders(sql).isEmpty())
        return fail(Error::Code::Storage, tr("Internal error: badly parameterised query."),
                    QStringLiteral("placeholders in unprepared statement: ") + sql);
    m_columnsRead = false;
    if (!m_query.exec(sql))
        return std::unexpected(
            storageError(m_query.lastError(), QStringLiteral("read or write"), sql, &m_db));
    return {};
}

QString SqlQuery::listPlaceholders(const QString& prefix, qsizetype count)
{
    QStringList names;
    for (qsizetype i = 0; i < count; ++i)
        names << QStringLiteral(":%1%2").arg(prefix).arg(i);
    return names.join(QStringLiteral(", "));
}

SqlQuery& SqlQuery::bindList(const QString& prefix, const QList<qint64>& values)
{
    for (qsizetype i = 0; i < values.size(); ++i)
        bind(QStringLiteral("%1%2").arg(prefix).arg(i), values.at(i));
    return *this;
}

Result<qint64> SqlQuery::execReturningId()
{
    ETABLI_TRY(exec());
    if (m_idFromConnection) {
        const QVariant id = m_query.lastInsertId();
        if (!id.isValid() || m_query.numRowsAffected() != 1)
            return fail(Error::Code::Storage, tr("Internal error: no id returned."), m_sql);
        return id.toLongLong();
    }
    if (!m_query.next())
        return fail(Error::Code::Storage, tr("Internal error: no id returned."), m_sql);
    const qint64 id = m_query.value(0).toLongLong();
    m_query.finish();
    return id;
}

Result<QVariant> SqlQuery::execScalar()
{
    ETABLI_TRY(exec());
    QVariant v;
    if (m_query.next())
        v = m_query.value(0);
    m_query.finish();
    return v;
}

} // namespace etabli
