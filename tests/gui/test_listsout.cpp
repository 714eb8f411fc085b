// Issue 18, item 11: every list can leave the screen — printed, in PDF or
// as a spreadsheet file — with the rows its filters choose, all of them, and
// those filters in its title.

#include "gui/common/listoutput.h"
#include "gui/funding/subsidiespage.h"
#include "gui/sales/contactspage.h"
#include "gui/sales/invoicespage.h"
#include "gui/trainees/absencespage.h"
#include "gui/trainees/traineelistmodel.h"
#include "gui/trainees/traineespage.h"
#include "gui/workshops/productionfigurespage.h"
#include "gui/workshops/productionlogpage.h"
#include "io/csv.h"
#include "support/guidemo.h"
#include "support/guidialogs.h"
#include "support/pdftext.h"
#include "support/viewcells.h"
#include "support/xlsxread.h"

#include <catch2/catch.hpp>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace etabli;
using test::GuiDemo;
using test::onNextDialog;

namespace {

// Chooses an entry of the button's menu and answers the file dialog with `path`.
void saveThroughMenu(ListOutput* output, const char* action, const QString& path)
{
    onNextDialog<QFileDialog>([path](QFileDialog* dialog) {
        dialog->selectFile(path);
        static_cast<QDialog*>(dialog)->accept(); // QFileDialog's own accept() is protected
    });
    QAction* chosen = output->menu()->findChild<QAction*>(QString::fromLatin1(action));
    REQUIRE(chosen);
    chosen->trigger();
}

csv::Table readCsv(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    auto table = csv::parse(file.readAll());
    REQUIRE(table);
    return *table;
}

} // namespace

