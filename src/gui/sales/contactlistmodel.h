#pragma once

#include "gui/common/pagedlistmodel.h"
#include "storage/contactrepository.h"

namespace etabli {

class Session;

// The directory: contacts by name, a page at a time from ContactService.
class ContactListModel final : public PagedRowsModel<Contact>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactListModel)

public:
    enum Column
    {
        Name,
        Kind,
        Town,
        Telephone,
        Email,
        Roles,
        ColumnCount
    };

    explicit ContactListModel(Session& session, QObject* parent = nullptr);
    void setFilter(const ContactFilter& filter) { m_filter = filter; }

protected:
    Result<Page<Contact>> fetch(const PageRequest& request) const override;
    QVariant cell(const Contact& contact, int column, int role) const override;

private:
    Session& m_session;
    ContactFilter m_filter;
};

} // namespace etabli
