// A dense network in the row convention of notes 002 (DESIGN.md, "Neural networks"):
//
//   A^{[0]} = X (m × n)      Z^{[l]} = A^{[l−1]} W^{[l]} + j ⊗ b^{[l]}      A^{[l]} = h_l(Z^{[l]})
//
// W^{[l]} is n_{l−1} × n_l (inputs × neurons), b^{[l]} is 1 × n_l and added to every row. Notes
// 000, 003 and 004 write the same layer in the column convention z = W x + b, with W of shape
// n_l × n_{l−1}: that W is the transpose of this one, and Z the transpose of this Z.
#pragma once

#include <string>
#include <vector>

#include "showwork/matrix/matrix.hpp"
#include "showwork/nn/activation.hpp"

namespace showwork::nn {

// The most neurons a layer, and parameters a network, may have.
inline constexpr std::size_t max_layer_size = 100'000;
inline constexpr std::size_t max_parameters = 50'000'000;

template <Scalar T>
struct Layer {
    Matrix<T> W;  // n_{l−1} × n_l
    Matrix<T> b;  // 1 × n_l
    Activation h = Activation::identity;
    friend bool operator==(const Layer&, const Layer&) = default;
};

template <Scalar T>
struct Network {
    std::vector<Layer<T>> layers;  // layer l is layers[l − 1]

    std::size_t depth() const { return layers.size(); }  // L
    std::size_t inputs() const { return layers.empty() ? 0 : layers.front().W.rows(); }   // n_0 = n
    std::size_t outputs() const { return layers.empty() ? 0 : layers.back().W.cols(); }   // n_L
    // n_0, n_1, …, n_L
    std::vector<std::size_t> sizes() const;
    // Σ_l (n_{l−1} + 1) n_l
    std::size_t parameter_count() const;
    friend bool operator==(const Network&, const Network&) = default;
};

// Throws InputError when the layers do not chain (W^{[l]} must have n_{l−1} rows, b^{[l]} one row
// of n_l), a layer is empty, softmax is not the last layer's activation, or the network is larger
// than the limits; and, for an exact scalar, when an activation is not rational.
template <Scalar T>
void check_network(const Network<T>& network);

// "2-2-1": the sizes n_0 … n_L joined by dashes.
std::string sizes_text(const std::vector<std::size_t>& sizes);
// "2,2,1" or "2-2-1" to n_0 … n_L (at least two sizes, each positive); InputError otherwise.
std::vector<std::size_t> parse_sizes(std::string_view text);
// One activation per layer from "relu" (every layer) or "relu,identity" (one per layer).
std::vector<Activation> parse_activations(std::string_view text, std::size_t layers);

// θ: every parameter in one column, layer by layer, W^{[l]} row by row then b^{[l]}. The gradient
// descent driver works on θ; unflatten puts it back into the network's shapes.
template <Scalar T>
Matrix<T> flatten(const Network<T>& network);
template <Scalar T>
void unflatten(const Matrix<T>& theta, Network<T>& network);
// The name of parameter k of θ: "W^{[1]}_{12}" as "W[1](1,2)", "b[2](1)".
template <Scalar T>
std::string parameter_name(const Network<T>& network, std::size_t k);

// The notation of notes 002 in a trace: the bold layer symbol W^{[l]} (l a number, or a letter
// such as L), and ∂(l), the notes' name for ∂E/∂A^{[l]}.
trace::Math layer_symbol(std::string name, std::size_t l);
trace::Math layer_symbol(std::string name, std::string l);
trace::Math layer_error(std::size_t l);
trace::Math layer_error(std::string l);

#define SHOWWORK_NETWORK_INSTANCES(EXTERN, T)                                     \
    EXTERN template struct Network<T>;                                            \
    EXTERN template void check_network(const Network<T>&);                        \
    EXTERN template Matrix<T> flatten(const Network<T>&);                         \
    EXTERN template void unflatten(const Matrix<T>&, Network<T>&);                \
    EXTERN template std::string parameter_name(const Network<T>&, std::size_t);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_NETWORK_INSTANCES)

}  // namespace showwork::nn
