#pragma once

#include "domain/production.h"
#include "gui/common/rowstablemodel.h"

#include <QSet>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace etabli {

class PeriodEdit;
class Session;

// The figures of the log over a filter: hours per trainee by kind, skills
// practised, output per catalogue item, hours and materials per order.
class ProductionFiguresView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductionFiguresView)

public:
    explicit ProductionFiguresView(bool showTrainees, QWidget* parent = nullptr);
    void display(const ProductionFigures& figures);
    QString summaryText() const;
    QTableView* trainees() const { return m_trainees; }
    QTableView* skills() const { return m_skills; }
    QTableView* outputs() const { return m_outputs; }
    QTableView* references() const { return m_references; }

private:
    QLabel* m_summary;
    ColumnsModel<TraineeHours>* m_traineeRows;
    ColumnsModel<SkillPractice>* m_skillRows;
    QSet<QString> m_sharedLabels; // skill names two of the workshops shown give
    ColumnsModel<OutputTotal>* m_outputRows;
    ColumnsModel<ReferenceHours>* m_referenceRows;
    QTableView* m_trainees;
    QTableView* m_skills;
    QTableView* m_outputs;
    QTableView* m_references;
};

// "Bilan": the figures of a workshop (or all) over a period chosen with
// presets (this week, this month, the school year, the calendar year).
class ProductionFiguresPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductionFiguresPage)

public:
    explicit ProductionFiguresPage(Session& session, QWidget* parent = nullptr);
    void reload();
    void setPeriod(const QDate& from, const QDate& to);
    void setSection(qint64 sectionId);
    ProductionFiguresView* view() const { return m_view; }

private:
    void reloadSections();
    void applyPreset(int index);

    Session& m_session;
    QComboBox* m_section;
    QComboBox* m_preset;
    PeriodEdit* m_period;
    ProductionFiguresView* m_view;
};

} // namespace etabli
