// The calculus commands of the `showwork` program end to end: diff, gradient and jacobian, their
// results in every format, the derivations against golden files, the documents through
// pdflatex, and every kind of bad input with its message and exit status.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "golden.hpp"
#include "pdflatex.hpp"
#include "process.hpp"

namespace test_cli_calculus {  // this file's names, apart from the other suites' in the unity build

using showwork::testing::Run;
using Json = nlohmann::json;

namespace {

const std::string notes_F = "2*x + y^3; exp(y) - 13*x";  // notes 003 §1.5.2

Run showwork_run(std::vector<std::string> args) { return showwork::testing::run_program(SHOWWORK_PROGRAM, args); }

// A success: status 0, nothing on stderr.
Run ok(std::vector<std::string> args) {
    Run r = showwork_run(std::move(args));
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    return r;
}

Json json_of(std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "json"});
    return Json::parse(ok(std::move(args)).out);
}

// A failure is one line on stderr starting "showwork: error:", and nothing on stdout.
void check_error(const Run& r, int status, std::string_view message) {
    CHECK(r.status == status);
    CHECK(r.out.empty());
    CHECK(r.err == "showwork: error: " + std::string(message) + "\n");
}

// The last step of a JSON step list, and whether any step (at any depth) is of a kind.
bool has_step(const Json& steps, const std::string& kind) {
    for (const auto& s : steps) {
        if (s["kind"] == kind || has_step(s["substeps"], kind)) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("jacobian of notes 003 prints the pmatrix of the notes in LaTeX, or bmatrix") {
    Run r = ok({"jacobian", notes_F, "--vars", "x,y", "--format", "latex"});
    std::string pmatrix = "\\begin{pmatrix} 2 & 3y^{2} \\\\ -13 & e^{y} \\end{pmatrix}";
    CHECK(r.out.ends_with("% Result\nJ_F = " + pmatrix + "\n"));
    Run brief = ok({"jacobian", notes_F, "--vars", "x,y", "--format", "latex", "--no-steps"});
    CHECK(brief.out.find("% Steps") == std::string::npos);
    CHECK(brief.out.ends_with("% Result\nJ_F = " + pmatrix + "\n"));
    Run square = ok({"jacobian", notes_F, "--vars", "x,y", "--format", "latex", "--bmatrix", "--no-steps"});
    CHECK(square.out.ends_with("\\begin{bmatrix} 2 & 3y^{2} \\\\ -13 & e^{y} \\end{bmatrix}\n"));
}

TEST_CASE("the derivation of each Jacobian entry matches its golden file in text and LaTeX") {
    showwork::testing::check_golden("calculus_jacobian.txt", ok({"jacobian", notes_F, "--vars", "x,y"}).out);
    showwork::testing::check_golden("calculus_jacobian.latex.tex",
                                    ok({"jacobian", notes_F, "--vars", "x,y", "--format", "latex"}).out);
    showwork::testing::check_golden("calculus_chain_rule.latex.tex",
                                    ok({"diff", "sin(x^2)", "--wrt", "x", "--format", "latex"}).out);
}

TEST_CASE("the chain rule for sin(x^2) reads as notes 003 writes it") {
    std::string latex = ok({"diff", "sin(x^2)", "--wrt", "x", "--format", "latex"}).out;
    CHECK(latex.find("f = \\sin(g), g = x^{2}, \\frac{\\partial f}{\\partial x} = "
                     "\\frac{\\partial f}{\\partial g} \\cdot \\frac{\\partial g}{\\partial x} = "
                     "\\cos(g) \\cdot 2x = 2x \\cos(x^{2})\n") != std::string::npos);
    std::string text = ok({"diff", "sin(x^2)", "--wrt", "x"}).out;
    CHECK(text.find("f = sin(g), g = x², ∂f/∂x = ∂f/∂g · ∂g/∂x = cos(g) · 2x = 2x cos(x²)") != std::string::npos);
    // --wrt may be left out when the expression has one variable
    CHECK(ok({"diff", "sin(x^2)"}).out == text);
}

TEST_CASE("the input as typed: x*x by the product rule; an input rewritten as read says so first") {
    std::string product = ok({"diff", "x*x"}).out;
    CHECK(product.find("f = x · x") != std::string::npos);
    CHECK(product.find("Product rule") != std::string::npos);
    CHECK(product.find("∂f/∂x = 2x") != std::string::npos);
    CHECK(product.find("is read as") == std::string::npos);
    std::string rewritten = ok({"diff", "3x*2"}).out;
    CHECK(rewritten.find("1. The input “3x*2” is read as it simplifies at once:\n     f = 6x") != std::string::npos);
    std::string vector = ok({"jacobian", "x y; y + y", "--vars", "x,y"}).out;
    CHECK(vector.find("The input “x y; y + y” is read as") != std::string::npos);
    CHECK(ok({"chain", "u^2 + v^2", "cos(t); sin(t)", "--inner", "u,v", "--vars", "t"}).out.find("J_(F∘g) = [ 0 ]") !=
          std::string::npos);
}

TEST_CASE("the calculus names are typeset: sigma, ReLU', nabla, partial, e") {
    std::string sigma = ok({"diff", "sigma(x)", "--format", "latex", "--no-steps"}).out;
    CHECK(sigma.find("\\sigma(x)") != std::string::npos);
    std::string relu = ok({"diff", "relu(x^2 - 1)", "--format", "latex", "--no-steps"}).out;
    CHECK(relu.find("\\operatorname{ReLU}'(x^{2} - 1)") != std::string::npos);
    std::string nabla = ok({"gradient", "x y", "--vars", "x,y", "--format", "latex"}).out;
    CHECK(nabla.find("\\nabla f = {\\def\\arraystretch{1.4}\\begin{pmatrix} \\frac{\\partial f}{\\partial x} \\\\ "
                     "\\frac{\\partial f}{\\partial y} \\end{pmatrix}}") != std::string::npos);
    std::string text = ok({"gradient", "exp(x) + sigma(y)", "--vars", "x,y"}).out;
    CHECK(text.find("∇f = ") != std::string::npos);
    CHECK(text.find("σ(y)") != std::string::npos);
    CHECK(text.find("e^x") != std::string::npos);
}

TEST_CASE("gradient at a point: exact rationals exactly, double to rounding") {
    Json exact = json_of({"gradient", "x^2 + y^2", "--vars", "x,y", "--at", "x=1/2,y=3"});
    CHECK(exact["result"]["gradient"]["entries"] == Json::parse(R"([["2x"], ["2y"]])"));
    CHECK(exact["result"]["value"]["entries"] == Json::parse(R"([["1"], ["6"]])"));
    CHECK(exact["input"]["x"] == "1/2");
    CHECK(exact["number"] == "exact");
    Json floating = json_of({"gradient", "x^2 + y^2", "--vars", "x,y", "--at", "x=0.1,y=3", "--number", "double"});
    CHECK(std::stod(floating["result"]["value"]["entries"][0][0].get<std::string>()) == doctest::Approx(0.2));
    CHECK(floating["result"]["value"]["entries"][1][0] == "6");
    // exactly, 0.1 is 1/10
    CHECK(json_of({"gradient", "x^2", "--vars", "x", "--at", "x=0.1"})["result"]["value"]["entries"][0][0] == "1/5");
}

TEST_CASE("jacobian at a point, exact and float50") {
    Json j = json_of({"jacobian", notes_F, "--vars", "x,y", "--at", "x=0,y=0"});
    // symbolic entries as text, their LaTeX beside
    CHECK(j["result"]["jacobian"]["entries"] == Json::parse(R"([["2", "3y²"], ["−13", "e^y"]])"));
    CHECK(j["result"]["jacobian"]["latex"] == Json::parse(R"([["2", "3y^{2}"], ["-13", "e^{y}"]])"));
    CHECK(j["result"]["value"]["entries"] == Json::parse(R"([["2", "0"], ["-13", "1"]])"));
    CHECK(has_step(j["steps"], "evaluate"));
    Json wide = json_of({"jacobian", notes_F, "--vars", "x,y", "--at", "x=0,y=1", "--number", "float50"});
    std::string e = wide["result"]["value"]["entries"][1][1];
    CHECK(e.starts_with("2.71828182845904523536028747135266249775724709"));
    CHECK(wide["result"]["value"]["entries"][0][1] == "3");
}

TEST_CASE("diff at a point records its value and a check step") {
    Json d = json_of({"diff", "sin(x^2)", "--wrt", "x", "--at", "x=0.7", "--number", "double"});
    CHECK(d["command"] == "diff");
    CHECK(d["result"]["derivative"]["latex"] == "2x \\cos(x^{2})");
    CHECK(d["result"]["derivative"]["text"] == "2x cos(x²)");
    CHECK(std::stod(d["result"]["value"].get<std::string>()) == doctest::Approx(1.4 * std::cos(0.49)));
    REQUIRE(d["steps"].back()["kind"] == "check");
    CHECK(d["steps"].back()["text"].get<std::string>().find("they agree: the largest relative difference ") != std::string::npos);
    CHECK(d["steps"].back()["operation"].get<std::string>().find("\\text{central difference} \\approx") !=
          std::string::npos);
    // exactly, the dual numbers check alone, and exactly
    Json exact = json_of({"diff", "x^3 - 2x", "--at", "x=1/2"});
    CHECK(exact["result"]["value"] == "-5/4");
    REQUIRE(exact["steps"].back()["kind"] == "check");
    CHECK(exact["steps"].back()["text"].get<std::string>().find("they agree exactly") != std::string::npos);
    // without steps, no check is written
    CHECK(json_of({"diff", "x^2", "--at", "x=1", "--no-steps"})["steps"].empty());
}

TEST_CASE("--relu-at-zero chooses ReLU'(0)") {
    CHECK(json_of({"diff", "relu(x)", "--at", "x=0"})["result"]["value"] == "0");
    CHECK(json_of({"diff", "relu(x)", "--at", "x=0", "--relu-at-zero", "1"})["result"]["value"] == "1");
    Run bad = showwork_run({"diff", "relu(x)", "--relu-at-zero", "2"});
    CHECK(bad.status == 2);
    CHECK(bad.err.starts_with("showwork: error: "));
}

TEST_CASE("max(0, x), max(x, 0) and relu(x) have one derivative at 0, and their checks agree") {
    for (const char* c : {"0", "1"}) {
        for (const char* number : {"exact", "double", "float50"}) {
            for (const char* f : {"max(0, x)", "max(x, 0)", "relu(x)"}) {
                CAPTURE(c);
                CAPTURE(number);
                CAPTURE(f);
                Json d = json_of({"diff", f, "--at", "x=0", "--relu-at-zero", c, "--number", number});
                CHECK(d["result"]["value"] == c);
                CHECK(d["result"]["derivative"]["latex"] == "\\operatorname{ReLU}'(x)");
                REQUIRE(d["steps"].back()["kind"] == "check");
                CHECK(d["steps"].back()["text"].get<std::string>().find("they agree") != std::string::npos);
            }
        }
    }
}

TEST_CASE("a check next to a kink agrees: relu(x^2 - 2) at the double nearest √2") {
    Json d = json_of({"diff", "relu(x^2 - 2)", "--at", "x=1.4142135623730951", "--number", "double"});
    CHECK(d["steps"].back()["text"].get<std::string>().find("and a forward difference (a kink lies within") !=
          std::string::npos);
    CHECK(d["steps"].back()["text"].get<std::string>().find("they agree") != std::string::npos);
}

TEST_CASE("a check that disagrees fails the command: the derivation, then the error, status 1") {
    // sin x at x = 10¹⁵: doubles lie 1/8 apart there, and the longest steps of the difference
    // (about 10⁹, in proportion to x) agree with one another on a value near 0: a limit of
    // difference quotients, which the check reports as it finds it
    Run r = showwork_run({"diff", "sin(x)", "--at", "x=1e15", "--number", "double"});
    CHECK(r.status == 1);
    CHECK(r.out.find("they DISAGREE") != std::string::npos);
    CHECK(r.err.starts_with("showwork: error: the check of the derivative failed at x = 1000000000000000: "));
    CHECK(r.err.find("by dual numbers, ") != std::string::npos);
    // without --steps the check still runs
    Run quiet = showwork_run({"diff", "sin(x)", "--at", "x=1e15", "--number", "double", "--no-steps"});
    CHECK(quiet.status == 1);
    CHECK(quiet.err == r.err);
}

TEST_CASE("the check follows e^x and sin x far from 0, where one step in proportion to x does not") {
    // a step of ε^{1/3}·|x| is off by h²/6 for these, past the tolerance from x = 100 on
    for (const std::string f : {"exp(x)", "sin(x)", "x cos(x)"}) {
        for (const std::string x : {"x=100", "x=709", "x=1e6"}) {
            if (f == "exp(x)" && x == "x=1e6") continue;  // e^(10⁶) is beyond double
            CAPTURE(f);
            CAPTURE(x);
            Json d = json_of({"diff", f, "--at", x, "--number", "double"});
            CHECK(d["steps"].back()["text"].get<std::string>().find("they agree") != std::string::npos);
        }
    }
    // sin(10¹⁰x) varies faster than any step can follow: its difference does not settle and is not
    // compared, while forward mode still checks the rules
    Json fast = json_of({"diff", "sin(10000000000 x)", "--at", "x=1", "--number", "double"});
    const std::string text = fast["steps"].back()["text"];
    CHECK(text.find("against forward mode (dual numbers): they agree") != std::string::npos);
    CHECK(text.find("The central difference does not settle at this point") != std::string::npos);
}

TEST_CASE("a check that overflows the scalar is not compared, and says so; the derivative stands") {
    for (const char* at : {"x=1e160", "x=-1e200"}) {
        Json d = json_of({"diff", "x^2", "--at", at, "--number", "double"});
        CHECK(d["result"]["value"] == (std::string(at) == "x=1e160" ? "2e+160" : "-2e+200"));
        CHECK(d["steps"].back()["text"].get<std::string>().ends_with(
            ": the derivative by the rules is not compared: the check by forward mode (dual numbers) and by central "
            "difference overflows in double at this point."));
    }
    // e^x at 709: the value is 8.2e307, the central difference's step stays below the overflow at 709.78
    CHECK(json_of({"diff", "exp(x)", "--at", "x=709", "--number", "double", "--no-steps"})["result"]["value"] ==
          "8.218407461554972e+307");
}

TEST_CASE("a value at the point beyond double's range fails, naming where it overflowed: status 1") {
    check_error(showwork_run({"gradient", "x^(10^400)", "--vars", "x", "--at", "x=1/2", "--number", "double"}), 1,
                "∂f/∂x is undefined (NaN) in double at x = 0.5: the number 1e400"
                    " is beyond its range (the largest double is about 1.8e+308), and what follows from it has no "
                    "value; evaluate in float50, whose range is far wider (--number float50)");
    check_error(showwork_run({"diff", "1/x", "--at", "x=1e-200", "--number", "double"}), 1,
                "∂f/∂x is -inf in double at x = 1e-200: 1/x^2 is inf there, beyond its range (the largest double is "
                "about 1.8e+308); evaluate in float50, whose range is far wider (--number float50)");
    check_error(showwork_run({"diff", "exp(x)", "--at", "x=1000", "--number", "double"}), 1,
                "∂f/∂x is inf in double at x = 1000: e^x is inf there, beyond its range (the largest double is about "
                "1.8e+308); evaluate in float50, whose range is far wider (--number float50)");
    check_error(showwork_run({"jacobian", "exp(x y); y", "--vars", "x,y", "--at", "x=30,y=30", "--number", "double"}),
                1,
                "∂f1/∂x, entry (1, 1) of J_F, is inf in double at x = 30, y = 30: e^(x y) is inf there, beyond its "
                "range (the largest double is about 1.8e+308); evaluate in float50, whose range is far wider "
                "(--number float50)");
    check_error(showwork_run({"chain", "exp(u)", "t^2", "--inner", "u", "--vars", "t", "--at", "t=30", "--number",
                              "double"}),
                1,
                "entry (1, 1) of J_F∘g is inf in double at t = 30: e^(t^2) is inf there, beyond its range (the largest "
                "double is about 1.8e+308); evaluate in float50, whose range is far wider (--number float50)");
    // float50 holds them: 10⁴⁰⁰ · 2^−(10⁴⁰⁰ − 1) underflows to 0
    CHECK(json_of({"gradient", "x^(10^400)", "--vars", "x", "--at", "x=1/2", "--number", "float50", "--no-steps"})
              ["result"]["value"]["entries"] == Json::parse(R"([["0"]])"));
    CHECK(ok({"diff", "1/x", "--at", "x=1e-200", "--number", "float50", "--no-steps"}).out.find("value = −1e+400") !=
          std::string::npos);
}

TEST_CASE("a number of the expression beyond double's range is an input error naming it: status 2") {
    check_error(showwork_run({"diff", "10^400 x", "--at", "x=1", "--number", "double"}), 2,
                "f holds the number 1e400, beyond the range of double (its largest is about 1.8e+308); "
                "evaluate in float50, whose range is far wider (--number float50)");
    check_error(showwork_run({"gradient", "x/10^400 + y", "--vars", "x,y", "--at", "x=1,y=1", "--number", "double"}),
                2,
                "f holds the number 1e-400, so close to 0 that double rounds "
                "it to 0; evaluate in float50, whose range is far wider (--number float50)");
    // (9^4096)^4096 is left as a power; its base, 3,909 digits, is beyond double
    check_error(showwork_run({"jacobian", "x^((9^4096)^4096); y", "--vars", "x,y", "--at", "x=1,y=1", "--number",
                              "double"}),
                2,
                "F holds the number 3.77849e3908, beyond the range of "
                "double (its largest is about 1.8e+308); evaluate in float50, whose range is far wider (--number "
                "float50)");
    check_error(showwork_run({"diff", "x", "--at", "x=1e400", "--number", "double"}), 2,
                "position 1: value of x: '1e400': out of range for double");
    // without --at nothing is evaluated, and the derivative is symbolic whatever the scalar
    CHECK(ok({"diff", "10^400 x", "--number", "double", "--no-steps"}).status == 0);
    // an exponent is kept exact: x^(10^400) is 0 at 1/2 in double (it underflows), a number
    CHECK(ok({"diff", "x^(10^400) + x", "--at", "x=1/2", "--number", "float50", "--no-steps"}).status == 0);
}

TEST_CASE("an expression that starts with a minus is the expression, not an option") {
    Json d = json_of({"diff", "-x^2", "--wrt", "x"});
    CHECK(d["result"]["latex"] == "-2x");
    CHECK(json_of({"diff", "--wrt", "x", "-x^3 + 1", "--at", "x=-1"})["result"]["value"] == "-3");
    CHECK(json_of({"diff", "-x", "--at=x=-1/2"})["result"]["value"] == "-1");
}

TEST_CASE("bad expressions are input errors with their position: status 2") {
    check_error(showwork_run({"diff", "sinn(x)"}), 2, "position 1: unknown function 'sinn'");
    check_error(showwork_run({"diff", "(x + 1"}), 2, "position 1: unbalanced parentheses: '(' is not closed");
    check_error(showwork_run({"diff", "x +"}), 2, "position 4: missing operand at the end of the expression");
    check_error(showwork_run({"gradient", "x z", "--vars", "x,y"}), 2,
                "position 3: unknown variable 'z' (the variables are x, y)");
    check_error(showwork_run({"diff", "x y"}), 2, "--wrt is needed: the expression uses x, y");
    check_error(showwork_run({"diff", "x y", "--wrt", "x,y"}), 2, "--wrt takes one variable, not 'x,y'");
    Run no_vars = showwork_run({"gradient", "x y"});
    CHECK(no_vars.status == 2);
    CHECK(no_vars.err.find("--vars") != std::string::npos);
}

TEST_CASE("a point must give exactly the variables: status 2") {
    check_error(showwork_run({"gradient", "x^2", "--vars", "x", "--at", "x=1,z=2"}), 2,
                "the point gives z, which is not one of the variables (x)");
    check_error(showwork_run({"gradient", "x y", "--vars", "x,y", "--at", "x=1"}), 2,
                "the point gives no value for y (the variables are x, y)");
    check_error(showwork_run({"diff", "y^2", "--wrt", "x", "--at", "y=1"}), 2,
                "the point gives no value for x (the variables are y, x)");
}

TEST_CASE("mathematical failures at the point: status 1") {
    check_error(showwork_run({"diff", "ln(x)", "--at", "x=-1"}), 1, "ln of a non-positive number: x is -1 at the point");
    check_error(showwork_run({"gradient", "ln(x y)", "--vars", "x,y", "--at", "x=0,y=2", "--number", "double"}), 1,
                "ln of a non-positive number: x y is 0 at the point");
    check_error(showwork_run({"diff", "1/x", "--at", "x=0"}), 1, "division by zero: x is 0 at the point");
    check_error(showwork_run({"jacobian", "x/(y - 1); y", "--vars", "x,y", "--at", "x=1,y=1"}), 1,
                "division by zero: y - 1 is 0 at the point");
    check_error(showwork_run({"diff", "exp(x)", "--at", "x=1"}), 1,
                "exp(1) has no exact rational value (in e^x): evaluate in double or float50 (--number double)");
    check_error(showwork_run({"jacobian", notes_F, "--vars", "x,y", "--at", "x=1,y=1"}), 1,
                "exp(1) has no exact rational value (in e^y): evaluate in double or float50 (--number double)");
    // the same point in double is fine
    CHECK(ok({"diff", "exp(x)", "--at", "x=1", "--number", "double", "--no-steps"}).out.find("2.718281828459045") !=
          std::string::npos);
}

namespace {
std::string nested(std::string_view open, std::string_view close, std::size_t n) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) s += open;
    s += "x";
    for (std::size_t i = 0; i < n; ++i) s += close;
    return s;
}
}  // namespace

