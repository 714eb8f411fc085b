#include "print/documentprinter.h"
#include "print/reportdocuments.h"
#include "print/sampleschool.h"
#include "print/tyredocuments.h"
#include "support/testenv.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

using namespace etabli;

namespace {

QString run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    REQUIRE(p.waitForFinished(30000));
    return QString::fromUtf8(p.readAllStandardOutput());
}

struct Rendered
{
    QString text; // simplified
    int pages = 0;
    int images = 0; // pictures in the PDF (charts must be vectors)
};

Rendered render(const print::ReportBuilder& report, const QString& name, bool landscape = false)
{
    const QString path = QDir(test::tempRoot()).filePath(name);
    auto printable = report.printable(landscape);
    REQUIRE(print::DocumentPrinter::writePdf(*printable, path));
    Rendered r;
    // pdftotext writes the typographic ligatures as one character.
    r.text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")})
                 .replace(QChar(0xFB01), QStringLiteral("fi"))
                 .replace(QChar(0xFB02), QStringLiteral("fl"))
                 .replace(QChar(0xFB00), QStringLiteral("ff"))
                 .simplified();
    if (qEnvironmentVariableIsSet("ETABLI_KEEP_REPORT_TEXT"))
        QFile::copy(path, QDir::temp().filePath(name));
    const auto info =
        QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(run(QStringLiteral("pdfinfo"), {path}));
    r.pages = info.captured(1).toInt();
    r.images = static_cast<int>(run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), path})
                                    .split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                    .size()) -
               2;
    return r;
}

ActivityReportData activity()
{
    ActivityReportData a;
    a.school = test::sampleSchool();
    a.printedOn = QDate(2026, 11, 27);
    Indicators& i = a.indicators;
    i.schoolYear = QStringLiteral("2013-2014");
    i.section = QStringLiteral("Pneus et services");
    i.entrants = 6;
    i.entrantsBySection = {{QStringLiteral("Pneus et services"), 6}};
    i.entrantsBySex = {{QStringLiteral("M"), 5}, {QStringLiteral("F"), 1}};
    i.enrolled = 11;
    i.continuing = 4;
    i.exits = 7;
    i.exitsByReason = {{QStringLiteral("apprenticeship"), 1},
                       {QStringLiteral("personal"), 1},
                       {QStringLiteral("end_of_course"), 5}};
    i.certifications = {
        {QStringLiteral("CFG"),
         {{QStringLiteral("registered"), 3}, {QStringLiteral("passed"), 2}, {QStringLiteral("failed"), 1}}}};
    i.attendanceRate = 0.917;
    i.attendanceByMonth = {{QStringLiteral("2013-09"), 0.95}, {QStringLiteral("2013-10"), 0.88}};
    i.attendanceBySection = {{QStringLiteral("Pneus et services"), 0.917}};
    i.outcomes = {
        {QStringLiteral("at_exit"), {{QStringLiteral("apprenticeship"), 1}, {QStringLiteral("cdi"), 3}}}};
    i.insertionRate = 0.8;
    i.productionMinutesOrders = 60 * 1234;
    i.orders = 345;
    i.customers = 210;
    i.productionRevenue = Money::fromCents(4567800);
    auto before = std::make_shared<Indicators>();
    before->schoolYear = QStringLiteral("2012-2013");
    before->entrants = 5;
    i.previous = before;
    a.narrative.schoolYear = i.schoolYear;
    a.narrative.highlights = QStringLiteral("<p>Un <b>nouveau garage</b> partenaire à Tavaux.</p>");
    return a;
}

