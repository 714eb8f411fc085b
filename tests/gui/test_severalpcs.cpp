// Two Établi windows, in two processes, on one PostgreSQL server (issue 20):
// what one does shows in the other within two seconds; a conflicting edit
// names the other person; the server stopped and started again reconnects.
//
// The other PC is this test program run again on its hidden case
// "[.peer]": a logged-in MainWindow where the commands its standard input
// gives ("trainee", "production ID", "rename ID", "quit") are typed into its
// pages and dialogs as a person would; it answers "PEER <result>" on its
// standard output.

#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/shell/mainwindow.h"
#include "gui/trainees/traineedialog.h"
#include "gui/trainees/traineespage.h"
#include "gui/workshops/productionentrymodels.h"
#include "gui/workshops/productionentrypage.h"
#include "gui/workshops/workshopspage.h"
#include "services/userservice.h"
#include "support/keyboard.h"
#include "support/ownserver.h"
#include "support/testdatabase.h"
#include "util/appsettings.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSocketNotifier>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <unistd.h>

using namespace etabli;

using etabli::test::typeInto;

namespace {

const QString kMariePassword = QStringLiteral("un-mot-de-passe-solide-2");

// Whether a list shown in the window (its current page, its current tabs) has `text` in a cell.
bool shows(QWidget* window, const QString& text)
{
    for (QAbstractItemView* view : window->findChildren<QAbstractItemView*>()) {
        if (!view->isVisible() || !view->model())
            continue;
        const QAbstractItemModel* m = view->model();
        for (int r = 0; r < m->rowCount(); ++r)
            for (int c = 0; c < m->columnCount(); ++c)
                if (m->index(r, c).data().toString().contains(text, Qt::CaseInsensitive))
                    return true;
    }
    return false;
}

// Waits (the event loop running) until `done`, at most `ms`; returns the time taken, or -1.
template <typename F> qint64 waitFor(F done, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > ms)
            return -1;
        QTest::qWait(20);
    }
    return t.elapsed();
}

} // namespace

