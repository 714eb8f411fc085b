#include "gui/sales/contactspage.h"

#include "domain/user.h"
#include "gui/common/allowed.h"
#include "gui/common/messagebanner.h"
#include "gui/common/pager.h"
#include "gui/common/reloadwhenshown.h"
#include "gui/common/searchfield.h"
#include "gui/common/session.h"
#include "gui/sales/contactdialog.h"
#include "services/contactservice.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace etabli {

ContactsPage::ContactsPage(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_banner(new MessageBanner(this)), m_search(new QLineEdit(this)),
      m_role(new QComboBox(this)), m_plate(new QLineEdit(this)), m_table(new QTableWidget(this)),
      m_pager(new Pager(PageSize, this)), m_typing(new QTimer(this))
{
    m_banner->hide();
    m_search->setObjectName(QStringLiteral("contactSearch"));
    m_search->setPlaceholderText(tr("Search a name, a town, a postcode…"));
    markAsSearchField(m_search, m_table);
    m_search->setClearButtonEnabled(true);
    m_role->addItem(tr("All contacts"), QString());
    m_role->addItem(tr("Customers"), QStringLiteral("customer"));
    m_role->addItem(tr("Internship hosts"), QStringLiteral("host"));
    m_role->addItem(tr("Donors"), QStringLiteral("donor"));
    m_role->addItem(tr("Funders"), QStringLiteral("funder"));
    m_role->addItem(tr("Suppliers"), QStringLiteral("supplier"));
    m_plate->setPlaceholderText(tr("Plate: AB-123-CD"));
    m_plate->setMaximumWidth(160);
    auto* top = new QHBoxLayout;
    top->addWidget(m_search, 2);
    top->addWidget(m_role);
    top->addWidget(m_plate);
    m_table->setObjectName(QStringLiteral("contactsTable"));
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Kind"), tr("Town"), tr("Telephone"), tr("E-mail"), tr("Roles")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto* add = new QPushButton(tr("&New contact…"), this);
    showWhenAllowed(add, m_session, [](const UserContext& user) {
        return user.can(permission::SalesWrite) || user.can(permission::TraineesWrite);
    });
    auto* open = new QPushButton(tr("&Open"), this);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_pager, 1);
    bottom->addWidget(add);
    bottom->addWidget(open);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    m_typing->setSingleShot(true);
    m_typing->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, [this]() {
        m_pager->restart();
        reload();
    });
    connect(m_role, &QComboBox::currentIndexChanged, this, [this]() {
        m_pager->restart();
        reload();
    });
    connect(m_pager, &Pager::moved, this, &ContactsPage::reload);
    connect(m_plate, &QLineEdit::returnPressed, this, &ContactsPage::findPlate);
    connect(add, &QPushButton::clicked, this, [this]() { openContact(0); });
    const auto openCurrent = [this]() {
        if (m_table->currentRow() >= 0)
            openContact(m_table->item(m_table->currentRow(), 0)->data(Qt::UserRole).toLongLong());
    };
    connect(open, &QPushButton::clicked, this, openCurrent);
    connect(m_table, &QTableWidget::cellActivated, this, openCurrent);
    connect(&m_session, &Session::databaseChanged, this, &ContactsPage::reload);
    connect(&m_session, &Session::userChanged, this, &ContactsPage::reload);
    reloadOnDataChangeWhenShown(this, m_session, DataKind::Contacts, [this]() { reload(); });
    reload();
}

void ContactsPage::reload()
{
    m_table->setRowCount(0);
    if (!m_session.isOpen() || !m_session.isLoggedIn())
        return;
    ContactFilter f;
    f.text = m_search->text();
    f.role = m_role->currentData().toString();
    ContactService service(m_session.database(), m_session.clock(), m_session.user());
    auto total = service.count(f);
    auto rows = service.list(f, PageSize, m_pager->offset());
    if (!total || !rows) {
        m_banner->showMessage(MessageBanner::Kind::Error, (!total ? total.error() : rows.error()).message);
        return;
    }
    m_total = *total;
    m_table->setRowCount(static_cast<int>(rows->size()));
    for (int r = 0; r < rows->size(); ++r) {
        const Contact& c = rows->at(r);
        QStringList roles;
        if (c.customer)
            roles << tr("customer");
        if (c.host)
            roles << tr("internship host");
        if (c.donor)
            roles << tr("donor");
        if (c.funder)
            roles << tr("funder");
        if (c.supplier)
            roles << tr("supplier");
        const QStringList cells = {c.displayName(),
                                   ContactService::kindLabel(c),
                                   (c.postcode + QLatin1Char(' ') + c.city).trimmed(),
                                   c.phone,
                                   c.email,
                                   roles.join(QStringLiteral(", "))};
        for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells.at(col));
            if (col == 0)
                item->setData(Qt::UserRole, c.id);
            m_table->setItem(r, col, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_pager->showPage(rows->size(), m_total);
}

void ContactsPage::openContact(qint64 id)
{
    ContactDialog dialog(m_session, id, this);
    dialog.exec();
    if (id != 0 || dialog.contactId() == 0)
        return;
    // The new contact is selected in the list, searched by its name if the
    // page shown does not hold it.
    reload();
    if (!selectContact(dialog.contactId())) {
        m_search->setText(dialog.contact().name);
        m_typing->stop();
        m_pager->restart();
        reload();
        selectContact(dialog.contactId());
    }
}

bool ContactsPage::selectContact(qint64 id)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 0) && m_table->item(row, 0)->data(Qt::UserRole).toLongLong() == id) {
            m_table->setCurrentCell(row, 0);
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

void ContactsPage::findPlate()
{
    auto v = ContactService(m_session.database(), m_session.clock(), m_session.user())
                 .findVehicle(m_plate->text());
    if (!v) {
        m_banner->showMessage(MessageBanner::Kind::Warning, v.error().message);
        return;
    }
    m_banner->hide();
    if (v->contactId != 0)
        openContact(v->contactId);
}

} // namespace etabli
