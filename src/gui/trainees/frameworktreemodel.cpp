#include "gui/trainees/frameworktreemodel.h"

#include <QFont>

namespace etabli {

// A block's row has the internal id 0; a competence's, its block's row + 1.

FrameworkTreeModel::FrameworkTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void FrameworkTreeModel::setFramework(const SkillFramework& framework,
                                      const QHash<qint64, QList<qint64>>& skills)
{
    beginResetModel();
    m_framework = framework;
    m_skills = skills;
    endResetModel();
}

void FrameworkTreeModel::setSkillsOf(qint64 competenceId, const QList<qint64>& skills)
{
    m_skills.insert(competenceId, skills);
    for (int b = 0; b < m_framework.blocks.size(); ++b) {
        const QList<Competence>& competences = m_framework.blocks.at(b).competences;
        for (int c = 0; c < competences.size(); ++c) {
            if (competences.at(c).id == competenceId) {
                const QModelIndex at = index(c, Skills, index(b, 0));
                Q_EMIT dataChanged(at, at);
            }
        }
    }
}

int FrameworkTreeModel::blockOf(const QModelIndex& index) const
{
    if (!index.isValid())
        return -1;
    return index.internalId() == 0 ? index.row() : static_cast<int>(index.internalId()) - 1;
}

const Competence* FrameworkTreeModel::competenceOf(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == 0)
        return nullptr;
    const int block = static_cast<int>(index.internalId()) - 1;
    if (block < 0 || block >= m_framework.blocks.size())
        return nullptr;
    const QList<Competence>& competences = m_framework.blocks.at(block).competences;
    return index.row() < competences.size() ? &competences.at(index.row()) : nullptr;
}

QModelIndex FrameworkTreeModel::indexOfCompetence(const QString& code) const
{
    for (int b = 0; b < m_framework.blocks.size(); ++b) {
        const QList<Competence>& competences = m_framework.blocks.at(b).competences;
        for (int c = 0; c < competences.size(); ++c) {
            if (competences.at(c).code == code)
                return index(c, 0, index(b, 0));
        }
    }
    return {};
}

QModelIndex FrameworkTreeModel::indexOfBlock(const QString& code) const
{
    for (int b = 0; b < m_framework.blocks.size(); ++b) {
        if (m_framework.blocks.at(b).code == code)
            return index(b, 0);
    }
    return {};
}

QModelIndex FrameworkTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex FrameworkTreeModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(static_cast<int>(child.internalId()) - 1, 0, quintptr(0));
}

int FrameworkTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_framework.blocks.size());
    if (parent.internalId() != 0 || parent.column() != 0 || parent.row() >= m_framework.blocks.size())
        return 0;
    return static_cast<int>(m_framework.blocks.at(parent.row()).competences.size());
}

int FrameworkTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant FrameworkTreeModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Competence* c = competenceOf(index);
    if (!c) {
        const int b = blockOf(index);
        if (b < 0 || b >= m_framework.blocks.size())
            return {};
        const CompetenceBlock& block = m_framework.blocks.at(b);
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role != Qt::DisplayRole)
            return {};
        switch (index.column()) {
        case Code:
            return block.code;
        case Title:
            return block.title;
        case Criteria:
            return tr("%n competence(s)", nullptr, static_cast<int>(block.competences.size()));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Criteria) {
        QStringList lines;
        for (const CompetenceCriterion& k : c->criteria)
            lines << QStringLiteral("• %1").arg(k.title);
        return lines.join(QLatin1Char('\n'));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Code:
        return c->code;
    case Title:
        return c->title;
    case Criteria:
        return tr("%n criterion(s)", nullptr, static_cast<int>(c->criteria.size()));
    case Skills: {
        const int n = static_cast<int>(m_skills.value(c->id).size());
        return n == 0 ? tr("none: no evidence proposed") : tr("%n skill(s)", nullptr, n);
    }
    default:
        return {};
    }
}

QVariant FrameworkTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Code:
        return tr("Code");
    case Title:
        return tr("Block or competence");
    case Criteria:
        return tr("Criteria");
    case Skills:
        return tr("Workshop skills");
    default:
        return {};
    }
}

} // namespace etabli
