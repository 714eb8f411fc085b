#pragma once

#include "gui/common/rowstablemodel.h"
#include "gui/common/sheetimportdialog.h"
#include "services/traineeimportservice.h"

namespace etabli {

class Session;

// Importing trainees from a spreadsheet (.xlsx or CSV): a preview of every
// line with its problem, then everything or, if the user chooses, the valid
// lines only.
class ImportDialog final : public SheetImportDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    explicit ImportDialog(Session& session, QWidget* parent = nullptr);
    QString summary() const override;
    int imported() const { return m_imported; }

protected:
    Status read(const QByteArray& bytes, const Progress& progress) override;
    Status write(bool skipInvalid, const Progress& progress) override;
    int readyCount() const override { return m_preview.validCount(); }
    int refusedCount() const override { return m_preview.invalidCount(); }

private:
    Session& m_session;
    TraineeImportService::Preview m_preview;
    ColumnsModel<TraineeImportService::Row>* m_rows;
    int m_imported = 0;
};

} // namespace etabli
