#include "cli/clicommands.h"
#include "util/appsettings.h"
#include "util/logging.h"
#include "util/translations.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Etabli"));
    QCoreApplication::setApplicationName(QStringLiteral("etabli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ETABLI_VERSION));
    etabli::translations::install(app, etabli::translations::resolve(etabli::AppSettings().language()));

    QTextStream out(stdout);
    QTextStream err(stderr);
    etabli::cli::Commands commands(out, err);
    const int rc = commands.run(QCoreApplication::arguments());
    out.flush();
    err.flush();
    etabli::logging::shutdown();
    return rc;
}
