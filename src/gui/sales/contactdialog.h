#pragma once

#include "domain/sales.h"
#include "gui/common/editingdialog.h"

#include <functional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace etabli {

class MessageBanner;
class Session;

// A contact of the directory: a private person or an organisation, its
// address and roles, and (for customers) their vehicles.
class ContactDialog final : public EditingDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactDialog)

public:
    ContactDialog(Session& session, qint64 contactId, QWidget* parent = nullptr);
    qint64 contactId() const { return m_contact.id; }
    bool save();
    void setConfirmation(std::function<bool(const QString&)> confirm) { m_confirm = std::move(confirm); }
    QLineEdit* nameField() const { return m_name; }
    QString bannerText() const;
    // A new contact's dialog stays open once saved (its vehicles can then
    // be added) unless told to close, as when it is created from a picker.
    void setKeepOpenWhenCreated(bool keep) { m_keepOpenWhenCreated = keep; }
    const Contact& contact() const { return m_contact; }
    // A new contact's form, filled beforehand (the name typed in a picker, its role).
    void startWith(const Contact& draft);

private:
    void fill();
    void kindChanged();
    void reloadVehicles();
    // row -1: a new vehicle.
    void editVehicle(int row);

    Session& m_session;
    Contact m_contact;
    MessageBanner* m_banner;
    QComboBox* m_kind;
    QLineEdit* m_name;
    QLineEdit* m_firstName;
    QLineEdit* m_siret;
    QComboBox* m_legalForm;
    QLineEdit* m_address1;
    QLineEdit* m_address2;
    QLineEdit* m_postcode;
    QLineEdit* m_city;
    QLineEdit* m_phone;
    QLineEdit* m_email;
    QPlainTextEdit* m_notes;
    QCheckBox* m_customer;
    QCheckBox* m_host;
    QCheckBox* m_donor;
    QCheckBox* m_funder;
    QCheckBox* m_supplier;
    QListWidget* m_vehicles;
    QList<Vehicle> m_vehicleList;
    bool m_keepOpenWhenCreated = true;
    std::function<bool(const QString&)> m_confirm;
};

} // namespace etabli
