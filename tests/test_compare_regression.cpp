// Least squares exactly against floating point: the 2-norm condition numbers from Jacobi's
// eigenvalues, the digits kept, NIST StRD sets measured by method (QR keeps what the normal
// equations lose), and seeded random problems (an own generator, the same on every platform):
// the exact residual is orthogonal to X, exactly, and Float50 QR agrees with the exact fit to
// 40 digits.
#include <cstdint>

#include <boost/math/constants/constants.hpp>

#include "strd.hpp"
#include "support.hpp"
#include "showwork/compare/compare.hpp"
#include "showwork/compare/compare_regression.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/regression/fit.hpp"

namespace test_compare_regression {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using Q = Rational;
using M = Matrix<Rational>;

namespace {

// SplitMix64 (Steele, Lea and Flood 2014): a 64-bit state advanced by a constant, then mixed;
// every platform gives the same sequence, unlike the standard library's distributions.
struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // An integer in [lo, hi] (the bias of the remainder, below 2⁻⁵⁹, does not matter here).
    long between(long lo, long hi) { return lo + static_cast<long>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
};

// m × n entries: integers in [−9, 9], or fractions p/q with q in [1, 9].
M random_matrix(SplitMix64& rng, std::size_t m, std::size_t n, bool fractions) {
    M A(m, n);
    for (auto& x : A.entries()) x = fractions ? Q(rng.between(-9, 9), rng.between(1, 9)) : Q(rng.between(-9, 9));
    return A;
}

regression::Design<Q> strd_design(const std::string& name) {
    testing::StrdFile s = testing::read_strd(name);
    regression::DataSet<Q> data = regression::read_data<Q>(s.data, name);
    return regression::design(data, testing::strd_model(s, data.names.size()));
}

template <Scalar F>
RegressionComparison<F> compare_strd(const std::string& name) {
    regression::Design<Q> d = strd_design(name);
    return compare_regression<F>(d.X, d.y, d.parameters);
}

template <Scalar F>
std::string fewest(const FloatingLeastSquares<F>& f) {
    return f.coefficients ? fmt::format("{:.1f}", *f.fewest_digits()) : "fails";
}

}  // namespace

TEST_CASE("Jacobi's eigenvalues of a symmetric matrix, in decreasing order") {
    auto lambda = symmetric_eigenvalues(Matrix<Float50>{{2, 1}, {1, 2}});
    REQUIRE(lambda.size() == 2);
    CHECK(abs(lambda[0] - 3) < Float50(1e-45));
    CHECK(abs(lambda[1] - 1) < Float50(1e-45));
    // The 2nd difference matrix tridiag(−1, 2, −1) of order 5: λ_k = 2 − 2 cos(kπ/6).
    Matrix<Float50> T(5, 5);
    for (std::size_t i = 0; i < 5; ++i) {
        T(i, i) = 2;
        if (i + 1 < 5) T(i, i + 1) = T(i + 1, i) = -1;
    }
    lambda = symmetric_eigenvalues(T);
    const Float50 pi = boost::math::constants::pi<Float50>();
    for (int k = 1; k <= 5; ++k) CHECK(abs(lambda[5 - k] - (2 - 2 * cos(k * pi / 6))) < Float50(1e-45));
}

TEST_CASE("κ(X) = σmax/σmin and κ(XᵀX) = κ(X)²: columns of lengths 1, 10 and 100") {
    // Orthogonal columns: the singular values are the lengths, κ(X) = 100, κ(XᵀX) = 10⁴.
    M X{{1, 0, 0}, {0, 6, 0}, {0, 8, 0}, {0, 0, 100}};
    SpectralCondition c = spectral_condition(X);
    CHECK(abs(c.kappa_X - 100) < Float50(1e-40));
    CHECK(abs(c.kappa_XtX - 10000) < Float50(1e-38));
    CHECK(!c.singular);
    CHECK(spectral_condition(M{{1, 2}, {2, 4}, {3, 6}}).singular);
}

TEST_CASE("digits kept: −log₁₀ of the exact relative error, from 0 to all the scalar carries") {
    Q rho;
    CHECK(digits_kept(Q(3), Q(3), 15.95, rho) == 15.95);
    CHECK(rho == 0);
    CHECK(digits_kept(Q(0), Q(1, 1000), 15.95, rho) == 0);  // 0 ≠ b̂: no digit kept
    CHECK(digits_kept(Q(1), Q(100001, 100000), 15.95, rho) == doctest::Approx(5));
    CHECK(rho == Q(1, 100000));
    CHECK(digits_kept(Q(1), Q(3), 15.95, rho) == 0);                      // wrong by 200%
    CHECK(digits_kept(Q(1), Q(1) + Q(1) / Q(Integer(1) << 80), 15.95, rho) == 15.95);  // below ε: clamped
    CHECK(full_digits<double>() == doctest::Approx(15.95).epsilon(1e-3));
    CHECK(full_digits<Float50>() > 50);
}

TEST_CASE("the notes' line in double: both methods keep nearly every digit, κ(XᵀX) = κ(X)²") {
    M X{{1, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}}, y = M::column({2, 4, 5, 4, 5});
    RegressionComparison<double> c = compare_regression<double>(X, y, {"(Intercept)", "x"});
    CHECK(c.exact == M::column({Q(11, 5), Q(3, 5)}));
    REQUIRE(c.normal.coefficients);
    REQUIRE(c.qr.coefficients);
    CHECK(*c.normal.fewest_digits() >= 14);
    CHECK(*c.qr.fewest_digits() >= 14);
    CHECK(c.qr.relative_errors.size() == 2);
    // XᵀX = (5 15; 15 55): λ² − 60λ + 50 = 0, λ = 30 ± √850
    const Float50 root = sqrt(Float50(850));
    CHECK(abs(c.condition.kappa_XtX - (30 + root) / (30 - root)) < Float50(1e-40));
    CHECK(abs(c.condition.kappa_X * c.condition.kappa_X - c.condition.kappa_XtX) < Float50(1e-40));
}

TEST_CASE("data beyond double's range is an input error naming the observation and the column") {
    // x = 10²⁰⁰ fits in double, x² = 10⁴⁰⁰ does not
    M X{{1, 1, 1}, {1, 2, 4}, {1, 0, 0}}, y = M::column({1, 2, 3});
    Q big(1);
    for (int k = 0; k < 200; ++k) big *= 10;
    X(2, 1) = big;
    X(2, 2) = big * big;
    CHECK_THROWS_WITH_AS(compare_regression<double>(X, y, {"(Intercept)", "x", "x^2"}),
                         "observation 3, column x^2 of X: 1e400 is beyond the range of double (its largest is about "
                         "1.8e+308), and compare reads X and y in double for its floating fits; --number float50 holds it",
                         InputError);
    CHECK_NOTHROW(compare_regression<Float50>(X, y, {"(Intercept)", "x", "x^2"}));
}

TEST_CASE("a traced comparison: the exact fit, both floating fits, κ and the table of digits") {
    trace::Trace t;
    M X{{1, 1}, {1, 2}, {1, 3}}, y = M::column({1, 3, 2});
    compare_regression<Float50>(X, y, {"(Intercept)", "x"}, &t);
    std::vector<std::string> kinds;
    for (const auto& s : t.steps()) kinds.push_back(s.kind);
    CHECK(kinds == std::vector<std::string>{"exact", "floating", "floating", "compare", "compare"});
    CHECK(t.steps()[2].text.find("Householder QR") != std::string::npos);
}

TEST_CASE("dependent columns: the exact fit refuses them, naming the dependency") {
    M X{{1, 2}, {1, 2}, {1, 2}}, y = M::column({1, 2, 3});
    CHECK_THROWS_AS(compare_regression<double>(X, y, {"(Intercept)", "c"}), SingularError);
}

// The digits each method keeps of NIST's sets, min over the coefficients: the README's table.
TEST_CASE("NIST StRD: double QR keeps at least 6 digits of every estimate; the normal equations fewer") {
    for (const char* name : {"Norris.dat", "Pontius.dat", "Longley.dat"}) {
        RegressionComparison<double> d = compare_strd<double>(name);
        RegressionComparison<Float50> f = compare_strd<Float50>(name);
        MESSAGE(std::string(name), ": log10 κ(X) = ", fmt::format("{:.2f}", static_cast<double>(log10(d.condition.kappa_X))),
                ", digits kept (fewest): double normal ", fewest(d.normal), ", double QR ", fewest(d.qr),
                ", Float50 normal ", fewest(f.normal), ", Float50 QR ", fewest(f.qr));
        INFO(name);
        REQUIRE(d.qr.coefficients);
        CHECK(*d.qr.fewest_digits() >= 6);
        REQUIRE(f.qr.coefficients);
        CHECK(*f.qr.fewest_digits() >= 30);
        // QR is never worse than the normal equations by more than rounding noise
        if (d.normal.coefficients) CHECK(*d.qr.fewest_digits() >= *d.normal.fewest_digits() - 1);
    }
}

TEST_CASE("Longley: the normal equations in double lose about twice the digits QR loses") {
    RegressionComparison<double> c = compare_strd<double>("Longley.dat");
    const double log_kappa = static_cast<double>(log10(c.condition.kappa_X));
    CHECK(log_kappa > 8);  // κ(X) ≈ 5·10⁹: NIST's "higher difficulty"
    CHECK(abs(c.condition.kappa_X * c.condition.kappa_X / c.condition.kappa_XtX - 1) < Float50(1e-25));
    REQUIRE(c.qr.coefficients);
    CHECK(*c.qr.fewest_digits() >= 6);
    CHECK((!c.normal.coefficients || *c.normal.fewest_digits() < *c.qr.fewest_digits()));
}

TEST_CASE("seeded random problems: Xᵀr = 0 exactly, and Float50 QR keeps 40 digits of the exact fit") {
    SplitMix64 rng{20261201};
    int fitted = 0;
    double worst = 100;
    for (int k = 0; k < 300; ++k) {
        const std::size_t p = 1 + k % 5, m = p + 1 + static_cast<std::size_t>(rng.between(0, 2 * static_cast<long>(p)));
        M X = random_matrix(rng, m, p, k % 2 == 1), y = random_matrix(rng, m, 1, k % 3 == 0);
        regression::Design<Q> d;
        d.X = X;
        d.y = y;
        for (std::size_t j = 0; j < p; ++j) d.parameters.push_back("x" + std::to_string(j + 1));
        d.intercept = false;
        regression::Fit<Q> f;
        try {
            f = regression::fit(d);
        } catch (const SingularError&) {
            continue;  // dependent random columns
        }
        ++fitted;
        // the residual is orthogonal to every column of X, exactly: the normal equations
        CHECK(transpose(X) * f.residuals == M(p, 1));
        RegressionComparison<Float50> c = compare_regression<Float50>(X, y, d.parameters);
        CHECK(c.exact == f.coefficients);
        REQUIRE(c.qr.coefficients);
        // 40 digits of β̂ as a whole: max_j |b̂_j − β̂_j| ≤ 10⁻⁴⁰ max_j |β̂_j|, exactly
        Q error = 0, size = 0;
        for (std::size_t j = 0; j < p; ++j) {
            error = std::max<Q>(error, abs(Q(scalar_cast<Q>((*c.qr.coefficients)(j, 0)) - c.exact(j, 0))));
            size = std::max<Q>(size, abs(c.exact(j, 0)));
        }
        INFO("X " << X.shape() << " = " << X);
        if (size == 0) {
            CHECK(error <= parse_rational("1e-40"));  // y ⟂ X: β̂ = 0
            continue;
        }
        CHECK(error <= size * parse_rational("1e-40"));
        if (error != 0) worst = std::min(worst, -log10_of(error / size));
    }
    CHECK(fitted >= 250);
    MESSAGE(fitted, " random problems; Float50 QR keeps at least ", worst, " digits of the exact β̂");
}

}  // namespace test_compare_regression
