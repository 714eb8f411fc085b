#pragma once

#include "domain/production.h"
#include "gui/common/rowstablemodel.h"

#include <QWidget>

class QComboBox;
class QTableView;

namespace etabli {

class ProductionFiguresView;
class Session;

// The trainee record's "Production" tab: the hours this trainee worked by
// kind, the skills practised and how often, what the entries made, and the
// entries themselves, over a school year or the whole course.
class ProductionTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProductionTab)

public:
    ProductionTab(Session& session, qint64 traineeId, QWidget* parent = nullptr);
    void reload();
    QTableView* entries() const { return m_entries; }
    ProductionFiguresView* figures() const { return m_figures; }

private:
    Session& m_session;
    qint64 m_traineeId;
    QComboBox* m_period;
    ProductionFiguresView* m_figures;
    ColumnsModel<ProductionSummary>* m_rows;
    QTableView* m_entries;
};

} // namespace etabli
