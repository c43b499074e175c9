// The three scalars and the single traits point every algorithm consults.
//
//   Rational — exact: "0.1" is exactly 1/10, "1/3" is a fraction; never rounds.
//   double   — IEEE binary64, the default for data and networks.
//   Float50  — 50 decimal digits, for "what would more precision change".
//
// ScalarTraits<T> says, per scalar: is it exact, how to test for zero, how to parse it, and how
// to write it as text and as LaTeX. Conversions between scalars are explicit (scalar_cast).
#pragma once

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <string>
#include <string_view>

#include "showwork/showwork_config.hpp"

#if SHOWWORK_USE_GMP
#include <boost/multiprecision/gmp.hpp>
#else
#include <boost/multiprecision/cpp_int.hpp>
#endif

namespace showwork {

#if SHOWWORK_USE_GMP
using Rational = boost::multiprecision::mpq_rational;
using Integer = boost::multiprecision::mpz_int;
#else
using Rational = boost::multiprecision::cpp_rational;
using Integer = boost::multiprecision::cpp_int;
#endif
using Float50 = boost::multiprecision::cpp_bin_float_50;

// Limits that keep parsing from hanging on hostile input: an exact "1e999999999" would need a
// billion digits. Decimal exponents beyond this are a parse error for every scalar.
inline constexpr int max_decimal_exponent = 4000;
inline constexpr std::size_t max_number_length = 4096;

// Whether bⁿ (n an integer) written out as "p/q" takes at most max_number_length characters,
// judged from the logarithms (a power within a digit or so of the limit may be judged too long).
// Beyond it a power is not worked out: (9^4096)^4096 would have sixteen million digits.
bool power_within_length(const Rational& base, const Integer& n);

// The exact value of a number as written: integers, decimals with an optional exponent, and
// fractions of those ("-3/4", "2.5e-3", "1e3", "+7", "0.5/3"). Throws ParseError naming the token.
Rational parse_rational(std::string_view token);

// Correct rounding to nearest (ties to even) from an exact rational.
double rational_to_double(const Rational& q);
Float50 rational_to_float50(const Rational& q);
// The exact binary value of a finite floating number; throws DomainError for inf and NaN.
Rational double_to_rational(double x);
Rational float50_to_rational(const Float50& x);

// How every number is written in text and traces: "p/q" or "p" in lowest terms; a double in
// shortest round-trip form; a Float50 with its significant digits.
std::string rational_text(const Rational& q);
std::string double_text(double x);
std::string float50_text(const Float50& x);

// LaTeX form of a number's text form: "-3/4" -> "-\frac{3}{4}", "1e-05" -> "10^{-5}".
// One implementation: it calls trace::latex_number (trace/number.hpp).
std::string number_latex(std::string_view text);

template <class T>
struct ScalarTraits;

template <>
struct ScalarTraits<Rational> {
    static constexpr bool exact = true;
    static constexpr std::string_view name = "exact";
    static bool is_zero(const Rational& x, const Rational& /*tolerance*/ = 0) { return x == 0; }
    static Rational epsilon() { return 0; }
    static Rational parse(std::string_view token) { return parse_rational(token); }
    static std::string text(const Rational& x) { return rational_text(x); }
};

template <>
struct ScalarTraits<double> {
    static constexpr bool exact = false;
    static constexpr std::string_view name = "double";
    static bool is_zero(double x, double tolerance) { return x <= tolerance && -x <= tolerance; }
    static double epsilon() { return 0x1p-52; }
    static double parse(std::string_view token);  // nearest double to the exact value
    static std::string text(double x) { return double_text(x); }
};

template <>
struct ScalarTraits<Float50> {
    static constexpr bool exact = false;
    static constexpr std::string_view name = "float50";
    static bool is_zero(const Float50& x, const Float50& tolerance) { return abs(x) <= tolerance; }
    static Float50 epsilon() { return std::numeric_limits<Float50>::epsilon(); }
    static Float50 parse(std::string_view token) { return rational_to_float50(parse_rational(token)); }
    static std::string text(const Float50& x) { return float50_text(x); }
};

template <class T>
concept Scalar = requires { ScalarTraits<T>::exact; };

template <Scalar T>
std::string scalar_text(const T& x) { return ScalarTraits<T>::text(x); }

template <Scalar T>
std::string scalar_latex(const T& x) { return number_latex(ScalarTraits<T>::text(x)); }

template <Scalar T>
T parse_scalar(std::string_view token) { return ScalarTraits<T>::parse(token); }

// Whether x is a number: false for ±inf and NaN, which floating arithmetic reaches by overflow
// (1e200 · 1e200) and by what follows it (inf − inf, 0 · inf); always true for an exact scalar.
template <Scalar T>
bool is_finite(const T& x) {
    if constexpr (ScalarTraits<T>::exact) return true;
    else return x - x == 0;
}

// Explicit conversion between scalars: to floating rounds to nearest; to Rational is exact.
template <Scalar To, Scalar From>
To scalar_cast(const From& x) {
    if constexpr (std::is_same_v<To, From>) {
        return x;
    } else if constexpr (std::is_same_v<From, Rational>) {
        if constexpr (std::is_same_v<To, double>) return rational_to_double(x);
        else return rational_to_float50(x);
    } else if constexpr (std::is_same_v<To, Rational>) {
        if constexpr (std::is_same_v<From, double>) return double_to_rational(x);
        else return float50_to_rational(x);
    } else {
        // double <-> Float50 through the exact value: exact one way, correctly rounded the other.
        return scalar_cast<To>(scalar_cast<Rational>(x));
    }
}

// The largest number of a floating scalar, to two digits: "1.8e+308" for double,
// "1.3e+646456892" for Float50.
std::string largest_double_text();
std::string largest_float50_text();

// Why the floating scalar T cannot hold the exact value q — "beyond the range of double (its
// largest is about 1.8e+308)", "so close to 0 that double rounds it to 0" — or empty when it can
// (always for an exact scalar).
template <Scalar T>
std::string out_of_range(const Rational& q) {
    if constexpr (ScalarTraits<T>::exact) {
        return {};
    } else {
        const T x = scalar_cast<T>(q);
        if (is_finite(x) && (x != 0 || q == 0)) return {};
        const std::string name(ScalarTraits<T>::name);
        if (x == 0) return "so close to 0 that " + name + " rounds it to 0";
        const std::string largest = std::is_same_v<T, double> ? largest_double_text() : largest_float50_text();
        return "beyond the range of " + name + " (its largest is about " + largest + ")";
    }
}

// Makes an allocation that fails inside GMP throw std::bad_alloc (GMP's default is to abort), so
// that a program can report "out of memory" and exit cleanly. Call once at start-up; a no-op
// without GMP (Boost's cpp_rational allocates through operator new, which throws already).
void throw_bad_alloc_from_gmp();

}  // namespace showwork
