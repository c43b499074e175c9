// Losses E of a network's output A = A^{[L]} against the targets Y (both m × n_L), and the
// derivative each names, ∂(L) = ∂E/∂A^{[L]}:
//
//   mse            E = 1/m Σᵢ Σⱼ (aᵢⱼ − yᵢⱼ)²       ∂(L) = 2/m (A − Y)      (notes 002; its sum from
//                                                                           i = 0 is an erratum)
//   half_mse       E = 1/(2m) Σᵢ Σⱼ (aᵢⱼ − yᵢⱼ)²    ∂(L) = 1/m (A − Y)      (notes 003)
//   cross_entropy  E = −1/m Σᵢ Σⱼ yᵢⱼ ln aᵢⱼ         ∂(L) = −1/m Y ⊘ A; after a softmax layer
//                                                   G^{[L]} = ∂E/∂Z^{[L]} = 1/m (A − Y)
//
// Cross-entropy needs a softmax output (each row of A a distribution) and is not rational, so
// an exact run cannot use it. Its value is computed from Z^{[L]} by log-sum-exp, which stays finite
// where a probability underflows to 0.
#pragma once

#include <string_view>

#include "showwork/matrix/matrix.hpp"
#include "showwork/nn/network.hpp"
#include "showwork/trace/math.hpp"

namespace showwork::nn {

enum class Loss { mse, half_mse, cross_entropy };

std::string_view loss_name(Loss loss);   // "mse", "half_mse", "cross_entropy"
// For a sentence: "the mean squared error", "half the mean squared error", "the cross-entropy".
std::string_view loss_title(Loss loss);
Loss parse_loss(std::string_view name);  // InputError naming the losses

// E in the notes' symbols, and ∂(L) = ∂E/∂A^{[L]} (for cross-entropy after softmax, ∂E/∂Z^{[L]}).
trace::Math loss_math(Loss loss);
trace::Math loss_derivative_math(Loss loss);

// Throws InputError when the loss cannot follow the network's output layer (cross-entropy
// without softmax) or cannot be computed in the scalar (cross-entropy exactly).
template <Scalar T>
void check_loss(Loss loss, const Network<T>& network);

// E at the output A = h(Z) of the last layer.
template <Scalar T>
T loss_value(Loss loss, const Matrix<T>& A, const Matrix<T>& Y, const Matrix<T>& Z);

// ∂(L) = ∂E/∂A^{[L]}.
template <Scalar T>
Matrix<T> loss_derivative(Loss loss, const Matrix<T>& A, const Matrix<T>& Y);
template <Scalar T>
void loss_derivative_into(Loss loss, const Matrix<T>& A, const Matrix<T>& Y, Matrix<T>& D);

// One row per example with a 1 in the column of its class: labels are whole numbers 0 … k − 1.
// InputError naming the example and the label when one is not.
template <Scalar T>
Matrix<T> one_hot(const Matrix<T>& labels, std::size_t classes);

// The share of rows whose largest output is in the column of the target's largest entry.
template <Scalar T>
double accuracy(const Matrix<T>& A, const Matrix<T>& Y);

#define SHOWWORK_LOSS_INSTANCES(EXTERN, T)                                                         \
    EXTERN template void check_loss(Loss, const Network<T>&);                                      \
    EXTERN template T loss_value(Loss, const Matrix<T>&, const Matrix<T>&, const Matrix<T>&);      \
    EXTERN template Matrix<T> loss_derivative(Loss, const Matrix<T>&, const Matrix<T>&);           \
    EXTERN template void loss_derivative_into(Loss, const Matrix<T>&, const Matrix<T>&, Matrix<T>&); \
    EXTERN template Matrix<T> one_hot(const Matrix<T>&, std::size_t);                              \
    EXTERN template double accuracy(const Matrix<T>&, const Matrix<T>&);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_LOSS_INSTANCES)

}  // namespace showwork::nn
