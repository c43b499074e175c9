// Notes 000, "weights initialisation": He initialisation for a 784 → 128 ReLU layer, its weights
// drawn by nn::initialise, and their spread measured.
//
//   He normal    W ~ N(0, σ²) with σ² = 2/n_in: variance 2/n_in, standard deviation √(2/n_in)
//   He uniform   W ~ U(−L, L) with L = √(6/n_in): also variance L²/3 = 2/n_in
//
// Erratum: notes 000 "square the standard deviation" and write N(0, σ) with σ = 2/n_in. In the
// N(μ, σ) convention that makes 2/n_in the standard deviation, so the variance would be 4/n_in²
// (for n_in = 784, 6.5 · 10⁻⁶ against 2.6 · 10⁻³): 2/n_in is the variance, √(2/n_in) the standard
// deviation. The sample below shows which one the weights have.
//
// The generator (nn/initialise.hpp) is the same on every machine: splitmix64 from the seed; a
// uniform u ∈ [0, 1) is the top 53 bits of one output times 2⁻⁵³; a standard normal is Box–Muller,
// z = √(−2 ln(1 − u₁)) cos(2π u₂), one per pair of uniforms, computed in 50 digits and rounded
// once to double; a He-normal weight is z · √(2/n_in), drawn row by row.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <numbers>

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

}  // namespace

int main() {
    const std::size_t n_in = 784, n_out = 128;
    const std::uint64_t seed = 1;
    const double n = static_cast<double>(n_in);

    // The generator, step by step, against the library's draws.
    SplitMix64 g{seed};
    const double u1 = static_cast<double>(g.next() >> 11) * 0x1p-53, u2 = static_cast<double>(g.next() >> 11) * 0x1p-53;
    const double z = std::sqrt(-2 * std::log(1 - u1)) * std::cos(2 * std::numbers::pi * u2);  // Box–Muller in double
    const double z50 = nn::standard_normals(seed, 1)[0];
    fmt::print("splitmix64 from seed {}: u1 = {:.17g}, u2 = {:.17g} (library: {:.17g}, {:.17g})\n", seed, u1, u2,
               nn::uniforms(seed, 2)[0], nn::uniforms(seed, 2)[1]);
    fmt::print("Box–Muller z = sqrt(-2 ln(1 - u1)) cos(2 pi u2) = {:.17g} in double, {:.17g} in 50 digits rounded "
               "once\n\n",
               z, z50);

    nn::Network<double> he = nn::initialise<double>({n_in, n_out}, {nn::Activation::relu}, nn::Init::he_normal, seed);
    const Matrix<double>& W = he.layers[0].W;
    const Spread normal = spread_of(W);
    const double right = 2 / n, notes = (2 / n) * (2 / n);
    fmt::print("He normal, {} → {}: {} weights, the first = z · √(2/n_in) = {:.17g} ({})\n", n_in, n_out, W.size(),
               W(0, 0), W(0, 0) == z50 * std::sqrt(2 / n) ? "the same" : "different");
    fmt::print("  sample mean        {:.6f}\n", normal.mean);
    fmt::print("  sample variance    {:.6f}   2/n_in = {:.6f}   the notes' σ = 2/n_in as the sd: σ² = 4/n_in² = {:.6e}\n",
               normal.variance, right, notes);
    fmt::print("  sample sd          {:.6f}   √(2/n_in) = {:.6f}   the notes' σ = {:.6f}\n", std::sqrt(normal.variance),
               std::sqrt(right), 2 / n);

    nn::Network<double> uniform = nn::initialise<double>({n_in, n_out}, {nn::Activation::relu}, nn::Init::he_uniform, seed);
    const Spread u = spread_of(uniform.layers[0].W);
    const double L = std::sqrt(6 / n);
    fmt::print("He uniform: |w| ≤ L = √(6/n_in) = {:.6f}, the largest |w| = {:.6f};"
               " sample variance {:.6f}, L²/3 = {:.6f}\n",
               L, u.largest, u.variance, L * L / 3);

    // The weights have the variance 2/n_in (within 5 %), far from the notes' 4/n_in².
    const bool right_spread = std::abs(normal.variance / right - 1) < 0.05 && std::abs(u.variance / right - 1) < 0.05;
    fmt::print("\nThe variance is 2/n_in, not 4/n_in² (the erratum): {}\n", right_spread && u.largest <= L ? "yes" : "no");
    return right_spread && u.largest <= L ? 0 : 1;
}
