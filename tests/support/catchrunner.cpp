// Catch2's implementation, compiled once for every test program: the
// program's main() (main_core.cpp, main_gui.cpp) calls runCatch().
#define CATCH_CONFIG_RUNNER
#include "support/catchrunner.h"

#include <catch2/catch.hpp>

namespace etabli::test {

int runCatch(int argc, char* argv[])
{
    return Catch::Session().run(argc, argv);
}

} // namespace etabli::test
