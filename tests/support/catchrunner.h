#pragma once

namespace etabli::test {

// Runs the test cases named on the command line (Catch2's own options).
int runCatch(int argc, char* argv[]);

} // namespace etabli::test
