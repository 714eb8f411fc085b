#include "gui/shell/welcomedialog.h"

#include "gui/shell/databaseactions.h"
#include "ui_welcomedialog.h"

#include <QDir>
#include <QFileInfo>
#include <QPushButton>

namespace etabli {

WelcomeDialog::WelcomeDialog(QWidget* parent) : QDialog(parent), m_ui(std::make_unique<Ui::WelcomeDialog>())
{
    m_ui->setupUi(this);
    QFont f = m_ui->title->font();
    f.setPointSizeF(f.pointSizeF() * 1.8);
    f.setBold(true);
    m_ui->title->setFont(f);
    // Where the school's file will be, in sight (not a hidden folder), and its backups.
    const QString path = DatabaseActions::suggestedNewPath();
    m_ui->createButton->setDescription(
        m_ui->createButton->description() + QLatin1Char(' ') +
        tr("Your school's database will be the file %1 (you may choose another place); its automatic "
           "backups go to the folder %2 beside it.")
            .arg(QDir::toNativeSeparators(path),
                 QDir::toNativeSeparators(QFileInfo(path).dir().filePath(QStringLiteral("sauvegardes")))));
    connect(m_ui->createButton, &QCommandLinkButton::clicked, this, [this]() { choose(Choice::Create); });
    connect(m_ui->demoButton, &QCommandLinkButton::clicked, this, [this]() { choose(Choice::Demo); });
    connect(m_ui->openButton, &QCommandLinkButton::clicked, this, [this]() { choose(Choice::Open); });
    connect(m_ui->serverButton, &QCommandLinkButton::clicked, this, [this]() { choose(Choice::Server); });
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_ui->buttons->button(QDialogButtonBox::Close)->setText(tr("&Quit"));
    m_ui->createButton->setFocus();
}

WelcomeDialog::~WelcomeDialog() = default;

void WelcomeDialog::choose(Choice choice)
{
    m_choice = choice;
    accept();
}

} // namespace etabli
