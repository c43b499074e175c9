// A nearly singular system: the two equations are almost the same line.
//     x + y             = 2
//     x + (1 + δ) y     = 2 + δ          exactly: x = 1, y = 1 for every δ ≠ 0
// κ∞(A) ≈ 4/δ, so double (16 digits) keeps about 16 − log10(4/δ) of them, and Float50 (50
// digits) about 50 − log10(4/δ). When δ is below double's spacing near 1 (2.2e-16), 1 + δ
// rounds to 1: double sees a singular system, and the first-difference report says where.
#include <fmt/core.h>

#include "showwork/matrix/format.hpp"
#include "showwork/compare/compare.hpp"
#include "showwork/trace/render.hpp"

using namespace showwork;

// (A | b) for one δ = 10^-e.
static Matrix<Rational> system(int e) {
    Rational delta(1, 1);
    for (int k = 0; k < e; ++k) delta /= 10;
    Matrix<Rational> Ab{{1, 1, 2}, {1, Rational(1 + delta), Rational(2 + delta)}};
    Ab.set_augment(1);
    return Ab;
}

template <Scalar F>
static std::string answer(const Comparison<F>& c) {
    if (!c.floating) return "fails: " + c.floating_failure;
    return fmt::format("x = {}, y = {}   (max error {:.2e})", scalar_text((*c.floating)(0, 0)),
                       scalar_text((*c.floating)(1, 0)), rational_to_double(*c.max_error));
}

int main() {
    for (int e : {6, 10, 14, 17}) {
        Matrix<Rational> Ab = system(e);
        Comparison<double> d = compare<double>(CompareOperation::solve, Ab);
        Comparison<Float50> f = compare<Float50>(CompareOperation::solve, Ab);
        fmt::print("delta = 1e-{}:  kappa_inf(A) = {}  (about {:.1f} digits lost)\n", e,
                   readable_text(*d.condition_number), *d.digits_lost);
        fmt::print("  exact:   x = {}, y = {}\n", (*d.exact)(0, 0), (*d.exact)(1, 0));
        fmt::print("  double:  {}\n", answer(d));
        fmt::print("  float50: {}\n", answer(f));
        fmt::print("  double decisions: {}\n\n", d.first_difference ? d.first_difference->text : "the same as exact");
    }

    // The whole comparison for δ = 10^-10, as a document.
    trace::Trace steps;
    Matrix<Rational> Ab = system(10);
    Comparison<double> c = compare<double>(CompareOperation::solve, Ab, {}, &steps);
    trace::Document doc{"Compare solve exactly and in double, delta = 1e-10", "compare", "double",
                        {{"(A | b)", to_math(Ab)}}, {{"x (double)", to_math(*c.floating)}}, steps.take_steps()};
    fmt::print("{}\n", trace::render(doc, trace::Format::text));
}
