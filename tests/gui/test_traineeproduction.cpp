// Issue 18, item 15: a trainee's Production tab fits its dialog and credits
// the trainee with their own hours and a share of each entry's output.

#include "gui/trainees/traineedialog.h"
#include "support/guidemo.h"
#include "support/viewcells.h"

#include <catch2/catch.hpp>
#include <QScreen>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>

using namespace etabli;

TEST_CASE("A trainee's Production tab takes the screen's room and shows their own hours beside the entry's",
          "[gui][trainees][production]")
{
    test::GuiDemo d("direction");
    // A trainee of the tyre workshop who worked this year with others.
    const qint64 id =
        test::rawScalar(
            d.session.database(),
            QStringLiteral("SELECT pt.trainee_id FROM production_trainee pt JOIN production_entry e ON "
                           "e.id = pt.entry_id WHERE (SELECT count(*) FROM production_trainee o WHERE "
                           "o.entry_id = e.id) > 2 ORDER BY e.day DESC, pt.trainee_id LIMIT 1"))
            .toLongLong();
    REQUIRE(id != 0);
    TraineeDialog dialog(d.session, id);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    const QSize before = dialog.size();
    auto* tabs = dialog.findChild<QTabWidget*>();
    REQUIRE(tabs);
    int production = -1;
    for (int i = 0; i < tabs->count(); ++i)
        if (tabs->tabText(i).remove(QLatin1Char('&')) == QStringLiteral("Production"))
            production = i;
    REQUIRE(production >= 0);
    tabs->setCurrentIndex(production);
    const QRect room = dialog.screen()->availableGeometry();
    CHECK(dialog.width() >= std::min(1200, room.width() - 40));
    CHECK(dialog.width() > before.width());
    CHECK(dialog.height() <= room.height());

    auto* entries = dialog.findChild<QTableView*>(QStringLiteral("traineeProductionEntries"));
    REQUIRE(entries);
    REQUIRE(test::rows(entries) > 0);
    CHECK(entries->model()->headerData(3, Qt::Horizontal).toString() == QStringLiteral("Ses heures"));
    CHECK(entries->model()->headerData(4, Qt::Horizontal).toString() ==
          QStringLiteral("Heures (tous les jeunes)"));
    // On an entry shared with others, their hours are fewer than the entry's.
    const auto minutes = [](const QString& text) {
        const QStringList parts = text.split(QStringLiteral(" h"));
        return parts.value(0).toInt() * 60 + parts.value(1).trimmed().toInt();
    };
    CHECK(minutes(test::cell(entries, 0, 3)) < minutes(test::cell(entries, 0, 4)));
}
