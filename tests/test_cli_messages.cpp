// The program's error messages: one line, at most 400 characters, no control character, naming
// the option or the value that was wrong — for counts given negative, for huge values, for a
// student's working or a data file holding control characters, for options given nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.hpp"

namespace test_cli_messages {  // this file's names, apart from the other suites' in the unity build

using showwork::testing::Run;

static Run showwork_run(std::vector<std::string> args, const std::string& input = {}) {
    return showwork::testing::run_program(SHOWWORK_PROGRAM, args, input);
}

static const char* const line_csv = "x, y\n1, 2\n2, 4\n3, 5\n4, 4\n5, 5\n";
static const char* const xor_csv = "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n";

constexpr std::size_t max_line = 400;

// The message of a failed run: the status is `status`, nothing is on standard output, and the
// one line on standard error is "showwork: error: " and the message, of at most 400 characters
// (UTF-8 characters, not bytes), with no control character and no bidirectional control.
static std::string message_of(const Run& r, int status) {
    CHECK(r.status == status);
    CHECK(r.out.empty());
    const std::string prefix = "showwork: error: ";
    REQUIRE(r.err.starts_with(prefix));
    REQUIRE(r.err.ends_with("\n"));
    const std::string message = r.err.substr(prefix.size(), r.err.size() - prefix.size() - 1);
    std::size_t characters = 0;
    for (unsigned char c : message) characters += (c & 0xC0) != 0x80;
    CHECK(characters <= max_line);
    CHECK(std::none_of(message.begin(), message.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; }));
    CHECK(message.find("\u202E") == std::string::npos);
    return message;
}

static void check_message(const Run& r, int status, const std::string& expected) {
    CHECK(message_of(r, status) == expected);
}

static bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// ---- counts: a negative number is refused by name, never read as 2⁶⁴ − 1 ----

TEST_CASE("a negative count is refused by the option's name, in every command that reads one") {
    check_message(showwork_run({"descend", "-", "--batch", "-1"}, line_csv), 2, "--batch must be 0 or more, not '-1'");
    check_message(showwork_run({"descend", "-", "--seed", "-1"}, line_csv), 2, "--seed must be 0 or more, not '-1'");
    check_message(showwork_run({"descend", "-", "--epochs", "-1"}, line_csv), 2,
                  "--epochs must be a whole number from 1 to 10000000, not '-1'");
    check_message(showwork_run({"descend", "-", "--degree", "-1"}, line_csv), 2,
                  "--degree must be a whole number from 1 to 20, not '-1'");
    check_message(showwork_run({"descend", "-", "--digits", "-1"}, line_csv), 2,
                  "--digits must be a whole number from 1 to 1000, not '-1'");
    check_message(showwork_run({"regress", "-", "--degree", "-2"}, line_csv), 2,
                  "--degree must be a whole number from 1 to 20, not '-2'");
    check_message(showwork_run({"regress", "-", "--digits", "-1"}, line_csv), 2,
                  "--digits must be a whole number from 1 to 1000, not '-1'");
    check_message(showwork_run({"compare", "regress", "-", "--degree", "-1"}, line_csv), 2,
                  "--degree must be a whole number from 1 to 20, not '-1'");
    for (const char* command : {"forward", "backprop", "train"}) {
        INFO(command);
        check_message(showwork_run({command, "-", "--layers", "2,2,1", "--seed", "-1"}, xor_csv), 2,
                      "--seed must be 0 or more, not '-1'");
    }
    check_message(showwork_run({"train", "-", "--layers", "2,2,1", "--batch", "-1"}, xor_csv), 2,
                  "--batch must be 0 or more, not '-1'");
    check_message(showwork_run({"train", "-", "--layers", "2,2,1", "--epochs", "-5"}, xor_csv), 2,
                  "--epochs must be a whole number from 1 to 10000000, not '-5'");
    check_message(showwork_run({"train", "-", "--layers", "2,2,1", "--trace-epochs", "-1"}, xor_csv), 2,
                  "--trace-epochs must be 0 or more, not '-1'");
    check_message(showwork_run({"train", "-", "--layers", "2,-1,1"}, xor_csv), 2,
                  "layer sizes '2,-1,1': '-1' is not a layer size (a whole number from 1 to 100000)");
    check_message(showwork_run({"train", "-", "--layers", "-2"}, xor_csv), 2,
                  "layer sizes '-2': '-2' is not a layer size (a whole number from 1 to 100000)");
    for (const char* option : {"--count", "--variants", "--size", "--rank", "--parameters"}) {
        INFO(option);
        CHECK(contains(message_of(showwork_run({"generate", "system", option, "-1"}), 2),
                       std::string(option) + " must be a whole number from 1 to "));
    }
    check_message(showwork_run({"generate", "system", "--seed", "-1"}), 2,
                  "--seed must be a whole number from 1 to 999999999, not '-1'");
}

