// The `showwork` program end to end: run the built binary, check stdout, stderr and the exit
// status, for good input and bad.
#include <fcntl.h>

#include <filesystem>
#include <fstream>

#include "process.hpp"
#include "support.hpp"

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
    check_error(showwork_run({"identity", "0"}), 2, "N must be a whole number from 1 to 10000, not '0'");
    check_error(showwork_run({"identity", "-3"}), 2, "N must be a whole number from 1 to 10000, not '-3'");
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

TEST_CASE("every arithmetic command gives exact values") {
    CHECK(showwork_run({"add", "1 2", "1/2 1/3", "--format", "json"}).out.find("\"3/2\"") != std::string::npos);
    Run scaled = showwork_run({"scale", "-1/2", "2 4; 6 8", "--no-steps"});
    CHECK(scaled.status == 0);
    CHECK(scaled.out.find("-2") != std::string::npos);
    CHECK(scaled.out.find("-4") != std::string::npos);
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
    check_error(showwork_run({"show", "1", "-o", (dir / "no/such/dir/x").string()}), 2,
                "cannot write '" + (dir / "no/such/dir/x").string() + "'");
    fs::remove_all(dir);
}
