#pragma once

// The school demo opened in a GUI Session, logged in as one of its accounts,
// on the demo's reference day (27 November 2026) at a fixed hour.

#include "gui/common/session.h"
#include "services/demogenerator.h"
#include "support/testdatabase.h"
#include "util/clock.h"

#include <catch2/catch.hpp>

namespace etabli::test {

inline const QDate kDemoToday(2026, 11, 27);

struct GuiDemo
{
    TestDatabase t;
    Session session;

    explicit GuiDemo(const char* login, int hour = 15)
    {
        DemoGenerator::Options o;
        o.referenceDate = kDemoToday;
        REQUIRE(DemoGenerator(t.db(), o).run());
        t.close();
        auto db = t.reopen();
        REQUIRE(db);
        session.setClock(std::make_unique<FixedClock>(QDateTime(kDemoToday, QTime(hour, 0), Qt::UTC)));
        session.setDatabase(std::move(*db));
        session.setUser(logIn(session.database(), QString::fromLatin1(login), DemoGenerator::demoPassword()));
    }
};

} // namespace etabli::test
