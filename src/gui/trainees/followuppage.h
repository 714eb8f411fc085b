#pragma once

#include "domain/career.h"
#include "gui/common/rowstablemodel.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace etabli {

class Session;

// "Devenir à relancer": who left and is due for the 6- or 12-month contact.
class FollowUpPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FollowUpPage)

public:
    explicit FollowUpPage(Session& session, QWidget* parent = nullptr);
    void reload();
    const QList<FollowUpDue>& due() const { return m_due->rows(); }
    QTableView* table() const { return m_table; }

private:
    void openCurrent();

    Session& m_session;
    QLabel* m_count;
    ColumnsModel<FollowUpDue>* m_due;
    QTableView* m_table;
};

} // namespace etabli
