#include "print/reportbuilder.h"

#include "print/businessparts.h"

#include <algorithm>
#include <cmath>
#include <QAbstractTextDocumentLayout>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextObjectInterface>
#include <QTextTable>
#include <QValueAxis>

namespace etabli::print {

namespace detail {

constexpr int ChartObjectType = QTextFormat::UserObject + 1;
constexpr int ChartIndexProperty = QTextFormat::UserProperty + 1;

// Draws the report's charts where the text holds their object character:
// a Qt Charts chart in a scene rendered on the page's painter, so the PDF
// gets vectors, not a picture. Fonts are in pixels of a 96 dpi layout that
// the painter scales to the page.
class ChartHandler final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    ChartHandler(QList<ChartSpec> charts, QObject* parent) : QObject(parent), m_charts(std::move(charts)) {}

    QSizeF intrinsicSize(QTextDocument* document, int, const QTextFormat& format) override
    {
        const ChartSpec& spec = m_charts.at(format.property(ChartIndexProperty).toInt());
        const QPaintDevice* device = document->documentLayout()->paintDevice();
        const qreal dpi = device ? device->logicalDpiY() : 96.0;
        const qreal width = document->pageSize().width() > 0 ? document->pageSize().width() * 0.97 : 600.0;
        return {width, spec.heightMm * dpi / 25.4};
    }

    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument*, int,
                    const QTextFormat& format) override
    {
        const ChartSpec& spec = m_charts.at(format.property(ChartIndexProperty).toInt());
        const qreal scale = painter->device() ? painter->device()->logicalDpiX() / 96.0 : 1.0;
        const QRectF logical(0, 0, rect.width() / scale, rect.height() / scale);
        QGraphicsScene scene;
        auto* chart = build(spec);
        scene.addItem(chart); // the scene owns it
        chart->setGeometry(logical);
        scene.setSceneRect(logical);
        scene.render(painter, rect, logical, Qt::IgnoreAspectRatio);
    }

private:
    static QFont font(int pixels, bool bold = false)
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPixelSize(pixels);
        f.setBold(bold);
        return f;
    }

    static QChart* build(const ChartSpec& spec)
    {
        static const QColor colours[] = {QColor(0xa9, 0xc1, 0xd9), QColor(0x2c, 0x5d, 0x8a),
                                         QColor(0xd9, 0x8c, 0x3f), QColor(0x6a, 0x9a, 0x5b)};
        auto* chart = new QChart;
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->setBackgroundRoundness(0);
        chart->setBackgroundPen(QPen(QColor(0xcc, 0xcc, 0xcc)));
        chart->setMargins(QMargins(4, 2, 4, 2));
        chart->setTitle(spec.title);
        chart->setTitleFont(font(11, true));
        chart->legend()->setVisible(spec.series.size() > 1);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->legend()->setFont(font(9));
        double top = 0;
        for (const auto& s : spec.series)
            for (double v : s.values)
                top = std::max(top, v);
        auto* values = new QValueAxis;
        values->setRange(0, top <= 0 ? 1 : top * 1.15);
        values->setLabelFormat(QStringLiteral("%.0f"));
        values->setLabelsFont(font(8));
        values->setTitleText(spec.unit);
        values->setTitleFont(font(8));
        values->applyNiceNumbers();
        auto* categories = new QBarCategoryAxis;
        categories->append(spec.categories);
        categories->setLabelsFont(font(8));
        categories->setTruncateLabels(false);
        const bool horizontal = spec.kind == ChartSpec::Kind::HorizontalBars;
        chart->addAxis(categories, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
        chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
        // A single series, or the second (this year beside the year before), in the strong colour.
        qsizetype colour = spec.series.size() == 1 ? 1 : 0;
        if (spec.kind == ChartSpec::Kind::Lines) {
            for (const auto& s : spec.series) {
                auto* line = new QLineSeries;
                line->setName(s.name);
                line->setPen(QPen(colours[colour++ % 4], 2.0));
                for (qsizetype i = 0; i < s.values.size(); ++i)
                    if (!std::isnan(s.values[i]))
                        line->append(static_cast<double>(i), s.values[i]);
                chart->addSeries(line);
                line->attachAxis(categories);
                line->attachAxis(values);
            }
            return chart;
        }
        QAbstractBarSeries* bars = horizontal ? static_cast<QAbstractBarSeries*>(new QHorizontalBarSeries)
                                              : static_cast<QAbstractBarSeries*>(new QBarSeries);
        for (const auto& s : spec.series) {
            auto* set = new QBarSet(s.name);
            set->setColor(colours[colour++ % 4]);
            set->setBorderColor(Qt::transparent);
            set->setLabelFont(font(8));
            set->setLabelColor(QColor(0x33, 0x33, 0x33));
            for (double v : s.values)
                set->append(std::isnan(v) ? 0.0 : v);
            bars->append(set);
        }
        const qsizetype count = spec.categories.size() * spec.series.size();
        bars->setLabelsVisible(count <= 12);
        bars->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        bars->setLabelsPrecision(4);
        chart->addSeries(bars);
        bars->attachAxis(categories);
        bars->attachAxis(values);
        return chart;
    }

    QList<ChartSpec> m_charts;
};

} // namespace detail

