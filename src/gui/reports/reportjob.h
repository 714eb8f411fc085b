#pragma once

#include "util/error.h"

#include <functional>
#include <QCoreApplication>
#include <QList>

class QWidget;

namespace etabli {

class ReportDataService;
class Session;

// Gathers a report's data off the GUI thread: the steps run one after the
// other on a worker thread with its own read-only connection to the open
// database, while a progress dialog counts them; "Cancel" stops after the
// step under way (a query cannot be cut short) and nothing is printed.
// The layout and the charts are made afterwards on the GUI thread (Qt
// Charts are graphics items, which belong to it).
class ReportJob
{
    Q_DECLARE_TR_FUNCTIONS(ReportJob)

public:
    using Step = std::function<Status(ReportDataService&)>;

    // An error with Code::Generic and an empty message when cancelled.
    static Status run(QWidget* parent, Session& session, const QString& label, const QList<Step>& steps);
};

} // namespace etabli
