#include "services/frameworkservice.h"

#include "io/sheetreader.h"
#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/importlines.h"
#include "storage/learningrepository.h"
#include "storage/transaction.h"
#include "util/text.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace etabli {

namespace {

enum class Column
{
    Block,
    BlockTitle,
    Code,
    Competence,
    Criterion
};

std::optional<Column> columnOf(const QString& heading)
{
    const QString h = text::fold(heading.trimmed());
    if (h == QLatin1String("bloc") || h == QLatin1String("bloc de competences"))
        return Column::Block;
    if (h == QLatin1String("intitule du bloc") || h == QLatin1String("titre du bloc"))
        return Column::BlockTitle;
    if (h == QLatin1String("code") || h == QLatin1String("code competence") ||
        h == QLatin1String("code de la competence"))
        return Column::Code;
    if (h == QLatin1String("competence") || h == QLatin1String("intitule de la competence"))
        return Column::Competence;
    if (h == QLatin1String("critere") || h == QLatin1String("critere observable") ||
        h == QLatin1String("criteres"))
        return Column::Criterion;
    return std::nullopt;
}

// "B1 – Réaliser…", "B1 - …", "B1 : …": its code and title; a cell without
// a separator is both.
std::pair<QString, QString> splitBlock(const QString& cell)
{
    static const QRegularExpression separator(QStringLiteral("^(\\S+)\\s*(?:–|—|-|:)\\s+(.+)$"));
    const QString simple = cell.simplified();
    const auto m = separator.match(simple);
    if (m.hasMatch())
        return {m.captured(1), m.captured(2)};
    return {simple, simple};
}

} // namespace

Result<QList<CompetenceBlock>> FrameworkService::read(const QByteArray& bytes)
{
    auto table = sheet::read(bytes);
    if (!table)
        return std::unexpected(table.error());
    QHash<Column, int> columns;
    for (int i = 0; i < table->header.size(); ++i) {
        if (const auto c = columnOf(table->header.at(i)); c && !columns.contains(*c))
            columns.insert(*c, i);
    }
    QStringList missing;
    if (!columns.contains(Column::Block))
        missing << QStringLiteral("bloc");
    if (!columns.contains(Column::Code))
        missing << QStringLiteral("code");
    if (!columns.contains(Column::Competence))
        missing << QStringLiteral("compétence");
    if (!missing.isEmpty())
        return fail(Error::Code::InvalidInput,
                    tr("The file has no column %1: a framework is read from the columns "
                       "bloc;code;compétence;critère.")
                        .arg(missing.join(QStringLiteral(", "))));

    QList<CompetenceBlock> blocks;
    QHash<QString, qsizetype> blockAt;                  // block code → index
    QHash<QString, std::pair<qsizetype, qsizetype>> at; // competence code → block, competence
    QHash<QString, int> lineOf;                         // competence code → its first line
    QList<ImportLines::Refused> refused;
    for (qsizetype r = 0; r < table->rows.size(); ++r) {
        const QStringList& cells = table->rows.at(r);
        const int line = table->lines.at(r);
        const auto cell = [&](Column c) {
            const int i = columns.value(c, -1);
            return i >= 0 && i < cells.size() ? cells.at(i).simplified() : QString();
        };
        QStringList problems;
        const QString blockCell = cell(Column::Block);
        const QString code = cell(Column::Code);
        const QString title = cell(Column::Competence);
        const QString criterion = cell(Column::Criterion);
        if (blockCell.isEmpty() && code.isEmpty() && title.isEmpty() && criterion.isEmpty())
            continue; // an empty line
        if (blockCell.isEmpty())
            problems << tr("no block");
        if (code.isEmpty())
            problems << tr("no competence code");
        if (title.isEmpty())
            problems << tr("no competence");
        auto [blockCode, blockTitle] = splitBlock(blockCell);
        if (columns.contains(Column::BlockTitle) && !cell(Column::BlockTitle).isEmpty()) {
            blockCode = blockCell;
            blockTitle = cell(Column::BlockTitle);
        }
        if (problems.isEmpty()) {
            if (const auto known = at.constFind(code); known != at.cend()) {
                const CompetenceBlock& b = blocks.at(known->first);
                const Competence& c = b.competences.at(known->second);
                // The same competence again (another criterion), or another one under its code.
                if (b.code != blockCode || c.title != title)
                    problems << tr("the code %1 is already the competence of line %2")
                                    .arg(code)
                                    .arg(lineOf.value(code));
                else if (criterion.isEmpty())
                    problems << tr("the competence %1 again, without a criterion").arg(code);
            }
        }
        if (!problems.isEmpty()) {
            refused.append({line, ImportLines::joinProblems(problems)});
            continue;
        }
        qsizetype b = blockAt.value(blockCode, -1);
        if (b < 0) {
            b = blocks.size();
            blockAt.insert(blockCode, b);
            blocks.append(CompetenceBlock{0, blockCode, blockTitle, {}});
        }
        CompetenceBlock& block = blocks[b];
        qsizetype c = -1;
        if (const auto known = at.constFind(code); known != at.cend()) {
            c = known->second;
        } else {
            c = block.competences.size();
            block.competences.append(Competence{0, code, title, {}});
            at.insert(code, {b, c});
            lineOf.insert(code, line);
        }
        if (!criterion.isEmpty()) {
            Competence& competence = block.competences[c];
            bool twice = false;
            for (const CompetenceCriterion& known : std::as_const(competence.criteria))
                twice = twice || known.title == criterion;
            if (twice) {
                refused.append({line, tr("the criterion “%1” of %2 again").arg(criterion, code)});
                continue;
            }
            competence.criteria.append(CompetenceCriterion{
                0, QStringLiteral("%1.%2").arg(code).arg(competence.criteria.size() + 1), criterion});
        }
    }
    if (!refused.isEmpty())
        return ImportLines::nothingImported(refused);
    if (blocks.isEmpty())
        return fail(Error::Code::InvalidInput, tr("The file holds no competence."));
    return blocks;
}

