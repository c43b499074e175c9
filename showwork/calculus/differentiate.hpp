// Symbolic differentiation, one named rule at a time.
//
//   sum              ∂/∂x (u + v) = ∂u/∂x + ∂v/∂x
//   constant multiple ∂/∂x (c u) = c ∂u/∂x           (c: anything that does not depend on x)
//   product          ∂/∂x (u v) = u′v + u v′
//   quotient         ∂/∂x (u / v) = (u′v − u v′) / v²
//   power            ∂/∂x xⁿ = n xⁿ⁻¹;  ∂/∂x aˣ = aˣ ln a;  u^v = e^{v ln u} otherwise
//   functions        e^x → e^x, ln x → 1/x, sin x → cos x, cos x → −sin x, tanh x → 1 − tanh² x,
//                    σ(x) → σ(x)(1 − σ(x)), ReLU(x) → ReLU′(x), max(u, v) → see below
//   chain rule       notes 003: f = sin(g), g = x²,
//                    ∂f/∂x = ∂f/∂g · ∂g/∂x = cos(g) · 2x = 2x cos(x²)
//
// ReLU′(0) is a convention: notes 003 take 0 (ReLU′ = 0 for z ≤ 0), notes 004 take 1 (z ≥ 0).
// The default here is 0; DiffOptions::relu_at_zero chooses. max(u, v) is differentiated as
// ReLU′(u − v)·u′ + (1 − ReLU′(u − v))·v′, so at a tie it follows the same convention.
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

// ∂/∂x as math, and "∂/∂x (f)" as math: the pieces the steps are made of.
trace::Math partial_operator(std::string_view var);
trace::Math derivative_math(const Expr& f, std::string_view var);
// ∂f/∂x with names for f and x.
trace::Math partial_ratio(const std::string& f, const std::string& x);

}  // namespace showwork::calculus
