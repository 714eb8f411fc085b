#include "gui/settings/settingspage.h"

#include "domain/user.h"
#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "services/accountingservice.h"
#include "services/careerservice.h"
#include "services/schoolservice.h"
#include "ui_settingspage.h"
#include "util/appsettings.h"

#include <QBuffer>
#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QImageReader>
#include <QInputDialog>
#include <QIntValidator>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QShortcut>

namespace etabli {

SettingsPage::SettingsPage(Session& session, AppSettings& settings, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::SettingsPage>()), m_session(session), m_settings(settings),
      m_banner(new MessageBanner(this))
{
    m_ui->setupUi(this);
    static_cast<QVBoxLayout*>(layout())->insertWidget(1, m_banner);
    QFont f = m_ui->title->font();
    f.setPointSizeF(f.pointSizeF() * 1.6);
    f.setBold(true);
    m_ui->title->setFont(f);

    for (VatRegime r : {VatRegime::Franchise, VatRegime::Assujetti, VatRegime::Association})
        m_ui->vatRegime->addItem(labelOf(r), static_cast<int>(r));
    connect(m_ui->vatRegime, &QComboBox::currentIndexChanged, this, &SettingsPage::showVatExplanation);
    m_ui->legalGrid->addWidget(new QLabel(tr("Amount (€)"), this), 0, 1);
    m_ui->legalGrid->addWidget(new QLabel(tr("Since"), this), 0, 2);
    m_ui->legalGrid->addWidget(new QLabel(tr("Source (text of law)"), this), 0, 3);
    for (LegalAmountKind k : allOf<LegalAmountKind>()) {
        const int row = static_cast<int>(m_legalRows.size()) + 1;
        LegalRow r{new QLineEdit(this), new QLineEdit(this), new QLineEdit(this)};
        r.year->setValidator(new QIntValidator(1990, 2200, r.year));
        r.year->setMaximumWidth(60);
        r.amount->setMaximumWidth(120);
        auto* label = new QLabel(labelOf(k), this);
        label->setBuddy(r.amount);
        m_ui->legalGrid->addWidget(label, row, 0);
        m_ui->legalGrid->addWidget(r.amount, row, 1);
        m_ui->legalGrid->addWidget(r.year, row, 2);
        m_ui->legalGrid->addWidget(r.source, row, 3);
        m_legalRows << r;
    }
    m_ui->legalGrid->setColumnStretch(3, 1);
    const QLocale locale;
    for (int m = 1; m <= 12; ++m) {
        const QString month = locale.standaloneMonthName(m);
        const QString label = month.left(1).toUpper() + month.mid(1);
        m_ui->fiscalYearStartMonth->addItem(label, m);
        m_ui->schoolYearStartMonth->addItem(label, m);
    }
    m_ui->language->addItem(tr("Automatic (French unless the system is in English)"), QStringLiteral("auto"));
    m_ui->language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_ui->language->addItem(QStringLiteral("English"), QStringLiteral("en"));

    for (QLineEdit* edit : findChildren<QLineEdit*>())
        connect(edit, &QLineEdit::textEdited, this, &SettingsPage::markDirty);
    for (QComboBox* combo : {m_ui->vatRegime, m_ui->fiscalYearStartMonth, m_ui->schoolYearStartMonth})
        connect(combo, &QComboBox::currentIndexChanged, this, &SettingsPage::markDirty);
    connect(m_ui->mayIssueTaxReceipts, &QCheckBox::toggled, this, &SettingsPage::markDirty);
    connect(m_ui->statutoryObject, &QPlainTextEdit::textChanged, this, &SettingsPage::markDirty);
    for (QLineEdit* e : {m_ui->receiptSignatoryName, m_ui->receiptSignatoryCapacity, m_ui->consumerMediator})
        connect(e, &QLineEdit::textEdited, this, &SettingsPage::markDirty);
    connect(m_ui->vatOnDebits, &QCheckBox::toggled, this, &SettingsPage::markDirty);

    connect(m_ui->save, &QPushButton::clicked, this, &SettingsPage::save);
    connect(m_ui->revert, &QPushButton::clicked, this, &SettingsPage::reload);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &SettingsPage::save);
    connect(m_ui->chooseLogo, &QPushButton::clicked, this, &SettingsPage::chooseLogo);
    connect(m_ui->removeLogo, &QPushButton::clicked, this, [this]() {
        m_logo.clear();
        m_logoMime.clear();
        showLogo();
        markDirty();
    });

