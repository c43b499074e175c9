// Activations h and their derivatives h′ (notes 001 §3, notes 003 §2.3, notes 004 "σ′").
//
//   identity  h(z) = z                      h′(z) = 1
//   ReLU      h(z) = max(0, z)              h′(z) = 1 for z > 0, 0 for z < 0, c at z = 0
//   sigmoid   h(z) = σ(z) = 1/(1 + e^{−z})  h′(z) = σ(z)(1 − σ(z))
//   tanh      h(z) = tanh z                 h′(z) = 1 − tanh² z
//   softmax   h(z)ⱼ = e^{zⱼ} / Σₖ e^{zₖ}    over each row (one example): an output layer only
//
// ReLU′(0) = c is a convention (notes 003 take 0, notes 004 take 1): c = 0 unless asked, as in
// calculus::DiffOptions::relu_at_zero. Identity and ReLU are rational, so an exact network
// computes them exactly; the others are not, and an exact run that asks for one is refused.
#pragma once

#include <string>
#include <string_view>

#include "showwork/matrix/matrix.hpp"
#include "showwork/trace/math.hpp"

namespace showwork::nn {

enum class Activation { identity, relu, sigmoid, tanh, softmax };

std::string_view activation_name(Activation h);  // "identity", "relu", "sigmoid", "tanh", "softmax"
// For a sentence: "the identity", "ReLU", "the sigmoid σ", "tanh", "softmax".
std::string_view activation_title(Activation h);
// InputError naming the activations when `name` is none of them.
Activation parse_activation(std::string_view name);
// h applied to a symbol, in the notes' notation: \operatorname{ReLU}(z), \sigma(z), \tanh(z), …
trace::Math activation_math(Activation h, trace::Math argument);
// h′ applied to a symbol: \operatorname{ReLU}'(z), \sigma'(z), …
trace::Math derivative_math(Activation h, trace::Math argument);
// Whether h maps rationals to rationals (identity and ReLU).
bool is_rational(Activation h);
// Throws InputError for an exact scalar and an activation that is not rational.
template <Scalar T>
void require_computable(Activation h, std::string_view where);

// h(Z), entry by entry (softmax: row by row); the _into form writes A's storage (reused when its
// shape is unchanged).
template <Scalar T>
Matrix<T> activate(Activation h, const Matrix<T>& Z);
template <Scalar T>
void activate_into(Activation h, const Matrix<T>& Z, Matrix<T>& A);

// D ← h′(Z) ⊙ D in place, with A = h(Z) already computed: σ′ = a(1 − a), tanh′ = 1 − a², no new
// exponentials. Not softmax (softmax_backward).
template <Scalar T>
void multiply_by_derivative(Activation h, const Matrix<T>& Z, const Matrix<T>& A, Matrix<T>& D, const T& relu_at_zero);

// h′(Z) entry by entry, with ReLU′(0) = relu_at_zero. Softmax has no entrywise derivative (its
// Jacobian couples a row's entries): ShapeError; backpropagation uses softmax_backward.
template <Scalar T>
Matrix<T> activation_derivative(Activation h, const Matrix<T>& Z, const T& relu_at_zero);

// The error at the inputs of a softmax layer, G = ∂E/∂Z, from ∂ = ∂E/∂A and A = softmax(Z):
// row by row, gᵢ = aᵢ ⊙ (∂ᵢ − (aᵢ · ∂ᵢ) 1), the softmax Jacobian diag(a) − a aᵀ applied to ∂ᵢ.
template <Scalar T>
Matrix<T> softmax_backward(const Matrix<T>& A, const Matrix<T>& dA);
template <Scalar T>
void softmax_backward_into(const Matrix<T>& A, const Matrix<T>& dA, Matrix<T>& G);

#define SHOWWORK_ACTIVATION_INSTANCES(EXTERN, T)                                                  \
    EXTERN template void require_computable<T>(Activation, std::string_view);                     \
    EXTERN template Matrix<T> activate(Activation, const Matrix<T>&);                              \
    EXTERN template Matrix<T> activation_derivative(Activation, const Matrix<T>&, const T&);       \
    EXTERN template Matrix<T> softmax_backward(const Matrix<T>&, const Matrix<T>&);                \
    EXTERN template void activate_into(Activation, const Matrix<T>&, Matrix<T>&);                   \
    EXTERN template void multiply_by_derivative(Activation, const Matrix<T>&, const Matrix<T>&, Matrix<T>&, \
                                                const T&);                                          \
    EXTERN template void softmax_backward_into(const Matrix<T>&, const Matrix<T>&, Matrix<T>&);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_ACTIVATION_INSTANCES)

}  // namespace showwork::nn
