// Golden files: expected renderer output kept in tests/golden/ and compared exactly.
// SHOWWORK_UPDATE_GOLDEN=1 rewrites them from the current output (review the diff by eye).
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#ifndef GOLDEN_DIR
#error "GOLDEN_DIR must name tests/golden (set in tests/meson.build)"
#endif

namespace showwork::testing {

inline void check_golden(const std::string& name, const std::string& actual) {
    std::string path = std::string(GOLDEN_DIR) + "/" + name;
    const char* update = std::getenv("SHOWWORK_UPDATE_GOLDEN");
    if (update != nullptr && std::string(update) == "1") {
        std::ofstream(path, std::ios::binary) << actual;
        MESSAGE("rewrote golden file " << path);
        return;
    }
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "missing golden file " << path << " (SHOWWORK_UPDATE_GOLDEN=1 writes it)");
    std::stringstream expected;
    expected << in.rdbuf();
    INFO("golden file " << path);
    CHECK(actual == expected.str());
}

}  // namespace showwork::testing