namespace {

QString chartMarker(qsizetype index)
{
    return QStringLiteral("[[chart:%1]]").arg(index);
}

QString pageMarker(qsizetype index)
{
    return QStringLiteral("[[page:%1]]").arg(index);
}

} // namespace

ReportBuilder::ReportBuilder(SchoolIdentity school, QString title, const QDate& printedOn)
    : m_school(std::move(school)), m_title(std::move(title)), m_printedOn(printedOn)
{
}

QString ReportBuilder::esc(const QString& text)
{
    return parts::Parts::esc(text);
}

QString ReportBuilder::addressLine(const SchoolIdentity& school)
{
    return QStringList{school.addressLine1, school.addressLine2,
                       (school.postcode + QLatin1Char(' ') + school.city).trimmed()}
        .filter(QRegularExpression(QStringLiteral("\\S")))
        .join(QStringLiteral(", "));
}

void ReportBuilder::titlePage(const QString& subtitle, const QStringList& lines)
{
    m_hasTitlePage = true;
    QString h = QStringLiteral("<p style=\"font-size: 40pt;\">&nbsp;</p>");
    if (!m_school.logo.isEmpty())
        h += QStringLiteral("<p align=\"center\"><img src=\"logo\" height=\"90\"></p>");
    h += QStringLiteral("<p align=\"center\" style=\"font-size: 16pt;\"><b>%1</b></p>")
             .arg(esc(m_school.name));
    if (!m_school.organisationName.isEmpty())
        h += QStringLiteral("<p align=\"center\">%1</p>").arg(esc(m_school.organisationName));
    h += QStringLiteral("<p style=\"font-size: 40pt;\">&nbsp;</p>");
    h += QStringLiteral("<p align=\"center\" style=\"font-size: 24pt; color: #2c5d8a;\"><b>%1</b></p>")
             .arg(esc(m_title));
    if (!subtitle.isEmpty())
        h += QStringLiteral("<p align=\"center\" style=\"font-size: 14pt;\">%1</p>").arg(esc(subtitle));
    h += QStringLiteral("<p style=\"font-size: 50pt;\">&nbsp;</p>");
    QStringList all = lines;
    const QString address = addressLine(m_school);
    if (!address.isEmpty())
        all << address;
    QStringList ids;
    if (!m_school.siret.isEmpty())
        ids << tr("SIRET %1").arg(m_school.siret);
    if (!m_school.rna.isEmpty())
        ids << tr("RNA %1").arg(m_school.rna);
    if (!ids.isEmpty())
        all << ids.join(QStringLiteral(" · "));
    all << tr("Printed on %1 from the school's records")
               .arg(m_printedOn.toString(QStringLiteral("dd/MM/yyyy")));
    for (const QString& l : std::as_const(all))
        h += QStringLiteral("<p align=\"center\" style=\"color: #555555;\">%1</p>").arg(esc(l));
    m_body += h;
    m_contentStarted = true;
}

