#include "gui/common/listoutput.h"

#include "gui/common/cellvalue.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/session.h"
#include "io/files.h"
#include "services/schoolservice.h"
#include "util/text.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTableView>

namespace etabli {

ListOutput::ListOutput(Session& session, MessageBanner* banner, Gather gather, QWidget* parent)
    : QPushButton(tr("Print / e&xport"), parent), m_session(session), m_banner(banner),
      m_gather(std::move(gather))
{
    setObjectName(QStringLiteral("listOutput"));
    setToolTip(tr("The rows chosen by the search and the filters, all of them, not only the page on "
                  "screen: printed, as a PDF or as a spreadsheet file."));
    auto* menu = new QMenu(this);
    menu->addAction(tr("&Print…"), this, &ListOutput::preview)->setObjectName(QStringLiteral("printList"));
    menu->addAction(tr("Save as P&DF…"), this, [this]() { saveAs(Format::Pdf); })
        ->setObjectName(QStringLiteral("pdfList"));
    menu->addAction(tr("Save as a &workbook (XLSX)…"), this, [this]() { saveAs(Format::Xlsx); })
        ->setObjectName(QStringLiteral("xlsxList"));
    menu->addAction(tr("Export for a &spreadsheet (CSV)…"), this, [this]() { saveAs(Format::Csv); })
        ->setObjectName(QStringLiteral("csvList"));
    setMenu(menu);
}

ListOutput::ListOutput(Session& session, MessageBanner* banner, const QList<const QTableView*>& tables,
                       const QStringList& captions, const QString& title,
                       std::function<QStringList()> filters, QWidget* parent)
    : ListOutput(
          session, banner,
          [tables, captions, title, filters = std::move(filters)]() -> Result<print::ListContent> {
              print::ListContent list;
              list.title = title;
              list.filters = filters();
              for (int i = 0; i < tables.size(); ++i) {
                  if (tables.at(i)->isVisibleTo(tables.at(i)->window()) || tables.size() == 1)
                      list.tables << fromTable(*tables.at(i), captions.value(i));
              }
              return list;
          },
          parent)
{
}

void ListOutput::say(bool ok, const QString& message)
{
    if (m_banner)
        m_banner->showMessage(ok ? MessageBanner::Kind::Success : MessageBanner::Kind::Error, message);
    else if (ok)
        QMessageBox::information(this, tr("Print / export"), message);
    else
        QMessageBox::warning(this, tr("Print / export"), message);
}

Result<print::ListContent> ListOutput::content() const
{
    return m_gather();
}

Status ListOutput::writeCsv(const QString& path) const
{
    auto list = content();
    if (!list)
        return std::unexpected(list.error());
    return files::write(path, print::ListDocument::csv(*list), true);
}

Status ListOutput::writeXlsx(const QString& path) const
{
    auto list = content();
    if (!list)
        return std::unexpected(list.error());
    auto bytes = print::ListDocument::workbook(*list);
    if (!bytes)
        return std::unexpected(bytes.error());
    return files::write(path, *bytes, true);
}

Status ListOutput::writePdf(const QString& path) const
{
    auto list = content();
    if (!list)
        return std::unexpected(list.error());
    auto school = m_session.service<SchoolService>().identity();
    if (!school)
        return std::unexpected(school.error());
    auto printable = print::ListDocument::make(*school, *list, m_session.clock().today());
    if (auto written = print::DocumentPrinter::writePdf(*printable, path); !written)
        return written;
    files::restrictToOwner(path);
    return {};
}

void ListOutput::preview()
{
    DocumentOutput::preview(this, [this]() -> std::unique_ptr<print::Printable> {
        auto list = content();
        auto school = m_session.service<SchoolService>().identity();
        if (!list || !school) {
            say(false, (!list ? list.error() : school.error()).message);
            return nullptr;
        }
        return print::ListDocument::make(*school, *list, m_session.clock().today());
    });
}

QString ListOutput::suggestedName() const
{
    // The list's name and the day: "Factures 2026-12-03"; the filters are in the file.
    auto list = content();
    const QString title = list ? list->title : tr("List");
    return text::safeFileName(title) + QLatin1Char(' ') + m_session.clock().today().toString(Qt::ISODate);
}

void ListOutput::saveAs(Format format)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString extension = format == Format::Csv    ? QStringLiteral(".csv")
                              : format == Format::Xlsx ? QStringLiteral(".xlsx")
                                                       : QStringLiteral(".pdf");
    const QString path =
        QFileDialog::getSaveFileName(this,
                                     format == Format::Csv    ? tr("Export the list")
                                     : format == Format::Xlsx ? tr("Save the list as a workbook")
                                                              : tr("Save the list as PDF"),
                                     QDir(dir).filePath(suggestedName() + extension),
                                     format == Format::Csv    ? tr("CSV for a spreadsheet (*.csv)")
                                     : format == Format::Xlsx ? tr("Excel workbooks (*.xlsx)")
                                                              : tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    const Status written = format == Format::Csv    ? writeCsv(path)
                           : format == Format::Xlsx ? writeXlsx(path)
                                                    : writePdf(path);
    if (!written)
        say(false, written.error().message);
    else
        say(true, tr("The list was saved in %1.").arg(QDir::toNativeSeparators(path)));
}

QStringList ListOutput::filtersOf(const QLineEdit* search, const QList<const QComboBox*>& filters)
{
    QStringList said;
    for (const QComboBox* filter : filters) {
        if (filter && filter->currentIndex() >= 0)
            said << filter->currentText();
    }
    if (search && !search->text().trimmed().isEmpty())
        said << tr("search « %1 »").arg(search->text().trimmed());
    return said;
}

print::ListTable ListOutput::fromTable(const QTableView& table, const QString& caption)
{
    QList<int> columns;
    for (int c = 0; c < table.model()->columnCount(); ++c) {
        if (!table.isColumnHidden(c))
            columns << c;
    }
    print::ListTable t = fromModel(*table.model(), columns);
    t.caption = caption;
    return t;
}

print::ListTable ListOutput::fromModel(const QAbstractItemModel& model, QList<int> columns)
{
    if (columns.isEmpty()) {
        for (int c = 0; c < model.columnCount(); ++c)
            columns << c;
    }
    print::ListTable list;
    for (int i = 0; i < columns.size(); ++i) {
        list.headers << model.headerData(columns.at(i), Qt::Horizontal).toString();
        for (int r = 0; r < model.rowCount(); ++r) {
            // A column is right-aligned when its first filled cell is (figures).
            if (model.index(r, columns.at(i)).data().toString().isEmpty())
                continue;
            const QVariant align = model.index(r, columns.at(i)).data(Qt::TextAlignmentRole);
            if (align.isValid() && (align.toInt() & Qt::AlignRight))
                list.rightAligned << i;
            break;
        }
    }
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        QList<QVariant> values;
        for (int c : columns) {
            cells << model.index(r, c).data().toString();
            values << model.index(r, c).data(CellValueRole);
        }
        list.rows << cells;
        list.values << values;
    }
    return list;
}

} // namespace etabli
