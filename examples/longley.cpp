// NIST's Longley data (16 years of US employment, 6 predictors), the classic test of a
// least-squares solver: exactly, the normal equations XᵀX β = Xᵀy give β̂ to every digit NIST
// certifies; in double, QR keeps about 16 − log₁₀ κ(X) digits of each coefficient and the normal
// equations about 16 − 2 log₁₀ κ(X), because κ(XᵀX) = κ(X)². (tests/test_regression.cpp checks
// every certified value of data/strd/Longley.dat; this prints the comparison.)
#include <fmt/core.h>

#include <fstream>
#include <sstream>

#include "showwork/compare/compare_regression.hpp"
#include "showwork/error.hpp"
#include "showwork/matrix/decimal.hpp"
#include "showwork/regression/fit.hpp"

using namespace showwork;
using namespace showwork::regression;

int main() try {
    std::ifstream in(SHOWWORK_EXAMPLE_DATA "/longley.csv");
    if (!in) throw InputError("longley.csv: cannot open it in " SHOWWORK_EXAMPLE_DATA);
    std::stringstream text;
    text << in.rdbuf();
    Design<Rational> d = design(read_data<Rational>(text.str(), "longley.csv"), {.response = "y"});
    Fit<Rational> exact = fit(d);

    fmt::print("Longley: {} observations, {} parameters, every decimal read exactly\n\n", d.observations(),
               d.parameter_count());
    fmt::print("{:<12} {:>24} {:>24}\n", "parameter", "β̂ (exact, 15 digits)", "standard error");
    for (std::size_t j = 0; j < d.parameter_count(); ++j)
        fmt::print("{:<12} {:>24} {:>24}\n", exact.parameters[j], decimal_text(exact.coefficients(j, 0), 15),
                   root_text(*exact.standard_error_squared(j), 15));
    fmt::print("residual standard deviation {}, R² {}\n\n", root_text(*exact.residual_variance, 15),
               decimal_text(*exact.r_squared, 15));

    RegressionComparison<double> c = compare_regression<double>(d.X, d.y, d.parameters);
    fmt::print("In double: κ(X) = {:.3g}, κ(XᵀX) = κ(X)² = {:.3g}\n", static_cast<double>(c.condition.kappa_X),
               static_cast<double>(c.condition.kappa_XtX));
    fmt::print("{:<12} {:>22} {:>14}\n", "parameter", "normal equations", "QR");
    for (std::size_t j = 0; j < c.parameters.size(); ++j) {
        std::string normal = c.normal.coefficients ? fmt::format("{:.1f} digits", c.normal.digits[j]) : "failed";
        fmt::print("{:<12} {:>22} {:>14}\n", c.parameters[j], normal, fmt::format("{:.1f} digits", c.qr.digits[j]));
    }
    if (!c.normal.coefficients) fmt::print("normal equations: {}\n", c.normal.failure);
    return 0;
} catch (const Error& e) {
    fmt::print(stderr, "longley: {}\n", e.what());
    return 2;
}
