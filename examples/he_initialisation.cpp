// Notes 000, "weights initialisation": He initialisation for a 784 → 128 ReLU layer, its weights
// drawn by nn::initialise, and their spread measured.
//
//   He normal    W ~ N(0, σ²) with σ² = 2/n_in: variance 2/n_in, standard deviation √(2/n_in)
//   He uniform   W ~ U(−L, L) with L = √(6/n_in): also variance L²/3 = 2/n_in
//
// Erratum, a step of the document: notes 000 "square the standard deviation" and write N(0, σ)
// with σ = 2/n_in. In the N(μ, σ) convention that makes 2/n_in the standard deviation, so the
// variance would be 4/n_in² (for n_in = 784, 6.5 · 10⁻⁶ against 2.6 · 10⁻³): 2/n_in is the
// variance, √(2/n_in) the standard deviation. The sample shows which one the weights have.
//
// The generator (nn/initialise.hpp) is the same on every machine: splitmix64 from the seed; a
// uniform u ∈ [0, 1) is the top 53 bits of one output times 2⁻⁵³; a standard normal is Box–Muller,
// z = √(−2 ln(1 − u₁)) cos(2π u₂), one per pair of uniforms, computed in 50 digits and rounded
// once to double; a He-normal weight is z · √(2/n_in), drawn row by row.
//
//   he_initialisation [text|latex|markdown|json|document]     (text by default)
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "examples/example.hpp"
#include "showwork/nn/initialise.hpp"
#include "showwork/solvers/gradient_descent.hpp"

using namespace showwork;

