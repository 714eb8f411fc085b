#include "storage/databasecopy.h"

#include "storage/batchinsert.h"
#include "storage/database.h"
#include "storage/databasecheck.h"
#include "storage/databaselocation.h"
#include "storage/metarepository.h"
#include "storage/sqlquery.h"
#include "storage/transaction.h"
#include "util/logging.h"

#include <algorithm>
#include <limits>
#include <map>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <spdlog/spdlog.h>

namespace etabli {

namespace {

// etabli_meta's key of the mark a move onto a server leaves in the file.
QString movedToKey()
{
    return QStringLiteral("moved_to");
}

using Dialect = Database::Dialect;

// The lists' search tables (schema 26): an FTS5 table on SQLite, a plain
// table on PostgreSQL; rebuilt on the target rather than copied.
const QStringList& searchTables()
{
    static const QStringList all = {QStringLiteral("invoice_search"), QStringLiteral("quote_search"),
                                    QStringLiteral("work_order_search"), QStringLiteral("contact_search"),
                                    QStringLiteral("production_search")};
    return all;
}

std::unexpected<Error> ownerNeeded(const QString& detail)
{
    return fail(
        Error::Code::AccessDenied,
        DatabaseCopy::tr("Copy into the server as the role that owns its tables (the owner printed by "
                         "etabli-cli server init), not as the PCs' daily role. Nothing was changed."),
        detail);
}

bool isSearchTable(const QString& table)
{
    for (const QString& s : searchTables())
        if (table == s || table.startsWith(s + QLatin1Char('_'))) // FTS5's own tables
            return true;
    return false;
}

// Names read from the schema are put in statements: only plain identifiers.
bool isPlainName(const QString& name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    return plain.match(name).hasMatch();
}

enum class ValueKind
{
    Integer,
    Text,
    Blob
};

struct Column
{
    QString name;
    ValueKind kind = ValueKind::Text;
};

Result<QStringList> baseTables(Database& db)
{
    SqlQuery q(db);
    ETABLI_TRY(
        q.exec(db.dialect() == Dialect::SQLite
                   ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT "
                                    "LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
                   : QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema "
                                    "= current_schema() AND table_type = 'BASE TABLE' ORDER BY 1")));
    QStringList out;
    while (q.next()) {
        const QString name = q.value(0).toString();
        if (!isSearchTable(name) && isPlainName(name))
            out << name;
    }
    return out;
}

Result<QList<Column>> columnsOf(Database& db, const QString& table)
{
    SqlQuery q(db);
    if (db.dialect() == Dialect::SQLite) {
        ETABLI_TRY(q.exec(
            QStringLiteral("SELECT name, upper(type) FROM pragma_table_info('%1') ORDER BY cid").arg(table)));
    } else {
        ETABLI_TRY(q.prepare(QStringLiteral("SELECT column_name, data_type FROM information_schema.columns "
                                            "WHERE table_schema = current_schema() AND table_name = :t "
                                            "ORDER BY ordinal_position")));
        q.bind(QStringLiteral("t"), table);
        ETABLI_TRY(q.exec());
    }
    QList<Column> out;
    while (q.next()) {
        const QString type = q.value(1).toString().toUpper();
        Column c{q.value(0).toString(), ValueKind::Text};
        if (type.contains(QLatin1String("INT")))
            c.kind = ValueKind::Integer;
        else if (type == QLatin1String("BLOB") || type == QLatin1String("BYTEA"))
            c.kind = ValueKind::Blob;
        if (!isPlainName(c.name))
            return fail(Error::Code::Storage,
                        DatabaseCopy::tr("The database holds a column Établi does not know."),
                        table + QLatin1Char('.') + c.name);
        out << c;
    }
    return out;
}

// (table, table it refers to) for every foreign key.
Result<QList<std::pair<QString, QString>>> references(Database& db)
{
    SqlQuery q(db);
    ETABLI_TRY(q.exec(db.dialect() == Dialect::SQLite
                          ? QStringLiteral("SELECT m.name, p.\"table\" FROM sqlite_master m JOIN "
                                           "pragma_foreign_key_list(m.name) p WHERE m.type = 'table'")
                          : QStringLiteral("SELECT c.conrelid::regclass::text, c.confrelid::regclass::text "
                                           "FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = "
                                           "current_schema()::regnamespace")));
    QList<std::pair<QString, QString>> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

// The value as the target's column stores it.
QVariant asStored(const QVariant& value, ValueKind kind)
{
    switch (kind) {
    case ValueKind::Integer:
        return value.isNull() ? QVariant(QMetaType::fromType<qlonglong>()) : QVariant(value.toLongLong());
    case ValueKind::Blob:
        return value.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(value.toByteArray());
    case ValueKind::Text:
        break;
    }
    return value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value.toString());
}

Result<qint64> countRows(Database& db, const QString& table)
{
    SqlQuery q(db);
    ETABLI_TRY(q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)));
    return q.next() ? q.value(0).toLongLong() : 0;
}