TEST_CASE("The unpaid invoices leave as a spreadsheet and a PDF, all of them, titled with the filter",
          "[gui][lists]")
{
    GuiDemo d("secretariat");
    InvoicesPage page(d.session);
    page.show();
    page.statusFilter()->setCurrentIndex(
        page.statusFilter()->findData(static_cast<int>(InvoicesPage::Shown::Unpaid)));
    const qint64 unpaid = page.totalCount();
    REQUIRE(unpaid > 0);

    QTemporaryDir dir;
    const QString csvPath = dir.filePath(QStringLiteral("impayes.csv"));
    saveThroughMenu(page.output(), "csvList", csvPath);
    INFO(page.bannerText().toStdString());
    const csv::Table table = readCsv(csvPath);
    CHECK(table.header.value(0) == QStringLiteral("Factures — Impayées"));
    // A blank line (which the reader skips), the headings as on screen, then
    // one line per invoice.
    REQUIRE(table.rows.size() == unpaid + 1);
    CHECK(table.rows.at(0).value(0) == QStringLiteral("Numéro"));
    CHECK(table.rows.at(0).value(6) == QStringLiteral("Statut"));
    for (qsizetype r = 1; r < table.rows.size(); ++r)
        CHECK(table.rows.at(r).value(6) != QStringLiteral("Payée"));
    CHECK(table.rows.at(1).value(0) == test::cell(page.table(), 0, 0));
    CHECK(QFile(csvPath).permissions() ==
          (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    CHECK(page.bannerText().contains(QStringLiteral("impayes.csv")));

    const QString pdfPath = dir.filePath(QStringLiteral("impayes.pdf"));
    saveThroughMenu(page.output(), "pdfList", pdfPath);
    const QString text = test::pdfText(pdfPath);
    CHECK(text.contains(QStringLiteral("Factures — Impayées")));
    CHECK(text.contains(test::cell(page.table(), 0, 0)));
    CHECK(text.contains(QStringLiteral("%1 lignes").arg(unpaid)));
}

TEST_CASE("A searched list prints what the search found, beyond the page on screen", "[gui][lists]")
{
    GuiDemo d("secretariat");
    ContactsPage page(d.session);
    page.show();
    const qint64 all = page.totalCount();
    REQUIRE(all > PagedListPage::PageSize);
    auto everyone = page.output()->content();
    REQUIRE(everyone);
    CHECK(everyone->tables.value(0).rows.size() == all);
    CHECK(everyone->fullTitle() == QStringLiteral("Contacts — Tous les contacts"));

    QTest::keyClicks(page.searchField(), QStringLiteral("dole"));
    QTRY_VERIFY(page.totalCount() < all);
    auto found = page.output()->content();
    REQUIRE(found);
    CHECK(found->tables.value(0).rows.size() == page.totalCount());
    CHECK(found->filters.contains(QStringLiteral("recherche « dole »")));
    for (const QStringList& row : found->tables.value(0).rows)
        CHECK(row.join(QLatin1Char(' ')).contains(QStringLiteral("Dole"), Qt::CaseInsensitive));
}

TEST_CASE("The trainees' list prints every trainee, the figures page each of its tables", "[gui][lists]")
{
    GuiDemo d("direction");
    TraineesPage trainees(d.session);
    trainees.show();
    auto list = trainees.findChild<ListOutput*>()->content();
    REQUIRE(list);
    CHECK(list->tables.value(0).rows.size() == trainees.model()->totalCount());
    CHECK(list->title == QStringLiteral("Jeunes"));

    ProductionFiguresPage figures(d.session);
    figures.show();
    auto made = figures.findChild<ListOutput*>()->content();
    REQUIRE(made);
    REQUIRE(made->tables.size() == 4);
    CHECK(made->tables.at(0).caption == QStringLiteral("Heures de chaque jeune"));
    CHECK(made->tables.at(0).rows.size() == test::rows(figures.view()->trainees()));
    CHECK(made->filters.value(1).startsWith(QStringLiteral("du ")));

    AbsencesPage absences(d.session);
    absences.show();
    auto attendance = absences.findChild<ListOutput*>()->content();
    REQUIRE(attendance);
    CHECK(attendance->tables.size() == 2);
    CHECK(attendance->filters.contains(absences.rateText()));

    SubsidiesPage subsidies(d.session);
    subsidies.show();
    auto funded = subsidies.findChild<ListOutput*>()->content();
    REQUIRE(funded);
    CHECK(funded->title == QStringLiteral("Subventions"));
    CHECK(funded->tables.value(0).rows.size() == test::rows(subsidies.table()));
}

TEST_CASE("A list the account may not read does not leave either", "[gui][lists]")
{
    GuiDemo d("formateur.metal");
    InvoicesPage page(d.session);
    auto refused = page.output()->content();
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.contains(QStringLiteral("liste")));
}

TEST_CASE(
    "A list leaves as a workbook whose cells are typed: days as dates, amounts in euros, hours and counts",
    "[gui][lists][xlsx]")
{
    GuiDemo d("direction");
    InvoicesPage page(d.session);
    page.show();
    page.statusFilter()->setCurrentIndex(
        page.statusFilter()->findData(static_cast<int>(InvoicesPage::Shown::Unpaid)));
    const qint64 unpaid = page.totalCount();
    REQUIRE(unpaid > 0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("impayes.xlsx"));
    saveThroughMenu(page.output(), "xlsxList", path);
    INFO(page.bannerText().toStdString());
    CHECK(QFile(path).permissions() ==
          (QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser));
    QStringList cells = test::xlsxCells(path);
    INFO(cells.mid(0, 40).join(QLatin1Char('\n')).toStdString());
    // The title and its filter above the frozen headings, then one row per invoice.
    CHECK(cells.contains(QStringLiteral("sheet|Factures|A3")));
    CHECK(cells.contains(QStringLiteral("A1|str|Factures — Impayées|General")));
    CHECK(cells.contains(QStringLiteral("A2|str|Numéro|General")));
    CHECK(cells.contains(QStringLiteral("A3|str|%1|General").arg(test::cell(page.table(), 0, 0))));
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^B3\\|datetime\\|.*\\|dd/mm/yyyy$"))).size() == 1);
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^D3\\|(int|float)\\|[0-9.]+\\|.*€"))).size() == 1);
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^A%1\\|str\\|F20").arg(unpaid + 2))).size() == 1);

    // A page of several tables: a sheet each; hours and counts as numbers.
    ProductionFiguresPage figures(d.session);
    figures.show();
    const QString figuresPath = dir.filePath(QStringLiteral("production.xlsx"));
    REQUIRE(figures.findChild<ListOutput*>()->writeXlsx(figuresPath));
    cells = test::xlsxCells(figuresPath);
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^sheet\\|"))).size() == 4);
    CHECK(cells.contains(QStringLiteral("sheet|Heures de chaque jeune|A3")));
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^E3\\|float\\|[0-9.]+\\|0\\.00$"))).size() >= 1);
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^F3\\|(int|float)\\|[0-9]+\\|General$"))).size() >=
          1);

    // The trainees: days of birth as dates.
    TraineesPage trainees(d.session);
    trainees.show();
    const QString traineesPath = dir.filePath(QStringLiteral("jeunes.xlsx"));
    REQUIRE(trainees.findChild<ListOutput*>()->writeXlsx(traineesPath));
    cells = test::xlsxCells(traineesPath);
    CHECK(cells.filter(QRegularExpression(QStringLiteral("^B3\\|datetime\\|"))).size() == 1);
}
