#pragma once

#include "domain/user.h"
#include "util/error.h"

#include <QCoreApplication>

namespace etabli {

// The one access-control point: services call it before reading sensitive
// data or writing anything; a refusal writes nothing.
class AccessControl
{
    Q_DECLARE_TR_FUNCTIONS(AccessControl)

public:
    static Status require(const UserContext& user, const QString& permission);
    // For trainers, the permission holds only in their own sections.
    static Status requireInSection(const UserContext& user, const QString& permission, qint64 sectionId);

    // What the permission allows, in French, for messages and the GUI.
    static QString describe(const QString& permission);
};

} // namespace etabli
