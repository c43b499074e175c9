// The value of an expression at a point, in any scalar.
//
// Over Rational the value is exact: sums, products, integer powers, ReLU, max, and rational
// powers whose root is rational ((9/4)^{1/2} = 3/2). A transcendental function has no exact
// value except at the few points where it is rational (e^0 = 1, ln 1 = 0, σ(0) = 1/2, …), so
// asking for exp(1) exactly is a DomainError that says to use double or float50.
// Division by zero, ln of a non-positive number and even roots of negative numbers are
// DomainErrors naming the sub-expression and its value: "division by zero: y - 1 is 0 at the point".
//
// The same evaluator runs on Dual<T> (calculus/dual.hpp), which is how forward mode is checked.
// A kink of max or ReLU (max(u, v) with u = v, ReLU(u) with u = 0) is differentiated there by the
// convention c = ReLU′(0), as the symbolic rules and backpropagation do: ReLU(u)′ = c·u′, and
// max(u, v)′ = c·(u′ + v′) at a tie; |u|′ = sgn(u)·u′ is 0 at u = 0.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "showwork/calculus/dual.hpp"
#include "showwork/calculus/expression.hpp"
#include "showwork/calculus/parse.hpp"
#include "showwork/calculus/print.hpp"
#include "showwork/error.hpp"
#include "showwork/matrix/decimal.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork::calculus {

template <class V> struct is_exact_number : std::false_type {};
template <> struct is_exact_number<Rational> : std::true_type {};
template <> struct is_exact_number<Dual<Rational>> : std::true_type {};

template <Scalar T> const T& value_of(const T& x) { return x; }

// A rational constant in the evaluation's number type.
template <class V> V from_rational(const Rational& q) {
    if constexpr (Scalar<V>) return scalar_cast<V>(q);
    else return V(from_rational<decltype(V::value)>(q));
}

// The exact k-th root of a non-negative integer, if it is an integer.
std::optional<Integer> exact_integer_root(const Integer& n, unsigned k);
// The exact value of a^{p/q} if it is rational.
std::optional<Rational> exact_rational_power(const Rational& a, const Rational& exponent);

// The values of the variables in the evaluation's number type (a Point<T>, or duals).
template <class V>
using Values = std::map<std::string, V, std::less<>>;

// Where a floating evaluation first left the scalar's range: the innermost, first evaluated
// sub-expression whose value is ±inf or NaN.
struct Overflow {
    std::optional<Expr> where;
};

template <class V>
class Evaluator {
public:
    // relu_at_zero: the convention at a kink (dual numbers only); sides, if given, records the
    // side each max takes (see branches below); overflow, if given, where the value first stopped
    // being a number.
    explicit Evaluator(const Values<V>& point, Rational relu_at_zero = 0, std::vector<int>* sides = nullptr,
                       Overflow* overflow = nullptr)
        : point_(point), relu_at_zero_(std::move(relu_at_zero)), sides_(sides), overflow_(overflow) {}

    V operator()(const Expr& e) const {
        V v = value(e);
        if (overflow_ && !overflow_->where && !is_finite(value_of(v))) overflow_->where = e;
        return v;
    }

private:
    V value(const Expr& e) const {
        switch (e.op()) {
            case Op::constant: return from_rational<V>(e.value());
            case Op::variable: return lookup(e.name());
            case Op::sum: {
                V total = (*this)(e.arg(0));
                for (std::size_t i = 1; i < e.args().size(); ++i) total = total + (*this)(e.arg(i));
                return total;
            }
            case Op::product: {
                V total = (*this)(e.arg(0));
                for (std::size_t i = 1; i < e.args().size(); ++i) total = total * (*this)(e.arg(i));
                return total;
            }
            case Op::power: return power_of(e);
            case Op::apply: return function(e);
        }
        return V(0);
    }

    V lookup(const std::string& name) const {
        auto it = point_.find(name);
        if (it == point_.end()) throw InputError("the point gives no value for " + name);
        return it->second;
    }

    // a value, an expression and an exponent as a message shows them: a long one cut (error.hpp)
    static std::string value_text(const V& v) { return shown(scalar_text(value_of(v))); }
    static std::string expression_text(const Expr& e) { return shown(to_text(e)); }
    static std::string exponent_text(const Rational& p) { return shown(rational_text(p)); }

