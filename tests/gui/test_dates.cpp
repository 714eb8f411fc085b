// Issue 18, item 1: dates typed as the office types them, in every form.

#include "gui/common/datefield.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/funding/donationspage.h"
#include "gui/sales/customerchooser.h"
#include "gui/trainees/traineedialog.h"
#include "support/guidemo.h"
#include "support/guidialogs.h"
#include "util/text.h"

#include <catch2/catch.hpp>
#include <QApplication>
#include <QCalendarWidget>
#include <QLineEdit>
#include <QTest>
#include <QTimer>
#include <QWheelEvent>

using namespace etabli;
using test::GuiDemo;
using test::kDemoToday;

TEST_CASE("A day is read as it is typed, with nothing else around it", "[dates]")
{
    const QDate today(2026, 11, 27);
    const QDate expected(2011, 3, 12);
    for (const char* typed : {"12032011", "12/03/2011", "12/3/11", "2011-03-12", "120311", "12.03.2011",
                              "12-03-2011", " 12/03/2011 "})
        CHECK(text::parseTypedDate(QString::fromLatin1(typed), today) == expected);
    CHECK(text::parseTypedDate(QStringLiteral("01/02/95"), today) == QDate(1995, 2, 1));
    CHECK(text::parseTypedDate(QStringLiteral("01/02/36"), today) == QDate(2036, 2, 1));
    for (const char* wrong : {"", "31/02/2026", "12/03/2011 x", "le 12/03/2011", "12/03", "1203201",
                              "12/03-2011", "2011-13-01", "abc"})
        CHECK_FALSE(text::parseTypedDate(QString::fromLatin1(wrong), today).isValid());
}

TEST_CASE("A date field takes the day as typed, shows it as 12/03/2011 and is left with one Tab",
          "[gui][dates]")
{
    GuiDemo d("secretariat");
    TraineeDialog dialog(d.session, 0);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    auto* birth = dialog.findChild<DateField*>(QStringLiteral("birthDate"));
    auto* entry = dialog.findChild<DateField*>(QStringLiteral("entryDate"));
    REQUIRE(birth);
    REQUIRE(entry);
    // Empty until typed: no dash, no 1900, no 2000.
    CHECK(birth->text().isEmpty());
    CHECK(entry->text().isEmpty());
    CHECK_FALSE(birth->date().isValid());

    for (const char* typed : {"12032011", "12/03/2011", "12/3/11", "2011-03-12"}) {
        INFO(typed);
        birth->setFocus();
        birth->selectAll();
        QTest::keyClicks(birth, QString::fromLatin1(typed));
        QTest::keyClick(birth, Qt::Key_Tab);
        CHECK_FALSE(birth->hasFocus()); // one Tab leaves it: no day, month, year stops
        CHECK(birth->text() == QStringLiteral("12/03/2011"));
        CHECK(birth->date() == QDate(2011, 3, 12));
        CHECK(birth->problem().isEmpty());
    }
    // Tab through the empty optional entry date: it stays empty.
    entry->setFocus();
    QTest::keyClick(entry, Qt::Key_Tab);
    CHECK(entry->text().isEmpty());
    CHECK_FALSE(entry->date().isValid());

    // The wheel over a date does not change it.
    const QPoint centre = birth->rect().center();
    QWheelEvent wheel(centre, birth->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(birth, &wheel);
    CHECK(birth->date() == QDate(2011, 3, 12));

    // The calendar of an empty birth date opens sixteen years ago; of another empty date, on today.
    birth->setDate(QDate());
    birth->setFocus();
    QTest::keyClick(birth, Qt::Key_Down, Qt::AltModifier);
    REQUIRE(birth->calendar());
    CHECK(birth->calendar()->isVisible());
    CHECK(birth->calendar()->selectedDate() == kDemoToday.addYears(-16));
    QTest::keyClick(birth->calendar(), Qt::Key_Escape);
    entry->openCalendar();
    CHECK(entry->calendar()->selectedDate() == QDate::currentDate());
    // A day chosen in it is the field's.
    emit entry->calendar()->activated(QDate(2026, 9, 1));
    CHECK(entry->text() == QStringLiteral("01/09/2026"));
    CHECK_FALSE(entry->calendar()->isVisible());
}

TEST_CASE("A date typed wrong is named and nothing is saved", "[gui][dates]")
{
    GuiDemo d("secretariat");
    TraineeDialog dialog(d.session, 0);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("lastName")), QStringLiteral("Perrin"));
    QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("firstName")), QStringLiteral("Tom"));
    auto* birth = dialog.findChild<DateField*>(QStringLiteral("birthDate"));
    QTest::keyClicks(birth, QStringLiteral("31/02/2011"));
    const qint64 before =
        test::rawScalar(d.session.database(), QStringLiteral("SELECT count(*) FROM trainee")).toLongLong();
    dialog.accept();
    CHECK(dialog.isVisible());
    CHECK(dialog.banner()->text() ==
          QStringLiteral("Né(e) le : « 31/02/2011 » n'est pas une date : tapez-la comme 12/03/2011."));
    CHECK(birth->hasFocus());
    CHECK(
        test::rawScalar(d.session.database(), QStringLiteral("SELECT count(*) FROM trainee")).toLongLong() ==
        before);
}

TEST_CASE("A gift typed from the keyboard keeps the day typed", "[gui][dates][funding]")
{
    GuiDemo d("secretariat");
    DonationsPage page(d.session);
    page.show();
    const qint64 donor =
        test::rawScalar(d.session.database(),
                        QStringLiteral("SELECT min(id) FROM contact WHERE person = 1 AND is_donor = 1"))
            .toLongLong();
    QString problem;
    QTimer::singleShot(0, [&]() {
        auto* dialog = qobject_cast<FormDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        dialog->findChild<CustomerChooser*>()->setContact(donor);
        auto* day = dialog->findChild<DateField*>();
        REQUIRE(day);
        CHECK(day->date() == kDemoToday); // proposed, as shown
        day->setFocus();
        day->selectAll();
        QTest::keyClicks(day, QStringLiteral("15102026"));
        QTest::keyClick(day, Qt::Key_Tab);
        auto* amount = qobject_cast<QLineEdit*>(dialog->focusWidget());
        REQUIRE(amount);
        CHECK(amount->placeholderText() == QStringLiteral("0,00 €")); // the next field, at once
        QTest::keyClicks(amount, QStringLiteral("50"));
        dialog->accept();
        problem = dialog->banner()->isVisibleTo(dialog) ? dialog->banner()->text() : QString();
        if (dialog->isVisible())
            test::closeThrowingAway(dialog);
    });
    page.newGift();
    INFO(problem.toStdString());
    CHECK(problem.isEmpty());
    CHECK(
        test::rawScalar(d.session.database(),
                        QStringLiteral("SELECT day FROM donation WHERE id = (SELECT max(id) FROM donation)"))
            .toString() == QStringLiteral("2026-10-15"));
}
