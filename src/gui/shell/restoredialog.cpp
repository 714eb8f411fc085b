#include "gui/shell/restoredialog.h"

#include "services/backupplan.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace etabli {

RestoreDialog::RestoreDialog(const QString& databasePath, QWidget* parent)
    : QDialog(parent), m_list(new QListWidget(this)), m_restore(nullptr)
{
    setWindowTitle(tr("Restore a backup"));
    resize(520, 380);
    auto* layout = new QVBoxLayout(this);
    const BackupPlan plan(databasePath);
    auto* intro =
        new QLabel(tr("Établi keeps a copy of the database each day it is closed, in %1. Choose the copy "
                      "to go back to: the current database will be kept aside, not deleted.")
                       .arg(QDir::toNativeSeparators(plan.directory())),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    const QLocale locale;
    for (const auto& entry : plan.list()) {
        auto* item = new QListWidgetItem(
            tr("%1 — %2").arg(locale.toString(entry.date, QStringLiteral("dddd dd/MM/yyyy")),
                              locale.formattedDataSize(entry.size)),
            m_list);
        item->setData(Qt::UserRole, entry.path);
    }
    if (m_list->count() == 0) {
        auto* none = new QListWidgetItem(tr("No automatic backup yet."), m_list);
        none->setFlags(Qt::NoItemFlags);
    } else {
        m_list->setCurrentRow(0);
    }
    layout->addWidget(m_list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_restore = buttons->addButton(tr("&Restore this copy…"), QDialogButtonBox::AcceptRole);
    m_restore->setEnabled(backupCount() > 0);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this]() {
        if (!selectedBackup().isEmpty())
            accept();
    });
}

QString RestoreDialog::selectedBackup() const
{
    const auto* item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

int RestoreDialog::backupCount() const
{
    int n = 0;
    for (int i = 0; i < m_list->count(); ++i)
        n += m_list->item(i)->data(Qt::UserRole).toString().isEmpty() ? 0 : 1;
    return n;
}

} // namespace etabli
