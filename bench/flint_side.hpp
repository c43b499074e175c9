// FLINT's side of the exact benchmarks: owners of its matrices, and the conversions to and from
// the library's Rational through their exact text (the same numbers whatever the backend).
#pragma once

#if SHOWWORK_BENCH_FLINT
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include <flint/fmpz.h>
#include <flint/fmpz_mat.h>

#include "showwork/matrix/matrix.hpp"
#include "showwork/matrix/scalar.hpp"

namespace showwork::bench {

// RAII owners of FLINT matrices, so that every exit frees them.
struct FmpqMatrix {
    fmpq_mat_t m;
    FmpqMatrix(std::size_t rows, std::size_t cols) { fmpq_mat_init(m, long(rows), long(cols)); }
    ~FmpqMatrix() { fmpq_mat_clear(m); }
    FmpqMatrix(const FmpqMatrix&) = delete;
    FmpqMatrix& operator=(const FmpqMatrix&) = delete;
};
struct FmpzMatrix {
    fmpz_mat_t m;
    FmpzMatrix(std::size_t rows, std::size_t cols) { fmpz_mat_init(m, long(rows), long(cols)); }
    ~FmpzMatrix() { fmpz_mat_clear(m); }
    FmpzMatrix(const FmpzMatrix&) = delete;
    FmpzMatrix& operator=(const FmpzMatrix&) = delete;
};

// Through the exact text "p/q": the same rationals on both sides.
inline void copy_to_flint(const Matrix<Rational>& A, fmpq_mat_t out) {
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j)
            fmpq_set_str(fmpq_mat_entry(out, long(i), long(j)), rational_text(A(i, j)).c_str(), 10);
}

inline void copy_to_flint(const Matrix<Rational>& A, fmpz_mat_t out) {
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j)
            fmpz_set_str(fmpz_mat_entry(out, long(i), long(j)), rational_text(A(i, j)).c_str(), 10);
}

inline Rational to_rational(const fmpq_t x) {
    char* text = fmpq_get_str(nullptr, 10, x);
    Rational q = parse_rational(text);
    flint_free(text);
    return q;
}

inline Rational to_rational(const fmpz_t x) {
    char* text = fmpz_get_str(nullptr, 10, x);
    Rational q = parse_rational(text);
    flint_free(text);
    return q;
}

inline Matrix<Rational> to_matrix(const fmpq_mat_t M) {
    Matrix<Rational> A(std::size_t(fmpq_mat_nrows(M)), std::size_t(fmpq_mat_ncols(M)));
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j) A(i, j) = to_rational(fmpq_mat_entry(M, long(i), long(j)));
    return A;
}

}  // namespace showwork::bench
#endif
