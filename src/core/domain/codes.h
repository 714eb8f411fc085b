#pragma once

#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace etabli {

// A value of a closed set (an invoice's status, a payment method…), with
// the code the database stores for it — those never change: they are in
// every school's file — and its label, in English in the sources and in
// French through the translations (context "etabli::Codes"). Each set
// specialises Codes<E> with its table, in one place in src/core/domain;
// services, print and GUI compare the enum values, never the codes, and
// show labelOf(value).
// A label and, when one English word must become two French ones (a quote
// "Refusé", a subsidy "Refusée"), what tells them apart.
struct CodeLabel
{
    const char* source;
    const char* disambiguation = nullptr;
};

template <class E> struct CodeEntry
{
    E value;
    const char* code;
    // QT_TRANSLATE_NOOP("etabli::Codes", …), or QT_TRANSLATE_NOOP3 with its disambiguation.
    CodeLabel label;
};

// Codes<E>::entries: one CodeEntry per value, in the order lists offer them.
template <class E> struct Codes;

template <class E> QString codeOf(E value)
{
    for (const CodeEntry<E>& e : Codes<E>::entries)
        if (e.value == value)
            return QLatin1String(e.code);
    return {};
}

// The code of a value that may be none (empty then: NULL or "" in storage).
template <class E> QString codeOf(const std::optional<E>& value)
{
    return value ? codeOf(*value) : QString();
}

// The value stored as `code`; none for a code this version does not know.
template <class E> std::optional<E> fromCode(const QString& code)
{
    for (const CodeEntry<E>& e : Codes<E>::entries)
        if (code == QLatin1String(e.code))
            return e.value;
    return std::nullopt;
}

// The value stored as `code`, or `otherwise` for one this version does not know.
template <class E> E fromCode(const QString& code, E otherwise)
{
    return fromCode<E>(code).value_or(otherwise);
}

template <class E> QString labelOf(E value)
{
    for (const CodeEntry<E>& e : Codes<E>::entries)
        if (e.value == value)
            return QCoreApplication::translate("etabli::Codes", e.label.source, e.label.disambiguation);
    return {};
}

// The label of a stored code; the code itself when this version does not know it.
template <class E> QString labelOfCode(const QString& code)
{
    const std::optional<E> value = fromCode<E>(code);
    return value ? labelOf(*value) : code;
}

// Every value, in the order lists offer them.
template <class E> QList<E> allOf()
{
    QList<E> out;
    for (const CodeEntry<E>& e : Codes<E>::entries)
        out << e.value;
    return out;
}

} // namespace etabli
