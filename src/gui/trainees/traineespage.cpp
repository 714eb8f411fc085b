#include "gui/trainees/traineespage.h"

#include "gui/common/allowed.h"
#include "gui/common/formdialog.h"
#include "gui/common/listoutput.h"
#include "gui/common/messagebanner.h"
#include "gui/common/pagedlistpage.h"
#include "gui/common/searchfield.h"
#include "gui/common/session.h"
#include "gui/trainees/importdialog.h"
#include "gui/trainees/traineedialog.h"
#include "gui/trainees/traineelistmodel.h"
#include "io/files.h"
#include "services/schoolservice.h"
#include "services/traineeimportservice.h"
#include "services/traineeservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace etabli {

TraineesPage::TraineesPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_search(new QLineEdit(this)),
      m_section(new QComboBox(this)), m_year(new QComboBox(this)), m_status(new QComboBox(this)),
      m_archived(new QCheckBox(tr("Show a&rchived"), this)), m_count(new QLabel(this)),
      m_view(new QTableView(this)), m_model(new TraineeListModel(session, this)),
      m_new(new QPushButton(tr("&New trainee…"), this)), m_archive(new QPushButton(tr("Arc&hive"), this)),
      m_searchDelay(new QTimer(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    auto* filters = new QHBoxLayout;
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search by name (Ctrl+F)…"));
    markAsSearchField(m_search, m_view);
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_search, 2);
    m_section->setObjectName(QStringLiteral("sectionFilter"));
    m_year->setObjectName(QStringLiteral("yearFilter"));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    filters->addWidget(m_section, 1);
    filters->addWidget(m_year);
    filters->addWidget(m_status);
    filters->addWidget(m_archived);
    layout->addLayout(filters);
    m_count->setObjectName(QStringLiteral("count"));
    layout->addWidget(m_count);
    m_view->setObjectName(QStringLiteral("traineesView"));
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_view, 1);
    auto* buttons = new QHBoxLayout;
    auto* open = new QPushButton(tr("&Open…"), this);
    m_import = new QPushButton(tr("&Import…"), this);
    // The list as shown, all its rows (read to the end first), printed or
    // exported; and the file the import reads back.
    auto* output = new ListOutput(
        m_session, m_banner,
        [this]() -> Result<print::ListContent> {
            while (m_model->canFetchMore({}) && m_model->rowCount() < PagedListPage::ExportLimit)
                m_model->fetchMore({});
            print::ListContent list;
            list.title = tr("Trainees");
            list.filters = ListOutput::filtersOf(m_search, {m_section, m_year, m_status});
            if (m_archived->isChecked())
                list.filters << m_archived->text().remove(QLatin1Char('&'));
            list.tables << ListOutput::fromTable(*m_view);
            if (m_model->totalCount() > m_model->rowCount())
                list.truncatedFrom = m_model->totalCount();
            return list;
        },
        this);
    output->menu()->addSeparator();
    QAction* exportButton = output->menu()->addAction(tr("Export for the &import (CSV)…"));
    exportButton->setObjectName(QStringLiteral("exportForImport"));
    QAction* exportWorkbook = output->menu()->addAction(tr("Export for the import as a w&orkbook (XLSX)…"));
    exportWorkbook->setObjectName(QStringLiteral("exportForImportXlsx"));
    buttons->addWidget(m_new);
    buttons->addWidget(open);
    buttons->addWidget(m_archive);
    buttons->addStretch(1);
    auto* promote = new QPushButton(tr("Move to the &2nd year…"), this);
    promote->setObjectName(QStringLiteral("secondYear"));
    promote->setToolTip(
        tr("At the start of a school year: the first-years who continue, ticked in one list."));
    showWhenAllowed(promote, m_session, permission::TraineesWrite);
    buttons->addWidget(promote);
    connect(promote, &QPushButton::clicked, this, &TraineesPage::moveToSecondYear);
    buttons->addWidget(m_import);
    buttons->addWidget(output);
    connect(m_import, &QPushButton::clicked, this, [this]() {
        ImportDialog dialog(m_session, this);
        if (dialog.exec() == QDialog::Accepted)
            m_banner->showMessage(MessageBanner::Kind::Success,
                                  tr("%n trainee(s) imported.", nullptr, dialog.imported()));
        reload();
    });
    const auto exportAs = [this](bool workbook) {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the list"),
            QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                .filePath(workbook ? tr("trainees.xlsx") : tr("trainees.csv")),
            workbook ? tr("Excel workbooks (*.xlsx)") : tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportTo(path);
    };
    connect(exportButton, &QAction::triggered, this, [exportAs]() { exportAs(false); });
    connect(exportWorkbook, &QAction::triggered, this, [exportAs]() { exportAs(true); });
    layout->addLayout(buttons);

    m_status->addItem(tr("All statuses"));
    for (TraineeStatus s :
         {TraineeStatus::Enrolled, TraineeStatus::Candidate, TraineeStatus::Left, TraineeStatus::Refused})
        m_status->addItem(labelOf(s), static_cast<int>(s));

    // Type, pause 200 ms, then one query: not one per keystroke.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    connect(m_searchDelay, &QTimer::timeout, this, &TraineesPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &TraineesPage::applyFilter);
    for (QComboBox* c : {m_section, m_year, m_status})
        connect(c, &QComboBox::currentIndexChanged, this, &TraineesPage::applyFilter);
    connect(m_archived, &QCheckBox::toggled, this, &TraineesPage::applyFilter);
    connect(m_view, &QTableView::activated, this, &TraineesPage::openCurrent);
    connect(open, &QPushButton::clicked, this, &TraineesPage::openCurrent);
    connect(m_new, &QPushButton::clicked, this, &TraineesPage::newTrainee);
    connect(m_archive, &QPushButton::clicked, this, &TraineesPage::archiveCurrent);
    connect(&m_session, &Session::databaseChanged, this, &TraineesPage::reload);
    connect(&m_session, &Session::userChanged, this, &TraineesPage::reload);
    m_session.onDataChanged(this, DataKind::Trainees | DataKind::School, [this]() { applyFilter(); });
    reload();
}

