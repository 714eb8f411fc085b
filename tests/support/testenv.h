#pragma once

#include "support/catchqt.h"

class QCoreApplication;
class QString;

namespace etabli::test {

// Per-process test environment: QStandardPaths test mode, French
// translations (the users' language, and the messages tests check), logging
// into a temporary folder.
void setUp(QCoreApplication& app);
void tearDown();
QString tempRoot();

} // namespace etabli::test
