// The blocked double product (matrix/fast/gemm.hpp) against the exact product of the same numbers.
//
// Every double is a rational, so the exact product C* of two double matrices is computed in
// Rational. Any summation order of c_ij = Σ_k a_ik b_kj in double satisfies
//     |ĉ_ij − c*_ij| ≤ γ_n Σ_k |a_ik| |b_kj|,   γ_n = n u / (1 − n u),  u = 2⁻⁵³
// (Higham, §3.1), and the tests check that bound exactly, entry by entry.
#include <random>
#include <tuple>
#include <vector>

#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/fast/gemm.hpp"
#include "support.hpp"

namespace test_gemm {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;

namespace {

Matrix<double> random_double(std::mt19937_64& rng, std::size_t rows, std::size_t cols) {
    std::uniform_real_distribution<double> entry(-1.0, 1.0);
    Matrix<double> A(rows, cols);
    for (auto& x : A.entries()) x = entry(rng);
    return A;
}

Matrix<Rational> absolute(const Matrix<Rational>& A) {
    Matrix<Rational> B(A.rows(), A.cols());
    for (std::size_t k = 0; k < A.size(); ++k) B.entries()[k] = abs(A.entries()[k]);
    return B;
}

// How many entries of C break |c_ij − c*_ij| ≤ γ_n (|A||B|)_ij; 0 means all are within it.
std::size_t entries_outside_bound(const Matrix<double>& A, const Matrix<double>& B,
                                  const Matrix<double>& C) {
    auto a = matrix_cast<Rational>(A), b = matrix_cast<Rational>(B);
    Matrix<Rational> exact = a * b, scale = absolute(a) * absolute(b);
    Rational nu = Rational(static_cast<long>(A.cols())) * Rational(1, 1L << 53);
    Rational gamma = nu / (1 - nu);
    std::size_t outside = 0;
    for (std::size_t k = 0; k < exact.size(); ++k) {
        Rational error = abs(double_to_rational(C.entries()[k]) - exact.entries()[k]);
        if (error > gamma * scale.entries()[k]) ++outside;
    }
    return outside;
}

Matrix<double> blocked_product(const Matrix<double>& A, const Matrix<double>& B) {
    Matrix<double> C(A.rows(), B.cols(), -1.0);  // multiply_into must overwrite, not add
    multiply_into(A.entries().data(), B.entries().data(), C.entries().data(), A.rows(), A.cols(),
                  B.cols());
    return C;
}

}  // namespace

TEST_CASE("the blocked product is within n·u·|A||B| of the exact product for every shape") {
    // 1×1, vectors, thin and wide, sizes that are not multiples of the register tile (6×8) or
    // the cache blocks (MC 120, KC 256, NC 2048), and products too small to be blocked.
    const std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> shapes = {
        {1, 1, 1},    {1, 7, 1},     {5, 1, 5},     {3, 4, 5},    {16, 16, 16},  {17, 16, 17},
        {1, 300, 1},  {1, 64, 129},  {129, 64, 1},  {6, 256, 8},  {7, 257, 9},   {13, 29, 31},
        {121, 33, 17}, {130, 300, 20}, {50, 520, 3}, {2, 40, 2100}, {64, 64, 64}, {97, 101, 103},
    };
    std::mt19937_64 rng(20240611);
    for (const auto& shape : shapes) {
        // plain variables: clang 14 cannot capture structured bindings (CAPTURE is a lambda)
        const std::size_t m = std::get<0>(shape), n = std::get<1>(shape), p = std::get<2>(shape);
        CAPTURE(m);
        CAPTURE(n);
        CAPTURE(p);
        auto A = random_double(rng, m, n), B = random_double(rng, n, p);
        CHECK(entries_outside_bound(A, B, blocked_product(A, B)) == 0);
    }
}

TEST_CASE("operator* on Matrix<double> is the blocked product") {
    std::mt19937_64 rng(7);
    auto A = random_double(rng, 37, 45), B = random_double(rng, 45, 29);
    CHECK(A * B == blocked_product(A, B));
    CHECK(entries_outside_bound(A, B, A * B) == 0);
}

TEST_CASE("small integer matrices multiply exactly in double") {
    // Entries in [−9, 9] and n ≤ 300: every partial sum is an integer below 2⁵³, so no rounding.
    std::mt19937_64 rng(99);
    for (auto [m, n, p] : {std::tuple{40, 300, 50}, std::tuple{125, 70, 19}, std::tuple{3, 3, 3}}) {
        auto a = testing::random_rational(rng, m, n), b = testing::random_rational(rng, n, p);
        auto product = matrix_cast<double>(a) * matrix_cast<double>(b);
        CHECK(matrix_cast<Rational>(product) == a * b);
    }
}

TEST_CASE("products with an empty dimension give zeros of the right shape") {
    Matrix<double> A(2, 0), B(0, 3);
    auto C = A * B;
    CHECK(C.rows() == 2);
    CHECK(C.cols() == 3);
    CHECK(C == Matrix<double>(2, 3));
    CHECK((B * Matrix<double>(3, 4)).rows() == 0);
    CHECK((Matrix<double>(4, 2) * Matrix<double>(2, 0)).cols() == 0);
}

TEST_CASE("a double product with mismatched inner dimensions is a ShapeError") {
    CHECK_THROWS_AS(Matrix<double>(2, 3) * Matrix<double>(2, 3), ShapeError);
    CHECK_THROWS_WITH(Matrix<double>(2, 3) * Matrix<double>(2, 3),
                      doctest::Contains("cannot multiply 2×3 by 2×3"));
}

}  // namespace test_gemm
