// The calculus module and the network module meeting (nn/symbolic_check.hpp): a 2-2-1 network,
// ReLU then identity, on m = 2 examples, exactly. Its loss is written as one expression of the
// weights, every input and target a number,
//
//   E(W, b) = 1/m Σᵢ (ReLU(xᵢW^{[1]} + b^{[1]}) W^{[2]} + b^{[2]} − yᵢ)²     (notes 002's `mse`)
//
// and differentiated by the rules of calculus (sum, product, power, chain rule, ReLU′), each
// derivative evaluated at the weights. Backpropagation computes the same numbers with matrices,
// layer by layer going back; the two agree exactly. No ReLU input is exactly 0, where the two
// take different conventions (nn/symbolic_check.hpp).
#include <fmt/core.h>

#include "showwork/calculus/differentiate.hpp"
#include "showwork/calculus/print.hpp"
#include "showwork/matrix/format.hpp"
#include "showwork/nn/symbolic_check.hpp"
#include "showwork/nn/propagate.hpp"

using namespace showwork;
using Q = Rational;

int main() {
    Matrix<Q> X{{1, 1}, {2, -1}}, Y{{1}, {0}};
    nn::Network<Q> network;
    network.layers.push_back({Matrix<Q>{{1, -1}, {Q(1, 2), 1}}, Matrix<Q>{{0, Q(1, 2)}}, nn::Activation::relu});
    network.layers.push_back({Matrix<Q>{{2}, {-1}}, Matrix<Q>{{Q(1, 2)}}, nn::Activation::identity});

    nn::SymbolicCheck<Q> s = nn::symbolic_gradient(network, X, Y, nn::Loss::mse);
    fmt::print("E as an expression of the weights (W1_1_2 is w^[1]_12, the weight from input 1 to neuron 2):\n\n"
               "  E = {}\n\n",
               calculus::to_text(s.loss));
    fmt::print("By the rules, for example:\n\n  ∂E/∂W2_1_1 = {}\n\n",
               calculus::to_text(calculus::differentiate(s.loss, "W2_1_1")));

    nn::Backpropagation<Q> bp = nn::backpropagate(network, X, Y, nn::Loss::mse);
    Matrix<Q> g = nn::flatten(bp.gradients);
    fmt::print("E = {} at the weights; each ∂E/∂θ two ways:\n\n", bp.loss);
    fmt::print("{:<12} {:<10} {:>14} {:>14}\n", "parameter", "variable", "backprop", "symbolic");
    bool agree = s.symbolic.size() == g.rows();
    for (std::size_t k = 0; k < g.rows() && k < s.symbolic.size(); ++k) {
        fmt::print("{:<12} {:<10} {:>14} {:>14}\n", nn::parameter_name(network, k), s.names[k], g(k, 0), s.symbolic[k]);
        agree = agree && s.symbolic[k] == g(k, 0);
    }
    fmt::print("\nBackpropagation and symbolic differentiation agree exactly: {}\n", agree ? "yes" : "no");
    return agree ? 0 : 1;
}
