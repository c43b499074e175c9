// Notes 003 §1.5.1: the gradient of f(x, y) = x² + cos(y).
//
// The notes write ∇f = [2x, −sin(x)]; the second entry is ∂/∂y cos(y) = −sin(y).
#include <fmt/core.h>

#include "calculus/calculus.hpp"

using namespace showwork;
using namespace showwork::calculus;

int main() {
    Expr f = parse_expression("x^2 + cos(y)");
    std::vector<std::string> vars{"x", "y"};
    trace::Trace trace;
    std::vector<Expr> grad = gradient(f, vars, &trace);

    fmt::print("f(x, y) = {}\n\n", to_text(f));
    fmt::print("{}\n", steps_outline(trace.steps()));
    fmt::print("LaTeX: \\nabla f = {}\n\n", to_latex(as_column(grad)));

    // The erratum: the notes' second entry is -sin(x).
    Expr notes = -sin(variable("x"));
    Point<double> p = parse_point<double>("x=1, y=2");
    fmt::print("Erratum (notes 003): the notes give df/dy = {}; the right value is {}.\n", to_text(notes),
               to_text(grad[1]));
    fmt::print("At x = 1, y = 2: right {:.6f}, notes {:.6f}.\n", evaluate(grad[1], p), evaluate(notes, p));

    // Checked numerically by forward mode and central differences.
    trace::Trace check;
    for (std::size_t k = 0; k < vars.size(); ++k) check_derivative(f, grad[k], vars[k], p, &check);
    fmt::print("{}", steps_outline(check.steps()));
}
