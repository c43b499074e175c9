#include "showwork/calculus/evaluate.hpp"

namespace showwork::calculus {

// Binary search for r with rᵏ = n; about log₂(n)/k halvings.
std::optional<Integer> exact_integer_root(const Integer& n, unsigned k) {
    if (n < 0 || k == 0) return std::nullopt;
    if (n < 2 || k == 1) return n;
    Integer low = 1, high = Integer(1) << (boost::multiprecision::msb(n) / k + 1);
    while (low <= high) {
        Integer mid = (low + high) >> 1;
        Integer p = boost::multiprecision::pow(mid, k);
        if (p == n) return mid;
        if (p < n) low = mid + 1;
        else high = mid - 1;
    }
    return std::nullopt;
}

// a^{p/q} = (ᵠ√a)^p, rational only when numerator and denominator of |a| are perfect q-th powers.
std::optional<Rational> exact_rational_power(const Rational& a, const Rational& exponent) {
    Integer q = denominator(exponent);
    if (q > 64) return std::nullopt;  // roots this deep of a non-trivial rational are never exact here
    unsigned k = q.convert_to<unsigned>();
    bool negative = a < 0;
    if (negative && k % 2 == 0) return std::nullopt;
    Rational magnitude = negative ? Rational(-a) : a;
    auto top = exact_integer_root(numerator(magnitude), k);
    auto bottom = exact_integer_root(denominator(magnitude), k);
    if (!top || !bottom) return std::nullopt;
    Rational root = Rational(*top) / Rational(*bottom);
    if (negative) root = -root;
    Integer p = numerator(exponent);
    if (abs(p) > 4096) return std::nullopt;
    Rational result = 1;
    for (Integer i = 0; i < abs(p); ++i) result *= root;
    return p < 0 ? Rational(1) / result : result;
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_EVALUATE_INSTANCES)

}  // namespace showwork::calculus