Result<SkillFramework> FrameworkService::framework(qint64 certificationId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    return LearningRepository(m_db).framework(certificationId);
}

Status FrameworkService::replace(qint64 certificationId, const QList<CompetenceBlock>& blocks, bool demo)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::LearningFrameworks));
    QSet<QString> codes;
    QSet<QString> blockCodes;
    for (const CompetenceBlock& b : blocks) {
        if (b.code.trimmed().isEmpty() || b.title.trimmed().isEmpty())
            return fail(Error::Code::InvalidInput, tr("Each block has a code and a title."));
        if (blockCodes.contains(b.code))
            return fail(Error::Code::InvalidInput,
                        tr("The code %1 is given to two blocks: each has its own.").arg(b.code));
        blockCodes.insert(b.code);
        for (const Competence& c : b.competences) {
            if (c.code.trimmed().isEmpty() || c.title.trimmed().isEmpty())
                return fail(Error::Code::InvalidInput, tr("Each competence has a code and a title."));
            if (codes.contains(c.code))
                return fail(Error::Code::InvalidInput,
                            tr("The code %1 is given to two competences: each has its own.").arg(c.code));
            codes.insert(c.code);
        }
    }
    return inTransaction(m_db, [&]() -> Status {
        LearningRepository repo(m_db);
        auto before = repo.framework(certificationId);
        if (!before)
            return std::unexpected(before.error());
        QHash<QString, qint64> blockIds;
        QHash<QString, qint64> competenceIds;
        for (const CompetenceBlock& b : std::as_const(before->blocks)) {
            blockIds.insert(b.code, b.id);
            for (const Competence& c : b.competences)
                competenceIds.insert(c.code, c.id);
        }
        // What the file leaves out goes first, unless something names it.
        for (const CompetenceBlock& b : std::as_const(before->blocks)) {
            for (const Competence& c : b.competences) {
                if (codes.contains(c.code))
                    continue;
                auto uses = repo.usesOf(c.id);
                if (!uses)
                    return std::unexpected(uses.error());
                if (*uses > 0)
                    return fail(
                        Error::Code::Conflict,
                        tr("The competence %1 (“%2”) is not in the new framework, but evaluations or "
                           "workshop skills refer to it: keep it in the file, or change its title only.")
                            .arg(c.code, c.title));
                ETABLI_TRY(repo.deleteCompetence(c.id));
            }
        }
        int added = 0;
        for (qsizetype bi = 0; bi < blocks.size(); ++bi) {
            CompetenceBlock block = blocks.at(bi);
            const int blockPosition = static_cast<int>(bi + 1);
            if (const auto known = blockIds.constFind(block.code); known != blockIds.cend()) {
                block.id = *known;
                ETABLI_TRY(repo.updateBlock(block, blockPosition));
            } else {
                auto id = repo.insertBlock(certificationId, block, blockPosition);
                if (!id)
                    return std::unexpected(id.error());
                block.id = *id;
            }
            for (qsizetype ci = 0; ci < block.competences.size(); ++ci) {
                Competence competence = block.competences.at(ci);
                const int position = static_cast<int>(ci + 1);
                if (const auto known = competenceIds.constFind(competence.code);
                    known != competenceIds.cend()) {
                    competence.id = *known;
                    ETABLI_TRY(repo.updateCompetence(block.id, competence, position));
                } else {
                    auto id = repo.insertCompetence(certificationId, block.id, competence, position);
                    if (!id)
                        return std::unexpected(id.error());
                    competence.id = *id;
                    ++added;
                }
                ETABLI_TRY(repo.replaceCriteria(competence.id, competence.criteria));
            }
        }
        for (const CompetenceBlock& b : std::as_const(before->blocks)) {
            if (!blockCodes.contains(b.code))
                ETABLI_TRY(repo.deleteBlock(b.id)); // emptied above
        }
        ETABLI_TRY(repo.setDemo(certificationId, demo));
        ChangeSet changes;
        changes.set(QStringLiteral("blocks"), static_cast<qint64>(blocks.size()))
            .set(QStringLiteral("competences"), static_cast<qint64>(codes.size()))
            .set(QStringLiteral("created"), added);
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Framework, QString::number(certificationId), AuditAction::Update,
                    changes);
    });
}

Result<QHash<qint64, QList<qint64>>> FrameworkService::skillMapping(qint64 certificationId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::TraineesRead));
    return LearningRepository(m_db).skillMapping(certificationId);
}

Status FrameworkService::setSkills(qint64 competenceId, QList<qint64> skillIds)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::LearningFrameworks));
    std::sort(skillIds.begin(), skillIds.end());
    skillIds.erase(std::unique(skillIds.begin(), skillIds.end()), skillIds.end());
    return inTransaction(m_db, [&]() -> Status {
        LearningRepository repo(m_db);
        auto known = repo.hasCompetence(competenceId);
        if (!known)
            return std::unexpected(known.error());
        if (!*known)
            return fail(Error::Code::NotFound, tr("This competence is not in the framework any more."));
        ETABLI_TRY(repo.replaceSkills(competenceId, skillIds));
        QStringList ids;
        for (qint64 id : std::as_const(skillIds))
            ids << QString::number(id);
        ChangeSet changes;
        changes.set(QStringLiteral("skills"), ids.join(QLatin1Char(',')));
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Framework, QStringLiteral("competence:%1").arg(competenceId),
                    AuditAction::Update, changes);
    });
}

} // namespace etabli
