#include "gui/access/personaldatapage.h"

#include "gui/common/messagebanner.h"
#include "gui/common/searchfield.h"
#include "gui/common/session.h"
#include "services/personaldataservice.h"
#include "services/userservice.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace etabli {

PersonalDataPage::PersonalDataPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_kind(new QComboBox(this)),
      m_search(new QLineEdit(this)), m_results(new QListWidget(this)), m_accounts(new QComboBox(this)),
      m_traineeYears(new QSpinBox(this)), m_invoiceYears(new QSpinBox(this)),
      m_candidateMonths(new QSpinBox(this)), m_preview(new QListWidget(this)),
      m_previewLabel(new QLabel(this)), m_apply(new QPushButton(tr("&Anonymise these records…"), this))
{
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);

    auto* exportGroup = new QGroupBox(tr("Everything held about a person (right of access)"), this);
    auto* exportLayout = new QVBoxLayout(exportGroup);
    m_kind->setObjectName(QStringLiteral("personKind"));
    m_kind->addItem(tr("A trainee or a candidate"),
                    QVariant::fromValue(PersonalDataService::PersonKind::Trainee));
    m_kind->addItem(tr("A contact of the directory (customer, donor…)"),
                    QVariant::fromValue(PersonalDataService::PersonKind::Contact));
    m_kind->addItem(tr("A staff member or a volunteer"),
                    QVariant::fromValue(PersonalDataService::PersonKind::Staff));
    m_search->setObjectName(QStringLiteral("personSearch"));
    m_search->setPlaceholderText(tr("Search by name…"));
    markAsSearchField(m_search, m_results);
    m_search->setClearButtonEnabled(true);
    auto* searchRow = new QHBoxLayout;
    auto* kindLabel = new QLabel(tr("&Who"), exportGroup);
    kindLabel->setBuddy(m_kind);
    searchRow->addWidget(kindLabel);
    searchRow->addWidget(m_kind);
    searchRow->addWidget(m_search, 1);
    exportLayout->addLayout(searchRow);
    m_results->setObjectName(QStringLiteral("personResults"));
    m_results->setMaximumHeight(140);
    exportLayout->addWidget(m_results);
    auto* traineeButtons = new QHBoxLayout;
    auto* exportTrainee = new QPushButton(tr("Export the person's &data…"), exportGroup);
    traineeButtons->addStretch(1);
    traineeButtons->addWidget(exportTrainee);
    exportLayout->addLayout(traineeButtons);
    auto* accountRow = new QHBoxLayout;
    auto* accountLabel = new QLabel(tr("User a&ccount"), exportGroup);
    accountLabel->setBuddy(m_accounts);
    accountRow->addWidget(accountLabel);
    accountRow->addWidget(m_accounts, 1);
    auto* exportAccount = new QPushButton(tr("Export the account's da&ta…"), exportGroup);
    accountRow->addWidget(exportAccount);
    exportLayout->addLayout(accountRow);
    layout->addWidget(exportGroup);

    auto* retentionGroup = new QGroupBox(tr("Retention"), this);
    auto* retentionLayout = new QVBoxLayout(retentionGroup);
    auto* form = new QFormLayout;
    m_traineeYears->setRange(1, 50);
    m_traineeYears->setSuffix(tr(" years after they left"));
    m_invoiceYears->setRange(10, 50);
    m_invoiceYears->setSuffix(tr(" years"));
    m_candidateMonths->setRange(1, 120);
    m_candidateMonths->setSuffix(tr(" months after the decision"));
    m_candidateMonths->setObjectName(QStringLiteral("retentionCandidateMonths"));
    form->addRow(tr("Anonymise the trainees"), m_traineeYears);
    form->addRow(tr("Anonymise the candidates not admitted"), m_candidateMonths);
    form->addRow(tr("Keep the invoices"), m_invoiceYears);
    retentionLayout->addLayout(form);
    auto* retentionButtons = new QHBoxLayout;
    auto* saveRule = new QPushButton(tr("&Save the rule"), retentionGroup);
    auto* preview = new QPushButton(tr("&List what the rule would anonymise"), retentionGroup);
    retentionButtons->addWidget(saveRule);
    retentionButtons->addWidget(preview);
    retentionButtons->addStretch(1);
    retentionLayout->addLayout(retentionButtons);
    m_previewLabel->setWordWrap(true);
    retentionLayout->addWidget(m_previewLabel);
    m_preview->setObjectName(QStringLiteral("retentionPreview"));
    m_preview->setMaximumHeight(160);
    retentionLayout->addWidget(m_preview);
    auto* applyRow = new QHBoxLayout;
    applyRow->addStretch(1);
    applyRow->addWidget(m_apply);
    retentionLayout->addLayout(applyRow);
    layout->addWidget(retentionGroup);
    layout->addStretch(1);
    m_apply->setEnabled(false);

    connect(m_search, &QLineEdit::textChanged, this, &PersonalDataPage::search);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &PersonalDataPage::search);
    connect(exportTrainee, &QPushButton::clicked, this, &PersonalDataPage::exportSelectedPerson);
    connect(m_results, &QListWidget::itemActivated, this, &PersonalDataPage::exportSelectedPerson);
    connect(exportAccount, &QPushButton::clicked, this, &PersonalDataPage::exportSelectedAccount);
    connect(saveRule, &QPushButton::clicked, this, [this]() {
        saveRetention({m_traineeYears->value(), m_invoiceYears->value(), m_candidateMonths->value()});
    });
    connect(preview, &QPushButton::clicked, this, &PersonalDataPage::previewRetention);
    connect(m_apply, &QPushButton::clicked, this, &PersonalDataPage::confirmAndApply);
    reload();
}