    connect(m_ui->sectionsList, &QListWidget::currentRowChanged, this, &SettingsPage::updateSectionButtons);
    connect(m_ui->sectionsList, &QListWidget::itemDoubleClicked, this, &SettingsPage::renameSection);
    connect(m_ui->addSection, &QPushButton::clicked, this, &SettingsPage::addSection);
    connect(m_ui->renameSection, &QPushButton::clicked, this, &SettingsPage::renameSection);
    connect(m_ui->toggleSection, &QPushButton::clicked, this, &SettingsPage::toggleSection);
    connect(m_ui->deleteSection, &QPushButton::clicked, this, &SettingsPage::deleteSection);
    connect(m_ui->preparedCertifications, &QPushButton::clicked, this,
            &SettingsPage::editPreparedCertifications);
    connect(m_ui->chartOfAccounts, &QPushButton::clicked, this, &SettingsPage::editChartOfAccounts);

    // This computer's preferences apply at once (no database involved).
    connect(m_ui->language, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_filling)
            return;
        m_settings.setValue(AppSettings::Key::Language, m_ui->language->itemData(index));
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("The language will change the next time Établi starts."));
    });
    connect(m_ui->autoBackup, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_filling)
            m_settings.setValue(AppSettings::Key::AutoBackupEnabled, on);
    });

    connect(&m_session, &Session::databaseChanged, this, &SettingsPage::reload);
    connect(m_ui->idleLock, &QSpinBox::valueChanged, this, [this](int minutes) {
        if (!m_filling)
            m_settings.setValue(AppSettings::Key::IdleLockMinutes, minutes);
    });
    reload();
}

SettingsPage::~SettingsPage() = default;

void SettingsPage::reload()
{
    if (!m_session.isOpen())
        return;
    auto identity = m_session.service<SchoolService>().identity();
    if (!identity) {
        m_banner->showMessage(MessageBanner::Kind::Error, identity.error().message);
        return;
    }
    m_loaded = *identity;
    fillForm(m_loaded);
    reloadSections();
    // Reading is open to all; changing needs the permission (the service
    // checks it too: this only avoids offering what would be refused).
    const bool canEdit = m_session.user().can(permission::SettingsEdit);
    for (QWidget* group :
         {static_cast<QWidget*>(m_ui->identityGroup), static_cast<QWidget*>(m_ui->vatGroup),
          static_cast<QWidget*>(m_ui->legalGroup), static_cast<QWidget*>(m_ui->calendarGroup),
          static_cast<QWidget*>(m_ui->sectionsGroup)})
        group->setEnabled(canEdit);
    if (!canEdit)
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Read only: your role does not allow you to change the school's settings."));
    else if (m_banner->kind() == MessageBanner::Kind::Warning)
        m_banner->hide();
    m_dirty = false;
    m_ui->save->setEnabled(false);
    m_ui->revert->setEnabled(false);
}

