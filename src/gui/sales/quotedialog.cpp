#include "gui/sales/quotedialog.h"

#include "gui/common/datefield.h"
#include "gui/common/messagebanner.h"
#include "gui/common/printpreview.h"
#include "gui/common/sectioncombo.h"
#include "gui/common/session.h"
#include "gui/sales/customerchooser.h"
#include "gui/sales/lineseditor.h"
#include "gui/sales/orderdialog.h"
#include "print/documentprinter.h"
#include "print/quotedocument.h"
#include "services/contactservice.h"
#include "services/orderservice.h"
#include "services/schoolservice.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace etabli {

QuoteDialog::QuoteDialog(Session& session, qint64 quoteId, QWidget* parent)
    : EditingDialog(parent), m_session(session), m_banner(new MessageBanner(this)), m_title(new QLabel(this)),
      m_customer(new CustomerChooser(session, this)), m_vehicle(new QComboBox(this)),
      m_section(new QComboBox(this)), m_subject(new QLineEdit(this)), m_validUntil(new DateField(this)),
      m_execution(new QLineEdit(this)), m_notes(new QLineEdit(this)), m_lines(new LinesEditor(session, this)),
      m_status(new QLabel(this)), m_save(new QPushButton(tr("&Save (Ctrl+S)"), this)),
      m_sent(new QPushButton(tr("Mark as s&ent"), this)),
      m_draft(new QPushButton(tr("Back to dra&ft"), this)),
      m_accept(new QPushButton(tr("&Accepted: make the work order…"), this)),
      m_refuse(new QPushButton(tr("Re&fused…"), this)), m_print(new QPushButton(tr("Prin&t…"), this)),
      m_pdf(new QPushButton(tr("P&DF…"), this))
{
    m_banner->hide();
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_subject->setPlaceholderText(tr("e.g. 4 winter tyres, railing for the town hall"));
    m_notes->setPlaceholderText(tr("printed under the lines, e.g. delivery not included"));
    m_execution->setObjectName(QStringLiteral("quoteExecution"));
    m_execution->setPlaceholderText(
        tr("e.g. within 5 working days of your agreement (required for a private person)"));
    m_vehicle->setObjectName(QStringLiteral("quoteVehicle"));
    auto* form = new QFormLayout;
    auto* customerLabel = new QLabel(tr("C&ustomer"), this);
    customerLabel->setBuddy(m_customer->field());
    form->addRow(customerLabel, m_customer);
    form->addRow(tr("&Vehicle"), m_vehicle);
    form->addRow(tr("&Workshop"), m_section);
    form->addRow(tr("Su&bject"), m_subject);
    form->addRow(tr("Valid &until"), m_validUntil);
    form->addRow(tr("E&xecution time"), m_execution);
    form->addRow(tr("&Notes"), m_notes);
    form->addRow(tr("Status"), m_status);

    auto* close = new QPushButton(tr("Close"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_refuse);
    buttons->addWidget(m_draft);
    buttons->addStretch(1);
    for (QPushButton* b : {m_print, m_pdf, m_sent, m_accept, m_save, close})
        buttons->addWidget(b);
    for (QPushButton* b : {m_save, m_sent, m_draft, m_accept, m_refuse, m_print, m_pdf, close})
        b->setAutoDefault(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(m_lines, 1);
    layout->addLayout(buttons);

    connect(m_customer, &CustomerChooser::chosen, this, &QuoteDialog::fillVehicles);
    connect(m_save, &QPushButton::clicked, this, &QuoteDialog::save);
    setSaveButton(m_save);
    watch(m_lines->table());
    connect(m_sent, &QPushButton::clicked, this, [this]() { setStatus(QuoteStatus::Sent); });
    connect(m_draft, &QPushButton::clicked, this, [this]() { setStatus(QuoteStatus::Draft); });
    connect(m_refuse, &QPushButton::clicked, this, [this]() {
        if (m_confirm && m_confirm(tr("The customer refused the quote %1? It stays in the list as refused.")
                                       .arg(m_quote.number)))
            setStatus(QuoteStatus::Refused);
    });
    connect(m_accept, &QPushButton::clicked, this,
            [this]() { accept(m_session.clock().today().addDays(14)); });
    connect(m_print, &QPushButton::clicked, this,
            [this]() { DocumentOutput::preview(this, [this]() { return printable(); }); });
    connect(m_pdf, &QPushButton::clicked, this, [this]() {
        DocumentOutput::savePdf(
            this, m_quote.number, [this]() { return printable(); }, m_banner);
    });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, windowTitle(), question) == QMessageBox::Yes;
    };
    SectionChoice choice{tr("(to choose when accepted)")};
    choice.activeOnly = true;
    choice.fill(m_section, m_session);
    load(quoteId);
    resize(880, 680);
}

