#include "showwork/nn/network.hpp"

#include <cctype>
#include <charconv>

#include "showwork/error.hpp"

namespace showwork::nn {

trace::Math layer_symbol(std::string name, std::string l) {
    return trace::symbol(std::move(name), trace::empty(), trace::symbol("[" + l + "]"), {.bold = true});
}
trace::Math layer_symbol(std::string name, std::size_t l) { return layer_symbol(std::move(name), std::to_string(l)); }
trace::Math layer_error(std::string l) { return trace::apply("boldpartial", {trace::symbol(std::move(l))}); }
trace::Math layer_error(std::size_t l) { return trace::apply("boldpartial", {trace::number(std::to_string(l))}); }

template <Scalar T>
std::vector<std::size_t> Network<T>::sizes() const {
    std::vector<std::size_t> n{inputs()};
    for (const Layer<T>& layer : layers) n.push_back(layer.W.cols());
    return n;
}

template <Scalar T>
std::size_t Network<T>::parameter_count() const {
    std::size_t count = 0;
    for (const Layer<T>& layer : layers) count += layer.W.size() + layer.b.size();
    return count;
}

template <Scalar T>
void check_network(const Network<T>& network) {
    if (network.layers.empty()) throw InputError("a network needs at least one layer");
    std::size_t parameters = 0;
    for (std::size_t l = 1; l <= network.depth(); ++l) {
        const Layer<T>& layer = network.layers[l - 1];
        const std::string name = "layer " + std::to_string(l);
        if (layer.W.rows() == 0 || layer.W.cols() == 0) throw InputError(name + ": W is empty");
        if (layer.W.cols() > max_layer_size || layer.W.rows() > max_layer_size)
            throw InputError(name + ": W is " + layer.W.shape() + ", more than the " +
                             std::to_string(max_layer_size) + " neurons a layer may have");
        if (l > 1 && layer.W.rows() != network.layers[l - 2].W.cols())
            throw InputError(name + ": W is " + layer.W.shape() + " but layer " + std::to_string(l - 1) + " has " +
                             std::to_string(network.layers[l - 2].W.cols()) + " neurons, so W needs " +
                             std::to_string(network.layers[l - 2].W.cols()) + " rows");
        if (layer.b.rows() != 1 || layer.b.cols() != layer.W.cols())
            throw InputError(name + ": b is " + layer.b.shape() + " but W has " + std::to_string(layer.W.cols()) +
                             " columns, so b must be " + shape_text(1, layer.W.cols()));
        if (layer.h == Activation::softmax && l != network.depth())
            throw InputError(name + ": softmax can only be the activation of the output layer");
        // softmax(z)ⱼ = e^{zⱼ}/Σₖ e^{zₖ}: over one output it is e^z/e^z = 1 whatever z, and learns nothing
        if (layer.h == Activation::softmax && layer.W.cols() < 2)
            throw InputError(name + ": softmax needs at least two outputs; over one it is constantly 1 and learns nothing");
        require_computable<T>(layer.h, name);
        parameters += layer.W.size() + layer.b.size();
    }
    if (parameters > max_parameters)
        throw InputError("the network has " + std::to_string(parameters) + " parameters, more than the " +
                         std::to_string(max_parameters) + " a network may have");
}

std::string sizes_text(const std::vector<std::size_t>& sizes) {
    std::string out;
    for (std::size_t k = 0; k < sizes.size(); ++k) out += (k ? "-" : "") + std::to_string(sizes[k]);
    return out;
}

namespace {

// Splits at commas into trimmed pieces; with `dashes`, at a dash after a digit too (2-2-1, as
// sizes_text writes sizes), so that a dash anywhere else stays a minus sign (-1).
std::vector<std::string_view> pieces(std::string_view text, bool dashes = false) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t k = 0; k <= text.size(); ++k) {
        const bool dash = dashes && k < text.size() && text[k] == '-' && k > start &&
                          std::isdigit(static_cast<unsigned char>(text[k - 1]));
        if (k == text.size() || text[k] == ',' || dash) {
            std::string_view piece = text.substr(start, k - start);
            while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
            while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
            out.push_back(piece);
            start = k + 1;
        }
    }
    return out;
}

}  // namespace

std::vector<std::size_t> parse_sizes(std::string_view text) {
    std::vector<std::size_t> sizes;
    for (std::string_view piece : pieces(text, true)) {
        std::size_t n = 0;
        auto [end, error] = std::from_chars(piece.data(), piece.data() + piece.size(), n);
        if (piece.empty() || error != std::errc() || end != piece.data() + piece.size() || n == 0 || n > max_layer_size)
            throw InputError("layer sizes " + quoted_token(text) + ": " +
                             (piece.empty() ? std::string("a size is missing") : quoted_token(piece) + " is not a layer size") +
                             " (a whole number from 1 to " + std::to_string(max_layer_size) + ")");
        sizes.push_back(n);
    }
    if (sizes.size() < 2)
        throw InputError("layer sizes " + quoted_token(text) +
                         ": give the inputs and at least one layer, as in 2,2,1 (2 inputs, 2 hidden neurons, 1 output)");
    return sizes;
}

std::vector<Activation> parse_activations(std::string_view text, std::size_t layers) {
    std::vector<Activation> out;
    for (std::string_view piece : pieces(text)) out.push_back(parse_activation(piece));
    if (out.size() == 1) out.assign(layers, out[0]);
    if (out.size() != layers)
        throw InputError("activations " + quoted_token(text) + ": " + std::to_string(out.size()) +
                         " given for " + std::to_string(layers) + " layers (give one for all, or one per layer)");
    return out;
}

template <Scalar T>
Matrix<T> flatten(const Network<T>& network) {
    std::vector<T> theta;
    theta.reserve(network.parameter_count());
    for (const Layer<T>& layer : network.layers) {
        theta.insert(theta.end(), layer.W.entries().begin(), layer.W.entries().end());
        theta.insert(theta.end(), layer.b.entries().begin(), layer.b.entries().end());
    }
    return Matrix<T>::column(std::move(theta));
}

template <Scalar T>
void unflatten(const Matrix<T>& theta, Network<T>& network) {
    if (theta.cols() != 1 || theta.rows() != network.parameter_count())
        throw ShapeError("cannot put " + theta.shape() + " parameters into a network of " +
                         std::to_string(network.parameter_count()));
    const T* next = theta.entries().data();
    for (Layer<T>& layer : network.layers) {
        for (T& w : layer.W.entries()) w = *next++;
        for (T& b : layer.b.entries()) b = *next++;
    }
}

template <Scalar T>
std::string parameter_name(const Network<T>& network, std::size_t k) {
    for (std::size_t l = 1; l <= network.depth(); ++l) {
        const Layer<T>& layer = network.layers[l - 1];
        if (k < layer.W.size())
            return "W[" + std::to_string(l) + "](" + std::to_string(k / layer.W.cols() + 1) + "," +
                   std::to_string(k % layer.W.cols() + 1) + ")";
        k -= layer.W.size();
        if (k < layer.b.size()) return "b[" + std::to_string(l) + "](" + std::to_string(k + 1) + ")";
        k -= layer.b.size();
    }
    throw ShapeError("the network has no parameter " + std::to_string(k + 1));
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_NETWORK_INSTANCES)

}  // namespace showwork::nn
