#pragma once

#include "gui/common/pagedlistpage.h"

namespace etabli {

class ContactListModel;

// "Clients": the directory, searched as one types (name, town, postcode),
// filtered by role, a page at a time; a plate finds its vehicle's owner.
class ContactsPage final : public PagedListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactsPage)

public:
    explicit ContactsPage(Session& session, QWidget* parent = nullptr);
    void openRecord(qint64 id) override;

protected:
    bool mayRead() const override;
    void applyFilters() override;

private:
    void findPlate();
    void importContacts();

    QComboBox* m_role;
    QLineEdit* m_plate;
    ContactListModel* m_list;
};

} // namespace etabli
