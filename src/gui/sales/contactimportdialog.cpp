#include "gui/sales/contactimportdialog.h"

#include "gui/common/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

namespace {

using ImportRow = ContactImportService::Row;
using ImportChoice = ContactImportService::DuplicateChoice;

QString contactRolesText(const Contact& c)
{
    QStringList roles;
    if (c.customer)
        roles << ContactImportDialog::tr("customer");
    if (c.host)
        roles << ContactImportDialog::tr("host");
    if (c.donor)
        roles << ContactImportDialog::tr("donor");
    if (c.funder)
        roles << ContactImportDialog::tr("funder");
    if (c.supplier)
        roles << ContactImportDialog::tr("supplier");
    return roles.join(QStringLiteral(", "));
}

QString importActionText(const ImportRow& row)
{
    if (!row.problem.isEmpty())
        return ContactImportDialog::tr("refused: %1").arg(row.problem);
    if (!row.isDuplicate())
        return ContactImportDialog::tr("new contact");
    const QString why = row.twinBySiret ? ContactImportDialog::tr("same SIRET")
                                        : ContactImportDialog::tr("same name and postcode");
    switch (row.choice) {
    case ImportChoice::Merge:
        return row.filled.isEmpty() ? ContactImportDialog::tr("already recorded as “%1” (%2): nothing to add")
                                          .arg(row.twinName, why)
                                    : ContactImportDialog::tr("merge into “%1” (%2): adds %3")
                                          .arg(row.twinName, why, row.filled.join(QStringLiteral(", ")));
    case ImportChoice::Skip:
        return ContactImportDialog::tr("skip: already recorded as “%1” (%2)").arg(row.twinName, why);
    case ImportChoice::Create:
        return ContactImportDialog::tr("create a second contact beside “%1”").arg(row.twinName);
    }
    return {};
}

QVariant importRowColour(const ImportRow& row, int role)
{
    if (role == Qt::BackgroundRole && !row.problem.isEmpty())
        return QColor(0xf8, 0xd7, 0xd7);
    if (role == Qt::BackgroundRole && row.isDuplicate())
        return QColor(0xfd, 0xf1, 0xd0);
    if (role == Qt::ToolTipRole && !row.kept.isEmpty())
        return ContactImportDialog::tr("Kept as recorded (the file says otherwise): %1")
            .arg(row.kept.join(QStringLiteral(", ")));
    return {};
}

} // namespace

ContactImportDialog::ContactImportDialog(Session& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_summary(new QLabel(this)), m_role(new QComboBox(this)),
      m_rows(nullptr), m_table(new QTableView(this)),
      m_skip(new QCheckBox(tr("Leave the refused lines out and import the others"), this)), m_import(nullptr)
{
    setWindowTitle(tr("Import contacts"));
    m_rows = new ColumnsModel<ImportRow>(
        {{tr("Line"), [](const ImportRow& r) { return QString::number(r.line); }, true, importRowColour},
         {tr("Name"), [](const ImportRow& r) { return r.contact.displayName(); }, false, importRowColour},
         {tr("Town"),
          [](const ImportRow& r) {
              return QStringLiteral("%1 %2").arg(r.contact.postcode, r.contact.city).trimmed();
          },
          false, importRowColour},
         {tr("SIRET"), [](const ImportRow& r) { return r.contact.siret; }, false, importRowColour},
         {tr("Roles"), [](const ImportRow& r) { return contactRolesText(r.contact); }, false,
          importRowColour},
         {tr("What happens"), [](const ImportRow& r) { return importActionText(r); }, false,
          importRowColour}},
        this);
    resize(1000, 600);
    auto* layout = new QVBoxLayout(this);
    auto* help = new QLabel(
        tr("An Excel workbook (.xlsx, its first sheet) or a CSV file (separator ; or ,). Recognised columns: "
           "type, nom, prénom, SIRET, forme juridique, adresse, complément d'adresse, code postal, ville, "
           "téléphone, courriel, notes, rôles (client, donateur, financeur, accueil de stage, fournisseur) "
           "or "
           "one column per role with oui/non. The exports of Dolibarr (third parties, contacts) and Paheko "
           "(members) are read as they are. A contact with the same SIRET, or the same name and postcode, as "
           "one already recorded is proposed for merging: its empty fields are filled, nothing it holds is "
           "overwritten."),
        this);
    help->setWordWrap(true);
    layout->addWidget(help);
    auto* top = new QHBoxLayout;
    auto* choose = new QPushButton(tr("&Choose the file…"), this);
    choose->setObjectName(QStringLiteral("chooseFile"));
    top->addWidget(choose);
    auto* roleLabel = new QLabel(tr("Lines without a role are &added as:"), this);
    roleLabel->setBuddy(m_role);
    m_role->setObjectName(QStringLiteral("defaultRole"));
    m_role->addItem(tr("as the file says (customers; Paheko: donors)"), QString());
    m_role->addItem(tr("customers"), QStringLiteral("customer"));
    m_role->addItem(tr("internship hosts"), QStringLiteral("host"));
    m_role->addItem(tr("donors"), QStringLiteral("donor"));
    m_role->addItem(tr("funders"), QStringLiteral("funder"));
    m_role->addItem(tr("suppliers"), QStringLiteral("supplier"));
    top->addWidget(roleLabel);
    top->addWidget(m_role);
    top->addStretch(1);
    layout->addLayout(top);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_table->setObjectName(QStringLiteral("preview"));
    m_table->setModel(m_rows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);
    auto* choices = new QHBoxLayout;
    choices->addWidget(new QLabel(tr("Selected look-alikes:"), this));
    const auto choiceButton = [&](const QString& text, const QString& name, ImportChoice choice) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(name);
        choices->addWidget(button);
        connect(button, &QPushButton::clicked, this, [this, choice]() { chooseForSelection(choice); });
    };
    choiceButton(tr("&Merge (F)"), QStringLiteral("merge"), ImportChoice::Merge);
    choiceButton(tr("&Skip (I)"), QStringLiteral("skip"), ImportChoice::Skip);
    choiceButton(tr("Create all the &same (C)"), QStringLiteral("create"), ImportChoice::Create);
    // One key per line in the table: F, I or C (the table's own search by letter gives way).
    m_table->installEventFilter(this);
    choices->addStretch(1);
    layout->addLayout(choices);
    layout->addWidget(m_skip);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("import"));
    m_import->setEnabled(false);
    layout->addWidget(buttons);
    connect(choose, &QPushButton::clicked, this, &ContactImportDialog::chooseFile);
    connect(buttons, &QDialogButtonBox::accepted, this, &ContactImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_skip, &QCheckBox::toggled, this, &ContactImportDialog::refreshButtons);
    connect(m_role, &QComboBox::currentIndexChanged, this, [this]() {
        if (!m_bytes.isEmpty())
            load(m_bytes);
    });
}

