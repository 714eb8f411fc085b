#pragma once

#include "domain/learning.h"

#include <QAbstractTableModel>

namespace etabli {

// The class grid of the learning booklet as a model: a row per trainee of
// the section, a column per competence of the block shown (or of the whole
// framework: the class's heat map), each cell coloured by the latest level.
// Levels typed since (pending, in italics) stay when another block is shown;
// pending() is what save records.
class EvaluationGridModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EvaluationGridModel)

public:
    // A level typed and not saved yet, with the jobs chosen as its evidence.
    struct Pending
    {
        CompetenceLevel level = CompetenceLevel::NotStarted;
        QList<qint64> evidence;
        QString comment;
    };

    explicit EvaluationGridModel(QObject* parent = nullptr);

    // A new view: nothing pending. `block`: the framework's block shown, or -1 for all.
    void setView(const ClassLearning& view, int block);
    void showBlock(int block);
    void clear();
    const ClassLearning& view() const { return m_view; }

    qint64 traineeAt(int row) const;
    const Competence* competenceAt(int column) const;
    std::optional<CompetenceLevel> levelAt(int row, int column) const;
    std::optional<Pending> pendingAt(int row, int column) const;
    // Types a level (none: back to what is recorded).
    void mark(int row, int column, std::optional<Pending> pending);
    void setPendingEvidence(int row, int column, const QList<qint64>& evidence);
    void setPendingComment(int row, int column, const QString& comment);

    bool hasPending() const { return !m_pending.isEmpty(); }
    // What save records, each of `day`.
    QList<CompetenceEvaluation> pending(const QDate& day) const;

    // The colour of a level on the grid (none: not evaluated).
    static QColor colourOf(std::optional<CompetenceLevel> level);
    // The key typed for a level ("N", "E", "A", "M"), and back (also 0–3).
    static QString keyOf(CompetenceLevel level);
    static std::optional<CompetenceLevel> levelForKey(QChar key);
    // A job of the log as the evidence list shows it.
    static QString jobLabel(const EvidenceEntry& job);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    ClassLearning::Key keyAt(int row, int column) const;

    ClassLearning m_view;
    QList<const Competence*> m_columns; // into m_view.framework
    QHash<ClassLearning::Key, Pending> m_pending;
};

} // namespace etabli
