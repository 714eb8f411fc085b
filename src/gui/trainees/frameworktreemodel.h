#pragma once

#include "domain/learning.h"

#include <QAbstractItemModel>
#include <QHash>

namespace etabli {

// A certification's framework as a tree: its blocks, each with its
// competences (code, title, criteria, the workshop skills that practise it).
class FrameworkTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FrameworkTreeModel)

public:
    enum Column
    {
        Code,
        Title,
        Criteria,
        Skills,
        ColumnCount
    };

    explicit FrameworkTreeModel(QObject* parent = nullptr);

    // `skills`: competence id → workshop skills mapped onto it.
    void setFramework(const SkillFramework& framework, const QHash<qint64, QList<qint64>>& skills);
    const SkillFramework& framework() const { return m_framework; }
    void setSkillsOf(qint64 competenceId, const QList<qint64>& skills);
    QList<qint64> skillsOf(qint64 competenceId) const { return m_skills.value(competenceId); }

    // The block of an index (a block's row or one of its competences'), -1 for none.
    int blockOf(const QModelIndex& index) const;
    // The competence of an index, or null for a block's row.
    const Competence* competenceOf(const QModelIndex& index) const;
    QModelIndex indexOfCompetence(const QString& code) const;
    QModelIndex indexOfBlock(const QString& code) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SkillFramework m_framework;
    QHash<qint64, QList<qint64>> m_skills;
};

} // namespace etabli
