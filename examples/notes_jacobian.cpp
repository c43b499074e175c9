// Notes 003 §1.5.2 and §1.5.4: a Jacobian, and the Jacobian chain rule.
//
// F(x, y) = [2x + y³, eʸ − 13x] has J_F = [[2, 3y²], [−13, eʸ]].
// F(x, y) = [sin(x² + y), ln(y³)] = F(g) with F(u, v) = [sin u, ln v], g = [x² + y, y³]:
//   J = J_F(g) · J_g = [[cos(x² + y), 0], [0, 1/y³]] · [[2x, 1], [0, 3y²]]
//     = [[2x cos(x² + y), cos(x² + y)], [0, 3/y]].
// The notes' final matrix is [[2x, cos(x² + y), cos(x² + y)], [0, g₂]]: it keeps g₂ in the
// second row (their J_F(g) and J_g have g₂ where 1/g₂ and 3y² belong) and a stray third entry
// in the first. The document shows that matrix beside the right one (the erratum), the same
// Jacobian taken directly, and its value at x = 1, y = 2.
//
//   notes_jacobian [text|latex|markdown|json|document]     (text by default)
#include <fmt/format.h>

#include "examples/example.hpp"
#include "showwork/calculus/calculus.hpp"

using namespace showwork;
using namespace showwork::calculus;

namespace {

// The notes' ∂F/∂x as they write it: three entries in the first row, two in the second (the
// third cell is left blank).
trace::Math notes_chain_rule_result() {
    std::vector<trace::Math> cells;
    for (const char* entry : {"2*x", "cos(x^2 + y)", "cos(x^2 + y)", "0"}) cells.push_back(to_math(parse_expression(entry)));
    cells.push_back(to_math(variable("g_2")));
    cells.push_back(trace::empty());
    return trace::matrix(2, 3, std::move(cells));
}

// A matrix of numbers to 6 decimals.
trace::Math six_decimals(const Matrix<double>& M) {
    std::vector<trace::Math> cells;
    for (double x : M.entries()) cells.push_back(trace::number(fmt::format("{:.6f}", x)));
    return trace::matrix(M.rows(), M.cols(), std::move(cells));
}

trace::Document notes_jacobian() {
    std::vector<std::string> xy{"x", "y"};
    std::vector<Expr> F = parse_expressions("2*x + y^3; exp(y) - 13*x");
    std::vector<Expr> composed = parse_expressions("sin(x^2 + y); ln(y^3)");

    trace::Trace trace;
    SymbolicMatrix J;
    {
        trace::SubDerivation sub(&trace, trace::kind::jacobian);
        sub.describe("The Jacobian of F(x, y) = [2x + y³, exp(y) − 13x].",
                     trace::equals(trace::symbol("F"), to_math(as_column(F))));
        J = jacobian(F, xy, &trace);
        sub.conclude(to_math(J));
    }
    ChainRuleParts parts;
    {
        trace::SubDerivation sub(&trace, trace::kind::chain_rule);
        sub.describe("The Jacobian chain rule for F(x, y) = [sin(x² + y), ln(y³)].",
                     trace::equals(trace::symbol("F"), to_math(as_column(composed))));
        parts = jacobian_chain_rule_parts(parse_expressions("sin(u); ln(v)"), {"u", "v"},
                                          parse_expressions("x^2 + y; y^3"), xy, {}, &trace);
        sub.conclude(to_math(parts.product));
    }

    // The same matrix taken directly, and at a point.
    SymbolicMatrix direct = jacobian(composed, xy);
    trace.add(trace::kind::check,
              std::string("Taken directly, without the chain rule, the Jacobian of [sin(x² + y), ln(y³)] is ") +
                  (direct == parts.product ? "the same." : "DIFFERENT."),
              std::nullopt, to_math(direct));
    Matrix<double> at = evaluate(parts.product, parse_point<double>("x=1, y=2"));
    trace.add(trace::kind::evaluate, "Its value at x = 1, y = 2.", std::nullopt, six_decimals(at));

    trace.add(examples::erratum(
        "the notes' result keeps g₂ in the second row, where d/dy ln(y³) = 3y²/y³ = 3/y belongs (their two factors "
        "hold g₂ in place of 1/g₂ and 3y²), and has a stray third entry in the first row, which is "
        "[2x cos(x² + y), cos(x² + y)].",
        trace::relation(notes_chain_rule_result(), trace::Rel::not_equals, to_math(parts.product))));

    trace::Document d;
    d.title = "A Jacobian and the Jacobian chain rule, notes 003";
    d.command = "jacobian";
    d.number = "exact";
    d.results = {{"jacobian", to_math(J)}, {"chain_rule", to_math(parts.product)}};
    d.steps = trace.take_steps();
    return d;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("notes_jacobian", argc, argv, notes_jacobian);
}
