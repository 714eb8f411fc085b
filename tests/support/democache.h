#pragma once

// The demo databases the tests start from, generated once and shared.
//
// Generating the school demo takes tens of seconds under the sanitizers;
// copying a file takes milliseconds. So a demo is generated once, into the
// test cache folder, under a lock so
// that tests running side by side wait for the first one instead of
// generating it again. Each test then gets its own copy: a file copy on
// SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL. The folder is
// ETABLI_TEST_CACHE when set, else the build's `test-cache` (scripts/test.sh
// empties it before each run).
//
// The cache is keyed by the demo's options, the schema version and the
// generator's code (the size and time of the etabli_core library the tests
// were linked with): a rebuilt generator makes a new demo.

#include "services/demogenerator.h"

#include <QDate>
#include <QString>

namespace etabli {
struct DatabaseLocation;
}

namespace etabli::test {

// The demo's reference day in tests: 27 November 2026.
inline const QDate kDemoReferenceDay(2026, 11, 27);

// Which demo: the school demo of the reference day unless told otherwise.
struct DemoSpec
{
    DemoGenerator::Scale scale = DemoGenerator::Scale::School;
    std::uint64_t seed = 2011;
    QDate referenceDate = kDemoReferenceDay;
    bool productionLog = true;
    int federationOrders = 3000; // a million in tests/bench

    static DemoSpec school() { return {}; }
    // The federation's lists at a size tests can afford: 40 sections, a few
    // thousand orders, no production log (tests/bench measures it at scale).
    static DemoSpec federation();

    DemoGenerator::Options options() const;
    // The cache's key: options, schema version, generator build.
    QString key() const;
};

// The generated demo's summary, as the generator returned it.
DemoGenerator::Summary demoSummary(const DemoSpec& spec = {});

// The path of the cached SQLite demo (generated on first use); read-only for
// tests: copy it, never open it.
QString cachedDemoFile(const DemoSpec& spec = {});
// Copies the cached demo to a new SQLite file at `path` (owner-only).
void copyDemoTo(const DemoSpec& spec, const QString& path);
// The name of the PostgreSQL template database holding the demo on the test
// server (created on first use).
QString demoTemplateDatabase(const DemoSpec& spec, const DatabaseLocation& server);

} // namespace etabli::test
