#pragma once

#include "support/catchqt.h"

#include <QList>

class QCoreApplication;
class QString;
class QTranslator;

namespace etabli::test {

// Per-process test environment: QStandardPaths test mode, French
// translations (the users' language, and the messages tests check), logging
// into a temporary folder.
void setUp(QCoreApplication& app);
void tearDown();
QString tempRoot();

// The interface in English while it lives: the French catalogues taken off,
// put back when it ends (as the application does for "English").
class InEnglish
{
public:
    InEnglish();
    ~InEnglish();
    InEnglish(const InEnglish&) = delete;
    InEnglish& operator=(const InEnglish&) = delete;

private:
    QList<QTranslator*> m_removed;
};

} // namespace etabli::test
