#include "gui/access/userdialog.h"

#include "services/accesscontrol.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace etabli {

UserDialog::UserDialog(const User& user, const QList<Section>& sections, bool isNew, QWidget* parent)
    : EditingDialog(parent), m_user(user), m_isNew(isNew), m_login(new QLineEdit(this)),
      m_name(new QLineEdit(this)), m_role(new QComboBox(this)), m_sections(new QListWidget(this)),
      m_active(new QCheckBox(tr("Account &active"), this)), m_password(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setWindowTitle(isNew ? tr("New account") : tr("Account %1").arg(user.login));
    setMinimumWidth(460);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_login->setObjectName(QStringLiteral("login"));
    m_name->setObjectName(QStringLiteral("displayName"));
    m_role->setObjectName(QStringLiteral("role"));
    m_password->setObjectName(QStringLiteral("password"));
    m_login->setText(user.login);
    m_login->setReadOnly(!isNew);
    m_name->setText(user.displayName);
    for (Role r : {Role::Direction, Role::Secretariat, Role::Formateur, Role::Lecture})
        m_role->addItem(labelOf(r), static_cast<int>(r));
    m_role->setCurrentIndex(m_role->findData(static_cast<int>(user.role)));
    for (const Section& s : sections) {
        auto* item = new QListWidgetItem(s.name, m_sections);
        item->setData(Qt::UserRole, s.id);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        item->setCheckState(user.sectionIds.contains(s.id) ? Qt::Checked : Qt::Unchecked);
    }
    m_sections->setMaximumHeight(110);
    m_active->setChecked(user.active);
    form->addRow(tr("&Login"), m_login);
    form->addRow(tr("&Full name"), m_name);
    form->addRow(tr("&Role"), m_role);
    form->addRow(tr("&Sections (trainers)"), m_sections);
    if (isNew) {
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("12 characters or more; to change at first login"));
        form->addRow(tr("First &password"), m_password);
        m_active->hide();
    } else {
        m_password->hide();
        form->addRow(QString(), m_active);
    }
    layout->addLayout(form);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02a2a;"));
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_role, &QComboBox::currentIndexChanged, this, &UserDialog::updateSections);
    updateSections();
}

void UserDialog::updateSections()
{
    m_sections->setEnabled(static_cast<Role>(m_role->currentData().toInt()) == Role::Formateur);
}

User UserDialog::user() const
{
    User u = m_user;
    u.login = m_login->text().trimmed();
    u.displayName = m_name->text().trimmed();
    u.role = static_cast<Role>(m_role->currentData().toInt());
    u.active = m_isNew || m_active->isChecked();
    u.mustChangePassword = m_isNew;
    u.sectionIds.clear();
    for (int i = 0; i < m_sections->count(); ++i) {
        if (m_sections->item(i)->checkState() == Qt::Checked)
            u.sectionIds << m_sections->item(i)->data(Qt::UserRole).toLongLong();
    }
    return u;
}

QString UserDialog::password() const
{
    return m_password->text();
}

void UserDialog::clearPassword()
{
    m_password->clear();
}

void UserDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

} // namespace etabli