void TraineesPage::reloadChoices()
{
    const QSignalBlocker b1(m_section);
    const QSignalBlocker b2(m_year);
    m_section->clear();
    m_year->clear();
    m_section->addItem(tr("All sections"), 0);
    m_year->addItem(tr("All years"), 0);
    if (!m_session.isOpen() || !m_session.isLoggedIn())
        return;
    const UserContext& user = m_session.user();
    for (const Section& s :
         SchoolService(m_session.database(), m_session.clock(), user).sections().value_or(QList<Section>{})) {
        if (user.coversSection(s.id))
            m_section->addItem(s.name, s.id);
    }
    for (int y :
         TraineeService(m_session.database(), m_session.clock(), user).cohorts().value_or(QList<int>{}))
        m_year->addItem(QStringLiteral("%1-%2").arg(y).arg(y + 1), y);
    const bool canWrite = user.can(permission::TraineesWrite);
    m_new->setVisible(canWrite);
    m_archive->setVisible(canWrite);
    m_import->setVisible(canWrite);
}

void TraineesPage::reload()
{
    reloadChoices();
    applyFilter();
}

void TraineesPage::applyFilter()
{
    TraineeFilter f = m_model->filter();
    f.text = m_search->text();
    f.sectionId = m_section->currentData().toLongLong();
    f.cohortYear = m_year->currentData().toInt();
    f.status = m_status->currentData().isValid()
                   ? std::optional(static_cast<TraineeStatus>(m_status->currentData().toInt()))
                   : std::nullopt;
    f.includeArchived = m_archived->isChecked();
    m_model->setFilter(f);
    if (!m_model->lastError().isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Error, m_model->lastError());
    m_count->setText(tr("%n trainee(s)", nullptr, static_cast<int>(m_model->totalCount())));
    m_view->resizeColumnsToContents();
}

