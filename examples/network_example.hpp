// What the neural-network worked examples share: a document printed in the format a program's
// first argument names, and a network's weights as named results of that document.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "showwork/matrix/to_math.hpp"
#include "showwork/nn/network.hpp"
#include "showwork/trace/render.hpp"

namespace showwork::examples {

// text, latex, document, markdown or json (text by default); InputError naming them otherwise.
inline trace::Format format_argument(int argc, char** argv) {
    return argc > 1 ? trace::parse_format(argv[1]) : trace::Format::text;
}

// The document rendered on standard output, ending in a newline.
inline void print_document(const trace::Document& document, trace::Format format = trace::Format::text) {
    std::string out = trace::render(document, format);
    if (!out.ends_with('\n')) out += '\n';
    std::fputs(out.c_str(), stdout);
}

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
