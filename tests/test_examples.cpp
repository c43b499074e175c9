// The worked examples, each run as its own test (suite `examples`), in every format: each run
// exits with status 0, prints its document and nothing on standard error, and prints exactly its
// golden file (tests/golden/examples/NAME.txt, .latex.tex, .md, .json, .tex); the JSON parses and
// the document compiles with pdflatex; an unknown format is refused with status 2.
// tests/meson.build names the program in SHOWWORK_EXAMPLE and the example in
// SHOWWORK_EXAMPLE_NAME; SHOWWORK_UPDATE_GOLDEN=1 rewrites the golden files.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "golden.hpp"
#include "pdflatex.hpp"
#include "process.hpp"

namespace test_examples {  // this file's names, apart from the other suites' in the unity build

namespace {

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    REQUIRE_MESSAGE(value != nullptr, name << " is not set (tests/meson.build sets it)");
    return value;
}

struct Format {
    const char* name;
    const char* extension;  // of its golden file
};
constexpr Format formats[] = {
    {"text", ".txt"}, {"latex", ".latex.tex"}, {"markdown", ".md"}, {"json", ".json"}, {"document", ".tex"}};

// The example run with one argument; each format is run once, whichever test case asks first.
const showwork::testing::Run& run_in(const std::string& format) {
    static std::map<std::string, showwork::testing::Run> runs;
    auto found = runs.find(format);
    if (found == runs.end())
        found = runs.emplace(format, showwork::testing::run_program(environment("SHOWWORK_EXAMPLE"), {format})).first;
    return found->second;
}

}  // namespace

TEST_CASE("the example prints its golden document in every format") {
    const std::string name = environment("SHOWWORK_EXAMPLE_NAME");
    for (const Format& format : formats) {
        CAPTURE(format.name);
        const showwork::testing::Run& run = run_in(format.name);
        CHECK(run.status == 0);
        CHECK(!run.out.empty());
        CHECK(run.err.empty());
        showwork::testing::check_golden("examples/" + name + format.extension, run.out);
        if (std::string(format.name) == "json") CHECK(nlohmann::json::accept(run.out));
    }
}

TEST_CASE("the example's document compiles with pdflatex" *
          doctest::skip(showwork::testing::skip_pdflatex_tests())) {
    const showwork::testing::Run& run = run_in("document");
    REQUIRE(run.status == 0);
    showwork::testing::Compiled pdf =
        showwork::testing::compile_with_pdflatex("example-" + environment("SHOWWORK_EXAMPLE_NAME"), run.out);
    INFO(showwork::testing::first_error(pdf.log));
    CHECK(pdf.status == 0);
    CHECK(pdf.pdf);
}

TEST_CASE("the example refuses an unknown format: status 2, one line naming it") {
    const showwork::testing::Run& run = run_in("nonsense");
    CHECK(run.status == 2);
    CHECK(run.out.empty());
    CHECK(run.err.find("nonsense") != std::string::npos);
    CHECK(run.err.find("usage:") != std::string::npos);
}

}  // namespace test_examples