FinancialReportData financial()
{
    FinancialReportData f;
    f.school = test::sampleSchool();
    f.printedOn = QDate(2026, 11, 27);
    FundingReport& r = f.funding;
    r.year.id = 7;
    r.year.start = QDate(2025, 1, 1);
    r.year.end = QDate(2025, 12, 31);
    r.label = QStringLiteral("2025");
    r.production = {Money::fromCents(21909250), 0.6};
    r.gifts = {Money::fromCents(6767000), 0.185};
    r.subsidies = {Money::fromCents(7310000), 0.2};
    r.other = {Money::fromCents(556000), 0.015};
    r.totalResources = Money::fromCents(36542250);
    r.selfFinancingShare = 0.6;
    r.categories = {{BudgetKind::Resource, QStringLiteral("production"),
                     QStringLiteral("Ventes de la production"), 0, Money::fromCents(21500000),
                     Money::fromCents(21909250)},
                    {BudgetKind::Expense, QStringLiteral("staff"), QStringLiteral("Charges de personnel"), 0,
                     Money::fromCents(24000000), Money::fromCents(23968900)}};
    r.forecastResources = Money::fromCents(21500000);
    r.forecastExpenses = Money::fromCents(24000000);
    r.monthlyProduction = QList<qint64>(12, 1800000);
    r.monthlyProductionPrevious = QList<qint64>(12, 1700000);
    r.volunteerHours = 84;
    r.volunteerValue = Money::fromCents(100200);
    Subsidy s;
    s.funderName = QStringLiteral("Région Bourgogne-Franche-Comté");
    s.programme = QStringLiteral("Fonctionnement");
    s.decision = SubsidyDecision::Granted;
    s.granted = Money::fromCents(3760000);
    s.instalments = {SubsidyInstalment{1, QDate(2025, 3, 1), Money::fromCents(2000000), QDate(2025, 3, 10),
                                       Money::fromCents(2000000)}};
    f.subsidies = {s};
    f.receipts.from = QDate(2025, 1, 1);
    f.receipts.to = QDate(2025, 12, 31);
    f.receipts.financialYear = true;
    f.receipts.gifts = Money::fromCents(4309000);
    f.receipts.giftsCount = 41;
    f.receipts.receiptedLater = Money::fromCents(986000);
    f.receipts.receipts = 37;
    f.receipts.cancelled = 1;
    return f;
}

GrantReportData grant()
{
    GrantReportData g;
    g.school = test::sampleSchool();
    g.printedOn = QDate(2026, 11, 27);
    g.subsidy = financial().subsidies.first();
    g.subsidy.agreementRef = QStringLiteral("CONV-2025-039");
    g.subsidy.agreementOn = QDate(2025, 2, 14);
    g.subsidy.deviationExplanation = QStringLiteral("Deux jeunes de moins que prévu à la rentrée.");
    g.subsidy.askedIndicators = {QStringLiteral("entrants"), QStringLiteral("insertion_rate")};
    g.subsidy.actionStart = QDate(2024, 9, 1);
    g.subsidy.actionEnd = QDate(2025, 8, 31);
    g.subsidy.actionPlace = QStringLiteral("Dole, ateliers de l'école");
    g.subsidy.beneficiaries = 21;
    g.subsidy.indirectRule = QStringLiteral("au prorata des heures");
    g.subsidy.signedPlace = QStringLiteral("Dole");
    g.subsidy.signedOn = QDate(2025, 11, 3);
    g.subsidy.budget = cerfa15059Lines();
    for (ActionBudgetLine& l : g.subsidy.budget) {
        if (l.account == QStringLiteral("64"))
            l = {l.part, l.account, l.label, Money::fromCents(8000000), Money::fromCents(8250000)};
        else if (l.label == QStringLiteral("Charges fixes de fonctionnement"))
            l = {l.part, l.account, l.label, Money::fromCents(500000), Money::fromCents(480000)};
        else if (l.account == QStringLiteral("864"))
            l = {l.part, l.account, l.label, Money::fromCents(120000), Money::fromCents(150000)};
        else if (l.account == QStringLiteral("70"))
            l = {l.part, l.account, l.label, Money::fromCents(4500000), Money::fromCents(4730000)};
        else if (l.label.startsWith(QStringLiteral("Subvention demandée")))
            l = {l.part, l.account, l.label, Money::fromCents(4000000), Money::fromCents(4000000)};
        else if (l.account == QStringLiteral("870"))
            l = {l.part, l.account, l.label, Money::fromCents(120000), Money::fromCents(150000)};
    }
    g.funding = financial().funding;
    g.indicators = activity().indicators;
    return g;
}

} // namespace

TEST_CASE("The activity report: title page, narrative, the seed's figures, charts as vectors, Page x / N",
          "[print][reports]")
{
    const Rendered r = render(print::ReportDocuments::activity(activity()), QStringLiteral("activite.pdf"));
    INFO(r.text.toStdString());
    CHECK(r.pages >= 3);
    CHECK(r.images == 0);
    CHECK(r.text.contains(QStringLiteral("Rapport d'activité")));
    CHECK(r.text.contains(QStringLiteral("Année scolaire 2013-2014 — Pneus et services")));
    CHECK(r.text.contains(QStringLiteral("6 entrées")));
    CHECK(r.text.contains(QStringLiteral("4 poursuivant l'année suivante")));
    CHECK(r.text.contains(QStringLiteral("nouveau garage")));
    CHECK(r.text.contains(QStringLiteral("Entrées par section"))); // a chart's title, drawn as text
    CHECK(
        r.text.contains(QRegularExpression(QStringLiteral("\\b2\\s*/\\s*3\\b")))); // CFG: passed / presented
    CHECK(r.text.contains(QStringLiteral("91,7 %")));
    CHECK(r.text.contains(QStringLiteral("Page 1 / %1").arg(r.pages)));
    CHECK(r.text.contains(QStringLiteral("Page %1 / %1").arg(r.pages)));
    CHECK(r.text.contains(QStringLiteral("SIRET 75312468000012")));
}