TEST_CASE("(the other PC of the two-process test)", "[.peer]")
{
    const QString address = qEnvironmentVariable("ETABLI_PEER_DATABASE");
    if (address.isEmpty())
        return;
    auto location = DatabaseLocation::parse(address);
    REQUIRE(location);
    auto db = Database::open(*location, Database::OpenMode::OpenExisting);
    REQUIRE(db);
    Session session;
    session.setDatabase(std::move(*db));
    session.setUser(test::logIn(session.database(), QStringLiteral("marie"), kMariePassword));
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("peer.ini")));
    MainWindow window(session, settings);
    window.show();
    window.activateWindow(); // its shortcuts (Ctrl+S) act in the active window
    REQUIRE(QTest::qWaitForWindowActive(&window));
    const auto answer = [](const QString& text) {
        std::fprintf(stdout, "PEER %s\n", text.toUtf8().constData());
        std::fflush(stdout);
    };
    QEventLoop loop;
    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray pending;
    QObject::connect(&input, &QSocketNotifier::activated, &loop, [&]() {
        char buffer[256];
        const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0) {
            loop.quit();
            return;
        }
        pending.append(buffer, n);
        while (pending.contains('\n')) {
            const qsizetype end = pending.indexOf('\n');
            const QStringList words = QString::fromUtf8(pending.left(end)).split(QLatin1Char(' '));
            pending.remove(0, end + 1);
            const QString command = words.value(0);
            if (command == QLatin1String("quit")) {
                loop.quit();
                return;
            }
            if (command == QLatin1String("trainee")) {
                // "Nouveau jeune…" on the trainees' page, the record typed in its dialog.
                window.showPage(MainWindow::TraineesPageIndex);
                auto* page = window.findChild<TraineesPage*>();
                QPushButton* add = nullptr;
                for (QPushButton* b : page->findChildren<QPushButton*>())
                    if (b->isVisible() && b->text().startsWith(QStringLiteral("&Nouveau")))
                        add = b;
                if (!add) {
                    answer(QStringLiteral("error no button"));
                    continue;
                }
                qint64 created = 0;
                QString said;
                QTimer typing;
                typing.setInterval(20);
                QObject::connect(&typing, &QTimer::timeout, [&]() {
                    auto* dialog = qobject_cast<TraineeDialog*>(QApplication::activeModalWidget());
                    if (!dialog)
                        return;
                    typing.stop();
                    typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("lastName")),
                             QStringLiteral("Aabadie"));
                    typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("firstName")),
                             QStringLiteral("Noé"));
                    typeInto(dialog->findChild<QLineEdit*>(QStringLiteral("birthDate")),
                             QStringLiteral("04/03/2010"));
                    auto* status = dialog->findChild<QComboBox*>(QStringLiteral("status"));
                    QTest::keyClick(status, Qt::Key_Down); // "Candidat" → "Inscrit"
                    auto* entry = dialog->findChild<QLineEdit*>(QStringLiteral("entryDate"));
                    entry->selectAll();
                    typeInto(entry, QStringLiteral("01/09/2026"));
                    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
                    created = dialog->traineeId();
                    said = dialog->banner()->isVisible() ? dialog->banner()->text() : QString();
                    dialog->reject(); // the saved record stays open for its other tabs: closed
                });
                typing.start();
                add->click(); // the dialog, modal, until closed
                answer(created > 0 ? QString::number(created) : QStringLiteral("error ") + said);
            } else if (command == QLatin1String("production")) {
                // The day's entry on the workshops' page: the reference typed, the
                // trainee ticked with the space bar, Ctrl+S.
                const qint64 trainee = words.value(1).toLongLong();
                window.showPage(MainWindow::WorkshopsPageIndex);
                window.activateWindow(); // back to the window once the dialog closed
                if (!QTest::qWaitForWindowActive(&window)) {
                    answer(QStringLiteral("error window not active"));
                    continue;
                }
                auto* workshops = window.findChild<WorkshopsPage*>();
                ProductionEntryPage* entry = workshops->entryPage();
                workshops->setCurrentWidget(entry);
                auto* section = entry->findChild<QComboBox*>(QStringLiteral("entrySection"));
                const qint64 traineeSection =
                    test::rawScalar(
                        session.database(),
                        QStringLiteral("SELECT section_id FROM trainee WHERE id = %1").arg(trainee))
                        .toLongLong();
                section->setCurrentIndex(section->findData(traineeSection));
                typeInto(entry->findChild<QLineEdit*>(QStringLiteral("entryReference")),
                         QStringLiteral("ATELIER-PAIR"));
                EntryTraineesModel* rows = entry->traineesModel();
                int row = -1;
                for (int r = 0; r < rows->rowCount(); ++r)
                    if (rows->rowAt(r).traineeId == trainee)
                        row = r;
                if (row < 0) {
                    answer(QStringLiteral("error trainee not listed"));
                    continue;
                }
                // The day is today's (a real clock: two processes): on a Saturday
                // or a Sunday the page asks whether the workshop worked that day;
                // the trainer says yes.
                entry->setConfirmation([](const QString&) { return true; });
                QTableView* table = entry->traineesTable();
                table->setFocus();
                table->setCurrentIndex(rows->index(row, EntryTraineesModel::Name));
                QTest::keyClick(table, Qt::Key_Space);
                QTest::keyClick(table, Qt::Key_S, Qt::ControlModifier);
                // The form is cleared for the next entry: its number read back by its reference.
                const qint64 saved =
                    entry->statusText().startsWith(QStringLiteral("Entrée enregistrée"))
                        ? test::rawScalar(session.database(),
                                          QStringLiteral("SELECT max(id) FROM production_entry WHERE "
                                                         "reference = 'ATELIER-PAIR'"))
                              .toLongLong()
                        : 0;
                answer(saved > 0 ? QString::number(saved) : QStringLiteral("error ") + entry->statusText());
            } else if (command == QLatin1String("rename")) {
                // The record opened, the first name typed over, "Enregistrer".
                TraineeDialog dialog(session, words.value(1).toLongLong(), &window);
                dialog.show();
                auto* firstName = dialog.findChild<QLineEdit*>(QStringLiteral("firstName"));
                firstName->selectAll();
                typeInto(firstName, QStringLiteral("Noël"));
                dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
                answer(dialog.result() == QDialog::Accepted
                           ? QStringLiteral("renamed")
                           : QStringLiteral("error ") + dialog.banner()->text());
            }
        }
    });
    answer(QStringLiteral("ready"));
    loop.exec();
}

