#pragma once

#include "domain/orders.h"
#include "gui/common/editingdialog.h"

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace etabli {

class DateField;

namespace print {
struct Printable;
}

class CustomerChooser;
class LinesEditor;
class MessageBanner;
class Session;

// A quote (devis): customer and vehicle, the workshop, its subject, the
// lines from the catalogue or free text and its validity; printed or saved
// as PDF for the customer; marked sent; once the customer agrees, accepted
// in one action, which makes the work order of the workshop; or refused.
class QuoteDialog final : public EditingDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuoteDialog)

public:
    QuoteDialog(Session& session, qint64 quoteId, QWidget* parent = nullptr);

    bool save();
    bool setStatus(QuoteStatus status);
    // Makes the work order; returns its id (0 on failure).
    qint64 accept(const QDate& dueDate);
    void setConfirmation(std::function<bool(const QString&)> confirm) { m_confirm = std::move(confirm); }
    void setCustomer(qint64 contactId);
    void setSection(qint64 sectionId);
    void setSubject(const QString& subject);
    LinesEditor* lines() const { return m_lines; }
    QComboBox* vehicleChoice() const { return m_vehicle; }
    const Quote& quote() const { return m_quote; }
    QString bannerText() const;
    std::unique_ptr<print::Printable> printable();

private:
    void load(qint64 id);
    void display();
    void fillVehicles();

    Session& m_session;
    Quote m_quote;
    MessageBanner* m_banner;
    QLabel* m_title;
    CustomerChooser* m_customer;
    QComboBox* m_vehicle;
    QComboBox* m_section;
    QLineEdit* m_subject;
    DateField* m_validUntil;
    QLineEdit* m_execution;
    QLineEdit* m_notes;
    LinesEditor* m_lines;
    QLabel* m_status;
    QPushButton* m_save;
    QPushButton* m_sent;
    QPushButton* m_draft;
    QPushButton* m_accept;
    QPushButton* m_refuse;
    QPushButton* m_print;
    QPushButton* m_pdf;
    std::function<bool(const QString&)> m_confirm;
};

} // namespace etabli
