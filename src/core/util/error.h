#pragma once

#include <expected>
#include <QString>

namespace etabli {

// An error as a value: `message` is for the user (French, through tr()),
// `detail` is for the log (driver text, SQL, file names).
struct Error
{
    enum class Code
    {
        Generic,
        NotFound,
        InvalidInput,
        Conflict,         // the data refuses it (a twin, a number taken, an anonymised record)
        ChangedMeanwhile, // optimistic locking: the row changed since it was read
        Storage,          // the database refused or failed
        Busy,             // locked by another program
        Corrupt,          // integrity check failed, not a database
        Foreign,          // a database, but not an Établi one
        TooNew,           // schema from a newer Établi
        ReadOnly,
        AccessDenied,
        Io,
        DiskFull,          // no space left: nothing is damaged, free some space
        NeedsConfirmation, // valid but unusual: ask the user, then call again confirmed
        PasswordNeeded,    // the PostgreSQL server asks for a password none was given: ask it
        ConnectionLost,    // the PostgreSQL server dropped us: offer to reconnect
        WrongPassword,     // the PostgreSQL server refuses the password given
        Unreachable,       // no PostgreSQL server answers at that address
    };

    Code code = Code::Generic;
    QString message;
    QString detail;

    static Error make(Code code, const QString& message, const QString& detail = {})
    {
        return Error{code, message, detail};
    }
};

template <typename T> using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(Error::Code code, const QString& message, const QString& detail = {})
{
    return std::unexpected(Error{code, message, detail});
}

inline std::unexpected<Error> fail(Error error)
{
    return std::unexpected(std::move(error));
}

// Whether an action that returns a value (a new id) succeeded, its value left aside.
template <typename T> Status statusOf(const Result<T>& result)
{
    if (result)
        return {};
    return std::unexpected(result.error());
}

} // namespace etabli

// Returns the error of a step that failed, from a function that returns a
// Result or a Status; the step's value, if any, is left aside:
//     ETABLI_TRY(q.exec());
// stands for
//     if (auto r = q.exec(); !r)
//         return std::unexpected(r.error());
#define ETABLI_TRY(step)                                                                                     \
    do {                                                                                                     \
        if (auto etabli_try_result_ = (step); !etabli_try_result_)                                           \
            return std::unexpected(std::move(etabli_try_result_).error());                                   \
    } while (false)
