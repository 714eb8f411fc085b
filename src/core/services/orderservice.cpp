#include "services/orderservice.h"

#include "services/accesscontrol.h"
#include "services/audittrail.h"
#include "services/invoiceservice.h"
#include "storage/contactrepository.h"
#include "storage/invoicerepository.h"
#include "storage/schoolrepository.h"
#include "storage/transaction.h"
#include "util/clock.h"

namespace etabli {

Status OrderService::validateLines(const QList<InvoiceLine>& lines) const
{
    if (lines.isEmpty())
        return fail(Error::Code::InvalidInput, tr("Add at least one line."));
    for (const InvoiceLine& l : lines) {
        if (l.label.trimmed().isEmpty())
            return fail(Error::Code::InvalidInput, tr("Every line needs a description."));
        if (l.quantityThousandths <= 0)
            return fail(Error::Code::InvalidInput,
                        tr("“%1”: the quantity must be greater than zero.").arg(l.label.trimmed()));
        if (l.unitPrice.isNegative())
            return fail(Error::Code::InvalidInput,
                        tr("“%1”: the unit price cannot be negative.").arg(l.label.trimmed()));
        if (l.quantityThousandths > InvoiceService::MaxQuantityThousandths ||
            l.unitPrice.cents() > InvoiceService::MaxUnitPriceCents)
            return fail(Error::Code::InvalidInput,
                        tr("“%1”: the amount is too large.").arg(l.label.trimmed()));
    }
    return {};
}

Result<Quote> OrderService::quote(qint64 id) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    auto q = OrderRepository(m_db).quote(id);
    if (q) {
        auto school = SchoolRepository(m_db).load();
        q->totals = InvoiceTotals::compute(q->lines, school ? school->vatRegime : VatRegime::Franchise);
    }
    return q;
}

Result<Page<Quote>> OrderService::quotes(const OrderFilter& filter, const PageRequest& request) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    OrderFilter f = filter;
    if (!f.today.isValid())
        f.today = m_clock.today();
    return OrderRepository(m_db).quotes(f, request);
}

Result<qint64> OrderService::quoteId(const QString& number) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return OrderRepository(m_db).quoteId(number);
}

Result<qint64> OrderService::countQuotes(const OrderFilter& filter, int cap) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    OrderFilter f = filter;
    if (!f.today.isValid())
        f.today = m_clock.today();
    return OrderRepository(m_db).countQuotes(f, cap);
}

