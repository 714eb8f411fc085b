#pragma once

#include "domain/orders.h"
#include "gui/common/editingdialog.h"
#include "gui/common/rowstablemodel.h"

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace etabli {

class DateField;

class CustomerChooser;
class LinesEditor;
class MessageBanner;
class Session;

// A work order (bon de travaux): customer, workshop, due date, what is to be
// done and its lines; its status moves to do → in progress → done →
// delivered (or cancelled); a done order is invoiced in one action; the
// costing shows the trainees who worked on it, their hours and the
// materials from the production log, beside what was invoiced.
class OrderDialog final : public EditingDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrderDialog)

public:
    OrderDialog(Session& session, qint64 orderId, QWidget* parent = nullptr);

    bool save();
    bool setStatus(WorkOrderStatus status);
    bool invoice();
    qint64 orderId() const { return m_order.id; }
    void setConfirmation(std::function<bool(const QString&)> confirm) { m_confirm = std::move(confirm); }
    void setCustomer(qint64 contactId);
    void setSection(qint64 sectionId);
    LinesEditor* lines() const { return m_lines; }
    const WorkOrder& order() const { return m_order; }
    QTableView* costingTable() const { return m_costing; }
    QString costingText() const;
    QString bannerText() const;

private:
    void load(qint64 id);
    void display();

    Session& m_session;
    WorkOrder m_order;
    MessageBanner* m_banner;
    QLabel* m_title;
    CustomerChooser* m_customer;
    QComboBox* m_section;
    DateField* m_due;
    QLineEdit* m_description;
    LinesEditor* m_lines;
    QLabel* m_status;
    QPushButton* m_save;
    QPushButton* m_start;
    QPushButton* m_done;
    QPushButton* m_delivered;
    QPushButton* m_cancel;
    QPushButton* m_invoice;
    ColumnsModel<OrderCosting::TraineeTime>* m_costingRows;
    QTableView* m_costing;
    QLabel* m_costingSummary;
    std::function<bool(const QString&)> m_confirm;
};

} // namespace etabli
