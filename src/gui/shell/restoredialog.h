#pragma once

#include <QDialog>

class QListWidget;
class QPushButton;

namespace etabli {

// Lists the automatic backups of a database, newest first, and lets the
// user pick one to restore.
class RestoreDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreDialog)

public:
    RestoreDialog(const QString& databasePath, QWidget* parent = nullptr);
    QString selectedBackup() const;
    int backupCount() const;

private:
    QListWidget* m_list;
    QPushButton* m_restore;
};

} // namespace etabli
