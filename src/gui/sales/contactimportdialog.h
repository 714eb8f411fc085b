#pragma once

#include "gui/common/rowstablemodel.h"
#include "gui/common/sheetimportdialog.h"
#include "services/contactimportservice.h"

class QComboBox;

namespace etabli {

class Session;

// Importing contacts from a spreadsheet, Dolibarr or Paheko (CSV or .xlsx):
// the preview shows every line — refused ones in red with their reason, the
// look-alikes of recorded contacts in yellow with what merging would add —
// and the office chooses per look-alike (F merge, I skip, C create all the
// same) before importing.
class ContactImportDialog final : public SheetImportDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactImportDialog)

public:
    explicit ContactImportDialog(Session& session, QWidget* parent = nullptr);
    QString summary() const override;
    ContactImportService::Outcome outcome() const { return m_outcome; }
    QComboBox* defaultRole() const { return m_role; }
    // The choice for the selected look-alikes (the F, I and C keys).
    void chooseForSelection(ContactImportService::DuplicateChoice choice);

protected:
    Status read(const QByteArray& bytes, const Progress& progress) override;
    Status write(bool skipInvalid, const Progress& progress) override;
    int readyCount() const override;
    int refusedCount() const override;
    QString writingLabel() const override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The preview as shown: its rows (with the office's choices) are the model's.
    ContactImportService::Preview shown() const;

    Session& m_session;
    ContactImportService::Preview m_preview; // all but its rows, which the model holds
    QComboBox* m_role;
    ColumnsModel<ContactImportService::Row>* m_rows;
    ContactImportService::Outcome m_outcome;
};

} // namespace etabli
