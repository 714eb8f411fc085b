#include "gui/sales/invoicespage.h"

#include "gui/common/allowed.h"
#include "gui/common/session.h"
#include "gui/sales/invoicedialog.h"
#include "services/invoiceservice.h"

#include <QComboBox>
#include <QLineEdit>
#include <QLocale>
#include <QTableWidget>

namespace etabli {

InvoicesPage::InvoicesPage(Session& session, QWidget* parent)
    : PagedListPage(session, DataKind::Invoices | DataKind::Contacts | DataKind::WorkOrders,
                    {tr("Number"), tr("Date"), tr("Customer"), tr("Total"), tr("Remaining due"),
                     tr("Due date"), tr("Status")},
                    2, tr("Search a number or a customer…"), tr("&New invoice…"), parent),
      m_status(new QComboBox(this))
{
    requireForNew(holding(permission::SalesWrite));
    m_table->setObjectName(QStringLiteral("invoicesTable"));
    m_status->setObjectName(QStringLiteral("invoiceStatus"));
    m_status->addItem(tr("All invoices and credit notes"), QStringLiteral("all"));
    m_status->addItem(tr("Drafts"), QStringLiteral("draft"));
    m_status->addItem(tr("Issued"), QStringLiteral("issued"));
    m_status->addItem(tr("Unpaid"), QStringLiteral("unpaid"));
    addFilter(m_status);
    connect(&m_session, &Session::databaseChanged, this, &InvoicesPage::reload);
    connect(&m_session, &Session::userChanged, this, &InvoicesPage::reload);
    reload();
}

void InvoicesPage::reload()
{
    if (!beginReload(m_session.isLoggedIn() && m_session.user().can(permission::SalesRead)))
        return;
    InvoiceFilter f;
    f.text = m_search->text();
    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("draft") || status == QLatin1String("issued"))
        f.status = status;
    f.unpaidOnly = status == QLatin1String("unpaid");
    InvoiceService service(m_session.database(), m_session.clock(), m_session.user());
    auto total = service.count(f);
    auto rows = service.list(f, PageSize, offset());
    if (!total || !rows)
        return showError((!total ? total.error() : rows.error()).message);
    const QLocale locale;
    const QDate today = m_session.clock().today();
    for (int r = 0; r < rows->size(); ++r) {
        const InvoiceRow& row = rows->at(r);
        const bool issued = row.status == QLatin1String("issued");
        const bool late = InvoiceService::isLate(row, today);
        const QStringList cells = {
            issued ? row.number : tr("(draft)"),
            locale.toString(row.issueDate, QStringLiteral("dd/MM/yyyy")),
            row.customer,
            row.total.format(),
            issued && row.kind == QLatin1String("invoice") ? row.due.format() : QString(),
            row.kind == QLatin1String("invoice") ? locale.toString(row.dueDate, QStringLiteral("dd/MM/yyyy"))
                                                 : QString(),
            InvoiceService::rowStatusLabel(row, today)};
        const auto items = setRow(r, cells, row.id);
        items.at(3)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        items.at(4)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (late) {
            items.at(4)->setForeground(QColor(180, 30, 30));
            items.at(6)->setForeground(QColor(180, 30, 30));
        }
    }
    endReload(rows->size(), *total);
}

void InvoicesPage::openRecord(qint64 id)
{
    InvoiceDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
