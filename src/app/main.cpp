#include "gui/shell/startup.h"
#include "io/files.h"

#include <QApplication>
#include <QIcon>

int main(int argc, char* argv[])
{
    etabli::files::keepNewFilesPrivate(); // the school's data: files for their owner only
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Etabli"));
    QApplication::setApplicationName(QStringLiteral("etabli"));
    QApplication::setApplicationDisplayName(QStringLiteral("Établi"));
    QApplication::setApplicationVersion(QStringLiteral(ETABLI_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/etabli.svg")));
    return etabli::Startup::run(app);
}
