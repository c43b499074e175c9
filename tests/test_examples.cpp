// The worked examples, each run as its own test (suite `examples`): it exits with status 0 and
// prints its work, and where it has a golden file (notes 000's system and echelon forms) it
// prints exactly that. tests/meson.build names the program in SHOWWORK_EXAMPLE and its golden
// file, if any, in SHOWWORK_GOLDEN; SHOWWORK_UPDATE_GOLDEN=1 rewrites the golden file.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "golden.hpp"
#include "process.hpp"

namespace test_examples {  // this file's names, apart from the other suites' in the unity build

namespace {

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

TEST_CASE("the example runs: exit status 0, its work on standard output, nothing on standard error") {
    std::string program = environment("SHOWWORK_EXAMPLE");
    REQUIRE_MESSAGE(!program.empty(), "SHOWWORK_EXAMPLE names no example (set in tests/meson.build)");
    CAPTURE(program);
    showwork::testing::Run run = showwork::testing::run_program(program, {});
    CHECK(run.status == 0);
    CHECK(!run.out.empty());
    CHECK(run.err.empty());
    std::string golden = environment("SHOWWORK_GOLDEN");
    if (!golden.empty()) showwork::testing::check_golden(golden, run.out);
}

}  // namespace test_examples