TEST_CASE("a count is decimal digits: not octal, not hexadecimal, not a fraction, not beyond 2⁶⁴") {
    check_message(showwork_run({"descend", "-", "--epochs", "0x10"}, line_csv), 2,
                  "--epochs must be a whole number from 1 to 10000000, not '0x10'");
    check_message(showwork_run({"descend", "-", "--batch", "1.5"}, line_csv), 2,
                  "--batch must be a whole number, 0 or more, not '1.5'");
    check_message(showwork_run({"descend", "-", "--seed", "18446744073709551616"}, line_csv), 2,
                  "--seed must be a whole number, 0 or more, not '18446744073709551616'");
    // 010 is ten epochs, as written
    Run ten = showwork_run({"descend", "-", "--epochs", "010", "--no-steps", "--format", "json"}, line_csv);
    REQUIRE(ten.status == 0);
    CHECK(nlohmann::json::parse(ten.out)["input"]["epochs"] == 10);
    // what is too large for the data is still said so, with the value as typed
    check_message(showwork_run({"descend", "-", "--batch", "6"}, line_csv), 2, "--batch 6 is more than the 5 observations");
}

// ---- long values: cut to a few dozen characters, the message still naming what was wrong ----

TEST_CASE("a message quoting a huge value stays one line of at most 400 characters and names what was wrong") {
    // the exact loss of a diverging run has hundreds of digits
    const std::string diverged = message_of(showwork_run({"descend", "-", "--rate", "1e400"}, line_csv), 1);
    CHECK(diverged.starts_with("gradient descent diverged: the loss went from 43/5 to "));
    CHECK(contains(diverged, " digits) by epoch 1; the learning rate 1e400 is too large"));
    // a weight of 5,000 digits
    const std::string weight = std::string(5000, '1');
    const std::string weights = "{\"layers\": [{\"W\": [[\"" + weight + "\"], [1]], \"b\": [0]}]}";
    CHECK(message_of(showwork_run({"forward", "-", "--init", weights, "--y", "y"}, xor_csv), 2) ==
          "--init: layer 1: W row 1, entry 1: '" + std::string(40, '1') +
              "…' (5,000 characters) is not a number (number of 5000 characters is longer than the limit of 4096)");
    // the same weight as a JSON number: read from its digits alike
    const std::string number = "{\"layers\": [{\"W\": [[" + weight + "], [1]], \"b\": [0]}]}";
    CHECK(message_of(showwork_run({"forward", "-", "--init", number, "--y", "y"}, xor_csv), 2) ==
          "--init: layer 1: W row 1, entry 1: '" + std::string(40, '1') +
              "…' (5,000 characters) is not a number (number of 5000 characters is longer than the limit of 4096)");
    // a power of a power whose exact value is too long to write
    const std::string tower = message_of(showwork_run({"diff", "x^((9^4096)^4096)", "--at", "x=2"}), 1);
    CHECK(tower.starts_with("the exact value of "));
    CHECK(contains(tower, " would take more than 4,096 characters; evaluate in double or float50 (--number double)"));
    const std::string tiny = message_of(showwork_run({"diff", "x^2", "--at", "x=1e-4000"}), 1);
    CHECK(tiny.starts_with("the exact value of (1/1" + std::string(37, '0') +
                           "…(4,002 digits))^2 would take more than 4,096 characters"));
}

