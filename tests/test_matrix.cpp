// Matrix<T>: construction, access, arithmetic with exact values, shape errors, and the algebraic
// laws on seeded random matrices over Rational, checked exactly.
#include <random>

#include "support.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/to_math.hpp"

namespace test_matrix {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using Q = Rational;
using M = Matrix<Rational>;

TEST_CASE("construction, shape and access") {
    M A{{1, 2, 3}, {4, 5, 6}};
    CHECK(A.rows() == 2);
    CHECK(A.cols() == 3);
    CHECK(A.shape() == "2×3");
    CHECK(A(1, 2) == 6);
    CHECK(A.at(0, 1) == 2);
    CHECK_THROWS_WITH_AS(A.at(2, 0), "entry (3, 1) is outside a 2×3 matrix", ShapeError);
    CHECK(M::identity(2) == M{{1, 0}, {0, 1}});
    CHECK(M::zeros(2, 1) == M{{0}, {0}});
    CHECK(M::column({1, 2}) == M{{1}, {2}});
    CHECK(M::row({1, 2}) == M{{1, 2}});
    CHECK(A.column_copy(1) == std::vector<Q>{2, 5});
    CHECK_THROWS_WITH_AS((M{{1, 2}, {3}}), "row 2 has 1 entries, row 1 has 2", ShapeError);
}

TEST_CASE("arithmetic gives exact values") {
    M A{{1, 2}, {3, 4}};
    M B{{Q(1, 2), 0}, {0, Q(-1, 3)}};
    CHECK(A + B == M{{Q(3, 2), 2}, {3, Q(11, 3)}});
    CHECK(A - B == M{{Q(1, 2), 2}, {3, Q(13, 3)}});
    CHECK(-A == M{{-1, -2}, {-3, -4}});
    CHECK(A * B == M{{Q(1, 2), Q(-2, 3)}, {Q(3, 2), Q(-4, 3)}});
    CHECK(A * M{{5}, {6}} == M{{17}, {39}});
    CHECK(Q(1, 2) * A == M{{Q(1, 2), 1}, {Q(3, 2), 2}});
    CHECK(transpose(M{{1, 2, 3}}) == M{{1}, {2}, {3}});
    CHECK(hadamard(A, A) == M{{1, 4}, {9, 16}});
    // The layer of notes 003: [[5,2],[3,6]]·[10,20] = [90, 150].
    CHECK(M{{5, 2}, {3, 6}} * M{{10}, {20}} == M{{90}, {150}});
}

TEST_CASE("shape mismatches name both shapes") {
    M A{{1, 2, 3}, {4, 5, 6}};
    CHECK_THROWS_WITH_AS(A * A, "cannot multiply 2×3 by 2×3: inner dimensions 3 and 2 differ", ShapeError);
    CHECK_THROWS_WITH_AS(A + transpose(A), "cannot add 2×3 and 3×2: shapes differ", ShapeError);
    CHECK_THROWS_WITH_AS(A - M{{1}}, "cannot subtract 2×3 and 1×1: shapes differ", ShapeError);
    CHECK_THROWS_WITH_AS(hadamard(A, M{{1}}),
                         "cannot take the Hadamard product of 2×3 and 1×1: shapes differ", ShapeError);
    CHECK_THROWS_WITH_AS(augment(A, M{{1}}), "cannot augment 2×3 with 1×1: 2 and 1 rows differ", ShapeError);
}

TEST_CASE("augmenting remembers the bar") {
    M A{{2, 3}, {4, 5}};
    M b{{6}, {10}};
    M Ab = augment(A, b);
    CHECK(Ab.augment() == 1);
    CHECK(Ab == M{{2, 3, 6}, {4, 5, 10}});
    CHECK(fmt::format("{}", Ab) == "[[2, 3 | 6], [4, 5 | 10]]");
    CHECK(fmt::format("{:p}", Ab) == "[ 2 3 |  6 ]\n[ 4 5 | 10 ]");
    CHECK(columns(Ab, 2, 1) == b);
    CHECK_THROWS_AS(Ab.set_augment(4), ShapeError);
}

TEST_CASE("formatting and the math tree keep numbers exact") {
    M A{{Q(-1, 2), 3}};
    CHECK(fmt::format("{}", A) == "[[-1/2, 3]]");
    CHECK(fmt::format("{}", Q(2, 6)) == "1/3");
    trace::Math m = to_math(A);
    CHECK(m.kind == trace::Kind::matrix);
    CHECK(m.rows == 1);
    CHECK(m.args[0].text == "-1/2");
    Matrix<double> D{{0.1, 2}};
    CHECK(fmt::format("{}", D) == "[[0.1, 2]]");
}

TEST_CASE("conversions between scalar types are explicit and exact where they can be") {
    M A{{Q(1, 3), Q(1, 2)}};
    Matrix<double> D = matrix_cast<double>(A);
    CHECK(D(0, 0) == 1.0 / 3.0);
    CHECK(D(0, 1) == 0.5);
    CHECK(matrix_cast<Rational>(D)(0, 1) == Q(1, 2));
    CHECK(matrix_cast<Rational>(D)(0, 0) != Q(1, 3));
}

TEST_CASE("algebraic laws hold exactly on 300 seeded random matrices") {
    std::mt19937_64 rng(20261121);
    std::uniform_int_distribution<std::size_t> dim(1, 6);
    for (int trial = 0; trial < 300; ++trial) {
        std::size_t m = dim(rng), n = dim(rng), p = dim(rng), q = dim(rng);
        bool fractions = trial % 2 == 1;
        M A = testing::random_rational(rng, m, n, 9, fractions);
        M B = testing::random_rational(rng, n, p, 9, fractions);
        M B2 = testing::random_rational(rng, n, p, 9, fractions);
        M C = testing::random_rational(rng, p, q, 9, fractions);
        CAPTURE(trial);
        CHECK((A * B) * C == A * (B * C));
        CHECK(transpose(A * B) == transpose(B) * transpose(A));
        CHECK(A * (B + B2) == A * B + A * B2);
        CHECK((B + B2) - B2 == B);
        CHECK(hadamard(B, B2) == hadamard(B2, B));
        CHECK(M::identity(m) * A == A);
    }
}

TEST_CASE("double arithmetic agrees with exact arithmetic within rounding") {
    std::mt19937_64 rng(99);
    for (int trial = 0; trial < 50; ++trial) {
        M A = testing::random_rational(rng, 5, 7, 9, true);
        M B = testing::random_rational(rng, 7, 4, 9, true);
        Matrix<double> product = matrix_cast<double>(A) * matrix_cast<double>(B);
        M exact = A * B;
        for (std::size_t k = 0; k < exact.size(); ++k) {
            // Each entry is a sum of 7 products of doubles with relative error ≤ 2^-53 each:
            // the error is at most a few units in the last place of the sum of |terms| ≤ 7·81.
            CHECK(std::abs(product.entries()[k] - rational_to_double(exact.entries()[k])) <= 1e-12);
        }
    }
}

TEST_CASE("exact products through integers equal the textbook sum Σ_k a_ik b_kj, fallback included") {
    std::mt19937_64 rng(2026);
    // c_ij = Σ_k a_ik b_kj, one fraction at a time
    auto textbook = [](const M& A, const M& B) {
        M C(A.rows(), B.cols());
        for (std::size_t i = 0; i < A.rows(); ++i)
            for (std::size_t j = 0; j < B.cols(); ++j)
                for (std::size_t k = 0; k < A.cols(); ++k) C(i, j) += A(i, k) * B(k, j);
        return C;
    };
    for (int trial = 0; trial < 100; ++trial) {
        std::uniform_int_distribution<std::size_t> size(1, 12);
        std::size_t m = size(rng), n = size(rng), p = size(rng);
        M A = testing::random_rational(rng, m, n, 9, trial % 2 == 0);
        M B = testing::random_rational(rng, n, p, 99, trial % 3 != 0);
        CHECK(A * B == textbook(A, B));
    }
    // denominators of 2^600 and 3^400: the lcms are too large, the fractions are multiplied as they are
    M A(8, 8), B(8, 8);
    Q big = Q(Integer(1), Integer(1) << 600), other = Q(Integer(1), boost::multiprecision::pow(Integer(3), 400));
    for (std::size_t i = 0; i < 8; ++i)
        for (std::size_t j = 0; j < 8; ++j) {
            A(i, j) = big * Q(int(i + j) - 7);
            B(i, j) = other * Q(int(i * j) + 1) + Q(1, 7);
        }
    CHECK(A * B == textbook(A, B));

    // Data with short decimals: every cleared entry fits in 64 bits and every sum in 128, XᵀX is
    // symmetric and summed once per pair.
    for (int trial = 0; trial < 20; ++trial) {
        std::uniform_int_distribution<int> digits(-999999, 999999), places(0, 4);
        M X(40, 6), y(40, 1);
        for (Q& x : X.entries()) x = Q(digits(rng), boost::multiprecision::pow(Integer(10), unsigned(places(rng))));
        for (Q& x : y.entries()) x = Q(digits(rng), 100);
        const M Xt = transpose(X), XtX = Xt * X;
        CHECK(XtX == textbook(Xt, X));
        CHECK(XtX == transpose(XtX));
        CHECK(Xt * y == textbook(Xt, y));
    }
    // The 128-bit bound: n · max|a| · max|b| < 2^(bits(a) + bits(b) + bits(n)) must be at most
    // 2^127. A is 1×64 and B 64×1, their entries alternating two values; n = 64 has 7 bits.
    // Each answer must be the exact sum, whichever path it took.
    const Integer two = 2;
    auto alternating = [](std::size_t rows, std::size_t cols, const Q& even, const Q& odd) {
        M L(rows, cols);
        for (std::size_t k = 0; k < L.size(); ++k) L.entries()[k] = k % 2 ? odd : even;
        return L;
    };
    const Q bits60 = Q(pow(two, 60) - 1), bits61 = Q(pow(two, 61) - 1), bits63 = Q(pow(two, 63) - 1);
    struct Bound {
        Q a0, a1, b0, b1;
    };
    const std::vector<Bound> bounds = {
        {bits60, -bits60, bits60, bits60},  // 60 + 60 + 7 = 127: 128-bit sums
        {bits61, bits61, bits60, -bits60},  // 61 + 60 + 7 = 128: GMP, though these sums would fit
        {bits63, bits63, bits63, bits63},   // 63 + 63 + 7: GMP, and the sums overflow 128 bits
        {Q(pow(two, 63)), Q(1), Q(1), Q(1)},  // a numerator of 64 bits: GMP
        {Q(pow(two, 62) + 1, 3), Q(-1, 3), Q(1), Q(1, 5)},  // l a = 2^62 + 1, 63 bits: 128-bit sums
        {Q(pow(two, 62), 3), Q(1, 5), Q(1), Q(1)},  // l a = 5 · 2^62 needs 65 bits: GMP
        {Q(1, pow(two, 40)), Q(1, boost::multiprecision::pow(Integer(3), 20)), Q(1), Q(1)},  // l > 2^63: GMP
    };
    for (const Bound& c : bounds) {
        CAPTURE(c.a0);
        CAPTURE(c.b1);
        const M A = alternating(1, 64, c.a0, c.a1), B = alternating(64, 1, c.b0, c.b1);
        CHECK(A * B == textbook(A, B));
        CHECK(transpose(A) * A == textbook(transpose(A), A));
        CHECK(B * transpose(B) == textbook(B, transpose(B)));
    }
}

}  // namespace test_matrix
