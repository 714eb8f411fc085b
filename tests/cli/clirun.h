#pragma once

// Runs the real etabli-cli for the CLI tests, on copies of the run's demo.

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVariantList>

namespace etabli::test {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

// etabli-cli with `args`, its own XDG folders, no ETABLI_DATABASE; `extra` adds to the environment.
Run cli(const QStringList& args, const QProcessEnvironment& extra = {});

// The first row of a query on a database file, read outside the CLI (to
// find what to ask it, or to check what it wrote).
QVariantList firstRow(const QString& file, const QString& sql);

// The school demo of 27 November 2026 in `dir`: a copy of the run's shared
// demo (support/democache.h), what `etabli-cli demo --today 2026-11-27`
// writes. The demo command itself is tested on each backend.
QString schoolDemo(const QTemporaryDir& dir, const QString& name = QStringLiteral("ecole.sqlite"));

// ETABLI_PASSWORD set to the demo accounts' password.
QProcessEnvironment demoPassword();

} // namespace etabli::test
