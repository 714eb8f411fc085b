#pragma once

#include "util/error.h"

#include <functional>
#include <memory>
#include <QDialog>

class QAbstractItemModel;
class QCheckBox;
class QHBoxLayout;
class QLabel;
class QProgressDialog;
class QPushButton;
class QTableView;

namespace etabli {

// The frame every import from a spreadsheet shares (trainees, contacts,
// HelloAsso gifts): what the file should hold, "Choose the file…" (.xlsx
// or CSV), a summary, the preview of every line, "Leave the refused lines
// out", Import and Cancel. A subclass reads the file into its model
// (read), says how many lines are ready or refused, and imports (write).
// A long step shows its progress and may be stopped.
class SheetImportDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SheetImportDialog)

public:
    using Progress = std::function<bool(qsizetype done, qsizetype total)>;

    // Reads and checks a file (no writing); false when the file is refused.
    bool load(const QByteArray& bytes, const QString& fileName = QString());
    virtual QString summary() const = 0;
    QTableView* table() const { return m_table; }
    QCheckBox* skipInvalid() const { return m_skip; }
    QPushButton* importButton() const { return m_import; }

    void accept() override;

protected:
    SheetImportDialog(const QString& title, const QString& help, QWidget* parent);

    void setModel(QAbstractItemModel* model);
    // Beside "Choose the file…"; under the table.
    QHBoxLayout* topRow() const { return m_top; }
    QHBoxLayout* belowTable() const { return m_below; }
    // The file read again (an option that changes how it reads).
    void reload();
    // The summary and the Import button, after the rows changed.
    void refresh();

    // Fills the model from the file; an error (with an empty message when stopped) refuses it.
    virtual Status read(const QByteArray& bytes, const Progress& progress) = 0;
    virtual Status write(bool skipInvalid, const Progress& progress) = 0;
    virtual int readyCount() const = 0;
    virtual int refusedCount() const = 0;
    // The files "Choose the file…" offers (spreadsheets by default).
    virtual QString fileFilter() const;
    // The name of the file loaded (without its folder), or empty.
    QString fileName() const { return m_fileName; }
    // What the progress says while reading and writing.
    virtual QString readingLabel() const;
    virtual QString writingLabel() const;

private:
    void chooseFile();
    std::unique_ptr<QProgressDialog> progressDialog(const QString& label);
    static Progress reportTo(QProgressDialog& progress);

    QByteArray m_bytes;
    QString m_fileName;
    QHBoxLayout* m_top;
    QLabel* m_summary;
    QTableView* m_table;
    QHBoxLayout* m_below;
    QCheckBox* m_skip;
    QPushButton* m_import;
};

} // namespace etabli
