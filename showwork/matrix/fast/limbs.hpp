// Bareiss' steps in fixed-width integers: the inner loop of the fraction-free path
// (matrix/bareiss.cpp) while the entries are small enough to need no allocation.
//
// An internal interface of the matrix module: the integer matrix and the state of the forward
// elimination that both representations share, and the one function that runs the steps in limbs.
#pragma once

#include <cstddef>
#include <vector>

#include "showwork/matrix/scalar.hpp"

namespace showwork::matrix_detail {

// A dense integer matrix, row-major: the rows of A with their denominators cleared.
struct IntegerMatrix {
    std::size_t rows = 0, cols = 0;
    std::vector<Integer> a;
    Integer& operator()(std::size_t i, std::size_t j) { return a[i * cols + j]; }
    const Integer& operator()(std::size_t i, std::size_t j) const { return a[i * cols + j]; }
    void swap_rows(std::size_t i, std::size_t k) {
        std::swap_ranges(a.begin() + static_cast<std::ptrdiff_t>(i * cols),
                         a.begin() + static_cast<std::ptrdiff_t>((i + 1) * cols),
                         a.begin() + static_cast<std::ptrdiff_t>(k * cols));
    }
};

// Where the forward elimination has got to, so that it can stop in one representation of the
// entries and go on in another: the pivots so far and the rows they came from, the interchanges,
// the last pivot (the divisor of the next step), the next pivot row and the next column to search.
struct Forward {
    std::vector<std::size_t> pivots;
    std::vector<std::size_t> pivot_rows;  // pivot k came from row pivot_rows[k] (before R_k ↔ R_p)
    std::size_t swaps = 0;
    Integer last_pivot = 1;
    std::size_t row = 0, column = 0;
};

// Bareiss' steps on M, pivots only in columns < limit, done in fixed-width limbs from where
// `out` stands for as long as the bound on their results fits; `out` says where they stopped.
// M's entries are brought up to date when `keep_entries` or when the steps did not finish.
void eliminate_in_limbs(IntegerMatrix& M, std::size_t limit, Forward& out, bool keep_entries);

}  // namespace showwork::matrix_detail
