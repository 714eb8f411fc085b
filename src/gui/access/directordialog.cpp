#include "gui/access/directordialog.h"

#include "services/passwordhasher.h"
#include "services/userservice.h"
#include "ui_directordialog.h"

#include <QLabel>
#include <QPlainTextEdit>

namespace etabli {

DirectorDialog::DirectorDialog(bool askSchoolName, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::DirectorDialog>()), m_askSchoolName(askSchoolName),
      m_sections(new QPlainTextEdit(this))
{
    m_ui->setupUi(this);
    m_ui->error->hide();
    // A new school says which workshops it has: none is made up for it.
    m_sections->setObjectName(QStringLiteral("sections"));
    m_sections->setTabChangesFocus(true);
    m_sections->setPlaceholderText(tr("One workshop per line: Mécanique, then Enter, Menuiserie…"));
    m_sections->setMaximumHeight(m_sections->fontMetrics().lineSpacing() * 5);
    auto* sectionsLabel = new QLabel(tr("&Workshops"), this);
    sectionsLabel->setBuddy(m_sections);
    m_ui->form->insertRow(1, sectionsLabel, m_sections);
    setTabOrder(m_ui->schoolName, m_sections);
    setTabOrder(m_sections, m_ui->displayName);
    if (!askSchoolName) {
        setWindowTitle(tr("The director's account"));
        m_ui->intro->setText(tr("This database has no account yet. Create the director's account: it can do "
                                "everything, including creating the other accounts."));
        m_ui->schoolName->hide();
        m_ui->schoolNameLabel->hide();
        m_ui->form->setRowVisible(m_sections, false);
        m_ui->displayName->setFocus();
    }
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &DirectorDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

DirectorDialog::~DirectorDialog() = default;

QString DirectorDialog::schoolName() const
{
    return m_ui->schoolName->text().trimmed();
}
QStringList DirectorDialog::sections() const
{
    return m_askSchoolName ? m_sections->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                           : QStringList();
}

QString DirectorDialog::displayName() const
{
    return m_ui->displayName->text().trimmed();
}
QString DirectorDialog::login() const
{
    return m_ui->login->text().trimmed();
}
QString DirectorDialog::password() const
{
    return m_ui->password->text();
}

void DirectorDialog::clearPasswords()
{
    m_ui->password->clear();
    m_ui->confirm->clear();
}

QString DirectorDialog::errorText() const
{
    return m_ui->error->isVisible() ? m_ui->error->text() : QString();
}

void DirectorDialog::accept()
{
    QString problem;
    if (m_askSchoolName && schoolName().isEmpty())
        problem = tr("Give the school's name.");
    else if (auto r = UserService::validateLogin(login()); !r)
        problem = r.error().message;
    else if (auto strength = PasswordHasher::checkStrength(password()); !strength)
        problem = strength.error().message;
    else if (password() != m_ui->confirm->text())
        problem = tr("The two passwords differ.");
    if (!problem.isEmpty()) {
        m_ui->error->setText(problem);
        m_ui->error->show();
        return;
    }
    QDialog::accept();
}

} // namespace etabli
