// What an elimination will produce and cost, bounded before it starts, so that a command can say
// so before minutes of work or gigabytes of output (the program writes it as a note on stderr).
//
// Every number an exact elimination of A writes (an entry of its echelon form, of A⁻¹, det A) is
// a ratio of minors of A once each row is cleared of its denominators (a row's scaling changes
// neither the echelon form nor, up to the scale, the minors). By Hadamard's inequality a minor is
// at most ∏ᵢ max(1, ‖rᵢ‖₂) over the rows rᵢ of the cleared matrix, so the digits of that product
// bound every numerator and denominator the elimination can reach.
#pragma once

#include <cstddef>
#include <string>

#include "showwork/matrix/matrix.hpp"

namespace showwork {

// The decimal digits of a rational's numerator and denominator together: 1/10 is 3, 10⁻⁴⁰⁰⁰ 4,002
// (from their bit lengths: an estimate that may exceed the true count by one, as its callers want).
std::size_t rational_digits(const Rational& q);

// The decimal digits of ∏ᵢ max(1, ‖rᵢ‖₂) for A with each row multiplied by the least common
// multiple of its denominators, plus the digits of the largest of those multiples: a bound on
// the digits of every numerator and denominator an exact elimination of A writes.
std::size_t minor_digits_bound(const Matrix<Rational>& A);

// What a command computes from its matrix.
enum class Eliminating {
    written,   // nothing: the matrix itself is written out (show, identity)
    number,    // one number: det A, the rank
    echelon,   // a matrix of A's shape, its upper triangle filled: REF, LU
    reduced,   // a matrix of A's shape, filled in its free columns only: RREF, a basis
    inverse,   // A⁻¹, by reducing (A | I)
    solution,  // x, and a direction per free variable
};

struct WorkEstimate {
    std::size_t digits = 0;       // the most digits a number of the result can have
    double output_bytes = 0;      // the result written out as text
    double memory_bytes = 0;      // the input and the result held as numbers and as math to write
    double seconds = 0;           // the arithmetic, on a machine of about 3 GHz (±3×)
};

// An upper bound (Hadamard) on the digits and output of eliminating A exactly, and the work
// in the textbook's ~n³/3 multiplications of numbers of that size.
WorkEstimate estimate_exact(const Matrix<Rational>& A, Eliminating what);
// The same for a floating scalar of `digits` significant digits: fixed-size numbers.
WorkEstimate estimate_floating(std::size_t rows, std::size_t cols, Eliminating what, std::size_t digits);

// The exact least-squares fit of y on X (m × p) with its statistics, fitted values and residuals:
// XᵀX sums m products whose denominators multiply, so its numbers hold the digits D of the common
// denominator of the data (the lcm of every entry's); β̂, ratios of p×p minors of XᵀX, about 2pD.
// Measured on 10 to 442 rows of random fractions (D from 8,000 to 80,000 digits), within about 3×:
// 0.7·10⁻⁸ p m D^1.5 seconds, 8mD bytes of output (twice that with the steps) and 4 times that in memory.
WorkEstimate estimate_exact_least_squares(const Matrix<Rational>& X, const Matrix<Rational>& y, bool steps);

// One line for a reader, when the estimate passes what a command does in a few seconds and a
// few hundred megabytes ("the inverse of this 400×400 matrix holds numbers of up to 1,223
// digits: expect …"); empty when it does not.
std::string describe_if_large(const WorkEstimate& estimate, std::string_view what, std::size_t rows, std::size_t cols);

}  // namespace showwork
