#pragma once

#include "util/error.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace etabli {

// What every import from a spreadsheet says of its lines in the same words
// (trainees, contacts, HelloAsso gifts).
class ImportLines
{
    Q_DECLARE_TR_FUNCTIONS(ImportLines)

public:
    struct Refused
    {
        int line = 0;
        QString problem;
    };

    // A line's problems in one sentence: "… (jj/mm/aaaa) ; déjà dans la base…",
    // the messages without their own full stop.
    static QString joinProblems(QStringList problems);
    // "2 lignes refusées, rien n'a été importé :" and each line with its problem.
    static std::unexpected<Error> nothingImported(const QList<Refused>& refused);
    // The same, of rows that hold their `line` and `problem` (empty: valid).
    template <class Rows> static std::unexpected<Error> nothingImportedOf(const Rows& rows)
    {
        QList<Refused> refused;
        for (const auto& r : rows) {
            if (!r.problem.isEmpty())
                refused.append({r.line, r.problem});
        }
        return nothingImported(refused);
    }
};

} // namespace etabli
