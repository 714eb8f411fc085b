#include "gui/sales/contactdialog.h"

#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "services/contactservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace etabli {

ContactDialog::ContactDialog(Session& session, qint64 contactId, QWidget* parent)
    : EditingDialog(parent), m_session(session), m_banner(new MessageBanner(this)),
      m_kind(FormDialog::choiceField(CustomerKind::Company, this)), m_name(new QLineEdit(this)),
      m_firstName(new QLineEdit(this)), m_siret(new QLineEdit(this)), m_legalForm(new QComboBox(this)),
      m_address1(new QLineEdit(this)), m_address2(new QLineEdit(this)), m_postcode(new QLineEdit(this)),
      m_city(new QLineEdit(this)), m_phone(new QLineEdit(this)), m_email(new QLineEdit(this)),
      m_notes(new QPlainTextEdit(this)), m_customer(new QCheckBox(tr("C&ustomer"), this)),
      m_host(new QCheckBox(tr("&Internship host"), this)), m_donor(new QCheckBox(tr("D&onor"), this)),
      m_funder(new QCheckBox(tr("&Funder"), this)), m_supplier(new QCheckBox(tr("Su&pplier"), this)),
      m_vehicles(new QListWidget(this))
{
    m_banner->hide();
    m_name->setObjectName(QStringLiteral("contactName"));
    m_siret->setPlaceholderText(tr("14 digits"));
    // The common forms; any other can be typed.
    m_legalForm->setEditable(true);
    m_legalForm->addItems({QString(), QStringLiteral("SAS"), QStringLiteral("SASU"), QStringLiteral("SARL"),
                           QStringLiteral("EURL"), QStringLiteral("SA"), QStringLiteral("SNC"),
                           QStringLiteral("SCOP"), QStringLiteral("Entreprise individuelle")});
    m_legalForm->setToolTip(tr("A company's tax receipt (Cerfa 16216) names its legal form."));
    m_postcode->setMaximumWidth(90);
    m_postcode->setObjectName(QStringLiteral("contactPostcode"));
    m_notes->setMaximumHeight(60);
    auto* form = new QFormLayout;
    form->addRow(tr("&Kind"), m_kind);
    form->addRow(tr("&Name"), m_name);
    form->addRow(tr("First na&me"), m_firstName);
    form->addRow(tr("&SIRET"), m_siret);
    form->addRow(tr("&Legal form"), m_legalForm);
    form->addRow(tr("&Address"), m_address1);
    form->addRow(QString(), m_address2);
    auto* town = new QHBoxLayout;
    town->addWidget(m_postcode);
    town->addWidget(m_city, 1);
    auto* townLabel = new QLabel(tr("&Postcode, town"), this);
    townLabel->setBuddy(m_postcode);
    form->addRow(townLabel, town);
    form->addRow(tr("&Telephone"), m_phone);
    form->addRow(tr("&E-mail"), m_email);
    form->addRow(tr("Remar&ks"), m_notes);
    auto* roles = new QGroupBox(tr("Roles"), this);
    auto* rolesLayout = new QHBoxLayout(roles);
    for (QCheckBox* c : {m_customer, m_host, m_donor, m_funder, m_supplier})
        rolesLayout->addWidget(c);
    auto* vehicles = new QGroupBox(tr("Vehicles"), this);
    auto* vehiclesLayout = new QVBoxLayout(vehicles);
    m_vehicles->setMaximumHeight(80);
    auto* addVehicleButton = new QPushButton(tr("Add a &vehicle…"), this);
    auto* editVehicleButton = new QPushButton(tr("Chan&ge the vehicle…"), this);
    editVehicleButton->setObjectName(QStringLiteral("editVehicle"));
    vehiclesLayout->addWidget(m_vehicles);
    auto* vehicleButtons = new QHBoxLayout;
    vehicleButtons->addStretch(1);
    vehicleButtons->addWidget(editVehicleButton);
    vehicleButtons->addWidget(addVehicleButton);
    vehiclesLayout->addLayout(vehicleButtons);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(tr("&Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(roles);
    layout->addWidget(vehicles);
    layout->addWidget(buttons);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ContactDialog::kindChanged);
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        const bool isNew = m_contact.id == 0;
        if (!save())
            return;
        if (!isNew || !m_keepOpenWhenCreated)
            return accept();
        // The new contact stays open: its vehicles can be added at once.
        setWindowTitle(m_contact.displayName());
        fill();
        m_vehicles->parentWidget()->setEnabled(true);
        m_banner->showMessage(MessageBanner::Kind::Success,
                              tr("%1 is added to the contacts.").arg(m_contact.displayName()));
        m_banner->show();
        markSaved();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(addVehicleButton, &QPushButton::clicked, this, [this]() { editVehicle(-1); });
    connect(editVehicleButton, &QPushButton::clicked, this,
            [this]() { editVehicle(m_vehicles->currentRow()); });
    connect(m_vehicles, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { editVehicle(m_vehicles->row(item)); });
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, windowTitle(), question) == QMessageBox::Yes;
    };

    if (contactId != 0) {
        auto c = m_session.service<ContactService>().get(contactId);
        if (c)
            m_contact = *c;
        else
            m_banner->showMessage(MessageBanner::Kind::Error, c.error().message);
    } else {
        m_contact.customer = true;
    }
    setWindowTitle(contactId == 0 ? tr("New contact") : m_contact.displayName());
    fill();
    vehicles->setEnabled(contactId != 0);
    resize(560, 640);
}

