#pragma once

#include "domain/budget.h"
#include "gui/common/rowstablemodel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace etabli {

class MessageBanner;
class Session;

// "Subventions": the pipeline of subsidies (requested, granted, being paid,
// paid, accounted for, refused) with the amounts at each stage, the list
// filtered by financial year and status, and the subsidy dialog.
class SubsidiesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SubsidiesPage)

public:
    explicit SubsidiesPage(Session& session, QWidget* parent = nullptr);
    void reload();
    QTableView* table() const { return m_table; }
    QString pipelineText() const;
    // Opens the dialog on a subsidy (0: a new request).
    void open(qint64 id);

private:
    Session& m_session;
    MessageBanner* m_banner;
    QLabel* m_pipeline;
    QComboBox* m_year;
    QComboBox* m_status;
    ColumnsModel<Subsidy>* m_rows;
    QTableView* m_table;
};

} // namespace etabli