TEST_CASE("The financial report: split against targets, forecast against actual, subsidies, receipts",
          "[print][reports]")
{
    const Rendered r =
        render(print::ReportDocuments::financial(financial()), QStringLiteral("financier.pdf"));
    INFO(r.text.toStdString());
    CHECK(r.images == 0);
    for (const char* expected : {"Rapport financier 2025", "219 092,50 €", "60,0 %", "365 422,50 €",
                                 "Objectif", "Charges de personnel", "240 000,00 €", "-311,00 €",
                                 "Région Bourgogne-Franche-Comté", "37 600,00 €", "17 600,00 €",
                                 "art. 222 bis", "43 090,00 €", "9 860,00 €", "Temps des bénévoles (84 h)"})
        CHECK(r.text.contains(QString::fromUtf8(expected)));
    // The figure to declare, not the receipts' total by their issue date.
    CHECK_FALSE(r.text.contains(QStringLiteral("Reçus fiscaux émis")));
    CHECK(r.text.contains(QStringLiteral("Page %1 / %1").arg(r.pages)));
}

TEST_CASE("A subsidy's final account follows Cerfa 15059 and names what is missing", "[print][reports]")
{
    GrantReportData g = grant();
    g.missing = {QStringLiteral("Aucun budget prévisionnel")};
    const Rendered r = render(print::ReportDocuments::grant(g), QStringLiteral("subvention.pdf"));
    INFO(r.text.toStdString());
    for (const char* expected :
         {"1. Identification",
          "ECCOFOR",
          "W392000000",
          "CONV-2025-039 du 14/02/2025",
          "du 01/09/2024 au 31/08/2025",
          "Dole, ateliers de l'école",
          "Bénéficiaires 21",
          "3. Budget de l'action",
          "Charges directes de l'action",
          "64 — Charges de personnel",
          "80 000,00 € 82 500,00 € 103,1 %",
          "Charges indirectes réparties",
          "Total des charges",
          "Total des ressources",
          "86 — Emplois des contributions volontaires en nature",
          "864 — Personnel bénévole 1 200,00 € 1 500,00 €",
          "87 — Contributions volontaires en nature",
          "870 — Bénévolat",
          "Total des contributions en nature 1 200,00 € 1 500,00 €",
          "Total des charges, contributions en nature comprises 86 200,00 € 88 800,00 €",
          "Total des ressources, contributions en nature comprises 86 200,00 € 88 800,00 €",
          "Règle de répartition des charges indirectes : au prorata des heures",
          "4. Explication des écarts",
          "Deux jeunes de moins",
          "5. Indicateurs",
          "80,0 %",
          "6. Attestation",
          "Fait à Dole, le 03/11/2025.",
          "Signature",
          "Manque : Aucun budget prévisionnel"})
        CHECK(r.text.contains(QString::fromUtf8(expected)));
    // Costs and resources balance: both totals (bold rows, extracted apart from their labels).
    CHECK(r.text.count(QStringLiteral("85 000,00 € 87 300,00 € 102,7 %")) == 2);
    // The action's budget, not the whole school's.
    CHECK_FALSE(r.text.contains(QStringLiteral("240 000,00 €")));
    CHECK_FALSE(r.text.contains(QStringLiteral("Ventes de la production")));

    // Without an action budget, nothing stands in for it.
    GrantReportData bare = grant();
    bare.subsidy.budget.clear();
    const Rendered none = render(print::ReportDocuments::grant(bare), QStringLiteral("subvention-vide.pdf"));
    CHECK(none.text.contains(QStringLiteral("budget de l'action n'est pas encore saisi")));
    CHECK_FALSE(none.text.contains(QStringLiteral("Charges de personnel")));
    // Only the indicators the funder asked for.
    CHECK_FALSE(r.text.contains(QStringLiteral("Taux de présence")));
    CHECK(r.text.contains(QStringLiteral("Compte rendu financier de subvention"))); // the header's title
    CHECK(r.text.contains(QStringLiteral("Page %1 / %1").arg(r.pages)));
}

