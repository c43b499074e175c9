#include "showwork/matrix/decimal.hpp"

#include <boost/multiprecision/integer.hpp>

#include <cstdlib>

#include "showwork/error.hpp"

namespace showwork {

Integer power_of_ten(int k) {
    return boost::multiprecision::pow(Integer(10), static_cast<unsigned>(k));
}

namespace {

// q · 10^k, exactly.
Rational scaled(const Rational& q, int k) {
    return k >= 0 ? q * Rational(power_of_ten(k)) : q / Rational(power_of_ten(-k));
}

// The decimal exponent of the leading digit of q > 0, within one: from the digit counts.
int exponent_estimate(const Rational& q) {
    auto digits = [](const Integer& n) { return static_cast<int>(n.str().size()); };
    return digits(numerator(q)) - digits(denominator(q));
}

// floor(v) and whether v − floor(v) is below, at or above one half, for v = f(k) ≥ 0.
struct Floor {
    Integer value;
    int half;  // −1, 0, +1
};

// The digits N (10^(d−1) ≤ N < 10^d) and scale k with N·10^−k the correctly rounded value:
// `at(k)` gives floor and half of value·10^k.
template <class At>
std::string rounded_text(int digits, int k, At at) {
    const Integer low = power_of_ten(digits - 1), high = low * 10;
    Floor f = at(k);
    for (int guard = 0; guard < 8 && (f.value < low || f.value >= high); ++guard) {
        k += f.value < low ? 1 : -1;
        f = at(k);
    }
    Integer n = f.value;
    if (f.half > 0 || (f.half == 0 && n % 2 == 1)) ++n;
    if (n == high) {  // 9.99… rounded up to 10.0…
        n = low;
        --k;
    }
    std::string s = n.str();
    const int exponent = digits - 1 - k;  // of the leading digit
    while (s.size() > 1 && s.back() == '0') s.pop_back();
    if (exponent < -6 || exponent >= 21) {
        std::string mantissa = s.size() > 1 ? s.substr(0, 1) + "." + s.substr(1) : s;
        return mantissa + "e" + (exponent < 0 ? "-" : "") + std::to_string(std::abs(exponent));
    }
    if (exponent < 0) return "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + s;
    if (static_cast<int>(s.size()) <= exponent + 1) return s + std::string(exponent + 1 - s.size(), '0');
    return s.substr(0, exponent + 1) + "." + s.substr(exponent + 1);
}

void require_digits(int digits) {
    if (digits < 1 || digits > max_decimal_digits) {
        throw InputError("the number of significant digits must be from 1 to " + std::to_string(max_decimal_digits) +
                         ", not " + std::to_string(digits));
    }
}

}  // namespace

std::string decimal_text(const Rational& q, int digits) {
    require_digits(digits);
    if (q == 0) return "0";
    const Rational a = abs(q);
    std::string text = rounded_text(digits, digits - 1 - exponent_estimate(a), [&](int k) {
        Rational v = scaled(a, k);
        Integer n = numerator(v) / denominator(v);
        Rational rest = v - Rational(n);
        return Floor{n, rest < Rational(1, 2) ? -1 : rest == Rational(1, 2) ? 0 : 1};
    });
    return q < 0 ? "-" + text : text;
}

std::string sqrt_text(const Rational& q, int digits) {
    require_digits(digits);
    if (q < 0) throw DomainError("the square root of a negative number, " + shown(rational_text(q)));
    if (q == 0) return "0";
    // √(q·10^(2k)) = √q · 10^k: its floor is the integer square root of the floor of q·10^(2k),
    // and it is above r + 1/2 exactly when q·10^(2k) > (r + 1/2)² = r² + r + 1/4.
    return rounded_text(digits, digits - 1 - exponent_estimate(q) / 2, [&](int k) {
        Rational v = scaled(q, 2 * k);
        Integer r = boost::multiprecision::sqrt(Integer(numerator(v) / denominator(v)));
        Rational middle = Rational(r * r + r) + Rational(1, 4);
        return Floor{r, v < middle ? -1 : v == middle ? 0 : 1};
    });
}

}  // namespace showwork
