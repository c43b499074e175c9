// Weights files: a network's weights as JSON, in the row convention of notes 002.
//
//   {"layers": [{"W": [["0.5", "-1"], ["1/3", 2]], "b": [["0", "0.1"]], "activation": "relu"}, …]}
//
// W^{[l]} is n_{l−1} × n_l (a list of rows, one per input), b^{[l]} one row of n_l (a flat list
// is read as that row). Numbers are strings, read exactly as written ("1/3", "0.1", "1e-3"), or
// JSON numbers, read as the shortest decimal that gives the same double (so 0.1 is 1/10 in an exact
// run; write values of more than 15 digits as strings). "activation" is optional. A written file
// holds every number as a string that reads back to the same value, bit for bit in double.
#pragma once

#include <string>
#include <string_view>

#include "showwork/nn/network.hpp"

namespace showwork::nn {

// A weights file of more bytes than this is refused before it is parsed.
inline constexpr std::size_t max_weights_file_bytes = 256u << 20;
// Lists and objects nested deeper than this are refused as the file is parsed: a weights file
// nests 5 deep, and JSON values are copied (as an object's members grow) and printed
// recursively, so that a value nested thousands deep overflowed the stack.
inline constexpr int max_weights_file_depth = 16;

template <Scalar T>
struct WeightsFile {
    Network<T> network;
    bool activations_given = false;  // every layer named its activation (else they are identity)
};

// Reads a weights file; `origin` names it in every error ("weights.json: layer 2: …"). Throws
// ParseError for text that is not a weights file (a JSON number beyond double among them: it
// must be a string) and InputError for layers that do not chain.
template <Scalar T>
WeightsFile<T> read_weights(std::string_view text, std::string_view origin = "weights");

// The network as a weights file (with its activations), indented for reading.
template <Scalar T>
std::string write_weights(const Network<T>& network);

#define SHOWWORK_WEIGHTS_FILE_INSTANCES(EXTERN, T)                                       \
    EXTERN template WeightsFile<T> read_weights(std::string_view, std::string_view);     \
    EXTERN template std::string write_weights(const Network<T>&);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_WEIGHTS_FILE_INSTANCES)

}  // namespace showwork::nn
