#include "gui/sales/customerchooser.h"

#include "gui/common/choicecompleter.h"
#include "gui/common/session.h"
#include "gui/sales/contactdialog.h"
#include "services/contactservice.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace etabli {

namespace {

struct Wording
{
    QString hint;   // in the empty field
    QString choose; // under it, while typing
};

Wording wordingOf(CustomerChooser::Choosing choosing)
{
    using C = CustomerChooser::Choosing;
    switch (choosing) {
    case C::Customer:
        return {CustomerChooser::tr("Type the customer's name, town or postcode…"),
                CustomerChooser::tr("Choose the customer in the list, or create it.")};
    case C::Donor:
        return {CustomerChooser::tr("Type the donor's name, town or postcode…"),
                CustomerChooser::tr("Choose the donor in the list, or create it.")};
    case C::Funder:
        return {CustomerChooser::tr("Type the funder's name (Région, Département…)…"),
                CustomerChooser::tr("Choose the funder in the list, or create it.")};
    case C::Company:
        return {CustomerChooser::tr("Type the company's name or town…"),
                CustomerChooser::tr("Choose the company in the list, or create it.")};
    case C::Member:
        return {CustomerChooser::tr("Type the member's name or town…"),
                CustomerChooser::tr("Choose the member in the list, or create it.")};
    case C::Contact:
        break;
    }
    return {CustomerChooser::tr("Type a name, a town or a postcode…"),
            CustomerChooser::tr("Choose the contact in the list, or create it.")};
}

// A new contact made from a picker: the role of what was being chosen.
Contact draftOf(CustomerChooser::Choosing choosing, const QString& name)
{
    using C = CustomerChooser::Choosing;
    Contact c;
    c.name = name.trimmed();
    c.customer = choosing == C::Customer;
    c.donor = choosing == C::Donor;
    c.funder = choosing == C::Funder;
    if (choosing == C::Funder)
        c.kind = CustomerKind::Public;
    if (choosing == C::Customer || choosing == C::Donor) {
        c.person = true;
        c.kind = CustomerKind::Other;
    }
    return c;
}

} // namespace

CustomerChooser::CustomerChooser(Session& session, QWidget* parent)
    : CustomerChooser(session, Choosing::Customer, parent)
{
}

CustomerChooser::CustomerChooser(Session& session, Choosing choosing, QWidget* parent)
    : QWidget(parent), m_session(session), m_choosing(choosing), m_field(new QLineEdit(this)),
      m_details(new QLabel(this))
{
    m_field->setObjectName(QStringLiteral("customerField"));
    m_field->setPlaceholderText(wordingOf(choosing).hint);
    m_field->setClearButtonEnabled(true);
    // The database searched (accents and case aside): the list shows what it found.
    QCompleter* completer = attachChoiceCompleter(m_field, ChoiceMatch::AsSearched);
    m_details->setObjectName(QStringLiteral("customerDetails"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    // Two lines, kept: choosing does not push the next field nor grow the dialog.
    m_details->setFixedHeight(2 * m_details->fontMetrics().lineSpacing() + 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_field);
    layout->addWidget(m_details);
    setFocusProxy(m_field);
    connect(m_field, &QLineEdit::textEdited, this, &CustomerChooser::typed);
    // Once the completer has written its line in the field: the contact's name replaces it.
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this, &CustomerChooser::choose,
            Qt::QueuedConnection);
}

QString CustomerChooser::detailsText() const
{
    return m_details->text();
}

void CustomerChooser::typed(const QString& text)
{
    m_contactId = 0;
    m_typed = text.trimmed();
    m_details->setText(wordingOf(m_choosing).choose);
    m_choices.clear();
    m_order.clear();
    if (text.trimmed().isEmpty()) {
        setChoices(m_field, {});
        return;
    }
    ContactFilter f;
    f.text = text;
    const auto found =
        m_session.service<ContactService>().page(f, PageRequest{PageRequest::From::Start, {}, 0, 20, 0});
    for (const Contact& c : found ? found->rows : QList<Contact>{}) {
        const QString choice = QStringLiteral("%1 — %2").arg(
            c.displayName(), (c.postcode + QLatin1Char(' ') + c.city).trimmed());
        m_choices.insert(choice, c.id);
        m_order << choice;
    }
    const UserContext& user = m_session.user();
    if (m_order.isEmpty() && (user.can(permission::SalesWrite) || user.can(permission::TraineesWrite))) {
        const QString create = tr("Create “%1”…").arg(text.trimmed());
        m_choices.insert(create, -1);
        m_order << create;
        m_details->setText(tr("No contact matches “%1”: choose “Create” to add it.").arg(text.trimmed()));
    }
    setChoices(m_field, m_order);
    if (!m_order.isEmpty())
        m_field->completer()->complete();
}

void CustomerChooser::choose(const QString& choice)
{
    if (!m_choices.contains(choice))
        return;
    const qint64 id = m_choices.value(choice);
    if (id == -1)
        create(m_typed);
    else
        setContact(id);
}

void CustomerChooser::create(const QString& name)
{
    ContactDialog dialog(m_session, 0, this);
    dialog.setKeepOpenWhenCreated(false);
    dialog.startWith(draftOf(m_choosing, name));
    if (dialog.exec() == QDialog::Accepted && dialog.contactId() != 0) {
        setContact(dialog.contactId());
    } else {
        m_field->setText(name);
        m_field->setFocus();
    }
}

void CustomerChooser::setContact(qint64 contactId)
{
    m_contactId = 0;
    if (contactId == 0) {
        m_field->clear();
        m_details->clear();
        return;
    }
    auto c = m_session.service<ContactService>().get(contactId);
    if (!c) {
        m_details->setText(c.error().message);
        return;
    }
    m_contactId = c->id;
    m_field->setText(c->displayName());
    QString details = c->postalAddress().replace(QLatin1Char('\n'), QStringLiteral(", "));
    if (!c->siret.isEmpty())
        details += QStringLiteral(" — SIRET ") + c->siret;
    m_details->setText(details);
    m_details->setToolTip(details);
    Q_EMIT chosen(m_contactId);
}

void CustomerChooser::showFrozen(const QString& name, const QString& details)
{
    m_field->setText(name);
    const QString oneLine = QString(details).replace(QLatin1Char('\n'), QStringLiteral(", "));
    m_details->setText(oneLine);
    m_details->setToolTip(oneLine);
}

} // namespace etabli
