#include "gui/sales/contactspage.h"

#include "domain/user.h"
#include "gui/common/allowed.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/sales/contactdialog.h"
#include "gui/sales/contactimportdialog.h"
#include "gui/sales/contactlistmodel.h"
#include "services/contactservice.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

namespace etabli {

ContactsPage::ContactsPage(Session& session, QWidget* parent)
    : PagedListPage(session, DataKind::Contacts, tr("Contacts"), ContactListModel::Name,
                    tr("Search a name, a town, a postcode…"), tr("&New contact…"), parent),
      m_role(new QComboBox(this)), m_plate(new QLineEdit(this)), m_list(new ContactListModel(session, this))
{
    setModel(m_list);
    m_search->setObjectName(QStringLiteral("contactSearch"));
    m_table->setObjectName(QStringLiteral("contactsTable"));
    const Allowed mayWrite = [](const UserContext& user) {
        return user.can(permission::SalesWrite) || user.can(permission::TraineesWrite);
    };
    requireForNew(mayWrite);
    auto* import = new QPushButton(tr("&Import…"), this);
    import->setObjectName(QStringLiteral("importContacts"));
    import->setToolTip(
        tr("Contacts from a spreadsheet, or exported from Dolibarr or Paheko (.xlsx or CSV)."));
    showWhenAllowed(import, m_session, mayWrite);
    addButton(import);
    connect(import, &QPushButton::clicked, this, &ContactsPage::importContacts);
    m_role->addItem(tr("All contacts"), QString());
    m_role->addItem(tr("Customers"), QStringLiteral("customer"));
    m_role->addItem(tr("Internship hosts"), QStringLiteral("host"));
    m_role->addItem(tr("Donors"), QStringLiteral("donor"));
    m_role->addItem(tr("Funders"), QStringLiteral("funder"));
    m_role->addItem(tr("Suppliers"), QStringLiteral("supplier"));
    addFilter(m_role);
    m_plate->setPlaceholderText(tr("Plate: AB-123-CD"));
    m_plate->setMaximumWidth(160);
    addTopWidget(m_plate);
    connect(m_plate, &QLineEdit::returnPressed, this, &ContactsPage::findPlate);
    connect(&m_session, &Session::databaseChanged, this, &ContactsPage::restart);
    connect(&m_session, &Session::userChanged, this, &ContactsPage::restart);
    restart();
}

bool ContactsPage::mayRead() const
{
    return true; // every role finds a customer, a host, a guardian's details
}

void ContactsPage::applyFilters()
{
    ContactFilter f;
    f.text = m_search->text();
    f.role = m_role->currentData().toString();
    m_list->setFilter(f);
}

void ContactsPage::openRecord(qint64 id)
{
    ContactDialog dialog(m_session, id, this);
    dialog.exec();
    if (id != 0 || dialog.contactId() == 0)
        return;
    // The new contact is selected in the list, searched by its name if the
    // page shown does not hold it.
    reload();
    if (!selectRecord(dialog.contactId())) {
        searchFor(dialog.contact().name);
        selectRecord(dialog.contactId());
    }
}

void ContactsPage::importContacts()
{
    ContactImportDialog dialog(m_session, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto done = dialog.outcome();
    m_banner->showMessage(MessageBanner::Kind::Success,
                          tr("%1 contact(s) created, %2 merged, %3 left as they were.")
                              .arg(done.created)
                              .arg(done.merged)
                              .arg(done.skipped));
    reload();
}

void ContactsPage::findPlate()
{
    auto v = m_session.service<ContactService>().findVehicle(m_plate->text());
    if (!v) {
        m_banner->showMessage(MessageBanner::Kind::Warning, v.error().message);
        return;
    }
    m_banner->hide();
    if (v->contactId != 0)
        openRecord(v->contactId);
}

} // namespace etabli