// The triggers are set aside while the rows go in (SQLite cannot switch one
// off: they are dropped and made again, in the same transaction).
class TriggersOff
{
public:
    explicit TriggersOff(Database& db) : m_db(db) {}

    Status begin(const QStringList& tables)
    {
        if (m_db.dialect() == Dialect::PostgreSQL) {
            for (const QString& t : tables) {
                SqlQuery q(m_db);
                ETABLI_TRY(q.exec(QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER").arg(t)));
            }
            m_tables = tables;
            return {};
        }
        SqlQuery q(m_db);
        ETABLI_TRY(q.exec(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")));
        while (q.next())
            m_triggers.append({q.value(0).toString(), q.value(1).toString()});
        q.finish();
        for (const auto& [name, sql] : std::as_const(m_triggers)) {
            SqlQuery drop(m_db);
            ETABLI_TRY(drop.exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(name)));
        }
        return {};
    }

    Status end()
    {
        for (const QString& t : std::as_const(m_tables)) {
            SqlQuery q(m_db);
            ETABLI_TRY(q.exec(QStringLiteral("ALTER TABLE %1 ENABLE TRIGGER USER").arg(t)));
        }
        for (const auto& [name, sql] : std::as_const(m_triggers)) {
            SqlQuery q(m_db);
            ETABLI_TRY(q.exec(sql));
        }
        return {};
    }

private:
    Database& m_db;
    QStringList m_tables;
    QList<std::pair<QString, QString>> m_triggers;
};

// The search tables filled again from the rows, as schema 26 first filled
// them (resources/migrations/0026_search.sql; its triggers keep them since).
Status rebuildSearch(Database& db)
{
    const bool pg = db.dialect() == Dialect::PostgreSQL;
    const QString id = pg ? QStringLiteral("id") : QStringLiteral("rowid");
    const QList<std::pair<QString, QString>> fills = {
        {QStringLiteral("invoice_search"),
         QStringLiteral("SELECT i.id, lower(COALESCE(i.number, '')) || ' ' || c.name_key FROM invoice i JOIN "
                        "contact c ON c.id = i.contact_id")},
        {QStringLiteral("quote_search"),
         QStringLiteral("SELECT q.id, lower(q.number) || ' ' || c.name_key FROM "
                        "quote q JOIN contact c ON c.id = q.contact_id")},
        {QStringLiteral("work_order_search"),
         QStringLiteral(
             "SELECT o.id, lower(o.number) || ' ' || c.name_key FROM work_order o JOIN contact c ON "
             "c.id = o.contact_id")},
        {QStringLiteral("contact_search"),
         QStringLiteral("SELECT id, name_key || ' ' || city_key || ' ' || postcode FROM contact")},
        {QStringLiteral("production_search"),
         QStringLiteral("SELECT id, lower(reference) FROM production_entry")},
    };
    for (const auto& [table, select] : fills) {
        SqlQuery clear(db);
        ETABLI_TRY(clear.exec(QStringLiteral("DELETE FROM %1").arg(table)));
        SqlQuery fill(db);
        ETABLI_TRY(fill.exec(QStringLiteral("INSERT INTO %1 (%2, key) %3").arg(table, id, select)));
    }
    return {};
}

// Parents first: a table comes after every table it refers to (a table's
// references to itself are met by copying its rows in id order).
QStringList dependencyOrder(const QStringList& tables, const QList<std::pair<QString, QString>>& refs)
{
    std::map<QString, QSet<QString>> parents;
    for (const QString& t : tables)
        parents[t];
    for (const auto& [child, parent] : refs)
        if (child != parent && parents.count(child) && parents.count(parent))
            parents[child].insert(parent);
    QStringList ordered;
    QSet<QString> placed;
    while (ordered.size() < tables.size()) {
        bool progressed = false;
        for (const QString& t : tables) {
            if (placed.contains(t))
                continue;
            bool ready = true;
            for (const QString& p : parents[t])
                ready = ready && placed.contains(p);
            if (ready) {
                ordered << t;
                placed.insert(t);
                progressed = true;
            }
        }
        if (!progressed) { // a cycle: the rest in name order (foreign keys then tell)
            for (const QString& t : tables)
                if (!placed.contains(t))
                    ordered << t;
            break;
        }
    }
    return ordered;
}

// A table read in slices of its ids (a big table is never held whole in
// memory); a table without an id in one go.
Status copyRows(Database& source, Database& target, const QString& table, const QList<Column>& columns)
{
    QStringList names;
    bool hasId = false;
    for (const Column& c : columns) {
        names << c.name;
        hasId = hasId || c.name == QLatin1String("id");
    }
    // The target's own settings (its application mark, its daily role) stay.
    QSet<QString> keep;
    if (table == QLatin1String("etabli_meta")) {
        SqlQuery keys(target);
        ETABLI_TRY(keys.exec(QStringLiteral("SELECT key FROM etabli_meta")));
        while (keys.next())
            keep.insert(keys.value(0).toString());
        keep.insert(movedToKey()); // where the original went is no fact of the copy
    }
    const int keyColumn = static_cast<int>(names.indexOf(QStringLiteral("key")));
    BatchInsert out(target, table, names);
    const QString select = QStringLiteral("SELECT %1 FROM %2").arg(names.join(QStringLiteral(", ")), table);
    constexpr int slice = 5000;
    qint64 after = std::numeric_limits<qint32>::min(); // fits an INTEGER id too
    for (;;) {
        SqlQuery in(source);
        in.setForwardOnly(true);
        if (hasId) {
            ETABLI_TRY(
                in.prepare(select + QStringLiteral(" WHERE id > :after ORDER BY id LIMIT %1").arg(slice)));
            in.bind(QStringLiteral("after"), after);
            ETABLI_TRY(in.exec());
        } else {
            ETABLI_TRY(in.exec(select));
        }
        int read = 0;
        const int idColumn = static_cast<int>(names.indexOf(QStringLiteral("id")));
        while (in.next()) {
            ++read;
            if (keyColumn >= 0 && !keep.isEmpty() && keep.contains(in.value(keyColumn).toString()))
                continue;
            QVariantList row;
            row.reserve(columns.size());
            for (int c = 0; c < columns.size(); ++c)
                row << asStored(in.value(c), columns.at(c).kind);
            if (idColumn >= 0)
                after = in.value(idColumn).toLongLong();
            ETABLI_TRY(out.add(std::move(row)));
        }
        if (!hasId || read < slice)
            break;
    }
    return out.flush();
}

} // namespace

Result<QStringList> DatabaseCopy::tables(Database& db)
{
    auto names = baseTables(db);
    if (!names)
        return std::unexpected(names.error());
    auto refs = references(db);
    if (!refs)
        return std::unexpected(refs.error());
    return dependencyOrder(*names, *refs);
}

Result<QString> DatabaseCopy::readyToReceive(const DatabaseLocation& to)
{
    if (to.isSqlite())
        return fail(Error::Code::InvalidInput,
                    tr("A school is moved onto a PostgreSQL server, not into a file."));
    auto db = Database::open(to, Database::OpenMode::ReadOnly);
    if (!db)
        return std::unexpected(db.error());
    auto empty = holdsNoSchool(**db);
    if (!empty)
        return std::unexpected(empty.error());
    if (!*empty)
        return fail(Error::Code::Conflict,
                    tr("“%1” already holds a school: Établi copies only into an empty database. Give the "
                       "database prepared for this school (etabli-cli server init).")
                        .arg(to.displayName()));
    SqlQuery owner(**db);
    ETABLI_TRY(
        owner.exec(QStringLiteral("SELECT pg_has_role(current_user, tableowner, 'USAGE') FROM pg_tables "
                                  "WHERE schemaname = current_schema() AND tablename = 'school'")));
    if (!owner.next() || !owner.value(0).toBool())
        return ownerNeeded(QStringLiteral("%1 does not own the tables").arg(to.user));
    auto daily = MetaRepository(**db).value(QStringLiteral("pg_daily_role"));
    if (!daily)
        return std::unexpected(daily.error());
    return *daily;
}

Result<bool> DatabaseCopy::holdsNoSchool(Database& db)
{
    // (A trail there can only hold failed logins: nobody could log in.)
    for (const QString& table : {QStringLiteral("school"), QStringLiteral("app_user")}) {
        auto n = countRows(db, table);
        if (!n)
            return std::unexpected(n.error());
        if (*n > 0)
            return false;
    }
    return true;
}

Result<DatabaseCopy::Outcome> DatabaseCopy::copy(Database& source, Database& target,
                                                 const std::function<void(const QString&)>& progress)
{
    if (source.schemaVersion() != target.schemaVersion())
        return fail(Error::Code::InvalidInput,
                    tr("The two databases are not of the same version (schema %1 and %2): open the older one "
                       "with this version of Établi first, then copy again.")
                        .arg(source.schemaVersion())
                        .arg(target.schemaVersion()));
    auto order = tables(source);
    if (!order)
        return std::unexpected(order.error());
    auto targetTables = baseTables(target);
    if (!targetTables)
        return std::unexpected(targetTables.error());
    if (QSet<QString>(order->cbegin(), order->cend()) !=
        QSet<QString>(targetTables->cbegin(), targetTables->cend()))
        return fail(Error::Code::InvalidInput,
                    tr("The two databases do not have the same tables: the copy was not made."));

    // The source is read as it stood at one moment, whoever writes in it meanwhile.
    {
        SqlQuery snapshot(source);
        ETABLI_TRY(snapshot.exec(source.dialect() == Dialect::PostgreSQL
                                     ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                                     : QStringLiteral("BEGIN")));
    }
    const auto endSnapshot = qScopeGuard([&source]() {
        SqlQuery end(source);
        (void)end.exec(QStringLiteral("ROLLBACK"));
    });
    return inTransaction(target, [&]() -> Result<Outcome> {
        if (target.dialect() == Dialect::PostgreSQL) {
            // Two PCs copying into one server: the second waits, then finds a school there.
            SqlQuery lock(target);
            ETABLI_TRY(lock.exec(QStringLiteral("SELECT pg_advisory_xact_lock(4554424)")));
        } else {
            SqlQuery defer(target);
            ETABLI_TRY(defer.exec(QStringLiteral("PRAGMA defer_foreign_keys = ON")));
        }
        auto empty = holdsNoSchool(target);
        if (!empty)
            return std::unexpected(empty.error());
        if (!*empty)
            return fail(Error::Code::Conflict,
                        tr("“%1” already holds a school: Établi copies only into an empty database. Nothing "
                           "was changed.")
                            .arg(target.location().displayName()));

        TriggersOff triggers(target);
        if (auto off = triggers.begin(*order); !off) {
            if (off.error().code == Error::Code::AccessDenied)
                return ownerNeeded(off.error().detail);
            return std::unexpected(off.error());
        }
        // What the new database was made with (its lists of values) goes: the
        // school's own lists replace it. Children first.
        for (auto it = order->crbegin(); it != order->crend(); ++it) {
            if (*it == QLatin1String("etabli_meta"))
                continue;
            SqlQuery clear(target);
            ETABLI_TRY(clear.exec(QStringLiteral("DELETE FROM %1").arg(*it)));
        }
        QList<TableRows> copied;
        for (const QString& table : std::as_const(*order)) {
            if (progress)
                progress(table);
            auto columns = columnsOf(target, table);
            if (!columns)
                return std::unexpected(columns.error());
            ETABLI_TRY(copyRows(source, target, table, *columns));
            if (target.dialect() == Dialect::PostgreSQL &&
                std::any_of(columns->cbegin(), columns->cend(),
                            [](const Column& c) { return c.name == QLatin1String("id"); })) {
                // The next id after the last copied.
                SqlQuery next(target);
                ETABLI_TRY(next.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                                    "COALESCE(MAX(id), 0) + 1, false) FROM %1")
                                         .arg(table)));
            }
        }
        ETABLI_TRY(rebuildSearch(target));
        ETABLI_TRY(triggers.end());
        // Checked before it is committed: a copy that differs is not kept.
        // The rows counted there are the outcome's.
        auto differences = compare(source, target, &copied);
        if (!differences)
            return std::unexpected(differences.error());
        if (!differences->isEmpty())
            return fail(Error::Code::Corrupt, tr("The copy differs from the original: it was not kept."),
                        differences->join(QLatin1Char('\n')));
        auto checked = DatabaseCheck::run(target);
        if (!checked)
            return std::unexpected(checked.error());
        if (!checked->ok()) {
            QStringList problems = checked->integrity.quickCheck + checked->integrity.foreignKeyCheck;
            for (const DatabaseCheck::Line& line : std::as_const(checked->chains))
                if (!line.ok)
                    problems << line.text;
            return fail(Error::Code::Corrupt, tr("The copy fails the database's checks: it was not kept."),
                        problems.join(QLatin1Char('\n')));
        }
        logging::get("storage")->info("copied {} tables from {} to {}", copied.size(),
                                      source.location().displayName().toStdString(),
                                      target.location().displayName().toStdString());
        return Outcome{copied, *checked};
    });
}

