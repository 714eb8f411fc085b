#include "gui/common/formdialog.h"
#include "gui/funding/yearcombo.h"
#include "gui/reports/reportspage.h"
#include "print/documentprinter.h"
#include "support/guidemo.h"

#include <catch2/catch.hpp>
#include <QApplication>
#include <QComboBox>
#include <QListWidget>
#include <QTableWidget>
#include <QTextEdit>
#include <QTimer>

using namespace etabli;

namespace {

QString cell(QTableWidget* table, const QString& label, int column)
{
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text().trimmed() == label)
            return table->item(r, column)->text();
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
    QTableWidget* table = page.table();
    CHECK(table->horizontalHeaderItem(1)->text() == QStringLiteral("2013-2014"));
    CHECK(table->horizontalHeaderItem(2)->text() == QStringLiteral("2012-2013"));
    CHECK(cell(table, QStringLiteral("Entrées"), 1) == QStringLiteral("6"));
    CHECK(cell(table, QStringLiteral("Poursuivent l'année suivante"), 1) == QStringLiteral("4"));
    CHECK(cell(table, QStringLiteral("CFG"), 1).startsWith(QStringLiteral("2 /")));
    CHECK(page.indicators().exitsByReason.value(QStringLiteral("personal")) == 1);
    // The published reference values beside the school's own (the demo's are invented, and say so).
    bool reference = false;
    for (int r = 0; r < table->rowCount(); ++r)
        reference = reference || (table->item(r, 0)->text().contains(QStringLiteral("Référence")) &&
                                  table->item(r, 0)->text().contains(QStringLiteral("fictive")) &&
                                  table->item(r, 1)->text() == QStringLiteral("80,0 %"));
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
    REQUIRE(page.subsidyList()->count() > 0);
    page.subsidyList()->item(0)->setCheckState(Qt::Checked);
    auto pack = page.makeDocument();
    REQUIRE(pack);
    CHECK(pack->frame.title == QStringLiteral("Pack financeur"));
    const QString text = pack->document.toPlainText();
    CHECK(text.contains(QStringLiteral("Sommaire")));
    CHECK(text.contains(QStringLiteral("1. Rapport d'activité 2025-2026")));
    CHECK(text.contains(QStringLiteral("garage solidaire")));
    CHECK(text.contains(QStringLiteral("3. Rapport financier 2025")));
    CHECK(text.contains(QStringLiteral("4. Compte rendu financier de la subvention")));

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
