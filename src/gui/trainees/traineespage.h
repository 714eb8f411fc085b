#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace etabli {

class MessageBanner;
class Session;
class TraineeListModel;

// "Jeunes": search as you type (accents ignored), filters by section, school
// year and status, sort by any column; all in SQL.
class TraineesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraineesPage)

public:
    explicit TraineesPage(Session& session, QWidget* parent = nullptr);
    TraineeListModel* model() const { return m_model; }
    QLineEdit* searchField() const { return m_search; }
    QString countText() const;
    void reload();
    void applyFilter();
    // Writes the filtered list in the import's columns, as a workbook when
    // `path` ends in .xlsx, else as CSV; false with a message on failure.
    bool exportTo(const QString& path);

private:
    void reloadChoices();
    void openCurrent();
    void newTrainee();
    // "Passage en 2e année": the continuing first-years, ticked, moved in one action.
    void moveToSecondYear();
    // Selects the trainee's row if the list shows it.
    bool selectTrainee(qint64 id);
    void archiveCurrent();

    Session& m_session;
    MessageBanner* m_banner;
    QLineEdit* m_search;
    QComboBox* m_section;
    QComboBox* m_year;
    QComboBox* m_status;
    QCheckBox* m_archived;
    QLabel* m_count;
    QTableView* m_view;
    TraineeListModel* m_model;
    QPushButton* m_new;
    QPushButton* m_archive;
    QPushButton* m_import = nullptr;
    QTimer* m_searchDelay;
};

} // namespace etabli
