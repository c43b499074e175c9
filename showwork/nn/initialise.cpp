#include "showwork/nn/initialise.hpp"

#include <boost/math/constants/constants.hpp>
#include <cmath>

#include "showwork/error.hpp"
#include "showwork/solvers/gradient_descent.hpp"

namespace showwork::nn {

namespace {

constexpr Init all_methods[] = {Init::he_normal, Init::he_uniform, Init::glorot, Init::torch, Init::zeros};

// u ∈ [0, 1): the top 53 bits of one output, times 2⁻⁵³ (exact in double).
double uniform(SplitMix64& g) { return static_cast<double>(g.next() >> 11) * 0x1p-53; }

// z ~ N(0, 1) by Box–Muller in 50 digits, rounded once to double.
double standard_normal(SplitMix64& g) {
    const Float50 u1 = uniform(g), u2 = uniform(g);
    const Float50 two_pi = 2 * boost::math::constants::pi<Float50>();
    const Float50 z = sqrt(-2 * log(1 - u1)) * cos(two_pi * u2);
    return static_cast<double>(z);
}

// √(c / n) rounded once: IEEE square root and division are correctly rounded everywhere.
double spread(double c, std::size_t n) { return std::sqrt(c / static_cast<double>(n)); }

}  // namespace

std::string_view init_name(Init method) {
    switch (method) {
        case Init::he_normal: return "he_normal";
        case Init::he_uniform: return "he_uniform";
        case Init::glorot: return "glorot";
        case Init::torch: return "torch";
        case Init::zeros: return "zeros";
    }
    return "";
}

Init parse_init(std::string_view name) {
    for (Init m : all_methods)
        if (init_name(m) == name) return m;
    throw InputError("unknown initialisation " + quoted_token(name) +
                     ": the methods are he_normal, he_uniform, glorot, torch and zeros");
}

std::vector<double> standard_normals(std::uint64_t seed, std::size_t count) {
    SplitMix64 g{seed};
    std::vector<double> out(count);
    for (double& z : out) z = standard_normal(g);
    return out;
}

std::vector<double> uniforms(std::uint64_t seed, std::size_t count) {
    SplitMix64 g{seed};
    std::vector<double> out(count);
    for (double& u : out) u = uniform(g);
    return out;
}

template <Scalar T>
Network<T> initialise(const std::vector<std::size_t>& sizes, const std::vector<Activation>& activations,
                      Init method, std::uint64_t seed) {
    if (sizes.size() < 2) throw InputError("a network needs the input size and at least one layer");
    if (activations.size() != sizes.size() - 1)
        throw InputError(std::to_string(activations.size()) + " activations for " + std::to_string(sizes.size() - 1) +
                         " layers");
    SplitMix64 g{seed};
    Network<T> network;
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        const std::size_t n_in = sizes[l - 1], n_out = sizes[l];
        if (n_in == 0 || n_out == 0) throw InputError("layer " + std::to_string(l) + " has no neurons");
        if (n_in > max_layer_size || n_out > max_layer_size || n_in * n_out > max_parameters)
            throw InputError("layer " + std::to_string(l) + " (" + shape_text(n_in, n_out) +
                             ") is larger than a layer may be");
        auto draw = [&](bool bias) -> double {
            switch (method) {
                case Init::he_normal: return bias ? 0.0 : standard_normal(g) * spread(2, n_in);
                case Init::he_uniform: return bias ? 0.0 : (2 * uniform(g) - 1) * spread(6, n_in);
                case Init::glorot: return bias ? 0.0 : (2 * uniform(g) - 1) * spread(6, n_in + n_out);
                case Init::torch: return (2 * uniform(g) - 1) * spread(1, n_in);
                case Init::zeros: return 0.0;
            }
            return 0.0;
        };
        Layer<T> layer{Matrix<T>(n_in, n_out), Matrix<T>(1, n_out), activations[l - 1]};
        for (T& w : layer.W.entries()) w = scalar_cast<T>(draw(false));
        for (T& b : layer.b.entries()) b = scalar_cast<T>(draw(true));
        network.layers.push_back(std::move(layer));
    }
    check_network(network);
    return network;
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_INITIALISE_INSTANCES)

}  // namespace showwork::nn
