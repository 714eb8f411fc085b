#include "gui/reports/reportspage.h"
#include "support/guidemo.h"

#include <QComboBox>
#include <QTableWidget>

#include <catch2/catch.hpp>

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
