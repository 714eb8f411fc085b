#pragma once

#include <QString>
#include <QStringList>

namespace etabli::sqlscript {

// Keeps the parts of a migration script meant for `dialect` ("sqlite" or
// "postgresql"): lines after "-- @sqlite" or "-- @postgresql" belong to that
// dialect only, lines after "-- @all" to both. Then replaces the type tokens
// {{ID}}, {{REF}}, {{INT64}}, {{BLOB}} by the dialect's types.
QString forDialect(const QString& script, const QString& dialect);

// Splits a script into statements on ';' at line end, keeping trigger bodies
// (BEGIN … END;) and $$-quoted bodies whole; drops comments-only parts.
QStringList split(const QString& script);

} // namespace etabli::sqlscript
