#include "gui/common/formdialog.h"
#include "gui/funding/yearcombo.h"
#include "gui/reports/reportspage.h"
#include "print/documentprinter.h"
#include "support/guidemo.h"
#include "support/viewcells.h"

#include <catch2/catch.hpp>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QListWidget>
#include <QTableView>
#include <QTextEdit>
#include <QTimer>

using namespace etabli;

namespace {

QString cell(const QTableView* table, const QString& label, int column)
{
    for (int r = 0; r < test::rows(table); ++r)
        if (test::cell(table, r, 0).trimmed() == label)
            return test::cell(table, r, column);
    return QString();
}

} // namespace

TEST_CASE("The Reports page shows a year's indicators beside the year before", "[gui][reports]")
{
    test::GuiDemo d("lecture");
    ReportsPage page(d.session);
    page.show();
    REQUIRE(page.yearCombo()->findText(QStringLiteral("2013-2014")) >= 0);
    page.yearCombo()->setCurrentIndex(page.yearCombo()->findText(QStringLiteral("2013-2014")));
    page.sectionCombo()->setCurrentIndex(page.sectionCombo()->findText(QStringLiteral("Pneus et services")));
    QTableView* table = page.table();
    QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(table->model()->headerData(1, Qt::Horizontal).toString() == QStringLiteral("2013-2014"));
    CHECK(table->model()->headerData(2, Qt::Horizontal).toString() == QStringLiteral("2012-2013"));
    CHECK(cell(table, QStringLiteral("Entrées"), 1) == QStringLiteral("6"));
    CHECK(cell(table, QStringLiteral("Poursuivent l'année suivante"), 1) == QStringLiteral("4"));
    CHECK(cell(table, QStringLiteral("CFG"), 1).startsWith(QStringLiteral("2 /")));
    CHECK(page.indicators().exitsByReason.value(QStringLiteral("personal")) == 1);
    // The published reference values beside the school's own (the demo's are invented, and say so).
    bool reference = false;
    for (int r = 0; r < test::rows(table); ++r)
        reference = reference || (test::cell(table, r, 0).contains(QStringLiteral("Référence")) &&
                                  test::cell(table, r, 0).contains(QStringLiteral("fictive")) &&
                                  test::cell(table, r, 1) == QStringLiteral("80,0 %"));
    CHECK(reference);
}

TEST_CASE("Rapports prints the funder pack from a worker thread, the texts are typed in the application",
          "[gui][reports][print]")
{
    test::GuiDemo d("direction");
    ReportsPage page(d.session);
    page.show();
    page.yearCombo()->setCurrentIndex(page.yearCombo()->findText(QStringLiteral("2025-2026")));

    // The narrative: typed in rich text, kept for the year, printed in the report.
    bool typed = false;
    QTimer::singleShot(0, [&]() {
        auto* dialog = qobject_cast<FormDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        auto* highlights = dialog->findChild<QTextEdit*>(QStringLiteral("highlights"));
        REQUIRE(highlights);
        highlights->setHtml(QStringLiteral("<p>Le <b>garage solidaire</b> a ouvert.</p>"));
        typed = true;
        dialog->accept();
    });
    page.editNarrative();
    CHECK(typed);
    CHECK(page.bannerText().contains(QStringLiteral("enregistrés")));

    auto* kind = page.documentCombo();
    kind->setCurrentIndex(kind->findData(static_cast<int>(ReportsPage::Document::Grant)));
    CHECK_FALSE(page.makeDocument()); // no subsidy ticked
    CHECK(page.bannerText().contains(QStringLiteral("Cochez une subvention")));

    kind->setCurrentIndex(kind->findData(static_cast<int>(ReportsPage::Document::Pack)));
    YearCombo* year = page.financialYearCombo();
    for (int i = 0; i < year->count(); ++i)
        if (year->itemData(i).toList().value(0).toInt() == 2025)
            year->setCurrentIndex(i);
    REQUIRE(year->startYear() == 2025);
    REQUIRE(page.subsidyList()->rowCount() > 0);
    REQUIRE(page.subsidyList()->setData(page.subsidyList()->index(0, 0), Qt::Checked, Qt::CheckStateRole));
    auto pack = page.makeDocument();
    REQUIRE(pack);
    CHECK(pack->frame.title == QStringLiteral("Pack financeur"));
    const QString text = pack->document.toPlainText();
    CHECK(text.contains(QStringLiteral("Sommaire")));
    CHECK(text.contains(QStringLiteral("1. Rapport d'activité 2025-2026")));
    CHECK(text.contains(QStringLiteral("garage solidaire")));
    CHECK(text.contains(QStringLiteral("3. Les fondamentaux de l'école de production 2025-2026")));
    CHECK(text.contains(QStringLiteral("4. Rapport financier 2025")));
    CHECK(text.contains(QStringLiteral("5. Compte rendu financier de la subvention")));

    // Sign-in sheets need a section.
    kind->setCurrentIndex(kind->findData(static_cast<int>(ReportsPage::Document::Attendance)));
    page.sectionCombo()->setCurrentIndex(0);
    if (page.sectionCombo()->currentData().toLongLong() == 0) {
        CHECK_FALSE(page.makeDocument());
        CHECK(page.bannerText().contains(QStringLiteral("section")));
    }
    page.sectionCombo()->setCurrentIndex(page.sectionCombo()->findText(QStringLiteral("Métallerie")));
    auto sheets = page.makeDocument();
    REQUIRE(sheets);
    CHECK(sheets->frame.landscape);
    CHECK(sheets->document.toPlainText().contains(QStringLiteral("Formateur (nom et signature)")));
}

TEST_CASE("A trainer cannot print the financial report", "[gui][reports][access]")
{
    test::GuiDemo d("formateur.metal");
    ReportsPage page(d.session);
    auto* kind = page.documentCombo();
    kind->setCurrentIndex(kind->findData(static_cast<int>(ReportsPage::Document::Financial)));
    CHECK_FALSE(page.makeDocument());
    INFO(page.bannerText().toStdString());
    CHECK(page.bannerText().contains(QStringLiteral("Accès refusé")));
}