void SettingsPage::fillForm(const SchoolIdentity& s)
{
    m_filling = true;
    m_ui->name->setText(s.name);
    m_ui->organisationName->setText(s.organisationName);
    m_ui->addressLine1->setText(s.addressLine1);
    m_ui->addressLine2->setText(s.addressLine2);
    m_ui->postcode->setText(s.postcode);
    m_ui->city->setText(s.city);
    m_ui->phone->setText(s.phone);
    m_ui->email->setText(s.email);
    m_ui->website->setText(s.website);
    m_ui->siret->setText(s.siret);
    m_ui->rna->setText(s.rna);
    m_ui->iban->setText(s.ibanGrouped());
    m_ui->bic->setText(s.bic);
    m_ui->vatRegime->setCurrentIndex(m_ui->vatRegime->findData(static_cast<int>(s.vatRegime)));
    m_ui->vatNumber->setText(s.vatNumber);
    m_ui->vatMention->setText(vatMentionFor(s.vatRegime));
    m_ui->vatOnDebits->setChecked(s.vatOnDebits);
    showVatExplanation();
    fillLegalAmounts();
    m_ui->mayIssueTaxReceipts->setChecked(s.mayIssueTaxReceipts);
    m_ui->statutoryObject->setPlainText(s.statutoryObject);
    m_ui->receiptSignatoryName->setText(s.receiptSignatoryName);
    m_ui->receiptSignatoryCapacity->setText(s.receiptSignatoryCapacity);
    m_ui->consumerMediator->setText(s.consumerMediator);
    m_ui->fiscalYearStartMonth->setCurrentIndex(s.fiscalYearStartMonth - 1);
    m_ui->schoolYearStartMonth->setCurrentIndex(s.schoolYearStartMonth - 1);
    m_logo = s.logo;
    m_logoMime = s.logoMime;
    showLogo();
    m_ui->language->setCurrentIndex(std::max(0, m_ui->language->findData(m_settings.language())));
    m_ui->autoBackup->setChecked(m_settings.autoBackupEnabled());
    m_ui->idleLock->setValue(m_settings.value(AppSettings::Key::IdleLockMinutes).toInt());
    m_filling = false;
}

SchoolIdentity SettingsPage::readForm() const
{
    SchoolIdentity s = m_loaded;
    s.name = m_ui->name->text();
    s.organisationName = m_ui->organisationName->text();
    s.addressLine1 = m_ui->addressLine1->text();
    s.addressLine2 = m_ui->addressLine2->text();
    s.postcode = m_ui->postcode->text();
    s.city = m_ui->city->text();
    s.phone = m_ui->phone->text();
    s.email = m_ui->email->text();
    s.website = m_ui->website->text();
    s.siret = m_ui->siret->text();
    s.rna = m_ui->rna->text();
    s.iban = m_ui->iban->text();
    s.bic = m_ui->bic->text();
    s.vatRegime = static_cast<VatRegime>(m_ui->vatRegime->currentData().toInt());
    s.vatNumber = m_ui->vatNumber->text();
    s.vatMention = vatMentionFor(s.vatRegime);
    s.vatOnDebits = m_ui->vatOnDebits->isChecked() && chargesVat(s.vatRegime);
    s.mayIssueTaxReceipts = m_ui->mayIssueTaxReceipts->isChecked();
    s.statutoryObject = m_ui->statutoryObject->toPlainText().trimmed();
    s.receiptSignatoryName = m_ui->receiptSignatoryName->text().trimmed();
    s.receiptSignatoryCapacity = m_ui->receiptSignatoryCapacity->text().trimmed();
    s.consumerMediator = m_ui->consumerMediator->text().trimmed();
    s.fiscalYearStartMonth = m_ui->fiscalYearStartMonth->currentData().toInt();
    s.schoolYearStartMonth = m_ui->schoolYearStartMonth->currentData().toInt();
    s.logo = m_logo;
    s.logoMime = m_logoMime;
    return s;
}

void SettingsPage::showVatExplanation()
{
    const auto regime = static_cast<VatRegime>(m_ui->vatRegime->currentData().toInt());
    m_ui->vatExplanation->setText(SchoolService::vatRegimeExplanation(regime));
    m_ui->vatMention->setPlaceholderText(chargesVat(regime) ? tr("none: VAT is charged on each line")
                                                            : QString());
    m_ui->vatMention->setText(vatMentionFor(regime));
    m_ui->vatOnDebits->setEnabled(chargesVat(regime));
}

