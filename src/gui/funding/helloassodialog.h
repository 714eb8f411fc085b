#pragma once

#include "gui/common/rowstablemodel.h"
#include "gui/common/sheetimportdialog.h"
#include "services/helloassoimportservice.h"

namespace etabli {

class Session;

// Importing the gifts collected on HelloAsso from its payments' export: the
// preview says what each line becomes — a gift with its donor (found in the
// directory, or new), or why it is left out (refunded, not paid, not a
// gift, already recorded) — and the total to record.
class HelloAssoDialog final : public SheetImportDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelloAssoDialog)

public:
    explicit HelloAssoDialog(Session& session, QWidget* parent = nullptr);
    QString summary() const override;
    int recorded() const { return m_recorded; }

protected:
    Status read(const QByteArray& bytes, const Progress& progress) override;
    Status write(bool skipInvalid, const Progress& progress) override;
    int readyCount() const override { return m_preview.count(HelloAssoImportService::Fate::Gift); }
    int refusedCount() const override { return m_preview.count(HelloAssoImportService::Fate::Refused); }

private:
    Session& m_session;
    HelloAssoImportService::Preview m_preview;
    ColumnsModel<HelloAssoImportService::Row>* m_rows;
    int m_recorded = 0;
};

} // namespace etabli
