// Simple regression as notes 000 teaches it: a line y = mx + b from the sums of a table of
// xᵢ, yᵢ, xᵢ², xᵢyᵢ (the normal equations of a line, solved by Cramer's rule):
//
//   m = (nΣxy − ΣxΣy) / (nΣx² − (Σx)²)      b = (ΣyΣx² − ΣxΣxy) / (nΣx² − (Σx)²)
//
// The notes write the slope as (nΣyΣx² − ΣyΣxy)/(nΣx² − (Σx)²) and give the slope's formula
// to b (DESIGN.md, errata): notes_slope and notes_intercept compute what they say, so that the
// worked example can show both.
#pragma once

#include "showwork/matrix/matrix.hpp"
#include "showwork/trace/trace.hpp"
#include "showwork/matrix/instances.hpp"

namespace showwork::regression {

template <Scalar T>
struct Sums {
    std::size_t n = 0;
    T x = T(0), y = T(0), xx = T(0), xy = T(0), yy = T(0);  // Σx, Σy, Σx², Σxy, Σy²
    T denominator() const { return T(n) * xx - x * x; }  // nΣx² − (Σx)²
    T slope() const { return (T(n) * xy - x * y) / denominator(); }
    T intercept() const { return (y * xx - x * xy) / denominator(); }
    T notes_slope() const { return (T(n) * y * xx - y * xy) / denominator(); }
    T notes_intercept() const { return (T(n) * xy - x * y) / denominator(); }
    // Σ (yᵢ − (m xᵢ + b))², from the sums: Σy² − 2mΣxy − 2bΣy + m²Σx² + 2mbΣx + nb².
    T squared_error(const T& m, const T& b) const {
        return yy - T(2) * m * xy - T(2) * b * y + m * m * xx + T(2) * m * b * x + T(n) * b * b;
    }
};

// The sums of the columns x and y (m × 1 each). Throws SingularError when every x is the same
// (nΣx² − (Σx)² = 0: no line has a slope through one x).
template <Scalar T>
Sums<T> sums(const Matrix<T>& x, const Matrix<T>& y);

// The steps of notes 000: the table of xᵢ, yᵢ, xᵢ², xᵢyᵢ with its sums (the rows while there
// are at most max_traced_table_rows), then m and b from their formulas with the sums substituted.
template <Scalar T>
void record_simple_regression(const Matrix<T>& x, const Matrix<T>& y, const Sums<T>& s, trace::Trace& trace);

// The notes' formulas as written and why they are wrong, for the worked example.
template <Scalar T>
void record_notes_erratum(const Sums<T>& s, trace::Trace& trace);

inline constexpr std::size_t max_traced_table_rows = 30;

#define SHOWWORK_SIMPLE_INSTANCES(EXTERN, T)                                                              \
    EXTERN template struct Sums<T>;                                                                       \
    EXTERN template Sums<T> sums(const Matrix<T>&, const Matrix<T>&);                                     \
    EXTERN template void record_simple_regression(const Matrix<T>&, const Matrix<T>&, const Sums<T>&,     \
                                                  trace::Trace&);                                         \
    EXTERN template void record_notes_erratum(const Sums<T>&, trace::Trace&);
SHOWWORK_EXTERN_INSTANCES(SHOWWORK_SIMPLE_INSTANCES)

}  // namespace showwork::regression
