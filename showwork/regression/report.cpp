#include "showwork/regression/report.hpp"

#include <cctype>

#include "showwork/matrix/to_math.hpp"

namespace showwork::regression {

namespace {

using trace::Math;

Math none() { return trace::text("undefined"); }

template <Scalar T>
Math optional_number(const std::optional<T>& x) { return x ? to_math(*x) : none(); }

template <Scalar T>
Math root_number(const std::optional<T>& square, int digits, bool negative = false) {
    return square ? trace::number(root_text(*square, digits, negative)) : none();
}

// se(β̂ⱼ) and tⱼ: exactly, each the root of its rational square to `digits` digits, correctly
// rounded; in floating point computed without squaring (Fit::standard_error), which would under-
// or overflow where the values themselves do not.
template <Scalar T>
Math standard_error_number(const Fit<T>& fit, std::size_t j, int digits) {
    if constexpr (ScalarTraits<T>::exact) {
        return root_number(fit.standard_error_squared(j), digits);
    } else {
        std::optional<T> se = fit.standard_error(j);
        return se ? to_math(*se) : none();
    }
}

template <Scalar T>
Math t_number(const Fit<T>& fit, std::size_t j, int digits) {
    if constexpr (ScalarTraits<T>::exact) {
        return root_number(fit.t_squared(j), digits, fit.coefficients(j, 0) < 0);
    } else {
        std::optional<T> t = fit.t_value(j);
        return t ? to_math(*t) : none();
    }
}

template <Scalar T>
Math numbers(const Matrix<T>& v) {
    std::vector<Math> items;
    for (const T& x : v.entries()) items.push_back(to_math(x));
    return trace::list(std::move(items));
}

bool all_of(std::string_view s, int (*test)(int)) {
    for (char c : s)
        if (!test(static_cast<unsigned char>(c))) return false;
    return true;
}

}  // namespace

Math variable_math(const std::string& name) {
    if (auto caret = name.find('^'); caret != std::string::npos)
        return trace::power(variable_math(name.substr(0, caret)), trace::number(name.substr(caret + 1)));
    std::size_t letters = 0;
    while (letters < name.size() && std::isalpha(static_cast<unsigned char>(name[letters]))) ++letters;
    std::string_view word(name.data(), letters), digits(name.data() + letters, name.size() - letters);
    if (letters == 1 && all_of(digits, std::isdigit))
        return trace::symbol(std::string(word), digits.empty() ? trace::empty() : trace::number(std::string(digits)));
    return trace::text(name);
}

// y = 3/5 x + 11/5 for a line, as notes 000 writes it; ŷ = β̂₀ + β̂₁x₁ + … otherwise.
template <Scalar T>
Math model_equation(const Fit<T>& fit) {
    const bool line = fit.intercept && fit.parameters.size() == 2 && fit.parameters[1].find('^') == std::string::npos;
    std::vector<std::size_t> order;  // the parameters in the order the terms are written
    for (std::size_t j = 0; j < fit.parameters.size(); ++j) order.push_back(j);
    if (line) std::swap(order[0], order[1]);
    std::vector<Math> terms;
    for (std::size_t j : order) {
        const T& c = fit.coefficients(j, 0);
        if (c == 0) continue;
        const T size = c < 0 ? T(-c) : c;
        const bool constant = fit.intercept && j == 0;
        Math term = constant ? to_math(size)
                    : size == 1 ? variable_math(fit.parameters[j])
                                : trace::product({to_math(size), variable_math(fit.parameters[j])}, "");
        terms.push_back(c < 0 ? trace::negate(std::move(term)) : std::move(term));
    }
    Math right = terms.empty() ? trace::number("0") : terms.size() == 1 ? terms[0] : trace::sum(std::move(terms));
    Math left = variable_math(fit.response);
    if (!line) left = trace::symbol(left.kind == trace::Kind::symbol ? left.text : "y", left.kind == trace::Kind::symbol ? left.args[0] : trace::empty(),
                                   trace::empty(), {.hat = true});
    return trace::equals(std::move(left), std::move(right));
}

template <Scalar T>
Math anova_table(const Fit<T>& fit, int digits) {
    auto df = [](std::size_t n) { return trace::count(n); };
    std::optional<T> msr = fit.mean_square_regression();
    std::vector<std::vector<Math>> rows{
        {trace::text("Regression"), df(fit.df_regression), to_math(fit.ssr), optional_number(msr),
         optional_number(fit.f_statistic)},
        {trace::text("Residual"), df(fit.df_residual), to_math(fit.sse), optional_number(fit.residual_variance),
         trace::empty()},
        {trace::text("Total"), df(fit.df_total), to_math(fit.sst), trace::empty(), trace::empty()},
    };
    (void)digits;
    return trace::table({trace::empty(), trace::text("df"), trace::text("Sum of squares"), trace::text("Mean square"),
                         trace::text("F statistic")},
                        rows, 1);
}

template <Scalar T>
Math coefficient_table(const Fit<T>& fit, int digits) {
    std::vector<std::vector<Math>> rows;
    for (std::size_t j = 0; j < fit.parameters.size(); ++j) {
        const T& b = fit.coefficients(j, 0);
        rows.push_back({trace::text(fit.parameters[j]), to_math(b), standard_error_number(fit, j, digits),
                        t_number(fit, j, digits)});
    }
    return trace::table({trace::empty(), trace::text("Estimate"), trace::text("Standard error"), trace::text("t value")},
                        rows);
}

template <Scalar T>
std::vector<trace::Named> fit_results(const Fit<T>& fit, int digits) {
    std::vector<Math> errors, ts;
    for (std::size_t j = 0; j < fit.parameters.size(); ++j) {
        errors.push_back(standard_error_number(fit, j, digits));
        ts.push_back(t_number(fit, j, digits));
    }
    return {
        {"model", model_equation(fit)},
        {"coefficients", numbers(fit.coefficients)},
        {"standard_errors", trace::list(std::move(errors))},
        {"t_values", trace::list(std::move(ts))},
        {"residual_standard_deviation", root_number(fit.residual_variance, digits)},
        {"r_squared", optional_number(fit.r_squared)},
        {"adjusted_r_squared", optional_number(fit.adjusted_r_squared)},
        {"anova", anova_table(fit, digits)},
        {"fitted", numbers(fit.fitted)},
        {"residuals", numbers(fit.residuals)},
    };
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_REPORT_INSTANCES)

}  // namespace showwork::regression
