#pragma once

#include "gui/common/rowstablemodel.h"
#include "services/contactimportservice.h"

#include <memory>
#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressDialog;
class QPushButton;
class QTableView;

namespace etabli {

class Session;

// Importing contacts from a spreadsheet, Dolibarr or Paheko (CSV or .xlsx):
// a preview of every line — refused ones in red with their reason, the
// look-alikes of recorded contacts with what merging would add — then the
// office chooses per look-alike (F merge, I skip, C create all the same)
// and imports, all lines or, if it chooses, the valid ones only. Long files
// show their progress and may be stopped (nothing written).
class ContactImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactImportDialog)

public:
    ContactImportDialog(Session& session, QWidget* parent = nullptr);
    // Reads and checks a file (no writing); false when the file is refused.
    bool load(const QByteArray& bytes);
    QString summary() const;
    ContactImportService::Outcome outcome() const { return m_outcome; }
    QTableView* table() const { return m_table; }
    QCheckBox* skipInvalid() const { return m_skip; }
    QComboBox* defaultRole() const { return m_role; }
    // The choice for the selected look-alikes (the F, I and C keys).
    void chooseForSelection(ContactImportService::DuplicateChoice choice);

    void accept() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void chooseFile();
    void refreshButtons();
    // A long step's progress, which the office may stop.
    std::unique_ptr<QProgressDialog> progressDialog(const QString& label);
    static ContactImportService::Progress reportTo(QProgressDialog& progress);

    Session& m_session;
    QByteArray m_bytes;
    ContactImportService::Preview m_preview; // all but its rows, which the model holds
    QLabel* m_summary;
    QComboBox* m_role;
    ColumnsModel<ContactImportService::Row>* m_rows;
    QTableView* m_table;
    QCheckBox* m_skip;
    QPushButton* m_import;
    ContactImportService::Outcome m_outcome;
};

} // namespace etabli
