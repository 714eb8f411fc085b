#define CATCH_CONFIG_RUNNER
#include "support/testenv.h"

#include <QApplication>

#include <catch2/catch.hpp>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    etabli::test::setUp(app);
    const int rc = Catch::Session().run(argc, argv);
    etabli::test::tearDown();
    return rc;
}
