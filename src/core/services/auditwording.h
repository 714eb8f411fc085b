#pragma once

#include "domain/audit.h"

#include <optional>
#include <QCoreApplication>
#include <QString>
#include <QVariant>

namespace etabli {

// The audit trail and the personal-data export in their reader's words
// (issue 18, item 14): an element and a field as the forms name them, a
// value as the forms show it (600 000,00 €, 12/03/2011, accordée), and
// nothing internal: no record ids, versions, search keys or hashes, and a
// personal value's digest only as "masked".
class AuditWording
{
    Q_DECLARE_TR_FUNCTIONS(AuditWording)

public:
    // "Montant accordé"; a field without a label keeps its name.
    static QString fieldLabel(const QString& field);
    // Ids, versions, search keys, hashes: not shown to a reader.
    static bool isInternal(const QString& field);
    // A reference to another record (contact_id…): shown as changed, not by its number.
    static bool isReference(const QString& field);
    // The value as the form of `entity` shows it (none: as any form shows it).
    static QString value(std::optional<AuditEntity> entity, const QString& field, const QVariant& value);
    // A row's changes in a sentence:
    // "Montant accordé : 0,00 € → 600 000,00 € ; Statut : Demandée → Accordée".
    static QString changes(std::optional<AuditEntity> entity, const QString& json);
};

} // namespace etabli