namespace {

struct Spread {
    double mean = 0, variance = 0, largest = 0;  // the variance about 0, the mean being 0
};

Spread spread_of(const Matrix<double>& W) {
    Spread s;
    for (double w : W.entries()) {
        s.mean += w;
        s.variance += w * w;
        s.largest = std::max(s.largest, std::abs(w));
    }
    s.mean /= static_cast<double>(W.size());
    s.variance /= static_cast<double>(W.size());
    return s;
}

// A double as the example shows it: all 17 significant digits, 6 decimals, or 6 in scientific form.
trace::Math all_digits(double x) { return trace::number(fmt::format("{:.17g}", x)); }
trace::Math six_decimals(double x) { return trace::number(fmt::format("{:.6f}", x)); }
trace::Math scientific(double x) { return trace::number(fmt::format("{:.6e}", x)); }

trace::Math over_n_in(int numerator) {
    return trace::fraction(trace::number(std::to_string(numerator)), trace::symbol("n", trace::symbol("in")));
}

// The generator step by step, against the library's draws: two uniforms and one standard normal.
double generator_steps(std::uint64_t seed, trace::Trace& steps) {
    SplitMix64 g{seed};
    const double u1 = static_cast<double>(g.next() >> 11) * 0x1p-53, u2 = static_cast<double>(g.next() >> 11) * 0x1p-53;
    const double z = std::sqrt(-2 * std::log(1 - u1)) * std::cos(2 * std::numbers::pi * u2);  // Box–Muller in double
    const double z50 = nn::standard_normals(seed, 1)[0];
    const std::vector<double> library = nn::uniforms(seed, 2);
    steps.add(trace::kind::note,
              "splitmix64 from seed " + std::to_string(seed) + ": two uniforms on [0, 1), each the top 53 bits of one "
              "output divided by 2 to the power 53, drawn here and by the library (nn::uniforms).",
              std::nullopt,
              trace::table({trace::text("uniform"), trace::text("here"), trace::text("library")},
                           {{trace::indexed("u", 1), all_digits(u1), all_digits(library[0])},
                            {trace::indexed("u", 2), all_digits(u2), all_digits(library[1])}}));
    const trace::Math box_muller = trace::product(
        {trace::apply("sqrt", {trace::product({trace::number("-2"),
                                               trace::apply("ln", {trace::sum({trace::number("1"),
                                                                               trace::negate(trace::indexed("u", 1))})})},
                                              "")}),
         trace::apply("cos", {trace::product({trace::number("2"), trace::symbol("pi"), trace::indexed("u", 2)}, "")})},
        "");
    steps.add(trace::kind::note,
              "Box–Muller: a standard normal from the two uniforms, in double here, and in 50 digits rounded once to "
              "double by the library (nn::standard_normals).",
              trace::equals(trace::symbol("z"), box_muller),
              trace::table({trace::text("computed"), trace::symbol("z")},
                           {{trace::text("in double"), all_digits(z)}, {trace::text("in 50 digits, rounded once"), all_digits(z50)}}));
    return z50;
}

trace::Document he_document() {
    const std::size_t n_in = 784, n_out = 128;
    const std::uint64_t seed = 1;
    const double n = static_cast<double>(n_in);
    const trace::Math variance_symbol = trace::power(trace::symbol("sigma"), trace::number("2"));

    trace::Trace steps;
    const double z50 = generator_steps(seed, steps);

    nn::Network<double> he = nn::initialise<double>({n_in, n_out}, {nn::Activation::relu}, nn::Init::he_normal, seed);
    const Matrix<double>& W = he.layers[0].W;
    const Spread normal = spread_of(W);
    const double right = 2 / n, notes = (2 / n) * (2 / n);
    {
        trace::SubDerivation sub(&steps, trace::kind::note,
                                 "He normal, " + std::to_string(n_in) + " → " + std::to_string(n_out) + ": " +
                                     std::to_string(W.size()) + " weights drawn by nn::initialise.");
        if (W(0, 0) != z50 * std::sqrt(2 / n)) throw MathError("the first He-normal weight is not z times the square root of 2/n_in");
        steps.add(trace::kind::check, "The first weight is z times the square root of 2/n_in: the same.", std::nullopt,
                  trace::chain({trace::indexed("w", 11),
                                trace::product({trace::symbol("z"), trace::apply("sqrt", {over_n_in(2)})}, "cdot"),
                                all_digits(W(0, 0))},
                               {trace::Rel::equals, trace::Rel::equals}));
        steps.add(trace::kind::check,
                  "The sample's spread: its variance is 2/n_in, its standard deviation the square root of 2/n_in; "
                  "the notes' σ = 2/n_in as the standard deviation would make the variance 4/n_in².",
                  std::nullopt,
                  trace::table({trace::text("statistic"), trace::text("sample"), trace::text("He"),
                                trace::text("the notes' σ = 2/n_in as the sd")},
                               {{trace::text("mean"), six_decimals(normal.mean), trace::number("0"), trace::number("0")},
                                {trace::text("variance"), six_decimals(normal.variance),
                                 trace::equals(over_n_in(2), six_decimals(right)),
                                 trace::equals(trace::fraction(trace::number("4"),
                                                               trace::power(trace::symbol("n", trace::symbol("in")),
                                                                            trace::number("2"))),
                                               scientific(notes))},
                                {trace::text("standard deviation"), six_decimals(std::sqrt(normal.variance)),
                                 trace::equals(trace::apply("sqrt", {over_n_in(2)}), six_decimals(std::sqrt(right))),
                                 trace::equals(over_n_in(2), six_decimals(2 / n))}}));
        sub.conclude(trace::relation(six_decimals(normal.variance), trace::Rel::approx, over_n_in(2)));
    }
    steps.add(examples::erratum(
        "notes 000 square the standard deviation and write N(0, σ) with σ = 2/n_in. In the N(μ, σ) convention that "
        "makes 2/n_in the standard deviation, and the variance (2/n_in)² = 4/n_in²; the variance is 2/n_in, the "
        "standard deviation its square root.",
        trace::chain({trace::power(trace::group(over_n_in(2)), trace::number("2")), scientific(notes), six_decimals(right),
                      over_n_in(2)},
                     {trace::Rel::equals, trace::Rel::not_equals, trace::Rel::equals})));

    nn::Network<double> uniform = nn::initialise<double>({n_in, n_out}, {nn::Activation::relu}, nn::Init::he_uniform, seed);
    const Spread u = spread_of(uniform.layers[0].W);
    const double L = std::sqrt(6 / n);
    const trace::Math L_symbol = trace::symbol("L");
    steps.add(trace::kind::check,
              "He uniform: every |w| is at most L, the square root of 6/n_in, and the variance is L²/3 = 2/n_in.",
              std::nullopt,
              trace::table({trace::text("quantity"), trace::text("value")},
                           {{trace::equals(L_symbol, trace::apply("sqrt", {over_n_in(6)})), six_decimals(L)},
                            {trace::text("the largest |w|"), six_decimals(u.largest)},
                            {trace::text("sample variance"), six_decimals(u.variance)},
                            {trace::fraction(trace::power(L_symbol, trace::number("2")), trace::number("3")),
                             six_decimals(L * L / 3)}}));

    // The weights have the variance 2/n_in (within 5 %), far from the notes' 4/n_in².
    const bool right_spread = std::abs(normal.variance / right - 1) < 0.05 && std::abs(u.variance / right - 1) < 0.05;
    if (!right_spread || u.largest > L) throw MathError("the weights' variance is not 2/n_in");
    steps.add(trace::kind::check,
              "The variance of both samples is 2/n_in within 5 %, not the notes' 4/n_in² (the erratum).", std::nullopt,
              trace::relation(variance_symbol, trace::Rel::approx, over_n_in(2)));

    trace::Document doc;
    doc.title = "He initialisation of a 784 to 128 ReLU layer: the variance of the weights is 2/n_in";
    doc.command = "he_initialisation";
    doc.number = "double";
    doc.inputs = {{"n_in", trace::count(n_in), trace::Named::Where::everywhere, trace::symbol("n", trace::symbol("in"))},
                  {"n_out", trace::count(n_out), trace::Named::Where::everywhere, trace::symbol("n", trace::symbol("out"))},
                  {"seed", trace::count(seed)}};
    doc.results = {{"variance", six_decimals(right), trace::Named::Where::everywhere, over_n_in(2)},
                   {"sample_variance_normal", six_decimals(normal.variance)},
                   {"sample_sd_normal", six_decimals(std::sqrt(normal.variance))},
                   {"sample_variance_uniform", six_decimals(u.variance)}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) { return examples::run("he_initialisation", argc, argv, he_document); }
