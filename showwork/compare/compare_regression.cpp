#include "showwork/compare/compare_regression.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "showwork/compare/compare.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/solvers/householder_qr.hpp"

namespace showwork {

template <Scalar F>
std::optional<double> FloatingLeastSquares<F>::fewest_digits() const {
    if (digits.empty()) return std::nullopt;
    return *std::min_element(digits.begin(), digits.end());
}

double digits_kept(const Rational& exact, const Rational& floating, double full, Rational& relative_error) {
    const Rational error = abs(Rational(floating - exact));
    if (error == 0) {
        relative_error = 0;
        return full;
    }
    if (exact == 0) {  // ρ = ∞: not one digit of 0 is kept by a nonzero answer
        relative_error = -1;
        return 0;
    }
    relative_error = error / abs(exact);
    return std::clamp(-log10_of(relative_error), 0.0, full);
}

namespace {

using trace::Math;

const char* method_words(LeastSquaresMethod method) {
    return method == LeastSquaresMethod::qr ? "by Householder QR" : "by the normal equations";
}

// One floating fit, in a sub-derivation when traced; a mathematical failure is kept as its message.
template <Scalar F>
FloatingLeastSquares<F> floating_fit(LeastSquaresMethod method, const Matrix<F>& X, const Matrix<F>& y,
                                     const std::vector<std::string>& parameters, trace::Trace* trace) {
    FloatingLeastSquares<F> f;
    f.method = method;
    trace::SubDerivation sub(trace, trace::kind::floating, [&] {
        return fmt::format("In floating point ({}), {}.", ScalarTraits<F>::name, method_words(method));
    });
    try {
        f.coefficients = method == LeastSquaresMethod::qr
                             ? least_squares_qr(X, y, QROptions<F>{}, trace).coefficients
                             : normal_equations(X, y, method, parameters, trace);
        for (std::size_t j = 0; j < f.coefficients->rows(); ++j) {
            const F& b = (*f.coefficients)(j, 0);
            if (is_finite(b)) continue;
            const std::string name = j < parameters.size() ? parameters[j] : "b" + std::to_string(j);
            f.coefficients.reset();
            throw RangeError(fmt::format("the coefficient of {} is {} in {}: an overflow", name,
                                         b == b ? scalar_text(b) : std::string("undefined (NaN)"), ScalarTraits<F>::name));
        }
    } catch (const MathError& e) {
        f.failure = e.what();
        if (trace) trace->add(trace::kind::failure, "This run stops: " + f.failure + ".");
    }
    return f;
}

// X and y as the floating fits read them: an entry F cannot hold (1e400 in double, or x = 1e200
// whose square a degree-2 model needs) is an input error naming the observation and the column.
template <Scalar F>
void require_data_in_range(const Matrix<Rational>& X, const Matrix<Rational>& y, const std::vector<std::string>& parameters) {
    auto require = [](const Rational& q, std::size_t i, const std::string& column) {
        const std::string why = out_of_range<F>(q);
        if (why.empty()) return;
        throw InputError(fmt::format("observation {}, {}: {} is {}, and compare reads X and y in {} for its floating "
                                     "fits{}",
                                     i + 1, column, decimal_text(q, 6), why, ScalarTraits<F>::name,
                                     std::is_same_v<F, double> ? "; --number float50 holds it" : ""));
    };
    for (std::size_t i = 0; i < X.rows(); ++i) {
        for (std::size_t j = 0; j < X.cols(); ++j)
            require(X(i, j), i, "column " + (j < parameters.size() ? parameters[j] : std::to_string(j + 1)) + " of X");
        require(y(i, 0), i, "the response");
    }
}

template <Scalar F>
void measure_digits(FloatingLeastSquares<F>& f, const Matrix<Rational>& exact) {
    if (!f.coefficients) return;
    for (std::size_t j = 0; j < exact.rows(); ++j) {
        Rational rho;
        f.digits.push_back(digits_kept(exact(j, 0), scalar_cast<Rational>((*f.coefficients)(j, 0)), full_digits<F>(), rho));
        f.relative_errors.push_back(rho);
    }
}

Math kappa_of(Math matrix) {
    return trace::product({trace::symbol("kappa", trace::number("2")), trace::group(std::move(matrix))}, "");
}

Math gram() {
    return trace::product({trace::symbol("X", trace::empty(), trace::empty(), {.transpose = true}), trace::symbol("X")},
                          "");
}

// κ to 6 significant digits
Math kappa_value(const Float50& kappa) { return trace::number(fmt::format("{:.6g}", static_cast<double>(kappa))); }

template <Scalar F>
Math digits_cell(const FloatingLeastSquares<F>& f, std::size_t j) {
    if (!f.coefficients) return trace::text("fails");
    return trace::number(fmt::format("{:.1f}", f.digits[j]));
}

// The last step: κ(X), κ(XᵀX) = κ(X)², and per coefficient the digits each method keeps.
template <Scalar F>
void add_summary(const RegressionComparison<F>& c, trace::Trace& trace) {
    if (c.condition.singular) {
        trace.add(trace::kind::compare, "XᵀX is singular to Float50: the condition number is infinite.");
    } else {
        trace.add(trace::kind::compare,
                  "The condition numbers in the 2-norm, from the eigenvalues of the exact XᵀX: the normal equations "
                  "work with XᵀX, whose condition number is the square of X's.",
                  std::nullopt,
                  trace::list({trace::equals(kappa_of(trace::symbol("X")), kappa_value(c.condition.kappa_X)),
                               trace::chain({kappa_of(gram()),
                                             trace::power(kappa_of(trace::symbol("X")), trace::number("2")),
                                             kappa_value(c.condition.kappa_XtX)},
                                            {trace::Rel::equals, trace::Rel::equals})}));
    }
    std::vector<std::vector<Math>> rows;
    for (std::size_t j = 0; j < c.exact.rows(); ++j) {
        std::string name = j < c.parameters.size() ? c.parameters[j] : "b" + std::to_string(j);
        rows.push_back({trace::text(name), trace::number(readable_text(c.exact(j, 0))), digits_cell(c.normal, j),
                        digits_cell(c.qr, j)});
    }
    trace.add(trace::kind::compare,
              fmt::format("The digits each floating method keeps of each coefficient, −log₁₀ of its relative error "
                          "(at most {:.2f}, all that {} carries).",
                          c.full_digits, ScalarTraits<F>::name),
              std::nullopt,
              trace::table({trace::text("parameter"), trace::text("exact"), trace::text("normal equations"),
                            trace::text("QR")},
                           rows));
}

}  // namespace

template <Scalar F>
RegressionComparison<F> compare_regression(const Matrix<Rational>& X, const Matrix<Rational>& y,
                                           const std::vector<std::string>& parameters, trace::Trace* trace) {
    static_assert(!ScalarTraits<F>::exact, "compare_regression runs an exact fit against floating ones");
    RegressionComparison<F> c;
    c.parameters = parameters;
    c.full_digits = full_digits<F>();
    {
        trace::SubDerivation sub(trace, trace::kind::exact, "Exactly, over the rationals, by the normal equations.");
        c.exact = normal_equations(X, y, LeastSquaresMethod::normal, parameters, trace);
    }
    require_data_in_range<F>(X, y, parameters);
    const Matrix<F> Xf = matrix_cast<F>(X), yf = matrix_cast<F>(y);
    c.normal = floating_fit(LeastSquaresMethod::normal, Xf, yf, parameters, trace);
    c.qr = floating_fit(LeastSquaresMethod::qr, Xf, yf, parameters, trace);
    measure_digits(c.normal, c.exact);
    measure_digits(c.qr, c.exact);
    c.condition = spectral_condition(X);
    if (trace) add_summary(c, *trace);
    return c;
}

template struct FloatingLeastSquares<double>;
template struct FloatingLeastSquares<Float50>;
template RegressionComparison<double> compare_regression(const Matrix<Rational>&, const Matrix<Rational>&,
                                                         const std::vector<std::string>&, trace::Trace*);
template RegressionComparison<Float50> compare_regression(const Matrix<Rational>&, const Matrix<Rational>&,
                                                          const std::vector<std::string>&, trace::Trace*);

}  // namespace showwork
