// Two Établi windows, in two processes, on one PostgreSQL server (issue 20):
// what one does shows in the other within two seconds; a conflicting edit
// names the other person; the server stopped and started again reconnects.
//
// The other PC is this test program run again on its hidden case
// "[.peer]": a logged-in MainWindow that acts, through the services, on the
// commands its standard input gives ("trainee", "production ID", "rename
// ID", "quit") and answers "PEER <result>" on its standard output.

#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/shell/mainwindow.h"
#include "gui/trainees/traineedialog.h"
#include "services/productionservice.h"
#include "services/traineeservice.h"
#include "services/userservice.h"
#include "support/ownserver.h"
#include "support/testdatabase.h"
#include "util/appsettings.h"
#include "util/clock.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <QAbstractItemView>
#include <QApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSocketNotifier>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <unistd.h>

using namespace etabli;

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
                Trainee t;
                t.lastName = QStringLiteral("Aabadie");
                t.firstName = QStringLiteral("Noé");
                t.sex = QStringLiteral("M");
                t.birthDate = QDate(2010, 3, 4);
                t.sectionId =
                    test::rawScalar(session.database(), QStringLiteral("SELECT min(id) FROM section"))
                        .toLongLong();
                t.cohortYear = 2026;
                t.entryDate = QDate(2026, 9, 1);
                t.status = TraineeStatus::Enrolled;
                t.studyYear = 1;
                auto id = session.service<TraineeService>().create(t);
                answer(id ? QString::number(*id) : QStringLiteral("error ") + id.error().message);
            } else if (command == QLatin1String("production")) {
                const qint64 trainee = words.value(1).toLongLong();
                ProductionEntry e;
                e.sectionId =
                    test::rawScalar(session.database(), QStringLiteral("SELECT min(id) FROM section"))
                        .toLongLong();
                e.day = QDate(2026, 11, 27);
                e.kind = ProductionKind::Exercise;
                e.reference = QStringLiteral("ATELIER-PAIR");
                e.trainees = {{trainee, 180}};
                auto id = session.service<ProductionService>().save(e, true);
                answer(id ? QString::number(*id) : QStringLiteral("error ") + id.error().message);
            } else if (command == QLatin1String("rename")) {
                auto t = session.service<TraineeService>().get(words.value(1).toLongLong());
                if (!t) {
                    answer(QStringLiteral("error ") + t.error().message);
                    continue;
                }
                t->firstName = QStringLiteral("Noël");
                auto r = session.service<TraineeService>().update(*t);
                answer(r ? QStringLiteral("renamed") : QStringLiteral("error ") + r.error().message);
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