void ReportBuilder::tableOfContents()
{
    m_hasToc = true;
    m_body += QStringLiteral("<h1%1>%2</h1>[[toc]]")
                  .arg(m_contentStarted ? QStringLiteral(" style=\"page-break-before: always;\"") : QString(),
                       esc(tr("Contents")));
    m_contentStarted = true;
}

void ReportBuilder::chapter(const QString& text)
{
    m_chapters << text;
    m_chapter = text;
    m_heading.clear();
    m_body +=
        QStringLiteral("<h1 style=\"color: #2c5d8a;%1\">%2</h1>")
            .arg(m_contentStarted ? QStringLiteral(" page-break-before: always;") : QString(), esc(text));
    m_contentStarted = true;
}

void ReportBuilder::heading(const QString& text)
{
    m_heading = text;
    m_body += QStringLiteral("<h2 style=\"color: #2c5d8a;\">%1</h2>").arg(esc(text));
    m_contentStarted = true;
}

void ReportBuilder::headingKeptTogether(const QString& text)
{
    heading(text);
    m_keptTogether << text;
}

void ReportBuilder::paragraph(const QString& plainText)
{
    m_body += QStringLiteral("<p>%1</p>").arg(esc(plainText));
    m_contentStarted = true;
}

void ReportBuilder::richText(const QString& html)
{
    // What the editor saved: keep the body only (its own <html> and styles go).
    QString body = html;
    const qsizetype open = body.indexOf(QLatin1String("<body"));
    if (open >= 0) {
        const qsizetype start = body.indexOf(QLatin1Char('>'), open) + 1;
        const qsizetype end = body.lastIndexOf(QLatin1String("</body>"));
        body = body.mid(start, end > start ? end - start : -1);
    }
    m_body += QStringLiteral("<div>%1</div>").arg(body);
    m_contentStarted = true;
}

void ReportBuilder::note(const QString& plainText)
{
    m_body += QStringLiteral("<p style=\"color: #666666;\"><i>%1</i></p>").arg(esc(plainText));
    m_contentStarted = true;
}

void ReportBuilder::table(const QStringList& headers, const QList<QStringList>& rows, const QList<int>& right,
                          const QList<int>& bold, const QList<int>& widthsPercent)
{
    // Named by the heading above it, within its chapter ("Indicateurs — Sorties").
    ListTable kept;
    kept.caption = m_heading.isEmpty()   ? (m_chapter.isEmpty() ? m_title : m_chapter)
                   : m_chapter.isEmpty() ? m_heading
                                         : QStringLiteral("%1 — %2").arg(m_chapter, m_heading);
    kept.headers = headers;
    kept.rows = rows;
    kept.rightAligned = right;
    m_tables << kept;
    QString h = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\" "
                               "style=\"border-collapse: collapse; border-color: #999999;\"><thead><tr "
                               "style=\"background-color: #e8ecef;\">");
    for (qsizetype c = 0; c < headers.size(); ++c)
        h += QStringLiteral("<th align=\"%1\"%3>%2</th>")
                 .arg(right.contains(static_cast<int>(c)) ? QStringLiteral("right") : QStringLiteral("left"),
                      esc(headers[c]),
                      c < widthsPercent.size() ? QStringLiteral(" width=\"%1%\"").arg(widthsPercent[c])
                                               : QString());
    h += QStringLiteral("</tr></thead><tbody>");
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const bool strong = bold.contains(static_cast<int>(r));
        h += QStringLiteral("<tr>");
        for (qsizetype c = 0; c < rows[r].size(); ++c)
            h += QStringLiteral("<td align=\"%1\">%2</td>")
                     .arg(right.contains(static_cast<int>(c)) ? QStringLiteral("right")
                                                              : QStringLiteral("left"),
                          strong ? QStringLiteral("<b>%1</b>").arg(esc(rows[r][c])) : esc(rows[r][c]));
        h += QStringLiteral("</tr>");
    }
    h += QStringLiteral("</tbody></table><p></p>");
    m_body += h;
    m_contentStarted = true;
}

void ReportBuilder::chart(const ChartSpec& spec)
{
    m_body += QStringLiteral("<p align=\"center\">%1</p>").arg(chartMarker(m_charts.size()));
    m_charts << spec;
    m_contentStarted = true;
}

