// NIST's Longley data (16 years of US employment, 6 predictors), the classic test of a
// least-squares solver: exactly, the normal equations XᵀX β = Xᵀy give β̂ to every digit NIST
// certifies; in double, QR keeps about 16 − log₁₀ κ(X) digits of each coefficient and the normal
// equations about 16 − 2 log₁₀ κ(X), because κ(XᵀX) = κ(X)². (tests/test_regression.cpp checks
// every certified value of data/strd/Longley.dat; this shows the comparison.) The document: the
// exact coefficients to 15 digits with their standard errors, κ(X) and κ(XᵀX), and the digits
// each coefficient keeps in double by each method.
//
//   longley [text|latex|markdown|json|document]     (text by default)
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "examples/example.hpp"
#include "showwork/compare/compare_regression.hpp"
#include "showwork/matrix/decimal.hpp"
#include "showwork/regression/fit.hpp"

using namespace showwork;
using namespace showwork::regression;

namespace {

Design<Rational> longley_design() {
    std::ifstream in(SHOWWORK_EXAMPLE_DATA "/longley.csv");
    if (!in) throw InputError("longley.csv: cannot open it in " SHOWWORK_EXAMPLE_DATA);
    std::stringstream text;
    text << in.rdbuf();
    return design(read_data<Rational>(text.str(), "longley.csv"), {.response = "y"});
}

// Parameter, β̂ to 15 digits, standard error to 15 digits.
trace::Math coefficient_table(const Fit<Rational>& exact) {
    std::vector<std::vector<trace::Math>> rows;
    for (std::size_t j = 0; j < exact.parameters.size(); ++j)
        rows.push_back({trace::text(exact.parameters[j]), trace::number(decimal_text(exact.coefficients(j, 0), 15)),
                        trace::number(root_text(*exact.standard_error_squared(j), 15))});
    return trace::table({trace::text("parameter"), trace::text("estimate"), trace::text("standard error")}, rows);
}

trace::Math digits_cell(const FloatingLeastSquares<double>& f, std::size_t j) {
    if (!f.coefficients) return trace::text("failed");
    return trace::number(fmt::format("{:.1f}", f.digits[j]));
}

// Parameter, the digits double keeps by the normal equations and by QR.
trace::Math digits_table(const RegressionComparison<double>& c) {
    std::vector<std::vector<trace::Math>> rows;
    for (std::size_t j = 0; j < c.parameters.size(); ++j)
        rows.push_back({trace::text(c.parameters[j]), digits_cell(c.normal, j), digits_cell(c.qr, j)});
    return trace::table({trace::text("parameter"), trace::text("normal equations"), trace::text("QR")}, rows);
}

// κ₂(M)
trace::Math kappa_of(trace::Math M) {
    return trace::product({trace::symbol("kappa", trace::number("2")), trace::group(std::move(M))}, "");
}

trace::Math three_digits(const Float50& x) { return trace::number(fmt::format("{:.3g}", static_cast<double>(x))); }

trace::Document longley() {
    Design<Rational> d = longley_design();
    Fit<Rational> exact = fit(d);
    RegressionComparison<double> c = compare_regression<double>(d.X, d.y, d.parameters);

    trace::Trace steps;
    steps.add(trace::kind::design, "Longley: every decimal of the data read exactly.", std::nullopt,
              trace::list({trace::equals(trace::text("observations"), trace::count(d.observations())),
                           trace::equals(trace::text("parameters"), trace::count(d.parameter_count()))}));
    steps.add(trace::kind::exact,
              "Exactly, by the normal equations XᵀX β = Xᵀy: the coefficients to 15 digits with their standard "
              "errors, the residual standard deviation and R² are in the result.");
    trace::Math X = trace::symbol("X");
    trace::Math XtX = trace::product({trace::symbol("X", trace::empty(), trace::empty(), {.transpose = true}), X}, "");
    steps.add(trace::kind::compare,
              "In double. The condition numbers in the 2-norm: the normal equations work with XᵀX, whose condition "
              "number is the square of X's.",
              std::nullopt,
              trace::list({trace::equals(kappa_of(X), three_digits(c.condition.kappa_X)),
                           trace::chain({kappa_of(XtX), trace::power(kappa_of(X), trace::number("2")),
                                         three_digits(c.condition.kappa_XtX)},
                                        {trace::Rel::equals, trace::Rel::equals})}));
    trace::Math log_kappa = trace::product({trace::symbol("log", trace::number("10")), kappa_of(X)}, "");
    steps.add(trace::kind::compare,
              "The digits of each coefficient double keeps, by the normal equations and by QR, are in the result. "
              "The rule of thumb:",
              std::nullopt,
              trace::list({trace::relation(trace::text("digits, QR"), trace::Rel::approx,
                                           trace::sum({trace::number("16"), trace::negate(log_kappa)})),
                           trace::relation(trace::text("digits, normal equations"), trace::Rel::approx,
                                           trace::sum({trace::number("16"),
                                                       trace::negate(trace::product({trace::number("2"), log_kappa}, ""))}))}));
    if (!c.normal.coefficients) steps.add(trace::kind::failure, "The normal equations in double: " + c.normal.failure + ".");

    trace::Document doc;
    doc.title = "NIST's Longley data, exactly and in double";
    doc.command = "regress";
    doc.number = "exact";
    doc.results = {{"coefficients", coefficient_table(exact)},
                   {"residual_standard_deviation", trace::number(root_text(*exact.residual_variance, 15))},
                   {"r_squared", trace::number(decimal_text(*exact.r_squared, 15)), trace::Named::Where::everywhere,
                    trace::power(trace::symbol("R"), trace::number("2"))},
                   {"kappa_X", three_digits(c.condition.kappa_X), trace::Named::Where::everywhere, kappa_of(X)},
                   {"kappa_XtX", three_digits(c.condition.kappa_XtX), trace::Named::Where::everywhere, kappa_of(XtX)},
                   {"digits_in_double", digits_table(c)}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("longley", argc, argv, longley);
}