TEST_CASE("Sign-in sheets: one landscape page per week, a line per trainee and the trainer's",
          "[print][reports]")
{
    AttendanceSheetData a;
    a.school = test::sampleSchool();
    a.printedOn = QDate(2026, 11, 27);
    a.section = QStringLiteral("Métallerie");
    a.weeks = {{QDate(2026, 11, 16), {QStringLiteral("MARTIN Léo"), QStringLiteral("PETIT Inès")}},
               {QDate(2026, 11, 23), {QStringLiteral("MARTIN Léo")}}};
    const Rendered r = render(print::ReportDocuments::attendance(a), QStringLiteral("emargement.pdf"), true);
    CHECK(r.pages == 2);
    CHECK(r.text.contains(QStringLiteral("semaine du 16/11/2026 au 20/11/2026")));
    CHECK(r.text.contains(QStringLiteral("PETIT Inès")));
    CHECK(r.text.contains(QStringLiteral("Formateur (nom et signature)")));
    CHECK(r.text.contains(QStringLiteral("lun. 16/11")));
    CHECK(r.text.contains(QStringLiteral("matin après-midi")));
    CHECK(r.text.contains(QStringLiteral("Page 2 / 2")));
}

namespace {
AttendanceSheetData weekOf(int trainees)
{
    AttendanceSheetData a;
    a.school = test::sampleSchool();
    a.printedOn = QDate(2026, 11, 27);
    a.section = QStringLiteral("Pneus et services");
    AttendanceSheetData::Week w{QDate(2026, 11, 23), {}};
    for (int i = 1; i <= trainees; ++i)
        w.trainees << QStringLiteral("JEUNE-%1 Prénom").arg(i, 2, 10, QLatin1Char('0'));
    a.weeks << w;
    return a;
}
} // namespace

// Issue 18, item 10: a sheet of sixteen was two pages, the trainer alone on the second.
TEST_CASE("A week's sign-in sheet of sixteen and the trainer fits one page, a longer one breaks between rows",
          "[print][reports]")
{
    const Rendered sixteen =
        render(print::ReportDocuments::attendance(weekOf(16)), QStringLiteral("seize.pdf"), true);
    CHECK(sixteen.pages == 1);
    CHECK(sixteen.text.contains(QStringLiteral("JEUNE-16 Prénom")));
    // The trainer's row comes first, under the heading.
    CHECK(sixteen.text.indexOf(QStringLiteral("Formateur (nom et signature)")) <
          sixteen.text.indexOf(QStringLiteral("JEUNE-01")));

    const Rendered thirty =
        render(print::ReportDocuments::attendance(weekOf(30)), QStringLiteral("trente.pdf"), true);
    REQUIRE(thirty.pages == 2);
    // The text of the first page ends with its footer.
    const QStringList pages = thirty.text.split(QStringLiteral("Page 1 / 2"));
    REQUIRE(pages.size() == 2);
    // The heading repeats; each name is on one page only, whole.
    CHECK(pages.at(1).contains(QStringLiteral("lun. 23/11")));
    CHECK(pages.at(1).contains(QStringLiteral("après-midi")));
    for (int i = 1; i <= 30; ++i) {
        const QString name = QStringLiteral("JEUNE-%1 Prénom").arg(i, 2, 10, QLatin1Char('0'));
        CHECK((pages.at(0).contains(name) != pages.at(1).contains(name)));
    }
}

TEST_CASE("The funder pack gathers the reports behind a table of contents with their pages",
          "[print][reports]")
{
    const FunderPackData pack{activity(), financial(), {grant()}};
    const Rendered r = render(print::ReportDocuments::pack(pack), QStringLiteral("pack.pdf"));
    INFO(r.text.toStdString());
    CHECK(r.images == 0);
    CHECK(r.text.contains(QStringLiteral("Pack financeur")));
    CHECK(r.text.contains(QStringLiteral("Sommaire")));
    // Each chapter's line in the contents ends with the page it starts on.
    const auto tocPage = [&](const QString& chapter) {
        const auto m = QRegularExpression(QRegularExpression::escape(chapter) + QStringLiteral(" (\\d+) "))
                           .match(r.text);
        return m.hasMatch() ? m.captured(1).toInt() : 0;
    };
    const int activityPage = tocPage(QStringLiteral("1. Rapport d'activité 2013-2014"));
    const int fundamentalsPage =
        tocPage(QStringLiteral("3. Les fondamentaux de l'école de production 2013-2014"));
    const int financialPage = tocPage(QStringLiteral("4. Rapport financier 2025"));
    CHECK(activityPage == 3);
    CHECK(fundamentalsPage > activityPage);
    CHECK(financialPage > fundamentalsPage);
    CHECK(r.pages > financialPage);
    CHECK(r.text.contains(QStringLiteral("5. Compte rendu financier de la subvention")));
    CHECK(r.text.contains(QStringLiteral("Page %1 / %1").arg(r.pages)));

    // As HTML: the same text, the charts as tables of their figures.
    const QString html = print::ReportDocuments::pack(pack).html();
    CHECK(html.contains(QStringLiteral("<!DOCTYPE html>")));
    CHECK(html.contains(QStringLiteral("Entrées par section")));
    CHECK_FALSE(html.contains(QStringLiteral("[[chart:")));
}

