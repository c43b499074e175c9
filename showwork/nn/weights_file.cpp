#include "showwork/nn/weights_file.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "showwork/error.hpp"

namespace showwork::nn {

namespace {

using Json = nlohmann::ordered_json;

// The JSON text with every number written as a string of its own digits, so that each is read
// by parse_scalar from the text itself: exactly in an exact run (12345678901234567890123456789
// is not rounded through double, 1e400 and 1e-400 are exact rationals), and in double with the
// scalar's own range errors. Strings are copied as they are, escapes included.
std::string numbers_as_strings(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '"') {  // a string, to its closing quote
            std::size_t j = i + 1;
            while (j < text.size() && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
            j = std::min(j + 1, text.size());
            out.append(text.substr(i, j - i));
            i = j;
        } else if (c == '-' || (c >= '0' && c <= '9')) {  // a number: -?digits(.digits)?([eE][+-]?digits)?
            std::size_t j = i + 1;
            while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.' ||
                                       text[j] == 'e' || text[j] == 'E' || text[j] == '+' || text[j] == '-'))
                ++j;
            out += '"';
            out.append(text.substr(i, j - i));
            out += '"';
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

// A scalar from a JSON string or number; `where` names it: "layer 1: W row 2, entry 3".
template <Scalar T>
T read_number(const Json& x, const std::string& where) {
    std::string text;
    if (x.is_string()) text = x.get<std::string>();
    else if (x.is_number_integer()) text = x.dump();
    else if (x.is_number_float()) text = fmt::format("{}", x.get<double>());  // the shortest round-trip decimal
    else throw ParseError(where + ": " + shown(x.dump()) + " is not a number");
    try {
        return parse_scalar<T>(text);
    } catch (const Error& e) {
        // parse_scalar's message quotes the text when it says what is wrong with it ("'1e400': out
        // of range for double"); when it does not, the text is quoted first
        const std::string why = e.what();
        if (why.starts_with("'")) throw ParseError(where + ": " + why);
        throw ParseError(where + ": " + quoted_token(text) + " is not a number (" + why + ")");
    }
}

template <Scalar T>
std::vector<T> read_row(const Json& row, const std::string& where) {
    if (!row.is_array()) throw ParseError(where + " must be a list of numbers, not " + std::string(row.type_name()));
    std::vector<T> out;
    for (std::size_t k = 0; k < row.size(); ++k) out.push_back(read_number<T>(row[k], where + ", entry " + std::to_string(k + 1)));
    return out;
}

template <Scalar T>
Matrix<T> read_matrix(const Json& rows, const std::string& where) {
    if (!rows.is_array() || rows.empty())
        throw ParseError(where + " must be a non-empty list of rows");
    if (!rows[0].is_array()) return Matrix<T>::row(read_row<T>(rows, where));  // a flat list: one row
    Matrix<T> M;
    std::vector<T> entries;
    std::size_t cols = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<T> row = read_row<T>(rows[i], where + " row " + std::to_string(i + 1));
        if (i == 0) cols = row.size();
        else if (row.size() != cols)
            throw ParseError(where + ": row " + std::to_string(i + 1) + " has " + std::to_string(row.size()) +
                             " entries, row 1 has " + std::to_string(cols));
        entries.insert(entries.end(), row.begin(), row.end());
    }
    if (cols == 0) throw ParseError(where + ": its rows are empty");
    M = Matrix<T>(rows.size(), cols);
    std::copy(entries.begin(), entries.end(), M.entries().begin());
    return M;
}

template <Scalar T>
std::string exact_text(const T& x) {
    if constexpr (std::is_same_v<T, Float50>)
        return x.str(std::numeric_limits<Float50>::max_digits10, std::ios_base::scientific);
    else return scalar_text(x);
}

template <Scalar T>
Json write_matrix(const Matrix<T>& M) {
    Json rows = Json::array();
    for (std::size_t i = 0; i < M.rows(); ++i) {
        Json row = Json::array();
        for (const T& x : M.row_view(i)) row.push_back(exact_text(x));
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

template <Scalar T>
WeightsFile<T> read_weights(std::string_view text, std::string_view origin) {
    const std::string name(origin);
    if (text.size() > max_weights_file_bytes)
        throw InputError(name + ": more than the " + std::to_string(max_weights_file_bytes >> 20) +
                         " MB a weights file may have");
    Json json;
    try {
        // depth: the lists and objects around the one that starts
        auto shallow = [&](int depth, Json::parse_event_t event, Json&) {
            if (depth >= max_weights_file_depth &&
                (event == Json::parse_event_t::array_start || event == Json::parse_event_t::object_start))
                throw ParseError(name + ": not a weights file (lists and objects nested more than " +
                                 std::to_string(max_weights_file_depth) + " deep; a weights file nests 5 deep)");
            return true;
        };
        // what is not JSON is told from the text as it was written, positions and all; numbers
        // never reach JSON's double (numbers_as_strings), so none overflows it
        const std::string quoted = numbers_as_strings(text);
        if (!Json::accept(quoted)) json = Json::parse(text, shallow);
        json = Json::parse(quoted, shallow);
    } catch (const Json::exception& e) {
        std::string why = e.what();
        if (auto colon = why.find("parse error"); colon != std::string::npos) why = why.substr(colon);
        // "…; last read: 'TOKEN'": the token as every message quotes one, cut when long
        if (auto last = why.find("last read: '"); last != std::string::npos && why.back() == '\'') {
            const std::size_t token = last + std::string_view("last read: ").size();
            why = why.substr(0, token) + quoted_token(std::string_view(why).substr(token + 1, why.size() - token - 2));
        }
        throw ParseError(name + ": not a weights file (not JSON: " + why + ")");
    }
    if (!json.is_object() || !json.contains("layers") || !json["layers"].is_array() || json["layers"].empty())
        throw ParseError(name + ": a weights file is an object {\"layers\": [{\"W\": …, \"b\": …}, …]} with at least one layer");
    WeightsFile<T> file;
    file.activations_given = true;
    for (std::size_t l = 1; l <= json["layers"].size(); ++l) {
        const Json& layer = json["layers"][l - 1];
        const std::string where = name + ": layer " + std::to_string(l);
        if (!layer.is_object() || !layer.contains("W") || !layer.contains("b"))
            throw ParseError(where + " must be an object with \"W\" (one row per input of the layer, one number per neuron) and \"b\" (one number per neuron)");
        Layer<T> out{read_matrix<T>(layer["W"], where + ": W"), read_matrix<T>(layer["b"], where + ": b"),
                     Activation::identity};
        if (layer.contains("activation")) {
            if (!layer["activation"].is_string()) throw ParseError(where + ": \"activation\" must be a name");
            try {
                out.h = parse_activation(layer["activation"].get<std::string>());
            } catch (const Error& e) {
                throw ParseError(where + ": " + e.what());
            }
        } else {
            file.activations_given = false;
        }
        file.network.layers.push_back(std::move(out));
    }
    try {
        check_network(file.network);
    } catch (const Error& e) {
        throw InputError(name + ": " + e.what());
    }
    return file;
}

template <Scalar T>
std::string write_weights(const Network<T>& network) {
    Json layers = Json::array();
    for (const Layer<T>& layer : network.layers)
        layers.push_back(Json{{"activation", std::string(activation_name(layer.h))},
                              {"W", write_matrix(layer.W)},
                              {"b", write_matrix(layer.b)}});
    Json file{{"sizes", network.sizes()}, {"layers", std::move(layers)}};
    return file.dump(1) + "\n";
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_WEIGHTS_FILE_INSTANCES)

}  // namespace showwork::nn
