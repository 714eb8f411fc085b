#include "support/testenv.h"

#include "services/passwordhasher.h"
#include "util/logging.h"
#include "util/translations.h"

#include <memory>
#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>

namespace etabli::test {

namespace {
std::unique_ptr<QTemporaryDir> g_root;
}

void setUp(QCoreApplication& app)
{
    QCoreApplication::setOrganizationName(QStringLiteral("EtabliTests"));
    QCoreApplication::setApplicationName(QStringLiteral("etabli-tests"));
    g_root = std::make_unique<QTemporaryDir>();
    // Each test process has a home of its own: the standard paths' test
    // folders (~/.qttest) are then never shared by tests running side by side.
    qputenv("HOME", QFile::encodeName(g_root->filePath(QStringLiteral("home"))));
    QStandardPaths::setTestModeEnabled(true);
    // ETABLI_TEST_KEEP=1 keeps the files the tests wrote (PDFs to look at…).
    if (!qEnvironmentVariableIsEmpty("ETABLI_TEST_KEEP")) {
        g_root->setAutoRemove(false);
        qInfo("test files kept in %s", qPrintable(g_root->path()));
    }
    PasswordHasher::setCostForTests(PasswordHasher::Cost::Minimum);
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

InEnglish::InEnglish()
{
    for (QTranslator* t : QCoreApplication::instance()->findChildren<QTranslator*>())
        if (QCoreApplication::removeTranslator(t))
            m_removed << t;
}

InEnglish::~InEnglish()
{
    for (QTranslator* t : std::as_const(m_removed))
        QCoreApplication::installTranslator(t);
}

ApplicationHashCost::ApplicationHashCost()
{
    PasswordHasher::setCostForTests(PasswordHasher::Cost::Interactive);
}

ApplicationHashCost::~ApplicationHashCost()
{
    PasswordHasher::setCostForTests(PasswordHasher::Cost::Minimum);
}

} // namespace etabli::test
