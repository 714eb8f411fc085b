#pragma once

#include "gui/common/rowstablemodel.h"
#include "services/traineeimportservice.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace etabli {

class Session;

// Importing trainees from a CSV file: a preview of every line with its
// problem, then everything or, if the user chooses, the valid lines only.
class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    ImportDialog(Session& session, QWidget* parent = nullptr);
    // Reads and checks a file (no writing); false when the file is refused.
    bool load(const QByteArray& bytes);
    QString summary() const;
    int imported() const { return m_imported; }
    QCheckBox* skipInvalid() const { return m_skip; }
    QTableView* table() const { return m_table; }

    void accept() override;

private:
    void chooseFile();

    Session& m_session;
    TraineeImportService::Preview m_preview;
    QLabel* m_summary;
    ColumnsModel<TraineeImportService::Row>* m_rows;
    QTableView* m_table;
    QCheckBox* m_skip;
    QPushButton* m_import;
    int m_imported = 0;
};

} // namespace etabli