TEST_CASE("expressions too deep or too large: one line, status 2, never a crash") {
    const std::string deep = "expression nested deeper than 200 levels (parentheses, functions or powers)";
    check_error(showwork_run({"diff", nested("(", ")", 10'000)}), 2, "position 201: " + deep);
    check_error(showwork_run({"diff", nested("sin(", ")", 2'000)}), 2, "position 804: " + deep);
    std::string tower = "x";
    for (int i = 1; i < 5'000; ++i) tower += "^x";
    check_error(showwork_run({"diff", tower}), 2, "position 402: " + deep);
    check_error(showwork_run({"gradient", nested("sin(", ")", 201), "--vars", "x"}), 2, "position 804: " + deep);
    std::string product = "(x+1)";
    for (int k = 2; k <= 1100; ++k) product += "*(x+" + std::to_string(k) + ")";
    check_error(showwork_run({"diff", product}), 2,
                "expression of more than 1,000,000 numbers, variables and operations written out: too large to "
                "work with");
}

TEST_CASE("expressions at the depth limit: every format, with the derivation up to its size limit") {
    std::string tower = "x";
    for (int i = 1; i <= 200; ++i) tower += "^x";
    for (const std::string& f : {nested("sin(", ")", 200), tower}) {
        Json j = json_of({"diff", f});
        CHECK(j["result"].contains("latex"));
        CHECK(j["steps"].back()["kind"] == "omitted");
        for (const char* format : {"text", "latex", "markdown"}) {
            CHECK(!ok({"diff", f, "--format", format}).out.empty());
        }
    }
    // a tower of 190 sums, 6 KB: its derivation nests some 400 steps deep, and stays a few MB in
    // every format (text wrote 185 MB when sub-steps were indented under their parents without end)
    std::string big_tower = "(exp(x) + ln(x) + sin(x)*cos(x))";
    for (int i = 1; i < 190; ++i) big_tower += "^(exp(x) + ln(x) + sin(x)*cos(x))";
    for (const char* format : {"text", "latex", "document", "markdown", "json"}) {
        CAPTURE(format);
        CHECK(ok({"diff", big_tower, "--format", format}).out.size() < 5'000'000);
    }
    std::string sum = "x";
    for (int k = 2; k <= 10'000; ++k) sum += " + x^" + std::to_string(k);
    CHECK(ok({"diff", sum, "--no-steps"}).out.find("Result\n  ∂f/∂x = 1 + 2x + 3x² + 4x³") != std::string::npos);
}

TEST_CASE("a constant power too long to work out is left as a power, and the derivation says so") {
    Json j = json_of({"diff", "((9^4096)^4096)^4096 * x", "--wrt", "x"});
    CHECK(has_step(j["steps"], "unevaluated"));
    CHECK(j["result"]["latex"].get<std::string>().ends_with("^{16777216}"));
    check_error(showwork_run({"diff", "x^5000", "--at", "x=9"}), 1,
                "the exact value of 9^5000 would take more than 4,096 characters; evaluate in double or float50 "
                "(--number double)");
}

TEST_CASE("the calculus commands in markdown and help show their examples") {
    std::string md = ok({"jacobian", notes_F, "--vars", "x,y", "--format", "markdown"}).out;
    CHECK(md.starts_with("# Jacobian of $F$ in $x$, $y$"));  // the title's math as math
    CHECK(md.find("$$J_F = \\begin{pmatrix} 2 & 3y^{2} \\\\ -13 & e^{y} \\end{pmatrix}$$") != std::string::npos);
    for (const char* command : {"diff", "gradient", "jacobian"}) {
        CAPTURE(command);
        CHECK(ok({"help", command}).out.find(std::string("showwork ") + command) != std::string::npos);
    }
}

TEST_CASE("the documents of the Jacobian and of the chain rule compile with pdflatex" *
          doctest::skip(showwork::testing::skip_pdflatex_tests())) {
    std::vector<std::pair<std::string, std::vector<std::string>>> documents{
        {"jacobian", {"jacobian", notes_F, "--vars", "x,y", "--at", "x=0,y=0"}},
        {"chain-rule", {"diff", "sin(x^2)", "--at", "x=0.7", "--number", "double"}},
        {"quotient", {"diff", "relu(x)/(1 + x^2) + max(x, x^2) + x^x", "--wrt", "x"}},
    };
    for (auto [name, args] : documents) {
        const std::string label = name;  // clang 14 cannot capture a structured binding
        CAPTURE(label);
        args.insert(args.end(), {"--format", "document"});
        auto result = showwork::testing::compile_with_pdflatex("cli-" + name, ok(args).out);
        CHECK(result.status == 0);
        CHECK(result.pdf);
    }
}

// The chain rule of notes 003 as a command: F(u, v) = [sin u; u v], g(x, y) = [x² + y; ln y³].
// J_F(g) = [cos(x² + y) 0; v u] at g, J_g = [2x 1; 0 3/y]; at (x, y) = (0, 1), g = (1, 0):
// J_(F∘g) = [2x cos(x² + y), cos(x² + y); 2x ln y³, ln y³ + 3(x² + y)/y] = [0 cos 1; 0 3].
TEST_CASE("chain: the Jacobian of F(g) by the chain rule, its parts, its value, and a g that does not fit") {
    Json j = json_of({"chain", "sin(u); u*v", "x^2 + y; ln(y^3)", "--inner", "u,v", "--vars", "x,y"});
    CHECK(j["result"]["inner"]["entries"] == Json::parse(R"([["2x", "1"], ["0", "3/y"]])"));
    CHECK(j["result"]["outer_at_inner"]["entries"][0][0] == "cos(x² + y)");
    CHECK(j["result"]["jacobian"]["entries"][1][1] == "ln(y³) + 3(x² + y)/y");
    CHECK(has_step(j["steps"], "rule"));
    Json at = json_of({"chain", "sin(u); u*v", "x^2 + y; ln(y^3)", "--inner", "u,v", "--vars", "x,y", "--at", "x=0,y=1",
                       "--number", "double", "--no-steps"});
    CHECK(at["result"]["value"]["entries"][1] == Json::parse(R"(["0", "3"])"));
    CHECK(std::abs(std::stod(at["result"]["value"]["entries"][0][1].get<std::string>()) - std::cos(1.0)) < 1e-15);
    check_error(showwork_run({"chain", "u", "x; y", "--inner", "u", "--vars", "x,y"}), 2,
                "the inner function g has 2 components but F takes 1 variable (--inner u): give g one component "
                "per variable of F");
    check_error(showwork_run({"chain", "sin(w)", "x", "--inner", "u", "--vars", "x"}), 2,
                "position 5: unknown variable 'w' (the variables are u) (in component 1)");
}

TEST_CASE("at a kink the derivative is the convention's, as backpropagation takes it") {
    // ReLU′(0) = 0: relu(−x)′ = ReLU′(−x)·(−1) = 0 at x = 0 (not −1, a side's slope)
    CHECK(json_of({"diff", "relu(-x)", "--at", "x=0"})["result"]["value"] == "0");
    CHECK(json_of({"diff", "relu(-x)", "--at", "x=0", "--relu-at-zero", "1"})["result"]["value"] == "-1");
    // relu(3 − 2x)·x at x = 3/2: ReLU(0) − 2x·ReLU′(0) = 0
    CHECK(json_of({"diff", "relu(3-2x)*x", "--at", "x=3/2"})["result"]["value"] == "0");
    // the loss of a 1-2-1 ReLU network at w = 1, a kink of its first unit: 6, as backprop and PyTorch give
    CHECK(json_of({"diff", "((2 relu(-w+1)-2)^2+(2 relu(w+1)-1)^2)/2", "--wrt", "w", "--at", "w=1"})["result"]["value"] ==
          "6");
    CHECK(json_of({"diff", "abs(x)", "--at", "x=0"})["result"]["value"] == "0");
    // in double, the check at a kink has forward mode only, and passes
    Run checked = ok({"diff", "relu(x) + relu(-x)", "--at", "x=0", "--number", "double"});
    CHECK(checked.out.find("no difference quotient") != std::string::npos);
}

TEST_CASE("what the program prints reads back: letters apart, and a name of letters refused unless declared") {
    std::string text = ok({"jacobian", "(x+y)/(x-y); exp(x y)", "--vars", "x,y", "--no-steps"}).out;
    CHECK(text.find("y e^(x y)") != std::string::npos);
    CHECK(text.find("ye^(xy)") == std::string::npos);
    check_error(showwork_run({"diff", "xy", "--wrt", "x"}), 2,
                "'xy' is not a variable of f; did you mean x·y? (a name of several letters is one variable when "
                "--vars declares it)");
    check_error(showwork_run({"diff", "ye^(xy)", "--wrt", "x"}), 2,
                "'xy' is not a variable of f; did you mean x·y? (a name of several letters is one variable when "
                "--vars declares it)");
    CHECK(json_of({"diff", "xy^2", "--vars", "xy"})["result"]["text"] == "2xy");
    CHECK(json_of({"diff", "y e^(x y)", "--wrt", "x"})["result"]["text"] == "y² e^(x y)");
}

}  // namespace test_cli_calculus