    [[noreturn]] static void fail(const std::string& message) { throw DomainError(message); }

    V power_of(const Expr& e) const {
        const Expr &base_expr = e.arg(0), &exponent_expr = e.arg(1);
        V base = (*this)(base_expr);
        if (exponent_expr.is_constant()) return constant_power(base, base_expr, exponent_expr.value());
        V exponent = (*this)(exponent_expr);
        if constexpr (std::is_same_v<V, Rational>) {
            return constant_power(base, base_expr, exponent);
        } else if constexpr (is_exact_number<V>::value) {
            fail("the exact derivative of " + expression_text(e) + " involves a logarithm; evaluate in double or float50");
        } else {
            // u^v = e^{v ln u}, defined for u > 0
            if (!(value_of(base) > 0)) {
                fail(expression_text(e) + ": the base " + expression_text(base_expr) + " is " + value_text(base) +
                     " at the point; a variable exponent needs a positive base");
            }
            using std::exp;
            using std::log;
            return exp(exponent * log(base));
        }
    }

    V constant_power(const V& base, const Expr& base_expr, const Rational& p) const {
        bool zero = value_of(base) == 0;
        if (zero && p < 0) fail("division by zero: " + expression_text(base_expr) + " is 0 at the point");
        if constexpr (is_exact_number<V>::value) {
            if (denominator(p) == 1 && !power_within_length(value_of(base), numerator(p))) {
                std::string b = value_text(base);
                if (b.find_first_of("-/") != std::string::npos) b = "(" + b + ")";
                fail("the exact value of " + b + "^" + exponent_text(p) + " would take more than " +
                     thousands(max_number_length) + " characters; evaluate in double or float50");
            }
        }
        if (denominator(p) == 1) return integer_power(base, p);
        bool negative = value_of(base) < 0;
        if (negative && denominator(p) % 2 == 0) {
            fail(expression_text(base_expr) + " is " + value_text(base) + " at the point: its power " + exponent_text(p) +
                 " is not a real number");
        }
        if constexpr (std::is_same_v<V, Rational>) {
            if (auto exact = exact_rational_power(base, p)) return *exact;
            fail(expression_text(base_expr) + "^(" + exponent_text(p) + ") at " + value_text(base) +
                 " is irrational: evaluate in double or float50");
        } else if constexpr (is_exact_number<V>::value) {
            fail("the exact derivative of a non-integer power is not attempted; evaluate in double or float50");
        } else {
            // |b|^p with the sign of an odd root: (−8)^{1/3} = −2
            using T = std::remove_cvref_t<decltype(value_of(base))>;
            using std::pow;
            V magnitude = negative ? V(0) - base : base;
            V result = zero ? V(0) : pow(magnitude, scalar_cast<T>(p));
            return negative && numerator(p) % 2 != 0 ? V(0) - result : result;
        }
    }

    static V integer_power(const V& base, const Rational& p) {
        Integer n = numerator(p);
        bool invert = n < 0;
        if (invert) n = -n;
        V result = from_rational<V>(1), square = base;
        for (; n > 0; n >>= 1) {
            if (boost::multiprecision::bit_test(n, 0)) result = result * square;
            if (n > 1) square = square * square;
        }
        return invert ? from_rational<V>(1) / result : result;
    }

    // max(u, v); at a tie, in dual numbers, the convention's derivative c·(u′ + v′)
    V maximum(const V& u, const V& v) const {
        if (sides_) sides_->push_back(value_of(u) > value_of(v) ? 1 : value_of(u) < value_of(v) ? -1 : 0);
        if constexpr (Scalar<V>) {
            return u >= v ? u : v;
        } else {
            using calculus::max;
            return max(u, v, from_rational<decltype(V::value)>(relu_at_zero_));
        }
    }

    // Which side of 0 an argument of |z|, sgn z or ReLU′(z) lies on (see branches below).
    void record_side(const V& u) const {
        if (sides_) sides_->push_back(value_of(u) > 0 ? 1 : value_of(u) < 0 ? -1 : 0);
    }

    // ReLU′(z): at z = 0 the node's convention c; a step, so its own derivative is 0
    V step(const Expr& e, const V& u) const {
        record_side(u);
        const auto& z = value_of(u);
        return from_rational<V>(z > 0 ? Rational(1) : z < 0 ? Rational(0) : e.value());
    }

