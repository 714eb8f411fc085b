#include "services/importlines.h"

namespace etabli {

QString ImportLines::joinProblems(QStringList problems)
{
    for (QString& p : problems)
        if (p.endsWith(QLatin1Char('.')))
            p.chop(1);
    return problems.join(QStringLiteral(" ; "));
}

std::unexpected<Error> ImportLines::nothingImported(const QList<Refused>& refused)
{
    QStringList lines;
    for (const Refused& r : refused)
        lines << tr("line %1: %2").arg(r.line).arg(r.problem);
    return fail(Error::Code::InvalidInput,
                tr("%n line(s) refused, nothing was imported:", nullptr, static_cast<int>(refused.size())) +
                    QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
}

} // namespace etabli
