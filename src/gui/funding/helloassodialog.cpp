#include "gui/funding/helloassodialog.h"

#include "gui/common/session.h"
#include "util/text.h"

#include <QColor>

namespace etabli {

namespace {

using GiftRow = HelloAssoImportService::Row;
using GiftFate = HelloAssoImportService::Fate;

QVariant giftRowColour(const GiftRow& row, int role)
{
    if (role != Qt::BackgroundRole)
        return {};
    if (row.fate == GiftFate::Refused)
        return QColor(0xf8, 0xd7, 0xd7);
    if (row.fate != GiftFate::Gift)
        return QColor(0xee, 0xee, 0xee);
    return {};
}

QString giftRowText(const GiftRow& row)
{
    if (row.fate == GiftFate::Gift && row.donorId != 0)
        return HelloAssoDialog::tr("gift of a donor in the directory");
    if (row.fate == GiftFate::Gift)
        return row.note.isEmpty() ? HelloAssoDialog::tr("gift of a new donor")
                                  : HelloAssoDialog::tr("gift of a new donor (%1)").arg(row.note);
    return row.note.isEmpty()
               ? HelloAssoImportService::labelOf(row.fate)
               : QStringLiteral("%1 (%2)").arg(HelloAssoImportService::labelOf(row.fate), row.note);
}

} // namespace

HelloAssoDialog::HelloAssoDialog(Session& session, QWidget* parent)
    : SheetImportDialog(
          tr("Import the gifts collected on HelloAsso"),
          tr("In HelloAsso, export the payments of the campaign or the form (CSV or Excel), then choose the "
             "file here. Each paid gift becomes a gift paid online, dated by its payment, with its donor "
             "(found in the directory by e-mail, or by name and postcode, or added). Refunded, refused or "
             "pending payments, dues and tickets are left out and listed. A payment already imported is "
             "never "
             "recorded twice. The tax receipts then follow the usual rules: do not issue one for a gift "
             "HelloAsso has already given a receipt for."),
          parent),
      m_session(session), m_rows(nullptr)
{
    m_rows = new ColumnsModel<GiftRow>(
        {{tr("Line"), [](const GiftRow& r) { return QString::number(r.line); }, true, giftRowColour},
         {tr("Reference"), [](const GiftRow& r) { return r.reference; }, false, giftRowColour},
         {tr("Day"), [](const GiftRow& r) { return text::frenchDate(r.day); }, false, giftRowColour},
         {tr("Donor"), [](const GiftRow& r) { return r.donorName; }, false, giftRowColour},
         {tr("Amount"), [](const GiftRow& r) { return r.amount.isZero() ? QString() : r.amount.format(); },
          true, giftRowColour},
         {tr("What happens"), [](const GiftRow& r) { return giftRowText(r); }, false, giftRowColour}},
        this);
    setModel(m_rows);
    topRow()->addStretch(1);
}

Status HelloAssoDialog::read(const QByteArray& bytes, const Progress&)
{
    m_rows->clear();
    m_preview = {};
    auto preview = m_session.service<HelloAssoImportService>().prepare(bytes);
    if (!preview)
        return std::unexpected(preview.error());
    m_preview = *preview;
    m_rows->setRows(m_preview.rows);
    return {};
}

QString HelloAssoDialog::summary() const
{
    using Fate = HelloAssoImportService::Fate;
    QString text =
        tr("%1 line(s) read (%2): %3 gift(s) to record, %4 in all; already recorded: %5; refunded: %6; "
           "not paid: %7; not gifts: %8; refused: %9.")
            .arg(m_preview.rows.size())
            .arg(m_preview.encoding)
            .arg(m_preview.count(Fate::Gift))
            .arg(m_preview.total().format())
            .arg(m_preview.count(Fate::AlreadyRecorded))
            .arg(m_preview.count(Fate::Refunded))
            .arg(m_preview.count(Fate::NotPaid))
            .arg(m_preview.count(Fate::NotAGift))
            .arg(m_preview.count(Fate::Refused));
    if (m_preview.count(Fate::Refused) > 0)
        text += QLatin1Char(' ') +
                tr("Nothing is imported while lines are refused, unless you choose to leave them out.");
    return text;
}

Status HelloAssoDialog::write(bool skipInvalid, const Progress&)
{
    auto recorded = m_session.service<HelloAssoImportService>().apply(m_preview, skipInvalid);
    if (!recorded)
        return std::unexpected(recorded.error());
    m_recorded = *recorded;
    return {};
}

} // namespace etabli
