#include "storage/batchinsert.h"

#include "storage/database.h"
#include "storage/sqlquery.h"

namespace etabli {

namespace {

bool isInteger(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

// As SqlQuery::bind: a null QString inside a valid QVariant is an empty
// text; a NULL is a QVariant without a value.
QVariant bound(const QVariant& value)
{
    if (!value.isNull() && value.typeId() == QMetaType::QString && value.toString().isNull())
        return QString(QLatin1String(""));
    return value;
}

// PostgreSQL: one column's values as an array literal ({"a","b",NULL,3}),
// typed by the column's first value.
QString arrayType(const QVariant& value)
{
    if (isInteger(value))
        return QStringLiteral("bigint[]");
    switch (value.typeId()) {
    case QMetaType::Bool:
        return QStringLiteral("boolean[]");
    case QMetaType::Double:
        return QStringLiteral("double precision[]");
    case QMetaType::QByteArray:
        return QStringLiteral("bytea[]");
    default:
        return QStringLiteral("text[]");
    }
}

void appendElement(QString& out, const QVariant& value)
{
    if (value.isNull()) {
        out += QLatin1String("NULL");
        return;
    }
    if (isInteger(value)) {
        out += QString::number(value.toLongLong());
        return;
    }
    if (value.typeId() == QMetaType::Bool) {
        out += value.toBool() ? QLatin1Char('t') : QLatin1Char('f');
        return;
    }
    QString text;
    if (value.typeId() == QMetaType::QByteArray)
        text = QStringLiteral("\\x") + QString::fromLatin1(value.toByteArray().toHex()); // bytea's hex form
    else
        text = value.typeId() == QMetaType::Double ? QString::number(value.toDouble(), 'g', 17)
                                                   : value.toString();
    out += QLatin1Char('"');
    qsizetype from = 0; // the text between the characters escaped, appended whole
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('"') && c != QLatin1Char('\\'))
            continue;
        out += QStringView(text).mid(from, i - from);
        out += QLatin1Char('\\');
        from = i;
    }
    out += QStringView(text).mid(from);
    out += QLatin1Char('"');
}

} // namespace

BatchInsert::BatchInsert(const Database& db, QString table, QStringList columns)
    : m_db(db), m_table(std::move(table)), m_columns(std::move(columns)),
      m_perStatement(db.dialect() == Database::Dialect::PostgreSQL ? 1000 : 1)
{
}

BatchInsert::~BatchInsert() = default;

Status BatchInsert::add(QVariantList values)
{
    if (values.size() != m_columns.size())
        return fail(Error::Code::Storage, tr("Internal error: badly parameterised query."),
                    QStringLiteral("%1 values for the %2 columns of %3")
                        .arg(values.size())
                        .arg(m_columns.size())
                        .arg(m_table));
    m_rows << std::move(values);
    if (m_rows.size() < m_perStatement)
        return {};
    return flush();
}

Status BatchInsert::flush()
{
    if (m_rows.isEmpty())
        return {};
    Status written = prepare();
    if (written)
        written = m_db.dialect() == Database::Dialect::PostgreSQL ? writeArrays() : writeRow();
    m_rows.clear();
    return written;
}

Status BatchInsert::prepare()
{
    if (m_statement)
        return {};
    QStringList values;
    for (qsizetype c = 0; c < m_columns.size(); ++c) {
        values << (m_db.dialect() == Database::Dialect::PostgreSQL
                       ? QStringLiteral("?::") + arrayType(m_rows.constFirst().at(c))
                       : QStringLiteral("?"));
    }
    const QString columns = m_columns.join(QStringLiteral(", "));
    const QString sql = m_db.dialect() == Database::Dialect::PostgreSQL
                            ? QStringLiteral("INSERT INTO %1 (%2) SELECT * FROM unnest(%3)")
                                  .arg(m_table, columns, values.join(QStringLiteral(", ")))
                            : QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                  .arg(m_table, columns, values.join(QStringLiteral(", ")));
    auto q = std::make_unique<QSqlQuery>(m_db.connection());
    if (!q->prepare(sql))
        return std::unexpected(storageError(q->lastError(), QStringLiteral("prepare a query"), sql, &m_db));
    m_statement = std::move(q);
    return {};
}

Status BatchInsert::writeRow()
{
    for (const QVariantList& row : std::as_const(m_rows)) {
        for (qsizetype c = 0; c < row.size(); ++c)
            m_statement->bindValue(static_cast<int>(c), bound(row.at(c)));
        if (!m_statement->exec())
            return std::unexpected(storageError(m_statement->lastError(), QStringLiteral("write"),
                                                m_statement->lastQuery(), &m_db));
    }
    return {};
}

Status BatchInsert::writeArrays()
{
    for (qsizetype c = 0; c < m_columns.size(); ++c) {
        QString array = QStringLiteral("{");
        array.reserve(m_rows.size() * 24); // most values are short: grown, not regrown
        for (qsizetype r = 0; r < m_rows.size(); ++r) {
            if (r > 0)
                array += QLatin1Char(',');
            appendElement(array, m_rows.at(r).at(c));
        }
        array += QLatin1Char('}');
        m_statement->bindValue(static_cast<int>(c), array);
    }
    if (!m_statement->exec())
        return std::unexpected(
            storageError(m_statement->lastError(), QStringLiteral("write"), m_statement->lastQuery(), &m_db));
    return {};
}

} // namespace etabli
