// The renderers: every node kind in LaTeX and in text (golden strings), whole documents in every
// format against golden files, JSON read back, and the .tex documents compiled with pdflatex.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "showwork/error.hpp"
#include "examples/neuron_layer.hpp"
#include "golden.hpp"
#include "pdflatex.hpp"
#include "support.hpp"
#include "showwork/trace/number.hpp"
#include "showwork/trace/render.hpp"

namespace test_render {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using namespace showwork::trace;

namespace {

Math m22(std::string a, std::string b, std::string c, std::string d) {
    return matrix(2, 2, {number(a), number(b), number(c), number(d)});
}

// R_2 \to R_2 - 2R_1
Math replacement() {
    return relation(indexed("R", 2), Rel::to,
                    sum({indexed("R", 2), negate(product({number("2"), indexed("R", 1)}, ""))}));
}

}  // namespace

// A matrix of millions of entries is millions of nodes: what only matrices and relations carry
// stays out of each number (168 bytes a node before, 96 now; `show` of 2,000×2,000 took 1.7 GB).
TEST_CASE("a math node is small: a number carries no matrix or relation fields") {
    CHECK(sizeof(trace::Math) <= 96);
    trace::Math m = trace::matrix(1, 2, {trace::number("1"), trace::number("2")});
    CHECK(m.highlight().empty());
    CHECK(m.args[0].relations().empty());
    trace::Math copy = m;
    copy.extras.make().highlight = {1};
    CHECK(copy != m);
    copy.extras.make().highlight.clear();
    CHECK(copy == m);  // an empty box equals no box
}

TEST_CASE("numbers: fractions, signs and powers of ten in LaTeX; exact text in the terminal") {
    CHECK(latex_number("-1/2") == "-\\frac{1}{2}");
    CHECK(latex_number("1e-05") == "10^{-5}");
    CHECK(latex_number("2.5e-7") == "2.5 \\times 10^{-7}");
    CHECK(latex_number("-inf") == "-\\infty");
    CHECK(latex_number("42") == "42");
    CHECK(to_latex(number("3/4")) == "\\frac{3}{4}");
    CHECK(to_text(number("-1/2")) == "−1/2");
    // matrix/scalar.hpp writes a scalar's LaTeX through the same code
    CHECK(scalar_latex(Rational(-3, 4)) == "-\\frac{3}{4}");
    CHECK(scalar_latex(1e-05) == "10^{-5}");
}

TEST_CASE("symbols: sub- and superscripts, Greek, bold, hat, blackboard, transpose") {
    CHECK(to_latex(indexed("R", 2)) == "R_2");
    CHECK(to_latex(symbol("x", number("12"))) == "x_{12}");
    CHECK(to_latex(symbol("alpha")) == "\\alpha");
    CHECK(to_latex(symbol("emptyset")) == "\\emptyset");
    CHECK(to_latex(symbol("W", empty(), text("[l]"), {.bold = true})) == "\\mathbf{W}^{\\text{[l]}}");
    CHECK(to_latex(symbol("partial", empty(), empty(), {.bold = true})) == "\\boldsymbol{\\partial}");
    CHECK(to_latex(symbol("beta", empty(), empty(), {.bold = true, .hat = true})) ==
          "\\hat{\\boldsymbol{\\beta}}");
    CHECK(to_latex(symbol("R", empty(), empty(), {.blackboard = true})) == "\\mathbb{R}");
    CHECK(to_latex(symbol("X", empty(), empty(), {.transpose = true})) == "X^\\top");
    CHECK(to_latex(symbol("A", empty(), symbol("l"), {.transpose = true})) == "A^{l\\top}");

    CHECK(to_text(indexed("R", 2)) == "R₂");
    CHECK(to_text(symbol("x", symbol("ij"))) == "xᵢⱼ");
    CHECK(to_text(symbol("x", symbol("ab"))) == "x_(ab)");  // no subscript b in Unicode
    CHECK(to_text(symbol("sigma")) == "σ");
    CHECK(to_text(symbol("X", empty(), empty(), {.transpose = true})) == "Xᵀ");
    CHECK(to_text(symbol("R", empty(), empty(), {.blackboard = true})) == "ℝ");
    CHECK(to_text(symbol("beta", empty(), empty(), {.hat = true})) == "β\u0302");
}

TEST_CASE("absolute values and norms; a function of one needs no parentheses") {
    Math error = sum({symbol("x", empty(), empty(), {.hat = true}), negate(symbol("x"))});
    CHECK(to_latex(absolute(error)) == "\\left| \\hat{x} - x \\right|");
    CHECK(to_text(absolute(error)) == "|x\u0302 − x|");
    CHECK(to_latex(apply("max", {absolute(error)})) == "\\max \\left| \\hat{x} - x \\right|");
    CHECK(to_text(apply("max", {absolute(error)})) == "max |x\u0302 − x|");
    CHECK(to_latex(apply("max", {error})) == "\\max(\\hat{x} - x)");
    Math r = sum({product({symbol("A"), symbol("x")}, ""), negate(symbol("b"))});
    CHECK(to_latex(norm(r, symbol("infty"))) == "\\left\\| Ax - b \\right\\|_{\\infty}");
    CHECK(to_text(norm(r, symbol("infty"))) == "‖Ax − b‖∞");  // no subscript ∞ in Unicode
    CHECK(to_text(norm(r)) == "‖Ax − b‖");
    // taller than a line: the bars grow with it
    CHECK(to_text(absolute(matrix(2, 1, {number("1"), number("2")}))).find("│") != std::string::npos);
}

TEST_CASE("relations: =, approx, to, sim, leftrightarrow and labelled arrows") {
    CHECK(to_latex(replacement()) == "R_2 \\to R_2 - 2R_1");
    CHECK(to_text(replacement()) == "R₂ → R₂ − 2R₁");
    CHECK(to_latex(relation(indexed("R", 1), Rel::interchange, indexed("R", 2))) == "R_1 \\leftrightarrow R_2");
    CHECK(to_latex(relation(symbol("x"), Rel::approx, number("0.5"))) == "x \\approx 0.5");
    CHECK(to_text(relation(symbol("A"), Rel::equivalent, symbol("B"))) == "A ∼ B");
    CHECK(to_latex(arrow(symbol("A"), replacement(), symbol("B"))) ==
          "A \\xrightarrow{R_2 \\to R_2 - 2R_1} B");
    CHECK(to_text(arrow(symbol("A"), replacement(), symbol("B"))) == "A  ─R₂ → R₂ − 2R₁→  B");
    CHECK(to_latex(chain({symbol("a"), symbol("b"), symbol("c")}, {Rel::equals, Rel::leq})) == "a = b \\leq c");
}

TEST_CASE("sums, negations and products are parenthesised only where precedence needs it") {
    Math a = symbol("a"), b = symbol("b"), c = symbol("c");
    CHECK(to_latex(sum({a, negate(b), c})) == "a - b + c");
    CHECK(to_latex(sum({a, negate(sum({b, c}))})) == "a - (b + c)");
    CHECK(to_latex(sum({a, number("-3")})) == "a + (-3)");
    CHECK(to_latex(product({sum({a, b}), c})) == "(a + b) \\cdot c");
    CHECK(to_latex(product({number("5"), number("-10")})) == "5 \\cdot (-10)");
    CHECK(to_latex(product({number("-2"), indexed("R", 1)}, "")) == "-2R_1");
    CHECK(to_latex(product({symbol("alpha"), symbol("x")}, "")) == "\\alpha x");
    CHECK(to_latex(product({a, b}, "times")) == "a \\times b");
    CHECK(to_latex(product({a, b}, "odot")) == "a \\odot b");
    CHECK(to_text(product({a, b}, "odot")) == "a ⊙ b");
    CHECK(to_text(product({number("5"), number("-10")})) == "5 · (−10)");
    CHECK(to_text(sum({a, negate(sum({b, c}))})) == "a − (b + c)");
}

TEST_CASE("a number is set apart from a factor that would join it: 2 · e1, not 2e1 = 20; 2 · 3^x, not 23^x") {
    CHECK(to_text(product({number("2"), symbol("e1")}, "")) == "2 · e1");
    CHECK(to_latex(product({number("2"), symbol("e1")}, "")) == "2 \\cdot e1");
    CHECK(to_text(product({number("2"), power(number("3"), symbol("x"))}, "")) == "2 · 3^x");
    CHECK(to_latex(product({number("2"), power(number("3"), symbol("x"))}, "")) == "2 \\cdot 3^{x}");
    CHECK(to_text(product({number("2"), power(symbol("E2"), number("2"))}, "")) == "2 · E2²");
    // a name that cannot join stays close: 2x, 2e, 2e₁
    CHECK(to_text(product({number("2"), symbol("x")}, "")) == "2x");
    CHECK(to_latex(product({number("2"), symbol("e")}, "")) == "2e");
    CHECK(to_text(product({number("2"), symbol("e", number("1"))}, "")) == "2e₁");
}

TEST_CASE("fractions, powers, function applications and groups") {
    Math x = symbol("x"), y = symbol("y");
    CHECK(to_latex(fraction(number("1"), symbol("m"))) == "\\frac{1}{m}");
    CHECK(to_text(fraction(sum({x, y}), number("2"))) == "(x + y)/2");
    // juxtaposition binds as / does, read left to right; a power binds tighter
    // two letters apart in text, which would read back as one name together; not in a summand, Σxy
    CHECK(to_text(fraction(product({number("2"), x, y}, ""), power(sum({number("1"), power(y, number("2"))}), number("2")))) ==
          "2x y/(1 + y²)²");
    CHECK(to_text(product({symbol("sum"), x, y}, "")) == "Σxy");
    CHECK(to_text(product({symbol("A"), x}, "")) == "Ax");
    CHECK(to_text(fraction(x, product({number("2"), y}, ""))) == "x/(2y)");
    CHECK(to_latex(power(x, number("2"))) == "x^{2}");
    CHECK(to_latex(power(number("1/2"), number("2"))) == "\\left( \\frac{1}{2} \\right)^{2}");
    CHECK(to_latex(power(sum({x, y}), number("-1"))) == "(x + y)^{-1}");
    CHECK(to_text(power(x, number("2"))) == "x²");
    CHECK(to_text(power(x, sum({symbol("n"), number("1")}))) == "x^(n + 1)");
    CHECK(to_latex(apply("sin", {x})) == "\\sin(x)");
    CHECK(to_latex(apply("max", {number("0"), x})) == "\\max(0, x)");
    CHECK(to_latex(apply("ReLU", {x})) == "\\operatorname{ReLU}(x)");
    CHECK(to_latex(apply("sigma", {x})) == "\\sigma(x)");
    CHECK(to_latex(apply("h", {x})) == "h(x)");
    CHECK(to_text(apply("sigma", {x})) == "σ(x)");
    CHECK(to_latex(group(x)) == "(x)");
    CHECK(to_latex(group(fraction(x, y))) == "\\left( \\frac{x}{y} \\right)");  // grows round a fraction
    CHECK(to_latex(power(apply("sin", {x}), number("2"))) == "\\sin^{2}(x)");
    CHECK(to_latex(power(apply("max", {x, y}), number("2"))) == "\\max(x, y)^{2}");
    CHECK(to_latex(relation(x, Rel::interchange, y)) == "x \\leftrightarrow y");
    CHECK(to_latex(product({number("2"), sum({x, y})}, "")) == "2(x + y)");
    CHECK(to_text(group(sum({x, y}))) == "(x + y)");
}

TEST_CASE("sets, cases, lists and text") {
    Math v = symbol("v", empty(), empty(), {.bold = true});
    Math w = symbol("w", empty(), empty(), {.bold = true});
    Math reals = symbol("R", empty(), empty(), {.blackboard = true});
    Math line = set(sum({v, product({symbol("t"), w}, "")}), relation(symbol("t"), Rel::in, reals));
    CHECK(to_latex(line) == "\\left\\{ \\mathbf{v} + t\\mathbf{w} \\,\\middle|\\, t \\in \\mathbb{R} \\right\\}");
    CHECK(to_text(line) == "{ v + tw | t ∈ ℝ }");
    Math system = cases({equals(sum({product({number("2"), symbol("x")}, ""), product({number("3"), symbol("y")}, "")}), number("6")),
                         equals(sum({product({number("4"), symbol("x")}, ""), product({number("5"), symbol("y")}, "")}), number("10"))});
    CHECK(to_latex(system) == "\\begin{cases} 2x + 3y = 6 \\\\ 4x + 5y = 10 \\end{cases}");
    CHECK(to_text(system) == "⎧ 2x + 3y = 6\n⎩ 4x + 5y = 10");
    CHECK(to_latex(list({number("1"), number("3")})) == "1, 3");
    CHECK(to_text(list({number("1"), number("3")}, "; ")) == "1; 3");
    CHECK(to_latex(text("rank & 50% of #_x")) == "\\text{rank \\& 50\\% of \\#\\_x}");
    CHECK(to_latex(text("a × b")) == "\\text{$a \\times b$}");
    CHECK(to_latex(empty()).empty());
}

TEST_CASE("matrices: pmatrix or bmatrix, augmented arrays, highlighted cells, wide arrays") {
    Math A = m22("1", "2", "3", "4");
    CHECK(to_latex(A) == "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}");
    CHECK(to_latex(A, {.bmatrix = true}) == "\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}");
    Math system = matrix(2, 3, {number("2"), number("3"), number("6"), number("4"), number("5"), number("10")}, 1);
    CHECK(to_latex(system) == "\\left(\\begin{array}{cc|c} 2 & 3 & 6 \\\\ 4 & 5 & 10 \\end{array}\\right)");
    CHECK(to_text(system) == "⎡ 2  3 │  6 ⎤\n⎣ 4  5 │ 10 ⎦");
    Math pivots = A;
    pivots.extras.make().highlight = {0, 3};
    CHECK(to_latex(pivots) == "\\begin{pmatrix} \\boxed{1} & 2 \\\\ 3 & \\boxed{4} \\end{pmatrix}");
    CHECK(to_text(pivots) == "⎡ [1]    2 ⎤\n⎣   3  [4] ⎦");
    CHECK(to_text(matrix(1, 3, {number("1"), number("-1/2"), number("10")})) == "[ 1  −1/2  10 ]");
    CHECK(to_text(matrix(3, 1, {number("1"), number("-1/2"), number("10")})) == "⎡    1 ⎤\n⎢ −1/2 ⎥\n⎣   10 ⎦");
    std::vector<Math> cells(11, number("0"));
    CHECK(to_latex(matrix(1, 11, cells)).starts_with("\\left(\\begin{array}{ccccccccccc} 0 & "));
}

TEST_CASE("text layout: matrices side by side with their middle rows on one baseline") {
    Math A = m22("1", "2", "3", "4");
    Math B = matrix(3, 1, {number("5"), number("6"), number("7")});
    CHECK(to_text(equals(A, B)) ==
          "           ⎡ 5 ⎤\n"
          "⎡ 1  2 ⎤ = ⎢ 6 ⎥\n"
          "⎣ 3  4 ⎦   ⎣ 7 ⎦");
    CHECK(to_text(power(A, symbol("top"))) == "⎡ 1  2 ⎤ᵀ\n⎣ 3  4 ⎦");
    CHECK(to_text(arrow(A, replacement(), m22("1", "2", "0", "-2"))) ==
          "⎡ 1  2 ⎤  ─R₂ → R₂ − 2R₁→  ⎡ 1   2 ⎤\n"
          "⎣ 3  4 ⎦                   ⎣ 0  −2 ⎦");
}

TEST_CASE("format names parse and print; an unknown one is an InputError") {
    for (auto format : {Format::latex, Format::document, Format::markdown, Format::text, Format::json}) {
        CHECK(parse_format(format_name(format)) == format);
    }
    CHECK_THROWS_AS(parse_format("html"), InputError);
}

// ---- Whole documents ----

namespace {

// (1/2  -1/3; 3/4  2) · (2/3  1; -1  1/5)
Document fraction_product_document() {
    Matrix<Rational> A{{Rational(1, 2), Rational(-1, 3)}, {Rational(3, 4), Rational(2)}};
    Matrix<Rational> B{{Rational(2, 3), Rational(1)}, {Rational(-1), Rational(1, 5)}};
    Trace trace;
    Matrix<Rational> C = multiply(A, B, &trace);
    Document d;
    d.title = "Multiply A by B";
    d.command = "multiply";
    d.number = "exact";
    d.inputs = {{"A", to_math(A)}, {"B", to_math(B)}};
    d.results = {{"result", to_math(C)}};
    d.steps = trace.take_steps();
    return d;
}

std::string extension(Format format) {
    switch (format) {
        case Format::latex: return ".latex.tex";
        case Format::document: return ".tex";
        case Format::markdown: return ".md";
        case Format::text: return ".txt";
        case Format::json: return ".json";
    }
    return ".txt";
}

constexpr Format all_formats[] = {Format::latex, Format::document, Format::markdown, Format::text, Format::json};

}  // namespace

TEST_CASE("the neuron layer of notes 003 in every format matches its golden file") {
    Document d = examples::neuron_layer_document();
    for (Format format : all_formats) {
        CAPTURE(format_name(format));
        testing::check_golden("neuron_layer" + extension(format), render(d, format));
    }
}

TEST_CASE("a product of fractions in every format matches its golden file") {
    Document d = fraction_product_document();
    for (Format format : all_formats) {
        CAPTURE(format_name(format));
        testing::check_golden("fraction_product" + extension(format), render(d, format));
    }
}

TEST_CASE("rendering does not change the document") {
    Document d = examples::neuron_layer_document();
    Document copy = d;
    for (Format format : all_formats) render(d, format);
    CHECK(d.steps == copy.steps);
    CHECK(d.inputs == copy.inputs);
    CHECK(d.results == copy.results);
}

TEST_CASE("JSON read back: command, inputs, result and steps carry the exact values") {
    auto json = nlohmann::json::parse(render(fraction_product_document(), Format::json));
    CHECK(json["command"] == "multiply");
    CHECK(json["number"] == "exact");
    CHECK(json["input"]["A"]["rows"] == 2);
    CHECK(json["input"]["A"]["entries"][0][1] == "-1/3");
    // The result is the value itself: (1/2)(2/3) + (-1/3)(-1) = 2/3, …
    Matrix<Rational> A{{Rational(1, 2), Rational(-1, 3)}, {Rational(3, 4), Rational(2)}};
    Matrix<Rational> B{{Rational(2, 3), Rational(1)}, {Rational(-1), Rational(1, 5)}};
    Matrix<Rational> C = A * B;
    const auto& result = json["result"];
    REQUIRE(result["rows"] == C.rows());
    REQUIRE(result["cols"] == C.cols());
    CHECK(result["augment"] == 0);
    for (std::size_t i = 0; i < C.rows(); ++i)
        for (std::size_t j = 0; j < C.cols(); ++j)
            CHECK(parse_rational(result["entries"][i][j].get<std::string>()) == C(i, j));
    REQUIRE(json["steps"].size() == 1);
    const auto& step = json["steps"][0];
    CHECK(step["kind"] == "multiply");
    CHECK(step["operation"].is_string());
    CHECK(step["state"]["entries"] == result["entries"]);
    REQUIRE(step["substeps"].size() == 4);
    CHECK(step["substeps"][0]["operation"] == "\\frac{2}{3} = \\frac{1}{2} \\cdot \\frac{2}{3} + \\left( -\\frac{1}{3} \\right) \\cdot (-1)");
    CHECK(step["substeps"][0]["state"].is_null());
}

TEST_CASE("JSON: several results form an object; lists are arrays; other math is latex") {
    Document d;
    d.command = "rank";
    d.number = "exact";
    d.results = {{"rank", number("2")}, {"pivot_columns", list({number("1"), number("3")})},
                 {"solution_set", symbol("emptyset")}, {"note", text("consistent")}};
    auto json = nlohmann::json::parse(render(d, Format::json));
    CHECK(json["result"]["rank"] == "2");
    CHECK(json["result"]["pivot_columns"] == nlohmann::json::array({"1", "3"}));
    CHECK(json["result"]["solution_set"]["latex"] == "\\emptyset");
    CHECK(json["result"]["note"] == "consistent");
    CHECK(json["input"].is_object());
    CHECK(json["steps"].empty());
}

TEST_CASE("JSON stays valid when a name is not UTF-8 (a column name read from a file)") {
    Document d;
    d.command = "regress";
    d.inputs = {{"\xff\xfex", number("1")}};
    auto json = nlohmann::json::parse(render(d, Format::json));
    CHECK(json["input"].contains("\xef\xbf\xbd\xef\xbf\xbdx"));  // U+FFFD for each bad byte
}

// A derivative of a tower x^x^…^x nests its steps hundreds deep: indented under their parents
// without end, a step 200 deep in text began 40,000 columns in (the indentation grew with the
// square of the depth: 185 MB for a 6 KB expression), and JSON and Markdown grew with the depth.
TEST_CASE("steps nested 300 deep: the indentation stops growing, in text, JSON and Markdown") {
    Document d;
    d.command = "diff";
    d.number = "exact";
    d.results = {{"result", number("1")}};
    Step deepest{"rule", "The innermost step.", number("7"), std::nullopt, {}};
    for (int level = 0; level < 300; ++level) {
        Step parent{"rule", "Step at level " + std::to_string(300 - level) + ".", number("1"), std::nullopt, {}};
        parent.substeps.push_back(std::move(deepest));
        deepest = std::move(parent);
    }
    d.steps.push_back(std::move(deepest));
    auto widest_indentation = [](const std::string& text) {
        std::size_t widest = 0;
        std::istringstream lines(text);
        for (std::string line; std::getline(lines, line);)
            if (line.find_first_not_of(' ') != std::string::npos) widest = std::max(widest, line.find_first_not_of(' '));
        return widest;
    };
    const std::string text = render(d, Format::text);
    CHECK(text.find("  1. Step at level 1.\n     1\n     1.1. Step at level 2.\n") != std::string::npos);
    // the deepest step starts at column 40, its number saying where it stands, its math under its text
    std::string label = "1";
    for (int level = 0; level < 300; ++level) label += ".1";
    CHECK(text.find("\n" + std::string(40, ' ') + label + ". The innermost step.\n" +
                    std::string(40 + label.size() + 2, ' ') + "7\n") != std::string::npos);
    CHECK(text.size() < 500'000);  // 301 steps; 27 MB when each was indented under its parent
    const std::string json = render(d, Format::json);
    CHECK(widest_indentation(json) <= 40);
    auto parsed = nlohmann::json::parse(json);
    const nlohmann::json* step = &parsed["steps"][0];
    for (int level = 0; level < 300; ++level) step = &(*step)["substeps"][0];
    CHECK((*step)["text"] == "The innermost step.");
    const std::string markdown = render(d, Format::markdown);
    CHECK(widest_indentation(markdown) < 40);
    CHECK(markdown.find("**" + label + ".** The innermost step.") != std::string::npos);
}

TEST_CASE("steps = false renders only the inputs and the result") {
    Document d = examples::neuron_layer_document();
    RenderOptions brief{.steps = false};
    CHECK(render(d, Format::text, brief).find("Steps") == std::string::npos);
    CHECK(render(d, Format::text, brief).find("Result") != std::string::npos);
    CHECK(render(d, Format::markdown, brief).find("5 \\cdot 10") == std::string::npos);
    CHECK(render(d, Format::document, brief).find("enumerate") == std::string::npos);
    CHECK(nlohmann::json::parse(render(d, Format::json, brief))["steps"].empty());
    CHECK(render(d, Format::latex).find("5 \\cdot 10") != std::string::npos);
}

// ---- pdflatex: every document compiles as it is ----

namespace {

using testing::compile_with_pdflatex;
using testing::Compiled;

// 30 row replacements on a 6×6 matrix of fractions: each step its own display, and the whole
// chain A_0 → A_1 → … → A_30 as one relation that must break across lines and pages.
Document long_chain_document() {
    std::mt19937_64 rng(2024);
    Matrix<Rational> A = testing::random_rational(rng, 6, 6, 9, true);
    Document d;
    d.title = "Thirty row replacements on a 6×6 matrix";
    d.command = "chain";
    d.number = "exact";
    d.inputs = {{"A", to_math(A)}};
    std::vector<Math> operands{to_math(A)};
    std::vector<Rel> rels;
    std::vector<Math> labels;
    for (std::size_t step = 0; step < 30; ++step) {
        std::size_t target = step % 6, source = (step + 1) % 6;
        Rational c(2 * static_cast<int>(step % 5) + 1, 2);  // 1/2, 3/2, …, 9/2
        for (std::size_t j = 0; j < 6; ++j) A(target, j) -= c * A(source, j);
        Math op = relation(indexed("R", target + 1), Rel::to,
                           sum({indexed("R", target + 1), negate(product({to_math(c), indexed("R", source + 1)}, ""))}));
        d.steps.push_back(Step{"row_operation", "Replace row " + std::to_string(target + 1) + ".", op, to_math(A), {}});
        operands.push_back(to_math(A));
        rels.push_back(Rel::arrow);
        labels.push_back(op);
    }
    d.results = {{"result", chain(operands, rels, labels)}};
    return d;
}

// A sub-derivation at `depth` holding the ones below it, down to depth 6.
void nest(Trace& trace, int depth) {
    if (depth > 6) {
        trace.add("leaf", "The innermost step.", apply("ReLU", {number("-1/2")}), number("0"));
        return;
    }
    SubDerivation sub(&trace, "level");
    nest(trace, depth + 1);
    std::string n = std::to_string(depth);
    sub.describe("Sub-derivation at depth " + n + " (α, ≈, x_1 & 50%).",
                 equals(symbol("x", number(n)), fraction(number("1"), number(n))));
    sub.conclude(number(n));
}

// Sub-derivations six deep, deeper than LaTeX's four levels of lists.
Document nested_document() {
    Trace trace;
    nest(trace, 1);
    Document d;
    d.title = "Nested sub-derivations";
    d.command = "nested";
    d.number = "double";
    d.results = {{"result", number("1e-05")}, {"beta", symbol("beta", empty(), empty(), {.bold = true, .hat = true})}};
    d.steps = trace.take_steps();
    return d;
}

// A 3×30 augmented matrix of fractions with two cells marked: as input, as a step's state and
// as the result, too wide for a line at a readable size.
Document wide_matrix_document() {
    std::mt19937_64 rng(7);
    Math m = to_math(testing::random_rational(rng, 3, 30, 99, true));
    m.augment = 1;
    m.extras.make().highlight = {0, 45};  // (1, 1) and (2, 16)
    Document d;
    d.title = "A wide matrix";
    d.command = "wide";
    d.number = "exact";
    d.inputs = {{"A", m}};
    d.steps.push_back(Step{"state", "The matrix.", std::nullopt, m, {}});
    d.results = {{"result", m}};
    return d;
}

}  // namespace

TEST_CASE("a matrix too wide for a line is wrapped into blocks of whole columns, not scaled") {
    const std::string tex = render(wide_matrix_document(), Format::document);
    CHECK(tex.find("\\fitline{") == std::string::npos);
    CHECK(tex.find("\\fitline[") == std::string::npos);
    // each place the matrix is shown covers columns 1 to 30 in blocks of about equal size
    std::size_t tags = 0, last_column_tags = 0;
    for (std::size_t at = tex.find("\\tag*{column"); at != std::string::npos; at = tex.find("\\tag*{column", at + 1)) {
        ++tags;
        last_column_tags += tex.compare(tex.find('}', at) - 2, 2, "30") == 0;
    }
    CHECK(tags >= 6);
    CHECK(last_column_tags == 3);
    CHECK(tex.find("A = \\begin{pmatrix}") == std::string::npos);  // the augment bar is kept:
    CHECK(tex.find("A = \\left(\\begin{array}") == std::string::npos);  // block 1 has no bar
    CHECK(tex.find("|c}") != std::string::npos);                         // the last block has it
    CHECK(tex.find("\\boxed") != std::string::npos);                    // the marks are kept
    // a matrix that fits is not wrapped
    Document narrow;
    narrow.title = "Narrow";
    narrow.results = {{"A", matrix(2, 2, {number("1"), number("2"), number("3"), number("4")})}};
    CHECK(render(narrow, Format::document).find("\\tag*") == std::string::npos);
}

TEST_CASE("the .tex documents compile with pdflatex: neuron layer, fractions, long chain, nested" *
          doctest::skip(testing::skip_pdflatex_tests())) {
    std::vector<std::pair<std::string, Document>> documents{
        {"neuron", examples::neuron_layer_document()},
        {"fractions", fraction_product_document()},
        {"chain", long_chain_document()},
        {"nested", nested_document()},
        {"wide", wide_matrix_document()},
    };
    for (const auto& named : documents) {
        const auto& [name, document] = named;
        CAPTURE(named.first);  // not the binding: clang 14 cannot capture one
        Compiled result = compile_with_pdflatex(name, render(document, Format::document));
        CHECK(result.status == 0);
        CHECK(result.pdf);
        // Nothing runs off the page: no overfull box is reported.
        CHECK(result.log.find("Overfull \\hbox") == std::string::npos);
    }
}

TEST_CASE("the long chain is set one link per line in align*, with display breaks allowed") {
    std::string tex = render(long_chain_document(), Format::document);
    CHECK(tex.find("\\allowdisplaybreaks") != std::string::npos);
    CHECK(tex.find("\\begin{align*}") != std::string::npos);
    CHECK(tex.find("&\\xrightarrow{R_1 \\to R_1 - \\frac{1}{2}R_2}") != std::string::npos);
}

TEST_CASE("text has one minus sign: in numbers, in coefficients and before a number in a sentence") {
    Document d;
    d.title = "Signs";
    d.steps.resize(1);
    d.steps[0].kind = "rule";
    d.steps[0].text = "Add -1/2 times row 1 to row 2; the row-echelon form (x = -3).";
    d.steps[0].operation = relation(indexed("R", 2), Rel::to, product({number("-1/3"), indexed("R", 2)}, ""));
    const std::string text = render(d, Format::text);
    CHECK(text.find("Add \u22121/2 times row 1 to row 2; the row-echelon form (x = \u22123).") != std::string::npos);
    CHECK(text.find("R\u2082 \u2192 \u2212(1/3)R\u2082") != std::string::npos);  // not −1/3R₂
    CHECK(render(d, Format::document).find("Add $-1/2$ times row 1 to row 2; the row-echelon form") != std::string::npos);
}

TEST_CASE("prose in LaTeX sets its math as math: variables, indices, operators, formulas") {
    auto prose = [](const char* words) {
        std::string latex = to_latex(text(words));
        return latex.substr(6, latex.size() - 7);  // inside \text{…}
    };
    CHECK(prose("Differentiate f with respect to x") == "Differentiate $f$ with respect to $x$");
    CHECK(prose("R₂ → R₂ − 2R₁ gives −1 in row 2.") == "$R_{2} \\to R_{2} - 2R_{1}$ gives $-1$ in row 2.");
    CHECK(prose("Check: A A⁻¹ = I.") == "Check: $A A^{-1} = I$.");
    CHECK(prose("A matrix with 2 rows; a 2×2 matrix.") == "A matrix with 2 rows; a $2\\times 2$ matrix.");
    CHECK(prose("The Jacobian J_(F∘g) of F at g") == "The Jacobian $J_{F\\circ g}$ of $F$ at $g$");
    CHECK(prose("x = 0, y = 2") == "$x = 0$, $y = 2$");
    CHECK(prose("ReLU′(0) = 0 and σ(z)") == "$\\operatorname{ReLU}'(0) = 0$ and $\\sigma (z)$");
    CHECK(prose("the minor M_11 of a_1j") == "the minor $M_{11}$ of $a_{1j}$");
    CHECK(prose("W1_1_2 is a weight") == "$W1_{1_{2}}$ is a weight");
    CHECK(prose("(A | b) and AB") == "($A \\vert b$) and AB");
    CHECK(prose("pivot_columns — κ∞ of A") == "pivot\\_columns --- $\\kappa \\infty$ of $A$");
    CHECK(prose("a × b") == "$a \\times b$");
    CHECK(prose("the line y = mx + b to the points") == "the line $y = mx + b$ to the points");
    CHECK(prose("e^y − 13x, the 2nd row") == "$e^{y} - 13x$, the 2nd row");
    CHECK(prose("the loss half_mse of n_in inputs") == "the loss half\\_mse of $n_{\\operatorname{in}}$ inputs");
    CHECK(prose("The input “x + 0 + 2*3x” is read as f") == "The input ``x + 0 + 2*3x'' is read as $f$");
}

TEST_CASE("prose in Markdown sets its math as $…$ and escapes emphasis marks in its words") {
    Document d;
    d.title = "Solve 2x + 3y = 6 for x";
    d.steps.push_back(Step{"rule", "R₂ → R₂ − 2R₁ gives −1; the loss half_mse, *not* `code`.", {}, {}, {}});
    d.steps.push_back(Step{"rule", "The interval [0, 1) and |w| ≤ L", {}, {}, {}});
    std::string md = render(d, Format::markdown);
    CHECK(md.starts_with("# Solve $2x + 3y = 6$ for $x$\n"));
    CHECK(md.find("1. $R_{2} \\to R_{2} - 2R_{1}$ gives $-1$; the loss half\\_mse, \\*not\\* \\`code\\`.") !=
          std::string::npos);
    CHECK(md.find("2. The interval [0, 1) and |w| $\\leq L$") != std::string::npos);  // no \[ that MathJax reads as a display
}

TEST_CASE("a set of items cannot be mistaken for a number: {1}, {1, 3}, ∅; JSON has the array") {
    Math one = set(list({number("1")}), empty());
    Math two = set(list({number("1"), number("3")}), empty());
    Math none = set(list({}), empty());
    CHECK(to_text(one) == "{1}");
    CHECK(to_text(two) == "{1, 3}");
    CHECK(to_text(none) == "\u2205");
    CHECK(to_latex(two) == "\\{1, 3\\}");
    CHECK(to_latex(none) == "\\emptyset");
    CHECK(to_text(equals(text("pivot columns"), one)) == "pivot columns = {1}");
    Document d;
    d.results = {{"pivot_columns", two}};
    CHECK(nlohmann::json::parse(render(d, Format::json))["result"] == nlohmann::json::array({"1", "3"}));
}

}  // namespace test_render
