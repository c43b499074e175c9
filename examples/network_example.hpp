// What the neural-network worked examples share besides the driver (examples/example.hpp): a
// network's weights as named inputs or results of the document.
#pragma once

#include <string>
#include <vector>

#include "examples/example.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/nn/network.hpp"

namespace showwork::examples {

// W^{[l]} and b^{[l]} of every layer, named "W1", "b1", … as the weights file names them.
template <Scalar T>
std::vector<trace::Named> weights_named(const nn::Network<T>& network, const std::string& suffix = "") {
    std::vector<trace::Named> named;
    for (std::size_t l = 1; l <= network.depth(); ++l) {
        named.push_back({"W" + std::to_string(l) + suffix, to_math(network.layers[l - 1].W)});
        named.push_back({"b" + std::to_string(l) + suffix, to_math(network.layers[l - 1].b)});
    }
    return named;
}

}  // namespace showwork::examples