Result<qint64> OrderService::saveQuote(const Quote& input)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    if (input.contactId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the customer."));
    ETABLI_TRY(validateLines(input.lines));
    auto saved = inTransaction(m_db, [&]() -> Result<qint64> {
        OrderRepository repo(m_db);
        auto school = SchoolRepository(m_db).load();
        if (!school)
            return std::unexpected(school.error());
        Quote q = input;
        q.totals = InvoiceTotals::compute(q.lines, school->vatRegime);
        if (q.id == 0) {
            q.quoteDate = m_clock.today();
            if (!q.validUntil.isValid())
                q.validUntil = q.quoteDate.addDays(DefaultQuoteDays);
            if (q.validUntil < q.quoteDate)
                return fail(Error::Code::InvalidInput, tr("A quote is valid until a day after it is made."));
            auto n = InvoiceRepository(m_db).takeNumber(QStringLiteral("D"), q.quoteDate.year());
            if (!n)
                return std::unexpected(n.error());
            q.number = QStringLiteral("D%1-%2").arg(q.quoteDate.year()).arg(*n, 4, 10, QLatin1Char('0'));
            q.status = QuoteStatus::Draft;
            auto id = repo.insertQuote(q, m_clock.nowIso());
            if (!id)
                return id;
            ChangeSet c;
            c.set(QStringLiteral("number"), q.number)
                .set(QStringLiteral("contact_id"), q.contactId)
                .set(QStringLiteral("total_incl_cents"), q.totals.incl.cents());
            ETABLI_TRY(
                AuditTrail(m_db, m_clock)
                    .record(m_actor, AuditEntity::Quote, QString::number(*id), AuditAction::Create, c));
            return id;
        }
        auto stored = repo.quote(q.id);
        if (!stored)
            return std::unexpected(stored.error());
        if (stored->status == QuoteStatus::Accepted || stored->status == QuoteStatus::Refused)
            return fail(Error::Code::Conflict, tr("The quote %1 is %2: it is kept as it was.")
                                                   .arg(stored->number, labelOf(stored->status).toLower()));
        q.status = stored->status;
        q.quoteDate = stored->quoteDate;
        if (q.validUntil < q.quoteDate)
            return fail(Error::Code::InvalidInput, tr("A quote is valid until a day after it is made."));
        ETABLI_TRY(repo.updateQuote(q, m_clock.nowIso()));
        ChangeSet c;
        c.add(QStringLiteral("total_incl_cents"), stored->totals.incl.cents(), q.totals.incl.cents());
        ETABLI_TRY(AuditTrail(m_db, m_clock)
                       .record(m_actor, AuditEntity::Quote, QString::number(q.id), AuditAction::Update, c));
        return q.id;
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::Quote, input.id);
}

// A quote to a private person tells them, before they agree, when the work
// will be done and which consumer mediator they may call on.
Status OrderService::checkConsumerQuote(const Quote& q) const
{
    auto customer = ContactRepository(m_db).get(q.contactId);
    if (!customer)
        return std::unexpected(customer.error());
    if (customer->professional())
        return {};
    auto school = SchoolRepository(m_db).load();
    if (!school)
        return std::unexpected(school.error());
    QStringList missing;
    if (q.executionTime.trimmed().isEmpty())
        missing << tr("the time of execution of the work (on the quote)");
    if (school->consumerMediator.trimmed().isEmpty())
        missing << tr("the consumer mediator (Settings → School)");
    if (missing.isEmpty())
        return {};
    return fail(
        Error::Code::InvalidInput,
        tr("A quote to a private person must tell them, before they agree:\n– %1\nComplete it, then send "
           "the quote.")
            .arg(missing.join(QStringLiteral("\n– "))));
}

Status OrderService::setQuoteStatus(qint64 quoteId, QuoteStatus status)
{
    if (auto r = AccessControl::require(m_actor, permission::SalesWrite); !r)
        return r;
    return inTransaction(m_db, [&]() -> Status {
        OrderRepository repo(m_db);
        auto q = repo.quote(quoteId);
        if (!q)
            return std::unexpected(q.error());
        const bool allowed = (q->status == QuoteStatus::Draft && status == QuoteStatus::Sent) ||
                             (q->status == QuoteStatus::Sent && status == QuoteStatus::Refused) ||
                             (q->status == QuoteStatus::Sent && status == QuoteStatus::Draft);
        if (!allowed)
            return fail(Error::Code::InvalidInput,
                        tr("A quote “%1” cannot become “%2”.").arg(labelOf(q->status), labelOf(status)));
        if (status == QuoteStatus::Sent) {
            if (auto r = checkConsumerQuote(*q); !r)
                return r;
        }
        const QuoteStatus before = q->status;
        q->status = status;
        if (auto r = repo.updateQuote(*q, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("status"), codeOf(before), codeOf(status));
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::Quote, QString::number(quoteId), AuditAction::Update, c);
    });
}

Result<qint64> OrderService::acceptQuote(qint64 quoteId, qint64 sectionId, const QDate& dueDate)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    return inTransaction(m_db, [&]() -> Result<qint64> {
        OrderRepository repo(m_db);
        auto q = repo.quote(quoteId);
        if (!q)
            return std::unexpected(q.error());
        if (q->status != QuoteStatus::Sent && q->status != QuoteStatus::Draft)
            return fail(Error::Code::InvalidInput,
                        tr("The quote %1 is %2.").arg(q->number, labelOf(q->status).toLower()));
        if (q->validUntil < m_clock.today())
            return fail(Error::Code::InvalidInput,
                        tr("The quote %1 has expired: make a new one with today's prices.").arg(q->number));
        const qint64 section = sectionId != 0 ? sectionId : q->sectionId;
        if (section == 0)
            return fail(Error::Code::InvalidInput, tr("Choose the workshop that will do the work."));
        const QuoteStatus before = q->status;
        q->status = QuoteStatus::Accepted;
        ETABLI_TRY(repo.updateQuote(*q, m_clock.nowIso()));
        WorkOrder o;
        o.quoteId = q->id;
        o.contactId = q->contactId;
        o.sectionId = section;
        o.vehicleId = q->vehicleId;
        o.description = q->reference;
        o.dueDate = dueDate;
        o.lines = q->lines;
        auto id = saveOrder(o);
        if (!id)
            return id;
        ChangeSet c;
        c.add(QStringLiteral("status"), codeOf(before), codeOf(QuoteStatus::Accepted))
            .set(QStringLiteral("work_order_id"), *id);
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::Quote, QString::number(quoteId), AuditAction::Update, c));
        return id;
    });
}

