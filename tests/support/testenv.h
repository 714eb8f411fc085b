#pragma once

#include "support/catchqt.h"

#include <QDate>
#include <QList>

class QCoreApplication;
class QString;
class QTranslator;

namespace etabli::test {

// Per-process test environment: QStandardPaths test mode, French
// translations (the users' language, and the messages tests check), logging
// into a temporary folder, passwords hashed at Argon2's minimum cost (what
// the application uses is tried by the tests that hold an ApplicationHashCost).
void setUp(QCoreApplication& app);

// "Today" for the tests that fix the clock: a Friday.
inline const QDate kToday{2026, 11, 27};
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

// The application's password hashing cost while it lives (the timing of a
// refused login, a hash's parameters), the tests' cheap one after.
class ApplicationHashCost
{
public:
    ApplicationHashCost();
    ~ApplicationHashCost();
    ApplicationHashCost(const ApplicationHashCost&) = delete;
    ApplicationHashCost& operator=(const ApplicationHashCost&) = delete;
};

} // namespace etabli::test