// Issue 18, item 10: a heading alone at the foot of a page, its table on the next.
TEST_CASE("No heading is left alone at the foot of a page: it goes with its table's first rows",
          "[print][reports]")
{
    int moved = 0;
    // However much text comes before, the heading and its first rows share a page.
    for (int fillers = 20; fillers <= 70; ++fillers) {
        print::ReportBuilder b(test::sampleSchool(), QStringLiteral("Essai"), QDate(2026, 11, 27));
        for (int i = 0; i < fillers; ++i)
            b.paragraph(QStringLiteral("Ligne %1").arg(i));
        b.heading(QStringLiteral("Le tableau"));
        QList<QStringList> rows;
        for (int i = 0; i < 30; ++i)
            rows << QStringList{QStringLiteral("Ligne du tableau %1").arg(i), QString::number(i)};
        b.table({QStringLiteral("Quoi"), QStringLiteral("Combien")}, rows);
        auto printable = b.printable();
        QTextDocument& doc = printable->document;
        const qreal pageHeight = 700;
        doc.setPageSize(QSizeF(500, pageHeight));
        REQUIRE(printable->frame.laidOut);
        printable->frame.laidOut(doc);
        QTextBlock heading;
        for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
            if (block.text() == QStringLiteral("Le tableau"))
                heading = block;
        REQUIRE(heading.isValid());
        QTextTable* table = QTextCursor(heading.next()).currentTable();
        for (QTextBlock n = heading.next(); !table && n.isValid(); n = n.next())
            table = QTextCursor(n).currentTable();
        REQUIRE(table);
        const auto pageOf = [&](qreal y) { return static_cast<int>(y / pageHeight); };
        const qreal top = doc.documentLayout()->blockBoundingRect(heading).top();
        const qreal secondRow = doc.documentLayout()
                                    ->blockBoundingRect(table->cellAt(2, 0).firstCursorPosition().block())
                                    .bottom();
        INFO(fillers);
        CHECK(pageOf(top) == pageOf(secondRow - 1));
        if (heading.blockFormat().pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
            ++moved;
    }
    CHECK(moved > 0); // the foot of the page was met, and the heading moved
}

// Issue 18, item 10: the label came out on an A4 report page, header and footer.
TEST_CASE("A tyre hotel label is a label-sized page, nothing but the label on it", "[print][tyres]")
{
    TyreSet set;
    set.plate = QStringLiteral("AB-123-CD");
    set.customerName = QStringLiteral("Garage du Doubs");
    set.tyreSize = QStringLiteral("205/55 R16 91V");
    set.brand = QStringLiteral("Michelin");
    set.treadTenths = {62, 60, 58, 61};
    set.rack = QStringLiteral("A");
    set.dateIn = QDate(2026, 11, 2);
    set.notes = QStringLiteral("Jante avant gauche rayée");
    auto label = print::TyreDocuments::label(set, test::sampleSchool());
    const QString path = QDir(test::tempRoot()).filePath(QStringLiteral("etiquette.pdf"));
    REQUIRE(print::DocumentPrinter::writePdf(*label, path));
    const QString info = run(QStringLiteral("pdfinfo"), {path});
    CHECK(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))));
    // 150 × 100 mm.
    const auto size =
        QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts")).match(info);
    REQUIRE(size.hasMatch());
    CHECK(std::abs(size.captured(1).toDouble() - 425.2) < 1.0);
    CHECK(std::abs(size.captured(2).toDouble() - 283.5) < 1.0);
    const QString text = run(QStringLiteral("pdftotext"), {path, QStringLiteral("-")}).simplified();
    CHECK(text.contains(QStringLiteral("AB-123-CD")));
    CHECK(text.contains(QStringLiteral("Jante avant gauche rayée")));
    CHECK_FALSE(text.contains(QStringLiteral("Page 1")));
}