TEST_CASE("any message longer than 400 characters is cut where it is printed") {
    // a column of 1,000 characters asked for: the message quotes it cut, and stays one line
    const std::string name(1000, 'n');
    CHECK(contains(message_of(showwork_run({"regress", "-", "--y", name}, "x,y\n1,2\n2,3\n3,5\n"), 2),
                   "…' (1,000 characters) in standard input: the columns are x, y"));
    // a header cell of 1,000 characters is no column's name: refused by its length, quoted cut
    CHECK(message_of(showwork_run({"regress", "-"}, "x," + name + "\n1,2\n"), 2) ==
          "standard input: line 1: the name of column 2, '" + std::string(40, 'n') +
              "…' (1,000 characters), is 1,000 bytes long; a name has at most 200");
    // CLI11's own message about a value it does not accept quotes the value whole: cut at the end
    const std::string format = message_of(showwork_run({"show", "1", "--format", std::string(2000, 'f')}), 2);
    CHECK(format.starts_with("--format: "));
    CHECK(format.ends_with("…"));
}

// ---- control characters: escaped in every message, as the matrix reader escapes them ----

TEST_CASE("check: a working's control characters and bidirectional controls are escaped in the message") {
    auto check = [](const std::string& working) {
        return message_of(showwork_run({"check", "2 3; 4 5", "-", "--goal", "ref"}, working), 2);
    };
    CHECK(check("R2 -> R2 - 2R1\x01\n") ==
          "standard input: line 1: row operation 1 'R2 -> R2 - 2R1\\x01' (at character 15): expected the end of the "
          "operation");
    CHECK(check("\x1b[31mR2 -> R2 - 2R1\n") ==
          "standard input: line 1: row operation 1 '\\x1b[31mR2 -> R2 - 2R1' (at character 1): expected a row such "
          "as R1 at the start");
    CHECK(contains(check("R2 -> R2 - 2R1 \u202E: [2 3; 0 -1]\n"), "'R2 -> R2 - 2R1 \\u202e'"));
    const std::string answer = message_of(
        showwork_run({"check", "2 3 6; 4 5 10", "-", "--goal", "solve"}, "R2 -> R2 - 2R1\nanswer: x = 0\x01, y = 2\u202E\n"),
        2);
    CHECK(answer == "standard input: line 2: the answer: x: '0\\x01' is not a number or a number plus multiples of "
                    "parameters (2 - 3t)");
    // a matrix of the working, read by the matrix reader
    CHECK(contains(check("R2 -> R2 - 2R1 : [2 3; 0 \u202E-1]\n"), "stray character '\\u202e'"));
}