void ReportBuilder::pageBreak()
{
    m_body += QStringLiteral("<p style=\"page-break-after: always;\"></p>");
}

QString ReportBuilder::bodyHtml(bool chartsAsTables) const
{
    QString body = m_body;
    if (m_hasToc) {
        QString toc = QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\">");
        for (qsizetype i = 0; i < m_chapters.size(); ++i)
            toc += QStringLiteral("<tr><td>%1</td><td align=\"right\" width=\"15%\">%2</td></tr>")
                       .arg(esc(m_chapters[i]), chartsAsTables ? QString() : pageMarker(i));
        toc += QStringLiteral("</table>");
        body.replace(QStringLiteral("[[toc]]"), toc);
    }
    for (qsizetype i = 0; i < m_charts.size(); ++i) {
        if (!chartsAsTables)
            continue;
        // In HTML the chart's figures are a small table.
        const ChartSpec& c = m_charts[i];
        QString t = QStringLiteral(
                        "<p><b>%1</b></p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><thead><tr>"
                        "<th></th>")
                        .arg(esc(c.title));
        for (const auto& s : c.series)
            t += QStringLiteral("<th>%1</th>").arg(esc(s.name.isEmpty() ? c.unit : s.name));
        t += QStringLiteral("</tr></thead><tbody>");
        const QLocale fr(QLocale::French, QLocale::France);
        for (qsizetype r = 0; r < c.categories.size(); ++r) {
            t += QStringLiteral("<tr><td>%1</td>").arg(esc(c.categories[r]));
            for (const auto& s : c.series)
                t += QStringLiteral("<td align=\"right\">%1</td>")
                         .arg(r < s.values.size() && !std::isnan(s.values[r])
                                  ? fr.toString(s.values[r], 'f', 1)
                                  : QStringLiteral("—"));
            t += QStringLiteral("</tr>");
        }
        t += QStringLiteral("</tbody></table>");
        body.replace(QStringLiteral("<p align=\"center\">%1</p>").arg(chartMarker(i)), t);
    }
    return parts::Parts::open(9.5) + body + parts::Parts::close();
}

QString ReportBuilder::html() const
{
    QString h = bodyHtml(true);
    h.replace(QStringLiteral("<html><body"),
              QStringLiteral("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                             "<title>%1</title></head><body")
                  .arg(esc(m_title)));
    if (!m_school.logo.isEmpty())
        h.replace(QStringLiteral("src=\"logo\""),
                  QStringLiteral("src=\"data:%1;base64,%2\"")
                      .arg(m_school.logoMime.isEmpty() ? QStringLiteral("image/png") : m_school.logoMime,
                           QString::fromLatin1(m_school.logo.toBase64())));
    return h;
}

namespace {

// Moves each section headed by one of `headings` to a new page when it would
// straddle two and fits on one. In document order: a move shifts what follows.
void keepSectionsTogether(QTextDocument& document, const QStringList& headings)
{
    const qreal pageHeight = document.pageSize().height();
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() != 2 || !headings.contains(b.text()))
            continue;
        QTextBlock last = b;
        for (QTextBlock n = b.next();
             n.isValid() && (n.blockFormat().headingLevel() == 0 || n.blockFormat().headingLevel() > 2);
             n = n.next())
            last = n;
        const qreal start = document.documentLayout()->blockBoundingRect(b).top();
        const QRectF end = document.documentLayout()->blockBoundingRect(last);
        const auto page = [pageHeight](qreal y) { return static_cast<int>(std::floor(y / pageHeight)); };
        if (page(start) == page(end.bottom() - 1) || end.bottom() - start >= pageHeight)
            continue;
        QTextBlockFormat breakBefore;
        breakBefore.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(b).mergeBlockFormat(breakBefore);
    }
}

