#include "gui/trainees/importdialog.h"

#include "gui/common/session.h"
#include "services/careerservice.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

ImportDialog::ImportDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_summary(new QLabel(this)), m_rows(nullptr),
      m_table(new QTableView(this)),
      m_skip(new QCheckBox(tr("Leave the refused lines out and import the others"), this)), m_import(nullptr)
{
    setWindowTitle(tr("Import trainees from a spreadsheet"));
    using Row = TraineeImportService::Row;
    // A refused line stands out.
    const auto refused = [](const Row& row, int role) {
        return role == Qt::BackgroundRole && !row.problem.isEmpty() ? QVariant(QColor(0xf8, 0xd7, 0xd7))
                                                                    : QVariant();
    };
    m_rows = new ColumnsModel<Row>(
        {{tr("Line"), [](const Row& row) { return QString::number(row.line); }, true, refused},
         {tr("Name"),
          [](const Row& row) {
              return QStringLiteral("%1 %2").arg(row.trainee.lastName, row.trainee.firstName);
          },
          false, refused},
         {tr("Born on"),
          [](const Row& row) {
              return row.trainee.birthDate.isValid()
                         ? QLocale().toString(row.trainee.birthDate, QStringLiteral("dd/MM/yyyy"))
                         : QString();
          },
          false, refused},
         {tr("Certifications"),
          [](const Row& row) {
              QStringList certifications;
              for (const TraineeCertification& c : row.certifications)
                  certifications << tr("%1: %2 (%3)").arg(c.code, labelOf(c.result)).arg(c.sessionYear);
              return certifications.join(QStringLiteral(", "));
          },
          false, refused},
         {tr("Check"), [](const Row& row) { return row.problem.isEmpty() ? tr("ready") : row.problem; },
          false, refused}},
        this);
    resize(860, 540);
    auto* layout = new QVBoxLayout(this);
    auto* help = new QLabel(
        tr("Save the spreadsheet as CSV (separator ; or ,). Expected columns: nom, prénom, date de "
           "naissance, sexe, section, date d'entrée, année, date de sortie, motif de sortie, "
           "prescripteur, and one column per certification (CFG, CAP MV…) with obtenu, non obtenu, "
           "inscrit or absent. A column named “CAP” is the CAP the trainee's section prepares "
           "(Settings, Sections)."),
        this);
    help->setWordWrap(true);
    layout->addWidget(help);
    auto* choose = new QPushButton(tr("&Choose the file…"), this);
    layout->addWidget(choose, 0, Qt::AlignLeft);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table->setObjectName(QStringLiteral("preview"));
    m_table->setModel(m_rows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    layout->addWidget(m_skip);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setEnabled(false);
    layout->addWidget(buttons);
    connect(choose, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_skip, &QCheckBox::toggled, this, [this](bool on) {
        m_import->setEnabled(m_preview.validCount() > 0 && (on || m_preview.invalidCount() == 0));
    });
}

void ImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import trainees"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("CSV files (*.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_summary->setText(tr("Cannot read “%1”.").arg(path));
        return;
    }
    load(file.read(21 * 1024 * 1024));
}

bool ImportDialog::load(const QByteArray& bytes)
{
    m_rows->clear();
    m_import->setEnabled(false);
    auto preview = m_session.service<TraineeImportService>().prepare(bytes);
    if (!preview) {
        m_summary->setText(tr("The file is refused: %1").arg(preview.error().message));
        return false;
    }
    m_preview = *preview;
    m_rows->setRows(m_preview.rows);
    m_table->resizeColumnsToContents();
    m_summary->setText(summary());
    m_import->setEnabled(m_preview.validCount() > 0 &&
                         (m_skip->isChecked() || m_preview.invalidCount() == 0));
    return true;
}

QString ImportDialog::summary() const
{
    QString text = tr("%1 line(s) read (%2): %3 ready, %4 refused.")
                       .arg(m_preview.rows.size())
                       .arg(m_preview.encoding)
                       .arg(m_preview.validCount())
                       .arg(m_preview.invalidCount());
    if (!m_preview.ignoredColumns.isEmpty())
        text += QLatin1Char(' ') +
                tr("Ignored columns: %1.").arg(m_preview.ignoredColumns.join(QStringLiteral(", ")));
    if (!m_preview.newReferrals.isEmpty())
        text +=
            QLatin1Char(' ') +
            tr("New referrals added to the list: %1.").arg(m_preview.newReferrals.join(QStringLiteral(", ")));
    if (m_preview.invalidCount() > 0)
        text += QLatin1Char(' ') +
                tr("Nothing is imported while lines are refused, unless you choose to leave them out.");
    return text;
}

void ImportDialog::accept()
{
    auto imported = m_session.service<TraineeImportService>().apply(m_preview, m_skip->isChecked());
    if (!imported) {
        QMessageBox::warning(this, windowTitle(), imported.error().message);
        return;
    }
    m_imported = *imported;
    QDialog::accept();
}

} // namespace etabli