TEST_CASE("every reader escapes what it quotes: data, weights, expressions, options, arguments") {
    // a data file's column name is shown in every derivation: one with a control character is refused
    check_message(showwork_run({"regress", "-"}, "x,y\x1b[31m\n1,2\n2,3\n3,5\n"), 2,
                  "standard input: line 1: the name of column 2, 'y\\x1b[31m', has a control character (\\x1b)");
    check_message(showwork_run({"regress", "-"}, "x,\u202Ey\n1,2\n2,3\n3,5\n"), 2,
                  "standard input: line 1: the name of column 2, '\\u202ey', has a control character (\\u202e)");
    check_message(showwork_run({"regress", "-", "--y", "z\x01"}, line_csv), 2,
                  "no column named 'z\\x01' in standard input: the columns are x, y");
    // a weights file's activation, a JSON string that may hold any character
    check_message(showwork_run({"forward", "-", "--init",
                                "{\"layers\": [{\"W\": [[1], [1]], \"b\": [0], \"activation\": \"relu\\u001b[0m\"}]}"},
                               xor_csv),
                  2,
                  "--init: layer 1: unknown activation 'relu\\x1b[0m': the activations are identity, relu, sigmoid, "
                  "tanh and softmax");
    check_message(showwork_run({"diff", "x\x1b[2J"}), 2, "position 2: unexpected character '\\x1b'");
    check_message(showwork_run({"diff", "x \u202E+ 1"}), 2, "position 3: unexpected character '\\u202e'");
    check_message(showwork_run({"train", "-", "--layers", "2,2,1", "--activation", "relu\x07"}, xor_csv), 2,
                  "unknown activation 'relu\\x07': the activations are identity, relu, sigmoid, tanh and softmax");
    check_message(showwork_run({"frobnicate\x1b[2J"}), 2, "unknown command 'frobnicate\\x1b[2J': 'showwork help' lists them");
    check_message(showwork_run({"show", "no_such\x1b.txt"}), 2, "cannot read 'no_such\\x1b.txt': no such file");
    check_message(showwork_run({"show", "1 2 \x1b[2J"}), 2, "row 1, column 3: stray character '\\x1b'");
}

// ---- empty values: an input error naming the option ----

TEST_CASE("an empty list, an empty item of a list, or an empty path is refused by the option's name") {
    check_message(showwork_run({"regress", "-", "--x", ","}, line_csv), 2, "--x ',' has an empty item (item 1 of 2)");
    check_message(showwork_run({"regress", "-", "--x=x,"}, line_csv), 2, "--x 'x,' has an empty item (item 2 of 2)");
    check_message(showwork_run({"regress", "-", "--y", ""}, line_csv), 2,
                  "--y is empty: give a value, or leave --y out for its default");
    check_message(showwork_run({"regress", "-", "--x="}, line_csv), 2,
                  "--x is empty: give a value, or leave --x out for its default");
    check_message(showwork_run({"compare", "regress", "-", "--x", ","}, line_csv), 2,
                  "--x ',' has an empty item (item 1 of 2)");
    check_message(showwork_run({"descend", "-", "--tolerance", ""}, line_csv), 2,
                  "--tolerance is empty: give a value, or leave --tolerance out for its default");
    check_message(showwork_run({"train", "-", "--layers", "2,2,1", "--save", ""}, xor_csv), 2,
                  "--save is empty: name a file");
    check_message(showwork_run({"train", "-", "--layers", "2,2,1", "--init", " "}, xor_csv), 2,
                  "--init is empty: name a file");
    check_message(showwork_run({"train", "-", "--layers", "2,2,1", "--test", ""}, xor_csv), 2,
                  "--test is empty: name a file");
    check_message(showwork_run({"train", "-", "--layers", ""}, xor_csv), 2,
                  "--layers is empty: give a value, or leave --layers out for its default");
    check_message(showwork_run({"train", "-", "--layers", "2,,1"}, xor_csv), 2,
                  "--layers '2,,1' has an empty item (item 2 of 3)");
    check_message(showwork_run({"train", "-", "--layers", "2,2,1", "--activation", ""}, xor_csv), 2,
                  "--activation is empty: give a value, or leave --activation out for its default");
    check_message(showwork_run({"train", "-", "--layers", "2,2,1", "--activation", "relu,,identity"}, xor_csv), 2,
                  "--activation 'relu,,identity' has an empty item (item 2 of 3)");
    check_message(showwork_run({"forward", "-", "--layers", "2,2,1", "--y", "y,"}, xor_csv), 2,
                  "--y 'y,' has an empty item (item 2 of 2)");
    check_message(showwork_run({"show", "1 2", "-o", ""}), 2, "-o is empty: name a file");
    check_message(showwork_run({"show", "1 2", "--output="}), 2, "--output is empty: name a file");
    check_message(showwork_run({"diff", "x^2", "--vars", ""}), 2,
                  "--vars is empty: give a value, or leave --vars out for its default");
    check_message(showwork_run({"gradient", "x*y", "--vars", "x,,y"}), 2, "--vars 'x,,y' has an empty item (item 2 of 3)");
    check_message(showwork_run({"diff", "x^2", "--at", "x=1,"}), 2, "--at 'x=1,' has an empty item (item 2 of 2)");
    check_message(showwork_run({"solve", "1 2 3; 4 5 6", "--unknowns", "p,"}), 2,
                  "--unknowns 'p,' has an empty item (item 2 of 2)");
    check_message(showwork_run({"rref", "1 2 3; 4 5 6", "--augment", ""}), 2,
                  "--augment is empty: give a value, or leave --augment out for its default");
    check_message(showwork_run({"generate", "system", "--size", ""}), 2,
                  "--size is empty: give a value, or leave --size out for its default");
    check_message(showwork_run({"generate", ""}), 2,
                  "KINDS is empty: name a kind of problem (system, family, none, rank, rref, inverse, det, regression, "
                  "derivative or backprop)");
    check_message(showwork_run({"generate", "system,,det"}), 2, "the list 'system,,det' has an empty name (name 2 of 3)");
}

