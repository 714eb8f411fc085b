#ifdef ETABLI_TEST_APPLICATION_FILTERS
#include "gui/common/wheelguard.h"
#endif
#include "support/catchrunner.h"
#include "support/testenv.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    // GUI tests drive real widgets without a screen, also when ctest lists
    // them (test discovery runs outside the tests' ENVIRONMENT): an
    // offscreen screen of the office's laptop, 1366×768
    // (support/laptop-screen.json).
    if (qEnvironmentVariableIsEmpty("ETABLI_TEST_ON_SCREEN"))
        qputenv("QT_QPA_PLATFORM", QByteArray("offscreen:configfile=") + ETABLI_TEST_SCREEN_CONFIG);
    QApplication app(argc, argv);
    etabli::test::setUp(app);
#ifdef ETABLI_TEST_APPLICATION_FILTERS
    etabli::installWheelGuard(app);
#endif
    const int rc = etabli::test::runCatch(argc, argv);
    etabli::test::tearDown();
    return rc;
}
