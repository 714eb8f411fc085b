// Catch2's implementation, compiled once for every test program: the
// program's main() (main_core.cpp, main_gui.cpp) calls runCatch().
#define CATCH_CONFIG_RUNNER
#include "support/catchrunner.h"

#include <catch2/catch.hpp>

namespace etabli::test {

int runCatch(int argc, char* argv[])
{
    Catch::Session session;
    if (int rc = session.applyCommandLine(argc, argv); rc != 0)
        return rc;
    // A name that matches no test is a failure, not a silent pass: ctest
    // runs each test by its name (a ';' in a name once split it in two and
    // the halves ran nothing).
    session.configData().warnings =
        static_cast<Catch::WarnAbout::What>(session.configData().warnings | Catch::WarnAbout::NoTests);
    return session.run();
}

} // namespace etabli::test