TEST_CASE("Two Établi processes on one server: each sees the other's work within two seconds, a conflict "
          "names the other person, a server stopped and started again reconnects",
          "[gui][severalpcs][postgresql]")
{
    test::OwnServer server;
    if (!server.isUsable()) {
        WARN(
            "No PostgreSQL server of the test's own (root and PostgreSQL's programs are needed): not tried.");
        return;
    }
    auto created = Database::open(server.location(), Database::OpenMode::CreateNew);
    REQUIRE(created);
    const UserContext director = test::createSchool(**created);
    User marie;
    marie.login = QStringLiteral("marie");
    marie.displayName = QStringLiteral("Marie Dupont");
    marie.role = Role::Secretariat;
    SystemClock clock;
    REQUIRE(UserService(**created, clock, director).create(marie, kMariePassword));

    Session session;
    session.setDatabase(std::move(*created));
    session.setUser(director);
    QTemporaryDir dir;
    AppSettings settings(dir.filePath(QStringLiteral("office.ini")));
    MainWindow window(session, settings);
    window.show();
    window.showPage(MainWindow::TraineesPageIndex);

    QProcess peer;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ETABLI_PEER_DATABASE"), server.location().toString());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    peer.setProcessEnvironment(env);
    peer.setProcessChannelMode(QProcess::ForwardedErrorChannel); // its failures in this log
    peer.start(QCoreApplication::applicationFilePath(), {QStringLiteral("[.peer]")});
    REQUIRE(peer.waitForStarted());
    QByteArray heard;
    const auto ask = [&](const QString& command) {
        if (!command.isEmpty())
            peer.write(command.toUtf8() + '\n');
        QString reply;
        waitFor(
            [&]() {
                heard += peer.readAllStandardOutput();
                const qsizetype at = heard.indexOf("PEER ");
                const qsizetype end = at < 0 ? -1 : heard.indexOf('\n', at);
                if (end < 0)
                    return false;
                reply = QString::fromUtf8(heard.mid(at + 5, end - at - 5));
                heard.remove(0, end + 1);
                return true;
            },
            60000);
        return reply;
    };
    REQUIRE(ask(QString()) == QStringLiteral("ready"));

    // The other PC adds a trainee: this window's list shows them within 2 s.
    const QString id = ask(QStringLiteral("trainee"));
    INFO(id.toStdString());
    REQUIRE(id.toLongLong() > 0);
    CHECK(waitFor([&]() { return shows(&window, QStringLiteral("Aabadie")); }, 2000) >= 0);

    // …and logs a morning of work: the workshops' log shows it within 2 s.
    window.showPage(MainWindow::WorkshopsPageIndex);
    for (QTabWidget* tabs : window.findChildren<QTabWidget*>())
        if (tabs->isVisible())
            for (int i = 0; i < tabs->count(); ++i)
                if (tabs->tabText(i).contains(QStringLiteral("Journal")))
                    tabs->setCurrentIndex(i);
    QTest::qWait(100);
    const QString entry = ask(QStringLiteral("production ") + id);
    INFO(entry.toStdString());
    REQUIRE(entry.toLongLong() > 0);
    CHECK(waitFor([&]() { return shows(&window, QStringLiteral("ATELIER-PAIR")); }, 2000) >= 0);

    // Both open the trainee; Marie saves first: this save is refused, with her name.
    {
        TraineeDialog dialog(session, id.toLongLong(), &window);
        dialog.show();
        REQUIRE(ask(QStringLiteral("rename ") + id) == QStringLiteral("renamed"));
        auto* firstName = dialog.findChild<QLineEdit*>(QStringLiteral("firstName"));
        REQUIRE(firstName);
        firstName->setText(QStringLiteral("Noa"));
        QString said;
        QTimer answering;
        answering.setInterval(20);
        QObject::connect(&answering, &QTimer::timeout, [&]() {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box || box->objectName() != QLatin1String("changedMeanwhile"))
                return;
            said = box->text();
            for (QAbstractButton* b : box->buttons())
                if (b->text() == QStringLiteral("Recharger sa version"))
                    b->click();
        });
        answering.start();
        dialog.accept();
        answering.stop();
        INFO(said.toStdString());
        CHECK(said.startsWith(QStringLiteral("Modifié par Marie Dupont à ")));
        CHECK(said.contains(QStringLiteral("pendant que vous le modifiiez")));
        CHECK(firstName->text() == QStringLiteral("Noël")); // her version, reloaded
        dialog.reject();
    }

    // The server goes (switched off) and comes back: the window says so, then reconnects by itself.
    auto* banner = window.findChild<MessageBanner*>(QStringLiteral("connectionBanner"));
    REQUIRE(banner);
    REQUIRE(server.stop());
    session.notifyDataChanged();
    CHECK(waitFor([&]() { return !banner->isHidden(); }, 10000) >= 0);
    CHECK(banner->text().startsWith(QStringLiteral("Connexion au serveur perdue — nouvelle tentative…")));
    REQUIRE(server.start());
    CHECK(waitFor([&]() { return banner->isHidden(); }, 20000) >= 0);
    CHECK_FALSE(session.database().isConnectionLost());
    CHECK(window.statusBar()->currentMessage() == QStringLiteral("Reconnecté au serveur."));

    peer.write("quit\n");
    peer.closeWriteChannel();
    CHECK(peer.waitForFinished(30000));
}
