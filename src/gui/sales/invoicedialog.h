#pragma once

#include "domain/sales.h"
#include "gui/common/editingdialog.h"
#include "gui/common/rowstablemodel.h"

#include <functional>
#include <memory>
#include <QHash>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace etabli {

class DateField;

namespace print {
struct Printable;
}

class CustomerChooser;
class LinesEditor;
class LinesModel;
class MessageBanner;
class Session;

// One invoice or credit note. A draft is edited freely (customer chosen as
// one types, lines from the catalogue or free text, totals as they change);
// "Émettre" gives it its number after a confirmation, and from then on it is
// read-only: payments are recorded on it, a credit note corrects it, its PDF
// is written or printed.
class InvoiceDialog final : public EditingDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvoiceDialog)

public:
    InvoiceDialog(Session& session, qint64 invoiceId, QWidget* parent = nullptr);

    bool saveDraft();
    bool issue();
    bool deleteDraft();
    bool makeCreditNote();
    bool recordPayment(const Payment& payment);
    bool reversePayment(qint64 paymentId, const QString& reason);
    // The PDF: Factur-X for an issued document (FacturX::hasElectronicForm), plain for a draft.
    Status writePdf(const QString& path) const;
    // The electronic invoice's XML alone.
    Status writeXml(const QString& path) const;
    std::unique_ptr<print::Printable> printable() const;

    void setConfirmation(std::function<bool(const QString&)> confirm) { m_confirm = std::move(confirm); }
    // The mentions of the sale (the customer's reference, the service's
    // date or period, the nature of the operations, Chorus Pro numbers).
    void setBuyerReference(const QString& text);
    void setServicePeriod(const QDate& from, const QDate& to = {});
    void setOperations(Operations operations);
    void setChorus(const QString& engagement, const QString& serviceCode);
    void setCustomer(qint64 contactId);
    // A catalogue item by its code (first match in any workshop), or a free line.
    void addLine(const QString& codeOrText);

    qint64 invoiceId() const { return m_invoice.id; }
    const Invoice& invoice() const { return m_invoice; }
    QTableView* linesTable() const;
    LinesModel* linesModel() const;
    QTableView* paymentsTable() const { return m_payments; }
    QString totalText() const;
    QString bannerText() const;

private:
    void load(qint64 id);
    void showInvoice();
    void askPayment();
    void askReversal();

    Session& m_session;
    Invoice m_invoice;
    SchoolIdentity m_school;
    MessageBanner* m_banner;
    QLabel* m_title;
    CustomerChooser* m_customer;
    QLineEdit* m_reference;
    QLineEdit* m_buyerReference;
    DateField* m_due;
    DateField* m_serviceFrom;
    DateField* m_serviceTo;
    QComboBox* m_operations;
    QLineEdit* m_delivery;
    QLineEdit* m_engagement;
    QLineEdit* m_serviceCode;
    LinesEditor* m_editor;
    QGroupBox* m_paymentsBox;
    ColumnsModel<Payment>* m_paymentRows;
    QTableView* m_payments;
    QLabel* m_balance;
    QPushButton* m_save;
    QPushButton* m_issue;
    QPushButton* m_delete;
    QPushButton* m_credit;
    QPushButton* m_pdf;
    QPushButton* m_xml;
    QPushButton* m_print;
    QList<QWidget*> m_draftOnly;
    std::function<bool(const QString&)> m_confirm;
};

} // namespace etabli