void SettingsPage::fillLegalAmounts()
{
    auto amounts = m_session.service<SchoolService>().legalAmounts();
    if (!amounts) {
        m_banner->showMessage(MessageBanner::Kind::Error, amounts.error().message);
        return;
    }
    m_legalAmounts = *amounts;
    for (int i = 0; i < m_legalRows.size() && i < m_legalAmounts.size(); ++i) {
        m_legalRows.at(i).amount->setText(m_legalAmounts.at(i).amount.formatPlain());
        m_legalRows.at(i).year->setText(QString::number(m_legalAmounts.at(i).year));
        m_legalRows.at(i).source->setText(m_legalAmounts.at(i).source);
        m_legalRows.at(i).source->setCursorPosition(0);
    }
}

bool SettingsPage::saveLegalAmounts()
{
    auto service = m_session.service<SchoolService>();
    for (int i = 0; i < m_legalRows.size() && i < m_legalAmounts.size(); ++i) {
        LegalAmount a = m_legalAmounts.at(i);
        auto amount = Money::parse(m_legalRows.at(i).amount->text());
        if (!amount) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  QStringLiteral("%1 : %2").arg(labelOf(a.kind), amount.error().message));
            m_legalRows.at(i).amount->setFocus();
            return false;
        }
        const QString source = m_legalRows.at(i).source->text().trimmed();
        const int year = m_legalRows.at(i).year->text().toInt();
        if (*amount == a.amount && year == a.year && source == a.source)
            continue;
        a.amount = *amount;
        a.year = year;
        a.source = source;
        if (auto r = service.saveLegalAmount(a); !r) {
            m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
            return false;
        }
    }
    fillLegalAmounts();
    return true;
}

void SettingsPage::markDirty()
{
    if (m_filling)
        return;
    m_dirty = true;
    m_ui->save->setEnabled(true);
    m_ui->revert->setEnabled(true);
}

bool SettingsPage::save()
{
    if (!m_session.isOpen())
        return false;
    auto saved = m_session.service<SchoolService>().saveIdentity(readForm());
    if (!saved) {
        m_banner->showMessage(MessageBanner::Kind::Error, saved.error().message);
        return false;
    }
    if (!saveLegalAmounts())
        return false;
    m_loaded = *saved;
    fillForm(m_loaded);
    m_dirty = false;
    m_ui->save->setEnabled(false);
    m_ui->revert->setEnabled(false);
    m_banner->showMessage(MessageBanner::Kind::Success, tr("The settings were saved."));
    return true;
}

void SettingsPage::showLogo()
{
    QImage image;
    if (!m_logo.isEmpty())
        image.loadFromData(m_logo);
    if (image.isNull()) {
        m_ui->logoPreview->setPixmap(QPixmap());
        m_ui->logoPreview->setText(tr("No logo"));
    } else {
        m_ui->logoPreview->setPixmap(
            QPixmap::fromImage(image.scaled(96, 64, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    }
    m_ui->removeLogo->setEnabled(!m_logo.isEmpty());
}

void SettingsPage::chooseLogo()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the school's logo"), QString(),
                                                      tr("Images (*.png *.jpg *.jpeg)"));
    if (path.isEmpty())
        return;
    QImageReader reader(path);
    const QImage image = reader.read();
    if (image.isNull()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("This file cannot be read as an image: %1").arg(reader.errorString()));
        return;
    }
    // Stored as PNG, at most 600 px wide: enough for A4 headers, small in the database.
    const QImage scaled = image.width() > 600 ? image.scaledToWidth(600, Qt::SmoothTransformation) : image;
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    scaled.save(&buffer, "PNG");
    m_logo = bytes;
    m_logoMime = QStringLiteral("image/png");
    showLogo();
    markDirty();
}

