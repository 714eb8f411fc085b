#include "gui/shell/movetoserverdialog.h"

#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/shell/serverfields.h"
#include "storage/databasecopy.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <QDir>
#include <QEventLoop>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QThread>
#include <QTimer>

namespace etabli {

namespace {

// The copy runs on a worker thread (it opens its own connections) while a
// progress dialog names the table under way; it cannot be cut short: a
// stop would only roll the server's transaction back.
Result<DatabaseCopy::Outcome> moveShowingProgress(QWidget* parent, const DatabaseLocation& from,
                                                  const DatabaseLocation& to, int tableCount)
{
    std::mutex lock;
    QString current;
    std::atomic<int> done{0};
    Result<DatabaseCopy::Outcome> outcome = fail(Error::Code::Generic, QString());
    std::unique_ptr<QThread> worker(QThread::create([&]() {
        outcome = DatabaseCopy::move(from, to, [&](const QString& table) {
            const std::lock_guard<std::mutex> guard(lock);
            current = table;
            ++done;
        });
    }));
    QProgressDialog progress(MoveToServerDialog::tr("Copying the school onto the server…"), QString(), 0,
                             tableCount + 1, parent);
    progress.setWindowTitle(MoveToServerDialog::tr("Move the school onto the server"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    progress.setMinimumWidth(480); // the table's name changes: the box keeps its size
    QEventLoop loop;
    QObject::connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    QTimer tick;
    QObject::connect(&tick, &QTimer::timeout, &progress, [&]() {
        const std::lock_guard<std::mutex> guard(lock);
        progress.setValue(std::min(done.load(), tableCount));
        if (!current.isEmpty())
            progress.setLabelText(
                MoveToServerDialog::tr("Copying the school onto the server… (table %1)").arg(current));
    });
    tick.start(100);
    worker->start();
    loop.exec();
    worker->wait();
    tick.stop();
    progress.close();
    return outcome;
}

} // namespace

std::optional<DatabaseLocation> MoveToServerDialog::ask(QWidget* parent, const DatabaseLocation& file)
{
    FormDialog dialog(tr("Move the school onto the server"), parent);
    dialog.setObjectName(QStringLiteral("moveToServerDialog"));
    dialog.okButton()->setText(tr("&Move the school"));
    auto* intro = new QLabel(
        tr("The whole school open on this PC (%1) is copied into the database made ready on the school's "
           "server by etabli-cli server init: accounts, history, invoices and their chains, numbering, "
           "documents. Give the login that owns that database's tables (not the PCs' daily login). The copy "
           "is "
           "checked row by row before it is kept; the file is not changed.")
            .arg(QDir::toNativeSeparators(file.path)),
        &dialog);
    intro->setWordWrap(true);
    intro->setMinimumWidth(460);
    dialog.form()->insertRow(0, intro);
    ServerFields f(dialog, tr("Login owning the tables:"));
    auto* test = new QPushButton(tr("&Test the server"), &dialog);
    test->setObjectName(QStringLiteral("testConnection"));
    dialog.addRow(QString(), test);
    DatabaseLocation proposed;
    proposed.kind = DatabaseLocation::Kind::PostgreSQL;
    proposed.databaseName = QStringLiteral("ecole");
    proposed.user = QStringLiteral("etabli_proprietaire");
    f.show(proposed);
    dialog.markSaved();

    const auto ready = [&f]() -> Result<std::pair<DatabaseLocation, QString>> {
        auto to = f.location();
        if (!to)
            return std::unexpected(to.error());
        QGuiApplication::setOverrideCursor(Qt::WaitCursor);
        auto daily = DatabaseCopy::readyToReceive(*to);
        QGuiApplication::restoreOverrideCursor();
        if (!daily)
            return std::unexpected(daily.error());
        return std::make_pair(*to, *daily);
    };
    QObject::connect(test, &QPushButton::clicked, &dialog, [&dialog, &ready]() {
        auto checked = ready();
        if (!checked)
            dialog.showMessage(MessageBanner::Kind::Error, checked.error().message);
        else
            dialog.showMessage(
                MessageBanner::Kind::Success,
                checked->second.isEmpty()
                    ? tr("The server is ready: an empty Établi database, and this login owns its tables.")
                    : tr("The server is ready: an empty Établi database, and this login owns its tables. The "
                         "PCs will connect as “%1”.")
                          .arg(checked->second));
    });

    std::optional<DatabaseLocation> forThePcs;
    dialog.setAction([&]() -> Status {
        auto checked = ready();
        if (!checked)
            return std::unexpected(checked.error());
        auto source = Database::open(file, Database::OpenMode::ReadOnly);
        if (!source)
            return std::unexpected(source.error());
        auto tables = DatabaseCopy::tables(**source);
        source->reset();
        if (!tables)
            return std::unexpected(tables.error());
        const DatabaseLocation to = checked->first;
        auto moved = moveShowingProgress(&dialog, file, to, static_cast<int>(tables->size()));
        if (!moved)
            return std::unexpected(moved.error());
        // The daily role's rights, given by server init, cover the rows copied
        // (and the tables a newer schema adds: the owner's default privileges).
        const QString* daily = &checked->second;
        qint64 rows = 0;
        for (const DatabaseCopy::TableRows& t : std::as_const(moved->tables))
            rows += t.target;
        DatabaseLocation pcs = to;
        pcs.password.clear();
        if (!daily->isEmpty())
            pcs.user = *daily;
        forThePcs = pcs;
        QMessageBox::information(
            &dialog, tr("Move the school onto the server"),
            tr("The school is on the server %1, in the database “%2”: %3 tables, %4 rows, the same as in the "
               "file, checked.\n\n"
               "From now on, work on the server: the file %5 is no longer kept up to date (opened again, it "
               "says so); keep it as a copy of today, do not change it.\n\nThis PC now connects to the "
               "server%6.")
                .arg(to.host, to.databaseName)
                .arg(moved->tables.size())
                .arg(QLocale().toString(rows))
                .arg(QDir::toNativeSeparators(file.path))
                .arg(daily->isEmpty() ? QString() : tr(" with the PCs' login “%1”").arg(*daily)));
        return {};
    });
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return forThePcs;
}

} // namespace etabli
