// JSON for other programs. The contract (README, "JSON output"):
//
//   {"command": "...", "number": "exact|double|float50", "input": {NAME: VALUE, ...},
//    "result": VALUE, "steps": [STEP, ...]}
//
// A single result named "result" is written as its VALUE; several results form {name: VALUE}.
// VALUE: a matrix is {"rows": r, "cols": c, "augment": k, "entries": [["1", "-1/2"], ...]} with
// every number a string as the scalar wrote it; a number is its string, but a count or an index
// (trace::count: a rank, a column, an epoch) is a JSON number; a text is its string;
// a list is an array of VALUEs, but a list of equations naming different unknowns (x = 0, y = 2)
// is the object {"x": "0", "y": "2"}; a matrix with a symbolic entry has its entries as text and
// as LaTeX beside ("latex"); a table is an array of rows {header: VALUE}, or an object of them
// keyed by its first column when its first header is blank; any other math is
// {"latex": "...", "text": "..."} (text when it is one line). json_output.schema.json beside
// this file is the contract as a JSON Schema.
// STEP: {"kind": "...", "text": "...", "operation": "<latex>" or null, "state": VALUE or null,
//        "substeps": [STEP, ...]}.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

#include "showwork/trace/render.hpp"
#include "showwork/trace/render_detail.hpp"