// ---- the elimination commands' options, and arguments CLI11 did not expect ----

TEST_CASE("det takes every elimination option the README names: --tolerance, --detail, --pivot, --method") {
    auto det = [](std::vector<std::string> extra) {
        std::vector<std::string> args{"det", "1 1; 1 1.0000001", "--number", "double", "--format", "json"};
        args.insert(args.end(), extra.begin(), extra.end());
        Run r = showwork_run(args);
        REQUIRE(r.status == 0);
        return nlohmann::json::parse(r.out)["result"].get<std::string>();
    };
    CHECK(det({}) != "0");
    CHECK(det({"--tolerance", "1e-3"}) == "0");  // the second pivot, 1e-7, is taken as zero
    CHECK(det({"--tolerance", "1e-9", "--detail", "full", "--pivot", "partial"}) != "0");
    check_message(showwork_run({"det", "1 2; 3 4", "--tolerance", "1e-3"}), 2,
                  "--tolerance is for --number double or float50: exact arithmetic tells zero exactly");
    check_message(showwork_run({"det", "1 2; 3 4", "--number", "double", "--method", "cofactor", "--tolerance", "1e-3"}), 2,
                  "--tolerance is for elimination: --method cofactor tests no entry for zero");
    // every elimination command takes --tolerance
    for (const char* command : {"ref", "rref", "rank", "det", "inverse", "solve", "nullspace", "colspace", "lu"}) {
        INFO(command);
        CHECK(showwork_run({command, "2 1 1; 1 3 2; 1 0 0", "--number", "double", "--tolerance", "1e-12"}).status == 0);
    }
}

TEST_CASE("arguments CLI11 did not expect are listed in the order typed, with the command's help") {
    check_message(showwork_run({"show", "1 2", "a", "b", "c"}), 2,
                  "The following arguments were not expected: a b c (see 'showwork help show')");
    check_message(showwork_run({"show", "-1 2", "a", "-b"}), 2,
                  "The following arguments were not expected: a -b (see 'showwork help show')");
    check_message(showwork_run({"rowops", "1 2; 3 4", "R1 <-> R2", "--unit-pivots", "x"}), 2,
                  "The following arguments were not expected: --unit-pivots x (see 'showwork help rowops')");
    check_message(showwork_run({"show", "1", "\x1b[2J"}), 2,
                  "The following argument was not expected: \\x1b[2J (see 'showwork help show')");
}

}  // namespace test_cli_messages
