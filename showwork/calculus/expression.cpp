#include "showwork/calculus/expression.hpp"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <unordered_map>

#include "showwork/error.hpp"
#include "showwork/limits.hpp"

namespace showwork::calculus {

namespace {

Expr make(Node node) { return Expr(std::move(node)); }

Expr make_op(Op op, std::vector<Expr> args) {
    Node n;
    n.op = op;
    n.args = std::move(args);
    return make(std::move(n));
}

bool is_integer(const Rational& q) { return denominator(q) == 1; }

struct ExprHash {
    std::size_t operator()(const Expr& e) const { return e.hash(); }
};

Rational integer_power(const Rational& base, const Integer& n) {
    Rational result = 1, b = n < 0 ? Rational(1) / base : base;
    for (Integer k = abs(n); k > 0; k >>= 1) {
        if (bit_test(k, 0)) result *= b;
        if (k > 1) b *= b;
    }
    return result;
}

// A term c·rest of a sum: its coefficient and the rest (1 for a constant term).
std::pair<Rational, Expr> split_coefficient(const Expr& term) {
    if (term.is_constant()) return {term.value(), Expr(1)};
    if (term.op() == Op::product && term.arg(0).is_constant()) {
        std::vector<Expr> rest(term.args().begin() + 1, term.args().end());
        return {term.arg(0).value(), rest.size() == 1 ? rest[0] : make_op(Op::product, rest)};
    }
    return {Rational(1), term};
}

// c · rest without re-simplifying: rest is already a simplified non-constant.
Expr scale(const Rational& c, const Expr& rest) {
    if (c == 1) return rest;
    if (rest.is_constant(1)) return constant(c);
    std::vector<Expr> factors{constant(c)};
    if (rest.op() == Op::product) factors.insert(factors.end(), rest.args().begin(), rest.args().end());
    else factors.push_back(rest);
    return make_op(Op::product, std::move(factors));
}

// Factors are ordered as the notes write them: constant, variables (by name), functions, then
// sums in parentheses: 2x cos(x² + y), σ(x)(1 − σ(x)).
int factor_rank(const Expr& f) {
    const Expr& base = f.op() == Op::power ? f.arg(0) : f;
    switch (base.op()) {
        case Op::constant: return f.op() == Op::power ? 2 : 0;
        case Op::variable: return 1;
        case Op::apply: return 2;
        default: return 3;
    }
}

// A factor written under the fraction bar: a power with a negative constant exponent.
bool divides(const Expr& f) { return f.op() == Op::power && f.arg(1).is_constant() && f.arg(1).value() < 0; }

// The order the notes write factors in: denominators last (as the printers write a/b, so that
// the text of a product parses back to the same order), constants, variables, functions, sums.
int notes_order(const Expr& a, const Expr& b) {
    const bool da = divides(a), db = divides(b);
    if (da != db) return da ? 1 : -1;
    const int ra = factor_rank(a), rb = factor_rank(b);
    return ra == rb ? 0 : ra < rb ? -1 : 1;
}

// A total order on expressions, so that a product's factors come in one order however they were
// multiplied: sin(x) cos(x) and cos(x) sin(x) are one product, and 2 sin(x) cos(x) − 2 cos(x) sin(x)
// is 0. Variables by name, functions in the order of Fn (exp, ln, sin, cos, …), then arguments.
int order(const Expr& a, const Expr& b) {
    if (a == b) return 0;
    if (a.op() != b.op()) return a.op() < b.op() ? -1 : 1;
    switch (a.op()) {
        case Op::constant: return a.value() < b.value() ? -1 : 1;
        case Op::variable: return a.name().compare(b.name()) < 0 ? -1 : 1;
        case Op::apply:
            if (a.fn() != b.fn()) return a.fn() < b.fn() ? -1 : 1;
            if (a.value() != b.value()) return a.value() < b.value() ? -1 : 1;
            break;
        default: break;
    }
    const std::size_t n = std::min(a.args().size(), b.args().size());
    for (std::size_t i = 0; i < n; ++i) {
        if (int c = order(a.arg(i), b.arg(i))) return c;
    }
    return a.args().size() < b.args().size() ? -1 : a.args().size() > b.args().size() ? 1 : 0;
}

const Expr& base_of(const Expr& f) { return f.op() == Op::power ? f.arg(0) : f; }

}  // namespace

Expr::Expr() : Expr(Rational(0)) {}
Expr::Expr(int n) : Expr(Rational(n)) {}
Expr::Expr(Rational q) {
    Node n;
    n.value = std::move(q);
    *this = Expr(std::move(n));
}

Expr::Expr(Node n) {
    auto mix = [&](std::size_t h) { n.hash ^= h + 0x9e3779b97f4a7c15ULL + (n.hash << 6) + (n.hash >> 2); };
    mix(static_cast<std::size_t>(n.op));
    if (n.op == Op::constant || n.fn == Fn::relu_step) mix(std::hash<Rational>()(n.value));
    if (n.op == Op::variable) {
        std::size_t h = std::hash<std::string_view>()(n.name);
        mix(h);
        n.names = std::uint64_t(1) << (h % 64);
    }
    if (n.op == Op::apply) mix(static_cast<std::size_t>(n.fn));
    for (const Expr& a : n.args) {
        n.depth = std::max(n.depth, a.depth() + 1);
        n.size = std::min(n.size + a.size(), max_expression_size + 1);
        n.names |= a.names();
        mix(a.hash());
    }
    if (n.depth > max_derived_depth) {
        throw InputError("expression nested deeper than " + thousands(max_derived_depth) +
                         " levels: too deep to work with");
    }
    if (n.size > max_expression_size) {
        throw InputError("expression of more than " + thousands(max_expression_size) +
                         " numbers, variables and operations written out: too large to work with");
    }
    node_ = std::make_shared<const Node>(std::move(n));
}

bool operator==(const Expr& a, const Expr& b) {
    if (a.node_ == b.node_) return true;
    return a.hash() == b.hash() && a.op() == b.op() && a.value() == b.value() && a.name() == b.name() &&
           (a.op() != Op::apply || a.fn() == b.fn()) && a.args() == b.args();
}

Expr constant(const Rational& q) { return Expr(q); }

Expr variable(std::string name) {
    Node n;
    n.op = Op::variable;
    n.name = std::move(name);
    return make(std::move(n));
}

// Σ terms: flatten, collect like terms c₁·t + c₂·t = (c₁ + c₂)·t in order of first appearance.
Expr add(std::vector<Expr> terms) {
    std::vector<std::pair<Expr, Rational>> collected;  // rest, coefficient
    std::unordered_map<Expr, std::size_t, ExprHash> index;  // rest -> its place in collected
    auto collect = [&](const Expr& term) {
        std::pair<Rational, Expr> split = split_coefficient(term);
        auto [place, is_new] = index.try_emplace(split.second, collected.size());
        if (is_new) collected.emplace_back(std::move(split.second), std::move(split.first));
        else collected[place->second].second += split.first;
    };
    for (const Expr& t : terms) {
        if (t.op() == Op::sum) {
            for (const Expr& inner : t.args()) collect(inner);
        } else if (t.op() == Op::product && t.args().size() == 2 && t.arg(0).is_constant() &&
                   t.arg(1).op() == Op::sum) {
            // c·(a + b) inside a sum is ca + cb, so that like terms meet: x − (x − 1) = 1
            for (const Expr& inner : t.arg(1).args()) collect(multiply({t.arg(0), inner}));
        } else {
            collect(t);
        }
    }
    std::vector<Expr> kept;
    for (const auto& [rest, c] : collected) {
        if (c != 0) kept.push_back(scale(c, rest));
    }
    if (kept.empty()) return Expr(0);
    if (kept.size() == 1) return kept[0];
    return make_op(Op::sum, std::move(kept));
}

// Π factors: flatten, fold constants, merge equal bases x^a · x^b = x^{a+b}, order the rest.
Expr multiply(std::vector<Expr> factors) {
    Rational coefficient = 1;
    std::vector<std::pair<Expr, std::vector<Expr>>> bases;  // base, exponents
    std::unordered_map<Expr, std::size_t, ExprHash> index;     // base -> its place in bases
    auto collect = [&](const Expr& f) {
        if (f.is_constant()) {
            coefficient *= f.value();
            return;
        }
        const Expr& base = f.op() == Op::power ? f.arg(0) : f;
        Expr exponent = f.op() == Op::power ? f.arg(1) : Expr(1);
        auto [place, is_new] = index.try_emplace(base, bases.size());
        if (is_new) bases.push_back({base, {exponent}});
        else bases[place->second].second.push_back(exponent);
    };
    for (const Expr& f : factors) {
        if (f.op() == Op::product) for (const Expr& inner : f.args()) collect(inner);
        else collect(f);
    }
    if (coefficient == 0) return Expr(0);
    std::vector<Expr> kept;
    for (auto& [base, exponents] : bases) {
        Expr merged = exponents.size() == 1 ? power(base, exponents[0]) : power(base, add(exponents));
        if (merged.is_constant()) coefficient *= merged.value();
        else if (merged.op() == Op::product) {
            for (const Expr& inner : merged.args()) {
                if (inner.is_constant()) coefficient *= inner.value();
                else kept.push_back(inner);
            }
        } else kept.push_back(merged);
    }
    if (coefficient == 0) return Expr(0);
    // Denominators (negative constant exponents) last, as the printers write a/b: then the text
    // of a product parses back to the same order of factors.
    std::stable_sort(kept.begin(), kept.end(), [](const Expr& a, const Expr& b) {
        if (int c = notes_order(a, b)) return c < 0;
        return order(base_of(a), base_of(b)) < 0;
    });
    if (kept.empty()) return constant(coefficient);
    if (coefficient == 1 && kept.size() == 1) return kept[0];
    if (coefficient != 1) kept.insert(kept.begin(), constant(coefficient));
    return make_op(Op::product, std::move(kept));
}

bool repeats_a_base(const std::vector<Expr>& factors) {
    std::unordered_map<Expr, int, ExprHash> seen;
    for (const Expr& f : factors) {
        if (!f.is_constant() && ++seen[base_of(f)] > 1) return true;
    }
    return false;
}

// Π factors as typed: equal bases are not merged, so that x·x keeps its two factors.
Expr negate_as_written(const Expr& e) { return multiply_as_written({Expr(-1), e}); }

Expr multiply_as_written(std::vector<Expr> factors) {
    Rational coefficient = 1;
    std::vector<Expr> kept;
    for (const Expr& f : factors) {
        for (const Expr& inner : f.op() == Op::product ? f.args() : std::vector<Expr>{f}) {
            if (inner.is_constant()) coefficient *= inner.value();
            else kept.push_back(inner);
        }
    }
    if (coefficient == 0) return Expr(0);
    if (!repeats_a_base(kept)) {
        // nothing to merge: the factors in the notes' order, and as typed where that leaves a choice
        Expr product = multiply(std::move(factors));
        if (product.op() != Op::product || product.args().size() != kept.size() + (coefficient != 1)) return product;
        std::stable_sort(kept.begin(), kept.end(), [](const Expr& a, const Expr& b) { return notes_order(a, b) < 0; });
    }
    if (coefficient != 1) kept.insert(kept.begin(), constant(coefficient));
    return make_op(Op::product, std::move(kept));
}

Expr power(const Expr& base, const Expr& exponent) {
    if (exponent.is_constant(0)) return Expr(1);
    if (exponent.is_constant(1) || base.is_constant(1)) return base;
    if (base.is_constant(0) && exponent.is_constant()) {
        if (exponent.value() < 0) throw DomainError("division by zero: 0 raised to a negative power");
        return Expr(0);
    }
    if (exponent.is_constant() && is_integer(exponent.value())) {
        const Rational& n = exponent.value();
        // a power whose value would be longer than any number read is left as it is
        if (base.is_constant() && power_within_length(base.value(), numerator(n))) {
            return constant(integer_power(base.value(), numerator(n)));
        }
        // (x^a)^n = x^{an} for an integer n, whatever a: so 1/(3^a·3^b) and 3^{−a}·3^{−b} are both 3^{−a−b}
        if (base.op() == Op::power) return power(base.arg(0), base.arg(1) * exponent);
        // (a·b)^n = aⁿ·bⁿ for an integer n
        if (base.op() == Op::product) {
            std::vector<Expr> factors;
            for (const Expr& f : base.args()) factors.push_back(power(f, exponent));
            return multiply(std::move(factors));
        }
    }
    // (x^a)^b = x^{ab} when b is an integer or a has an odd numerator ((x²)^{1/2} is |x|, not x)
    if (base.op() == Op::power && base.arg(1).is_constant() && exponent.is_constant()) {
        const Rational& a = base.arg(1).value();
        if (is_integer(exponent.value()) || numerator(a) % 2 != 0) {
            return power(base.arg(0), constant(a * exponent.value()));
        }
    }
    // (e^u)^v = e^{uv}; e^v as e^v, its factors as typed (e^(x·x))
    if (base.op() == Op::apply && base.fn() == Fn::exp) {
        return exp(base.arg(0).is_constant(1) ? exponent : base.arg(0) * exponent);
    }
    return make_op(Op::power, {base, exponent});
}

Expr apply(Fn fn, std::vector<Expr> args) {
    if (args.size() != function_arity(fn)) {
        throw InputError(std::string(function_name(fn)) + " takes " +
                         std::to_string(function_arity(fn)) + " argument(s), got " +
                         std::to_string(args.size()));
    }
    const Expr& u = args[0];
    switch (fn) {
        case Fn::exp:
            if (u.is_constant(0)) return Expr(1);
            break;
        case Fn::ln:
            if (u.is_constant(1)) return Expr(0);
            if (u.op() == Op::apply && u.fn() == Fn::exp) return u.arg(0);  // ln(e^u) = u
            if (u.is_constant() && u.value() <= 0) {
                throw DomainError("ln(" + shown(rational_text(u.value())) + "): the argument is not positive");
            }
            break;
        case Fn::sin:
        case Fn::tan:
        case Fn::sinh:
        case Fn::tanh:
            if (u.is_constant(0)) return Expr(0);
            break;
        case Fn::cos:
        case Fn::cosh:
            if (u.is_constant(0)) return Expr(1);
            break;
        case Fn::abs:
            if (u.is_constant()) return constant(u.value() < 0 ? Rational(-u.value()) : u.value());
            if (u.op() == Op::apply && u.fn() == Fn::abs) return u;  // ||u|| = |u|
            break;
        case Fn::sign:
            if (u.is_constant()) return constant(u.value() > 0 ? 1 : u.value() < 0 ? -1 : 0);
            if (u.op() == Op::apply && u.fn() == Fn::sign) return u;  // sgn(sgn u) = sgn u
            break;
        case Fn::sigmoid:
            if (u.is_constant(0)) return constant(Rational(1, 2));
            break;
        case Fn::relu:
            if (u.is_constant()) return u.value() > 0 ? u : Expr(0);
            break;
        case Fn::relu_step: break;  // built by relu_step(), which folds constants
        case Fn::max:
            if (u.is_constant() && args[1].is_constant()) return u.value() >= args[1].value() ? u : args[1];
            if (u == args[1]) return u;
            break;
    }
    Node n;
    n.op = Op::apply;
    n.fn = fn;
    n.args = std::move(args);
    return make(std::move(n));
}

Expr relu_step(const Expr& z, const Rational& at_zero) {
    if (z.is_constant()) return constant(z.value() > 0 ? Rational(1) : z.value() < 0 ? Rational(0) : at_zero);
    Node n;
    n.op = Op::apply;
    n.fn = Fn::relu_step;
    n.value = at_zero;
    n.args = {z};
    return make(std::move(n));
}

Expr operator+(const Expr& a, const Expr& b) { return add({a, b}); }
Expr operator-(const Expr& a, const Expr& b) { return add({a, multiply({Expr(-1), b})}); }
Expr operator-(const Expr& a) { return multiply({Expr(-1), a}); }
Expr operator*(const Expr& a, const Expr& b) { return multiply({a, b}); }
Expr operator/(const Expr& a, const Expr& b) {
    if (b.is_constant(0)) throw DomainError("division by zero: the divisor is the constant 0");
    return multiply({a, power(b, Expr(-1))});
}

Expr exp(const Expr& u) { return apply(Fn::exp, {u}); }
Expr ln(const Expr& u) { return apply(Fn::ln, {u}); }
Expr sin(const Expr& u) { return apply(Fn::sin, {u}); }
Expr cos(const Expr& u) { return apply(Fn::cos, {u}); }
Expr tan(const Expr& u) { return apply(Fn::tan, {u}); }
Expr sinh(const Expr& u) { return apply(Fn::sinh, {u}); }
Expr cosh(const Expr& u) { return apply(Fn::cosh, {u}); }
Expr tanh(const Expr& u) { return apply(Fn::tanh, {u}); }
Expr abs(const Expr& u) { return apply(Fn::abs, {u}); }
Expr sign(const Expr& u) { return apply(Fn::sign, {u}); }
Expr sigmoid(const Expr& u) { return apply(Fn::sigmoid, {u}); }
Expr relu(const Expr& u) { return apply(Fn::relu, {u}); }
Expr max(const Expr& a, const Expr& b) { return apply(Fn::max, {a, b}); }

namespace {
void collect_variables(const Expr& e, std::set<std::string>& out) {
    if (e.op() == Op::variable) out.insert(e.name());
    for (const Expr& a : e.args()) collect_variables(a, out);
}

// Rebuilds e bottom-up through the simplifying builders, with `leaf` rewriting variables and
// `node` given the chance to rewrite an apply node first.
template <class Leaf, class Apply>
Expr rebuild(const Expr& e, const Leaf& leaf, const Apply& rewrite_apply) {
    if (e.op() == Op::constant) return e;
    if (e.op() == Op::variable) return leaf(e);
    std::vector<Expr> args;
    for (const Expr& a : e.args()) args.push_back(rebuild(a, leaf, rewrite_apply));
    switch (e.op()) {
        case Op::sum: return add(std::move(args));
        case Op::product: return multiply(std::move(args));
        case Op::power: return power(args[0], args[1]);
        default:
            if (e.fn() == Fn::relu_step) return relu_step(args[0], e.value());
            return rewrite_apply(e.fn(), std::move(args));
    }
}
}  // namespace

std::vector<std::string> variables(const Expr& e) {
    std::set<std::string> names;
    collect_variables(e, names);
    return {names.begin(), names.end()};
}

namespace {
// Only the branches whose names have the variable's bit are searched.
bool uses(const Expr& e, std::string_view var, std::uint64_t bit) {
    if (!(e.names() & bit)) return false;
    if (e.op() == Op::variable) return e.name() == var;
    return std::any_of(e.args().begin(), e.args().end(), [&](const Expr& a) { return uses(a, var, bit); });
}
}  // namespace

bool depends_on(const Expr& e, std::string_view var) {
    return uses(e, var, std::uint64_t(1) << (std::hash<std::string_view>()(var) % 64));
}

Expr substitute(const Expr& e, std::string_view var, const Expr& by) {
    if (!depends_on(e, var)) return e;
    return rebuild(
        e, [&](const Expr& v) { return v.name() == var ? by : v; },
        [](Fn fn, std::vector<Expr> args) { return apply(fn, std::move(args)); });
}

Expr simplify(const Expr& e) {
    return rebuild(
        e, [](const Expr& v) { return v; }, [](Fn fn, std::vector<Expr> args) { return apply(fn, std::move(args)); });
}

std::vector<Expr> unevaluated_powers(const Expr& e) {
    std::vector<Expr> found;
    std::vector<Expr> pending{e};
    while (!pending.empty()) {
        Expr x = std::move(pending.back());
        pending.pop_back();
        if (x.op() == Op::power && x.arg(0).is_constant() && x.arg(1).is_constant() && is_integer(x.arg(1).value())) {
            if (std::find(found.begin(), found.end(), x) == found.end()) found.push_back(x);
        }
        pending.insert(pending.end(), x.args().begin(), x.args().end());
    }
    return found;
}

// σ(u) = 1 / (1 + e^{−u})
Expr expand_sigmoid(const Expr& e) {
    return rebuild(
        e, [](const Expr& v) { return v; },
        [](Fn fn, std::vector<Expr> args) {
            if (fn == Fn::sigmoid) return power(Expr(1) + exp(-args[0]), Expr(-1));
            return apply(fn, std::move(args));
        });
}

namespace {
// Beyond this many terms a product of sums is left as it is: multiplied out it would read worse.
constexpr std::size_t max_expanded_terms = 64;

std::vector<Expr> terms_of(const Expr& e) { return e.op() == Op::sum ? e.args() : std::vector<Expr>{e}; }

// (Σ aᵢ)(Σ bⱼ) = Σᵢⱼ aᵢbⱼ with like terms collected; nothing when it has too many terms.
std::optional<std::vector<Expr>> distribute(const std::vector<Expr>& a, const std::vector<Expr>& b) {
    if (a.size() * b.size() > max_expanded_terms) return std::nullopt;
    std::vector<Expr> products;
    for (const Expr& x : a) {
        for (const Expr& y : b) products.push_back(x * y);
    }
    return terms_of(add(std::move(products)));
}
}  // namespace

Expr expand(const Expr& e) {
    switch (e.op()) {
        case Op::sum: {
            std::vector<Expr> terms;
            for (const Expr& t : e.args()) terms.push_back(expand(t));
            return add(std::move(terms));
        }
        case Op::product: {
            std::vector<Expr> terms{Expr(1)};
            for (const Expr& f : e.args()) {
                auto next = distribute(terms, terms_of(expand(f)));
                if (!next) return e;
                terms = std::move(*next);
            }
            return add(std::move(terms));
        }
        case Op::power: {
            // (a + b)ⁿ for a small whole n, multiplied out n − 1 times
            const Expr& n = e.arg(1);
            if (e.arg(0).op() != Op::sum || !n.is_constant() || !is_integer(n.value()) || n.value() < 2 ||
                n.value() > 8) {
                return e;
            }
            const std::vector<Expr> base = terms_of(expand(e.arg(0)));
            std::vector<Expr> terms = base;
            for (Rational k = 1; k < n.value(); k += 1) {
                auto next = distribute(terms, base);
                if (!next) return e;
                terms = std::move(*next);
            }
            return add(std::move(terms));
        }
        default: return e;
    }
}

std::string_view function_name(Fn fn) {
    switch (fn) {
        case Fn::exp: return "exp";
        case Fn::ln: return "ln";
        case Fn::sin: return "sin";
        case Fn::cos: return "cos";
        case Fn::tan: return "tan";
        case Fn::sinh: return "sinh";
        case Fn::cosh: return "cosh";
        case Fn::tanh: return "tanh";
        case Fn::abs: return "abs";
        case Fn::sign: return "sgn";
        case Fn::sigmoid: return "sigmoid";
        case Fn::relu: return "relu";
        case Fn::relu_step: return "relu'";
        case Fn::max: return "max";
    }
    return "?";
}

std::size_t function_arity(Fn fn) { return fn == Fn::max ? 2 : 1; }

}  // namespace showwork::calculus
