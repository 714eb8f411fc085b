// Issue 18, item 12: help where the user is — F1 opens the guide shipped
// with the application at the part that describes the page shown.

#include "gui/sales/bankpage.h"
#include "gui/sales/invoicespage.h"
#include "gui/sales/salespage.h"
#include "gui/shell/helpwindow.h"
#include "gui/shell/mainwindow.h"
#include "support/guidemo.h"
#include "util/appsettings.h"

#include <catch2/catch.hpp>
#include <QAction>
#include <QDir>
#include <QRegularExpression>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTreeWidget>

using namespace etabli;
using test::GuiDemo;

TEST_CASE("F1 opens the user guide at the page's part: the invoices, the trainees' list", "[gui][help]")
{
    GuiDemo d("secretariat");
    AppSettings settings(QDir(d.t.dir()).filePath(QStringLiteral("settings.ini")));
    MainWindow window(d.session, settings);
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
    window.showPage(MainWindow::SalesPageIndex);
    window.salesPage()->setCurrentWidget(window.salesPage()->invoicesPage());
    QTest::keyClick(&window, Qt::Key_F1);
    auto* help = window.findChild<HelpWindow*>();
    REQUIRE(help);
    CHECK(help->isVisible());
    CHECK(help->currentHeading() == QStringLiteral("Les factures"));
    // The contents list every chapter of the guide.
    CHECK(help->findChild<QTreeWidget*>()->topLevelItemCount() > 10);

    help->close();
    window.showPage(MainWindow::TraineesPageIndex);
    window.findChild<QAction*>(QStringLiteral("userGuide"))->trigger();
    CHECK(help->isVisible());
    CHECK(help->currentHeading() == QStringLiteral("La liste"));
    CHECK(HelpWindow::topicOf(window.findChild<QTabWidget*>(QStringLiteral("traineesTabs"))) ==
          QStringList{QStringLiteral("Les jeunes"), QStringLiteral("La liste")});

    // The bank statements' tab: its chapter.
    help->close();
    window.showPage(MainWindow::SalesPageIndex);
    window.salesPage()->setCurrentWidget(window.salesPage()->bankPage());
    QTest::keyClick(&window, Qt::Key_F1);
    CHECK(help->currentHeading() == QStringLiteral("Rapprocher un relevé"));
}

TEST_CASE("The guide shipped is the guide of docs, with every picture, and promises nothing to come",
          "[gui][help]")
{
    HelpWindow help;
    const QString html = help.browser()->document()->toHtml();
    CHECK(help.browser()->toPlainText().contains(QStringLiteral("Guide de l'utilisateur")));
    CHECK_FALSE(help.browser()->toPlainText().contains(QStringLiteral("prochaines versions")));
    CHECK_FALSE(help.browser()->toPlainText().contains(QStringLiteral("arrivent dans l'application")));
    // Every picture the guide shows is in the application.
    int pictures = 0;
    auto images = QRegularExpression(QStringLiteral("<img src=\"([^\"]+)\"")).globalMatch(html);
    while (images.hasNext()) {
        const QString name = images.next().captured(1);
        INFO(name.toStdString());
        CHECK_FALSE(help.browser()->loadResource(QTextDocument::ImageResource, QUrl(name)).isNull());
        ++pictures;
    }
    CHECK(pictures >= 20);
}