bool TraineesPage::exportTo(const QString& path)
{
    // A workbook when the name says so, else CSV: both read back by the import.
    const auto service = m_session.service<TraineeImportService>();
    auto bytes = path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive)
                     ? service.exportXlsx(m_model->filter())
                     : service.exportCsv(m_model->filter());
    const Status written = bytes ? files::write(path, *bytes, true) : Status(std::unexpected(bytes.error()));
    if (!written) {
        m_banner->showMessage(MessageBanner::Kind::Error, written.error().message);
        return false;
    }
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("The list was exported to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

QString TraineesPage::countText() const
{
    return m_count->text();
}

void TraineesPage::openCurrent()
{
    const qint64 id = m_model->traineeId(m_view->currentIndex().row());
    if (id == 0)
        return;
    TraineeDialog dialog(m_session, id, this);
    dialog.exec();
    applyFilter();
}

void TraineesPage::newTrainee()
{
    TraineeDialog dialog(m_session, 0, this);
    dialog.exec();
    if (dialog.traineeId() == 0)
        return;
    // The new record is selected in the list (shown first when the filters hid it).
    applyFilter();
    if (!selectTrainee(dialog.traineeId())) {
        m_search->setText(dialog.trainee().lastName);
        m_status->setCurrentIndex(0);
        m_section->setCurrentIndex(0);
        m_year->setCurrentIndex(0);
        applyFilter();
        selectTrainee(dialog.traineeId());
    }
}

bool TraineesPage::selectTrainee(qint64 id)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->traineeId(row) == id) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            m_view->selectRow(row);
            m_view->scrollTo(m_model->index(row, 0));
            return true;
        }
    }
    return false;
}

void TraineesPage::moveToSecondYear()
{
    auto service = m_session.service<TraineeService>();
    auto candidates = service.secondYearCandidates();
    if (!candidates) {
        m_banner->showMessage(MessageBanner::Kind::Error, candidates.error().message);
        return;
    }
    if (candidates->isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("No enrolled first-year entered before this school year: nobody to move."));
        return;
    }
    FormDialog dialog(tr("Move to the 2nd year"), this);
    dialog.setObjectName(QStringLiteral("secondYearDialog"));
    auto* list = new QListWidget(&dialog);
    list->setObjectName(QStringLiteral("secondYearList"));
    for (const TraineeRow& row : std::as_const(*candidates)) {
        auto* item = new QListWidgetItem(tr("%1 %2 — %3, entered in %4-%5")
                                             .arg(row.lastName.toUpper(), row.firstName, row.section)
                                             .arg(row.cohortYear)
                                             .arg(row.cohortYear + 1),
                                         list);
        item->setData(Qt::UserRole, row.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    dialog.watch(list);
    dialog.addRow(tr("Tick those who continue\n(untick a repeat or a departure):"), list);
    int moved = 0;
    dialog.setAction([&]() -> Status {
        QList<qint64> ids;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                ids << list->item(i)->data(Qt::UserRole).toLongLong();
        if (auto r = service.moveToSecondYear(ids); !r)
            return r;
        moved = static_cast<int>(ids.size());
        return {};
    });
    dialog.resize(620, 480);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("%n trainee(s) moved to the 2nd year.", nullptr, moved));
    applyFilter();
}

void TraineesPage::archiveCurrent()
{
    const qint64 id = m_model->traineeId(m_view->currentIndex().row());
    if (id == 0)
        return;
    const QString name =
        m_model->data(m_model->index(m_view->currentIndex().row(), TraineeListModel::Name)).toString();
    if (QMessageBox::question(
            this, tr("Archive"),
            tr("Archive the record of %1? It leaves the lists but stays in the statistics and can be "
               "shown again with “Show archived”.")
                .arg(name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    if (auto r = m_session.service<TraineeService>().setArchived(id, true); !r)
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
    applyFilter();
}

} // namespace etabli
