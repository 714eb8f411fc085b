#pragma once

#include "domain/user.h"
#include "gui/common/rowstablemodel.h"

#include <QWidget>

class QPushButton;
class QTableView;

namespace etabli {

class MessageBanner;
class Session;

// "Utilisateurs" (direction only): the accounts, their role and sections;
// create, edit, deactivate, reset a password. Accounts are never deleted.
class UsersPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersPage)

public:
    explicit UsersPage(Session& session, QWidget* parent = nullptr);
    void reload();
    const QList<User>& users() const { return m_model->rows(); }
    QTableView* table() const { return m_table; }
    MessageBanner* banner() const { return m_banner; }

    // The actions, callable without their dialogs (tests).
    bool createUser(const User& user, const QString& password);
    bool updateUser(const User& user);
    bool resetPassword(qint64 userId, const QString& password);

private:
    void addUser();
    void editUser();
    void toggleActive();
    void askResetPassword();
    const User* current() const;
    void updateButtons();

    Session& m_session;
    MessageBanner* m_banner;
    QHash<qint64, QString> m_sectionNames; // for the "Sections" column
    ColumnsModel<User>* m_model;
    QTableView* m_table;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_toggle;
    QPushButton* m_reset;
};

} // namespace etabli