void SettingsPage::reloadSections()
{
    auto sections = m_session.service<SchoolService>().sections();
    if (!sections) {
        m_banner->showMessage(MessageBanner::Kind::Error, sections.error().message);
        return;
    }
    auto school = m_session.service<SchoolService>();
    const QList<Certification> catalogue =
        m_session.service<CareerService>().certifications().value_or(QList<Certification>{});
    // What every section prepares, read once for the list.
    const auto allPrepared = school.preparedCertifications().value_or(QHash<qint64, QList<qint64>>{});
    const int row = m_ui->sectionsList->currentRow();
    m_sectionList = *sections;
    m_ui->sectionsList->clear();
    for (const Section& s : std::as_const(m_sectionList)) {
        QString text = s.name;
        if (!s.trade.isEmpty())
            text += QStringLiteral(" — ") + s.trade;
        const QList<qint64> prepared = allPrepared.value(s.id);
        QStringList codes;
        for (const Certification& c : catalogue) {
            if (prepared.contains(c.id))
                codes << c.code;
        }
        if (!codes.isEmpty())
            text += QStringLiteral(" (") + codes.join(QStringLiteral(", ")) + QLatin1Char(')');
        if (!s.active)
            text += QLatin1Char(' ') + tr("(inactive)");
        auto* item = new QListWidgetItem(text, m_ui->sectionsList);
        if (!s.active)
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
    }
    m_ui->sectionsList->setCurrentRow(std::min(row, static_cast<int>(m_sectionList.size()) - 1));
    updateSectionButtons();
}

const Section* SettingsPage::currentSection() const
{
    const int row = m_ui->sectionsList->currentRow();
    return row >= 0 && row < m_sectionList.size() ? &m_sectionList.at(row) : nullptr;
}

void SettingsPage::updateSectionButtons()
{
    const Section* s = currentSection();
    m_ui->renameSection->setEnabled(s);
    m_ui->toggleSection->setEnabled(s);
    m_ui->deleteSection->setEnabled(s);
    m_ui->preparedCertifications->setEnabled(s);
    m_ui->toggleSection->setText(s && !s->active ? tr("Reac&tivate") : tr("Deac&tivate"));
}

void SettingsPage::editPreparedCertifications()
{
    const Section* current = currentSection();
    if (!current)
        return;
    const Section section = *current;
    auto school = m_session.service<SchoolService>();
    auto catalogue = m_session.service<CareerService>().certifications();
    auto prepared = school.preparedCertifications(section.id);
    if (!catalogue || !prepared) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              catalogue ? prepared.error().message : catalogue.error().message);
        return;
    }
    FormDialog dialog(tr("Certifications prepared — %1").arg(section.name), this);
    dialog.setObjectName(QStringLiteral("preparedCertificationsDialog"));
    auto* intro =
        new QLabel(tr("What the trainees of this section prepare. A spreadsheet's column named by a "
                      "kind of certification (“CAP”) is read as the one ticked here."),
                   &dialog);
    intro->setWordWrap(true);
    dialog.form()->addRow(intro);
    QList<QCheckBox*> boxes;
    for (const Certification& c : std::as_const(*catalogue)) {
        auto* box = new QCheckBox(QStringLiteral("%1 — %2").arg(c.code, c.title), &dialog);
        box->setChecked(prepared->contains(c.id));
        dialog.form()->addRow(box);
        boxes << box;
    }
    dialog.setAction([&]() -> Status {
        QList<qint64> ids;
        for (int i = 0; i < boxes.size(); ++i) {
            if (boxes.at(i)->isChecked())
                ids << catalogue->at(i).id;
        }
        return school.setPreparedCertifications(section.id, ids);
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    reloadSections();
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("The certifications prepared in “%1” are saved.").arg(section.name));
}

