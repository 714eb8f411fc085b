#pragma once

#include "gui/common/rowstablemodel.h"
#include "reports/reportdata.h"

#include <QWidget>

class QLabel;
class QTableView;

namespace etabli {

class MessageBanner;
class Session;

// The trainee record's "Livret" tab: each competence of the diploma's
// framework with the trainee's latest level, its day and the jobs of the
// log behind it — the booklet as printed, which the buttons preview, print
// or save as PDF.
class BookletTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BookletTab)

public:
    BookletTab(Session& session, qint64 traineeId, MessageBanner* banner, QWidget* parent = nullptr);
    void reload();
    QTableView* table() const { return m_table; }

    struct Row
    {
        QString framework; // set on a block's heading row
        QString code;
        QString title;
        std::optional<CompetenceLevel> level;
        QDate day;
        QString evaluator;
        int jobs = 0;
        int orders = 0;
        int minutes = 0;
        bool heading = false;
    };

private:
    Session& m_session;
    qint64 m_traineeId;
    MessageBanner* m_banner;
    QLabel* m_summary;
    ColumnsModel<Row>* m_rows;
    QTableView* m_table;
};

} // namespace etabli
