#include "support/testenv.h"

#include "util/logging.h"
#include "util/translations.h"

#include <QCoreApplication>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

namespace etabli::test {

namespace {
std::unique_ptr<QTemporaryDir> g_root;
}

void setUp(QCoreApplication& app)
{
    QCoreApplication::setOrganizationName(QStringLiteral("EtabliTests"));
    QCoreApplication::setApplicationName(QStringLiteral("etabli-tests"));
    QStandardPaths::setTestModeEnabled(true);
    g_root = std::make_unique<QTemporaryDir>();
    translations::install(app, QLocale::French);
    logging::init(g_root->filePath(QStringLiteral("log")), logging::Level::Info);
}

void tearDown()
{
    logging::shutdown();
    g_root.reset();
}

QString tempRoot()
{
    return g_root ? g_root->path() : QString();
}

} // namespace etabli::test
