// Symbolic expressions: variables, exact rational constants, sums, products, powers and the
// functions of the notes (exp, ln, sin, cos, tanh, σ, ReLU, max), and tan, sinh, cosh and |u|.
//
// An Expr is a small value type around an immutable shared node, so copying is cheap and
// sub-expressions are shared. Expressions are only built through the functions below, which
// keep them in a simplified form that reads like the notes:
//
//   sum       terms, like terms collected (2x + 3x = 5x), constants folded, no "+ 0"
//   product   factors, constant first, no "·1", equal bases merged (x·x = x², y⁻³·y² = y⁻¹),
//             the rest in one order (sin(x) cos(x) however they were multiplied)
//   power     base^exponent; x⁰ = 1, x¹ = x, (x^a)^b = x^{ab} for constants, (e^u)^v = e^{uv}
//   apply     a function of its arguments; exp(0) = 1, ln(1) = 0, ln(e^u) = u, σ(0) = 1/2, …
//
// Each node knows its depth, a hash (equal expressions hash equally) and which variable names
// it may use, so that like terms are found by hashing and "does it use x" is mostly one test:
// building a sum of n terms or differentiating it takes time about linear in n. A node deeper
// than max_derived_depth, or larger written out than max_expression_size (showwork/limits.hpp),
// is not built: an InputError says so.
//
// Subtraction a − b is a + (−1)·b and division a / b is a · b⁻¹; the printers turn them back.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "showwork/matrix/scalar.hpp"

namespace showwork::calculus {

enum class Op { constant, variable, sum, product, power, apply };

// relu_step is ReLU′: 1 for z > 0, 0 for z < 0, and a chosen convention c at z = 0 (its node's
// value; notes 003 take 0, notes 004 take 1), so that ReLU(g)′ = ReLU′(g)·g′ is c·g′ at a kink,
// as backpropagation takes it. sign is sgn: −1, 0, 1; |g|′ = sgn(g)·g′ (0 at g = 0, which is
// ReLU′(g) − ReLU′(−g) = c − c for every convention).
enum class Fn { exp, ln, sin, cos, tan, sinh, cosh, tanh, abs, sign, sigmoid, relu, relu_step, max };

class Expr;

struct Node {
    Op op = Op::constant;
    Rational value;          // constant: its value; relu_step: the value at 0
    std::string name;        // variable: its name
    Fn fn = Fn::exp;         // apply: which function
    std::vector<Expr> args;  // sum: terms; product: factors; power: [base, exponent]; apply
    // Set when the node is built, from the fields above:
    std::size_t depth = 0;     // a constant or a variable is 0; sin(x) is 1, sin(x²) is 2
    std::size_t size = 1;      // nodes written out: a shared sub-expression counts each time
    std::size_t hash = 0;      // equal expressions have equal hashes
    std::uint64_t names = 0;   // one bit per variable name used (a name's bit clear: not used)
};

class Expr {
public:
    Expr();  // the constant 0
    Expr(int n);
    Expr(Rational q);
    // The node's depth, hash and names are filled in here.
    explicit Expr(Node node);

    Op op() const { return node_->op; }
    const Rational& value() const { return node_->value; }
    const std::string& name() const { return node_->name; }
    Fn fn() const { return node_->fn; }
    const std::vector<Expr>& args() const { return node_->args; }
    const Expr& arg(std::size_t i) const { return node_->args[i]; }
    std::size_t depth() const { return node_->depth; }
    std::size_t size() const { return node_->size; }
    std::size_t hash() const { return node_->hash; }
    std::uint64_t names() const { return node_->names; }

    bool is_constant() const { return op() == Op::constant; }
    bool is_constant(const Rational& q) const { return is_constant() && value() == q; }
    bool is_variable(std::string_view v) const { return op() == Op::variable && name() == v; }

    friend bool operator==(const Expr& a, const Expr& b);

private:
    std::shared_ptr<const Node> node_;
};

// ---- Building (each result is simplified) ----

Expr constant(const Rational& q);
Expr variable(std::string name);
Expr add(std::vector<Expr> terms);
Expr multiply(std::vector<Expr> factors);
// Π factors as typed: x·x stays a product of two factors (multiply() makes it x²), so that the
// product rule can be shown on it, and cos(x) sin(x) keeps its order (multiply() puts every
// product in one order). Constants are folded to the front; the rest is otherwise as multiply()
// makes it.
Expr multiply_as_written(std::vector<Expr> factors);
// −e with e's factors as they are: −x·x is x·x after its minus sign, not −x².
Expr negate_as_written(const Expr& e);
// Whether two of the factors have the same base (x and x², or sin(x) twice).
bool repeats_a_base(const std::vector<Expr>& factors);
Expr power(const Expr& base, const Expr& exponent);
Expr apply(Fn fn, std::vector<Expr> args);
// ReLU′(z) with the given value at z = 0.
Expr relu_step(const Expr& z, const Rational& at_zero);

Expr operator+(const Expr& a, const Expr& b);
Expr operator-(const Expr& a, const Expr& b);
Expr operator-(const Expr& a);
Expr operator*(const Expr& a, const Expr& b);
Expr operator/(const Expr& a, const Expr& b);  // throws DomainError for a constant zero divisor

Expr exp(const Expr& u);
Expr ln(const Expr& u);
Expr sin(const Expr& u);
Expr cos(const Expr& u);
Expr tan(const Expr& u);
Expr sinh(const Expr& u);
Expr cosh(const Expr& u);
Expr tanh(const Expr& u);
Expr abs(const Expr& u);
Expr sign(const Expr& u);
Expr sigmoid(const Expr& u);
Expr relu(const Expr& u);
Expr max(const Expr& a, const Expr& b);

// ---- Inspecting ----

// The variables an expression uses, sorted by name.
std::vector<std::string> variables(const Expr& e);
bool depends_on(const Expr& e, std::string_view var);
// e rebuilt through the simplifying builders: what multiply_as_written kept apart is merged.
Expr simplify(const Expr& e);
// e with every occurrence of the variable replaced by `by` (and simplified again).
Expr substitute(const Expr& e, std::string_view var, const Expr& by);
// The powers of a constant to an integer left as they are because their value would be longer
// than max_number_length characters (matrix/scalar.hpp), as power() leaves them: 9^{5000}.
std::vector<Expr> unevaluated_powers(const Expr& e);
// Products of sums multiplied out and like terms collected: 2x(x − 1) − x² − 1 = x² − 2x − 1.
// Function arguments are left as they are, and so is a product or power that would give more
// than 64 terms.
Expr expand(const Expr& e);
// σ(u) written out as 1 / (1 + e^{−u}), everywhere in e.
Expr expand_sigmoid(const Expr& e);

// The function's name as parsed and printed in text: "exp", "ln", "sigmoid", "relu", …
std::string_view function_name(Fn fn);
std::size_t function_arity(Fn fn);

}  // namespace showwork::calculus
