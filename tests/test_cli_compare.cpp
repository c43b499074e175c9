// `showwork compare` end to end: the JSON fields, a solve, the floating side chosen by --number,
// and bad usage.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.hpp"

using showwork::testing::Run;
using Json = nlohmann::json;

static Run showwork_run(std::vector<std::string> args) {
    return showwork::testing::run_program(SHOWWORK_PROGRAM, args);
}

static Json json_result(const Run& r) {
    REQUIRE(r.status == 0);
    REQUIRE(r.err.empty());
    return Json::parse(r.out)["result"];
}

const std::string hilbert_3 = "1 1/2 1/3; 1/2 1/3 1/4; 1/3 1/4 1/5";

TEST_CASE("compare inverse of H_3 as JSON: every field, κ∞ = 748") {
    Json result = json_result(showwork_run({"compare", "inverse", hilbert_3, "--format", "json"}));
    for (const char* field : {"exact", "floating", "max_error", "relative_error", "residual", "condition_number",
                              "digits_lost", "rank_exact", "rank_floating", "pivot", "first_difference"}) {
        CAPTURE(field);
        CHECK(result.contains(field));
    }
    CHECK(result["condition_number"] == "748");
    CHECK(result["digits_lost"] == "2.9");
    CHECK(result["rank_exact"] == "3");
    CHECK(result["rank_floating"] == "3");
    CHECK(result["pivot"] == "partial");
    CHECK(result["exact"]["entries"][1][1] == "192");
    CHECK(result["floating"]["rows"] == 3);
    CHECK(result["max_error"] != "0");
}

TEST_CASE("compare solve: the notes' system is solved exactly in double too") {
    Run r = showwork_run({"compare", "solve", "2 3 6; 4 5 10", "--augment", "1", "--format", "json"});
    Json result = json_result(r);
    CHECK(Json::parse(r.out)["number"] == "double");
    CHECK(result["exact"]["entries"] == Json::parse(R"([["0"], ["2"]])"));
    CHECK(result["max_error"] == "0");
    CHECK(result["residual"] == "0");
    CHECK(result["condition_number"] == "36");  // ‖A‖∞ = 9, ‖A⁻¹‖∞ = 4
    CHECK(result["first_difference"] == "none");
}

TEST_CASE("compare with float50 and a wrong rank in double") {
    const std::string dependent = "1/2 1/3 1/11; 1/5 1/7 1/2; 7/15 11/35 79/330";
    Json d = json_result(showwork_run({"compare", "rank", dependent, "--format", "json", "--no-steps"}));
    CHECK(d["rank_exact"] == "2");
    CHECK(d["rank_floating"] == "3");
    CHECK(d["condition_number"] == "infinite: the matrix is singular");
    CHECK(d["first_difference"].get<std::string>().rfind("Step 3, column 3:", 0) == 0);
    Json f = json_result(showwork_run({"compare", "rank", dependent, "--number", "float50", "--format", "json"}));
    CHECK(f["rank_floating"] == "2");
    CHECK(f["first_difference"] == "none");
}

TEST_CASE("compare prints the derivation of both sides as text") {
    Run r = showwork_run({"compare", "inverse", hilbert_3});
    CHECK(r.status == 0);
    CHECK(r.out.find("748") != std::string::npos);
    CHECK(r.out.find("Exactly, over the rationals") != std::string::npos);
    CHECK(r.out.find("In floating point (double") != std::string::npos);
}

TEST_CASE("compare: bad usage is status 2, a shape that does not fit status 1") {
    Run exact = showwork_run({"compare", "inverse", hilbert_3, "--number", "exact"});
    CHECK(exact.status == 2);
    CHECK(exact.out.empty());
    CHECK(exact.err ==
          "showwork: error: compare runs the exact side itself: --number chooses the floating side, double or "
          "float50, not exact\n");
    Run unknown = showwork_run({"compare", "lu", "1 2; 3 4"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err == "showwork: error: unknown operation 'lu' to compare: choose inverse, solve, rref, rank or det\n");
    Run augment = showwork_run({"compare", "solve", "1 2; 3 4", "--augment", "7"});
    CHECK(augment.status == 2);
    CHECK(augment.err == "showwork: error: --augment must be a whole number from 0 to 1 for a 2×2 matrix, not '7'\n");
    Run pivot = showwork_run({"compare", "rank", "1 2; 3 4", "--pivot", "complete"});
    CHECK(pivot.status == 2);
    CHECK(pivot.err.find("complete") != std::string::npos);
    Run square = showwork_run({"compare", "inverse", "1 2 3; 4 5 6"});
    CHECK(square.status == 1);
    CHECK(square.err == "showwork: error: the inverse needs a square matrix, not a 2×3 one\n");
    Run missing = showwork_run({"compare", "inverse"});
    CHECK(missing.status == 2);
    Run help = showwork_run({"help", "compare"});
    CHECK(help.status == 0);
    CHECK(help.out.find("showwork compare inverse") != std::string::npos);
}
