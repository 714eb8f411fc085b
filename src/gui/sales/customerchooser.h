#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace etabli {

class Session;

// Chooses a contact by typing part of its name, town or postcode, accents
// and case aside, as the lists search; shows its address once chosen (two
// lines, reserved: the form below does not move). When nothing matches it
// offers to create the contact, with the role of what is being chosen.
class CustomerChooser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerChooser)

public:
    // What is being chosen: named in the hint, and the role of a contact created here.
    enum class Choosing
    {
        Customer,
        Donor,
        Funder,
        Company,
        Member,
        Contact
    };

    explicit CustomerChooser(Session& session, QWidget* parent = nullptr);
    CustomerChooser(Session& session, Choosing choosing, QWidget* parent = nullptr);
    qint64 contactId() const { return m_contactId; }
    // Shows a contact (by id), or the frozen details of an issued document.
    void setContact(qint64 contactId);
    void showFrozen(const QString& name, const QString& details);
    QLineEdit* field() const { return m_field; }
    QString detailsText() const;
    // The choices offered for what was typed (the last entry may be "Créer…").
    QStringList choices() const { return m_order; }
    // Chooses one of choices(); the creation one opens the new contact's form.
    void choose(const QString& choice);

Q_SIGNALS:
    void chosen(qint64 contactId);

private:
    void typed(const QString& text);
    void create(const QString& name);

    Session& m_session;
    Choosing m_choosing;
    qint64 m_contactId = 0;
    QHash<QString, qint64> m_choices; // -1: create
    QStringList m_order;
    QString m_typed;
    QLineEdit* m_field;
    QLabel* m_details;
};

} // namespace etabli
