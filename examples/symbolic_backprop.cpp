// The calculus module and the network module meeting (nn/symbolic_check.hpp): a 2-2-1 network,
// ReLU then identity, on m = 2 examples, exactly. Its loss is written as one expression of the
// weights, every input and target a number,
//
//   E(W, b) = 1/m Σᵢ (ReLU(xᵢW^{[1]} + b^{[1]}) W^{[2]} + b^{[2]} − yᵢ)²     (notes 002's `mse`)
//
// and differentiated by the rules of calculus (sum, product, power, chain rule, ReLU′), each
// derivative evaluated at the weights. Backpropagation computes the same numbers with matrices,
// layer by layer going back; the two agree exactly. No ReLU input is exactly 0, where the two
// take different conventions (nn/symbolic_check.hpp). The document shows E, one derivative by
// the rules, and the table of every ∂E/∂θ both ways.
//
//   symbolic_backprop [text|latex|markdown|json|document]     (text by default)
#include "examples/network_example.hpp"
#include "showwork/calculus/differentiate.hpp"
#include "showwork/calculus/print.hpp"
#include "showwork/nn/propagate.hpp"
#include "showwork/nn/symbolic_check.hpp"

using namespace showwork;
using Q = Rational;

namespace {

trace::Document symbolic_document() {
    Matrix<Q> X{{1, 1}, {2, -1}}, Y{{1}, {0}};
    nn::Network<Q> network;
    network.layers.push_back({Matrix<Q>{{1, -1}, {Q(1, 2), 1}}, Matrix<Q>{{0, Q(1, 2)}}, nn::Activation::relu});
    network.layers.push_back({Matrix<Q>{{2}, {-1}}, Matrix<Q>{{Q(1, 2)}}, nn::Activation::identity});

    trace::Trace steps;
    nn::SymbolicCheck<Q> s = nn::symbolic_gradient(network, X, Y, nn::Loss::mse);
    steps.add(trace::kind::loss,
              "E as one expression of the weights, every input and target a number; the variable W1_1_2 is the "
              "weight of layer 1 from input 1 to neuron 2.",
              std::nullopt, trace::equals(trace::symbol("E"), calculus::to_math(s.loss)));
    const std::string example = "W2_1_1";
    steps.add(trace::kind::rule, "By the rules of calculus, for example the derivative by " + example + ".",
              std::nullopt,
              trace::equals(calculus::partial_ratio("E", example),
                            calculus::to_math(calculus::differentiate(s.loss, example))));

    nn::Backpropagation<Q> bp = nn::backpropagate(network, X, Y, nn::Loss::mse);
    Matrix<Q> g = nn::flatten(bp.gradients);
    if (s.symbolic.size() != g.rows()) throw MathError("symbolic differentiation gives another number of parameters");
    bool agree = true;
    std::vector<std::vector<trace::Math>> rows;
    for (std::size_t k = 0; k < g.rows(); ++k) {
        rows.push_back({trace::text(nn::parameter_name(network, k)), trace::text(s.names[k]), to_math(g(k, 0)),
                        to_math(s.symbolic[k])});
        agree = agree && s.symbolic[k] == g(k, 0);
    }
    steps.add(trace::kind::check, "E = " + rational_text(bp.loss) + " at the weights; each derivative two ways.",
              std::nullopt,
              trace::table({trace::text("parameter"), trace::text("variable"), trace::text("backpropagation"),
                            trace::text("symbolic")},
                           rows));
    if (!agree) throw MathError("backpropagation and symbolic differentiation disagree");
    steps.add(trace::kind::check, "Backpropagation and symbolic differentiation agree exactly on all " +
                                      std::to_string(g.rows()) + " parameters.",
              std::nullopt, trace::equals(trace::symbol("E"), to_math(bp.loss)));

    trace::Document doc;
    doc.title = "Backpropagation against symbolic differentiation on a 2-2-1 network";
    doc.command = "symbolic_backprop";
    doc.number = "exact";
    doc.inputs = {{"X", to_math(X)}, {"Y", to_math(Y)}};
    for (trace::Named& w : examples::weights_named(network)) doc.inputs.push_back(std::move(w));
    doc.results = {{"E", to_math(bp.loss)}, {"gradient", to_math(g)}, {"agree", trace::text("yes")}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) { return examples::run("symbolic_backprop", argc, argv, symbolic_document); }
