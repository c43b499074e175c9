// A nearly singular system: the two equations are almost the same line.
//     x + y             = 2
//     x + (1 + δ) y     = 2 + δ          exactly: x = 1, y = 1 for every δ ≠ 0
// κ∞(A) ≈ 4/δ, so double (16 digits) keeps about 16 − log10(4/δ) of them, and Float50 (50
// digits) about 50 − log10(4/δ). When δ is below double's spacing near 1 (2.2e-16), 1 + δ
// rounds to 1: double sees a singular system, and the first-difference report says where.
// The document: one sub-derivation per δ = 10^-6, 10^-10, 10^-14, 10^-17 (κ∞, the exact, double
// and Float50 answers, double's first different decision), then the whole traced comparison
// for δ = 10^-10; a table of the four cases as the result.
//
//   nearly_singular [text|latex|markdown|json|document]     (text by default)
#include <fmt/format.h>

#include "examples/example.hpp"
#include "showwork/compare/compare.hpp"
#include "showwork/matrix/to_math.hpp"

using namespace showwork;

namespace {

// (A | b) for one δ = 10^-e.
Matrix<Rational> system(int e) {
    Rational delta(1, 1);
    for (int k = 0; k < e; ++k) delta /= 10;
    Matrix<Rational> Ab{{1, 1, 2}, {1, Rational(1 + delta), Rational(2 + delta)}};
    Ab.set_augment(1);
    return Ab;
}

// x + y = 2, x + (1 + δ)y = 2 + δ
trace::Math the_system() {
    trace::Math x = trace::symbol("x"), y = trace::symbol("y"), delta = trace::symbol("delta");
    trace::Math one_plus_delta = trace::group(trace::sum({trace::number("1"), delta}));
    return trace::cases({trace::equals(trace::sum({x, y}), trace::number("2")),
                         trace::equals(trace::sum({x, trace::product({one_plus_delta, y}, "")}),
                                       trace::sum({trace::number("2"), delta}))});
}

// δ = 10^-e
trace::Math delta_math(int e) {
    return trace::equals(trace::symbol("delta"), trace::power(trace::number("10"), trace::number(std::to_string(-e))));
}

trace::Math unknowns(trace::Math x, trace::Math y) {
    return trace::list({trace::equals(trace::symbol("x"), std::move(x)), trace::equals(trace::symbol("y"), std::move(y))});
}

// max |x̂ − x|
trace::Math largest_error() {
    trace::Math x_hat = trace::symbol("x", trace::empty(), trace::empty(), {.hat = true});
    return trace::apply("max", {trace::absolute(trace::sum({x_hat, trace::negate(trace::symbol("x"))}))});
}

trace::Math two_digits(const Rational& q) { return trace::number(fmt::format("{:.2e}", rational_to_double(q))); }

// The floating answer and its largest error, or why there is none.
template <Scalar F>
void add_answer(const Comparison<F>& c, const char* name, trace::Trace& steps) {
    if (!c.floating) {
        steps.add(trace::kind::failure, std::string("In ") + name + ": fails: " + c.floating_failure + ".");
        return;
    }
    trace::Math answer = unknowns(to_math((*c.floating)(0, 0)), to_math((*c.floating)(1, 0)));
    answer.args.push_back(trace::equals(largest_error(), two_digits(*c.max_error)));
    steps.add(trace::kind::floating, std::string("In ") + name + ":", std::nullopt, std::move(answer));
}

template <Scalar F>
trace::Math error_cell(const Comparison<F>& c) {
    return c.floating ? two_digits(*c.max_error) : trace::text("fails");
}

// One δ as a sub-derivation; its row of the results' table.
std::vector<trace::Math> one_delta(int e, trace::Trace& steps) {
    Matrix<Rational> Ab = system(e);
    Comparison<double> d = compare<double>(CompareOperation::solve, Ab);
    Comparison<Float50> f = compare<Float50>(CompareOperation::solve, Ab);

    trace::SubDerivation sub(&steps, trace::kind::compare);
    sub.describe("The system with this δ.", delta_math(e));
    trace::Math kappa = trace::product({trace::symbol("kappa", trace::symbol("infty")), trace::group(trace::symbol("A"))}, "");
    trace::Math digits = trace::number(fmt::format("{:.1f}", *d.digits_lost));
    steps.add(trace::kind::compare, "The condition number of A, exactly, and about " + digits.text + " digits lost.",
              std::nullopt, trace::equals(kappa, trace::number(readable_text(*d.condition_number))));
    steps.add(trace::kind::exact, "Exactly:", std::nullopt, unknowns(to_math((*d.exact)(0, 0)), to_math((*d.exact)(1, 0))));
    add_answer(d, "double", steps);
    add_answer(f, "Float50", steps);
    steps.add(trace::kind::compare, "The decisions of double: " +
                                        (d.first_difference ? d.first_difference->text : std::string("the same as exact.")));

    return {delta_math(e).args[1], trace::number(readable_text(*d.condition_number)), digits, error_cell(d),
            error_cell(f),
            trace::text(d.first_difference ? std::string(divergence_kind_name(d.first_difference->kind)) : "the same")};
}

trace::Document nearly_singular() {
    trace::Trace steps;
    std::vector<std::vector<trace::Math>> rows;
    for (int e : {6, 10, 14, 17}) rows.push_back(one_delta(e, steps));

    // The whole comparison for δ = 10^-10.
    Matrix<Rational> Ab = system(10);
    Comparison<double> c;
    {
        trace::SubDerivation sub(&steps, trace::kind::compare);
        sub.describe("The whole comparison for this δ, step by step.", delta_math(10));
        c = compare<double>(CompareOperation::solve, Ab, {}, &steps);
    }

    trace::Document doc;
    doc.title = "A nearly singular system, exactly and in floating point";
    doc.command = "compare";
    doc.number = "double";
    doc.inputs = {{"system", the_system()}};
    doc.results = {{"cases", trace::table({trace::text("delta"), trace::text("condition number"),
                                           trace::text("digits lost"), trace::text("double error"),
                                           trace::text("Float50 error"), trace::text("double decisions")},
                                          rows)},
                   {"x_double", to_math(*c.floating), trace::Named::Where::everywhere,
                    trace::symbol("x", trace::text("double"), trace::empty(), {.hat = true})}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) {
    return examples::run("nearly_singular", argc, argv, nearly_singular);
}
