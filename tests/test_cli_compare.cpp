// `showwork compare` end to end: the JSON fields, a solve, the floating side chosen by --number,
// and bad usage.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.hpp"

namespace test_cli_compare {  // this file's names, apart from the other suites' in the unity build

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
    CHECK(result["rank_exact"] == 3);
    CHECK(result["rank_floating"] == 3);
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
    CHECK(d["rank_exact"] == 2);
    CHECK(d["rank_floating"] == 3);
    CHECK(d["condition_number"] == "infinite: the matrix is singular");
    CHECK(d["first_difference"].get<std::string>().rfind("Step 3, column 3:", 0) == 0);
    Json f = json_result(showwork_run({"compare", "rank", dependent, "--number", "float50", "--format", "json"}));
    CHECK(f["rank_floating"] == 2);
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
    CHECK(unknown.err == "showwork: error: unknown operation 'lu' to compare: choose inverse, solve, rref, rank, det or "
                         "regress\n");
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

TEST_CASE("compare: an entry double cannot hold is status 2 naming it; an overflowing result fails the floating side") {
    Run big = showwork_run({"compare", "det", "1e400 1; 1 1"});
    CHECK(big.status == 2);
    CHECK(big.out.empty());
    CHECK(big.err == "showwork: error: row 1, column 1: 1e400 is beyond the range of double (its largest is about "
                     "1.8e+308), and compare reads A in double for its floating side; --number float50 holds it\n");
    Run tiny = showwork_run({"compare", "rref", "1 1e-400; 1 1"});
    CHECK(tiny.status == 2);
    CHECK(tiny.err.starts_with("showwork: error: row 1, column 2: 1e-400 is so close to 0 that double rounds it to 0"));
    // the same matrix, and det --number double, agree that it is bad input
    CHECK(showwork_run({"det", "1e400 1; 1 1", "--number", "double"}).status == 2);
    Json wide = json_result(showwork_run({"compare", "det", "1e400 1; 1 1", "--number", "float50", "--format", "json"}));
    CHECK(wide["rank_exact"] == 2);
    // 10²⁰⁰ · 10²⁰⁰ overflows: the floating side fails, the exact side stands, status 0
    Json over = json_result(showwork_run({"compare", "det", "1e200 0; 0 1e200", "--format", "json", "--no-steps"}));
    CHECK(over["exact"] == "1" + std::string(400, '0'));
    CHECK(over["floating"] == "fails: the determinant is inf in double: an overflow, past the largest double (about 1.8e+308)");
}

TEST_CASE("a floating result that is not a number is never written: status 1, naming the result") {
    Run det = showwork_run({"det", "1e200 0; 0 1e200", "--number", "double"});
    CHECK(det.status == 1);
    CHECK(det.out.empty());
    CHECK(det.err == "showwork: error: the result determinant is inf in double: an overflow, past the largest double "
                     "(about 1.8e+308); --number float50 has a far wider range, and --number exact has no limit\n");
    Run product = showwork_run({"multiply", "1e200 1; 0 1", "1e200 0; 0 1", "--number", "double", "--no-steps"});
    CHECK(product.status == 1);
    CHECK(product.err.starts_with("showwork: error: the result, entry (1, 1), is inf in double: an overflow"));
    CHECK(showwork_run({"det", "1e200 0; 0 1e200", "--number", "float50", "--no-steps"}).status == 0);
}

const std::string line_csv = "x, y\n1, 2\n2, 4\n3, 5\n4, 4\n5, 5\n";

TEST_CASE("compare regress as JSON: the exact fit, both floating fits, digits kept, κ(X) and κ(XᵀX)") {
    Run r = showwork::testing::run_program(SHOWWORK_PROGRAM, {"compare", "regress", "-", "--format", "json"}, line_csv);
    Json result = json_result(r);
    for (const char* field : {"parameters", "exact", "normal", "qr", "digits_normal", "digits_qr", "fewest_digits_normal",
                              "fewest_digits_qr", "full_digits", "condition_X", "condition_XtX"}) {
        CAPTURE(field);
        CHECK(result.contains(field));
    }
    CHECK(result["parameters"] == "(Intercept), x");
    CHECK(result["exact"]["entries"] == Json::parse(R"([["11/5"], ["3/5"]])"));
    CHECK(result["full_digits"] == "15.95");
    CHECK(std::stod(result["fewest_digits_qr"].get<std::string>()) >= 14);
    CHECK(result["digits_qr"]["rows"] == 2);
    const double kappa = std::stod(result["condition_X"].get<std::string>());
    const double kappa2 = std::stod(result["condition_XtX"].get<std::string>());
    CHECK(kappa2 == doctest::Approx(kappa * kappa).epsilon(1e-5));
    CHECK(kappa2 == doctest::Approx(69.986).epsilon(1e-4));  // (30 + √850)/(30 − √850)
}

TEST_CASE("compare regress: a cubic through the origin in float50, the model options, the derivation") {
    Run r = showwork::testing::run_program(
        SHOWWORK_PROGRAM, {"compare", "regress", "-", "--degree", "3", "--no-intercept", "--number", "float50"},
        line_csv);
    CHECK(r.status == 0);
    CHECK(r.out.find("Exactly, over the rationals, by the normal equations") != std::string::npos);
    CHECK(r.out.find("In floating point (float50), by Householder QR") != std::string::npos);
    CHECK(r.out.find("κ") != std::string::npos);
    Json j = json_result(showwork::testing::run_program(
        SHOWWORK_PROGRAM, {"compare", "regress", "-", "--x", "x", "--y", "y", "--number", "float50", "--format", "json"},
        line_csv));
    CHECK(std::stod(j["fewest_digits_qr"].get<std::string>()) >= 48);
}

TEST_CASE("compare regress: model options with a matrix operation, --augment, a missing column") {
    Run y = showwork_run({"compare", "inverse", "1 2; 3 4", "--y", "y"});
    CHECK(y.status == 2);
    CHECK(y.err == "showwork: error: --y, --x, --degree and --no-intercept describe a model: they are for compare "
                   "regress\n");
    Run augment = showwork::testing::run_program(SHOWWORK_PROGRAM, {"compare", "regress", "-", "--augment", "1"}, line_csv);
    CHECK(augment.status == 2);
    Run column = showwork::testing::run_program(SHOWWORK_PROGRAM, {"compare", "regress", "-", "--y", "z"}, line_csv);
    CHECK(column.status != 0);
    CHECK(column.err.find("no column named 'z'") != std::string::npos);
}

}  // namespace test_cli_compare
