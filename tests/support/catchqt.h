// Include guards, not #pragma once: this header is in the tests' precompiled
// header, and GCC matches #pragma once by path — a precompiled header built
// in another checkout (ccache) would let it be read twice. Only system and
// Qt headers here, for the same reason: project headers stay out of the PCH.
#ifndef ETABLI_TESTS_CATCHQT_H
#define ETABLI_TESTS_CATCHQT_H

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
} // namespace Catch

#endif
