#pragma once

#include "domain/tyrehotel.h"
#include "gui/common/editingdialog.h"

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace etabli {

class DateField;

namespace print {
struct Printable;
}

class MessageBanner;
class Session;

// A set of tyres at the tyre hotel: the vehicle by its plate (its owner and
// tyre size follow), season, brand, number of tyres and each one's tread,
// rims, the place (rack, row, level), the day in, the storage fee; the label
// to stick on it; the fee invoiced as a draft; given back at the change of
// season.
class TyreSetDialog final : public EditingDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TyreSetDialog)

public:
    TyreSetDialog(Session& session, qint64 setId, QWidget* parent = nullptr);

    bool save();
    bool giveBack(const QDate& day);
    bool invoiceFee();
    void setConfirmation(std::function<bool(const QString&)> confirm) { m_confirm = std::move(confirm); }
    // Fills the form (for tests and the keyboard alike).
    void setPlate(const QString& plate);
    void setTreads(const QStringList& millimetres);
    void setPlace(const QString& rack, int row, int level);
    QSpinBox* countField() const { return m_count; }
    QComboBox* seasonChoice() const { return m_season; }
    const TyreSet& set() const { return m_set; }
    QString bannerText() const;
    QString ownerText() const;
    std::unique_ptr<print::Printable> label();
    std::unique_ptr<print::Printable> depositReceipt();

private:
    void load(qint64 id);
    void display();
    void findVehicle();
    void showTreads();

    Session& m_session;
    TyreSet m_set;
    MessageBanner* m_banner;
    QLabel* m_title;
    QLineEdit* m_plate;
    QLabel* m_owner;
    QComboBox* m_season;
    QLineEdit* m_size;
    QLineEdit* m_brand;
    QSpinBox* m_count;
    QList<QLineEdit*> m_treads;
    QCheckBox* m_rims;
    QLineEdit* m_rack;
    QSpinBox* m_row;
    QSpinBox* m_level;
    DateField* m_dateIn;
    QComboBox* m_fee;
    QLineEdit* m_notes;
    QLabel* m_status;
    QPushButton* m_save;
    QPushButton* m_print;
    QPushButton* m_pdf;
    QPushButton* m_deposit;
    QPushButton* m_invoice;
    QPushButton* m_giveBack;
    qint64 m_vehicleId = 0;
    std::function<bool(const QString&)> m_confirm;
};

} // namespace etabli
