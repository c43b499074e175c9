// Backpropagation checked against symbolic differentiation: the calculus module and the network
// module meeting. The loss is written as one expression of the parameters' names,
//
//   E(w) = 1/m Σᵢ Σⱼ (aᵢⱼ − yᵢⱼ)²,   aᵢ = h_L(… h_1(xᵢ W^{[1]} + b^{[1]}) … W^{[L]} + b^{[L]}),
//
// every weight a variable (W1_1_2 for w^{[1]}_{12}, b2_1 for b^{[2]}_1) and every input and target
// a number; calculus::differentiate then gives ∂E/∂w by the rules, evaluated at the network's
// weights. For identity and ReLU layers and an exact scalar the two agree exactly, at a ReLU
// input of exactly 0 too: both take ReLU′(0) = c there (the convention, as PyTorch does).
// Softmax and cross-entropy are not written this way (refused).
#pragma once

#include <string>
#include <vector>

#include "showwork/calculus/expression.hpp"
#include "showwork/nn/loss.hpp"

namespace showwork::nn {

// The expression grows as the examples times the paths through the network: only small networks.
inline constexpr std::size_t max_symbolic_terms = 20'000;

template <Scalar T>
struct SymbolicCheck {
    calculus::Expr loss;                 // E as an expression of the parameters
    std::vector<std::string> names;      // the parameters' variables, in the order of flatten()
    std::vector<T> symbolic;             // ∂E/∂θₖ from the rules, at the network's weights
};

// The variable of parameter k of θ: "W1_1_2", "b2_1".
template <Scalar T>
std::string parameter_variable(const Network<T>& network, std::size_t k);

// Throws InputError for softmax or cross-entropy, and for a network and data whose expression
// would have more than max_symbolic_terms products.
template <Scalar T>
SymbolicCheck<T> symbolic_gradient(const Network<T>& network, const Matrix<T>& X, const Matrix<T>& Y, Loss loss,
                                   const Rational& relu_at_zero = 0);

#define SHOWWORK_SYMBOLIC_CHECK_INSTANCES(EXTERN, T)                                                        \
    EXTERN template std::string parameter_variable(const Network<T>&, std::size_t);                         \
    EXTERN template SymbolicCheck<T> symbolic_gradient(const Network<T>&, const Matrix<T>&, const Matrix<T>&, \
                                                       Loss, const Rational&);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_SYMBOLIC_CHECK_INSTANCES)

}  // namespace showwork::nn
