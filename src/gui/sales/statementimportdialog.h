#pragma once

#include "gui/common/rowstablemodel.h"
#include "gui/common/sheetimportdialog.h"
#include "services/bankstatementservice.h"

#include <optional>

class QPushButton;

namespace etabli {

class Session;

// One movement of the statement being imported, and whether an earlier
// statement recorded it already.
struct StatementPreviewRow
{
    BankLine line;
    bool known = false;
};

// Importing a bank statement (OFX, CAMT.053, or the bank's CSV or Excel
// export): the preview lists its movements, those already recorded by an
// overlapping statement greyed, and the credits to reconcile. A CSV file
// whose columns Établi does not recognise asks which they are ("Columns…"),
// remembered for the next statement of that bank.
class StatementImportDialog final : public SheetImportDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatementImportDialog)

public:
    explicit StatementImportDialog(Session& session, QWidget* parent = nullptr);
    QString summary() const override;
    // The statement recorded by Import, or 0.
    qint64 statementId() const { return m_statementId; }
    QPushButton* columnsButton() const { return m_columns; }
    // Reads the file again with these columns (what "Columns…" does once chosen).
    void useLayout(const bank::CsvLayout& layout);

protected:
    Status read(const QByteArray& bytes, const Progress& progress) override;
    Status write(bool skipInvalid, const Progress& progress) override;
    int readyCount() const override { return m_preview.needsLayout ? 0 : m_preview.newLines(); }
    int refusedCount() const override { return 0; }
    QString fileFilter() const override;

private:
    void chooseColumns();

    Session& m_session;
    BankStatementService::Preview m_preview;
    std::optional<bank::CsvLayout> m_layout;
    ColumnsModel<StatementPreviewRow>* m_rows;
    QPushButton* m_columns;
    qint64 m_statementId = 0;
};

} // namespace etabli
