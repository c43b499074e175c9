// A fit as math: the fitted model, the coefficient and ANOVA tables, and the named results of
// the regress command (the JSON fields the README documents).
#pragma once

#include <vector>

#include "showwork/regression/fit.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::regression {

// A column's name as math: x1 as x₁, x^2 as x², a Greek name as its letter, other words upright.
trace::Math variable_math(const std::string& name);

// ŷ = b + m x, or y = 3/5 x + 11/5 for a line (as notes 000 writes it).
template <Scalar T>
trace::Math model_equation(const Fit<T>& fit);

// Source, df, sum of squares, mean square and F: regression, residual and total.
template <Scalar T>
trace::Math anova_table(const Fit<T>& fit, int digits);

// Parameter, estimate, standard error and t value, one row per parameter.
template <Scalar T>
trace::Math coefficient_table(const Fit<T>& fit, int digits);

// model, coefficients, standard_errors, t_values, residual_standard_deviation, r_squared,
// adjusted_r_squared, anova, fitted, residuals.
template <Scalar T>
std::vector<trace::Named> fit_results(const Fit<T>& fit, int digits);

#define SHOWWORK_REPORT_INSTANCES(EXTERN, T)                                  \
    EXTERN template trace::Math model_equation(const Fit<T>&);                \
    EXTERN template trace::Math anova_table(const Fit<T>&, int);              \
    EXTERN template trace::Math coefficient_table(const Fit<T>&, int);        \
    EXTERN template std::vector<trace::Named> fit_results(const Fit<T>&, int);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_REPORT_INSTANCES)

}  // namespace showwork::regression
