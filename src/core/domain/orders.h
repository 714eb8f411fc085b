#pragma once

#include "domain/codes.h"
#include "domain/sales.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace etabli {

// What became of a quote. "Expired" is not stored: a sent quote past its
// validity date (Quote::isExpired).
enum class QuoteStatus
{
    Draft,
    Sent,
    Accepted,
    Refused,
};
template <> struct Codes<QuoteStatus>
{
    static constexpr CodeEntry<QuoteStatus> entries[] = {
        {QuoteStatus::Draft, "draft", QT_TRANSLATE_NOOP("etabli::Codes", "Draft")},
        {QuoteStatus::Sent, "sent", QT_TRANSLATE_NOOP("etabli::Codes", "Sent")},
        {QuoteStatus::Accepted, "accepted", QT_TRANSLATE_NOOP("etabli::Codes", "Accepted")},
        {QuoteStatus::Refused, "refused", QT_TRANSLATE_NOOP("etabli::Codes", "Refused")},
    };
};

// Where a work order stands, in the order the workshop moves it.
enum class WorkOrderStatus
{
    ToDo,
    InProgress,
    Done,
    Delivered,
    Cancelled,
};
template <> struct Codes<WorkOrderStatus>
{
    static constexpr CodeEntry<WorkOrderStatus> entries[] = {
        {WorkOrderStatus::ToDo, "todo", QT_TRANSLATE_NOOP("etabli::Codes", "To do")},
        {WorkOrderStatus::InProgress, "in_progress", QT_TRANSLATE_NOOP("etabli::Codes", "In progress")},
        {WorkOrderStatus::Done, "done", QT_TRANSLATE_NOOP("etabli::Codes", "Done")},
        {WorkOrderStatus::Delivered, "delivered", QT_TRANSLATE_NOOP("etabli::Codes", "Delivered")},
        {WorkOrderStatus::Cancelled, "cancelled", QT_TRANSLATE_NOOP("etabli::Codes", "Cancelled")},
    };
};

// A quote (devis): lines from the catalogue or free text, valid until a date.
struct Quote
{
    qint64 id = 0;
    QString number; // "D2026-0001", given when first saved
    qint64 contactId = 0;
    QString customerName; // filled when read
    qint64 sectionId = 0;
    qint64 vehicleId = 0;
    QuoteStatus status = QuoteStatus::Draft;
    QDate quoteDate;
    QDate validUntil;
    QString reference;
    QString notes;
    // When the work will be done ("sous 5 jours ouvrés après votre accord"):
    // required before a quote to a private person is sent.
    QString executionTime;
    QList<InvoiceLine> lines;
    InvoiceTotals totals;
    int version = 0;

    // A sent quote past its validity date, neither accepted nor refused.
    bool isExpired(const QDate& today) const
    {
        return status == QuoteStatus::Sent && validUntil.isValid() && validUntil < today;
    }
};

// The status as the quotes' list shows it: "Expired" for a sent quote past its validity.
QString quoteStatusLabel(QuoteStatus status, bool expired);

// A work order (bon de travaux) for a workshop.
struct WorkOrder
{
    qint64 id = 0;
    QString number; // "BT2026-0001"
    qint64 quoteId = 0;
    qint64 contactId = 0;
    QString customerName; // filled when read
    qint64 sectionId = 0;
    qint64 vehicleId = 0;
    QString description;
    QDate orderDate;
    QDate dueDate;
    WorkOrderStatus status = WorkOrderStatus::ToDo;
    qint64 invoiceId = 0;
    QString invoiceNumber; // filled when read
    QList<InvoiceLine> lines;
    int version = 0;

    Money totalExcl() const
    {
        Money t;
        for (const InvoiceLine& l : lines)
            t += l.total();
        return t;
    }
};

// What an order cost beside what it brought: the trainees' hours from the
// production log at the school's hourly cost, plus the materials.
struct OrderCosting
{
    struct TraineeTime
    {
        qint64 traineeId = 0;
        QString name;
        qint64 minutes = 0;
    };
    QList<TraineeTime> trainees;
    qint64 minutes = 0;
    int entries = 0;
    Money hourlyCost;
    Money labour;    // minutes × hourly cost
    Money materials; // from the log
    Money cost() const { return labour + materials; }
    Money invoiced; // excl. VAT: the invoice if any, else the order's lines
    Money margin() const { return invoiced - cost(); }
};

} // namespace etabli
