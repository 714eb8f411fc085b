#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace etabli {

class Session;

// Chooses a contact by typing part of its name, town or postcode; shows its
// address once chosen.
class CustomerChooser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerChooser)

public:
    explicit CustomerChooser(Session& session, QWidget* parent = nullptr);
    qint64 contactId() const { return m_contactId; }
    // Shows a contact (by id), or the frozen details of an issued document.
    void setContact(qint64 contactId);
    void showFrozen(const QString& name, const QString& details);
    QLineEdit* field() const { return m_field; }

Q_SIGNALS:
    void chosen(qint64 contactId);

private:
    void typed(const QString& text);

    Session& m_session;
    qint64 m_contactId = 0;
    QHash<QString, qint64> m_choices;
    QLineEdit* m_field;
    QLabel* m_details;
};

} // namespace etabli
