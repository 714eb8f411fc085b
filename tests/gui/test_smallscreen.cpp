// Issue 18, item 3: Établi fits the office's 1366×768 laptop.

#include "gui/common/session.h"
#include "gui/shell/mainwindow.h"
#include "services/demogenerator.h"
#include "support/guidemo.h"
#include "util/appsettings.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

using namespace etabli;

namespace {

// The laptop's screen less a task bar.
const QSize kLaptop(1366, 728);

// Visits the page shown, then each tab of its tab widgets, one after the
// other, each tab widget once (`mark` names the walk).
void walk(QWidget* window, QWidget* page, const QString& where, const char* mark,
          const std::function<void(QWidget*, const QString&)>& visit)
{
    QApplication::processEvents();
    visit(page, where);
    for (QTabWidget* tabs : page->findChildren<QTabWidget*>()) {
        if (!tabs->isVisibleTo(window) || tabs->property(mark).toBool())
            continue;
        tabs->setProperty(mark, true);
        for (int i = 0; i < tabs->count(); ++i) {
            if (!tabs->isTabVisible(i))
                continue;
            tabs->setCurrentIndex(i);
            walk(window, tabs->widget(i),
                 where + QStringLiteral(" › ") + tabs->tabText(i).remove(QLatin1Char('&')), mark, visit);
        }
    }
}

// Every button of a page that the window cuts off: its name and where it is.
void cutOff(QWidget* window, QWidget* page, const QString& where, QStringList* out)
{
    const QRect inside = window->rect();
    for (QPushButton* b : page->findChildren<QPushButton*>()) {
        if (!b->isVisibleTo(window) || b->text().isEmpty())
            continue;
        // In a scrolled form, the form's visible part is what must be on screen.
        QWidget* shown = b;
        for (QWidget* up = b->parentWidget(); up && up != page; up = up->parentWidget())
            if (auto* area = qobject_cast<QScrollArea*>(up))
                shown = area;
        const QRect r(shown->mapTo(window, QPoint(0, 0)), shown->size());
        if (!inside.contains(r))
            *out << QStringLiteral("%1 › « %2 » at %3,%4")
                        .arg(where, b->text().remove(QLatin1Char('&')))
                        .arg(r.x())
                        .arg(r.bottom());
    }
}

} // namespace

TEST_CASE("At 1366×768 every page keeps its buttons on screen", "[gui][smallscreen]")
{
    test::GuiDemo d("direction");
    AppSettings settings(QDir(d.t.dir()).filePath(QStringLiteral("settings.ini")));
    MainWindow window(d.session, settings);
    window.resize(kLaptop);
    window.show();
    QStringList out;
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        window.showPage(page);
        walk(&window, window.centralWidget(), QStringLiteral("page %1").arg(page), "visited",
             [&](QWidget* shown, const QString& where) { cutOff(&window, shown, where, &out); });
    }
    INFO(out.join(QLatin1Char('\n')).toStdString());
    CHECK(out.isEmpty());
}

TEST_CASE("The window fits the screen it opens on, and remembers where it was", "[gui][smallscreen]")
{
    test::GuiDemo d("direction");
    AppSettings settings(QDir(d.t.dir()).filePath(QStringLiteral("settings.ini")));
    const QRect screen = QApplication::primaryScreen()->availableGeometry();
    QSize kept;
    {
        MainWindow window(d.session, settings);
        // Nothing can force it larger than a laptop's screen, with room to spare.
        CHECK(window.minimumSizeHint().width() <= 1200);
        CHECK(window.minimumSizeHint().height() <= kLaptop.height());
        window.showFitted();
        QApplication::processEvents();
        INFO("screen " << screen.width() << "×" << screen.height());
        CHECK((window.isMaximized() || screen.contains(window.frameGeometry())));
        window.showNormal();
        window.setGeometry(screen.x() + 10, screen.y() + 10, 500, 400);
        kept = window.size(); // no smaller than it can be
        REQUIRE(window.close());
    }
    {
        // Kept from last time.
        MainWindow again(d.session, settings);
        again.showFitted();
        QApplication::processEvents();
        CHECK(again.size() == kept);
        // Made on a big screen: fitted to this one.
        again.setGeometry(screen.x() + 100, screen.y() + 100, screen.width() + 600, screen.height() + 400);
        REQUIRE(again.close());
    }
    MainWindow fitted(d.session, settings);
    fitted.showFitted();
    QApplication::processEvents();
    INFO("fitted " << fitted.frameGeometry().x() << "," << fitted.frameGeometry().y() << " "
                   << fitted.frameGeometry().width() << "×" << fitted.frameGeometry().height());
    // (The test screen may be smaller than the window can be: then it is as small as it can.)
    if (fitted.minimumSizeHint().width() < screen.width() &&
        fitted.minimumSizeHint().height() < screen.height())
        CHECK(screen.contains(fitted.frameGeometry()));
    else
        CHECK(fitted.frameGeometry().height() <= screen.height());
}

