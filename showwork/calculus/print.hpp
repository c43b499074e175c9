// Expressions written out: as LaTeX in the notes' notation, as plain text a terminal (and the
// parser) can read, and as the trace's math tree for the renderers.
//
//   LaTeX   3y^{2}   2x \cos(x^{2} + y)   e^{y} - 13x   \ln(y^{3})   \frac{3}{y}   \sigma(x)
//   text    3y^2     2x cos(x^2 + y)      e^y - 13x     ln(y^3)     3/y          sigmoid(x)
//
// LaTeX is the trace's renderer applied to to_math(e), as in every derivation.
// Subtraction and division come back from their internal forms a + (−1)·b and a·b⁻¹.
// Plain text parses back to the same expression (juxtaposition is multiplication). A factor that
// would join the number before it is set apart: 2*3^x, 2 e1 (2e1 would read as 20); in LaTeX
// 2 \cdot 3^{x}, 2 \cdot e1. ReLU′(z; d) is written relu'(z; d), which is not read back.
#pragma once

#include <string>

#include "showwork/calculus/expression.hpp"
#include "showwork/trace/math.hpp"

namespace showwork::calculus {

std::string to_latex(const Expr& e);
std::string to_text(const Expr& e);
trace::Math to_math(const Expr& e);
// e as a factor written between others (a · b, a product of rules): a sum or a term that reads
// negative (−3, −2x) in parentheses.
trace::Math factor_math(const Expr& e);

// A variable's name as a math symbol: "x_1" is x with subscript 1.
trace::Math variable_math(const std::string& name);

}  // namespace showwork::calculus