void SettingsPage::editChartOfAccounts()
{
    auto accounting = m_session.service<AccountingService>();
    auto accounts = accounting.accounts();
    auto categories = accounting.categoryAccounts();
    if (!accounts || !categories) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              accounts ? categories.error().message : accounts.error().message);
        return;
    }
    FormDialog dialog(tr("Chart of accounts"), this);
    dialog.setObjectName(QStringLiteral("chartOfAccountsDialog"));
    dialog.setMinimumWidth(820); // the accounts' names whole
    auto* intro = new QLabel(tr("The account each movement is booked on in the file for the accountant "
                                "(FEC): the number and name the accountant's software uses. A budget "
                                "category's entries go to its own account."),
                             &dialog);
    intro->setWordWrap(true);
    dialog.form()->addRow(intro);
    QList<QPair<QLineEdit*, QLineEdit*>> accountFields;
    for (const LedgerAccountSetting& a : std::as_const(*accounts)) {
        auto* row = new QWidget(&dialog);
        auto* layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto* number = new QLineEdit(a.number, row);
        number->setMaximumWidth(110);
        number->setAccessibleName(tr("%1: number").arg(labelOf(a.role)));
        auto* name = new QLineEdit(a.label, row);
        name->setAccessibleName(tr("%1: name").arg(labelOf(a.role)));
        layout->addWidget(number);
        layout->addWidget(name, 1);
        dialog.addRow(labelOf(a.role), row);
        accountFields << qMakePair(number, name);
    }
    QList<QLineEdit*> categoryFields;
    for (const CategoryAccount& c : std::as_const(*categories)) {
        auto* number = new QLineEdit(c.account, &dialog);
        number->setMaximumWidth(110);
        number->setPlaceholderText(c.expense ? tr("as other expenses") : tr("as other income"));
        dialog.addRow(c.name, number);
        categoryFields << number;
    }
    dialog.setAction([&]() -> Status {
        // Everything checked before anything is saved.
        for (int i = 0; i < accountFields.size(); ++i)
            ETABLI_TRY(AccountingService::validateNumber(labelOf(accounts->at(i).role),
                                                         accountFields.at(i).first->text()));
        for (int i = 0; i < categoryFields.size(); ++i)
            if (!categoryFields.at(i)->text().trimmed().isEmpty())
                ETABLI_TRY(
                    AccountingService::validateNumber(categories->at(i).name, categoryFields.at(i)->text()));
        for (int i = 0; i < accountFields.size(); ++i) {
            LedgerAccountSetting a = accounts->at(i);
            if (a.number == accountFields.at(i).first->text().trimmed() &&
                a.label == accountFields.at(i).second->text().simplified())
                continue;
            a.number = accountFields.at(i).first->text();
            a.label = accountFields.at(i).second->text();
            ETABLI_TRY(accounting.saveAccount(a));
        }
        for (int i = 0; i < categoryFields.size(); ++i) {
            CategoryAccount c = categories->at(i);
            c.account = categoryFields.at(i)->text();
            ETABLI_TRY(accounting.saveCategoryAccount(c));
        }
        return {};
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_banner->showMessage(MessageBanner::Kind::Success, tr("The chart of accounts is saved."));
}

void SettingsPage::showSections()
{
    m_ui->scroll->ensureWidgetVisible(m_ui->sectionsList, 0, 120);
    m_ui->addSection->setFocus();
}

void SettingsPage::addSection()
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("New section"), tr("Name of the section or workshop:"), QLineEdit::Normal, QString(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    auto id = m_session.service<SchoolService>().addSection(name);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return;
    }
    reloadSections();
    m_ui->sectionsList->setCurrentRow(static_cast<int>(m_sectionList.size()) - 1);
}

void SettingsPage::renameSection()
{
    const Section* current = currentSection();
    if (!current)
        return;
    Section s = *current;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Rename the section"), tr("Name of the section or workshop:"),
                              QLineEdit::Normal, s.name, &ok);
    if (!ok || name.trimmed() == s.name)
        return;
    s.name = name;
    if (auto r = m_session.service<SchoolService>().updateSection(s); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return;
    }
    reloadSections();
}

void SettingsPage::toggleSection()
{
    const Section* current = currentSection();
    if (!current)
        return;
    Section s = *current;
    s.active = !s.active;
    if (auto r = m_session.service<SchoolService>().updateSection(s); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return;
    }
    reloadSections();
}

void SettingsPage::deleteSection()
{
    const Section* current = currentSection();
    if (!current)
        return;
    const auto answer = QMessageBox::question(this, tr("Delete the section"),
                                              tr("Delete the section “%1”? This cannot be undone. A section "
                                                 "that trainees attended cannot be deleted: "
                                                 "deactivate it instead.")
                                                  .arg(current->name),
                                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (auto r = m_session.service<SchoolService>().deleteSection(current->id); !r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return;
    }
    reloadSections();
}

} // namespace etabli
