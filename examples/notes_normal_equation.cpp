// Notes 000, "MLR": β̂ = (XᵀX)⁻¹XᵀY on a small multiple regression, every step — the design
// matrix with its column of ones, XᵀX and XᵀY entry by entry, (XᵀX)⁻¹ by Gauss–Jordan and the
// product — then a check that row reduction of XᵀX β = XᵀY, as the library does by default,
// gives the same β̂. The result: the fitted model and its statistics.
//
//   notes_normal_equation [text|latex|markdown|json|document]     (text by default)
#include "examples/example.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/regression/fit.hpp"
#include "showwork/regression/report.hpp"

using namespace showwork;
using namespace showwork::regression;

namespace {

trace::Document notes_normal_equation() {
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
    const bool agree = by_inverse.coefficients == by_elimination.coefficients;
    steps.add(trace::kind::check,
              std::string("The coefficients from the inverse of XᵀX times XᵀY, and from row reduction of "
                          "XᵀX β = XᵀY: they ") +
                  (agree ? "agree." : "DISAGREE."),
              std::nullopt,
              trace::relation(to_math(by_inverse.coefficients), agree ? trace::Rel::equals : trace::Rel::not_equals,
                              to_math(by_elimination.coefficients)));
    if (!agree) throw MathError("the inverse and row reduction give different coefficients");

    trace::Document doc;
    doc.title = "The normal equation of notes 000: score on study and sleep";
    doc.command = "regress";
    doc.number = "exact";
    doc.results = fit_results(by_inverse, 20);
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("notes_normal_equation", argc, argv, notes_normal_equation);
}