// Moves to the next page a heading the foot of a page would leave alone:
// it goes with the first two rows of its table, or the first lines of its
// text (a section longer than a page still starts where it is).
void keepHeadingsWithNext(QTextDocument& document)
{
    const qreal pageHeight = document.pageSize().height();
    QAbstractTextDocumentLayout* layout = document.documentLayout();
    const auto page = [pageHeight](qreal y) { return static_cast<int>(std::floor(y / pageHeight)); };
    for (QTextBlock b = document.begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() < 2 || QTextCursor(b).currentTable())
            continue;
        QTextBlock next = b.next();
        while (next.isValid() && next.text().trimmed().isEmpty() && !QTextCursor(next).currentTable())
            next = next.next();
        if (!next.isValid())
            continue;
        qreal until = 0;
        if (QTextTable* table = QTextCursor(next).currentTable()) {
            const int row = std::min(table->rows() - 1, table->format().headerRowCount() + 1);
            until = layout->blockBoundingRect(table->cellAt(row, 0).lastCursorPosition().block()).bottom();
        } else {
            const QRectF text = layout->blockBoundingRect(next);
            const qreal lines = 3 * QFontMetricsF(next.charFormat().font()).lineSpacing();
            until = text.top() + std::min(text.height(), lines);
        }
        const qreal top = layout->blockBoundingRect(b).top();
        if (page(top) == page(until - 1) || until - top >= pageHeight)
            continue;
        QTextBlockFormat breakBefore;
        breakBefore.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCursor(b).mergeBlockFormat(breakBefore);
    }
}

// Finds each chapter's heading (after the contents) and its page, then
// writes the pages in: shorter than the markers, the numbers move nothing.
void fillTableOfContents(QTextDocument& document, const QStringList& chapters)
{
    if (chapters.isEmpty())
        return;
    const qreal pageHeight = document.pageSize().height();
    QList<int> pages(chapters.size(), 0);
    qsizetype next = 0;
    bool pastContents = false;
    for (QTextBlock b = document.begin(); b.isValid() && next < chapters.size(); b = b.next()) {
        if (b.blockFormat().headingLevel() != 1)
            continue;
        if (!pastContents) {
            pastContents = true; // the first level-1 heading is the contents' own
            continue;
        }
        if (b.text() != chapters[next])
            continue;
        const QRectF r = document.documentLayout()->blockBoundingRect(b);
        pages[next++] = static_cast<int>(std::floor((r.top() + r.height() / 2) / pageHeight)) + 1;
    }
    for (qsizetype i = 0; i < chapters.size(); ++i) {
        QTextCursor marker = document.find(pageMarker(i));
        if (!marker.isNull())
            marker.insertText(pages[i] > 0 ? QString::number(pages[i]) : QString());
    }
}

} // namespace

std::unique_ptr<Printable> ReportBuilder::printable(bool landscape) const
{
    auto p = std::make_unique<Printable>();
    QTextDocument& doc = p->document;
    doc.setDocumentMargin(2);
    parts::Parts::addLogo(doc, m_school);
    doc.setHtml(bodyHtml(false));
    auto* handler = new detail::ChartHandler(m_charts, &doc);
    doc.documentLayout()->registerHandler(detail::ChartObjectType, handler);
    for (qsizetype i = 0; i < m_charts.size(); ++i) {
        QTextCursor found = doc.find(chartMarker(i));
        if (found.isNull())
            continue;
        QTextCharFormat object;
        object.setObjectType(detail::ChartObjectType);
        object.setProperty(detail::ChartIndexProperty, static_cast<int>(i));
        found.insertText(QString(QChar::ObjectReplacementCharacter), object);
    }
    p->frame.title = m_title;
    p->frame.schoolName = m_school.name;
    p->frame.footerNote = tr("Printed on %1").arg(m_printedOn.toString(QStringLiteral("dd/MM/yyyy")));
    p->frame.landscape = landscape;
    p->frame.titlePage = m_hasTitlePage;
    const QStringList chapters = m_hasToc ? m_chapters : QStringList();
    const QStringList keptTogether = m_keptTogether;
    p->frame.laidOut = [chapters, keptTogether](QTextDocument& document) {
        keepSectionsTogether(document, keptTogether);
        keepHeadingsWithNext(document);
        fillTableOfContents(document, chapters);
    };
    return p;
}

Result<QByteArray> ReportBuilder::workbook() const
{
    ListContent content;
    content.title = m_title;
    content.tables = m_tables;
    return ListDocument::workbook(content);
}

} // namespace etabli::print

#include "reportbuilder.moc"
