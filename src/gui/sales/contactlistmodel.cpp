#include "gui/sales/contactlistmodel.h"

#include "gui/common/session.h"
#include "services/contactservice.h"

namespace etabli {

ContactListModel::ContactListModel(Session& session, QObject* parent)
    : PagedRowsModel<Contact>(
          {tr("Name"), tr("Kind"), tr("Town"), tr("Telephone"), tr("E-mail"), tr("Roles")}, parent),
      m_session(session)
{
}

Result<Page<Contact>> ContactListModel::fetch(const PageRequest& request) const
{
    return m_session.service<ContactService>().page(m_filter, request);
}

QVariant ContactListModel::cell(const Contact& c, int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Name:
        return c.displayName();
    case Kind:
        return labelOf(c.customerKind());
    case Town:
        return (c.postcode + QLatin1Char(' ') + c.city).trimmed();
    case Telephone:
        return c.phone;
    case Email:
        return c.email;
    case Roles: {
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
        return roles.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

} // namespace etabli
