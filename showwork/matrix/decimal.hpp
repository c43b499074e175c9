// Exact values written as decimals of a chosen number of significant digits, correctly rounded
// (to nearest, ties to even) — and square roots of exact values the same way, never through
// double: √q is rounded from the integer square root of q·10^(2k).
//
//   decimal_text(Rational(2, 3), 5)  -> "0.66667"
//   sqrt_text(Rational(2), 20)       -> "1.4142135623730950488"
//   sqrt_text(Rational(4), 20)       -> "2"            (trailing zeros are not written)
//
// Numbers whose first digit is 10^21 or more, or below 10^-6, are written with an exponent:
// "1.2346e-07". Every text reads back with parse_rational.
#pragma once

#include <string>

#include "showwork/matrix/scalar.hpp"

namespace showwork {

// The most significant digits a decimal may ask for.
inline constexpr int max_decimal_digits = 1000;

// 10^k for k ≥ 0, exactly (the scale of a decimal, read or written).
Integer power_of_ten(int k);

// q to `digits` significant digits (1 … max_decimal_digits); 0 is "0".
std::string decimal_text(const Rational& q, int digits);
// √q to `digits` significant digits; throws DomainError for q < 0.
std::string sqrt_text(const Rational& q, int digits);

}  // namespace showwork
