// Issue 18, item 3: Établi fits the office's 1366×768 laptop.

#include "gui/common/session.h"
#include "gui/shell/mainwindow.h"
#include "services/demogenerator.h"
#include "support/guidemo.h"
#include "util/appsettings.h"

#include <catch2/catch.hpp>
#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QTabWidget>
#include <QTest>

using namespace etabli;

namespace {

// The laptop's screen less a task bar.
const QSize kLaptop(1366, 728);

// Every button of the page shown (its tabs, one after the other) that the
// window cuts off: its name and where it is.
void cutOff(QWidget* window, QWidget* page, const QString& where, QStringList* out)
{
    QApplication::processEvents();
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
    for (QTabWidget* tabs : page->findChildren<QTabWidget*>()) {
        if (!tabs->isVisibleTo(window) || tabs->property("visited").toBool())
            continue;
        tabs->setProperty("visited", true);
        for (int i = 0; i < tabs->count(); ++i) {
            if (!tabs->isTabVisible(i))
                continue;
            tabs->setCurrentIndex(i);
            cutOff(window, tabs->widget(i),
                   where + QStringLiteral(" › ") + tabs->tabText(i).remove(QLatin1Char('&')), out);
        }
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
        cutOff(&window, window.centralWidget(), QStringLiteral("page %1").arg(page), &out);
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
