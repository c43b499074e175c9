// Random initial weights, reproducible on every platform and compiler from a seed.
//
//   he_normal    W ~ N(0, 2/n_in)                            b = 0   (He et al. 2015; notes 000)
//   he_uniform   W ~ U(−√(6/n_in), √(6/n_in))                b = 0
//   glorot       W ~ U(−√(6/(n_in + n_out)), √(6/(n_in + n_out)))   b = 0   (Glorot & Bengio 2010)
//   torch        W, b ~ U(−1/√n_in, 1/√n_in)                 as PyTorch's nn.Linear
//   zeros        W = 0, b = 0
//
// n_in = n_{l−1} and n_out = n_l. Notes 000 square the spread of He normal wrongly (N(0, σ) with
// σ = 2/n_in): 2/n_in is the variance, the standard deviation is √(2/n_in) (DESIGN.md, errata).
//
// The generator is splitmix64 (solvers/gradient_descent.hpp). A uniform u on [0, 1) is the top 53
// bits of one output times 2⁻⁵³; a normal is Box–Muller, z = √(−2 ln(1 − u₁)) cos(2π u₂), one per
// pair of outputs, computed in 50-digit arithmetic (Boost's software floating point, the same on
// every machine) and rounded once to double, so that no platform's libm decides a weight. Weights
// are drawn layer by layer, W^{[l]} row by row (n_{l−1} × n_l), then b^{[l]}.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "showwork/nn/network.hpp"

namespace showwork::nn {

enum class Init { he_normal, he_uniform, glorot, torch, zeros };

std::string_view init_name(Init method);   // "he_normal", "he_uniform", "glorot", "torch", "zeros"
Init parse_init(std::string_view name);    // InputError naming the methods

// A network of the given sizes n_0 … n_L and one activation per layer, its weights drawn by
// `method` from `seed`. For an exact scalar the weights are the doubles drawn, exactly.
template <Scalar T>
Network<T> initialise(const std::vector<std::size_t>& sizes, const std::vector<Activation>& activations,
                      Init method, std::uint64_t seed);

// The draws themselves, for tests and the He example: `count` standard normals and uniforms on [0, 1).
std::vector<double> standard_normals(std::uint64_t seed, std::size_t count);
std::vector<double> uniforms(std::uint64_t seed, std::size_t count);

#define SHOWWORK_INITIALISE_INSTANCES(EXTERN, T)                                                      \
    EXTERN template Network<T> initialise(const std::vector<std::size_t>&, const std::vector<Activation>&, \
                                          Init, std::uint64_t);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_INITIALISE_INSTANCES)

}  // namespace showwork::nn
