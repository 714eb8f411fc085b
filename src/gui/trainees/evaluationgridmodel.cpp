#include "gui/trainees/evaluationgridmodel.h"

#include "domain/production.h"
#include "util/text.h"

#include <QColor>
#include <QFont>

namespace etabli {

EvaluationGridModel::EvaluationGridModel(QObject* parent) : QAbstractTableModel(parent) {}

void EvaluationGridModel::setView(const ClassLearning& view, int block)
{
    beginResetModel();
    m_view = view;
    m_pending.clear();
    m_columns.clear();
    endResetModel();
    showBlock(block);
}

void EvaluationGridModel::showBlock(int block)
{
    beginResetModel();
    m_columns.clear();
    const QList<CompetenceBlock>& blocks = m_view.framework.blocks;
    for (int b = 0; b < blocks.size(); ++b) {
        if (block >= 0 && b != block)
            continue;
        for (const Competence& c : blocks.at(b).competences)
            m_columns << &c;
    }
    endResetModel();
}

void EvaluationGridModel::clear()
{
    setView(ClassLearning{}, -1);
}

qint64 EvaluationGridModel::traineeAt(int row) const
{
    return row >= 0 && row < m_view.trainees.size() ? m_view.trainees.at(row).traineeId : 0;
}

const Competence* EvaluationGridModel::competenceAt(int column) const
{
    return column >= 0 && column < m_columns.size() ? m_columns.at(column) : nullptr;
}

ClassLearning::Key EvaluationGridModel::keyAt(int row, int column) const
{
    const Competence* c = competenceAt(column);
    return ClassLearning::Key(traineeAt(row), c ? c->id : 0);
}

std::optional<EvaluationGridModel::Pending> EvaluationGridModel::pendingAt(int row, int column) const
{
    const auto it = m_pending.constFind(keyAt(row, column));
    return it == m_pending.cend() ? std::nullopt : std::optional(*it);
}

std::optional<CompetenceLevel> EvaluationGridModel::levelAt(int row, int column) const
{
    if (const auto typed = pendingAt(row, column))
        return typed->level;
    const ClassLearning::Key key = keyAt(row, column);
    if (const auto latest = m_view.latestOf(key.first, key.second))
        return latest->level;
    return std::nullopt;
}

void EvaluationGridModel::mark(int row, int column, std::optional<Pending> pending)
{
    if (traineeAt(row) == 0 || !competenceAt(column))
        return;
    if (pending)
        m_pending.insert(keyAt(row, column), *pending);
    else
        m_pending.remove(keyAt(row, column));
    Q_EMIT dataChanged(index(row, column), index(row, column));
    Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
}

void EvaluationGridModel::setPendingEvidence(int row, int column, const QList<qint64>& evidence)
{
    const auto it = m_pending.find(keyAt(row, column));
    if (it != m_pending.end())
        it->evidence = evidence;
}

void EvaluationGridModel::setPendingComment(int row, int column, const QString& comment)
{
    const auto it = m_pending.find(keyAt(row, column));
    if (it != m_pending.end())
        it->comment = comment;
}

QList<CompetenceEvaluation> EvaluationGridModel::pending(const QDate& day) const
{
    QList<CompetenceEvaluation> out;
    for (const ClassLearning::Learner& t : m_view.trainees) {
        for (const CompetenceBlock& b : m_view.framework.blocks) {
            for (const Competence& c : b.competences) {
                const auto it = m_pending.constFind(ClassLearning::Key(t.traineeId, c.id));
                if (it == m_pending.cend())
                    continue;
                CompetenceEvaluation e;
                e.traineeId = t.traineeId;
                e.competenceId = c.id;
                e.level = it->level;
                e.day = day;
                e.comment = it->comment;
                e.evidence = it->evidence;
                out << e;
            }
        }
    }
    return out;
}

QColor EvaluationGridModel::colourOf(std::optional<CompetenceLevel> level)
{
    if (!level)
        return QColor(Qt::white);
    switch (*level) {
    case CompetenceLevel::NotStarted:
        return QColor(0xf8, 0xd7, 0xd7);
    case CompetenceLevel::InProgress:
        return QColor(0xfd, 0xe8, 0xb0);
    case CompetenceLevel::Acquired:
        return QColor(0xc8, 0xe6, 0xc9);
    case CompetenceLevel::Mastered:
        return QColor(0x81, 0xc7, 0x84);
    }
    return QColor(Qt::white);
}

QString EvaluationGridModel::keyOf(CompetenceLevel level)
{
    switch (level) {
    case CompetenceLevel::NotStarted:
        return QStringLiteral("N");
    case CompetenceLevel::InProgress:
        return QStringLiteral("E");
    case CompetenceLevel::Acquired:
        return QStringLiteral("A");
    case CompetenceLevel::Mastered:
        return QStringLiteral("M");
    }
    return {};
}

std::optional<CompetenceLevel> EvaluationGridModel::levelForKey(QChar key)
{
    switch (key.toUpper().unicode()) {
    case '0':
    case 'N':
        return CompetenceLevel::NotStarted;
    case '1':
    case 'E':
        return CompetenceLevel::InProgress;
    case '2':
    case 'A':
        return CompetenceLevel::Acquired;
    case '3':
    case 'M':
        return CompetenceLevel::Mastered;
    default:
        return std::nullopt;
    }
}

int EvaluationGridModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_view.trainees.size());
}

int EvaluationGridModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant EvaluationGridModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const int row = index.row();
    const int column = index.column();
    const std::optional<CompetenceLevel> level = levelAt(row, column);
    const ClassLearning::Key key = keyAt(row, column);
    switch (role) {
    case Qt::DisplayRole:
        return level ? keyOf(*level) : QString();
    case Qt::TextAlignmentRole:
        return Qt::AlignCenter;
    case Qt::BackgroundRole:
        return colourOf(level);
    case Qt::FontRole: {
        QFont f;
        f.setItalic(m_pending.contains(key)); // typed, not saved yet
        return f;
    }
    case Qt::ToolTipRole: {
        const int jobs = m_view.jobsOf(key.first, key.second);
        const QString practised = tr("%n job(s) of the log practised it.", nullptr, jobs);
        if (const auto typed = pendingAt(row, column))
            return tr("%1 — typed, not saved yet. %2").arg(labelOf(typed->level), practised);
        if (const auto latest = m_view.latestOf(key.first, key.second))
            return tr("%1 on %2 by %3. %4")
                .arg(labelOf(latest->level), text::frenchDate(latest->day), latest->evaluatorName, practised);
        return tr("Not evaluated yet. %1").arg(practised);
    }
    default:
        return {};
    }
}

QVariant EvaluationGridModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role != Qt::DisplayRole || section < 0 || section >= m_view.trainees.size())
            return {};
        const ClassLearning::Learner& t = m_view.trainees.at(section);
        return QStringLiteral("%1 %2").arg(t.lastName.toUpper(), t.firstName);
    }
    const Competence* c = competenceAt(section);
    if (!c)
        return {};
    int acquired = 0;
    for (int r = 0; r < rowCount(); ++r) {
        const auto level = levelAt(r, section);
        acquired +=
            level && (*level == CompetenceLevel::Acquired || *level == CompetenceLevel::Mastered) ? 1 : 0;
    }
    // What the group still needs: how many have it.
    if (role == Qt::DisplayRole)
        return QStringLiteral("%1\n%2/%3").arg(c->code).arg(acquired).arg(rowCount());
    if (role == Qt::ToolTipRole)
        return tr("%1 %2 — acquired or mastered by %3 of %4 trainees.")
            .arg(c->code, c->title)
            .arg(acquired)
            .arg(rowCount());
    return {};
}

Qt::ItemFlags EvaluationGridModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable : Qt::NoItemFlags;
}

QString EvaluationGridModel::jobLabel(const EvidenceEntry& job)
{
    const QString what = job.customerOrder ? tr("customer's order") : tr("exercise or school work");
    const QString reference = job.reference.isEmpty() ? tr("n° %1").arg(job.entryId) : job.reference;
    return tr("%1 — %2 (%3) — %4")
        .arg(text::frenchDate(job.day), reference, what, Quantities::formatDuration(job.minutes));
}

} // namespace etabli
