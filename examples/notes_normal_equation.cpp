// Notes 000, "MLR": β̂ = (XᵀX)⁻¹XᵀY on a small multiple regression, every step — the design
// matrix with its column of ones, XᵀX and XᵀY entry by entry, (XᵀX)⁻¹ by Gauss–Jordan and the
// product — then the same β̂ from XᵀX β = XᵀY by row reduction, as the library does by default.
#include <fmt/core.h>

#include "showwork/regression/fit.hpp"
#include "showwork/regression/report.hpp"
#include "showwork/trace/render.hpp"

using namespace showwork;
using namespace showwork::regression;

int main() {
    // hours studied, hours slept, and a test score
    const char* data =
        "study, sleep, score\n"
        "1, 8, 52\n"
        "2, 6, 55\n"
        "3, 7, 63\n"
        "4, 5, 64\n"
        "5, 7, 75\n";
    Design<Rational> d = design(read_data<Rational>(data), {});

    trace::Trace steps;
    Fit<Rational> by_inverse = fit(d, {.method = LeastSquaresMethod::inverse}, &steps);
    Fit<Rational> by_elimination = fit(d, {.method = LeastSquaresMethod::normal});

    trace::Document doc;
    doc.title = "The normal equation of notes 000: score on study and sleep";
    doc.command = "regress";
    doc.number = "exact";
    doc.results = fit_results(by_inverse, 20);
    doc.steps = steps.take_steps();
    fmt::print("{}\n", trace::render(doc, trace::Format::text));
    fmt::print("(XᵀX)⁻¹XᵀY and row reduction of XᵀX β = XᵀY agree: {}\n",
               by_inverse.coefficients == by_elimination.coefficients ? "yes" : "NO");
    return by_inverse.coefficients == by_elimination.coefficients ? 0 : 1;
}
