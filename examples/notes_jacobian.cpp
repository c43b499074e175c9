// Notes 003 §1.5.2 and §1.5.4: a Jacobian, and the Jacobian chain rule.
//
// F(x, y) = [2x + y³, eʸ − 13x] has J_F = [[2, 3y²], [−13, eʸ]].
// F(x, y) = [sin(x² + y), ln(y³)] = F(g) with F(u, v) = [sin u, ln v], g = [x² + y, y³]:
//   J = J_F(g) · J_g = [[cos(x² + y), 0], [0, 1/y³]] · [[2x, 1], [0, 3y²]]
//     = [[2x cos(x² + y), cos(x² + y)], [0, 3/y]].
// The notes' final matrix keeps g₂ in the second row (and a stray third entry in the first);
// the right second row is [0, 3/y].
#include <fmt/core.h>

#include "calculus/calculus.hpp"

using namespace showwork;
using namespace showwork::calculus;

int main() {
    std::vector<std::string> xy{"x", "y"};

    fmt::print("== Jacobian of F(x, y) = [2x + y^3, e^y - 13x] ==\n\n");
    trace::Trace first;
    SymbolicMatrix J = jacobian(parse_expressions("2*x + y^3; exp(y) - 13*x"), xy, &first);
    fmt::print("{}\nLaTeX: J_F = {}\n\n", steps_outline(first.steps()), to_latex(J));

    fmt::print("== Jacobian chain rule for F(x, y) = [sin(x^2 + y), ln(y^3)] ==\n\n");
    trace::Trace second;
    ChainRuleParts parts = jacobian_chain_rule_parts(parse_expressions("sin(u); ln(v)"), {"u", "v"},
                                                     parse_expressions("x^2 + y; y^3"), xy, {}, &second);
    fmt::print("{}\n", steps_outline(second.steps()));
    fmt::print("LaTeX: J_{{F \\circ g}} = {} {} = {}\n\n", to_latex(parts.outer_at_inner), to_latex(parts.inner),
               to_latex(parts.product));

    // The same matrix taken directly, and at a point.
    SymbolicMatrix direct = jacobian(parse_expressions("sin(x^2 + y); ln(y^3)"), xy);
    fmt::print("Directly, J = {} ({}).\n", to_text(direct),
               direct == parts.product ? "the same" : "DIFFERENT");
    Matrix<double> at = evaluate(parts.product, parse_point<double>("x=1, y=2"));
    fmt::print("At x = 1, y = 2: [[{:.6f}, {:.6f}], [{:.6f}, {:.6f}]]\n\n", at(0, 0), at(0, 1), at(1, 0), at(1, 1));

    fmt::print("Erratum (notes 003): the notes' result keeps g_2 in the second row; the second row is\n"
               "[0, 3/y] (d/dy ln(y^3) = 3y^2 / y^3), and the first row is [2x cos(x^2 + y), cos(x^2 + y)].\n");
}
