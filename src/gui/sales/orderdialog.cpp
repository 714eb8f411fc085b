#include "gui/sales/orderdialog.h"

#include "domain/production.h"
#include "gui/common/datefield.h"
#include "gui/common/messagebanner.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "gui/sales/customerchooser.h"
#include "gui/sales/invoicedialog.h"
#include "gui/sales/lineseditor.h"
#include "services/orderservice.h"
#include "services/schoolservice.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace etabli {

OrderDialog::OrderDialog(Session& session, qint64 orderId, QWidget* parent)
    : EditingDialog(parent), m_session(session), m_banner(new MessageBanner(this)), m_title(new QLabel(this)),
      m_customer(new CustomerChooser(session, this)), m_section(new QComboBox(this)),
      m_due(new DateField(this)), m_description(new QLineEdit(this)), m_lines(new LinesEditor(session, this)),
      m_status(new QLabel(this)), m_save(new QPushButton(tr("&Save"), this)),
      m_start(new QPushButton(tr("In &progress"), this)), m_done(new QPushButton(tr("&Done"), this)),
      m_delivered(new QPushButton(tr("De&livered"), this)),
      m_cancel(new QPushButton(tr("Cance&l the order…"), this)),
      m_invoice(new QPushButton(tr("&Invoice…"), this)),
      m_costingRows(new ColumnsModel<OrderCosting::TraineeTime>(
          {{tr("Trainee"), [](const OrderCosting::TraineeTime& t) { return t.name; }},
           {tr("Hours"),
            [](const OrderCosting::TraineeTime& t) { return Quantities::formatDuration(t.minutes); }, true}},
          this)),
      m_costing(new QTableView(this)), m_costingSummary(new QLabel(this))
{
    m_banner->hide();
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_description->setPlaceholderText(
        tr("what is to be done, e.g. 4 winter tyres, railing for the town hall"));
    auto* form = new QFormLayout;
    auto* customerLabel = new QLabel(tr("C&ustomer"), this);
    customerLabel->setBuddy(m_customer->field());
    form->addRow(customerLabel, m_customer);
    form->addRow(tr("&Workshop"), m_section);
    form->addRow(tr("Due &date"), m_due);
    form->addRow(tr("&What"), m_description);
    form->addRow(tr("Status"), m_status);

    m_costing->setObjectName(QStringLiteral("orderCosting"));
    m_costing->setModel(m_costingRows);
    m_costing->verticalHeader()->hide();
    m_costing->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_costing->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_costing->setMaximumHeight(120);
    m_costingSummary->setWordWrap(true);
    auto* costing = new QGroupBox(tr("Who worked on it, and what it cost"), this);
    auto* costingLayout = new QHBoxLayout(costing);
    costingLayout->addWidget(m_costing, 1);
    costingLayout->addWidget(m_costingSummary, 1);

    auto* close = new QPushButton(tr("Close"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    for (QPushButton* b : {m_start, m_done, m_delivered, m_invoice, m_save, close}) {
        buttons->addWidget(b);
        b->setAutoDefault(false);
    }
    m_cancel->setAutoDefault(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(m_lines, 1);
    layout->addWidget(costing);
    layout->addLayout(buttons);

    connect(m_save, &QPushButton::clicked, this, &OrderDialog::save);
    setSaveButton(m_save);
    watch(m_lines->table());
    connect(m_start, &QPushButton::clicked, this, [this]() { setStatus(WorkOrderStatus::InProgress); });
    connect(m_done, &QPushButton::clicked, this, [this]() { setStatus(WorkOrderStatus::Done); });
    connect(m_delivered, &QPushButton::clicked, this, [this]() { setStatus(WorkOrderStatus::Delivered); });
    connect(m_cancel, &QPushButton::clicked, this, [this]() {
        if (m_confirm &&
            m_confirm(tr("Cancel the work order %1? It stays in the list as cancelled.").arg(m_order.number)))
            setStatus(WorkOrderStatus::Cancelled);
    });
    connect(m_invoice, &QPushButton::clicked, this, &OrderDialog::invoice);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, windowTitle(), question) == QMessageBox::Yes;
    };
    SectionChoice choice;
    choice.activeOnly = true;
    choice.fill(m_section, m_session);
    load(orderId);
    resize(880, 700);
}

QString OrderDialog::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

QString OrderDialog::costingText() const
{
    return m_costingSummary->text();
}

void OrderDialog::setCustomer(qint64 contactId)
{
    m_customer->setContact(contactId);
}

void OrderDialog::setSection(qint64 sectionId)
{
    m_section->setCurrentIndex(std::max(0, m_section->findData(sectionId)));
}

void OrderDialog::load(qint64 id)
{
    if (id == 0) {
        m_order = WorkOrder{};
        m_order.dueDate = m_session.clock().today().addDays(7);
    } else {
        auto o = m_session.service<OrderService>().order(id);
        if (!o) {
            m_banner->showMessage(MessageBanner::Kind::Error, o.error().message);
            return;
        }
        m_order = *o;
    }
    display();
    markSaved(); // what was just read is what is saved
}

void OrderDialog::display()
{
    const QLocale fr(QLocale::French, QLocale::France);
    const bool isNew = m_order.id == 0;
    const QString title = isNew ? tr("New work order") : tr("Work order %1").arg(m_order.number);
    m_title->setText(title);
    setWindowTitle(title);
    if (m_order.contactId != 0)
        m_customer->setContact(m_order.contactId);
    if (m_order.sectionId != 0)
        setSection(m_order.sectionId);
    m_due->setDate(m_order.dueDate.isValid() ? m_order.dueDate : m_session.clock().today().addDays(7));
    m_description->setText(m_order.description);
    auto school = m_session.service<SchoolService>().identity();
    m_lines->setLines(m_order.lines, school ? school->vatRegime : VatRegime::Franchise);
    const bool locked = m_order.invoiceId != 0 || m_order.status == WorkOrderStatus::Cancelled ||
                        !m_session.user().can(permission::SalesWrite);
    m_lines->setReadOnly(locked);
    for (QWidget* w : std::initializer_list<QWidget*>{m_customer, m_section, m_due, m_description, m_save})
        w->setEnabled(!locked);
    m_status->setText(isNew ? tr("new")
                            : labelOf(m_order.status) +
                                  (m_order.invoiceNumber.isEmpty()
                                       ? QString()
                                       : tr(" — invoiced: %1").arg(m_order.invoiceNumber)));
    using S = WorkOrderStatus;
    const S s = m_order.status;
    m_start->setVisible(!isNew && (s == S::ToDo || s == S::Done));
    m_done->setVisible(!isNew && (s == S::ToDo || s == S::InProgress));
    m_delivered->setVisible(!isNew && s == S::Done);
    m_cancel->setVisible(!isNew && m_order.invoiceId == 0 && (s == S::ToDo || s == S::InProgress));
    m_invoice->setVisible(!isNew && m_order.invoiceId == 0 && (s == S::Done || s == S::Delivered));

    m_costingRows->clear();
    m_costingSummary->clear();
    if (isNew || !m_session.user().can(permission::SalesRead))
        return;
    auto c = m_session.service<OrderService>().costing(m_order.id);
    if (!c)
        return;
    m_costingRows->setRows(c->trainees);
    m_costingSummary->setText(tr("%n log entry(ies), %1 of trainees' work at %2 an hour: %3\nMaterials: "
                                 "%4\nCost: %5\nInvoiced (excl. VAT): "
                                 "%6\nDifference: %7",
                                 nullptr, c->entries)
                                  .arg(Quantities::formatDuration(c->minutes), c->hourlyCost.format(),
                                       c->labour.format(), c->materials.format(), c->cost().format(),
                                       c->invoiced.format(), c->margin().format()));
}

bool OrderDialog::save()
{
    if (DateField::reportWrong(this, m_banner))
        return false;
    WorkOrder o = m_order;
    o.contactId = m_customer->contactId();
    o.sectionId = m_section->currentData().toLongLong();
    o.dueDate = m_due->date();
    o.description = m_description->text();
    o.lines.clear();
    QString error;
    if (!m_lines->readLines(o.lines, &error)) {
        m_banner->showMessage(MessageBanner::Kind::Error, error);
        return false;
    }
    auto id = m_session.service<OrderService>().saveOrder(o);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    load(*id);
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Work order %1 saved.").arg(m_order.number));
    return true;
}

bool OrderDialog::setStatus(WorkOrderStatus status)
{
    if (m_order.id == 0)
        return false;
    auto r = m_session.service<OrderService>().setOrderStatus(m_order.id, status);
    if (!r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    load(m_order.id);
    return true;
}

bool OrderDialog::invoice()
{
    if (m_order.id == 0)
        return false;
    if (m_confirm &&
        !m_confirm(tr("Issue the invoice of the work order %1 to %2 (%3 excl. VAT)? Once issued it can "
                      "no longer be changed.")
                       .arg(m_order.number, m_order.customerName, m_order.totalExcl().format())))
        return false;
    auto number = m_session.service<OrderService>().invoiceOrder(m_order.id);
    if (!number) {
        m_banner->showMessage(MessageBanner::Kind::Error, number.error().message);
        return false;
    }
    load(m_order.id);
    m_banner->showMessage(
        MessageBanner::Kind::Success,
        tr("Invoice %1 issued: open it to print it or record the payment; it is also in Invoices.")
            .arg(*number));
    const qint64 invoiceId = m_order.invoiceId;
    if (invoiceId != 0)
        m_banner->setAction(tr("&Open the invoice"), [this, invoiceId]() {
            InvoiceDialog dialog(m_session, invoiceId, this);
            dialog.exec();
        });
    return true;
}

} // namespace etabli