QString QuoteDialog::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void QuoteDialog::setCustomer(qint64 contactId)
{
    m_customer->setContact(contactId);
    fillVehicles();
}

void QuoteDialog::setSection(qint64 sectionId)
{
    m_section->setCurrentIndex(std::max(0, m_section->findData(sectionId)));
}

void QuoteDialog::setSubject(const QString& subject)
{
    m_subject->setText(subject);
}

void QuoteDialog::fillVehicles()
{
    const qint64 keep = m_vehicle->currentData().toLongLong() != 0 ? m_vehicle->currentData().toLongLong()
                                                                   : m_quote.vehicleId;
    m_vehicle->clear();
    m_vehicle->addItem(tr("(none)"), 0);
    if (m_customer->contactId() == 0)
        return;
    auto vehicles = m_session.service<ContactService>().vehicles(m_customer->contactId());
    if (!vehicles)
        return;
    for (const Vehicle& v : *vehicles)
        m_vehicle->addItem(
            QStringList{v.plate, v.make, v.model, v.tyreSize}.join(QLatin1Char(' ')).simplified(), v.id);
    m_vehicle->setCurrentIndex(std::max(0, m_vehicle->findData(keep)));
}

void QuoteDialog::load(qint64 id)
{
    if (id == 0) {
        m_quote = Quote{};
        m_quote.validUntil = m_session.clock().today().addDays(OrderService::DefaultQuoteDays);
    } else {
        auto q = m_session.service<OrderService>().quote(id);
        if (!q) {
            m_banner->showMessage(MessageBanner::Kind::Error, q.error().message);
            return;
        }
        m_quote = *q;
    }
    display();
    markSaved(); // what was just read is what is saved
}

void QuoteDialog::display()
{
    const QLocale fr(QLocale::French, QLocale::France);
    const bool isNew = m_quote.id == 0;
    const QString title =
        isNew ? tr("New quote")
              : tr("Quote %1 of %2")
                    .arg(m_quote.number, fr.toString(m_quote.quoteDate, QStringLiteral("dd/MM/yyyy")));
    m_title->setText(title);
    setWindowTitle(title);
    if (m_quote.contactId != 0)
        m_customer->setContact(m_quote.contactId);
    fillVehicles();
    setSection(m_quote.sectionId);
    m_subject->setText(m_quote.reference);
    m_validUntil->setDate(m_quote.validUntil);
    m_notes->setText(m_quote.notes);
    m_execution->setText(m_quote.executionTime);
    auto school = m_session.service<SchoolService>().identity();
    m_lines->setLines(m_quote.lines, school ? school->vatRegime : VatRegime::Franchise);
    const QuoteStatus s = m_quote.status;
    const bool closed = s == QuoteStatus::Accepted || s == QuoteStatus::Refused;
    const bool canWrite = m_session.user().can(permission::SalesWrite);
    const bool locked = closed || !canWrite;
    m_lines->setReadOnly(locked);
    for (QWidget* w : std::initializer_list<QWidget*>{m_customer, m_vehicle, m_section, m_subject,
                                                      m_validUntil, m_execution, m_notes, m_save})
        w->setEnabled(!locked);
    const bool expired = m_quote.isExpired(m_session.clock().today());
    m_status->setText(isNew ? tr("new")
                            : quoteStatusLabel(s, expired) +
                                  (expired ? tr(" — make a new quote with today's prices") : QString()));
    m_sent->setVisible(!isNew && canWrite && s == QuoteStatus::Draft);
    m_draft->setVisible(!isNew && canWrite && s == QuoteStatus::Sent);
    m_accept->setVisible(!isNew && canWrite && !closed && !expired);
    m_refuse->setVisible(!isNew && canWrite && s == QuoteStatus::Sent);
    m_print->setEnabled(!isNew);
    m_pdf->setEnabled(!isNew);
}

