// The `showwork` program end to end: run the built binary, check stdout, stderr and the exit
// status, for good input and bad.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "golden.hpp"
#include "pdflatex.hpp"
#include "process.hpp"

namespace test_cli {  // this file's names, apart from the other suites' in the unity build

using showwork::testing::Run;

static Run showwork_run(std::vector<std::string> args, const std::string& input = {}) {
    return showwork::testing::run_program(SHOWWORK_PROGRAM, args, input);
}

// A failure is one line on stderr starting "showwork: error:", and nothing on stdout.
static void check_error(const Run& r, int status, std::string_view message) {
    CHECK(r.status == status);
    CHECK(r.out.empty());
    CHECK(r.err == "showwork: error: " + std::string(message) + "\n");
}

TEST_CASE("multiply prints the product") {
    Run r = showwork_run({"multiply", "1 2; 3 4", "5; 6", "--no-steps"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("17") != std::string::npos);
    CHECK(r.out.find("39") != std::string::npos);
    CHECK(r.out.find("17") < r.out.find("39"));
}

TEST_CASE("a short row is named and the status is 2") {
    check_error(showwork_run({"show", "1 2; 3"}), 2, "row 2 has 1 entry, row 1 has 2");
    check_error(showwork_run({"show", "1 x"}), 2, "row 1, column 2: 'x': not a number");
    check_error(showwork_run({"show", "1/0"}), 2, "row 1, column 1: '1/0': zero denominator");
    check_error(showwork_run({"show", ""}), 2, "empty matrix: no entries found");
}

TEST_CASE("a shape mismatch is a mathematical failure: status 1") {
    check_error(showwork_run({"multiply", "1 2 3; 4 5 6", "1 2 3; 4 5 6"}), 1,
                "cannot multiply 2×3 by 2×3: inner dimensions 3 and 2 differ");
    check_error(showwork_run({"add", "1 2", "1; 2"}), 1, "cannot add 1×2 and 2×1: shapes differ");
    check_error(showwork_run({"hadamard", "1 2", "1"}), 1,
                "cannot take the Hadamard product of 1×2 and 1×1: shapes differ");
}

TEST_CASE("bad usage: unknown command, missing operand, bad option value — status 2") {
    check_error(showwork_run({"frobnicate"}), 2, "unknown command 'frobnicate': 'showwork help' lists them");
    Run missing = showwork_run({"multiply", "1 2"});
    CHECK(missing.status == 2);
    CHECK(missing.err.rfind("showwork: error: ", 0) == 0);
    Run number = showwork_run({"show", "1", "--number", "complex"});
    CHECK(number.status == 2);
    CHECK(number.err.find("complex") != std::string::npos);
    check_error(showwork_run({"identity", "0"}), 2, "N must be a whole number from 1 to 2000, not '0'");
    check_error(showwork_run({"identity", "-3"}), 2, "N must be a whole number from 1 to 2000, not '-3'");
    // N² entries: the limit of 4,000,000 entries every matrix read has
    check_error(showwork_run({"identity", "10000"}), 2, "N must be a whole number from 1 to 2000, not '10000'");
    check_error(showwork_run({"identity", "2001"}), 2, "N must be a whole number from 1 to 2000, not '2001'");
    check_error(showwork_run({"scale", "1/0", "1 2"}), 2, "'1/0': zero denominator");
    check_error(showwork_run({"help", "nothing"}), 2, "unknown command 'nothing': 'showwork help' lists them");
    Run none = showwork_run({});
    CHECK(none.status == 2);
}

TEST_CASE("--help, --version and help COMMAND succeed and show examples") {
    Run help = showwork_run({"--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("multiply") != std::string::npos);
    Run version = showwork_run({"--version"});
    CHECK(version.status == 0);
    CHECK(version.out.rfind("showwork ", 0) == 0);
    for (const char* command : {"show", "add", "subtract", "multiply", "transpose", "scale", "hadamard", "identity"}) {
        CAPTURE(command);
        Run r = showwork_run({"help", command});
        CHECK(r.status == 0);
        CHECK(r.out.find(std::string("showwork ") + command) != std::string::npos);  // its example
    }
}

TEST_CASE("a result says what it is, and a step does not repeat the matrix its operation ends in") {
    Run product = showwork_run({"multiply", "1 2; 3 4", "5; 6"});
    CHECK(product.out.find("AB = \u23a1 17 \u23a4") != std::string::npos);
    CHECK(product.out.find("\u23a3 3  4 \u23a6 \u23a3 6 \u23a6   \u23a3 39 \u23a6") != std::string::npos);  // AB = C on one line
    CHECK(showwork_run({"add", "1 2", "3 4", "--no-steps"}).out.find("A + B = [ 4  6 ]") != std::string::npos);
    CHECK(showwork_run({"subtract", "1 2", "3 4", "--no-steps"}).out.find("A \u2212 B = [ \u22122  \u22122 ]") != std::string::npos);
    CHECK(showwork_run({"transpose", "1 2", "--no-steps"}).out.find("A\u1d40 = ") != std::string::npos);
    CHECK(showwork_run({"scale", "2", "1 2", "--no-steps"}).out.find("cA = [ 2  4 ]") != std::string::npos);
    CHECK(showwork_run({"inverse", "2 1; 1 1", "--no-steps"}).out.find("A\u207b\u00b9 = ") != std::string::npos);
    CHECK(showwork_run({"inverse", "2 1; 1 1", "--no-steps", "--format", "latex"}).out.find("A^{-1} = ") != std::string::npos);
    // JSON keys the result by its name, as before
    CHECK(showwork_run({"inverse", "2 1; 1 1", "--no-steps", "--format", "json"}).out.find("\"result\": {") != std::string::npos);
}

TEST_CASE("every arithmetic command gives exact values") {
    CHECK(showwork_run({"add", "1 2", "1/2 1/3", "--format", "json"}).out.find("\"3/2\"") != std::string::npos);
    Run scaled = showwork_run({"scale", "-1/2", "2 4; 6 8", "--no-steps"});
    CHECK(scaled.status == 0);
    CHECK(scaled.out.find("−2") != std::string::npos);  // the one minus sign of text output
    CHECK(scaled.out.find("−4") != std::string::npos);
    Run transposed = showwork_run({"transpose", "1 2 3", "--no-steps"});
    CHECK(transposed.status == 0);
    CHECK(std::count(transposed.out.begin(), transposed.out.end(), '\n') >= 3);
    Run identity = showwork_run({"identity", "3", "--no-steps"});
    CHECK(identity.status == 0);
    CHECK(std::count(identity.out.begin(), identity.out.end(), '1') == 3);
    Run sub = showwork_run({"subtract", "0.5", "1/3", "--no-steps"});
    CHECK(sub.out.find("1/6") != std::string::npos);
}

TEST_CASE("--number double and float50 round as floating point does") {
    Run exact = showwork_run({"add", "0.1", "0.2", "--no-steps"});
    CHECK(exact.out.find("3/10") != std::string::npos);
    Run floating = showwork_run({"add", "0.1", "0.2", "--no-steps", "--number", "double"});
    CHECK(floating.out.find("0.30000000000000004") != std::string::npos);
    Run wide = showwork_run({"add", "1/3", "0", "--no-steps", "--number", "float50"});
    CHECK(wide.out.find("0.33333333333333333333333333333333333333333333333333") != std::string::npos);
}

TEST_CASE("operands come from files and standard input; -o writes a file") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "showwork-cli-test";
    fs::create_directories(dir);
    fs::path file = dir / "A.csv";
    std::ofstream(file) << "# a 2x2 matrix\n1, 2\n3, 4\n";
    Run from_file = showwork_run({"multiply", file.string(), "-", "--no-steps"}, "5\n6\n");
    CHECK(from_file.status == 0);
    CHECK(from_file.out.find("39") != std::string::npos);
    fs::path out = dir / "out.txt";
    Run written = showwork_run({"show", "7 8", "-o", out.string()});
    CHECK(written.status == 0);
    CHECK(written.out.empty());
    CHECK(showwork::testing::slurp(out).find('8') != std::string::npos);
    check_error(showwork_run({"show", "1", "-o", (dir / "no/such/dir/x").string()}), 4,
                "cannot write to '" + (dir / "no/such/dir/x").string() + "': No such file or directory");
    fs::remove_all(dir);
}

TEST_CASE("a file that is not there is named as such, and a file's errors name it and the line") {
    check_error(showwork_run({"show", "no-such-data.csv"}), 2, "cannot read 'no-such-data.csv': no such file");
    check_error(showwork_run({"show", "/no/such/dir/data.csv"}), 2,
                "cannot read '/no/such/dir/data.csv': no such file");
    check_error(showwork_run({"multiply", "1 2", "weights"}), 2, "cannot read 'weights': no such file");
    check_error(showwork_run({"show", "/tmp"}), 2, "cannot read '/tmp': it is a directory");
    // numbers are still numbers, whatever they say
    check_error(showwork_run({"show", "1/0"}), 2, "row 1, column 1: '1/0': zero denominator");
    check_error(showwork_run({"show", "1.2.3"}), 2, "row 1, column 1: '1.2.3': not a number");
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "showwork-cli-file-errors";
    fs::create_directories(dir);
    fs::path file = dir / "data.txt";
    std::ofstream(file) << "1 2\n# a comment\n3 x\n";
    check_error(showwork_run({"show", file.string()}), 2, file.string() + ": line 3, column 2: 'x': not a number");
    check_error(showwork_run({"show", "-"}, "1 2\n3\n"), 2, "standard input: line 2: row 2 has 1 entry, row 1 has 2");
    // a file too large for any matrix is refused before it is read (a sparse file: no disk used)
    fs::path huge = dir / "huge.txt";
    std::ofstream(huge) << "1";
    fs::resize_file(huge, (std::uintmax_t{256} << 20) + 1);
    check_error(showwork_run({"show", huge.string()}), 2,
                "cannot read '" + huge.string() + "': it holds more than the 256 MB a matrix or data file may have");
    fs::remove_all(dir);
}

TEST_CASE("operands that start with a minus are operands, options are still options") {
    Run negative = showwork_run({"show", "-1 2; 3 -4", "--no-steps", "--format", "json"});
    CHECK(negative.status == 0);
    CHECK(nlohmann::json::parse(negative.out)["result"]["entries"][0][0] == "-1");
    Run scaled = showwork_run({"scale", "-1/2", "-2 4", "--no-steps", "--format", "json"});
    CHECK(scaled.status == 0);
    CHECK(nlohmann::json::parse(scaled.out)["result"]["entries"][0] == nlohmann::json({"1", "-2"}));
    Run product = showwork_run({"multiply", "--no-steps", "-1 2", "--format", "json", "-3; 4"});
    CHECK(product.status == 0);
    CHECK(nlohmann::json::parse(product.out)["result"]["entries"][0][0] == "11");
    check_error(showwork_run({"show", "1", "--nope"}), 2,
                "The following argument was not expected: --nope (see 'showwork help show')");
}

// Output that cannot be written is an error with status 4, never a silent success.
TEST_CASE("output that cannot be written: -o /dev/full, a full standard output, a closed pipe") {
    check_error(showwork_run({"show", "1 2", "-o", "/dev/full"}), 4,
                "cannot write to '/dev/full': No space left on device");
    int full = open("/dev/full", O_WRONLY);
    REQUIRE(full >= 0);
    Run to_full = showwork::testing::run_program(SHOWWORK_PROGRAM, {"show", "1 2"}, {}, full);
    close(full);
    CHECK(to_full.status == 4);
    CHECK(to_full.err == "showwork: error: cannot write to standard output: No space left on device\n");
    full = open("/dev/full", O_WRONLY);
    Run help = showwork::testing::run_program(SHOWWORK_PROGRAM, {"help", "show"}, {}, full);
    close(full);
    CHECK(help.status == 4);
    int ends[2];
    REQUIRE(pipe(ends) == 0);
    close(ends[0]);  // nobody reads: the pipe is closed
    Run closed = showwork::testing::run_program(SHOWWORK_PROGRAM, {"identity", "300", "--no-steps"}, {}, ends[1]);
    close(ends[1]);
    CHECK(closed.status == 4);
    CHECK(closed.err == "showwork: error: cannot write to standard output: Broken pipe\n");
}

// ---- elimination commands ----

// The derivations of notes 000's examples, which the examples notes_system and notes_echelon
// print as text (their golden files are in the examples suite), here in LaTeX.
TEST_CASE("the notes' system and the RREF of their echelon form, in LaTeX, are their golden files") {
    Run system = showwork_run({"solve", "2 3 6; 4 5 10", "--format", "latex"});
    CHECK(system.status == 0);
    showwork::testing::check_golden("notes_system.latex.tex", system.out);
    Run echelon = showwork_run({"rref", "1 2 3 6; 0 1 4 5", "--augment", "1", "--format", "latex"});
    CHECK(echelon.status == 0);
    showwork::testing::check_golden("notes_echelon.latex.tex", echelon.out);
}

TEST_CASE("solve: the notes' system ends in x = 0, y = 2 after its check") {
    Run r = showwork_run({"solve", "2 3 6; 4 5 10", "--augment", "1"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("R₂ → R₂ − 2R₁") != std::string::npos);
    CHECK(r.out.find("Check: substitute x back into A x = b.") != std::string::npos);
    CHECK(r.out.size() > 14);
    CHECK(r.out.substr(r.out.size() - 15) == "  x = 0, y = 2\n");
    Run separate = showwork_run({"solve", "2 3; 4 5", "6; 10", "--no-steps", "--unknowns", "a,b"});
    CHECK(separate.out.find("a = 0, b = 2") != std::string::npos);
}

TEST_CASE("solve: one naming of the unknowns in every step, the parametric form and the answer") {
    // by default x, y, z up to three unknowns, everywhere: no x₁ in the derivation
    Run r = showwork_run({"solve", "2 3 6; 4 5 10", "--augment", "1"});
    CHECK(r.out.find("Solve equation 2 for y.") != std::string::npos);
    CHECK(r.out.find("x\u2081") == std::string::npos);
    // t, s, r, u, v, w name parameters, alone; with an index they name unknowns
    CHECK(showwork_run({"solve", "1 2 3 4; 2 4 6 8; 1 0 -1 2", "--augment", "1", "--unknowns", "p,q,w_1"}).status == 0);
    Run pq = showwork_run({"solve", "1 2 3 4; 2 4 6 8; 1 0 -1 2", "--augment", "1", "--unknowns", "p, q, p_3"});
    CHECK(pq.status == 0);
    CHECK(pq.out.find("p\u2083 is free.") != std::string::npos);
    CHECK(pq.out.find("p\u2083 = t") != std::string::npos);
    CHECK(pq.out.find("x\u2083") == std::string::npos);
    Run four = showwork_run({"solve", "1 0 0 0 1; 0 1 0 0 2; 0 0 1 0 3; 0 0 0 1 4", "--augment", "1"});
    CHECK(four.out.find("x\u2084 = 4") != std::string::npos);  // beyond three: x₁ … x₄
}

TEST_CASE("solve: bad names for the unknowns are refused by name") {
    auto error = [](const std::string& names) {
        return showwork_run({"solve", "2 3 6; 4 5 10", "--augment", "1", "--unknowns", names});
    };
    CHECK(error("a,a").err.find("--unknowns names a twice") != std::string::npos);
    CHECK(error("a,2b").err.find("'2b' (unknown 2) is not a name") != std::string::npos);
    CHECK(error("a,").err.find("--unknowns 'a,' has an empty item (item 2 of 2)") != std::string::npos);
    CHECK(error("a,t").err.find("t names a parameter of the solution set") != std::string::npos);
    CHECK(error("a,b,c").err.find("--unknowns names 3 unknowns, the system has 2") != std::string::npos);
    for (const char* names : {"a,a", "a,2b", "a,t", "a,b,c"}) CHECK(error(names).status == 2);
}

TEST_CASE("solve: infinitely many solutions in parametric form, and none with the evidence") {
    Run infinite = showwork_run({"solve", "1 2 3 4; 2 4 6 8; 1 0 -1 2", "--format", "json"});
    CHECK(infinite.status == 0);
    auto j = nlohmann::json::parse(infinite.out);
    CHECK(j["result"]["kind"] == "infinite");
    CHECK(j["result"]["rank"] == 2);
    CHECK(j["result"]["solution"]["entries"] == nlohmann::json::parse(R"([["2"], ["1"], ["0"]])"));
    CHECK(j["result"]["free_variables"] == nlohmann::json::parse("[3]"));
    // the family as data: x = solution + t · (column 1 of directions)
    CHECK(j["result"]["directions"]["entries"] == nlohmann::json::parse(R"([["1"], ["-2"], ["1"]])"));
    CHECK(j["result"]["parameters"] == nlohmann::json::parse(R"(["t"])"));
    Run none = showwork_run({"solve", "1 1 2; 2 2 5", "--format", "json", "--no-steps"});
    CHECK(none.status == 0);
    auto k = nlohmann::json::parse(none.out);
    CHECK(k["result"]["kind"] == "none");
    CHECK(k["result"]["inconsistent_row"] == 2);
    CHECK(!k["result"].contains("least_squares"));  // dependent columns: no one least-squares solution
    // independent columns: the least-squares solution, from AᵀA x̂ = Aᵀb
    auto ls = nlohmann::json::parse(showwork_run({"solve", "1 1 2; 1 1 3; 1 2 4", "--format", "json"}).out);
    CHECK(ls["result"]["kind"] == "none");
    CHECK(ls["result"]["least_squares"]["entries"] == nlohmann::json::parse(R"([["1"], ["3/2"]])"));
    CHECK(ls["steps"].back()["kind"] == "normal_equations");
    CHECK(k["result"]["evidence"] ==
          "row 2 of the echelon form reads 0 = 1, which is −2·(equation 1) + (equation 2) of the original system");
}

TEST_CASE("rref, ref, rank, det, inverse, nullspace, colspace, lu give exact results") {
    auto json = [](std::vector<std::string> args) {
        args.push_back("--format");
        args.push_back("json");
        Run r = showwork_run(args);
        CHECK(r.status == 0);
        return nlohmann::json::parse(r.out.empty() ? "{}" : r.out);
    };
    // The notes' REF and its true RREF (the notes' erratum).
    auto rref = json({"rref", "1 2 3 6; 0 1 4 5", "--augment", "1"});
    CHECK(rref["result"]["rref"]["entries"] == nlohmann::json::parse(R"([["1","0","-5","-4"],["0","1","4","5"]])"));
    CHECK(rref["result"]["rref"]["augment"] == 1);
    CHECK(json({"ref", "2 4; 1 3", "--unit-pivots"})["result"]["ref"]["entries"] ==
          nlohmann::json::parse(R"([["1","2"],["0","1"]])"));
    CHECK(json({"rank", "1 2 3; 2 4 6; 1 0 1"})["result"]["rank"] == 2);
    CHECK(json({"det", "1 2 3; 4 5 6; 7 8 10"})["result"] == "-3");
    CHECK(json({"det", "1 2 3; 4 5 6; 7 8 10", "--method", "cofactor"})["result"] == "-3");
    CHECK(json({"inverse", "2 3; 4 5"})["result"]["entries"] ==
          nlohmann::json::parse(R"([["-5/2","3/2"],["2","-1"]])"));
    CHECK(json({"nullspace", "1 2 3; 2 4 6"})["result"]["nullity"] == 2);
    CHECK(json({"colspace", "1 2 3; 2 4 6"})["result"]["basis"]["entries"] == nlohmann::json::parse(R"([["1"],["2"]])"));
    // the zero subspace: its basis is empty, ∅ to read, a 2 × 0 matrix in JSON
    auto zero = json({"nullspace", "1 2; 3 4"});
    CHECK(zero["result"]["basis"]["cols"] == 0);
    CHECK(zero["result"]["nullity"] == 0);
    Run zero_text = showwork_run({"nullspace", "1 2; 3 4", "--no-steps"});
    CHECK(zero_text.out.find("basis = ∅") != std::string::npos);
    auto lu = json({"lu", "2 1 1; 4 3 3; 8 7 9"});
    CHECK(lu["result"]["U"]["entries"][0] == nlohmann::json::parse(R"(["2","1","1"])"));
    CHECK(json({"rowops", "2 3 6; 4 5 10", "R2 -> R2 - 2R1; R1 <-> R2", "--augment", "1"})["result"]["entries"] ==
          nlohmann::json::parse(R"([["0","-1","-2"],["2","3","6"]])"));
}

TEST_CASE("exact and floating answers differ where rounding bites") {
    Run exact = showwork_run({"inverse", "1 1/2 1/3; 1/2 1/3 1/4; 1/3 1/4 1/5", "--no-steps"});
    CHECK(exact.out.find("−36") != std::string::npos);  // the exact inverse of H_3 has integer entries
    Run floating = showwork_run({"inverse", "1 1/2 1/3; 1/2 1/3 1/4; 1/3 1/4 1/5", "--no-steps", "--number", "double"});
    CHECK(floating.status == 0);
    CHECK(floating.out.find('.') != std::string::npos);  // rounding shows as decimals
}

TEST_CASE("elimination errors: singular, non-square, bad options, bad row operations") {
    check_error(showwork_run({"inverse", "1 2 3; 2 4 6; 1 0 1", "--no-steps"}), 1,
                "the matrix is singular: column 3 has no pivot (rank 2 < 3); its rows are dependent: R₂ = 2R₁");
    check_error(showwork_run({"det", "1 2 3; 4 5 6"}), 1, "the determinant needs a square matrix, not a 2×3 one");
    check_error(showwork_run({"solve", "1 2; 3 4", "1; 2; 3"}), 1,
                "cannot solve A x = b with A 2×2 and b 3×1: A has 2 rows, b has 3");
    check_error(showwork_run({"rref", "1 2; 3 4", "--augment", "2"}), 2,
                "--augment must be a whole number from 0 to 1 for a 2×2 matrix, not '2'");
    check_error(showwork_run({"solve", "1 2; 3 4", "1; 2", "--augment", "1"}), 2,
                "give either A and b, or (A | b) with --augment 1, not both");
    Run pivot = showwork_run({"rref", "1 2", "--pivot", "largest"});
    CHECK(pivot.status == 2);
    Run zero = showwork_run({"rowops", "1 2; 3 4", "R1 -> 0 R1"});
    CHECK(zero.status != 0);
    CHECK(zero.err.rfind("showwork: error: ", 0) == 0);
    Run unknown_row = showwork_run({"rowops", "1 2; 3 4", "R1 <-> R5"});
    CHECK(unknown_row.status == 2);
    CHECK(unknown_row.err.find("R5") != std::string::npos);
}

// ---- descend: linear regression by gradient descent ----

static const char* const line_csv = "x, y\n1, 2\n2, 4\n3, 5\n4, 4\n5, 5\n";

TEST_CASE("descend: an exact run whose iterates would grow past the limit is refused before the work, with the estimate") {
    // η = 10⁻⁴⁰⁰⁰ adds about 4,000 digits to the iterates every update: 40 updates reach 160,000
    Run r = showwork_run({"descend", "-", "--rate", "1e-4000", "--epochs", "40"}, line_csv);
    CHECK(r.status == 2);
    CHECK(r.err == "showwork: error: an exact run of 40 updates with the learning rate's 4,001 digits and the data's 2 "
                   "grows its iterates by about 4,003 digits an update, to 160,120: more than the 50,000 an exact run "
                   "may reach\n");
    CHECK(showwork_run({"descend", "-", "--rate", "1e-4000", "--epochs", "2", "--no-steps"}, line_csv).status == 0);
}

TEST_CASE("descend: an exact full-batch run, its JSON fields and its first update") {
    Run r = showwork_run({"descend", "-", "--rate", "1/20", "--epochs", "1", "--format", "json", "--no-steps"},
                         line_csv);
    REQUIRE(r.status == 0);
    nlohmann::json j = nlohmann::json::parse(r.out)["result"];
    CHECK(j["coefficients"] == nlohmann::json::array({"1/5", "33/50"}));  // β₁ = 0 − 1/20 · (−4, −66/5)
    CHECK(j["closed_form"] == nlohmann::json::array({"11/5", "3/5"}));
    CHECK(j["epochs_run"] == "1");
    CHECK(j["updates"] == "1");
    CHECK(j["stopped_because"] == "epochs");
    REQUIRE(j["history"].size() == 2);  // epochs 0 and 1
    CHECK(j["history"][0]["loss"] == "8.6");  // C = 1/(2·5) Σ yᵢ² = 43/5
    CHECK(j["closed_form_distance"].size() == 2);
    CHECK(j["comparison"].contains("x"));
}

TEST_CASE("descend: SGD from a seed gives the same run twice, and stops on a tolerance") {
    std::vector<std::string> args{"descend", "-", "--number", "double", "--batch", "1", "--seed", "5", "--rate",
                                  "0.01", "--epochs", "50", "--format", "json"};
    Run a = showwork_run(args, line_csv), b = showwork_run(args, line_csv);
    REQUIRE(a.status == 0);
    CHECK(a.out == b.out);
    Run t = showwork_run({"descend", "-", "--number", "double", "--rate", "0.1", "--epochs", "100000", "--tolerance",
                          "1e-8", "--format", "json"},
                         line_csv);
    REQUIRE(t.status == 0);
    CHECK(nlohmann::json::parse(t.out)["result"]["stopped_because"] == "gradient_norm");
}

TEST_CASE("descend: bad options are one line naming the option; a divergence says so") {
    check_error(showwork_run({"descend", "-", "--rate", "0"}, line_csv), 2,
                "--rate: the learning rate must be positive, not 0");
    check_error(showwork_run({"descend", "-", "--rate", "-1/2"}, line_csv), 2,
                "--rate: the learning rate must be positive, not -1/2");
    check_error(showwork_run({"descend", "-", "--batch", "6"}, line_csv), 2, "--batch 6 is more than the 5 observations");
    check_error(showwork_run({"descend", "-", "--tolerance", "0"}, line_csv), 2, "--tolerance must be positive, not 0");
    check_error(showwork_run({"descend", "-", "--epochs", "6000"}, line_csv), 2,
                "6000 exact updates asked for, at most 2000: the iterates' digits grow with every update; use fewer "
                "epochs or --number double");
    Run zero = showwork_run({"descend", "-", "--epochs", "0"}, line_csv);
    CHECK(zero.status == 2);
    CHECK(zero.err.find("--epochs") != std::string::npos);
    Run loss = showwork_run({"descend", "-", "--loss", "mae"}, line_csv);
    CHECK(loss.status == 2);
    CHECK(loss.err.find("--loss") != std::string::npos);
    Run diverged = showwork_run({"descend", "-", "--number", "double", "--rate", "1", "--epochs", "1000"}, line_csv);
    CHECK(diverged.status == 1);
    CHECK(diverged.out.empty());
    CHECK(diverged.err.find("gradient descent diverged") != std::string::npos);
    CHECK(diverged.err.find("--rate") != std::string::npos);
}

// ---- forward, backprop, train: networks ----

static const char* const xor_csv = "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n";

// status, nothing on standard output, one line on standard error that contains `part`
static void check_error_containing(const Run& r, int status, const std::string& part) {
    CHECK(r.status == status);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("showwork: error: ", 0) == 0);
    CHECK(r.err.find(part) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

TEST_CASE("train: a progress line on standard error when it is a terminal, and none with --quiet") {
    // `script` (util-linux) gives the program a terminal and copies what it writes there.
    if (!std::filesystem::exists("/usr/bin/script")) {
        MESSAGE("no /usr/bin/script: the progress line is not checked");
        return;
    }
    const std::filesystem::path data = std::filesystem::temp_directory_path() / "showwork-progress-xor.csv";
    std::ofstream(data) << xor_csv;
    const std::string command = std::string(SHOWWORK_PROGRAM) + " train " + data.string() +
                                " --layers 2,2,1 --epochs 300 --no-steps --format json >/dev/null";
    Run shown = showwork::testing::run_program("/usr/bin/script", {"-qec", command, "/dev/null"});
    Run quiet = showwork::testing::run_program("/usr/bin/script", {"-qec", command + " --quiet", "/dev/null"});
    std::filesystem::remove(data);
    CHECK(shown.status == 0);
    CHECK(shown.out.find("\repoch 300/300  loss ") != std::string::npos);
    CHECK(shown.out.find("elapsed ") != std::string::npos);
    CHECK(shown.out.find("remaining 0.0 s") != std::string::npos);
    CHECK(quiet.status == 0);
    CHECK(quiet.out.find("epoch") == std::string::npos);
}

TEST_CASE("train: an exact run's JSON fields, a loss history of epochs + 1 values, and its weights") {
    Run r = showwork_run({"train", "-", "--layers", "2,2,1", "--init-method", "zeros", "--activation", "relu,identity",
                          "--number", "exact", "--rate", "1/2", "--epochs", "2", "--format", "json", "--no-steps"},
                         xor_csv);
    REQUIRE(r.status == 0);
    nlohmann::json j = nlohmann::json::parse(r.out)["result"];
    CHECK(j["epochs"] == 2);
    CHECK(j["loss"] == "mse");
    // zeros: the output is b² for every example; E₀ = 1/4 (0 + 1 + 1 + 0) = 1/2, ∂E/∂b² = 2/4 Σ (0 − y) = −1,
    // so b² = 1/2 after one step and E₁ = 1/4 (1/4 · 4) = 1/4; the hidden layer's gradients are 0 (ReLU′(0) = 0)
    CHECK(j["loss_history"] == nlohmann::json::array({"1/2", "1/4", "1/4"}));
    REQUIRE(j["weights"].size() == 2);
    CHECK(j["weights"][1]["b"]["entries"] == nlohmann::json::array({nlohmann::json::array({"1/2"})}));
}

TEST_CASE("train: a long run keeps an evenly spaced history; a large normal initialisation says what it will cost") {
    // 300,000 epochs keep every 3rd loss and the last: 100,001 values, not 300,001 (memory and JSON alike)
    Run epochs = showwork_run({"train", "-", "--layers", "2,2,1", "--epochs", "300000", "--quiet", "--format", "json"},
                              xor_csv);
    CHECK(epochs.status == 0);
    CHECK(epochs.err.empty());
    const nlohmann::json long_run = nlohmann::json::parse(epochs.out);
    const auto& history = long_run["result"]["loss_history"];
    const auto& at = long_run["result"]["history_epochs"];
    REQUIRE(history.size() == 100'001);
    REQUIRE(at.size() == 100'001);
    CHECK(at[0] == 0);
    CHECK(at[1] == 3);
    CHECK(at[100'000] == 300'000);
    CHECK(history.back() == long_run["result"]["final_loss"]);
    CHECK(epochs.out.find("The history keeps every 3rd epoch and the last: 100,001 of 300,001 values.") != std::string::npos);
    Run short_run = showwork_run({"train", "-", "--layers", "2,2,1", "--epochs", "30", "--quiet", "--format", "json"}, xor_csv);
    CHECK(nlohmann::json::parse(short_run.out)["result"]["loss_history"].size() == 31);
    CHECK(short_run.out.find("history_epochs") == std::string::npos);
    Run drawn = showwork_run({"train", "-", "--layers", "2,400,400,1", "--epochs", "1", "--no-steps", "--quiet"}, xor_csv);
    CHECK(drawn.status == 0);
    CHECK(drawn.err.find("showwork: note: drawing 161,200 weights from N(0, 2/n_in) (he_normal") == 0);
}

TEST_CASE("network commands: every bad input is one line with status 2; a divergence is status 1 and says when") {
    check_error_containing(showwork_run({"train", "-", "--layers", "3,2,1"}, xor_csv), 2,
                           "the data have 2 input columns but the network's first layer takes 3");
    check_error_containing(showwork_run({"train", "-", "--layers", "2,2,1", "--activation", "swish"}, xor_csv), 2,
                           "unknown activation 'swish'");
    check_error_containing(showwork_run({"train", "-", "--layers", "2,2,1", "--rate", "0"}, xor_csv), 2,
                           "--rate: the learning rate must be positive, not 0");
    check_error_containing(showwork_run({"train", "-", "--layers", "2,2,2"}, xor_csv), 2,
                           "1 target column but the network's output layer has 2 neurons");
    check_error_containing(showwork_run({"backprop", "-", "--layers", "2,2,1", "--activation", "sigmoid", "--number",
                                         "exact"},
                                        xor_csv),
                           2, "sigmoid is not a rational function");
    check_error_containing(showwork_run({"backprop", "-", "--init",
                                         "{\"layers\": [{\"W\": [[1, 2], [3, 4]], \"b\": [0, 0]}, "
                                         "{\"W\": [[1], [2], [3]], \"b\": [0]}]}"},
                                        xor_csv),
                           2, "layer 2: W is 3×1 but layer 1 has 2 neurons");
    check_error_containing(showwork_run({"backprop", "-", "--init", "{\"layers\": [{\"W\": [[1, \"x\"], [3, 4]], \"b\": [0, 0]}]}"},
                                        xor_csv),
                           2, "'x': not a number");
    // a loss already infinite before any update is the start's fault, not the learning rate's
    Run huge = showwork_run({"train", "-", "--init",
                             "{\"layers\": [{\"W\": [[1.5e308, 1.5e308], [1.5e308, 1.5e308]], \"b\": [0, 0]}, "
                             "{\"W\": [[1.5e308], [1.5e308]], \"b\": [0]}]}",
                             "--rate", "0.1", "--epochs", "3", "--no-steps"},
                            xor_csv);
    CHECK(huge.status == 1);
    CHECK(huge.err.find("the loss at the start, before any update, is already inf") != std::string::npos);
    CHECK(huge.err.find("learning rate") == std::string::npos);
    // the data's shape is checked before a network is drawn: at once, not after 100,000 weights
    check_error_containing(showwork_run({"train", "-", "--layers", "1,100000,1"}, xor_csv), 2,
                           "the data have 2 input columns but the network's first layer takes 1 (--layers 1,100000,1)");
    // softmax over one output is constantly 1
    check_error_containing(showwork_run({"train", "-", "--layers", "2,2,1", "--activation", "relu,softmax", "--loss", "mse"},
                                        xor_csv),
                           2, "layer 2: softmax needs at least two outputs");
    check_error_containing(showwork_run({"train", "-", "--layers", "2,2,2", "--loss", "cross_entropy"},
                                        "x1,x2,c\n0,0,0\n1,1,2\n"),
                           2, "example 2: the label 2 is not a class");
    check_error_containing(showwork_run({"train", "-", "--layers", "2,2,1", "--activation", "identity", "--rate", "1e6",
                                         "--epochs", "100"},
                                        xor_csv),
                           1, "at epoch");
}

// The README's command lines run (tests/readme_commands.py): every `showwork …` line of a shell
// block succeeds and writes something; every `$ showwork …` transcript prints what the README
// shows, `…` standing for lines left out.
static bool skip_python_tests() {
    static const bool skip = std::system("command -v python3 > /dev/null 2>&1") != 0;
    if (skip) std::fprintf(stderr, "README test case skipped: python3 is missing\n");
    return skip;
}

TEST_CASE("the README's command lines run, and print what the README shows" * doctest::skip(skip_python_tests())) {
    Run r = showwork::testing::run_program("/bin/sh", {"-c", "python3 '" SHOWWORK_SOURCE_ROOT "/tests/readme_commands.py' '" SHOWWORK_PROGRAM
                                                             "' '" SHOWWORK_SOURCE_ROOT "'"});
    CHECK_MESSAGE(r.status == 0, r.out << r.err);
    CHECK(r.out.find(" README command lines run as shown") != std::string::npos);
}

TEST_CASE("--detail: the single replacements one by one in the first column (brief) or in every column (full)") {
    const std::string A = "2 1 1 1; 4 3 3 1; 8 7 9 5; 6 7 9 8";
    Run brief = showwork_run({"inverse", A});
    Run full = showwork_run({"inverse", A, "--detail", "full"});
    REQUIRE(brief.status == 0);
    REQUIRE(full.status == 0);
    auto count = [](const std::string& text, const std::string& what) {
        std::size_t n = 0;
        for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
        return n;
    };
    // every "Add … times row … to row …" is a single replacement shown as a sub-step
    CHECK(count(brief.out, "Add ") == 3);                   // column 1: rows 2, 3, 4
    CHECK(count(full.out, "Add ") > count(brief.out, "Add "));
    CHECK(count(full.out, "Eliminate ") == count(brief.out, "Eliminate "));
    Run bad = showwork_run({"inverse", A, "--detail", "some"});
    CHECK(bad.status == 2);
    CHECK(bad.err.find("--detail") != std::string::npos);
}

TEST_CASE("a singular inverse shows the elimination up to the column without a pivot, then the error") {
    Run r = showwork_run({"inverse", "1 2 3; 2 4 6; 1 0 1"});
    CHECK(r.status == 1);
    CHECK(r.err.find("the matrix is singular: column 3 has no pivot") != std::string::npos);
    CHECK(r.out.find("Column 3 has no pivot") != std::string::npos);
    CHECK(r.out.find("Stopped: the matrix is singular") != std::string::npos);
    Run json = showwork_run({"inverse", "1 2; 2 4", "--format", "json"});
    CHECK(json.status == 1);
    auto j = nlohmann::json::parse(json.out);
    CHECK(j["result"] == nlohmann::json::object());
    CHECK(j["steps"].back()["kind"] == "failure");
    // without steps, only the error
    Run quiet = showwork_run({"inverse", "1 2; 2 4", "--no-steps"});
    CHECK(quiet.status == 1);
    CHECK(quiet.out.empty());
}

TEST_CASE("--method fraction_free with steps says it shows the result only") {
    Run r = showwork_run({"det", "1 2; 3 4", "--method", "fraction_free", "--format", "json"});
    REQUIRE(r.status == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["result"] == "-2");
    REQUIRE(j["steps"].size() == 1);
    CHECK(j["steps"][0]["kind"] == "note");
    CHECK(j["steps"][0]["text"].get<std::string>().find("gauss_jordan") != std::string::npos);
}

// The note comes before the work, on stderr; the result on stdout is as without it. A diagonal
// matrix of 60-digit numbers has a large bound (its determinant has 9,000 digits) and is quick.
TEST_CASE("long exact work is announced on stderr before it starts") {
    std::string diagonal;
    const std::size_t n = 150;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) diagonal += (j ? " " : "") + std::string(i == j ? "1e60" : "0");
        diagonal += i + 1 < n ? "; " : "";
    }
    Run r = showwork_run({"det", diagonal, "--no-steps", "--format", "json"});
    CHECK(r.status == 0);
    CHECK(r.err.rfind("showwork: note: the determinant of this 150×150 matrix: numbers of up to 9", 0) == 0);
    CHECK(r.err.find("of arithmetic") != std::string::npos);
    CHECK(nlohmann::json::parse(r.out)["result"] == "1" + std::string(9000, '0'));
    Run quick = showwork_run({"det", "1 2; 3 4", "--no-steps"});
    CHECK(quick.err.empty());
}

// What counts as zero in floating point is the reader's to set: the default tells 1e-7 from 0
// (rank 2), --tolerance 1e-3 does not (rank 1). Exact arithmetic needs none and refuses it.
TEST_CASE("--tolerance sets the floating zero test of an elimination; exact refuses it") {
    auto rank = [](std::vector<std::string> extra) {
        std::vector<std::string> args{"rank", "1 1; 1 1.0000001", "--number", "double", "--format", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        Run r = showwork_run(args);
        REQUIRE(r.status == 0);
        return nlohmann::json::parse(r.out)["result"]["rank"].get<int>();
    };
    CHECK(rank({}) == 2);
    CHECK(rank({"--tolerance", "1e-3"}) == 1);
    CHECK(rank({"--tolerance", "1e-9"}) == 2);
    check_error(showwork_run({"rank", "1 1; 1 1.0000001", "--tolerance", "1e-3"}), 2,
                "--tolerance is for --number double or float50: exact arithmetic tells zero exactly");
    check_error(showwork_run({"rank", "1 2; 3 4", "--number", "double", "--tolerance", "-1"}), 2,
                "--tolerance must be 0 or more, not -1");
    check_error(showwork_run({"rank", "1 2; 3 4", "--number", "double", "--tolerance", "tiny"}), 2,
                "'tiny': not a number");
}

}  // namespace test_cli

namespace test_cli_check {  // `showwork check`: a student's working verified line by line

using showwork::testing::Run;

static Run check_run(std::vector<std::string> args, const std::string& working) {
    args.insert(args.begin(), "check");
    return showwork::testing::run_program(SHOWWORK_PROGRAM, args, working);
}

TEST_CASE("check: a sign slip in line 2 is named, the rest judged from the student's matrix, status 3") {
    Run r = check_run({"2 3 6; 4 5 10", "-", "--goal", "solve"},
                      "[2 3 | 6; 4 5 | 10]\n"
                      "R2 -> R2 - 2R1 : [2 3 | 6; 0 1 | -2]\n"
                      "R1 -> R1 - 3R2 : [2 0 | 12; 0 1 | -2]\n"
                      "R1 -> 1/2 R1 : [1 0 | 6; 0 1 | -2]\n"
                      "answer: x = 6, y = -2\n");
    CHECK(r.status == 3);
    CHECK(r.err == "showwork: 2 mistakes in the working: line 2 (sign_slip) and the answer (line 5)\n");
    CHECK(r.out.find("Line 2: R₂ → R₂ − 2R₁ gives −1 in row 2, column 2; you wrote 1 — a sign slip.") != std::string::npos);
    CHECK(r.out.find("Line 3: R₁ → R₁ − 3R₂ — correct. (Judged from your own matrix of line 2.)") != std::string::npos);
    CHECK(r.out.find("Line 5: the answer is wrong: x is 0, not 6; y is 2, not −2.") != std::string::npos);
}

TEST_CASE("check: a correct working is status 0 with nothing on stderr; its JSON names no wrong line") {
    const std::string working = "R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]\n"
                                "R2 -> -1 R2 : [2 3 | 6; 0 1 | 2]\n"
                                "R1 -> R1 - 3R2 : [2 0 | 0; 0 1 | 2]\n"
                                "R1 -> 1/2 R1 : [1 0 | 0; 0 1 | 2]\n"
                                "answer: x = 0, y = 2\n";
    Run r = check_run({"2 3 6; 4 5 10", "-", "--goal", "solve", "--format", "json"}, working);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    nlohmann::json j = nlohmann::json::parse(r.out);
    CHECK(j["result"]["verdict"] == "correct");
    CHECK(j["result"]["wrong_lines"].empty());
    CHECK(j["steps"].size() == 6);  // four lines, the goal, the answer
    CHECK(check_run({"2 3 6; 4 5 10", "-", "--goal", "solve", "--number", "double"}, working).status == 0);
}

TEST_CASE("check: a working for solve or det that never states its answer is incomplete, status 3") {
    const std::string lines = "R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]\n"
                              "R2 -> -1 R2 : [2 3 | 6; 0 1 | 2]\n"
                              "R1 -> R1 - 3R2 : [2 0 | 0; 0 1 | 2]\n"
                              "R1 -> 1/2 R1 : [1 0 | 0; 0 1 | 2]\n";
    Run r = check_run({"2 3 6; 4 5 10", "-", "--goal", "solve", "--format", "json"}, lines);
    CHECK(r.status == 3);
    CHECK(r.err == "showwork: the working is incomplete: it never states its answer\n");
    nlohmann::json j = nlohmann::json::parse(r.out);
    CHECK(j["result"]["verdict"] == "incomplete");
    CHECK(j["result"]["answer"].get<std::string>().find("never states its answer") != std::string::npos);
    Run det = check_run({"2 3; 4 5", "-", "--goal", "det"}, "R2 -> R2 - 2R1 : [2 3; 0 -1]\n");
    CHECK(det.status == 3);
    CHECK(det.out.find("answer: det = −2") != std::string::npos);
    // rref's answer is its last matrix: no answer line is needed
    CHECK(check_run({"2 3 6; 4 5 10", "-", "--goal", "rref"}, lines).status == 0);
}

TEST_CASE("check: a working too large to keep is refused before the work, with its size") {
    std::string start;
    for (int i = 0; i < 100; ++i) {
        for (int j = 0; j < 100; ++j) start += std::to_string((i * 7 + j * 13) % 97 + 1) + (j < 99 ? " " : "");
        start += i < 99 ? "; " : "";
    }
    std::string swaps;
    for (int k = 0; k < 3000; ++k) swaps += "R1 <-> R2\n";
    Run r = check_run({start, "-", "--goal", "ref"}, swaps);
    CHECK(r.status == 2);
    CHECK(r.err.find("3000 lines of a 100×100 matrix: checking them keeps about 90,000,000 entries, more than the "
                     "3,000,000 a check may keep") != std::string::npos);
    std::string many;
    for (int k = 0; k < 5001; ++k) many += "R1 <-> R2\n";
    Run lines = check_run({"1 2; 3 4", "-", "--goal", "ref"}, many);
    CHECK(lines.status == 2);
    CHECK(lines.err.find("line 5001: more than the 5,000 steps a working may have") != std::string::npos);
}


TEST_CASE("check: every bad input is one line naming the line of the working, status 2") {
    auto bad = [](std::vector<std::string> args, const std::string& working, const std::string& message) {
        Run r = check_run(std::move(args), working);
        INFO(working);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "showwork: error: " + message + "\n");
    };
    bad({"2 3; 4 5", "-"}, "R5 -> R5 - 2R1\n",
        "standard input: line 1: 'R5 -> R5 - 2R1': unknown row R5 in a 2-row matrix");
    bad({"2 3; 4 5", "-"}, "# the first step\nR2 -> R2 - 2R1 : [2 3; 0 x]\n",
        "standard input: line 2: the matrix: row 2, column 2: 'x': not a number");
    bad({"2 3; 4 5", "-"}, "[2 3 0; 0 1 0]\n",
        "standard input: line 1: a 2×3 matrix, where the working's matrices are 2×2");
    bad({"2 3; 4 5", "-"}, "R2 => R2\n",
        "standard input: line 1: row operation 1 'R2 => R2' (at character 4): expected '->' or '<->'");
    bad({"2 3; 4 5", "-"}, "\n# nothing yet\n",
        "standard input: the working has no steps: expected lines such as 'R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]'");
    bad({"2 3 6; 4 5 10", "-", "--goal", "solve"}, "R2 -> R2 - 2R1\nanswer: x = 0, y = two\n",
        "standard input: line 2: the answer: y: 'two' is not a number or a number plus multiples of parameters (2 - 3t)");
    bad({"2 3; 4 5", "-", "--goal", "inverse"}, "R2 -> R2 - 2R1\nanswer: [1 2 3]\n",
        "standard input: line 2: the answer is a 1×3 matrix, the inverse of A is 2×2");
    bad({"2 3; 4 5", "-"}, "R2 -> R2 - 2R1\nanswer: x = 0\n",
        "standard input: line 2: an answer is read with --goal solve, inverse or det, not --goal rref");
    bad({"2 3 4; 4 5 6", "-", "--goal", "inverse"}, "R2 -> R2 - 2R1\n",
        "--goal inverse takes A, square and without a bar, not a 2×3 matrix");
    bad({"2 3; 4 5", "no_such_working.txt"}, "", "cannot read 'no_such_working.txt': no such file");
}

}  // namespace test_cli_check

namespace test_cli_generate {  // `showwork generate`: problems, a worksheet and its answer key

using showwork::testing::Run;

static Run generate(std::vector<std::string> args) {
    args.insert(args.begin(), "generate");
    return showwork::testing::run_program(SHOWWORK_PROGRAM, args);
}

TEST_CASE("generate: a problem from a seed with its answer key; the same seed, the same text") {
    Run r = generate({"system", "--seed", "1", "--difficulty", "easy"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("Problems\n  1. Solve the system. (seed 1001") != std::string::npos);
    CHECK(r.out == generate({"system", "--seed", "1", "--difficulty", "easy"}).out);
    CHECK(r.out != generate({"system", "--seed", "2", "--difficulty", "easy"}).out);
    nlohmann::json j = nlohmann::json::parse(generate({"system,inverse", "--count", "2", "--format", "json"}).out);
    CHECK(j["result"].contains("answer_1"));
    CHECK(j["result"].contains("inverse_2"));
    CHECK(j["input"]["seed"] == 1);
}

TEST_CASE("generate --worksheet: a sheet and its key as two documents that compile; variants by seed") {
    namespace fs = std::filesystem;
    char dir_template[] = "/tmp/showwork-sheet-XXXXXX";
    const fs::path dir = mkdtemp(dir_template);
    const std::string sheet = (dir / "sheet.tex").string();
    Run r = generate({"system,family,none,rank,rref,inverse,det,regression", "--count", "10", "--worksheet",
                      "--format", "document", "-o", sheet});
    CHECK(r.status == 0);
    REQUIRE(fs::exists(dir / "sheet.tex"));
    REQUIRE(fs::exists(dir / "sheet-key.tex"));
    auto read = [](const fs::path& f) {
        std::ifstream in(f);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    const std::string problems = read(dir / "sheet.tex"), key = read(dir / "sheet-key.tex");
    std::size_t items = 0;
    for (std::size_t at = problems.find("\\item "); at != std::string::npos; at = problems.find("\\item ", at + 1)) ++items;
    CHECK(items == 10);
    CHECK(problems.find("Answer") == std::string::npos);  // the sheet holds no answer
    CHECK(problems.find("\\section*{Problems}") != std::string::npos);
    CHECK(key.find("Answer key") != std::string::npos);
    if (!showwork::testing::skip_pdflatex_tests()) {
        CHECK(showwork::testing::compile_with_pdflatex("worksheet", problems).pdf);
        CHECK(showwork::testing::compile_with_pdflatex("worksheet-key", key).pdf);
    }
    Run v = generate({"system", "--count", "3", "--worksheet", "--variants", "2", "-o", (dir / "quiz.txt").string()});
    CHECK(v.status == 0);
    for (const char* f : {"quiz-v1.txt", "quiz-v1-key.txt", "quiz-v2.txt", "quiz-v2-key.txt"}) CHECK(fs::exists(dir / f));
    CHECK(read(dir / "quiz-v1.txt") != read(dir / "quiz-v2.txt"));
    // version 2 of seed 1 is the sheet of seed 2
    CHECK(generate({"system", "--count", "3", "--worksheet", "--seed", "2", "-o", (dir / "two.txt").string()}).status == 0);
    const std::string two = read(dir / "two.txt"), version_2 = read(dir / "quiz-v2.txt");
    REQUIRE(two.find("Problems") != std::string::npos);
    CHECK(two.substr(two.find("Problems")) == version_2.substr(version_2.find("Problems")));
    fs::remove_all(dir);
}

// 50 hard worksheets of 100 systems of size 6 took 400 s without a word: at size 6 a system is
// drawn many times over before one meets the hard limits. The note comes before the work; here
// the output cannot be written, so the run stops after its first sheet, with the note already out.
TEST_CASE("generate: long work is announced before it starts, from a measured model") {
    Run r = generate({"system", "--count", "12", "--worksheet", "--variants", "10", "--difficulty", "hard", "--size",
                      "6", "-o", "/nonexistent/directory/sheet.tex"});
    CHECK(r.status == 4);
    CHECK(r.err.starts_with("showwork: note: 10 sheets of 12 problems and their keys: about 5 s of work, 45 ms a "
                            "problem (the largest sizes at the strictest difficulties are drawn many times over before "
                            "one meets every limit)\nshowwork: error: cannot write to '/nonexistent/directory/"));
    // a sheet of small problems says nothing
    Run quick = generate({"system,inverse,det", "--count", "30", "--difficulty", "hard"});
    CHECK(quick.status == 0);
    CHECK(quick.err.empty());
}

TEST_CASE("generate: bad input is one line naming what is wrong, status 2") {
    auto bad = [](std::vector<std::string> args, const std::string& message) {
        Run r = generate(std::move(args));
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "showwork: error: " + message + "\n");
    };
    bad({"matrix"}, "unknown kind of problem 'matrix': one of system, family, none, rank, rref, inverse, det, regression, derivative, backprop");
    bad({"rank", "--rank", "5"}, "--rank 5: a matrix with 3 rows has rank at most 3");
    bad({"system", "--count", "0"}, "--count must be a whole number from 1 to 100, not '0'");
    bad({"system", "--worksheet"},
        "--worksheet writes a sheet and its answer key: name the sheet with -o FILE (the key is written to FILE-key)");
    bad({"system", "--variants", "2"}, "--variants makes versions of a sheet: add --worksheet");
    bad({"family", "--parameters", "3"}, "--parameters 3 needs at least 4 unknowns: a system of 3 has at most 2");
}

}  // namespace test_cli_generate
