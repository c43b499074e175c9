#include "showwork/regression/fit.hpp"

#include <boost/multiprecision/number.hpp>

#include <cmath>
#include <span>
#include <type_traits>

#include "showwork/matrix/decimal.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/regression/report.hpp"
#include "showwork/regression/simple.hpp"
#include "showwork/solvers/householder_qr.hpp"

namespace showwork::regression {

namespace {

using trace::Math;

// Designs up to this many entries are shown whole in a trace; larger ones by their shape.
constexpr std::size_t max_traced_design_entries = 240;

// Σ xᵢ² exactly, over the common denominator L of the xᵢ: Σ xᵢ² = (Σ (L xᵢ)²) / L², integer
// products and one reduction at the end instead of a fraction reduced at every term.
Rational exact_sum_of_squares(std::span<const Rational> xs) {
    Integer L = 1, scaled, sum = 0;
#if SHOWWORK_USE_GMP
    mpz_ptr l = L.backend().data(), t = scaled.backend().data(), s = sum.backend().data();
    for (const Rational& x : xs) {
        mpz_srcptr d = mpq_denref(x.backend().data());
        if (mpz_cmp_ui(d, 1) != 0) mpz_lcm(l, l, d);
    }
    for (const Rational& x : xs) {
        mpq_srcptr q = x.backend().data();
        if (mpq_sgn(q) == 0) continue;
        mpz_divexact(t, l, mpq_denref(q));
        mpz_mul(t, t, mpq_numref(q));
        mpz_addmul(s, t, t);
    }
#else
    for (const Rational& x : xs) L = lcm(L, Integer(denominator(x)));
    for (const Rational& x : xs) {
        scaled = numerator(x) * (L / denominator(x));
        sum += scaled * scaled;
    }
#endif
    return Rational(sum, Integer(L * L));  // in lowest terms
}

template <Scalar T>
T sum_of_squares(std::span<const T> xs) {
    if constexpr (std::is_same_v<T, Rational>) {
        return exact_sum_of_squares(xs);
    } else {
        T s = T(0);
        for (const T& x : xs) s += x * x;
        return s;
    }
}

template <Scalar T>
T sum_of_squares(const Matrix<T>& v) {
    return sum_of_squares(std::span<const T>(v.entries()));
}

template <Scalar T>
Matrix<T> column(const Matrix<T>& X, std::size_t j) {
    return Matrix<T>::column(X.column_copy(j));
}

template <Scalar T>
void record_design(const Design<T>& d, trace::Trace& trace) {
    std::string what = d.intercept ? "The design matrix X, a first column of ones for the intercept, and the response Y"
                                   : "The design matrix X (no intercept) and the response Y";
    if (d.X.size() + d.y.size() > max_traced_design_entries) {
        trace.add(trace::kind::design, what + ": X is " + d.X.shape() + ", too large to show.");
        return;
    }
    trace.add(trace::kind::design, what + ".", std::nullopt,
              trace::list({trace::equals(trace::symbol("X"), to_math(d.X)),
                           trace::equals(trace::symbol("Y"), to_math(d.y))}));
}

// The table of yᵢ, ŷᵢ and eᵢ = yᵢ − ŷᵢ.
template <Scalar T>
void record_residuals(const Matrix<T>& y, const Fit<T>& f, trace::Trace& trace) {
    if (y.rows() > max_traced_table_rows) return;
    const Math i = trace::symbol("i");
    std::vector<std::vector<Math>> rows;
    for (std::size_t k = 0; k < y.rows(); ++k) {
        rows.push_back({trace::count(k + 1), to_math(y(k, 0)), to_math(f.fitted(k, 0)),
                        to_math(f.residuals(k, 0))});
    }
    trace.add(trace::kind::residuals, "The fitted values and the residuals, y minus the fitted value.", std::nullopt,
              trace::table({i, trace::symbol("y", i), trace::symbol("y", i, trace::empty(), {.hat = true}),
                            trace::symbol("e", i)},
                           rows));
}

template <Scalar T>
void record_statistics(const Fit<T>& f, int digits, trace::Trace& trace) {
    const Math e_i = trace::symbol("e", trace::symbol("i")), y_i = trace::symbol("y", trace::symbol("i"));
    auto sum_of = [](Math x) { return trace::product({trace::symbol("sum"), std::move(x)}, ""); };
    auto squared = [](Math x) { return trace::power(std::move(x), trace::number("2")); };
    const Math sse = trace::symbol("SSE"), sst = trace::symbol("SST");
    const Math mean = trace::symbol("y", trace::empty(), trace::empty(), {.bar = true});
    Math spread = f.intercept ? squared(trace::group(trace::sum({y_i, trace::negate(mean)}))) : squared(y_i);
    std::vector<Math> lines{
        trace::chain({sse, sum_of(squared(e_i)), to_math(f.sse)}, {trace::Rel::equals, trace::Rel::equals}),
        trace::chain({sst, sum_of(spread), to_math(f.sst)}, {trace::Rel::equals, trace::Rel::equals}),
    };
    if (f.r_squared) {
        lines.push_back(trace::chain({squared(trace::symbol("R")),
                                      trace::sum({trace::number("1"), trace::negate(trace::fraction(sse, sst))}),
                                      to_math(*f.r_squared)},
                                     {trace::Rel::equals, trace::Rel::equals}));
    }
    if (f.residual_variance) {
        Math s2 = squared(trace::symbol("s"));
        lines.push_back(trace::chain({s2, trace::fraction(sse, trace::sum({trace::symbol("m"), trace::negate(trace::symbol("p"))})),
                                      to_math(*f.residual_variance)},
                                     {trace::Rel::equals, trace::Rel::equals}));
        lines.push_back(trace::chain({trace::symbol("s"), trace::number(root_text(*f.residual_variance, digits))},
                                     {ScalarTraits<T>::exact ? trace::Rel::approx : trace::Rel::equals}));
    }
    trace.add(trace::kind::statistics,
              f.intercept ? "How well the model fits: the squared error, the total sum of squares about the mean, R² "
                            "and the residual variance."
                          : "How well the model fits. Without an intercept R² is uncentred: SST is the sum of the squares of y.",
              std::nullopt, trace::list(std::move(lines)));
    trace.add(trace::kind::statistics,
              f.method == LeastSquaresMethod::qr
                  ? "Each coefficient with its standard error, the square root of s² times the squared length of its "
                    "row of the inverse of R (XᵀX = RᵀR, so that is its diagonal entry of the inverse of XᵀX), and "
                    "its t value, the coefficient over that error."
                  : "Each coefficient with its standard error, the square root of s² times its diagonal entry of the "
                    "inverse of XᵀX, and its t value, the coefficient over that error.",
              std::nullopt, coefficient_table(f, digits));
    trace.add(trace::kind::anova, "The analysis of variance: F = (SSR / df) / s².", std::nullopt, anova_table(f, digits));
}

// β̂ by the method asked for: notes 000's sums for a line, the normal equations otherwise, or
// Householder QR. For the standard errors, QR hands back its R and the normal equations their
// XᵀX (`gram`).
template <Scalar T>
Matrix<T> coefficients(const Design<T>& d, LeastSquaresMethod method, std::optional<Matrix<T>>& R,
                       std::optional<Matrix<T>>& gram, trace::Trace* trace) {
    if (method == LeastSquaresMethod::qr) {
        if constexpr (ScalarTraits<T>::exact) {
            throw InputError("the QR method needs square roots, which are not exact: an exact fit uses the normal "
                             "equations (--method normal) or the inverse (--method inverse)");
        } else {
            QRLeastSquares<T> qr = least_squares_qr(d.X, d.y, QROptions<T>{}, trace);
            R = std::move(qr.R);
            return std::move(qr.coefficients);
        }
    }
    if (method == LeastSquaresMethod::normal && is_simple(d)) {
        // the sums Σx², Σxy square the data as XᵀX does: the same range check
        solvers_detail::require_representable_gram(d.X, transpose_product(d.X, d.X), d.parameters);
        Matrix<T> x = column(d.X, 1);
        Sums<T> s = sums(x, d.y);
        if (trace) record_simple_regression(x, d.y, s, *trace);
        return Matrix<T>::column({s.intercept(), s.slope()});
    }
    gram.emplace();
    return normal_equations(d.X, d.y, method, d.parameters, trace, &*gram);
}

// R⁻¹ of an upper-triangular R with a nonzero diagonal, column by column: R z = e_c by back
// substitution, z_i = (δ_ic − Σ_{k>i} r_ik z_k) / r_ii for i = c … 1 (and z_i = 0 below c).
template <Scalar T>
Matrix<T> inverse_upper_triangular(const Matrix<T>& R) {
    const std::size_t p = R.rows();
    Matrix<T> Z(p, p);
    for (std::size_t c = 0; c < p; ++c) {
        for (std::size_t i = c + 1; i-- > 0;) {
            T sum = i == c ? T(1) : T(0);
            for (std::size_t k = i + 1; k <= c; ++k) sum -= R(i, k) * Z(k, c);
            Z(i, c) = sum / R(i, i);
        }
    }
    return Z;
}

// [(XᵀX)⁻¹]ⱼⱼ. From QR, XᵀX = RᵀR, so (XᵀX)⁻¹ = R⁻¹R⁻ᵀ and its j-th diagonal entry is
// ‖row j of R⁻¹‖²: XᵀX is never formed, so its squared condition number does not enter the
// standard errors either. The other methods invert XᵀX (`gram`, when the normal equations
// formed it).
// ‖row j of Z‖ from column j on, scaled by its largest entry so that no square under- or
// overflows: ‖z‖ = c·√Σ(zₖ/c)², c = maxₖ |zₖ|.
template <Scalar T>
T scaled_row_norm(const Matrix<T>& Z, std::size_t j) {
    using std::abs;
    using std::sqrt;
    T c = T(0);
    for (std::size_t k = j; k < Z.cols(); ++k) c = abs(Z(j, k)) > c ? T(abs(Z(j, k))) : c;
    if (c == 0) return c;
    T sum = T(0);
    for (std::size_t k = j; k < Z.cols(); ++k) sum += (Z(j, k) / c) * (Z(j, k) / c);
    return c * T(sqrt(sum));
}

// [(XᵀX)⁻¹]ⱼⱼ, and in floating point its root as well (`roots`).
template <Scalar T>
std::vector<T> variance_factors(const Matrix<T>& X, const std::optional<Matrix<T>>& R,
                                const std::optional<Matrix<T>>& gram, std::vector<T>& roots) {
    std::vector<T> factors;
    if (R) {
        Matrix<T> Rinv = inverse_upper_triangular(*R);
        for (std::size_t j = 0; j < Rinv.rows(); ++j) {
            T row = T(0);
            for (std::size_t k = j; k < Rinv.cols(); ++k) row += Rinv(j, k) * Rinv(j, k);
            factors.push_back(row);
            if constexpr (!ScalarTraits<T>::exact) roots.push_back(scaled_row_norm(Rinv, j));
        }
        return factors;
    }
    Matrix<T> gram_inverse = inverse(gram ? *gram : Matrix<T>(transpose(X) * X));
    for (std::size_t j = 0; j < X.cols(); ++j) {
        factors.push_back(gram_inverse(j, j));
        if constexpr (!ScalarTraits<T>::exact) {
            using std::sqrt;
            roots.push_back(T(sqrt(gram_inverse(j, j))));
        }
    }
    return factors;
}

}  // namespace

template <Scalar T>
std::optional<T> Fit<T>::mean_square_regression() const {
    if (df_regression == 0) return std::nullopt;
    return ssr / T(df_regression);
}

template <Scalar T>
std::optional<T> Fit<T>::standard_error_squared(std::size_t j) const {
    if (!residual_variance) return std::nullopt;
    return *residual_variance * variance_factors[j];
}

template <Scalar T>
std::optional<T> Fit<T>::standard_error(std::size_t j) const {
    if constexpr (ScalarTraits<T>::exact) {
        return std::nullopt;  // not rational: root_text gives it to the digits asked for
    } else {
        if (!residual_variance || j >= variance_factor_roots.size()) return std::nullopt;
        using std::sqrt;
        return T(sqrt(*residual_variance)) * variance_factor_roots[j];
    }
}

template <Scalar T>
std::optional<T> Fit<T>::t_value(std::size_t j) const {
    std::optional<T> se = standard_error(j);
    if (!se || *se == 0) return std::nullopt;
    return coefficients(j, 0) / *se;
}

template <Scalar T>
std::optional<T> Fit<T>::t_squared(std::size_t j) const {
    std::optional<T> se2 = standard_error_squared(j);
    if (!se2 || *se2 == 0) return std::nullopt;
    return coefficients(j, 0) * coefficients(j, 0) / *se2;
}

template <Scalar T>
Fit<T> fit(const Design<T>& d, const FitOptions& options, trace::Trace* trace) {
    const LeastSquaresMethod method = options.method.value_or(default_method<T>());
    if (trace) record_design(d, *trace);
    Fit<T> f;
    f.parameters = d.parameters;
    f.response = d.response;
    f.intercept = d.intercept;
    f.method = method;
    std::optional<Matrix<T>> R, gram;
    f.coefficients = coefficients(d, method, R, gram, trace);
    f.fitted = d.X * f.coefficients;
    f.residuals = d.y - f.fitted;

    const std::size_t m = d.observations(), p = d.parameter_count();
    f.df_residual = m - p;
    f.df_regression = d.intercept ? p - 1 : p;
    f.df_total = d.intercept ? m - 1 : m;
    f.sse = sum_of_squares(f.residuals);
    if (d.intercept) {
        T mean = T(0);
        for (const T& y : d.y.entries()) mean += y;
        mean /= T(m);
        std::vector<T> deviations;
        deviations.reserve(m);
        for (const T& y : d.y.entries()) deviations.push_back(y - mean);
        f.sst = sum_of_squares(std::span<const T>(deviations));
        f.ssr = f.sst - f.sse;
    } else {
        f.sst = sum_of_squares(d.y);
        f.ssr = sum_of_squares(f.fitted);
    }
    if (f.sst != 0) {
        f.r_squared = T(1) - f.sse / f.sst;
        if (f.df_residual > 0) f.adjusted_r_squared = T(1) - (T(1) - *f.r_squared) * T(f.df_total) / T(f.df_residual);
    }
    if (f.df_residual > 0) {
        f.residual_variance = f.sse / T(f.df_residual);
        if (f.df_regression > 0 && *f.residual_variance != 0)
            f.f_statistic = *f.mean_square_regression() / *f.residual_variance;
    }
    f.variance_factors = variance_factors(d.X, R, gram, f.variance_factor_roots);

    if (trace) {
        trace->add(trace::kind::model, "The fitted model.", std::nullopt, model_equation(f));
        record_residuals(d.y, f, *trace);
        record_statistics(f, options.digits, *trace);
    }
    return f;
}

template <Scalar T>
std::string root_text(const T& x, int digits, bool negative) {
    std::string text;
    if constexpr (ScalarTraits<T>::exact) {
        text = sqrt_text(x, digits);
    } else {
        using std::sqrt;
        text = scalar_text(T(sqrt(x)));
    }
    return negative && text != "0" ? "-" + text : text;
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_FIT_INSTANCES)

}  // namespace showwork::regression
