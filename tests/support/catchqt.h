#pragma once

#include "util/error.h"

#include <catch2/catch.hpp>
#include <QByteArray>
#include <QString>

// Readable Qt values in Catch2's failure messages.
namespace Catch {
template <> struct StringMaker<QString>
{
    static std::string convert(const QString& value) { return '"' + value.toStdString() + '"'; }
};
template <> struct StringMaker<QByteArray>
{
    static std::string convert(const QByteArray& value) { return '"' + value.toStdString() + '"'; }
};
// A failed Result shows its message instead of "{?}".
template <typename T> struct StringMaker<std::expected<T, etabli::Error>>
{
    static std::string convert(const std::expected<T, etabli::Error>& value)
    {
        return value ? std::string("ok")
                     : "error: " +
                           (value.error().message + QLatin1Char(' ') + value.error().detail).toStdString();
    }
};
} // namespace Catch