std::unique_ptr<QProgressDialog> ContactImportDialog::progressDialog(const QString& label)
{
    auto progress = std::make_unique<QProgressDialog>(label, tr("Stop"), 0, 1000, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(500);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    return progress;
}

ContactImportService::Progress ContactImportDialog::reportTo(QProgressDialog& progress)
{
    return [&progress](qsizetype done, qsizetype total) {
        progress.setValue(total > 0 ? static_cast<int>(done * 1000 / total) : 1000);
        return !progress.wasCanceled();
    };
}

void ContactImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import contacts"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Spreadsheets (*.xlsx *.csv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_summary->setText(tr("Cannot read “%1”: %2").arg(path, file.errorString()));
        return;
    }
    load(file.read(21 * 1024 * 1024));
}

bool ContactImportDialog::load(const QByteArray& bytes)
{
    m_bytes = bytes;
    m_rows->clear();
    m_import->setEnabled(false);
    const auto role = ContactImportService::roleFromCode(m_role->currentData().toString());
    const auto progress = progressDialog(tr("Reading the file…"));
    auto preview = m_session.service<ContactImportService>().prepare(bytes, role, reportTo(*progress));
    progress->close();
    if (!preview) {
        m_summary->setText(preview.error().message.isEmpty()
                               ? tr("Reading stopped; nothing was imported.")
                               : tr("The file is refused: %1").arg(preview.error().message));
        return false;
    }
    m_rows->setRows(std::move(preview->rows));
    preview->rows.clear();
    m_preview = std::move(*preview);
    m_table->resizeColumnsToContents();
    refreshButtons();
    return true;
}

bool ContactImportDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->modifiers() == Qt::NoModifier) {
            const std::optional<ImportChoice> choice =
                key->key() == Qt::Key_F   ? std::optional(ImportChoice::Merge)
                : key->key() == Qt::Key_I ? std::optional(ImportChoice::Skip)
                : key->key() == Qt::Key_C ? std::optional(ImportChoice::Create)
                                          : std::nullopt;
            if (choice) {
                chooseForSelection(*choice);
                return true;
            }
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ContactImportDialog::chooseForSelection(ImportChoice choice)
{
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& index : selected) {
        m_rows->update(index.row(), [choice](ImportRow& row) {
            if (row.isDuplicate())
                row.choice = choice;
        });
    }
    refreshButtons();
}

QString ContactImportDialog::summary() const
{
    ContactImportService::Preview shown = m_preview;
    shown.rows = m_rows->rows();
    QString text = tr("%1 line(s) read (%2, %3): %4 ready, of which %5 already in the directory; %6 refused.")
                       .arg(shown.rows.size())
                       .arg(ContactImportService::labelOf(shown.layout), shown.encoding)
                       .arg(shown.validCount())
                       .arg(shown.duplicateCount())
                       .arg(shown.invalidCount());
    if (!shown.ignoredColumns.isEmpty())
        text += QLatin1Char(' ') +
                tr("Ignored columns: %1.").arg(shown.ignoredColumns.join(QStringLiteral(", ")));
    if (shown.invalidCount() > 0)
        text += QLatin1Char(' ') +
                tr("Nothing is imported while lines are refused, unless you choose to leave them out.");
    return text;
}

void ContactImportDialog::refreshButtons()
{
    m_summary->setText(summary());
    const int valid = static_cast<int>(std::count_if(m_rows->rows().cbegin(), m_rows->rows().cend(),
                                                     [](const ImportRow& r) { return r.problem.isEmpty(); }));
    const bool refused = valid < m_rows->rowCount();
    m_import->setEnabled(valid > 0 && (m_skip->isChecked() || !refused));
}

void ContactImportDialog::accept()
{
    ContactImportService::Preview chosen = m_preview;
    chosen.rows = m_rows->rows();
    const auto progress = progressDialog(tr("Importing the contacts…"));
    auto done =
        m_session.service<ContactImportService>().apply(chosen, m_skip->isChecked(), reportTo(*progress));
    progress->close();
    if (!done) {
        if (done.error().message.isEmpty())
            m_summary->setText(tr("Import stopped; nothing was imported."));
        else
            QMessageBox::warning(this, windowTitle(), done.error().message);
        return;
    }
    m_outcome = *done;
    QDialog::accept();
}

} // namespace etabli
