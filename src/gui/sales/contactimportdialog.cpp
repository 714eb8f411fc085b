#include "gui/sales/contactimportdialog.h"

#include "gui/common/session.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QTableView>

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
    : SheetImportDialog(
          tr("Import contacts"),
          tr("An Excel workbook (.xlsx, its first sheet) or a CSV file (separator ; or ,). Recognised "
             "columns: "
             "type, nom, prénom, SIRET, forme juridique, adresse, complément d'adresse, code postal, ville, "
             "téléphone, courriel, notes, rôles (client, donateur, financeur, accueil de stage, fournisseur) "
             "or "
             "one column per role with oui/non. The exports of Dolibarr (third parties, contacts) and Paheko "
             "(members) are read as they are. A contact with the same SIRET, or the same name and postcode, "
             "as "
             "one already recorded is proposed for merging: its empty fields are filled, nothing it holds is "
             "overwritten."),
          parent),
      m_session(session), m_role(new QComboBox(this)), m_rows(nullptr)
{
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
    setModel(m_rows);
    auto* roleLabel = new QLabel(tr("Lines without a role are &added as:"), this);
    roleLabel->setBuddy(m_role);
    m_role->setObjectName(QStringLiteral("defaultRole"));
    m_role->addItem(tr("as the file says (customers; Paheko: donors)"), QString());
    m_role->addItem(tr("customers"), QStringLiteral("customer"));
    m_role->addItem(tr("internship hosts"), QStringLiteral("host"));
    m_role->addItem(tr("donors"), QStringLiteral("donor"));
    m_role->addItem(tr("funders"), QStringLiteral("funder"));
    m_role->addItem(tr("suppliers"), QStringLiteral("supplier"));
    topRow()->addWidget(roleLabel);
    topRow()->addWidget(m_role);
    topRow()->addStretch(1);
    belowTable()->addWidget(new QLabel(tr("Selected look-alikes:"), this));
    const auto choiceButton = [&](const QString& text, const QString& name, ImportChoice choice) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(name);
        belowTable()->addWidget(button);
        connect(button, &QPushButton::clicked, this, [this, choice]() { chooseForSelection(choice); });
    };
    choiceButton(tr("&Merge (F)"), QStringLiteral("merge"), ImportChoice::Merge);
    choiceButton(tr("&Skip (I)"), QStringLiteral("skip"), ImportChoice::Skip);
    choiceButton(tr("Create all the &same (C)"), QStringLiteral("create"), ImportChoice::Create);
    belowTable()->addStretch(1);
    // One key per line in the table: F, I or C (the table's own search by letter gives way).
    table()->installEventFilter(this);
    connect(m_role, &QComboBox::currentIndexChanged, this, &ContactImportDialog::reload);
}

Status ContactImportDialog::read(const QByteArray& bytes, const Progress& progress)
{
    m_rows->clear();
    const auto role = ContactImportService::roleFromCode(m_role->currentData().toString());
    auto preview = m_session.service<ContactImportService>().prepare(bytes, role, progress);
    if (!preview)
        return std::unexpected(preview.error());
    m_rows->setRows(std::move(preview->rows));
    preview->rows.clear();
    m_preview = std::move(*preview);
    return {};
}

bool ContactImportDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == table() && event->type() == QEvent::KeyPress) {
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
    return SheetImportDialog::eventFilter(watched, event);
}

void ContactImportDialog::chooseForSelection(ImportChoice choice)
{
    const QModelIndexList selected = table()->selectionModel()->selectedRows();
    for (const QModelIndex& index : selected) {
        m_rows->update(index.row(), [choice](ImportRow& row) {
            if (row.isDuplicate())
                row.choice = choice;
        });
    }
    refresh();
}

ContactImportService::Preview ContactImportDialog::shown() const
{
    ContactImportService::Preview preview = m_preview;
    preview.rows = m_rows->rows();
    return preview;
}

int ContactImportDialog::readyCount() const
{
    return shown().validCount();
}

int ContactImportDialog::refusedCount() const
{
    return shown().invalidCount();
}

QString ContactImportDialog::summary() const
{
    const ContactImportService::Preview preview = shown();
    QString text = tr("%1 line(s) read (%2, %3): %4 ready, of which %5 already in the directory; %6 refused.")
                       .arg(preview.rows.size())
                       .arg(ContactImportService::labelOf(preview.layout), preview.encoding)
                       .arg(preview.validCount())
                       .arg(preview.duplicateCount())
                       .arg(preview.invalidCount());
    if (!preview.ignoredColumns.isEmpty())
        text += QLatin1Char(' ') +
                tr("Ignored columns: %1.").arg(preview.ignoredColumns.join(QStringLiteral(", ")));
    if (preview.invalidCount() > 0)
        text += QLatin1Char(' ') +
                tr("Nothing is imported while lines are refused, unless you choose to leave them out.");
    return text;
}

QString ContactImportDialog::writingLabel() const
{
    return tr("Importing the contacts…");
}

Status ContactImportDialog::write(bool skipInvalid, const Progress& progress)
{
    auto done = m_session.service<ContactImportService>().apply(shown(), skipInvalid, progress);
    if (!done)
        return std::unexpected(done.error());
    m_outcome = *done;
    return {};
}

} // namespace etabli