    // sgn(z), whose derivative is 0 (away from 0, and by |z|′'s convention at 0)
    V sign(const V& u) const {
        record_side(u);
        const auto& z = value_of(u);
        return from_rational<V>(z > 0 ? 1 : z < 0 ? -1 : 0);
    }

    V function(const Expr& e) const {
        V u = (*this)(e.arg(0));
        switch (e.fn()) {
            case Fn::relu: return maximum(u, from_rational<V>(0));  // ReLU(u) = max(u, 0)
            case Fn::relu_step: return step(e, u);
            case Fn::sign: return sign(u);
            case Fn::max: return maximum(u, (*this)(e.arg(1)));
            case Fn::abs:  // exact for every scalar; in dual numbers |u|′ = sgn(u)·u′, 0 at u = 0
                record_side(u);
                if (value_of(u) == 0) return from_rational<V>(0);
                return value_of(u) < 0 ? V(from_rational<V>(0) - u) : u;
            case Fn::ln:
                if (!(value_of(u) > 0)) {
                    fail("ln of a non-positive number: " + expression_text(e.arg(0)) + " is " + value_text(u) +
                         " at the point");
                }
                break;
            default: break;
        }
        if constexpr (is_exact_number<V>::value) {
            return exact_function(e, u);
        } else {
            using std::cos;
            using std::cosh;
            using std::exp;
            using std::log;
            using std::sin;
            using std::sinh;
            using std::tan;
            using std::tanh;
            switch (e.fn()) {
                case Fn::exp: return exp(u);
                case Fn::ln: return log(u);
                case Fn::sin: return sin(u);
                case Fn::cos: return cos(u);
                case Fn::tan: return tan(u);
                case Fn::sinh: return sinh(u);
                case Fn::cosh: return cosh(u);
                case Fn::tanh: return tanh(u);
                case Fn::sigmoid: return from_rational<V>(1) / (from_rational<V>(1) + exp(V(0) - u));
                default: break;
            }
            return u;
        }
    }

    // exp, ln, sin, cos, tan, sinh, cosh, tanh and σ are rational only at these points.
    static V exact_function(const Expr& e, const V& u) {
        const auto& z = value_of(u);
        if constexpr (std::is_same_v<V, Rational>) {
            switch (e.fn()) {
                case Fn::exp: if (z == 0) return Rational(1); break;
                case Fn::ln: if (z == 1) return Rational(0); break;
                case Fn::sin: case Fn::tan: case Fn::sinh: case Fn::tanh: if (z == 0) return Rational(0); break;
                case Fn::cos: case Fn::cosh: if (z == 0) return Rational(1); break;
                case Fn::sigmoid: if (z == 0) return Rational(1, 2); break;
                default: break;
            }
        }
        fail(std::string(function_name(e.fn())) + "(" + shown(scalar_text(z)) + ") has no exact rational value" +
             " (in " + expression_text(e) + "): evaluate in double or float50");
    }

    const Values<V>& point_;
    Rational relu_at_zero_;
    std::vector<int>* sides_;
    Overflow* overflow_;
};

// f at the point. Every variable of f needs a value; values of other names are ignored here
// (check_point, in calculus/parse.hpp, rejects them where a command's variables are known).
template <Scalar T>
T evaluate(const Expr& f, const Point<T>& point) {
    return Evaluator<T>(point)(f);
}

// "x = 1, y = 2"
template <Scalar T>
std::string point_text(const Point<T>& point) {
    std::string at;
    for (const auto& [name, value] : point) at += (at.empty() ? "" : ", ") + name + " = " + scalar_text(value);
    return at;
}

// The advice after a value a floating scalar cannot hold: double's range is the narrow one.
template <Scalar T>
std::string range_advice() {
    return std::is_same_v<T, double> ? "; evaluate in float50, whose range is far wider" : "";
}

// A number beyond a scalar's range as a message writes it: 1e+400, 3.77849e+3908.
inline std::string huge_or_tiny_text(const Rational& q) { return decimal_text(q, 6); }

