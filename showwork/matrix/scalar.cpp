#include "showwork/matrix/scalar.hpp"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <new>

#include "showwork/error.hpp"
#include "showwork/matrix/decimal.hpp"
#include "showwork/trace/number.hpp"

namespace showwork {

namespace {

[[noreturn]] void bad_number(std::string_view token, std::string_view why) {
    throw ParseError(fmt::format("{}: {}", quoted_token(token), why), 0, 0, std::string(token));
}

// One decimal number: sign? (digits ('.' digits?)? | '.' digits) ([eE] sign? digits)?
// Its exact value is mantissa · 10^exponent.
Rational parse_decimal(std::string_view part, std::string_view token, bool allow_sign) {
    std::size_t i = 0;
    bool negative = false;
    if (allow_sign && i < part.size() && (part[i] == '+' || part[i] == '-')) {
        negative = part[i] == '-';
        ++i;
    }
    std::string digits;
    int exponent = 0;
    bool seen_digit = false;
    while (i < part.size() && std::isdigit(static_cast<unsigned char>(part[i]))) {
        digits += part[i++];
        seen_digit = true;
    }
    if (i < part.size() && part[i] == '.') {
        ++i;
        while (i < part.size() && std::isdigit(static_cast<unsigned char>(part[i]))) {
            digits += part[i++];
            --exponent;
            seen_digit = true;
        }
    }
    if (!seen_digit) bad_number(token, "not a number");
    if (i < part.size() && (part[i] == 'e' || part[i] == 'E')) {
        ++i;
        bool negative_exponent = false;
        if (i < part.size() && (part[i] == '+' || part[i] == '-')) {
            negative_exponent = part[i] == '-';
            ++i;
        }
        std::size_t start = i;
        long written = 0;
        while (i < part.size() && std::isdigit(static_cast<unsigned char>(part[i]))) {
            written = std::min<long>(written * 10 + (part[i++] - '0'), 1'000'000);
        }
        if (i == start) bad_number(token, "exponent has no digits");
        if (written > max_decimal_exponent) {
            bad_number(token, fmt::format("exponent beyond ±{}", max_decimal_exponent));
        }
        exponent += static_cast<int>(negative_exponent ? -written : written);
    }
    if (i != part.size()) bad_number(token, "not a number");
    // Leading zeros dropped: Boost reads "012" as octal.
    std::size_t first = digits.find_first_not_of('0');
    Integer mantissa(first == std::string::npos ? std::string("0") : digits.substr(first));
    if (negative) mantissa = -mantissa;
    if (exponent >= 0) return Rational(mantissa * power_of_ten(exponent));
    return Rational(mantissa, power_of_ten(-exponent));
}

// Rounds |q| > 0 to `precision` significant bits, to nearest with ties to even:
// |q| ≈ mantissa · 2^exponent with 2^(precision-1) <= mantissa <= 2^precision.
void round_to_bits(const Rational& q, long precision, Integer& mantissa, long& exponent) {
    Integer p = abs(numerator(q));
    Integer d = denominator(q);
    long e = static_cast<long>(msb(p)) - static_cast<long>(msb(d));  // p/d in [2^(e-1), 2^(e+1))
    long shift = precision + 1 - e;  // p·2^shift/d has precision+1 or precision+2 bits
    if (shift > 0) p <<= static_cast<unsigned>(shift);
    else d <<= static_cast<unsigned>(-shift);
    Integer quotient, remainder;
    divide_qr(p, d, quotient, remainder);
    long extra = static_cast<long>(msb(quotient)) + 1 - precision;  // 1 or 2 guard bits
    Integer half = Integer(1) << static_cast<unsigned>(extra - 1);
    Integer dropped = quotient & ((Integer(1) << static_cast<unsigned>(extra)) - 1);
    quotient >>= static_cast<unsigned>(extra);
    bool round_up = dropped > half || (dropped == half && (remainder != 0 || bit_test(quotient, 0)));
    if (round_up) ++quotient;
    mantissa = quotient;
    exponent = extra - shift;
}

// The number of decimal digits of n ≠ 0 is at most ⌊log₁₀ 2 · msb(n)⌋ + 1: cheap, and exact enough
// to spare the exact count for every value that is not near the limit.
std::size_t digits_at_most(const Integer& n) {
    if (n == 0) return 1;
    return static_cast<std::size_t>(static_cast<double>(msb(abs(n))) * 0.30103) + 2;
}

// The value as the program writes it, "-p/q", is held to the same limit as the token, so that
// every number it prints from its input reads back: "1e-4000/1e97" is short, 10⁻⁴⁰⁹⁷ is not.
Rational within_length(Rational value, std::string_view token) {
    if (digits_at_most(numerator(value)) + digits_at_most(denominator(value)) + 2 <= max_number_length) return value;
    std::size_t length = value.str().size();
    if (length > max_number_length) {
        bad_number(token, fmt::format("its exact value takes {} characters written out, longer than the limit of {}",
                                      length, max_number_length));
    }
    return value;
}

Rational parse_fraction(std::string_view token) {
    std::size_t slash = token.find('/');
    if (slash == std::string_view::npos) return parse_decimal(token, token, true);
    std::string_view top = token.substr(0, slash), bottom = token.substr(slash + 1);
    if (top.empty()) bad_number(token, "fraction has no numerator");
    if (bottom.empty()) bad_number(token, "fraction has no denominator");
    if (bottom.find('/') != std::string_view::npos) bad_number(token, "more than one '/'");
    Rational numerator_value = parse_decimal(top, token, true);
    Rational denominator_value = parse_decimal(bottom, token, false);
    if (denominator_value == 0) bad_number(token, "zero denominator");
    return numerator_value / denominator_value;
}

// log₁₀ n for n > 0: from a double when it has one, else from the highest bit (a little high).
double log10_of(const Integer& n) {
    std::size_t bits = msb(n);
    if (bits < 1000) return std::log10(n.convert_to<double>());
    return static_cast<double>(bits + 1) * 0.30103;
}

}  // namespace

bool power_within_length(const Rational& base, const Integer& n) {
    if (base == 0 || n == 0) return true;
    Integer p = abs(numerator(base)), q = denominator(base);
    if (p == 1 && q == 1) return true;
    // |n| · (log₁₀ p + log₁₀ q), plus the digits' rounding, the sign and the slash
    double digits = abs(n).convert_to<double>() * (log10_of(p) + log10_of(q)) + 4;
    return digits <= static_cast<double>(max_number_length);
}

Rational parse_rational(std::string_view token) {
    if (token.empty()) bad_number(token, "empty number");
    if (token.size() > max_number_length) {
        throw ParseError(fmt::format("number of {} characters is longer than the limit of {}",
                                     token.size(), max_number_length));
    }
    return within_length(parse_fraction(token), token);
}

double rational_to_double(const Rational& q) {
    if (q == 0) return 0.0;
    Integer mantissa;
    long exponent = 0;
    // Values below 2^-1022 are subnormal: ldexp rounds them a second time (documented limit).
    round_to_bits(q, std::numeric_limits<double>::digits, mantissa, exponent);
    double m = mantissa.convert_to<double>();  // exact: at most 2^53
    if (exponent > 4000) exponent = 4000;      // overflows to infinity either way
    if (exponent < -4000) exponent = -4000;
    double value = std::ldexp(m, static_cast<int>(exponent));
    return q < 0 ? -value : value;
}

Float50 rational_to_float50(const Rational& q) {
    if (q == 0) return Float50(0);
    Integer mantissa;
    long exponent = 0;
    round_to_bits(q, std::numeric_limits<Float50>::digits, mantissa, exponent);
    Float50 value = ldexp(Float50(mantissa), static_cast<int>(exponent));
    return q < 0 ? Float50(-value) : value;
}

Rational double_to_rational(double x) {
    if (!std::isfinite(x)) throw DomainError(fmt::format("{} has no exact rational value", x));
    int exponent = 0;
    double fraction = std::frexp(x, &exponent);  // x = fraction · 2^exponent, |fraction| in [0.5, 1)
    auto mantissa = static_cast<long long>(std::ldexp(fraction, 53));
    exponent -= 53;
    Integer m(mantissa);
    if (exponent >= 0) return Rational(m << exponent);
    return Rational(m, Integer(1) << static_cast<unsigned>(-exponent));
}

Rational float50_to_rational(const Float50& x) {
    if (!isfinite(x)) throw DomainError("a non-finite Float50 has no exact rational value");
    if (x == 0) return 0;
    int exponent = 0;
    Float50 fraction = frexp(x, &exponent);
    constexpr int digits = std::numeric_limits<Float50>::digits;
    Float50 scaled = ldexp(fraction, digits);  // an integer, exactly
    std::string integral = scaled.str(0, std::ios_base::fixed);
    Integer m(integral.substr(0, integral.find('.')));
    exponent -= digits;
    if (exponent >= 0) return Rational(m << exponent);
    return Rational(m, Integer(1) << static_cast<unsigned>(-exponent));
}

// Out of range both ways is an error: beyond the largest double, and so close to 0 that the
// nearest double is 0 (below half the smallest subnormal, 4.9406564584124654e-324). A subnormal
// is a double like any other: every double's shortest text, "5e-324" too, reads back.
double ScalarTraits<double>::parse(std::string_view token) {
    Rational exact = parse_rational(token);
    double value = rational_to_double(exact);
    if (std::isinf(value)) bad_number(token, "out of range for double");
    if (value == 0 && exact != 0) {
        bad_number(token, fmt::format("out of range for double: closer to 0 than the smallest double, {}",
                                      std::numeric_limits<double>::denorm_min()));
    }
    return value;
}

std::string rational_text(const Rational& q) { return q.str(); }

std::string largest_double_text() { return fmt::format("{:.2g}", std::numeric_limits<double>::max()); }

std::string largest_float50_text() {
    return std::numeric_limits<Float50>::max().str(2, std::ios_base::scientific);
}

std::string double_text(double x) { return fmt::format("{}", x); }

std::string float50_text(const Float50& x) {
    return x.str(std::numeric_limits<Float50>::digits10, std::ios_base::fmtflags(0));
}

std::string number_latex(std::string_view text) { return trace::latex_number(text); }

// GMP's own allocator aborts the process when memory runs out; these throw std::bad_alloc instead,
// which unwinds through GMP's C frames (built with unwind tables) to the caller's handler.
#if SHOWWORK_USE_GMP
namespace {
void* gmp_allocate(std::size_t size) {
    if (void* p = std::malloc(size)) return p;
    throw std::bad_alloc();
}
void* gmp_reallocate(void* old, std::size_t, std::size_t size) {
    if (void* p = std::realloc(old, size)) return p;
    throw std::bad_alloc();
}
void gmp_free(void* p, std::size_t) { std::free(p); }
}  // namespace
#endif

void throw_bad_alloc_from_gmp() {
#if SHOWWORK_USE_GMP
    mp_set_memory_functions(gmp_allocate, gmp_reallocate, gmp_free);
#endif
}

}  // namespace showwork