bool QuoteDialog::save()
{
    if (DateField::reportWrong(this, m_banner))
        return false;
    Quote q = m_quote;
    q.contactId = m_customer->contactId();
    q.vehicleId = m_vehicle->currentData().toLongLong();
    q.sectionId = m_section->currentData().toLongLong();
    q.reference = m_subject->text().trimmed();
    q.validUntil = m_validUntil->date();
    q.notes = m_notes->text().trimmed();
    q.executionTime = m_execution->text().trimmed();
    q.lines.clear();
    QString error;
    if (!m_lines->readLines(q.lines, &error)) {
        m_banner->showMessage(MessageBanner::Kind::Error, error);
        return false;
    }
    auto id = m_session.service<OrderService>().saveQuote(q);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return false;
    }
    load(*id);
    m_banner->showMessage(MessageBanner::Kind::Success, tr("Quote %1 saved.").arg(m_quote.number));
    return true;
}

bool QuoteDialog::setStatus(QuoteStatus status)
{
    if (m_quote.id == 0)
        return false;
    // What was typed (the time of execution, say) goes with the quote sent.
    if (status == QuoteStatus::Sent && !save())
        return false;
    auto r = m_session.service<OrderService>().setQuoteStatus(m_quote.id, status);
    if (!r) {
        m_banner->showMessage(MessageBanner::Kind::Error, r.error().message);
        return false;
    }
    load(m_quote.id);
    return true;
}

qint64 QuoteDialog::accept(const QDate& dueDate)
{
    if (m_quote.id == 0)
        return 0;
    // Unsaved changes would be lost: the work order copies the stored quote.
    if (m_save->isEnabled() && !save())
        return 0;
    const qint64 section = m_section->currentData().toLongLong();
    if (section == 0) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("Choose the workshop that will do the work."));
        m_section->setFocus();
        return 0;
    }
    const QLocale fr(QLocale::French, QLocale::France);
    if (m_confirm &&
        !m_confirm(tr("The customer accepted the quote %1: make the work order for %2, due on %3? The quote "
                      "can then no longer be changed.")
                       .arg(m_quote.number, m_section->currentText(),
                            fr.toString(dueDate, QStringLiteral("dd/MM/yyyy")))))
        return 0;
    auto service = m_session.service<OrderService>();
    auto id = service.acceptQuote(m_quote.id, section, dueDate);
    if (!id) {
        m_banner->showMessage(MessageBanner::Kind::Error, id.error().message);
        return 0;
    }
    auto order = service.order(*id);
    load(m_quote.id);
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("Work order %1 made: the workshop finds it in Work orders and in its daily log.")
                              .arg(order ? order->number : QString()));
    const qint64 orderId = *id;
    m_banner->setAction(tr("&Open the work order"), [this, orderId]() {
        OrderDialog dialog(m_session, orderId, this);
        dialog.exec();
    });
    return *id;
}

std::unique_ptr<print::Printable> QuoteDialog::printable()
{
    auto p =
        print::QuoteDocument::load(m_session.database(), m_session.clock(), m_session.user(), m_quote.id);
    if (!p) {
        m_banner->showMessage(MessageBanner::Kind::Error, p.error().message);
        return nullptr;
    }
    return std::move(*p);
}

} // namespace etabli
