#include "showwork/trace/math.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace showwork::trace {

namespace {
// The operands moved in: a braced list {a, b} would copy each whole subtree.
template <class... M>
std::vector<Math> operands(M&&... m) {
    std::vector<Math> out;
    out.reserve(sizeof...(m));
    (out.push_back(std::move(m)), ...);
    return out;
}

Math node(Kind kind, std::string text = {}, std::vector<Math> args = {}) {
    Math m;
    m.kind = kind;
    m.text = std::move(text);
    m.args = std::move(args);
    return m;
}
}  // namespace

Math empty() { return node(Kind::empty); }
Math number(std::string exact_text) { return node(Kind::number, std::move(exact_text)); }

Math count(std::size_t n) {
    Math m = number(std::to_string(n));
    m.count = true;
    return m;
}

Math symbol(std::string name, Math sub, Math super, SymbolStyle style) {
    Math m = node(Kind::symbol, std::move(name), operands(std::move(sub), std::move(super)));
    m.style = style;
    return m;
}

Math bold(std::string name) { return symbol(std::move(name), empty(), empty(), {.bold = true}); }
Math text(std::string words) { return node(Kind::text, std::move(words)); }

Math fraction(Math numerator, Math denominator) {
    return node(Kind::fraction, {}, operands(std::move(numerator), std::move(denominator)));
}

Math table(std::vector<Math> header, const std::vector<std::vector<Math>>& rows, std::size_t totals) {
    Math m = node(Kind::table, {}, std::move(header));
    m.cols = m.args.size();
    m.rows = rows.size();
    m.augment = std::min(totals, rows.size());
    for (const auto& row : rows) {
        if (row.size() != m.cols) throw std::invalid_argument("trace::table: a row's cells ≠ the header's");
        m.args.insert(m.args.end(), row.begin(), row.end());
    }
    return m;
}

Math matrix(std::size_t rows, std::size_t cols, std::vector<Math> cells, std::size_t augment) {
    if (cells.size() != rows * cols) throw std::invalid_argument("trace::matrix: cells ≠ rows·cols");
    Math m = node(Kind::matrix, {}, std::move(cells));
    m.rows = rows;
    m.cols = cols;
    m.augment = augment;
    return m;
}

Math chain(std::vector<Math> operands, std::vector<Rel> rels, std::vector<Math> labels) {
    if (operands.size() != rels.size() + 1 || (!labels.empty() && labels.size() != rels.size())) {
        throw std::invalid_argument("trace::chain: operands, relations and labels do not match");
    }
    Math m = node(Kind::relation, {}, std::move(operands));
    m.extras.make().relations = std::move(rels);
    m.extras.make().labels = std::move(labels);
    return m;
}

Math relation(Math left, Rel rel, Math right) {
    return chain(operands(std::move(left), std::move(right)), {rel});
}

Math arrow(Math left, Math label, Math right) {
    return chain(operands(std::move(left), std::move(right)), {Rel::arrow}, operands(std::move(label)));
}

Math sum(std::vector<Math> terms) { return node(Kind::sum, {}, std::move(terms)); }
Math negate(Math x) { return node(Kind::negate, {}, operands(std::move(x))); }
Math product(std::vector<Math> factors, std::string op) {
    return node(Kind::product, std::move(op), std::move(factors));
}
Math power(Math base, Math exponent) {
    return node(Kind::power, {}, operands(std::move(base), std::move(exponent)));
}
Math apply(std::string function, std::vector<Math> arguments) {
    return node(Kind::apply, std::move(function), std::move(arguments));
}
Math group(Math x) { return node(Kind::group, {}, operands(std::move(x))); }

std::size_t node_count(const Math& m) {
    std::size_t n = 0;
    std::vector<const Math*> pending{&m};
    while (!pending.empty()) {
        const Math* x = pending.back();
        pending.pop_back();
        ++n;
        for (const Math& a : x->args) pending.push_back(&a);
    }
    return n;
}
std::size_t depth(const Math& m) {
    std::size_t deepest = 0;
    std::vector<std::pair<const Math*, std::size_t>> pending{{&m, 1}};
    while (!pending.empty()) {
        auto [x, level] = pending.back();
        pending.pop_back();
        deepest = std::max(deepest, level);
        for (const Math& a : x->args) pending.push_back({&a, level + 1});
        for (const Math& a : x->labels()) pending.push_back({&a, level + 1});
    }
    return deepest;
}

Math absolute(Math x) { return node(Kind::group, "|", operands(std::move(x))); }
Math norm(Math x, Math sub) {
    std::vector<Math> args = operands(std::move(x));
    if (!sub.is_empty()) args.push_back(std::move(sub));
    return node(Kind::group, "‖", std::move(args));
}
Math set(Math element, Math condition) {
    return node(Kind::set, {}, operands(std::move(element), std::move(condition)));
}
Math cases(std::vector<Math> lines) { return node(Kind::cases, {}, std::move(lines)); }
Math list(std::vector<Math> items, std::string separator) {
    return node(Kind::list, std::move(separator), std::move(items));
}

Math indexed(std::string name, std::size_t index, SymbolStyle style) {
    return symbol(std::move(name), number(std::to_string(index)), empty(), style);
}

Math equals(Math left, Math right) { return relation(std::move(left), Rel::equals, std::move(right)); }

Math partial_fraction(Math of, Math by) {
    return fraction(product({symbol("partial"), std::move(of)}, ""), product({symbol("partial"), std::move(by)}, ""));
}

std::string subscripted(std::string_view name, std::size_t index) {
    static constexpr const char* digits[] = {"₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"};
    std::string out(name);
    for (char d : std::to_string(index)) out += digits[d - '0'];
    return out;
}

}  // namespace showwork::trace