// The first number of f that the scalar cannot hold, if any: one beyond its range, or one so close
// to 0 that it rounds to 0. A constant exponent is not converted (x^(10^400) is worked out with the
// exponent exact, by squaring), so it may be any size.
template <Scalar T>
std::optional<Rational> constant_out_of_range(const Expr& f) {
    if constexpr (ScalarTraits<T>::exact) {
        return std::nullopt;
    } else {
        if (f.is_constant()) {
            if (out_of_range<T>(f.value()).empty()) return std::nullopt;
            return f.value();
        }
        for (std::size_t k = 0; k < f.args().size(); ++k) {
            if (f.op() == Op::power && k == 1 && f.arg(1).is_constant()) continue;
            if (auto q = constant_out_of_range<T>(f.arg(k))) return q;
        }
        return std::nullopt;
    }
}

// An input whose numbers the scalar must hold to evaluate it: f (named `name` in the message) with
// a number it cannot hold is an InputError naming the number, as a point's coordinate would be.
template <Scalar T>
void require_numbers_in_range(const Expr& f, std::string_view name) {
    const std::optional<Rational> q = constant_out_of_range<T>(f);
    if (!q) return;
    throw InputError(std::string(name) + " holds the number " + huge_or_tiny_text(*q) + ", " + out_of_range<T>(*q) +
                     range_advice<T>());
}

// f's value at the point, which must be a number: in floating point a value that overflows (±inf)
// or has none after an overflow (NaN: inf − inf, 0 · inf) is a RangeError that names the quantity
// (`name`: "∂f/∂x") and the sub-expression where the overflow began. Exact values are returned as
// evaluate() gives them.
template <Scalar T>
T evaluate_finite(const Expr& f, const Point<T>& point, std::string_view name) {
    T v = Evaluator<T>(point)(f);
    if (is_finite(v)) return v;
    Overflow overflow;
    Evaluator<T>(point, 0, nullptr, &overflow)(f);
    const std::string scalar(ScalarTraits<T>::name);
    const bool undefined = !(v == v);
    std::string message = std::string(name) + " is " + (undefined ? "undefined (NaN)" : scalar_text(v)) + " in " +
                          scalar + " at " + shown(point_text(point));
    if (overflow.where) {
        const Expr& start = *overflow.where;
        if (start.is_constant()) {
            message += ": the number " + huge_or_tiny_text(start.value()) + " is beyond its range";
        } else {
            const T there = Evaluator<T>(point)(start);
            message += ": " + shown(to_text(start)) + " is " + (there == there ? scalar_text(there) : "NaN") +
                       " there, beyond its range";
        }
        message += " (the largest " + scalar + " is about " +
                   (std::is_same_v<T, double> ? largest_double_text() : largest_float50_text()) + ")";
        if (undefined && start != f) message += ", and what follows from it has no value";
    }
    throw RangeError(message + range_advice<T>());
}

// f and ∂f/∂var at the point by forward mode: the point with var ↦ var + ε. A kink is
// differentiated by the convention relu_at_zero = ReLU′(0), as DiffOptions says for the rules.
template <Scalar T>
Dual<T> evaluate_dual(const Expr& f, const Point<T>& point, std::string_view var, const Rational& relu_at_zero = 0) {
    Values<Dual<T>> dual_point;
    for (const auto& [name, value] : point) dual_point.emplace(name, Dual<T>(value, name == var ? T(1) : T(0)));
    return Evaluator<Dual<T>>(dual_point, relu_at_zero)(f);
}

// The side each max and ReLU of f takes at the point, in the order they are evaluated: 1 the
// first argument (ReLU(u): u), −1 the second (0), 0 a tie: a kink, where the derivative is the
// convention's; and the sign of the argument of each |u|, sgn u and ReLU′(u) (0: a kink or a jump). Two points with the same branches lie on one smooth piece of f.
template <Scalar T>
std::vector<int> branches(const Expr& f, const Point<T>& point) {
    std::vector<int> sides;
    Evaluator<T>(point, 0, &sides)(f);
    return sides;
}

#define SHOWWORK_EVALUATE_INSTANCES(EXTERN, T)                                                          \
    EXTERN template T evaluate(const Expr&, const Point<T>&);                                           \
    EXTERN template T evaluate_finite(const Expr&, const Point<T>&, std::string_view);                 \
    EXTERN template Dual<T> evaluate_dual(const Expr&, const Point<T>&, std::string_view, const Rational&); \
    EXTERN template std::vector<int> branches(const Expr&, const Point<T>&);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_EVALUATE_INSTANCES)

}  // namespace showwork::calculus
