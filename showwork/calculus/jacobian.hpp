// Gradients, Jacobians and the Jacobian chain rule (notes 003, §1.5), and the Jacobians the
// notes derive for the pieces of a neural network (§3.2).
//
//   ∇f = [∂f/∂x₁, …, ∂f/∂xₙ]ᵀ                      a column of partial derivatives
//   J_F = [∇f₁ᵀ; …; ∇fₘᵀ]                          F: ℝⁿ → ℝᵐ, row i holds ∂fᵢ/∂xⱼ
//   J_{F∘g} = J_F(g) · J_g                          the chain rule, a product of two matrices
//
//   element-wise F(v)ᵢ = f(vᵢ)     ∂F/∂v = diag(f′(v₁), …, f′(vₙ))
//   Hadamard F = v ⊙ w            ∂F/∂v = diag(w₁, …, wₙ)
//   scalar expansion F = v·x      ∂F/∂x = [v₁, …, vₙ]ᵀ,  ∂F/∂v = diag(x, …, x)
//   sum S = Σ vᵢ                   ∂S/∂v = [1 1 … 1]
#pragma once

#include <string>
#include <vector>

#include "showwork/calculus/differentiate.hpp"
#include "showwork/calculus/evaluate.hpp"
#include "showwork/calculus/expression.hpp"
#include "showwork/matrix/matrix.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::calculus {

// A matrix of expressions, row-major.
struct SymbolicMatrix {
    std::size_t rows = 0, cols = 0;
    std::vector<Expr> entries;

    SymbolicMatrix() = default;
    SymbolicMatrix(std::size_t r, std::size_t c) : rows(r), cols(c), entries(r * c, Expr(0)) {}
    Expr& operator()(std::size_t i, std::size_t j) { return entries[i * cols + j]; }
    const Expr& operator()(std::size_t i, std::size_t j) const { return entries[i * cols + j]; }
    friend bool operator==(const SymbolicMatrix&, const SymbolicMatrix&) = default;
};

SymbolicMatrix as_column(const std::vector<Expr>& entries);
SymbolicMatrix as_row(const std::vector<Expr>& entries);
SymbolicMatrix diagonal(const std::vector<Expr>& entries);
// (AB)ᵢⱼ = Σₖ aᵢₖ bₖⱼ, each entry simplified; ShapeError when the inner sizes differ.
SymbolicMatrix operator*(const SymbolicMatrix& A, const SymbolicMatrix& B);
SymbolicMatrix substitute(const SymbolicMatrix& A, const std::vector<std::string>& vars,
                          const std::vector<Expr>& by);

// \begin{pmatrix} 2 & 3y^{2} \\ -13 & e^{y} \end{pmatrix}   and   [[2, 3y^2], [-13, e^y]]
std::string to_latex(const SymbolicMatrix& A);
std::string to_text(const SymbolicMatrix& A);
trace::Math to_math(const SymbolicMatrix& A);

// ∇f with respect to vars, in that order. With a trace: one sub-derivation per partial
// derivative, then a step "gradient" with the column.
std::vector<Expr> gradient(const Expr& f, const std::vector<std::string>& vars, const DiffOptions& options = {},
                           trace::Trace* trace = nullptr);
std::vector<Expr> gradient(const Expr& f, const std::vector<std::string>& vars, trace::Trace* trace);

// J_F for F = [f₁; …; fₘ]. With a trace: one sub-derivation per row (∇fᵢᵀ), then the matrix.
// The trace names the function `name` and its components by the name in lower case: J_g with
// rows ∇g₁ᵀ, ∇g₂ᵀ for "g"; "F" (J_F, f₁, f₂) when no name is given.
SymbolicMatrix jacobian(const std::vector<Expr>& F, const std::vector<std::string>& vars, const std::string& name,
                        const DiffOptions& options = {}, trace::Trace* trace = nullptr);
SymbolicMatrix jacobian(const std::vector<Expr>& F, const std::vector<std::string>& vars,
                        const DiffOptions& options = {}, trace::Trace* trace = nullptr);
SymbolicMatrix jacobian(const std::vector<Expr>& F, const std::vector<std::string>& vars, trace::Trace* trace);

// The chain rule for F∘g: outer F is written in the variables `inner_vars` (u, v), inner g
// (one component per inner variable) in `vars` (x, y). Returns J_{F∘g} = J_F(g) · J_g.
// With a trace: F and g, J_F, J_F at g, J_g, and the product, each a step.
struct ChainRuleParts {
    SymbolicMatrix outer;           // J_F in the inner variables
    SymbolicMatrix outer_at_inner;  // J_F(g)
    SymbolicMatrix inner;           // J_g
    SymbolicMatrix product;         // J_F(g) · J_g = J_{F∘g}
};
ChainRuleParts jacobian_chain_rule_parts(const std::vector<Expr>& F, const std::vector<std::string>& inner_vars,
                                         const std::vector<Expr>& g, const std::vector<std::string>& vars,
                                         const DiffOptions& options = {}, trace::Trace* trace = nullptr);
// "the inner function g has 2 components but F takes 1 variable": the one thing that can be
// wrong with the shapes of F∘g, said the same by the library (ShapeError) and the program.
std::string chain_shape_problem(std::size_t components, std::size_t variables);
SymbolicMatrix jacobian_chain_rule(const std::vector<Expr>& F, const std::vector<std::string>& inner_vars,
                                   const std::vector<Expr>& g, const std::vector<std::string>& vars,
                                   const DiffOptions& options = {}, trace::Trace* trace = nullptr);

// ---- Neural-network Jacobians (notes 003 §3.2), for vectors of n entries v_1 … v_n ----

// {v_1, …, v_n}
std::vector<std::string> vector_variables(const std::string& name, std::size_t n);
// F(v)ᵢ = f(vᵢ), f written in the variable t: ∂F/∂v, diagonal.
SymbolicMatrix elementwise_jacobian(const Expr& f, const std::string& t, std::size_t n, const std::string& v = "v",
                                    trace::Trace* trace = nullptr);
// F = v ⊙ w: ∂F/∂v = diag(w).
SymbolicMatrix hadamard_jacobian(std::size_t n, const std::string& v = "v", const std::string& w = "w",
                                 trace::Trace* trace = nullptr);
// F = v·x with the scalar x broadcast to 1·x: ∂F/∂x, the column [v₁ … vₙ]ᵀ.
SymbolicMatrix scalar_expansion_jacobian(std::size_t n, const std::string& v = "v", const std::string& x = "x",
                                         trace::Trace* trace = nullptr);
// S = Σ vᵢ: ∂S/∂v, a row of ones.
SymbolicMatrix sum_jacobian(std::size_t n, const std::string& v = "v", trace::Trace* trace = nullptr);

// Every entry at the point.
template <Scalar T>
Matrix<T> evaluate(const SymbolicMatrix& A, const Point<T>& point) {
    Matrix<T> M(A.rows, A.cols);
    for (std::size_t i = 0; i < A.rows; ++i)
        for (std::size_t j = 0; j < A.cols; ++j) M(i, j) = evaluate(A(i, j), point);
    return M;
}

#define SHOWWORK_JACOBIAN_INSTANCES(EXTERN, T) \
    EXTERN template Matrix<T> evaluate(const SymbolicMatrix&, const Point<T>&);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_JACOBIAN_INSTANCES)

}  // namespace showwork::calculus
