#include "gui/common/sheetimportdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

SheetImportDialog::SheetImportDialog(const QString& title, const QString& help, QWidget* parent)
    : QDialog(parent), m_top(new QHBoxLayout), m_summary(new QLabel(this)), m_table(new QTableView(this)),
      m_below(new QHBoxLayout),
      m_skip(new QCheckBox(tr("Leave the refused lines out and import the others"), this)), m_import(nullptr)
{
    setWindowTitle(title);
    resize(1000, 600);
    auto* layout = new QVBoxLayout(this);
    auto* helpText = new QLabel(help, this);
    helpText->setWordWrap(true);
    layout->addWidget(helpText);
    auto* choose = new QPushButton(tr("&Choose the file…"), this);
    choose->setObjectName(QStringLiteral("chooseFile"));
    m_top->addWidget(choose);
    layout->addLayout(m_top);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table->setObjectName(QStringLiteral("preview"));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    layout->addLayout(m_below);
    layout->addWidget(m_skip);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("import"));
    m_import->setEnabled(false);
    layout->addWidget(buttons);
    connect(choose, &QPushButton::clicked, this, &SheetImportDialog::chooseFile);
    connect(buttons, &QDialogButtonBox::accepted, this, &SheetImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_skip, &QCheckBox::toggled, this, &SheetImportDialog::refresh);
}

void SheetImportDialog::setModel(QAbstractItemModel* model)
{
    m_table->setModel(model);
}

QString SheetImportDialog::readingLabel() const
{
    return tr("Reading the file…");
}

QString SheetImportDialog::writingLabel() const
{
    return tr("Importing…");
}

std::unique_ptr<QProgressDialog> SheetImportDialog::progressDialog(const QString& label)
{
    auto progress = std::make_unique<QProgressDialog>(label, tr("Stop"), 0, 1000, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(500);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    return progress;
}

SheetImportDialog::Progress SheetImportDialog::reportTo(QProgressDialog& progress)
{
    return [&progress](qsizetype done, qsizetype total) {
        progress.setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 1000);
        return !progress.wasCanceled();
    };
}

void SheetImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, windowTitle(), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        fileFilter());
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_summary->setText(tr("Cannot read “%1”: %2").arg(path, file.errorString()));
        return;
    }
    load(file.read(21 * 1024 * 1024), QFileInfo(path).fileName());
}

QString SheetImportDialog::fileFilter() const
{
    return tr("Spreadsheets (*.xlsx *.csv *.txt);;All files (*)");
}

bool SheetImportDialog::load(const QByteArray& bytes, const QString& fileName)
{
    m_bytes = bytes;
    m_fileName = fileName;
    m_import->setEnabled(false);
    const auto progress = progressDialog(readingLabel());
    const Status read = this->read(bytes, reportTo(*progress));
    progress->close();
    if (!read) {
        m_summary->setText(read.error().message.isEmpty()
                               ? tr("Reading stopped; nothing was imported.")
                               : tr("The file is refused: %1").arg(read.error().message));
        return false;
    }
    m_table->resizeColumnsToContents();
    refresh();
    return true;
}

void SheetImportDialog::reload()
{
    if (!m_bytes.isEmpty())
        load(m_bytes, m_fileName);
}

void SheetImportDialog::refresh()
{
    m_summary->setText(summary());
    m_import->setEnabled(readyCount() > 0 && (m_skip->isChecked() || refusedCount() == 0));
}

void SheetImportDialog::accept()
{
    const auto progress = progressDialog(writingLabel());
    const Status written = write(m_skip->isChecked(), reportTo(*progress));
    progress->close();
    if (!written) {
        if (written.error().message.isEmpty())
            m_summary->setText(tr("Import stopped; nothing was imported."));
        else
            QMessageBox::warning(this, windowTitle(), written.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace etabli
