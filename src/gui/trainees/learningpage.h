#pragma once

#include "services/evaluationservice.h"

#include <memory>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableView;

namespace etabli {

namespace print {
struct Printable;
}

class DateField;
class EvaluationGridModel;
class ChoiceListModel;
class MessageBanner;
class Session;

// "Suivi des apprentissages": a section's trainees × the competences of a
// block of its diploma's framework (or all of them: the class's heat map),
// coloured by each one's latest level. A master trainer types the levels
// from the keyboard like the attendance register: N or 0 non abordé, E or 1
// en cours d'acquisition, A or 2 acquis, M or 3 maîtrisé, Delete takes the
// typing back, Ctrl+S saves. The side panel shows the competence's
// criteria, the jobs of the log proposed as its evidence (ticked: those
// since the last evaluation), a comment and the history.
class LearningPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LearningPage)

public:
    explicit LearningPage(Session& session, QWidget* parent = nullptr);

    // Shows the section's group on the certification's framework (`block`: -1 for all).
    void showClass(qint64 sectionId, qint64 certificationId, int block = -1);
    bool save();
    bool hasUnsavedChanges() const;
    // Asks whether to save pending levels; false when the user cancels.
    bool askToSave();

    QTableView* table() const { return m_table; }
    EvaluationGridModel* grid() const { return m_grid; }
    ChoiceListModel* evidence() const { return m_evidence; }
    QComboBox* blockBox() const { return m_block; }
    DateField* dayField() const { return m_day; }
    QLineEdit* commentField() const { return m_comment; }
    QLabel* historyLabel() const { return m_history; }
    MessageBanner* banner() const { return m_banner; }

    // The trainee's booklet, ready to print (null, said on `banner`, when it cannot be made).
    static std::unique_ptr<print::Printable> booklet(Session& session, qint64 traineeId,
                                                     MessageBanner* banner);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void reloadSections();
    void reloadFrameworks();
    void load();
    void showCell();
    void type(int row, int column, std::optional<CompetenceLevel> level);
    // The jobs of the log that practised a competence, read once for the cell
    // shown: typing a level there uses them again.
    Result<QList<EvidenceEntry>> jobsOf(qint64 trainee, qint64 competence);

    Session& m_session;
    MessageBanner* m_banner;
    QComboBox* m_section;
    QComboBox* m_framework;
    QComboBox* m_block;
    DateField* m_day;
    EvaluationGridModel* m_grid;
    QTableView* m_table;
    QLabel* m_cellTitle;
    QLabel* m_criteria;
    ChoiceListModel* m_evidence;
    QListView* m_evidenceView;
    QLineEdit* m_comment;
    QLabel* m_history;
    QPushButton* m_booklet;
    QPushButton* m_save;
    struct
    {
        qint64 trainee = 0;
        qint64 competence = 0;
        QList<EvidenceEntry> jobs;
    } m_jobs; // the last cell's, until the class is read again
};

} // namespace etabli
