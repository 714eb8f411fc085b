#pragma once

// The school demo opened in a GUI Session, logged in as one of its accounts,
// on the demo's reference day (27 November 2026) at a fixed hour. The demo is
// a copy of the one generated once per run (support/democache.h).

#include "gui/common/session.h"
#include "services/demogenerator.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

namespace etabli::test {

inline const QDate kDemoToday = kDemoReferenceDay;

struct GuiDemo
{
    TestDatabase t;
    Session session;

    explicit GuiDemo(const char* login, int hour = 15, const DemoSpec& spec = DemoSpec::school())
        : t("sqlite", spec)
    {
        auto db = t.reopen();
        REQUIRE(db);
        session.setClock(std::make_unique<FixedClock>(QDateTime(kDemoToday, QTime(hour, 0), Qt::UTC)));
        session.setDatabase(std::move(*db));
        session.setUser(logIn(session.database(), QString::fromLatin1(login), DemoGenerator::demoPassword()));
    }
};

} // namespace etabli::test
