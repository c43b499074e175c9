// Exact arithmetic on random integer matrices (entries in [−9, 9]): the RREF of (A | I), the
// inverse, the determinant and the solution of A x = b, against FLINT.
//
// Each side gets the same matrix in its own type, converted before the clock starts: the library
// a Matrix<Rational>, FLINT an fmpq_mat_t (fmpz_mat_t for the determinant). Every row checks that
// the two exact answers are equal, entry by entry, after converting FLINT's to Rational.
#include <fmt/format.h>
#include <random>

#include "bench/flint_side.hpp"
#include "bench/harness.hpp"
#include "bench/library_side.hpp"
#include "showwork/matrix/arithmetic.hpp"


namespace showwork::bench {
namespace {

Matrix<Rational> random_integer_matrix(std::mt19937_64& rng, std::size_t rows, std::size_t cols) {
    std::uniform_int_distribution<int> entry(-9, 9);
    Matrix<Rational> A(rows, cols);
    for (Rational& x : A.entries()) x = entry(rng);
    return A;
}

#if SHOWWORK_BENCH_FLINT
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
