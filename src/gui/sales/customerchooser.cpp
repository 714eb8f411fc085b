#include "gui/sales/customerchooser.h"

#include "gui/common/session.h"
#include "services/contactservice.h"

#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QVBoxLayout>

namespace etabli {

CustomerChooser::CustomerChooser(Session& session, QWidget* parent)
    : QWidget(parent), m_session(session), m_field(new QLineEdit(this)), m_details(new QLabel(this))
{
    m_field->setObjectName(QStringLiteral("customerField"));
    m_field->setPlaceholderText(tr("Type a name, a town…"));
    auto* completer = new QCompleter(this);
    completer->setModel(new QStringListModel(completer));
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_field->setCompleter(completer);
    m_details->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_field);
    layout->addWidget(m_details);
    setFocusProxy(m_field);
    connect(m_field, &QLineEdit::textEdited, this, &CustomerChooser::typed);
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this,
            [this](const QString& choice) {
                if (m_choices.contains(choice))
                    setContact(m_choices.value(choice));
            });
}

void CustomerChooser::typed(const QString& text)
{
    m_contactId = 0;
    m_details->setText(tr("Choose the customer in the list (or create it in Customers)."));
    m_choices.clear();
    QStringList choices;
    ContactFilter f;
    f.text = text;
    for (const Contact& c : ContactService(m_session.database(), m_session.clock(), m_session.user())
                                .list(f, 20, 0)
                                .value_or(QList<Contact>{})) {
        const QString choice = QStringLiteral("%1 — %2").arg(
            c.displayName(), (c.postcode + QLatin1Char(' ') + c.city).trimmed());
        m_choices.insert(choice, c.id);
        choices << choice;
    }
    if (auto* model = qobject_cast<QStringListModel*>(m_field->completer()->model()))
        model->setStringList(choices);
}

void CustomerChooser::setContact(qint64 contactId)
{
    m_contactId = 0;
    if (contactId == 0) {
        m_field->clear();
        m_details->clear();
        return;
    }
    auto c = ContactService(m_session.database(), m_session.clock(), m_session.user()).get(contactId);
    if (!c) {
        m_details->setText(c.error().message);
        return;
    }
    m_contactId = c->id;
    m_field->setText(c->displayName());
    m_details->setText(c->postalAddress() +
                       (c->siret.isEmpty() ? QString() : QStringLiteral("\nSIRET ") + c->siret));
    Q_EMIT chosen(m_contactId);
}

void CustomerChooser::showFrozen(const QString& name, const QString& details)
{
    m_field->setText(name);
    m_details->setText(details);
}

} // namespace etabli
