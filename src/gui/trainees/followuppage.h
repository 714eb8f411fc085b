#pragma once

#include "domain/career.h"

#include <QWidget>

class QLabel;
class QTableWidget;

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
    const QList<FollowUpDue>& due() const { return m_due; }

private:
    void openCurrent();

    Session& m_session;
    QLabel* m_count;
    QTableWidget* m_table;
    QList<FollowUpDue> m_due;
};

} // namespace etabli
