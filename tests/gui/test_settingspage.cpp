#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/settings/settingspage.h"
#include "services/schoolservice.h"
#include "support/testdatabase.h"
#include "util/appsettings.h"

#include <catch2/catch.hpp>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTest>
#include <QWheelEvent>

using namespace etabli;

namespace {

struct SettingsFixture
{
    test::TestDatabase t;
    AppSettings settings;
    Session session;
    std::unique_ptr<SettingsPage> page;

    SettingsFixture() : settings(QDir(t.dir()).filePath(QStringLiteral("settings.ini")))
    {
        test::createSchool(t.db());
        t.close();
        auto db = t.reopen();
        REQUIRE(db);
        session.setDatabase(std::move(*db));
        session.setUser(
            test::logIn(session.database(), QStringLiteral("direction"), test::directorPassword()));
        page = std::make_unique<SettingsPage>(session, settings);
        page->show();
    }

    template <typename T> T* child(const char* name)
    {
        return page->findChild<T*>(QString::fromLatin1(name));
    }
    SchoolIdentity stored()
    {
        return *SchoolService(session.database(), session.clock(), session.user()).identity();
    }
};

} // namespace

TEST_CASE("Typing in the settings and saving writes the database", "[gui][settings]")
{
    SettingsFixture f;
    auto* city = f.child<QLineEdit>("city");
    auto* siret = f.child<QLineEdit>("siret");
    auto* save = f.child<QPushButton>("save");
    REQUIRE(city);
    CHECK_FALSE(save->isEnabled());
    QTest::keyClicks(city, QStringLiteral("Dole"));
    QTest::keyClicks(siret, QStringLiteral("753 124 680 00012"));
    CHECK(f.page->hasUnsavedChanges());
    CHECK(save->isEnabled());
    auto* fiscal = f.child<QComboBox>("fiscalYearStartMonth");
    fiscal->setCurrentIndex(8);
    QTest::keyClicks(f.child<QPlainTextEdit>("statutoryObject"),
                     QStringLiteral("Former des jeunes par la production"));
    QTest::keyClicks(f.child<QLineEdit>("receiptSignatoryName"), QStringLiteral("Paul Girardot"));
    QTest::keyClicks(f.child<QLineEdit>("receiptSignatoryCapacity"), QStringLiteral("Directrice"));
    QTest::mouseClick(save, Qt::LeftButton);

    const SchoolIdentity s = f.stored();
    CHECK(s.statutoryObject == QStringLiteral("Former des jeunes par la production"));
    CHECK(s.receiptSignatoryName == QStringLiteral("Paul Girardot"));
    CHECK(s.receiptSignatoryCapacity == QStringLiteral("Directrice"));
    CHECK(s.city == QStringLiteral("Dole"));
    CHECK(s.siret == QStringLiteral("75312468000012"));
    CHECK(s.fiscalYearStartMonth == 9);
    CHECK_FALSE(f.page->hasUnsavedChanges());
    CHECK(f.page->banner()->kind() == MessageBanner::Kind::Success);
}

TEST_CASE("A bad SIRET is explained and nothing is saved", "[gui][settings]")
{
    SettingsFixture f;
    const SchoolIdentity before = f.stored();
    QTest::keyClicks(f.child<QLineEdit>("siret"), QStringLiteral("12345678901234"));
    QTest::keyClicks(f.child<QLineEdit>("city"), QStringLiteral("Dole"));
    QTest::mouseClick(f.child<QPushButton>("save"), Qt::LeftButton);
    CHECK(f.page->banner()->isVisible());
    CHECK(f.page->banner()->kind() == MessageBanner::Kind::Error);
    CHECK(f.page->banner()->text().contains(QStringLiteral("SIRET")));
    CHECK(f.stored() == before);
    CHECK(f.page->hasUnsavedChanges());

    // "Annuler les modifications" brings the stored values back.
    QTest::mouseClick(f.child<QPushButton>("revert"), Qt::LeftButton);
    CHECK(f.child<QLineEdit>("city")->text().isEmpty());
    CHECK_FALSE(f.page->hasUnsavedChanges());
}

TEST_CASE("The settings page lists the sections and saves with Ctrl+S", "[gui][settings]")
{
    SettingsFixture f;
    auto* list = f.child<QListWidget>("sectionsList");
    REQUIRE(list->count() == 2);
    CHECK(list->item(0)->text() == QStringLiteral("Pneus et services"));
    CHECK(list->item(1)->text() == QStringLiteral("Métallerie"));

    list->setCurrentRow(1);
    QTest::mouseClick(f.child<QPushButton>("toggleSection"), Qt::LeftButton);
    CHECK(list->item(1)->text().contains(QStringLiteral("inactive")));
    CHECK(SchoolService(f.session.database(), f.session.clock(), f.session.user()).sections(true)->size() ==
          1);
    CHECK(f.child<QPushButton>("toggleSection")->text().remove(QLatin1Char('&')) ==
          QStringLiteral("Réactiver"));

    auto* name = f.child<QLineEdit>("name");
    QApplication::setActiveWindow(f.page.get());
    REQUIRE(QTest::qWaitForWindowActive(f.page.get()));
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Juralternance Dole"));
    QTest::keyClick(name, Qt::Key_S, Qt::ControlModifier);
    CHECK(f.stored().name == QStringLiteral("Juralternance Dole"));
}

TEST_CASE("Scrolling the settings with the wheel over a field changes nothing (issue 18, item 4)",
          "[gui][settings]")
{
    SettingsFixture f;
    f.page->resize(1100, 500); // small enough to scroll
    auto* vat = f.child<QComboBox>("vatRegime");
    REQUIRE(vat);
    const int before = vat->currentIndex();
    QScrollArea* area = nullptr;
    for (QWidget* up = vat->parentWidget(); up && !area; up = up->parentWidget())
        area = qobject_cast<QScrollArea*>(up);
    const int scrolledBefore = area ? area->verticalScrollBar()->value() : 0;
    const auto wheel = [](QWidget* target, int delta) {
        const QPointF centre = target->rect().center();
        QWheelEvent event(centre, target->mapToGlobal(centre), QPoint(), QPoint(0, delta), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(target, &event);
    };
    for (int delta : {-120, -120, 120, -120})
        wheel(vat, delta);
    CHECK(vat->currentIndex() == before);
    CHECK_FALSE(f.child<QPushButton>("save")->isEnabled()); // nothing to save
    if (area && area->verticalScrollBar()->maximum() > 0)
        CHECK(area->verticalScrollBar()->value() != scrolledBefore); // the form scrolled instead

    // Once the user chose the field, the wheel is theirs.
    QApplication::setActiveWindow(f.page.get());
    vat->setFocus();
    REQUIRE(vat->hasFocus());
    wheel(vat, -120);
    CHECK(vat->currentIndex() != before);
}
