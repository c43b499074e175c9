// The fast schedules of the two elimination paths, against the plain ones.
//
// Exact: the fraction-free forward elimination keeps its entries in fixed-width limbs while a
// bound says they fit, and hands them to Integer when it no longer does. Inputs with large
// entries, powers of two as pivots (the exact division then shifts), and sizes whose bound
// outgrows the width mid-way check that every hand-over gives the same determinant, RREF and
// solution as Gauss–Jordan over Rational.
// Double: the blocked P A = L U gives the same P as the textbook loop and L, U within 1e-10
// (relative to max|U|) on seeded random matrices across the block edges, and solve() through it
// agrees with the exact solution; systems without a pivot in every column go back to the
// textbook path and are classified as before.
#include <algorithm>
#include <array>
#include <cmath>
#include <random>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/determinant.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/matrix/inverse.hpp"
#include "showwork/matrix/lu.hpp"
#include "showwork/solvers/linear_system.hpp"
#include "support.hpp"

namespace test_speed_paths {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using Q = Rational;
using M = Matrix<Rational>;

namespace {

EliminationOptions<Q> with(Method method) {
    EliminationOptions<Q> o;
    o.method = method;
    return o;
}
const EliminationOptions<Q> gauss_jordan = with(Method::gauss_jordan);
const EliminationOptions<Q> fraction_free = with(Method::fraction_free);

// Entries ± (random below 2^bits), each times 2^shift: even pivots at every step when shift > 0.
M random_wide(std::mt19937_64& rng, std::size_t rows, std::size_t cols, unsigned bits, unsigned shift) {
    M A(rows, cols);
    for (Q& x : A.entries()) {
        Integer v = 0;
        for (unsigned b = 0; b < bits; b += 32) v = (v << 32) + Integer(static_cast<std::uint32_t>(rng()));
        v >>= static_cast<unsigned>((bits + 31) / 32 * 32 - bits);
        if (rng() % 2) v = -v;
        x = Q(Integer(v << shift));
    }
    return A;
}

void check_exact_paths_agree(const M& A) {
    if (A.rows() == A.cols()) CHECK(determinant(A, fraction_free) == determinant(A, gauss_jordan));
    CHECK(rref(A, fraction_free) == rref(A, gauss_jordan));
    M b = A.cols() > 0 ? columns(A, 0, 1) : M(A.rows(), 1);
    for (Q& x : b.entries()) x += 1;
    Solution<Q> s = solve(A, b, fraction_free), t = solve(A, b, gauss_jordan);
    CHECK(s.kind == t.kind);
    CHECK(s.rank == t.rank);  // a square A of full rank takes fraction_free_solve: no record
    CHECK(s.pivot_columns == t.pivot_columns);
    CHECK(s.free_variables == t.free_variables);
    if (s.kind != SolutionKind::none) CHECK(s.particular == t.particular);
}

double max_difference(const Matrix<double>& X, const Matrix<double>& Y) {
    double d = 0;
    for (std::size_t k = 0; k < X.size(); ++k) d = std::max(d, std::abs(X.entries()[k] - Y.entries()[k]));
    return d;
}

double max_magnitude(const Matrix<double>& X) {
    double d = 0;
    for (double x : X.entries()) d = std::max(d, std::abs(x));
    return d;
}

Matrix<double> random_double(std::mt19937_64& rng, std::size_t rows, std::size_t cols) {
    std::uniform_real_distribution<double> entry(-1.0, 1.0);
    Matrix<double> A(rows, cols);
    for (double& x : A.entries()) x = entry(rng);
    return A;
}

}  // namespace

TEST_CASE("fraction-free elimination with wide entries agrees with Gauss-Jordan exactly") {
    std::mt19937_64 rng(71);
    // (bits, shift): one limb, several limbs, beyond the fixed width at once, powers of two
    // beyond a limb in every pivot; sizes that make the bound outgrow the width mid-way.
    const unsigned cases[][2] = {{4, 0}, {40, 0}, {62, 0}, {63, 0}, {64, 0}, {130, 0}, {300, 0},
                                 {1100, 0}, {3, 70}, {20, 64}, {8, 130}};
    for (const auto& c : cases) {
        for (std::size_t n : {1, 2, 3, 5, 8, 12}) {
            CAPTURE(c[0]);
            CAPTURE(c[1]);
            CAPTURE(n);
            check_exact_paths_agree(random_wide(rng, n, n, c[0], c[1]));
            check_exact_paths_agree(random_wide(rng, n, n + 2, c[0], c[1]));
            check_exact_paths_agree(random_wide(rng, n + 2, n, c[0], c[1]));
        }
    }
}

TEST_CASE("fraction-free elimination of rank-deficient, fractional and extreme matrices agrees with Gauss-Jordan") {
    std::mt19937_64 rng(72);
    for (int trial = 0; trial < 60; ++trial) {
        std::size_t n = 2 + static_cast<std::size_t>(trial % 9);
        M A = testing::random_rational(rng, n, n, 9, trial % 2 == 0);
        A(n - 1, 0) = 0;
        for (std::size_t j = 0; j < n; ++j) A(n / 2, j) = Q(3) * A(0, j) - A(1, j);  // rank < n
        CAPTURE(A);
        check_exact_paths_agree(A);
    }
    // Entries at the edges of a 64-bit word, and pivots ±1 (the division by ±1).
    const Integer two62 = Integer(1) << 62, two63 = Integer(1) << 63, two64 = Integer(1) << 64;
    M E{{Q(two63), Q(Integer(-two63)), Q(1)}, {Q(Integer(two62 - 1)), Q(-1), Q(Integer(two64 + 1))},
        {Q(Integer(-two64)), Q(Integer(two62)), Q(Integer(two63 - 1))}};
    check_exact_paths_agree(E);
    M U{{-1, 2, 3}, {4, -1, 6}, {7, 8, 1}};
    check_exact_paths_agree(U);
}

TEST_CASE("fraction-free inverse of wide matrices is the inverse") {
    std::mt19937_64 rng(73);
    for (unsigned bits : {30u, 70u, 200u}) {
        M A = random_wide(rng, 7, 7, bits, 0);
        if (determinant(A) == 0) continue;
        CHECK(A * inverse(A) == M::identity(7));
    }
}

TEST_CASE("blocked PA = LU has the textbook loop's P and its L, U within 1e-10") {
    std::mt19937_64 rng(74);
    for (std::size_t n : {1, 2, 7, 95, 96, 97, 191, 250}) {
        CAPTURE(n);
        Matrix<double> A = random_double(rng, n, n);
        EliminationOptions<double> textbook;
        textbook.method = Method::gauss_jordan;
        LU<double> fast = lu(A), plain = lu(A, textbook);
        CHECK(fast.P == plain.P);
        CHECK(fast.swaps == plain.swaps);
        CHECK(fast.Q == plain.Q);
        const double scale = std::max(1.0, max_magnitude(plain.U));
        CHECK(max_difference(fast.L, plain.L) <= 1e-10);
        CHECK(max_difference(fast.U, plain.U) <= 1e-10 * scale);
        // and P A = L U to rounding
        CHECK(max_difference(fast.P * A, fast.L * fast.U) <= 1e-12 * double(n) * scale);
    }
}

TEST_CASE("blocked solve of a double system agrees with the exact solution") {
    std::mt19937_64 rng(75);
    for (std::size_t n : {3, 40, 130}) {
        M A = testing::random_rational(rng, n, n), b = testing::random_rational(rng, n, 1);
        if (determinant(A) == 0) continue;
        M exact = solve_unique(A, b);
        Matrix<double> x = solve_unique(matrix_cast<double>(A), matrix_cast<double>(b));
        Matrix<double> expected = matrix_cast<double>(exact);
        CHECK(max_difference(x, expected) <= 1e-8 * std::max(1.0, max_magnitude(expected)));
    }
}

TEST_CASE("double systems without a pivot in every column are classified as by the textbook path") {
    Matrix<double> A{{1, 2, 3}, {2, 4, 6}, {1, 0, 1}};
    Matrix<double> consistent{{6}, {12}, {2}}, inconsistent{{6}, {13}, {2}};
    trace::Trace t1, t2;
    Solution<double> s = solve(A, consistent), traced = solve(A, consistent, {}, &t1);
    CHECK(s.kind == SolutionKind::infinite);
    CHECK(traced.kind == SolutionKind::infinite);
    CHECK(s.free_variables == traced.free_variables);
    Solution<double> none = solve(A, inconsistent);
    CHECK(none.kind == SolutionKind::none);
    CHECK(solve(A, inconsistent, {}, &t2).kind == SolutionKind::none);
    CHECK(none.combination.size() == 3);
    CHECK_THROWS_AS(solve_unique(A, inconsistent), InconsistentError);
    // a singular LU goes back to the textbook loop, which stops at the missing pivot
    LU<double> f = lu(A);
    CHECK(max_difference(f.P * A, f.L * f.U) <= 1e-12);
}

// XᵀX and Xᵀy of the normal equations, without forming Xᵀ: through 128-bit integers (small
// cleared entries), GMP integers (wide ones) and the plain loop (tiny products), all equal to
// Xᵀ·X formed the long way; doubles through the blocked kernel.
TEST_CASE("transpose_product is Aᵀ B on every path") {
    std::mt19937_64 rng(11);
    std::uniform_int_distribution<int> small(-50, 50), denominators(1, 40);
    for (unsigned bits : {8u, 100u}) {
        for (auto [m, n, p] : {std::array<std::size_t, 3>{16, 7, 7}, {16, 7, 1}, {3, 2, 2}, {30, 11, 4}}) {
            M X = bits == 8 ? M(m, n) : random_wide(rng, m, n, bits, 0), Y(m, p);
            if (bits == 8)
                for (Q& x : X.entries()) x = Q(small(rng), denominators(rng));
            for (Q& y : Y.entries()) y = Q(small(rng), denominators(rng));
            CHECK(transpose_product(X, X) == transpose(X) * X);
            CHECK(transpose_product(X, Y) == transpose(X) * Y);
        }
    }
    Matrix<double> D = random_double(rng, 40, 9), E = random_double(rng, 40, 3);
    CHECK(max_difference(transpose_product(D, E), transpose(D) * E) <= 1e-13);
    CHECK_THROWS_AS(transpose_product(M(3, 2), M(2, 2)), ShapeError);
}

}  // namespace test_speed_paths