namespace showwork::trace::detail {

namespace {

using Json = nlohmann::ordered_json;

Json value(const Math& m, const RenderOptions& o);

// A header as a key: words as a name ("Sum of squares" -> "sum_of_squares"), math as LaTeX.
std::string key(const Math& header, const RenderOptions& o) {
    if (header.kind != Kind::text) return to_latex(header, o);
    std::string out;
    for (char c : header.text) {
        if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (!out.empty() && out.back() != '_') out += '_';
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

// A name as a key: x, x_1, beta_2 (a symbol and its subscript, as typed).
std::optional<std::string> plain_name(const Math& m) {
    if (m.kind != Kind::symbol || !m.args[1].is_empty()) return std::nullopt;
    const Math& sub = m.args[0];
    if (sub.is_empty()) return m.text;
    if (sub.kind == Kind::number || sub.kind == Kind::symbol) return m.text + "_" + sub.text;
    return std::nullopt;
}

// x = 0, y = 2 as {"x": "0", "y": "2"}: a list of equations, each naming a different unknown.
std::optional<Json> assignments(const Math& list, const RenderOptions& o) {
    if (list.args.empty()) return std::nullopt;
    Json out = Json::object();
    for (const Math& item : list.args) {
        if (item.kind != Kind::relation || item.args.size() != 2 || item.relations()[0] != Rel::equals) return std::nullopt;
        std::optional<std::string> name = plain_name(item.args[0]);
        if (!name || out.contains(*name)) return std::nullopt;
        out[*name] = value(item.args[1], o);
    }
    return out;
}

// A matrix of numbers has them as strings; one with any other entry (a symbolic Jacobian) has
// each entry as plain text, "entries": [["2x", "1"]], and as LaTeX beside, "latex": [["2x", "1"]].
Json matrix_value(const Math& m, const RenderOptions& o) {
    bool numbers = std::all_of(m.args.begin(), m.args.end(), [](const Math& c) { return c.kind == Kind::number; });
    Json entries = Json::array(), latex = Json::array();
    for (std::size_t i = 0; i < m.rows; ++i) {
        Json row = Json::array(), latex_row = Json::array();
        for (std::size_t j = 0; j < m.cols; ++j) {
            const Math& cell = m.args[i * m.cols + j];
            row.push_back(numbers ? cell.text : to_text(cell, o));
            if (!numbers) latex_row.push_back(to_latex(cell, o));
        }
        entries.push_back(std::move(row));
        if (!numbers) latex.push_back(std::move(latex_row));
    }
    Json out{{"rows", m.rows}, {"cols", m.cols}, {"augment", m.augment}, {"entries", std::move(entries)}};
    if (!numbers) out["latex"] = std::move(latex);
    return out;
}

// Math of no other kind: {"latex": "2x", "text": "2x"}, the text only when it is one line.
Json other_math(const Math& m, const RenderOptions& o) {
    Json out{{"latex", to_latex(m, o)}};
    if (std::string text = to_text(m, o); text.find('\n') == std::string::npos) out["text"] = std::move(text);
    return out;
}

// A table's rows as objects of their non-blank cells, keyed by the first column when the
// first header is blank.
Json table(const Math& m, const RenderOptions& o) {
    bool keyed = m.cols > 0 && m.args[0].is_empty();
    Json out = keyed ? Json::object() : Json::array();
    for (std::size_t i = 1; i <= m.rows; ++i) {
        Json row = Json::object();
        for (std::size_t j = keyed ? 1 : 0; j < m.cols; ++j) {
            const Math& cell = m.args[i * m.cols + j];
            if (!cell.is_empty()) row[key(m.args[j], o)] = value(cell, o);
        }
        if (keyed) out[key(m.args[i * m.cols], o)] = std::move(row);
        else out.push_back(std::move(row));
    }
    return out;
}

Json value(const Math& m, const RenderOptions& o) {
    switch (m.kind) {
        case Kind::number: return m.count ? Json(std::stoull(m.text)) : Json(m.text);
        case Kind::text: return m.text;
        case Kind::list: {
            if (std::optional<Json> named = assignments(m, o)) return *named;
            Json items = Json::array();
            for (const auto& item : m.args) items.push_back(value(item, o));
            return items;
        }
        case Kind::matrix: return matrix_value(m, o);
        case Kind::table: return table(m, o);
        case Kind::set:
            if (detail::is_set_of_items(m)) return value(m.args[0], o);  // {1, 2} as [1, 2]
            return other_math(m, o);
        default: return other_math(m, o);
    }
}

Json optional_value(const std::optional<Math>& m, const RenderOptions& o) {
    return m ? value(*m, o) : Json(nullptr);
}

Json steps(const std::vector<Step>& list, const RenderOptions& o) {
    Json out = Json::array();
    for (const auto& step : list) {
        out.push_back(Json{{"kind", step.kind},
                           {"text", step.text},
                           {"operation", step.operation ? Json(to_latex(*step.operation, o)) : Json(nullptr)},
                           {"state", optional_value(step.state, o)},
                           {"substeps", steps(step.substeps, o)}});
    }
    return out;
}

// One result is the VALUE itself (a determinant is "-3"); several form an object of fields.
Json results(const std::vector<Named>& named, const RenderOptions& o) {
    if (named.size() == 1) return value(named[0].value, o);
    Json out = Json::object();
    for (const auto& n : named) out[n.name] = value(n.value, o);
    return out;
}

// Leading spaces of a pretty-printed line beyond this many are dropped: steps nest hundreds deep
// (a derivative of a tower x^x^…^x), and an indentation that grew with the depth would be most of
// what is written. Whitespace between JSON tokens means nothing; the nesting is in the brackets.
constexpr std::size_t max_json_indent = 40;

std::string with_indentation_capped(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t start = 0; start < json.size();) {
        std::size_t end = json.find('\n', start);
        end = end == std::string::npos ? json.size() : end + 1;
        const std::size_t spaces = json.find_first_not_of(' ', start) - start;
        const std::size_t dropped = spaces > max_json_indent ? spaces - max_json_indent : 0;
        out.append(json, start + dropped, end - start - dropped);
        start = end;
    }
    return out;
}

}  // namespace

std::string json_document(const Document& d, const RenderOptions& o) {
    Json input = Json::object();
    for (const auto& n : d.inputs) input[n.name] = value(n.value, o);
    Json out{{"command", d.command},
             {"number", d.number},
             {"input", input},
             {"result", results(d.results, o)},
             {"steps", o.steps ? steps(d.steps, o) : Json::array()}};
    // a name read from a file may not be UTF-8: its bad bytes become U+FFFD, the JSON stays valid
    return with_indentation_capped(out.dump(2, ' ', false, Json::error_handler_t::replace)) + "\n";
}

}  // namespace showwork::trace::detail
