#include "cli/clicommands.h"
#include "io/files.h"
#include "util/appsettings.h"
#include "util/logging.h"
#include "util/translations.h"

#include <cstdio>
#include <memory>
#include <QApplication>
#include <QCoreApplication>

int main(int argc, char* argv[])
{
    etabli::files::keepNewFilesPrivate(); // the school's data: files for their owner only
    // Printing lays documents out with Qt Gui (fonts, PDF writer) and draws
    // the reports' charts with Qt Charts (graphics items, hence
    // QApplication), without a screen; every other command stays a plain
    // console program.
    const bool printing =
        argc > 1 && (qstrcmp(argv[1], "print") == 0 || qstrcmp(argv[1], "report") == 0 ||
                     qstrcmp(argv[1], "archive") == 0 ||
                     (qstrcmp(argv[1], "export") == 0 && argc > 2 && qstrcmp(argv[2], "facturx") == 0));
    if (printing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application = printing ? std::make_unique<QApplication>(argc, argv)
                                                             : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication& app = *application;
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