Result<WorkOrder> OrderService::order(qint64 id) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return OrderRepository(m_db).order(id);
}

Result<Page<WorkOrder>> OrderService::orders(const OrderFilter& filter, const PageRequest& request) const
{
    // Trainers see the orders of their workshops (to attach their log to them).
    if (!m_actor.can(permission::SalesRead) && !m_actor.can(permission::ProductionWrite))
        return fail(Error::Code::AccessDenied, tr("Your account may not see the work orders."));
    return OrderRepository(m_db).orders(filter, request);
}

Result<qint64> OrderService::countOrders(const OrderFilter& filter, int cap) const
{
    if (!m_actor.can(permission::SalesRead) && !m_actor.can(permission::ProductionWrite))
        return fail(Error::Code::AccessDenied, tr("Your account may not see the work orders."));
    return OrderRepository(m_db).countOrders(filter, cap);
}

Result<qint64> OrderService::saveOrder(const WorkOrder& input)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    if (input.contactId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the customer."));
    if (input.sectionId == 0)
        return fail(Error::Code::InvalidInput, tr("Choose the workshop that will do the work."));
    ETABLI_TRY(validateLines(input.lines));
    auto saved = inTransaction(m_db, [&]() -> Result<qint64> {
        OrderRepository repo(m_db);
        WorkOrder o = input;
        if (o.id == 0) {
            o.orderDate = m_clock.today();
            auto n = InvoiceRepository(m_db).takeNumber(QStringLiteral("BT"), o.orderDate.year());
            if (!n)
                return std::unexpected(n.error());
            o.number = QStringLiteral("BT%1-%2").arg(o.orderDate.year()).arg(*n, 4, 10, QLatin1Char('0'));
            o.status = WorkOrderStatus::ToDo;
            auto id = repo.insertOrder(o, m_clock.nowIso());
            if (!id)
                return id;
            ChangeSet c;
            c.set(QStringLiteral("number"), o.number)
                .set(QStringLiteral("contact_id"), o.contactId)
                .set(QStringLiteral("section_id"), o.sectionId);
            ETABLI_TRY(
                AuditTrail(m_db, m_clock)
                    .record(m_actor, AuditEntity::WorkOrder, QString::number(*id), AuditAction::Create, c));
            return id;
        }
        auto stored = repo.order(o.id);
        if (!stored)
            return std::unexpected(stored.error());
        if (stored->invoiceId != 0)
            return fail(Error::Code::Conflict, tr("The work order %1 is invoiced (%2): it is kept as it was.")
                                                   .arg(stored->number, stored->invoiceNumber));
        o.status = stored->status;
        o.invoiceId = 0;
        ETABLI_TRY(repo.updateOrder(o, m_clock.nowIso()));
        ChangeSet c;
        c.add(QStringLiteral("description"), stored->description, o.description.trimmed())
            .add(QStringLiteral("total_excl_cents"), stored->totalExcl().cents(), o.totalExcl().cents());
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::WorkOrder, QString::number(o.id), AuditAction::Update, c));
        return o.id;
    });
    // Changed meanwhile on another PC: said with who and when.
    return AuditTrail(m_db, m_clock).explained(std::move(saved), AuditEntity::WorkOrder, input.id);
}

