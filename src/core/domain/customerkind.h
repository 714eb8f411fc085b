#pragma once

#include "domain/codes.h"

#include <QString>

namespace etabli {

// Who a customer is: a private person or a kind of organisation. The
// directory stores a person as a flag (its kind column says "other"); an
// invoice freezes the kind its customer had when it was issued.
enum class CustomerKind
{
    Person,
    Company,
    Public,
    Association,
    Other,
};

template <> struct Codes<CustomerKind>
{
    static constexpr CodeEntry<CustomerKind> entries[] = {
        {CustomerKind::Person, "person", QT_TRANSLATE_NOOP("etabli::Codes", "Private person")},
        {CustomerKind::Company, "company", QT_TRANSLATE_NOOP("etabli::Codes", "Company")},
        {CustomerKind::Public, "public", QT_TRANSLATE_NOOP("etabli::Codes", "Public body")},
        {CustomerKind::Association, "association", QT_TRANSLATE_NOOP("etabli::Codes", "Association")},
        {CustomerKind::Other, "other", QT_TRANSLATE_NOOP("etabli::Codes", "Other organisation")},
    };
};

// A contact's name as the directory shows it: an organisation's name, or a
// person's last name then first name ("Faivre Monique").
inline QString contactDisplayName(const QString& name, const QString& firstName, bool person)
{
    return person && !firstName.isEmpty() ? name + QLatin1Char(' ') + firstName : name;
}

} // namespace etabli
