#include "support/catchrunner.h"
#include "support/testenv.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    etabli::test::setUp(app);
    const int rc = etabli::test::runCatch(argc, argv);
    etabli::test::tearDown();
    return rc;
}