Status OrderService::setOrderStatus(qint64 orderId, WorkOrderStatus status)
{
    if (!m_actor.can(permission::SalesWrite) && !m_actor.can(permission::ProductionWrite))
        return fail(Error::Code::AccessDenied, tr("Your account may not change the work orders."));
    return inTransaction(m_db, [&]() -> Status {
        OrderRepository repo(m_db);
        auto o = repo.order(orderId);
        if (!o)
            return std::unexpected(o.error());
        if (auto r = AccessControl::requireInSection(
                m_actor,
                m_actor.can(permission::SalesWrite) ? permission::SalesWrite : permission::ProductionWrite,
                o->sectionId);
            !r)
            return r;
        using S = WorkOrderStatus;
        static const QHash<S, QList<S>> next = {
            {S::ToDo, {S::InProgress, S::Done, S::Cancelled}},
            {S::InProgress, {S::ToDo, S::Done, S::Cancelled}},
            {S::Done, {S::InProgress, S::Delivered}},
        };
        if (!next.value(o->status).contains(status))
            return fail(Error::Code::InvalidInput,
                        tr("A work order “%1” cannot become “%2”.").arg(labelOf(o->status), labelOf(status)));
        if (status == S::Cancelled && o->invoiceId != 0)
            return fail(
                Error::Code::InvalidInput,
                tr("The work order %1 is invoiced: cancel the invoice with a credit note.").arg(o->number));
        const S before = o->status;
        o->status = status;
        if (auto r = repo.updateOrder(*o, m_clock.nowIso()); !r)
            return r;
        ChangeSet c;
        c.add(QStringLiteral("status"), codeOf(before), codeOf(status));
        return AuditTrail(m_db, m_clock)
            .record(m_actor, AuditEntity::WorkOrder, QString::number(orderId), AuditAction::Update, c);
    });
}

Result<QString> OrderService::invoiceOrder(qint64 orderId)
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesWrite));
    return inTransaction(m_db, [&]() -> Result<QString> {
        OrderRepository repo(m_db);
        auto o = repo.order(orderId);
        if (!o)
            return std::unexpected(o.error());
        if (o->invoiceId != 0)
            return fail(Error::Code::Conflict,
                        tr("The work order %1 is already invoiced (%2).").arg(o->number, o->invoiceNumber));
        if (o->status != WorkOrderStatus::Done && o->status != WorkOrderStatus::Delivered)
            return fail(
                Error::Code::InvalidInput,
                tr("The work order %1 is not done yet: mark it done, then invoice it.").arg(o->number));
        Invoice inv;
        inv.contactId = o->contactId;
        inv.reference = o->number;
        inv.lines = o->lines;
        // The day of the service: the last day the workshop worked on the order.
        auto lastDay = repo.lastWorkDay(orderId);
        if (!lastDay)
            return std::unexpected(lastDay.error());
        inv.serviceFrom = lastDay->isValid() ? *lastDay : m_clock.today();
        InvoiceService sales(m_db, m_clock, m_actor);
        auto id = sales.saveDraft(inv);
        if (!id)
            return std::unexpected(id.error());
        auto number = sales.issue(*id);
        if (!number)
            return number;
        o->invoiceId = *id;
        ETABLI_TRY(repo.updateOrder(*o, m_clock.nowIso()));
        ChangeSet c;
        c.set(QStringLiteral("invoice"), *number);
        ETABLI_TRY(
            AuditTrail(m_db, m_clock)
                .record(m_actor, AuditEntity::WorkOrder, QString::number(orderId), AuditAction::Update, c));
        return number;
    });
}

Result<OrderCosting> OrderService::costing(qint64 orderId) const
{
    ETABLI_TRY(AccessControl::require(m_actor, permission::SalesRead));
    return OrderRepository(m_db).costing(orderId);
}

} // namespace etabli
