#include "showwork/matrix/cost.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "showwork/error.hpp"
#include "showwork/matrix/fast/rational_product.hpp"

namespace showwork {

namespace {

constexpr double log10_of_2 = 0.30102999566398120;

std::size_t bits(const Integer& x) { return x == 0 ? 0 : boost::multiprecision::msb(abs(x)) + 1; }

// Calibrated on exact det and inverse of 200×200 and 400×400 matrices of two-digit integers
// (0.5 s, 10 s; 4.5 s, 77 s with GMP on one core): seconds per multiplication of numbers of
// one 64-bit limb, the time growing as limbs^1.6 (Karatsuba), and the inverse's extra work
// (the identity's n columns, the reduction above the pivots, each entry's gcd).
constexpr double seconds_per_limb_product = 2e-9;
constexpr double inverse_factor = 8;

double multiplications(std::size_t rows, std::size_t cols, Eliminating what) {
    const double m = static_cast<double>(rows), n = static_cast<double>(cols), k = std::min(m, n);
    if (what == Eliminating::written) return 0;
    return m * n * k / 3 * (what == Eliminating::inverse ? inverse_factor : 1);
}

double result_entries(std::size_t rows, std::size_t cols, Eliminating what) {
    switch (what) {
        case Eliminating::written: return 0;
        case Eliminating::number: return 1;
        case Eliminating::solution: return static_cast<double>(cols) * static_cast<double>(cols);  // x and directions
        case Eliminating::echelon: return static_cast<double>(rows) * static_cast<double>(cols) / 2;
        // the pivot columns are 0 and 1; of a matrix of full rank, cols − rows columns are free
        case Eliminating::reduced:
            return static_cast<double>(std::min(rows, cols)) * static_cast<double>(cols > rows ? cols - rows : 1);
        case Eliminating::inverse: return static_cast<double>(rows) * static_cast<double>(cols);
    }
    return 0;
}

// A math node and its matrix entry (math.hpp: 96 bytes; a GMP rational: 32 and its limbs),
// and the text of a number of `digits` digits in the number, in the math and in the output.
double bytes_per_entry(std::size_t digits) { return 160 + 3.0 * static_cast<double>(digits); }

// The most digits of an entry's numerator and denominator together.
std::size_t entry_digits(const Matrix<Rational>& A) {
    std::size_t most = 0;
    for (const Rational& x : A.entries()) most = std::max(most, rational_digits(x));
    return most;
}

}  // namespace

std::size_t rational_digits(const Rational& q) {
    return boost::multiprecision::msb(abs(numerator(q)) | 1) * 30103 / 100000 + 1 +
           boost::multiprecision::msb(denominator(q)) * 30103 / 100000 + 1;
}

std::size_t minor_digits_bound(const Matrix<Rational>& A) {
    std::vector<Integer> lcms;
    matrix_detail::IntegerMatrix B = matrix_detail::clear_denominators(A, nullptr, &lcms);
    double log2_bound = 0;
    for (std::size_t i = 0; i < B.rows; ++i) {
        Integer squares = 0;
        for (std::size_t j = 0; j < B.cols; ++j) squares += B(i, j) * B(i, j);
        log2_bound += static_cast<double>(bits(squares)) / 2;  // log₂ ‖rᵢ‖₂ ≤ bits(‖rᵢ‖²)/2
    }
    std::size_t lcm_bits = 0;
    for (const Integer& l : lcms) lcm_bits = std::max(lcm_bits, bits(l));
    return static_cast<std::size_t>(std::ceil((log2_bound + static_cast<double>(lcm_bits)) * log10_of_2)) + 1;
}

WorkEstimate estimate_exact(const Matrix<Rational>& A, Eliminating what) {
    WorkEstimate e;
    e.digits = what == Eliminating::written ? entry_digits(A) : minor_digits_bound(A);
    const double entries = what == Eliminating::written ? static_cast<double>(A.size())
                                                        : result_entries(A.rows(), A.cols(), what);
    e.output_bytes = entries * (2.0 * static_cast<double>(e.digits) + 3);
    // the input as read, the matrix being eliminated (its numbers half the final size on
    // average, 2.4 digits a byte), and the result
    const double input = static_cast<double>(A.size()) * bytes_per_entry(entry_digits(A));
    const double working = static_cast<double>(A.size()) * static_cast<double>(e.digits) / 4.8;
    e.memory_bytes = what == Eliminating::written ? input : input + working + entries * bytes_per_entry(e.digits);
    // the numbers grow from the input's size to `digits` as the elimination goes: half on average
    const double limbs = std::max(1.0, static_cast<double>(e.digits) / 19 / 2);
    e.seconds = multiplications(A.rows(), A.cols(), what) * seconds_per_limb_product * std::pow(limbs, 1.6);
    return e;
}

WorkEstimate estimate_exact_least_squares(const Matrix<Rational>& X, const Matrix<Rational>& y, bool steps) {
    // The lcm of the denominators, exactly while it is under 2¹⁸ bits (79,000 digits: a fit
    // already too slow to wait for); past that each denominator's bits are added, a bound.
    constexpr std::size_t exact_lcm_bits = std::size_t{1} << 18;
    Integer lcm = 1;
    std::size_t beyond = 0;
    for (const Matrix<Rational>* M : {&X, &y}) {
        for (const Rational& x : M->entries()) {
            if (bits(lcm) <= exact_lcm_bits) lcm = boost::multiprecision::lcm(lcm, denominator(x));
            else beyond += bits(denominator(x)) - 1;
        }
    }
    const double D = std::ceil(static_cast<double>(bits(lcm) + beyond) * log10_of_2) +
                     static_cast<double>(std::max(entry_digits(X), entry_digits(y)));
    const double m = static_cast<double>(X.rows()), p = static_cast<double>(X.cols());
    WorkEstimate e;
    e.digits = static_cast<std::size_t>(2 * p * D);
    e.output_bytes = 8 * m * D * (steps ? 2 : 1);
    e.memory_bytes = 4 * e.output_bytes;
    e.seconds = 0.7e-8 * p * m * std::pow(D, 1.5) * (steps ? 2.5 : 1);
    return e;
}

WorkEstimate estimate_floating(std::size_t rows, std::size_t cols, Eliminating what, std::size_t digits) {
    WorkEstimate e;
    e.digits = digits;
    const double entries = what == Eliminating::written ? static_cast<double>(rows) * static_cast<double>(cols)
                                                        : result_entries(rows, cols, what);
    e.output_bytes = entries * (static_cast<double>(digits) + 8);
    const double held = what == Eliminating::written ? entries : static_cast<double>(rows) * static_cast<double>(cols) + entries;
    e.memory_bytes = held * bytes_per_entry(digits);
    e.seconds = multiplications(rows, cols, what) * (digits > 17 ? 50e-9 : 1e-9);
    return e;
}

std::string describe_if_large(const WorkEstimate& estimate, std::string_view what, std::size_t rows, std::size_t cols) {
    constexpr double few_seconds = 5, megabyte = 1e6;
    constexpr double much_output = 50 * megabyte, much_memory = 500 * megabyte;
    const bool slow = estimate.seconds > few_seconds;
    if (!slow && estimate.output_bytes <= much_output && estimate.memory_bytes <= much_memory) return {};
    auto size = [](double bytes) {
        return bytes >= 1e9 ? fmt::format("{:.1f} GB", bytes / 1e9) : fmt::format("{:.0f} MB", std::max(1.0, bytes / megabyte));
    };
    auto time = [](double s) {
        return s < 90 ? fmt::format("{:.0f} s", s) : s < 5400 ? fmt::format("{:.0f} minutes", s / 60)
                                                          : fmt::format("{:.0f} hours", s / 3600);
    };
    std::string out = fmt::format("{} of this {}×{} matrix: numbers of up to {} digits, up to {} of output and {} of memory",
                                  what, rows, cols, thousands(estimate.digits), size(estimate.output_bytes), size(estimate.memory_bytes));
    if (slow) out += fmt::format(", about {} of arithmetic", time(estimate.seconds));
    return out;
}

}  // namespace showwork
