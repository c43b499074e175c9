// The calculus module and the network module meeting (nn/symbolic_check.hpp): a 2-2-1 network,
// ReLU then identity, on m = 2 examples, exactly. Its loss is written as one expression of the
// weights, every input and target a number,
//
//   E(W, b) = 1/m Σᵢ (ReLU(xᵢW^{[1]} + b^{[1]}) W^{[2]} + b^{[2]} − yᵢ)²     (notes 002's `mse`)
//
// and differentiated by the rules of calculus (sum, product, power, chain rule, ReLU′), each
// derivative evaluated at the weights. Backpropagation computes the same numbers with matrices,
// layer by layer going back; the two agree exactly. The document shows E, one derivative by the
// rules, and the table of every ∂E/∂θ both ways.
//
// Then the same network at a kink: b^{[1]} moved so that one ReLU input is exactly 0, where ReLU′
// is a convention — 0 in notes 003, 1 in notes 004. Under each, backpropagation and the rules
// take the same ReLU′(0) and agree exactly; the gradients of the two conventions differ, and the
// table shows both.
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

    // At a kink: z = x₁W^{[1]} + b^{[1]} of example 1, unit 1, is 1·1 + 1·(1/2) + b = 0 for b = −3/2.
    nn::Network<Q> kinked = network;
    kinked.layers[0].b(0, 0) = Q(-3, 2);
    const Q z = nn::forward(kinked, X).Z[1](0, 0);
    if (z != 0) throw MathError("the kinked network's first unit was expected at z = 0");
    std::vector<std::vector<trace::Math>> by_convention;
    Matrix<Q> notes_003, notes_004;
    for (const Q& c : {Q(0), Q(1)}) {
        Matrix<Q> backprop = nn::flatten(nn::backpropagate(kinked, X, Y, nn::Loss::mse, c).gradients);
        nn::SymbolicCheck<Q> rules = nn::symbolic_gradient(kinked, X, Y, nn::Loss::mse, c);
        for (std::size_t k = 0; k < backprop.rows(); ++k)
            if (rules.symbolic[k] != backprop(k, 0)) throw MathError("at the kink the rules and backpropagation disagree");
        (c == 0 ? notes_003 : notes_004) = backprop;
    }
    for (std::size_t k = 0; k < notes_003.rows(); ++k) {
        by_convention.push_back({trace::text(nn::parameter_name(kinked, k)), to_math(notes_003(k, 0)),
                                 to_math(notes_004(k, 0))});
    }
    steps.add(trace::kind::check,
              "At a kink: with b^[1] = " + rational_text(kinked.layers[0].b(0, 0)) + " " +
                  rational_text(kinked.layers[0].b(0, 1)) + " the first unit's input for example 1 is exactly 0, "
                  "where ReLU′ is a convention: 0 in notes 003, 1 in notes 004. Backpropagation and the rules take "
                  "the same ReLU′(0) and agree exactly under each; the gradients differ with the convention.",
              std::nullopt,
              trace::table({trace::text("parameter"), trace::text("ReLU′(0) = 0 (notes 003)"),
                            trace::text("ReLU′(0) = 1 (notes 004)")},
                           by_convention));
    if (notes_003 == notes_004) throw MathError("the two conventions were expected to give different gradients");

    trace::Document doc;
    doc.title = "Backpropagation against symbolic differentiation on a 2-2-1 network";
    doc.command = "symbolic_backprop";
    doc.number = "exact";
    doc.inputs = {{"X", to_math(X)}, {"Y", to_math(Y)}};
    for (trace::Named& w : examples::weights_named(network)) doc.inputs.push_back(std::move(w));
    doc.results = {{"E", to_math(bp.loss)},
                   {"gradient", to_math(g)},
                   {"agree", trace::text("yes")},
                   {"kink_gradient_notes_003", to_math(notes_003), trace::Named::Where::everywhere,
                    trace::text("gradient at the kink, ReLU′(0) = 0")},
                   {"kink_gradient_notes_004", to_math(notes_004), trace::Named::Where::everywhere,
                    trace::text("gradient at the kink, ReLU′(0) = 1")}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) { return examples::run("symbolic_backprop", argc, argv, symbolic_document); }
