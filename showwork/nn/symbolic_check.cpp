#include "showwork/nn/symbolic_check.hpp"

#include "showwork/calculus/differentiate.hpp"
#include "showwork/calculus/evaluate.hpp"
#include "showwork/error.hpp"

namespace showwork::nn {

namespace {

using calculus::Expr;

Expr activated(Activation h, const Expr& z) {
    switch (h) {
        case Activation::identity: return z;
        case Activation::relu: return calculus::relu(z);
        case Activation::sigmoid: return calculus::sigmoid(z);
        case Activation::tanh: return calculus::tanh(z);
        case Activation::softmax: break;
    }
    throw InputError("softmax is not written as a symbolic expression here");
}

}  // namespace

template <Scalar T>
std::string parameter_variable(const Network<T>& network, std::size_t k) {
    for (std::size_t l = 1; l <= network.depth(); ++l) {
        const Layer<T>& layer = network.layers[l - 1];
        if (k < layer.W.size())
            return "W" + std::to_string(l) + "_" + std::to_string(k / layer.W.cols() + 1) + "_" +
                   std::to_string(k % layer.W.cols() + 1);
        k -= layer.W.size();
        if (k < layer.b.size()) return "b" + std::to_string(l) + "_" + std::to_string(k + 1);
        k -= layer.b.size();
    }
    throw ShapeError("the network has no parameter " + std::to_string(k + 1));
}

template <Scalar T>
SymbolicCheck<T> symbolic_gradient(const Network<T>& network, const Matrix<T>& X, const Matrix<T>& Y, Loss loss,
                                   const Rational& relu_at_zero) {
    check_network(network);
    if (loss == Loss::cross_entropy) throw InputError("cross-entropy is not written as a symbolic expression here");
    if (X.cols() != network.inputs() || Y.cols() != network.outputs() || X.rows() != Y.rows())
        throw InputError("the examples (" + X.shape() + ") and targets (" + Y.shape() + ") do not fit a " +
                         sizes_text(network.sizes()) + " network");
    // products written: m × Σ_l n_{l−1} n_l
    std::size_t terms = 0;
    for (const auto& layer : network.layers) terms += layer.W.size();
    if (terms * X.rows() > max_symbolic_terms)
        throw InputError("the loss of a " + sizes_text(network.sizes()) + " network on " + std::to_string(X.rows()) +
                         " examples has " + std::to_string(terms * X.rows()) + " products, more than the " +
                         std::to_string(max_symbolic_terms) + " a symbolic check writes out");

    SymbolicCheck<T> c;
    calculus::Point<T> point;
    const Matrix<T> theta = flatten(network);
    for (std::size_t k = 0; k < theta.rows(); ++k) {
        c.names.push_back(parameter_variable(network, k));
        point.emplace(c.names.back(), theta(k, 0));
    }
    auto constant = [](const T& x) { return calculus::constant(scalar_cast<Rational>(x)); };
    std::vector<Expr> squares;
    for (std::size_t i = 0; i < X.rows(); ++i) {
        std::vector<Expr> a;  // the row aᵢ of the layer's output
        for (std::size_t j = 0; j < X.cols(); ++j) a.push_back(constant(X(i, j)));
        for (std::size_t l = 1; l <= network.depth(); ++l) {
            const Layer<T>& layer = network.layers[l - 1];
            std::vector<Expr> next;
            for (std::size_t j = 0; j < layer.W.cols(); ++j) {
                // z_ij = Σ_k a_ik w_kj + b_j
                std::vector<Expr> sum;
                for (std::size_t k = 0; k < layer.W.rows(); ++k)
                    sum.push_back(a[k] * calculus::variable("W" + std::to_string(l) + "_" + std::to_string(k + 1) + "_" +
                                                            std::to_string(j + 1)));
                sum.push_back(calculus::variable("b" + std::to_string(l) + "_" + std::to_string(j + 1)));
                next.push_back(activated(layer.h, calculus::add(std::move(sum))));
            }
            a = std::move(next);
        }
        for (std::size_t j = 0; j < a.size(); ++j) {
            Expr e = a[j] - constant(Y(i, j));
            squares.push_back(calculus::power(e, calculus::constant(2)));
        }
    }
    const Rational m(static_cast<long long>(X.rows()));
    c.loss = calculus::constant(loss == Loss::half_mse ? Rational(1) / (2 * m) : Rational(1) / m) *
             calculus::add(std::move(squares));
    calculus::DiffOptions options{relu_at_zero};
    for (const std::string& name : c.names)
        c.symbolic.push_back(calculus::evaluate(calculus::differentiate(c.loss, name, options), point));
    return c;
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_SYMBOLIC_CHECK_INSTANCES)

}  // namespace showwork::nn