Result<DatabaseCopy::Outcome> DatabaseCopy::move(const DatabaseLocation& from, const DatabaseLocation& to,
                                                 const std::function<void(const QString&)>& progress)
{
    if (from.toString() == to.toString())
        return fail(Error::Code::InvalidInput, tr("The original and the copy are the same database."));
    auto source = Database::open(from, Database::OpenMode::ReadOnly);
    if (!source)
        return std::unexpected(source.error());
    if ((*source)->schemaVersion() < Database::latestSchemaVersion())
        return fail(Error::Code::InvalidInput,
                    tr("“%1” was made by an older version of Établi: open it once with this version (or run "
                       "etabli-cli migrate --database …) to upgrade it, then copy it.")
                        .arg(from.displayName()));
    if (to.isSqlite() && QFileInfo::exists(to.path))
        return fail(Error::Code::Conflict,
                    tr("The file “%1” already exists: Établi does not overwrite it. Choose another name.")
                        .arg(to.displayName()));
    auto target = Database::open(to, Database::OpenMode::CreateNew);
    if (!target && !to.isSqlite() && target.error().code == Error::Code::Conflict)
        target = Database::open(
            to, Database::OpenMode::OpenExisting); // made by server init, or by a copy that failed
    if (!target)
        return std::unexpected(target.error());
    auto copied = copy(**source, **target, progress);
    target->reset();
    if (copied && from.isSqlite() && !to.isSqlite()) {
        // The file stays where it was, whole, but is no longer the school's:
        // marked, so that whoever opens it again is told where the school went.
        source->reset();
        auto file = Database::open(from, Database::OpenMode::OpenExisting);
        const QString mark =
            QDateTime::currentDateTimeUtc().toString(Qt::ISODate) + QLatin1Char(' ') + to.displayName();
        copied->sourceMarked = file && MetaRepository(**file).setValue(movedToKey(), mark).has_value();
        if (!copied->sourceMarked)
            logging::get("storage")->warn("the moved file {} could not be marked",
                                          from.displayName().toStdString());
    }
    if (!copied && to.isSqlite())
        for (const QString& suffix :
             {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
            QFile::remove(to.path + suffix);
    return copied;
}

std::optional<DatabaseCopy::MovedTo> DatabaseCopy::movedTo(Database& db)
{
    const auto mark = MetaRepository(db).value(movedToKey());
    if (!mark || mark->isEmpty())
        return std::nullopt;
    const qsizetype space = mark->indexOf(QLatin1Char(' '));
    return MovedTo{mark->mid(space + 1), QDateTime::fromString(mark->left(space), Qt::ISODate)};
}

Result<QStringList> DatabaseCopy::compare(Database& source, Database& target)
{
    return compare(source, target, nullptr);
}

Result<QStringList> DatabaseCopy::compare(Database& source, Database& target, QList<TableRows>* counted)
{
    auto names = baseTables(source);
    if (!names)
        return std::unexpected(names.error());
    QStringList differences;
    for (const QString& table : std::as_const(*names)) {
        auto from = countRows(source, table);
        auto to = countRows(target, table);
        if (!from)
            return std::unexpected(from.error());
        if (!to) {
            differences << tr("Table %1: missing from the copy.").arg(table);
            continue;
        }
        if (counted)
            counted->append({table, *from, *to});
        if (table == QLatin1String("etabli_meta"))
            continue; // each database keeps its own settings
        if (*from != *to)
            differences
                << tr("Table %1: %2 row(s) in the original, %3 in the copy.").arg(table).arg(*from).arg(*to);
        auto columns = columnsOf(source, table);
        if (!columns)
            return std::unexpected(columns.error());
        const bool chained = std::any_of(columns->cbegin(), columns->cend(),
                                         [](const Column& c) { return c.name == QLatin1String("hash"); });
        if (!chained)
            continue;
        const QString last =
            QStringLiteral("SELECT hash FROM %1 WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1").arg(table);
        SqlQuery a(source);
        SqlQuery b(target);
        ETABLI_TRY(a.exec(last));
        ETABLI_TRY(b.exec(last));
        const QString tipA = a.next() ? a.value(0).toString() : QString();
        const QString tipB = b.next() ? b.value(0).toString() : QString();
        if (tipA != tipB)
            differences << tr("Table %1: the chain does not end on the same link in the copy.").arg(table);
    }
    return differences;
}

} // namespace etabli
