#include "gui/access/userspage.h"

#include "gui/access/passworddialog.h"
#include "gui/access/userdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "services/accesscontrol.h"
#include "services/schoolservice.h"
#include "services/userservice.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

UsersPage::UsersPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)),
      m_model(new ColumnsModel<User>(
          {{tr("Login"), [](const User& u) { return u.login; }},
           {tr("Name"), [](const User& u) { return u.displayName; }},
           {tr("Role"), [](const User& u) { return labelOf(u.role); }},
           {tr("Sections"),
            [this](const User& u) {
                QStringList names;
                for (qint64 id : u.sectionIds)
                    names << m_sectionNames.value(id);
                return names.join(QStringLiteral(", "));
            }},
           {tr("Status"),
            [this](const User& u) {
                if (!u.active)
                    return tr("deactivated");
                if (u.lockedUntil.isValid() && u.lockedUntil > m_session.clock().nowUtc())
                    return tr("locked after failed attempts, until %1")
                        .arg(QLocale().toString(u.lockedUntil.toLocalTime(), QStringLiteral("HH:mm")));
                return tr("active");
            }},
           {tr("Last login"),
            [](const User& u) {
                return u.lastLogin.isValid()
                           ? QLocale().toString(u.lastLogin.toLocalTime(), QStringLiteral("dd/MM/yyyy HH:mm"))
                           : tr("never");
            }}},
          this)),
      m_table(new QTableView(this)), m_add(new QPushButton(tr("&New account…"), this)),
      m_edit(new QPushButton(tr("&Edit…"), this)), m_toggle(new QPushButton(tr("&Deactivate"), this)),
      m_reset(new QPushButton(tr("&Reset the password…"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    m_table->setObjectName(QStringLiteral("usersTable"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(false);
    layout->addWidget(m_table);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_add, m_edit, m_toggle, m_reset})
        buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, &UsersPage::addUser);
    connect(m_edit, &QPushButton::clicked, this, &UsersPage::editUser);
    connect(m_table, &QTableView::doubleClicked, this, &UsersPage::editUser);
    connect(m_toggle, &QPushButton::clicked, this, &UsersPage::toggleActive);
    connect(m_reset, &QPushButton::clicked, this, &UsersPage::askResetPassword);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &UsersPage::updateButtons);
    reload();
}

void UsersPage::reload()
{
    if (!m_session.isOpen() || !m_session.user().can(permission::UsersManage))
        return;
    auto users = m_session.service<UserService>().list();
    if (!users) {
        m_banner->showMessage(MessageBanner::Kind::Error, users.error().message);
        return;
    }
    auto sections = m_session.service<SchoolService>().sections();
    m_sectionNames.clear();
    for (const Section& s : sections.value_or(QList<Section>{}))
        m_sectionNames.insert(s.id, s.name);
    const int row = std::max(0, m_table->currentIndex().row());
    m_model->setRows(*users);
    m_table->resizeColumnsToContents();
    m_table->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1), 0));
    updateButtons();
}

const User* UsersPage::current() const
{
    const int row = m_table->currentIndex().row();
    return row >= 0 && row < m_model->rowCount() ? &m_model->rowAt(row) : nullptr;
}

void UsersPage::updateButtons()
{
    const User* u = current();
    m_edit->setEnabled(u);
    m_toggle->setEnabled(u);
    m_reset->setEnabled(u);
    m_toggle->setText(u && !u->active ? tr("Re&activate") : tr("&Deactivate"));
}

bool UsersPage::createUser(const User& user, const QString& password)
{
    auto id = m_session.service<UserService>().create(user, password);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    m_banner->showMessage(
        MessageBanner::Kind::Success,
        tr("The account “%1” was created. Its owner will choose a new password at first login.")
            .arg(user.login));
    reload();
    return true;
}

bool UsersPage::updateUser(const User& user)
{
    if (auto r = m_session.service<UserService>().update(user); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    m_banner->showMessage(MessageBanner::Kind::Success, tr("The account “%1” was saved.").arg(user.login));
    reload();
    return true;
}

bool UsersPage::resetPassword(qint64 userId, const QString& password)
{
    if (auto r = m_session.service<UserService>().resetPassword(userId, password); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    reload();
    return true;
}

void UsersPage::addUser()
{
    auto sections = m_session.service<SchoolService>().sections(true);
    User blank;
    blank.role = Role::Secretariat;
    UserDialog dialog(blank, sections.value_or(QList<Section>{}), true, this);
    while (dialog.exec() == QDialog::Accepted) {
        auto id = m_session.service<UserService>().create(dialog.user(), dialog.password());
        dialog.clearPassword();
        if (id) {
            reload();
            m_banner->showMessage(
                MessageBanner::Kind::Success,
                tr("The account “%1” was created. Its owner will choose a new password at first "
                   "login.")
                    .arg(dialog.user().login));
            return;
        }
        dialog.showError(id.error().message);
    }
}

void UsersPage::editUser()
{
    const User* u = current();
    if (!u)
        return;
    auto sections = m_session.service<SchoolService>().sections();
    UserDialog dialog(*u, sections.value_or(QList<Section>{}), false, this);
    while (dialog.exec() == QDialog::Accepted) {
        auto r = m_session.service<UserService>().update(dialog.user());
        if (r) {
            reload();
            return;
        }
        dialog.showError(r.error().message);
    }
}

void UsersPage::toggleActive()
{
    const User* u = current();
    if (!u)
        return;
    User changed = *u;
    changed.active = !changed.active;
    updateUser(changed);
}

void UsersPage::askResetPassword()
{
    const User* u = current();
    if (!u)
        return;
    const qint64 id = u->id;
    PasswordDialog dialog(
        tr("New password for %1").arg(u->login), false,
        [this, id](const QString&, const QString& next) -> Status {
            return m_session.service<UserService>().resetPassword(id, next);
        },
        this);
    if (dialog.exec() == QDialog::Accepted) {
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("The password was reset: its owner will choose a new one at next login."));
        reload();
    }
}

} // namespace etabli