void ContactDialog::startWith(const Contact& draft)
{
    m_contact = draft;
    m_contact.id = 0;
    fill();
    m_name->setFocus();
    m_name->end(false);
}

QString ContactDialog::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void ContactDialog::fill()
{
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(static_cast<int>(m_contact.customerKind()))));
    m_name->setText(m_contact.name);
    m_firstName->setText(m_contact.firstName);
    m_siret->setText(m_contact.siret);
    m_legalForm->setCurrentText(m_contact.legalForm);
    m_address1->setText(m_contact.addressLine1);
    m_address2->setText(m_contact.addressLine2);
    m_postcode->setText(m_contact.postcode);
    m_city->setText(m_contact.city);
    m_phone->setText(m_contact.phone);
    m_email->setText(m_contact.email);
    m_notes->setPlainText(m_contact.notes);
    m_customer->setChecked(m_contact.customer);
    m_host->setChecked(m_contact.host);
    m_donor->setChecked(m_contact.donor);
    m_funder->setChecked(m_contact.funder);
    m_supplier->setChecked(m_contact.supplier);
    kindChanged();
    reloadVehicles();
}

void ContactDialog::kindChanged()
{
    const auto kind = FormDialog::choice<CustomerKind>(m_kind);
    m_firstName->setEnabled(kind == CustomerKind::Person);
    m_siret->setEnabled(kind != CustomerKind::Person);
    m_legalForm->setEnabled(kind == CustomerKind::Company);
}

bool ContactDialog::save()
{
    Contact c = m_contact;
    const auto kind = FormDialog::choice<CustomerKind>(m_kind);
    c.person = kind == CustomerKind::Person;
    c.kind = c.person ? CustomerKind::Other : kind;
    c.name = m_name->text();
    c.firstName = c.person ? m_firstName->text() : QString();
    c.siret = c.person ? QString() : m_siret->text();
    c.legalForm = kind == CustomerKind::Company ? m_legalForm->currentText() : QString();
    c.addressLine1 = m_address1->text();
    c.addressLine2 = m_address2->text();
    c.postcode = m_postcode->text();
    c.city = m_city->text();
    c.phone = m_phone->text();
    c.email = m_email->text();
    c.notes = m_notes->toPlainText();
    c.customer = m_customer->isChecked();
    c.host = m_host->isChecked();
    c.donor = m_donor->isChecked();
    c.funder = m_funder->isChecked();
    c.supplier = m_supplier->isChecked();
    auto service = m_session.service<ContactService>();
    Status result;
    const auto attempt = [&](bool confirmed) -> Status {
        if (c.id == 0) {
            auto id = service.add(c, confirmed);
            if (!id)
                return std::unexpected(id.error());
            c.id = *id;
            return {};
        }
        return service.update(c, confirmed);
    };
    result = attempt(false);
    if (!result && result.error().code == Error::Code::NeedsConfirmation && m_confirm &&
        m_confirm(result.error().message))
        result = attempt(true);
    if (!result) {
        if (result.error().code != Error::Code::NeedsConfirmation)
            m_banner->showMessage(MessageBanner::Kind::Error, result.error().message);
        return false;
    }
    if (auto stored = service.get(c.id))
        m_contact = *stored;
    return true;
}

void ContactDialog::reloadVehicles()
{
    m_vehicles->clear();
    if (m_contact.id == 0)
        return;
    m_vehicleList = m_session.service<ContactService>().vehicles(m_contact.id).value_or(QList<Vehicle>{});
    for (const Vehicle& v : m_vehicleList)
        m_vehicles->addItem(QStringLiteral("%1 — %2 %3 — %4").arg(v.plate, v.make, v.model, v.tyreSize));
}

void ContactDialog::editVehicle(int row)
{
    const bool isNew = row < 0 || row >= m_vehicleList.size();
    Vehicle v = isNew ? Vehicle{0, m_contact.id, {}, {}, {}, {}, 0} : m_vehicleList.at(row);
    FormDialog dialog(isNew ? tr("New vehicle") : tr("Vehicle %1").arg(v.plate), this);
    dialog.setObjectName(QStringLiteral("vehicleDialog"));
    auto* plate = new QLineEdit(v.plate, &dialog);
    plate->setPlaceholderText(QStringLiteral("AB-123-CD"));
    auto* make = new QLineEdit(v.make, &dialog);
    auto* model = new QLineEdit(v.model, &dialog);
    auto* size = new QLineEdit(v.tyreSize, &dialog);
    size->setPlaceholderText(QStringLiteral("205/55 R16 91V"));
    dialog.addRow(tr("&Plate"), plate);
    dialog.addRow(tr("&Make"), make);
    dialog.addRow(tr("M&odel"), model);
    dialog.addRow(tr("&Tyre size"), size);
    dialog.setAction([&]() -> Status {
        v.plate = plate->text();
        v.make = make->text();
        v.model = model->text();
        v.tyreSize = size->text();
        auto id = m_session.service<ContactService>().saveVehicle(v);
        return statusOf(id);
    });
    if (dialog.exec() == QDialog::Accepted)
        reloadVehicles();
}

} // namespace etabli
