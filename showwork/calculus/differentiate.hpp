// Symbolic differentiation, one named rule at a time.
//
//   sum              ∂/∂x (u + v) = ∂u/∂x + ∂v/∂x
//   constant multiple ∂/∂x (c u) = c ∂u/∂x           (c: anything that does not depend on x)
//   product          ∂/∂x (u v) = u′v + u v′
//   quotient         ∂/∂x (u / v) = (u′v − u v′) / v²
//   power            ∂/∂x xⁿ = n xⁿ⁻¹;  ∂/∂x aˣ = aˣ ln a;  u^v = e^{v ln u} otherwise
//   functions        e^x → e^x, ln x → 1/x, sin x → cos x, cos x → −sin x, tan x → 1/cos² x,
//                    sinh x → cosh x, cosh x → sinh x, tanh x → 1 − tanh² x, |x| → x/|x| (x ≠ 0),
//                    σ(x) → σ(x)(1 − σ(x)), ReLU(x) → ReLU′(x), max(u, v) → see below
//   chain rule       notes 003: f = sin(g), g = x²,
//                    ∂f/∂x = ∂f/∂g · ∂g/∂x = cos(g) · 2x = 2x cos(x²)
//
// Kinks. ReLU′(0) = c is a convention: notes 003 take 0 (ReLU′ = 0 for z ≤ 0), notes 004 take 1
// (z ≥ 0); the default here is 0, DiffOptions::relu_at_zero chooses. The same c decides every
// kink, one convention for max and ReLU = max(·, 0) alike: at a tie u = v,
//
//   max(u, v)′ = c·max(u′, v′) + (1 − c)·min(u′, v′)
//
// the derivative from the left for c = 0, from the right for c = 1, whatever the order of the
// arguments, so ReLU(x) = max(0, x) = max(x, 0) all have the derivative c at 0. Written with
// ReLU′(z; d) (ReLU′(z), its tie at z = 0 broken by the direction d: c if d ≥ 0, 1 − c if d < 0):
//
//   max(u, v)′ = S·u′ + (1 − S)·v′,  S = ReLU′(u − v; u′ − v′)      ReLU(g)′ = ReLU′(g; g′)·g′
//
// A constant direction settles the tie, so the usual cases read as the notes write them:
// max(0, x)′ = max(x, 0)′ = ReLU′(x), ReLU(2x − 1)′ = 2ReLU′(2x − 1),
// ReLU(−x)′ = −(1 − ReLU′(x)).
// The dual numbers (calculus/dual.hpp) follow the same c.
//
// With a trace, every rule applied is a step of kind "rule" whose text names the rule in words
// ("Chain rule: split the function in two, f of g and g of x."), whose operation is the equation
// as math (f = sin(g), g = x², ∂f/∂x = ∂f/∂g · ∂g/∂x = cos(g) · 2x = 2x cos(x²)), and whose
// substeps derive the parts; the chain rule's state is "∂/∂x (f) = result" in the original x.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "showwork/calculus/expression.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::calculus {

struct DiffOptions {
    Rational relu_at_zero = 0;  // ReLU′(0): 0 as in notes 003 (the default), 1 as in notes 004
};

Expr differentiate(const Expr& f, std::string_view var, const DiffOptions& options = {},
                   trace::Trace* trace = nullptr);
Expr differentiate(const Expr& f, std::string_view var, trace::Trace* trace);

// With a trace, one step (kind "unevaluated") for each power of a constant that the expressions
// keep as a power because its value would be longer than max_number_length characters.
void note_unevaluated_powers(const std::vector<Expr>& expressions, trace::Trace* trace);
// A first step "The input is read as f = …" when the text typed does not read as it prints
// (reads_as_typed in calculus/parse.hpp): numbers folded, like terms collected, powers merged.
void note_rewritten_input(std::string_view typed, const std::vector<Expr>& read, const std::string& name,
                          trace::Trace* trace);

// ∂/∂x as math, and "∂/∂x (f)" as math: the pieces the steps are made of.
trace::Math partial_operator(std::string_view var);
trace::Math derivative_math(const Expr& f, std::string_view var);
// ∂f/∂x with names for f and x.
trace::Math partial_ratio(const std::string& f, const std::string& x);

}  // namespace showwork::calculus
