// Exact arithmetic on random integer matrices (entries in [−9, 9]): the RREF of (A | I), the
// inverse, the determinant and the solution of A x = b, against FLINT.
//
// Each side gets the same matrix in its own type, converted before the clock starts: the library
// a Matrix<Rational>, FLINT an fmpq_mat_t (fmpz_mat_t for the determinant). Every row checks that
// the two exact answers are equal, entry by entry, after converting FLINT's to Rational.
#include <fmt/format.h>
#include <random>

#include "bench/harness.hpp"
#include "bench/library_side.hpp"
#include "showwork/matrix/arithmetic.hpp"

#if SHOWWORK_BENCH_FLINT
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include <flint/fmpz.h>
#include <flint/fmpz_mat.h>
#endif

namespace showwork::bench {
namespace {

Matrix<Rational> random_integer_matrix(std::mt19937_64& rng, std::size_t rows, std::size_t cols) {
    std::uniform_int_distribution<int> entry(-9, 9);
    Matrix<Rational> A(rows, cols);
    for (Rational& x : A.entries()) x = entry(rng);
    return A;
}

#if SHOWWORK_BENCH_FLINT
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

// The input is integers, so the conversion goes through their text (exact for any backend).
void copy_to_flint(const Matrix<Rational>& A, fmpq_mat_t out) {
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j)
            fmpq_set_str(fmpq_mat_entry(out, long(i), long(j)), rational_text(A(i, j)).c_str(), 10);
}

void copy_to_flint(const Matrix<Rational>& A, fmpz_mat_t out) {
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j)
            fmpz_set_str(fmpz_mat_entry(out, long(i), long(j)), rational_text(A(i, j)).c_str(), 10);
}

Rational to_rational(const fmpq_t x) {
    char* text = fmpq_get_str(nullptr, 10, x);
    Rational q = parse_rational(text);
    flint_free(text);
    return q;
}

Rational to_rational(const fmpz_t x) {
    char* text = fmpz_get_str(nullptr, 10, x);
    Rational q = parse_rational(text);
    flint_free(text);
    return q;
}

Matrix<Rational> to_matrix(const fmpq_mat_t M) {
    Matrix<Rational> A(std::size_t(fmpq_mat_nrows(M)), std::size_t(fmpq_mat_ncols(M)));
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j) A(i, j) = to_rational(fmpq_mat_entry(M, long(i), long(j)));
    return A;
}

std::string agreement(bool same) { return same ? "same" : "DIFFERENT ANSWERS"; }
#endif

// The four operations on one random n×n A (non-singular: det A ≠ 0 is checked by both sides)
// and a random integer column b.
void add_size(Table& table, std::mt19937_64& rng, std::size_t n) {
    Matrix<Rational> A = random_integer_matrix(rng, n, n), b = random_integer_matrix(rng, n, 1);
    Matrix<Rational> AI = augment(A, Matrix<Rational>::identity(n));
    Row rref_row{"RREF of (A | I)", n, "exact", {}, "FLINT fmpq_mat_rref", {}, 0, "-"};
    Row inverse_row{"inverse", n, "exact", {}, "FLINT fmpq_mat_inv", {}, 0, "-"};
    Row det_row{"determinant", n, "exact", {}, "FLINT fmpz_mat_det", {}, 0, "-"};
    Row solve_row{"solve Ax = b", n, "exact", {}, "FLINT fmpq_mat_solve", {}, 0, "-"};

    Matrix<Rational> R, Ainv, x;
    Rational det;
    if (have_elimination) {
        rref_row.showwork_seconds = median_seconds([&] { R = library_rref(AI); });
        inverse_row.showwork_seconds = median_seconds([&] { Ainv = library_inverse(A); });
        det_row.showwork_seconds = median_seconds([&] { det = library_determinant(A); });
        solve_row.showwork_seconds = median_seconds([&] { x = library_solve(A, b); });
    }
#if SHOWWORK_BENCH_FLINT
    FmpqMatrix fAI(n, 2 * n), fR(n, 2 * n), fA(n, n), fAinv(n, n), fb(n, 1), fx(n, 1);
    FmpzMatrix zA(n, n);
    copy_to_flint(AI, fAI.m);
    copy_to_flint(A, fA.m);
    copy_to_flint(b, fb.m);
    copy_to_flint(A, zA.m);
    fmpz_t fdet;
    fmpz_init(fdet);
    int invertible = 1, solvable = 1;
    rref_row.reference_seconds = median_seconds([&] { fmpq_mat_rref(fR.m, fAI.m); });
    inverse_row.reference_seconds = median_seconds([&] { invertible = fmpq_mat_inv(fAinv.m, fA.m); });
    det_row.reference_seconds = median_seconds([&] { fmpz_mat_det(fdet, zA.m); });
    solve_row.reference_seconds = median_seconds([&] { solvable = fmpq_mat_solve(fx.m, fA.m, fb.m); });
    if (have_elimination) {
        rref_row.check = agreement(R == to_matrix(fR.m));
        inverse_row.check = agreement(invertible && Ainv == to_matrix(fAinv.m));
        det_row.check = agreement(det == to_rational(fdet));
        solve_row.check = agreement(solvable && x == to_matrix(fx.m));
    }
    fmpz_clear(fdet);
#endif
    table.insert(table.end(), {rref_row, inverse_row, det_row, solve_row});
}

}  // namespace

void add_exact_rows(Table& table) {
    std::mt19937_64 rng(1989);
    for (std::size_t n : {10, 20, 40, 80}) add_size(table, rng, n);
}

}  // namespace showwork::bench
