#pragma once

#include "support/catchqt.h"
#include "util/error.h"

// A failed Result shows its message in Catch2's failures instead of "{?}".
namespace Catch {
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