void PersonalDataPage::reload()
{
    if (!m_session.isOpen() || !m_session.user().can(permission::PersonalDataExport))
        return;
    auto service = m_session.service<PersonalDataService>();
    if (auto r = service.retention()) {
        m_traineeYears->setValue(r->traineeYears);
        m_invoiceYears->setValue(r->invoiceYears);
        m_candidateMonths->setValue(r->candidateMonths);
    }
    m_accounts->clear();
    auto users = m_session.service<UserService>().list();
    for (const User& u : users.value_or(QList<User>{}))
        m_accounts->addItem(QStringLiteral("%1 — %2").arg(u.login, u.displayName), u.login);
    m_preview->clear();
    m_previewIds.clear();
    m_previewLabel->clear();
    m_apply->setEnabled(false);
}

void PersonalDataPage::search()
{
    m_results->clear();
    m_people.clear();
    const QString text = m_search->text().trimmed();
    if (text.size() < 2)
        return;
    auto found = m_session.service<PersonalDataService>().findPeople(
        m_kind->currentData().value<PersonalDataService::PersonKind>(), text);
    if (!found) {
        m_banner->showMessage(MessageBanner::Kind::Error, found.error().message);
        return;
    }
    m_people = *found;
    for (const PersonalDataService::Person& p : std::as_const(m_people))
        m_results->addItem(p.label);
    if (m_results->count() > 0)
        m_results->setCurrentRow(0);
}

QStringList PersonalDataPage::exportChosenTo(const QString& directory)
{
    const int row = m_results->currentRow();
    if (row < 0 || row >= m_people.size()) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("Search and choose a person first."));
        return {};
    }
    auto service = m_session.service<PersonalDataService>();
    auto data = service.exportPerson(m_kind->currentData().value<PersonalDataService::PersonKind>(),
                                     m_people.at(row).id);
    if (!data) {
        m_banner->showMessage(MessageBanner::Kind::Error, data.error().message);
        return {};
    }
    auto written = service.write(*data, directory);
    if (!written) {
        m_banner->showMessage(MessageBanner::Kind::Error, written.error().message);
        return {};
    }
    m_banner->showMessage(
        MessageBanner::Kind::Success,
        tr("Written: %1").arg(QDir::toNativeSeparators(written->join(QStringLiteral(", ")))));
    return *written;
}

void PersonalDataPage::exportSelectedPerson()
{
    if (m_results->currentRow() < 0) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("Search and choose a person first."));
        return;
    }
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Folder for the export"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (!dir.isEmpty())
        exportChosenTo(dir);
}

void PersonalDataPage::exportSelectedAccount()
{
    const QString login = m_accounts->currentData().toString();
    if (login.isEmpty())
        return;
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Folder for the export"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    if (dir.isEmpty())
        return;
    auto service = m_session.service<PersonalDataService>();
    auto data = service.exportAccount(login);
    auto written = data ? service.write(*data, dir) : Result<QStringList>(std::unexpected(data.error()));
    if (!written) {
        m_banner->showMessage(MessageBanner::Kind::Error, written.error().message);
        return;
    }
    m_banner->showMessage(
        MessageBanner::Kind::Success,
        tr("Written: %1").arg(QDir::toNativeSeparators(written->join(QStringLiteral(", ")))));
}

bool PersonalDataPage::saveRetention(const PersonalDataService::Retention& rule)
{
    auto r = m_session.service<PersonalDataService>().setRetention(rule);
    if (!r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    m_banner->showMessage(MessageBanner::Kind::Success, tr("The retention rule was saved."));
    return true;
}

int PersonalDataPage::previewRetention()
{
    m_preview->clear();
    m_previewIds.clear();
    auto hits = m_session.service<PersonalDataService>().retentionPreview(m_session.clock().today());
    if (!hits) {
        m_banner->showMessage(MessageBanner::Kind::Error, hits.error().message);
        return 0;
    }
    const QLocale locale;
    for (const auto& h : *hits) {
        const QString day = locale.toString(h.exitDate, QStringLiteral("dd/MM/yyyy"));
        new QListWidgetItem(
            h.refused ? tr("n°%1  %2 %3 — not admitted on %4").arg(h.id).arg(h.lastName, h.firstName, day)
                      : tr("n°%1  %2 %3 — left on %4").arg(h.id).arg(h.lastName, h.firstName, day),
            m_preview);
        m_previewIds << h.id;
    }
    m_previewLabel->setText(
        tr("%n record(s) would be anonymised: names, contact details, day and month of birth, "
           "guardians, notes, referral, internship tutors and assessments, employers and "
           "attendance comments go; sex, birth year, section, dates and results stay for the "
           "statistics.",
           nullptr, static_cast<int>(m_previewIds.size())));
    m_apply->setEnabled(!m_previewIds.isEmpty());
    return static_cast<int>(m_previewIds.size());
}

int PersonalDataPage::applyPreviewed()
{
    auto done =
        m_session.service<PersonalDataService>().applyRetention(m_session.clock().today(), m_previewIds);
    if (!done) {
        m_banner->showMessage(MessageBanner::Kind::Error, done.error().message);
        return 0;
    }
    m_banner->showMessage(MessageBanner::Kind::Success, tr("%n record(s) anonymised.", nullptr, *done));
    m_preview->clear();
    m_previewIds.clear();
    m_apply->setEnabled(false);
    return *done;
}

void PersonalDataPage::confirmAndApply()
{
    const auto answer = QMessageBox::warning(
        this, tr("Anonymise"),
        tr("Anonymise the %n record(s) listed? This cannot be undone; it is recorded in the log of changes.",
           nullptr, static_cast<int>(m_previewIds.size())),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer == QMessageBox::Yes)
        applyPreviewed();
}

} // namespace etabli
