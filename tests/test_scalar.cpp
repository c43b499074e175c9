// Scalars: exact parsing, correct rounding, text and LaTeX forms, explicit conversions.
#include <sys/resource.h>

#include <cmath>
#include <new>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "support.hpp"
#include "showwork/error.hpp"
#include "showwork/matrix/scalar.hpp"

namespace test_scalar {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;

TEST_CASE("parsing into Rational is exact") {
    CHECK(parse_rational("0.1") == Rational(1, 10));
    CHECK(parse_rational("-3/4") == Rational(-3, 4));
    CHECK(parse_rational("2.5e-3") == Rational(1, 400));
    CHECK(parse_rational("1e3") == Rational(1000));
    CHECK(parse_rational("+7") == Rational(7));
    CHECK(parse_rational("6/4") == Rational(3, 2));
    CHECK(parse_rational(".5") == Rational(1, 2));
    CHECK(parse_rational("5.") == Rational(5));
    CHECK(parse_rational("0.5/3") == Rational(1, 6));
    CHECK(parse_rational("1E+2") == Rational(100));
    CHECK(parse_rational("-0") == Rational(0));
    CHECK(parse_rational("123456789012345678901234567890") ==
          Rational(Integer("123456789012345678901234567890")));
}

TEST_CASE("malformed numbers name the token and what is wrong") {
    auto message = [](std::string_view token) {
        try {
            (void)parse_rational(token);
        } catch (const ParseError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message("1/0") == "'1/0': zero denominator");
    CHECK(message("abc") == "'abc': not a number");
    CHECK(message("1.2.3") == "'1.2.3': not a number");
    CHECK(message("1e") == "'1e': exponent has no digits");
    CHECK(message("/3") == "'/3': fraction has no numerator");
    CHECK(message("3/") == "'3/': fraction has no denominator");
    CHECK(message("1/2/3") == "'1/2/3': more than one '/'");
    CHECK(message("3/-4") == "'3/-4': not a number");
    CHECK(message("1e999999999") == "'1e999999999': exponent beyond ±4000");
    CHECK(message("") == "'': empty number");
    CHECK(message("--1") == "'--1': not a number");
    CHECK(message(std::string(5000, '1')).find("longer than the limit") != std::string::npos);
}

TEST_CASE("a long token is shown cut, with its length, so that the message stays one line") {
    std::string long_name(4158, 'a');
    CHECK(quoted_token("x^2") == "'x^2'");
    CHECK(quoted_token(std::string(40, 'b')) == "'" + std::string(40, 'b') + "'");
    CHECK(quoted_token(long_name) == "'" + std::string(40, 'a') + "…' (4,158 characters)");
    CHECK(quoted_token("σσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσ") ==
          "'σσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσσ…' (41 characters)");  // whole UTF-8 characters
    std::string token = "1" + std::string(1000, 'a');
    try {
        (void)parse_rational(token);
        FAIL("expected a ParseError");
    } catch (const ParseError& e) {
        CHECK(std::string(e.what()) == "'1" + std::string(39, 'a') + "…' (1,001 characters): not a number");
        CHECK(e.token() == token);  // the data keeps it whole
    }
}

TEST_CASE("a token's control characters and bidirectional controls are escaped, never written as they are") {
    CHECK(escaped("R2 -> R2\x01") == "R2 -> R2\\x01");
    CHECK(escaped("\x1b[31mred") == "\\x1b[31mred");
    CHECK(escaped("abc\u202Edef") == "abc\\u202edef");  // right-to-left override
    CHECK(escaped("\u2066x\u2069 \u200E\u200F\u061C\u2028") == "\\u2066x\\u2069 \\u200e\\u200f\\u061c\\u2028");
    CHECK(escaped("tab\tnew\nline\x7f") == "tab\\x09new\\x0aline\\x7f");
    CHECK(escaped("\xc2\x85") == "\\u0085");                  // a C1 control, NEL
    CHECK(escaped("bad \xff\xc3") == "bad \\xff\\xc3");     // bytes that are no UTF-8
    CHECK(escaped("\xe2\x80") == "\\xe2\\x80");              // a character cut short
    CHECK(escaped("σ(x) − 2·y, x₁ ≤ 3, é") == "σ(x) − 2·y, x₁ ≤ 3, é");  // the rest as it is
    CHECK(quoted_token("x\x01") == "'x\\x01'");
    CHECK(quoted_token("\u202E") == "'\\u202e'");
    CHECK(first_unsafe("y\x1b[31m") == 1);
    CHECK(first_unsafe("σ₁ é") == std::string_view::npos);
}

TEST_CASE("a value in a message is cut to a few dozen characters; a number says how many digits it has") {
    CHECK(shown("43/5") == "43/5");
    CHECK(shown(std::string(40, '7')) == std::string(40, '7'));
    CHECK(shown(std::string(5000, '1')) == std::string(40, '1') + "…(5,000 digits)");
    CHECK(shown("-" + std::string(958, '9') + "/5") == "-" + std::string(39, '9') + "…(959 digits)");
    CHECK(shown("1.7770539070980123e-05") == "1.7770539070980123e-05");  // a double, whole
    // a long mantissa is cut before its exponent, which stays
    CHECK(shown("1." + std::string(5000, '2') + "e-9") == "1." + std::string(35, '2') + "…(5,001 digits)e-9");
    CHECK(shown("1e" + std::string(50, '0')) == "1e" + std::string(11, '0') + "…");
    std::string expression;
    for (int k = 1; k <= 100; ++k) expression += "(x + " + std::to_string(k) + ")";
    CHECK(shown(expression) == expression.substr(0, 40) + "…(" + thousands(expression.size()) + " characters)");
    CHECK(shown("x\x1b") == "x\\x1b");
}

TEST_CASE("a message is one line of at most 400 characters, whatever it holds") {
    CHECK(message_line("the matrix is singular") == "the matrix is singular");
    CHECK(message_line("one\nline\x1b[2J") == "one\\x0aline\\x1b[2J");
    const std::string line = message_line("x = " + std::string(10'000, '1'));
    CHECK(line.size() == 399 + std::string("…").size());
    CHECK(line.starts_with("x = 111"));
    CHECK(line.ends_with("1…"));
    CHECK(message_line(std::string(400, 'a')) == std::string(400, 'a'));
    // an escape counts the characters it takes
    const std::string controls = message_line(std::string(200, '\x01'));
    CHECK(controls.ends_with("\\x01…"));
    CHECK(controls.size() == 99 * 4 + std::string("…").size());
}

TEST_CASE("a comma-separated list's first empty item is found by place") {
    CHECK(empty_item("x1, x2") == 0);
    CHECK(empty_item("x1,,x2") == 2);
    CHECK(empty_item(",") == 1);
    CHECK(empty_item(" , y") == 1);
    CHECK(empty_item("") == 1);
}

TEST_CASE("every number read prints back within the input limit: the value p/q is held to it too") {
    auto message = [](std::string_view token) {
        try {
            (void)parse_rational(token);
        } catch (const ParseError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    // a short token whose value takes 4,100 characters
    CHECK(message("1e-4000/1e97") ==
          "'1e-4000/1e97': its exact value takes 4100 characters written out, longer than the limit of 4096");
    std::string tiny = "0." + std::string(4000, '0') + "1e-95";  // 10⁻⁴⁰⁹⁶
    CHECK(message(tiny).find("its exact value takes 4099 characters") != std::string::npos);
    CHECK(message("2." + std::string(4000, '7')).find("its exact value takes 8003 characters") != std::string::npos);
    std::vector<std::string> tokens{"1e-4000", "-1e-4000/1e92", "0." + std::string(4000, '0') + "1e-90", "1e4000/3",
                                    "2." + std::string(2000, '7')};
    for (const std::string& token : tokens) {
        CAPTURE(token);
        Rational q = parse_rational(token);
        std::string printed = rational_text(q);
        CHECK(printed.size() <= max_number_length);
        CHECK(parse_rational(printed) == q);
    }
}

TEST_CASE("double reports underflow to 0 as it reports overflow; subnormals are doubles and read back") {
    const std::string why = "out of range for double: closer to 0 than the smallest double, 5e-324";
    CHECK_THROWS_WITH_AS(ScalarTraits<double>::parse("1e-4000"), ("'1e-4000': " + why).c_str(), ParseError);
    CHECK_THROWS_WITH_AS(ScalarTraits<double>::parse("-2e-324"), ("'-2e-324': " + why).c_str(), ParseError);
    CHECK(ScalarTraits<double>::parse("3e-324") == std::numeric_limits<double>::denorm_min());
    CHECK(ScalarTraits<double>::parse("0e-4000") == 0.0);
    CHECK(ScalarTraits<double>::parse("0.0") == 0.0);
}

TEST_CASE("parsing into double gives the nearest double") {
    CHECK(ScalarTraits<double>::parse("0.1") == 0.1);
    CHECK(ScalarTraits<double>::parse("1/3") == 1.0 / 3.0);
    CHECK(ScalarTraits<double>::parse("-2.5e-3") == -2.5e-3);
    CHECK(ScalarTraits<double>::parse("1e-320") == 1e-320);  // subnormal
    CHECK(ScalarTraits<double>::parse("1.7976931348623157e308") == std::numeric_limits<double>::max());
    CHECK_THROWS_AS(ScalarTraits<double>::parse("1e309"), ParseError);
    // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: ties go to even.
    CHECK(ScalarTraits<double>::parse("9007199254740993") == 9007199254740992.0);
    CHECK(ScalarTraits<double>::parse("9007199254740995") == 9007199254740996.0);
}

TEST_CASE("Rational to double rounds to nearest, like strtod on the same decimal") {
    std::mt19937_64 rng(2024);
    std::uniform_int_distribution<long long> digits(1, 999'999'999'999LL);
    std::uniform_int_distribution<int> exponent(-300, 300);
    for (int trial = 0; trial < 2000; ++trial) {
        std::string token = fmt::format("{}e{}", digits(rng), exponent(rng));
        CHECK(rational_to_double(parse_rational(token)) == std::strtod(token.c_str(), nullptr));
    }
}

TEST_CASE("double to Rational is the exact binary value, and back again is the identity") {
    CHECK(double_to_rational(0.5) == Rational(1, 2));
    CHECK(double_to_rational(0.1) == Rational(Integer(3602879701896397), Integer(1) << 55));
    CHECK(double_to_rational(-3.0) == Rational(-3));
    CHECK(double_to_rational(0.0) == Rational(0));
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> real(-1e6, 1e6);
    for (int trial = 0; trial < 1000; ++trial) {
        double x = real(rng);
        CHECK(rational_to_double(double_to_rational(x)) == x);
    }
    CHECK_THROWS_AS(double_to_rational(std::numeric_limits<double>::infinity()), DomainError);
    CHECK_THROWS_AS(double_to_rational(std::nan("")), DomainError);
}

TEST_CASE("Float50 carries 50 digits and converts exactly to Rational") {
    Float50 third = ScalarTraits<Float50>::parse("1/3");
    CHECK(float50_text(third) == "0.33333333333333333333333333333333333333333333333333");
    CHECK(float50_to_rational(Float50(0.375)) == Rational(3, 8));
    CHECK(scalar_cast<Rational>(scalar_cast<Float50>(Rational(1, 3))) != Rational(1, 3));
    CHECK(abs(scalar_cast<Rational>(third) - Rational(1, 3)) < Rational(1, Integer("1" + std::string(50, '0'))));
    CHECK(scalar_cast<double>(third) == 1.0 / 3.0);
}

TEST_CASE("text forms: lowest terms, shortest round trip, significant digits") {
    CHECK(scalar_text(Rational(-6, 4)) == "-3/2");
    CHECK(parse_rational("007") == 7);  // decimal, never octal
    CHECK(parse_rational("0.0625") == Rational(1, 16));
    CHECK(scalar_text(Rational(4, 2)) == "2");
    CHECK(scalar_text(0.1) == "0.1");
    CHECK(scalar_text(1e-5) == "1e-05");
    CHECK(scalar_text(1.0 / 3.0) == "0.3333333333333333");
    CHECK(scalar_text(Float50(2)) == "2");
    // Round trips: text then parse gives the same value back.
    for (double x : {0.1, 1.0 / 3.0, 6.02214076e23, -1e-300, 5e-324}) {
        CHECK(ScalarTraits<double>::parse(scalar_text(x)) == x);
    }
    for (Rational q : {Rational(-22, 7), Rational(0), Rational(Integer("10000000000000000000001"), 3)}) {
        CHECK(parse_rational(scalar_text(q)) == q);
    }
}

TEST_CASE("LaTeX forms: fractions, signs, powers of ten") {
    CHECK(scalar_latex(Rational(3, 4)) == "\\frac{3}{4}");
    CHECK(scalar_latex(Rational(-1, 2)) == "-\\frac{1}{2}");
    CHECK(scalar_latex(Rational(5)) == "5");
    CHECK(scalar_latex(1e-5) == "10^{-5}");
    CHECK(scalar_latex(2.5e-7) == "2.5 \\times 10^{-7}");
    CHECK(scalar_latex(-1e20) == "-10^{20}");
    CHECK(number_latex("inf") == "\\infty");
}

TEST_CASE("zero tests: exact is == 0, floating is |x| <= tolerance") {
    CHECK(ScalarTraits<Rational>::is_zero(Rational(0)));
    CHECK_FALSE(ScalarTraits<Rational>::is_zero(Rational(1, Integer("1" + std::string(100, '0')))));
    CHECK(ScalarTraits<double>::is_zero(1e-17, 1e-15));
    CHECK_FALSE(ScalarTraits<double>::is_zero(-1e-14, 1e-15));
    CHECK(ScalarTraits<Float50>::is_zero(Float50("-1e-60"), Float50("1e-50")));
    CHECK(ScalarTraits<Rational>::exact);
    CHECK_FALSE(ScalarTraits<double>::exact);
}

// AddressSanitizer reserves terabytes of address space and reports a failed allocation itself:
// GCC says so by __SANITIZE_ADDRESS__, clang by __has_feature(address_sanitizer)
#if defined(__SANITIZE_ADDRESS__)
#define SHOWWORK_TEST_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SHOWWORK_TEST_ADDRESS_SANITIZER 1
#endif
#endif
#if SHOWWORK_USE_GMP && !defined(SHOWWORK_TEST_ADDRESS_SANITIZER)
TEST_CASE("memory running out inside GMP throws std::bad_alloc, which the program reports, instead of aborting") {
    throw_bad_alloc_from_gmp();
    // 2 GB more address space than this process has now cannot hold a 4 GB integer
    rlimit before{};
    REQUIRE(getrlimit(RLIMIT_AS, &before) == 0);
    rlimit tight = before;
    tight.rlim_cur = 2ull << 30;
    if (std::FILE* status = std::fopen("/proc/self/statm", "r")) {
        unsigned long pages = 0;
        if (std::fscanf(status, "%lu", &pages) == 1) tight.rlim_cur += pages * 4096ull;
        std::fclose(status);
    }
    if (before.rlim_max != RLIM_INFINITY && tight.rlim_cur > before.rlim_max) tight.rlim_cur = before.rlim_max;
    REQUIRE(setrlimit(RLIMIT_AS, &tight) == 0);
    bool thrown = false;
    try {
        Integer huge = 1;
        huge <<= 32ull << 30;  // 2^(2^35): 4 GB of limbs
        CHECK(huge > 0);
    } catch (const std::bad_alloc&) {
        thrown = true;
    }
    REQUIRE(setrlimit(RLIMIT_AS, &before) == 0);
    CHECK(thrown);
}
#endif

}  // namespace test_scalar
