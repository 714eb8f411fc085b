#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableWidget;
class QTimer;

namespace etabli {

class MessageBanner;
class Pager;
class Session;

// "Clients": the directory, searched as one types (name, town, postcode),
// filtered by role, a page at a time; a plate finds its vehicle's owner.
class ContactsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContactsPage)

public:
    static constexpr int PageSize = 100;

    explicit ContactsPage(Session& session, QWidget* parent = nullptr);
    void reload();
    QTableWidget* table() const { return m_table; }
    QLineEdit* searchField() const { return m_search; }
    qint64 totalCount() const { return m_total; }

private:
    void openContact(qint64 id);
    // Selects the contact's row if the page shown holds it.
    bool selectContact(qint64 id);
    void findPlate();

    Session& m_session;
    MessageBanner* m_banner;
    QLineEdit* m_search;
    QComboBox* m_role;
    QLineEdit* m_plate;
    QTableWidget* m_table;
    Pager* m_pager;
    QTimer* m_typing;
    qint64 m_total = 0;
};

} // namespace etabli
