#include "gui/reports/reportjob.h"

#include "gui/common/session.h"
#include "services/reportdataservice.h"
#include "storage/database.h"

#include <atomic>
#include <memory>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>
#include <QTimer>

namespace etabli {

Status ReportJob::run(QWidget* parent, Session& session, const QString& label, const QList<Step>& steps)
{
    if (!session.isOpen())
        return fail(Error::Code::NotFound, tr("No database is open."));
    std::atomic<int> done{0};
    std::atomic<bool> cancelled{false};
    Status outcome;
    const DatabaseLocation location = session.database().location();
    const Clock& clock = session.clock();
    const UserContext user = session.user();
    std::unique_ptr<QThread> worker(QThread::create([&]() {
        auto db = Database::open(location, Database::OpenMode::ReadOnlyChecked);
        if (!db) {
            outcome = std::unexpected(db.error());
            return;
        }
        ReportDataService service(**db, clock, user);
        for (const Step& step : steps) {
            if (cancelled)
                return;
            outcome = step(service);
            if (!outcome)
                return;
            ++done;
        }
    }));

    QProgressDialog progress(label, tr("Cancel"), 0, static_cast<int>(steps.size()), parent);
    progress.setWindowTitle(tr("Preparing the report"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    QObject::connect(&progress, &QProgressDialog::canceled, &loop, [&]() {
        cancelled = true;
        progress.setLabelText(tr("Cancelling after the current step…"));
    });
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &progress, [&]() { progress.setValue(done); });
    tick.start(100);
    worker->start();
    loop.exec();
    worker->wait();
    tick.stop();
    // Closing the dialog emits canceled(): the answer is already known.
    QObject::disconnect(&progress, &QProgressDialog::canceled, nullptr, nullptr);
    progress.close();
    if (cancelled)
        return fail(Error::Code::Generic, QString());
    return outcome;
}

} // namespace etabli
