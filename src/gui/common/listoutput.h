#pragma once

#include "print/listdocument.h"
#include "util/error.h"

#include <functional>
#include <QList>
#include <QPushButton>

class QAbstractItemModel;
class QComboBox;
class QLineEdit;
class QTableView;

namespace etabli {

class MessageBanner;
class Session;

// "Imprimer / exporter ▾", the way out of a list page: its menu prints the
// list (preview), saves it as PDF, as an Excel workbook (typed cells, read
// from the models' CellValueRole) or as a CSV file for a spreadsheet — the
// rows the page's filters choose, with those filters in the title.
// `gather` reads them when asked (all of them, not only the page on screen).
class ListOutput final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListOutput)

public:
    using Gather = std::function<Result<print::ListContent>()>;

    // Messages go to `banner`, or to a message box when the page has none.
    ListOutput(Session& session, MessageBanner* banner, Gather gather, QWidget* parent);
    // For a page whose tables hold all their rows: their visible columns as
    // shown, each under its caption when there are several.
    ListOutput(Session& session, MessageBanner* banner, const QList<const QTableView*>& tables,
               const QStringList& captions, const QString& title, std::function<QStringList()> filters,
               QWidget* parent);

    Result<print::ListContent> content() const;
    // The file's owner alone may read it (a list of people is personal data).
    Status writeCsv(const QString& path) const;
    Status writePdf(const QString& path) const;
    // An Excel workbook, its cells typed (dates, euros, numbers), the owner's only too.
    Status writeXlsx(const QString& path) const;

    // What the filters beside a list say: each combo box's choice ("Impayées",
    // "Toutes les factures et tous les avoirs"), the search text.
    static QStringList filtersOf(const QLineEdit* search, const QList<const QComboBox*>& filters);
    // The rows of a model as displayed (its visible columns: all unless `columns`).
    static print::ListTable fromModel(const QAbstractItemModel& model, QList<int> columns = {});
    // The visible columns of a table as shown.
    static print::ListTable fromTable(const QTableView& table, const QString& caption = {});

private:
    enum class Format
    {
        Pdf,
        Csv,
        Xlsx,
    };
    void say(bool ok, const QString& message);
    void preview();
    void saveAs(Format format);
    QString suggestedName() const;

    Session& m_session;
    MessageBanner* m_banner;
    Gather m_gather;
};

} // namespace etabli
