// Issue 19, item 6: opening no longer reads the whole file; the full check
// runs once a week in the background, and says so when it finds damage.
#include "gui/shell/integritywatch.h"
#include "storage/database.h"
#include "storage/metarepository.h"
#include "support/guidemo.h"
#include "support/guidialogs.h"
#include "support/testdatabase.h"

#include <catch2/catch.hpp>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace etabli;
using test::GuiDemo;
using test::onNextDialog;

TEST_CASE("The weekly check reads the whole file in the background and remembers the day", "[gui][integrity]")
{
    GuiDemo d("direction");
    QStatusBar bar;
    QWidget window;
    IntegrityWatch watch(d.session, &bar, &window);
    REQUIRE(MetaRepository(d.session.database()).setValue(QStringLiteral("integrity_checked"), QString()));
    QSignalSpy finished(&watch, &IntegrityWatch::finished);
    REQUIRE(watch.startIfDue());
    CHECK(bar.findChild<QLabel*>(QStringLiteral("integrityLabel"))->text() ==
          QStringLiteral("Vérification de la base de données…"));
    REQUIRE(finished.wait(60000));
    CHECK(finished.first().first().toBool());
    CHECK(bar.findChild<QLabel*>(QStringLiteral("integrityLabel"))->text() ==
          QStringLiteral("Base vérifiée : intacte"));
    CHECK(*MetaRepository(d.session.database()).value(QStringLiteral("integrity_checked")) ==
          test::kDemoToday.toString(Qt::ISODate));
    // Not again before a week.
    CHECK_FALSE(watch.startIfDue());
}

TEST_CASE("A damaged page opens, then the weekly check says so with what to do", "[gui][integrity]")
{
    test::TestDatabase t("sqlite", test::DemoSpec::school());
    t.db();
    t.close();
    // Damage the pages at the end of the file (rows and indexes, not the schema).
    QFile f(t.location().path);
    REQUIRE(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    REQUIRE(size > 200000);
    f.seek(size - 40960);
    f.write(QByteArray(32768, '\x5a'));
    f.close();
    auto db = t.reopen();
    REQUIRE(db); // opening reads only what costs the same whatever the size
    Session session;
    session.setClock(std::make_unique<FixedClock>(QDateTime(test::kDemoToday, QTime(9, 0), Qt::UTC)));
    session.setDatabase(std::move(*db));
    QStatusBar bar;
    QWidget window;
    IntegrityWatch watch(session, &bar, &window);
    QString said;
    onNextDialog<QMessageBox>([&said](QMessageBox* box) {
        said = box->text();
        box->accept();
    });
    QSignalSpy finished(&watch, &IntegrityWatch::finished);
    REQUIRE(watch.startIfDue());
    REQUIRE(finished.wait(60000));
    CHECK_FALSE(finished.first().first().toBool());
    CHECK(said.contains(QStringLiteral("endommagée")));
    CHECK(said.contains(QStringLiteral("Restaurer une sauvegarde")));
    CHECK(bar.findChild<QLabel*>(QStringLiteral("integrityLabel"))->text() ==
          QStringLiteral("Base de données ENDOMMAGÉE"));
}
