// Least squares: the β̂ that minimises ‖y − Xβ‖², X of shape m × p with m ≥ p.
//
//   normal   XᵀX β = Xᵀy, solved by the elimination core (notes 000: the default, and exact)
//   inverse  β̂ = (XᵀX)⁻¹ Xᵀy, the notes' formula as written
//   qr       X = QR (Householder), then R β = Qᵀy: the floating default, because forming XᵀX
//            squares the condition number, κ(XᵀX) = κ(X)²
//
// The columns of X must be independent. When they are not, XᵀX is singular and the SingularError
// names the dependency found by the elimination: a direction d with X d = 0 gives a column as a
// combination of the others ("x3 = 2·x1 − (Intercept)").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "showwork/matrix/inverse.hpp"
#include "showwork/matrix/traced_arithmetic.hpp"
#include "showwork/solvers/linear_system.hpp"

namespace showwork {

enum class LeastSquaresMethod { normal, inverse, qr };
std::string_view least_squares_method_name(LeastSquaresMethod method);  // "normal", "inverse", "qr"
LeastSquaresMethod parse_least_squares_method(std::string_view name);   // InputError if unknown

namespace solvers_detail {

// X^T, Y and beta-hat in the notes' letters.
trace::Math transpose_of(std::string name);
trace::Math beta_hat();

// "x3 = 2·x1 − (Intercept)": column f of X (d_f = 1) from the direction d with X d = 0.
std::string dependency_of_columns(const std::vector<std::string>& names, std::size_t f,
                                  const std::vector<std::string>& coefficients);

template <Scalar T>
[[noreturn]] void throw_dependent_columns(const Solution<T>& s, const std::vector<std::string>& names) {
    std::size_t f = s.free_variables.front();
    std::vector<std::string> coefficients;
    for (std::size_t j = 0; j < s.directions[0].rows(); ++j)
        coefficients.push_back(j == f ? std::string() : shown(scalar_text(T(-s.directions[0](j, 0)))));
    throw SingularError("the columns of X are linearly dependent, so XᵀX is singular and the least-squares "
                        "coefficients are not unique: " + dependency_of_columns(names, f, coefficients));
}

// XᵀX β = Xᵀy always has a solution (Xᵀy lies in the column space of XᵀX); only rounding can
// make the floating elimination find a row 0 = c: XᵀX is then numerically singular.
template <Scalar T>
[[noreturn]] void throw_inconsistent_normal_equations(const Solution<T>& s) {
    throw SingularError("the normal equations XᵀX β = XᵀY came out inconsistent in floating point (" + s.evidence(true) +
                        "): XᵀX is numerically singular, its condition number (the square of X's) too large for " +
                        std::string(ScalarTraits<T>::name));
}

// One side of the normal equations, computed as a sub-derivation that concludes with its value.
template <Scalar T>
Matrix<T> traced_product(const Matrix<T>& A, const Matrix<T>& B, std::string_view text, trace::Math name,
                         trace::Trace* trace) {
    trace::SubDerivation sub(trace, trace::kind::multiply, text);
    Matrix<T> C = multiply(A, B, trace);
    if (sub) sub.conclude(trace::equals(std::move(name), showwork::to_math(C)));
    return C;
}

// In floating point XᵀX squares the sizes of X's columns: a column of size 10^±160 gives a
// diagonal entry Σxᵢⱼ² beyond the scalar's range (inf, or 0 for a column that is not 0). The
// elimination would then call the columns dependent, or divide by inf; instead the fault is named.
template <Scalar T>
void require_representable_gram(const Matrix<T>& X, const Matrix<T>& XtX, const std::vector<std::string>& columns) {
    if constexpr (!ScalarTraits<T>::exact) {
        for (std::size_t j = 0; j < X.cols(); ++j) {
            const T& d = XtX(j, j);
            bool overflow = !is_finite(d);
            bool underflow = d == 0 && [&] {
                for (std::size_t i = 0; i < X.rows(); ++i)
                    if (X(i, j) != 0) return true;
                return false;
            }();
            if (overflow || underflow) {
                throw MathError("XᵀX " + std::string(overflow ? "overflows" : "underflows") + " in floating point: " +
                                "its diagonal entry for " + columns[j] + ", the sum of the column's squares, is " +
                                scalar_text(d) + "; QR does not form XᵀX, and exact arithmetic has no range to leave");
            }
        }
    }
}

}  // namespace solvers_detail

// β̂ (p × 1) from the normal equations, by `method` normal or inverse. `names` (one per column
// of X, optional) name the columns in the error for dependent columns. `gram`, when given,
// receives XᵀX (for the standard errors, from (XᵀX)⁻¹, without forming it again).
template <Scalar T>
Matrix<T> normal_equations(const Matrix<T>& X, const Matrix<T>& y, LeastSquaresMethod method,
                           const std::vector<std::string>& names = {}, trace::Trace* trace = nullptr,
                           Matrix<T>* gram = nullptr) {
    using namespace solvers_detail;
    if (y.rows() != X.rows() || y.cols() != 1)
        throw ShapeError("least squares needs y of shape " + shape_text(X.rows(), 1) + " for X " + X.shape() +
                         ", not " + y.shape());
    std::vector<std::string> columns = names;
    for (std::size_t j = columns.size(); j < X.cols(); ++j) columns.push_back("column " + std::to_string(j + 1));

    trace::SubDerivation sub(trace, trace::kind::normal_equations, [] {
        return std::string("The normal equations XᵀX β = XᵀY: the residual Y − Xβ is orthogonal to every column of X.");
    });
    Matrix<T> XtX, Xty;
    if (trace) {
        const Matrix<T> Xt = transpose(X);
        XtX = traced_product(Xt, X, "Compute XᵀX.", trace::product({transpose_of("X"), trace::symbol("X")}, ""), trace);
        Xty = traced_product(Xt, y, "Compute XᵀY.", trace::product({transpose_of("X"), trace::symbol("Y")}, ""), trace);
    } else {
        XtX = transpose_product(X, X);  // without forming Xᵀ
        Xty = transpose_product(X, y);
    }
    require_representable_gram(X, XtX, columns);
    Matrix<T> beta;
    if (method == LeastSquaresMethod::inverse) {
        Solution<T> check = solve(XtX, Xty);
        if (check.kind == SolutionKind::infinite) throw_dependent_columns(check, columns);
        if (check.kind == SolutionKind::none) throw_inconsistent_normal_equations(check);
        Matrix<T> inv;
        {
            trace::SubDerivation invert(trace, trace::kind::gauss_jordan, "Invert XᵀX.");
            inv = inverse(XtX, EliminationOptions<T>{}, trace);
        }
        beta = traced_product(inv, Xty, "Multiply the inverse by XᵀY.", beta_hat(), trace);
    } else {
        Solution<T> s;
        {
            trace::SubDerivation solving(trace, trace::kind::elimination, "Solve XᵀX β = XᵀY.");
            s = solve(XtX, Xty, EliminationOptions<T>{}, trace);
        }
        if (s.kind == SolutionKind::infinite) throw_dependent_columns(s, columns);
        if (s.kind == SolutionKind::none) throw_inconsistent_normal_equations(s);
        beta = std::move(s.particular);
    }
    if (sub) sub.conclude(trace::equals(beta_hat(), showwork::to_math(beta)));
    if (gram) *gram = XtX;
    return beta;
}

#define SHOWWORK_LEAST_SQUARES_INSTANCES(EXTERN, T)                                                          \
    EXTERN template Matrix<T> normal_equations(const Matrix<T>&, const Matrix<T>&, LeastSquaresMethod,       \
                                               const std::vector<std::string>&, trace::Trace*, Matrix<T>*);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_LEAST_SQUARES_INSTANCES)

}  // namespace showwork
