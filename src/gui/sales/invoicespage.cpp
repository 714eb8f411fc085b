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
    : PagedListPage(session, DataKind::Invoices | DataKind::Contacts | DataKind::WorkOrders, tr("Invoices"),
                    {tr("Number"), tr("Date"), tr("Customer"), tr("Total"), tr("Remaining due"),
                     tr("Due date"), tr("Status")},
                    2, tr("Search a number or a customer…"), tr("&New invoice…"), parent),
      m_status(new QComboBox(this))
{
    requireForNew(holding(permission::SalesWrite));
    setRightAligned({3, 4});
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

bool InvoicesPage::mayRead() const
{
    return m_session.user().can(permission::SalesRead);
}

Result<PagedListPage::Rows> InvoicesPage::fetch(int limit, int offset)
{
    InvoiceFilter f;
    f.text = m_search->text();
    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("draft") || status == QLatin1String("issued"))
        f.status = status;
    f.unpaidOnly = status == QLatin1String("unpaid");
    InvoiceService service(m_session.database(), m_session.clock(), m_session.user());
    auto total = service.count(f);
    auto rows = service.list(f, limit, offset);
    if (!total || !rows)
        return std::unexpected(!total ? total.error() : rows.error());
    const QLocale locale;
    const QDate today = m_session.clock().today();
    Rows page{{}, *total};
    for (const InvoiceRow& row : *rows) {
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
        page.rows << Row{row.id, cells, late ? QList<int>{4, 6} : QList<int>{}, false};
    }
    return page;
}

void InvoicesPage::openRecord(qint64 id)
{
    InvoiceDialog dialog(m_session, id, this);
    dialog.exec();
    reload();
}

} // namespace etabli