namespace {

// A modal dialog seen by the walk below: what opened it and how big it is.
struct Seen
{
    QString where;
    QString title;
    QSize size;
    QSize minimum;
    QStringList buttonsOff; // its buttons out of its own rect
};

// Closes every modal window, innermost first, noting each: Escape as a
// person would, or a rejection when Escape does not close it.
void closeModals(const QString& where, QList<Seen>* seen)
{
    for (int guard = 0; guard < 10; ++guard) {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        Seen s{where, modal->windowTitle(), modal->frameGeometry().size(), modal->minimumSizeHint(), {}};
        for (QAbstractButton* b : modal->findChildren<QAbstractButton*>()) {
            if (!b->isVisibleTo(modal) || qobject_cast<QPushButton*>(b) == nullptr || b->text().isEmpty())
                continue;
            const QRect r(b->mapTo(modal, QPoint(0, 0)), b->size());
            if (!modal->rect().contains(r))
                s.buttonsOff << b->text().remove(QLatin1Char('&'));
        }
        if (std::none_of(seen->begin(), seen->end(), [&](const Seen& o) { return o.title == s.title; }))
            *seen << s;
        if (auto* dialog = qobject_cast<QDialog*>(modal))
            dialog->reject();
        else
            modal->close();
        QApplication::processEvents();
    }
}

// Clicks every button of a page whose text ends with "…" (the dialogs'
// buttons), and closes what opens.
void openEveryDialog(QWidget* window, QWidget* page, const QString& where, QList<Seen>* seen)
{
    for (QPushButton* b : page->findChildren<QPushButton*>()) {
        const QString text = b->text().remove(QLatin1Char('&'));
        if (!b->isVisibleTo(window) || !b->isEnabled() || !text.endsWith(QChar(0x2026)) || b->menu())
            continue;
        const QString at = where + QStringLiteral(" › ") + text;
        QTimer closer;
        closer.setInterval(30);
        QObject::connect(&closer, &QTimer::timeout, [&]() { closeModals(at, seen); });
        closer.start();
        b->click();
        closer.stop();
        closeModals(at, seen);
    }
}

} // namespace

TEST_CASE("At 1366×768 every dialog a page opens fits the screen, its buttons in sight", "[gui][smallscreen]")
{
    test::GuiDemo d("direction");
    AppSettings settings(QDir(d.t.dir()).filePath(QStringLiteral("settings.ini")));
    MainWindow window(d.session, settings);
    window.resize(kLaptop);
    window.show();
    REQUIRE(window.screen()->size() == QSize(1366, 768));
    QList<Seen> seen;
    for (int page = 0; page < MainWindow::PageCount; ++page) {
        window.showPage(page);
        walk(&window, window.centralWidget(), QStringLiteral("page %1").arg(page), "opened",
             [&](QWidget* shown, const QString& where) { openEveryDialog(&window, shown, where, &seen); });
    }
    QStringList titles;
    for (const Seen& s : std::as_const(seen)) {
        titles << s.title;
        INFO(s.where.toStdString() << " opened « " << s.title.toStdString() << " » " << s.size.width() << "×"
                                   << s.size.height() << ", at least " << s.minimum.width() << "×"
                                   << s.minimum.height() << "; buttons off: "
                                   << s.buttonsOff.join(QStringLiteral(", ")).toStdString());
        // As opened on the laptop's screen (the tests' offscreen one), and
        // no larger than it can shrink to.
        CHECK(s.size.width() <= kLaptop.width());
        CHECK(s.size.height() <= kLaptop.height());
        CHECK(s.minimum.width() <= kLaptop.width());
        CHECK(s.minimum.height() <= kLaptop.height());
        CHECK(s.buttonsOff.isEmpty());
    }
    INFO(titles.join(QStringLiteral(" | ")).toStdString());
    // The walk reached the dialogs of every part of the application.
    CHECK(seen.size() >= 20);
}
