#include "gui/trainees/importdialog.h"

#include "gui/common/session.h"
#include "services/careerservice.h"

#include <QColor>
#include <QLocale>

namespace etabli {

ImportDialog::ImportDialog(Session& session, QWidget* parent)
    : SheetImportDialog(
          tr("Import trainees from a spreadsheet"),
          tr("An Excel workbook (.xlsx, its first sheet) or a CSV file (separator ; or ,). Expected columns: "
             "nom, prénom, date de naissance, sexe, section, date d'entrée, année, date de sortie, motif de "
             "sortie, prescripteur, and one column per certification (CFG, CAP MV…) with obtenu, non obtenu, "
             "inscrit or absent. A column named “CAP” is the CAP the trainee's section prepares (Settings, "
             "Sections)."),
          parent),
      m_session(session), m_rows(nullptr)
{
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
    setModel(m_rows);
}

Status ImportDialog::read(const QByteArray& bytes, const Progress&)
{
    m_rows->clear();
    m_preview = {};
    auto preview = m_session.service<TraineeImportService>().prepare(bytes);
    if (!preview)
        return std::unexpected(preview.error());
    m_preview = *preview;
    m_rows->setRows(m_preview.rows);
    return {};
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

Status ImportDialog::write(bool skipInvalid, const Progress&)
{
    auto imported = m_session.service<TraineeImportService>().apply(m_preview, skipInvalid);
    if (!imported)
        return std::unexpected(imported.error());
    m_imported = *imported;
    return {};
}

} // namespace etabli
