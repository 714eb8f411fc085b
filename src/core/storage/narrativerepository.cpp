#include "storage/narrativerepository.h"

#include "storage/database.h"
#include "storage/sqlquery.h"

namespace etabli {

Result<ReportNarrative> NarrativeRepository::find(const QString& schoolYear) const
{
    SqlQuery q(m_db);
    ETABLI_TRY(
        q.prepare(QStringLiteral("SELECT part, body_html FROM report_narrative WHERE school_year = :year")));
    q.bind(QStringLiteral("year"), schoolYear);
    ETABLI_TRY(q.exec());
    ReportNarrative n;
    n.schoolYear = schoolYear;
    while (q.next()) {
        const QString part = q.value(0).toString();
        QString& target = part == QLatin1String("highlights")     ? n.highlights
                          : part == QLatin1String("difficulties") ? n.difficulties
                                                                  : n.outlook;
        target = q.value(1).toString();
    }
    return n;
}

Status NarrativeRepository::save(const ReportNarrative& n, const QString& nowIso)
{
    SqlQuery q(m_db);
    if (auto r = q.prepare(QStringLiteral("INSERT INTO report_narrative (school_year, part, body_html, "
                                          "version, updated_at) VALUES (:year, :part, "
                                          ":body, 1, :now) ON CONFLICT (school_year, part) DO UPDATE SET "
                                          "body_html = excluded.body_html, version = "
                                          "report_narrative.version + 1, updated_at = excluded.updated_at"));
        !r)
        return r;
    const std::pair<const char*, const QString*> parts[] = {
        {"highlights", &n.highlights}, {"difficulties", &n.difficulties}, {"outlook", &n.outlook}};
    for (const auto& [part, body] : parts) {
        q.bind(QStringLiteral("year"), n.schoolYear)
            .bind(QStringLiteral("part"), QString::fromLatin1(part))
            .bind(QStringLiteral("body"), *body)
            .bind(QStringLiteral("now"), nowIso);
        if (auto r = q.exec(); !r)
            return r;
    }
    return {};
}

} // namespace etabli
