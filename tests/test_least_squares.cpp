// Least squares by Householder QR: a hand-checked fit, floating solutions against the exact
// solution of the normal equations XᵀX β = Xᵀy (Rational), the residual's orthogonality to X,
// the errors (dependent columns, shapes, Rational, non-finite entries) and the trace's structure.
#include <fstream>
#include <random>
#include <sstream>

#include "support.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/echelon.hpp"
#include "showwork/solvers/householder_qr.hpp"
#include "showwork/solvers/linear_system.hpp"

namespace test_least_squares {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using Q = Rational;
using M = Matrix<Rational>;

namespace {

// The exact least-squares solution: XᵀX β = Xᵀy, solved by elimination over ℚ.
M exact_least_squares(const M& X, const M& y) {
    M Xt = transpose(X);
    return solve_unique(M(Xt * X), M(Xt * y));
}

// max_i |b_i − β_i| / max_i |β_i|, exactly, then rounded to double.
template <Scalar T>
double relative_error(const Matrix<T>& b, const M& beta) {
    Q difference = 0, largest = 0;
    for (std::size_t i = 0; i < beta.rows(); ++i) {
        difference = std::max<Q>(difference, abs(Q(scalar_cast<Q>(b(i, 0)) - beta(i, 0))));
        largest = std::max<Q>(largest, abs(beta(i, 0)));
    }
    return largest == 0 ? rational_to_double(difference) : rational_to_double(Q(difference / largest));
}

// ‖A‖_F in T
template <Scalar T>
T frobenius(const Matrix<T>& A) {
    using std::sqrt;
    T sum(0);
    for (const T& x : A.entries()) sum += x * x;
    return sqrt(sum);
}

// A full-rank m×p problem with entries (integers or fractions) in [−9, 9], m in [p, 3p].
struct Problem {
    M X, y;
};

Problem random_problem(std::mt19937_64& rng, std::size_t p, bool fractions) {
    std::uniform_int_distribution<std::size_t> rows(p, 3 * p);
    for (;;) {
        std::size_t m = rows(rng);
        Problem problem{testing::random_rational(rng, m, p, 9, fractions), testing::random_rational(rng, m, 1, 9, fractions)};
        if (rank(problem.X) == p) return problem;
    }
}

// NIST StRD Longley (data/strd/Longley.dat): the header's "Data (lines 61 to 76)" holds
// y x1 … x6 per line; X gets an intercept column of ones first.
Problem longley() {
    std::ifstream in(std::string(SHOWWORK_DATA) + "/strd/Longley.dat");
    REQUIRE(in);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    REQUIRE(lines.size() >= 76);
    REQUIRE(lines[5].find("Data              (lines 61 to 76)") != std::string::npos);
    Problem problem{M(16, 7), M(16, 1)};
    for (std::size_t i = 0; i < 16; ++i) {
        std::istringstream words(lines[60 + i]);
        std::string word;
        words >> word;
        problem.y(i, 0) = parse_rational(word);
        problem.X(i, 0) = 1;
        for (std::size_t j = 1; j < 7; ++j) {
            words >> word;
            problem.X(i, j) = parse_rational(word);
        }
    }
    return problem;
}

std::string singular_message(const Matrix<double>& X, const Matrix<double>& y) {
    try {
        least_squares_qr(X, y);
    } catch (const SingularError& e) {
        return e.what();
    }
    return "no SingularError";
}

}  // namespace

TEST_CASE("the line through (0, 6), (1, 0), (2, 0) that fits best is y = 5 − 3x, residual length √6") {
    Matrix<double> X{{1, 0}, {1, 1}, {1, 2}};
    Matrix<double> y{{6}, {0}, {0}};
    QRLeastSquares<double> fit = least_squares_qr(X, y);
    CHECK(fit.coefficients(0, 0) == doctest::Approx(5).epsilon(1e-14));
    CHECK(fit.coefficients(1, 0) == doctest::Approx(-3).epsilon(1e-14));
    CHECK(fit.residual_norm == doctest::Approx(std::sqrt(6.0)).epsilon(1e-14));
    // R is upper triangular with RᵀR = XᵀX; R β̂ = Qᵀy.
    REQUIRE(fit.R.rows() == 2);
    CHECK(fit.R(1, 0) == 0);
    Matrix<double> RtR = transpose(fit.R) * fit.R, XtX = transpose(X) * X;
    for (std::size_t k = 0; k < 4; ++k) CHECK(RtR.entries()[k] == doctest::Approx(XtX.entries()[k]).epsilon(1e-14));
    Matrix<double> Rb = fit.R * fit.coefficients;
    for (std::size_t i = 0; i < 2; ++i) CHECK(Rb(i, 0) == doctest::Approx(fit.Qt_y(i, 0)).epsilon(1e-14));
    // The sign choice: r₁₁ = −sign(x₁)‖x‖ = −√3.
    CHECK(fit.R(0, 0) == doctest::Approx(-std::sqrt(3.0)).epsilon(1e-15));
}

TEST_CASE("Float50 QR agrees with the exact normal-equations solution to 40 digits on random problems") {
    std::mt19937_64 rng(20261130);
    double worst = 0;
    int problems = 0;
    for (std::size_t p = 1; p <= 6; ++p) {
        for (int trial = 0; trial < 50; ++trial, ++problems) {
            Problem problem = random_problem(rng, p, trial % 2 == 1);
            M beta = exact_least_squares(problem.X, problem.y);
            auto fit = least_squares_qr(matrix_cast<Float50>(problem.X), matrix_cast<Float50>(problem.y));
            double error = relative_error(fit.coefficients, beta);
            worst = std::max(worst, error);
            CHECK_MESSAGE(error <= 1e-40, "X ", problem.X.shape(), ": relative error ", error);
        }
    }
    MESSAGE(problems, " problems, worst relative error ", worst);
}

TEST_CASE("double QR agrees with the exact solution to 1e-12 on well-conditioned random problems") {
    std::mt19937_64 rng(1130);
    double worst = 0;
    int problems = 0;
    for (std::size_t p = 1; p <= 6; ++p) {
        for (int trial = 0; trial < 50; ++trial) {
            Problem problem = random_problem(rng, p, trial % 2 == 1);
            auto fit = least_squares_qr(matrix_cast<double>(problem.X), matrix_cast<double>(problem.y));
            const double* r = fit.R.entries().data();
            double largest = 0, smallest = INFINITY;
            for (std::size_t i = 0; i < p; ++i) {
                largest = std::max(largest, std::abs(r[i * p + i]));
                smallest = std::min(smallest, std::abs(r[i * p + i]));
            }
            if (largest / smallest > 30) continue;  // max|r_ii|/min|r_ii| ≤ κ₂(X)
            ++problems;
            double error = relative_error(fit.coefficients, exact_least_squares(problem.X, problem.y));
            worst = std::max(worst, error);
            CHECK_MESSAGE(error <= 1e-12, "X ", problem.X.shape(), ": relative error ", error);
        }
    }
    CHECK(problems >= 150);
    MESSAGE(problems, " well-conditioned problems, worst relative error ", worst);
}

TEST_CASE_TEMPLATE("the residual y − Xβ̂ is orthogonal to the columns of X", T, double, Float50) {
    std::mt19937_64 rng(42);
    for (int trial = 0; trial < 100; ++trial) {
        Problem problem = random_problem(rng, 1 + trial % 6, trial % 3 == 0);
        Matrix<T> X = matrix_cast<T>(problem.X), y = matrix_cast<T>(problem.y);
        auto fit = least_squares_qr(X, y);
        Matrix<T> r = y - X * fit.coefficients;
        Matrix<T> Xt_r = transpose(X) * r;
        // |Xᵀr| ≤ c m ε ‖X‖ (‖y‖ + ‖X‖‖β̂‖): the rounding of r itself
        T bound = T(100) * T(X.rows()) * ScalarTraits<T>::epsilon() * frobenius(X) *
                  (frobenius(y) + frobenius(X) * frobenius(fit.coefficients));
        for (const T& x : Xt_r.entries()) CHECK(abs(x) <= bound);
        // and its length is the residual norm QR reports
        CHECK(abs(frobenius(r) - fit.residual_norm) <= bound);
    }
}

TEST_CASE("a consistent system is fitted exactly: residual zero, β the solution") {
    Matrix<Float50> X{{1, 1}, {1, 2}, {1, 3}, {1, 4}};
    Matrix<Float50> y{{3}, {5}, {7}, {9}};  // y = 1 + 2x
    auto fit = least_squares_qr(X, y);
    CHECK(abs(fit.coefficients(0, 0) - 1) < Float50(1e-45));
    CHECK(abs(fit.coefficients(1, 0) - 2) < Float50(1e-45));
    CHECK(fit.residual_norm < Float50(1e-45));
}

TEST_CASE("a column that is a combination of the ones before it is a SingularError naming it") {
    Matrix<double> y{{1}, {2}, {3}, {5}, {8}};
    SUBCASE("x₃ = x₁ + 2x₂") {
        Matrix<double> X{{1, 2, 5}, {1, -1, -1}, {1, 0, 1}, {1, 3, 7}, {1, 4, 9}};
        std::string message = singular_message(X, y);
        CHECK(message.find("column 3 of X is a linear combination of the columns before it") != std::string::npos);
        CHECK(message.find("r₃₃") != std::string::npos);
    }
    SUBCASE("a repeated column") {
        Matrix<double> X{{1, 0.1, 0.1}, {1, 0.2, 0.2}, {1, 0.3, 0.3}, {1, 0.7, 0.7}, {1, 1.1, 1.1}};
        CHECK(singular_message(X, y).find("column 3 of X") != std::string::npos);
    }
    SUBCASE("a zero column") {
        Matrix<double> X{{1, 0}, {2, 0}, {3, 0}, {4, 0}, {5, 0}};
        CHECK(singular_message(X, y).find("column 2 of X is all zeros") != std::string::npos);
    }
    SUBCASE("Float50 too, the dependent column in the middle") {
        Matrix<Float50> X{{1, 2, 3}, {1, 2, 0}, {1, 2, 1}, {1, 2, 4}};
        Matrix<Float50> yy{{1}, {2}, {3}, {4}};
        CHECK_THROWS_WITH_AS(least_squares_qr(X, yy), doctest::Contains("column 2 of X is a linear combination"),
                             SingularError);
    }
    SUBCASE("a looser tolerance calls a nearly dependent column dependent") {
        Matrix<double> X{{1, 1}, {1, 1 + 1e-9}, {1, 1}};
        Matrix<double> yy{{1}, {2}, {3}};
        CHECK_NOTHROW(least_squares_qr(X, yy));
        QROptions<double> loose;
        loose.tolerance = 1e-6;
        CHECK_THROWS_AS(least_squares_qr(X, yy, loose), SingularError);
    }
}

TEST_CASE("shapes: fewer rows than columns and a y that does not fit are ShapeErrors naming the shapes") {
    Matrix<double> X{{1, 2, 3}, {4, 5, 6}};
    Matrix<double> y{{1}, {2}};
    CHECK_THROWS_WITH_AS(least_squares_qr(X, y), doctest::Contains("X is 2×3"), ShapeError);
    Matrix<double> tall{{1, 2}, {3, 4}, {5, 7}};
    CHECK_THROWS_WITH_AS(least_squares_qr(tall, y), doctest::Contains("y must be 3×1 for X 3×2, not 2×1"), ShapeError);
}

TEST_CASE("exact arithmetic has no Householder QR: DomainError pointing at the normal equations") {
    M X{{1, 0}, {1, 1}, {1, 2}};
    M y{{6}, {0}, {0}};
    CHECK_THROWS_WITH_AS(least_squares_qr(X, y), doctest::Contains("use the normal equations"), DomainError);
}

TEST_CASE("a non-finite entry is a DomainError naming it") {
    Matrix<double> X{{1, 0}, {1, NAN}, {1, 2}};
    Matrix<double> y{{6}, {0}, {0}};
    CHECK_THROWS_WITH_AS(least_squares_qr(X, y), doctest::Contains("entry (2, 2) of X"), DomainError);
}

TEST_CASE("norms neither overflow nor underflow: X scaled by 1e200 or 1e-200 gives the same β") {
    Matrix<double> X{{1, 0}, {1, 1}, {1, 2}};
    Matrix<double> y{{6}, {0}, {0}};
    for (double s : {1e200, 1e-200}) {
        auto fit = least_squares_qr(Matrix<double>(s * X), Matrix<double>(s * y));
        CHECK(fit.coefficients(0, 0) == doctest::Approx(5).epsilon(1e-14));
        CHECK(fit.coefficients(1, 0) == doctest::Approx(-3).epsilon(1e-14));
        CHECK(fit.residual_norm / s == doctest::Approx(std::sqrt(6.0)).epsilon(1e-14));
    }
}

TEST_CASE("the trace of a small fit: (X | y), one reflection per column, R β = Qᵀy, back substitution, check") {
    Matrix<double> X{{1, 0}, {1, 1}, {1, 2}};
    Matrix<double> y{{6}, {0}, {0}};
    trace::Trace t;
    auto fit = least_squares_qr(X, y, {}, &t);
    CHECK(fit.coefficients == least_squares_qr(X, y).coefficients);  // tracing changes nothing
    const auto& steps = t.steps();
    std::vector<std::string> kinds;
    for (const auto& s : steps) kinds.push_back(s.kind);
    CHECK(kinds == std::vector<std::string>{"matrix", "householder", "householder", "triangular_system",
                                            "back_substitution", "solution", "check"});
    for (std::size_t k : {1, 2}) {
        REQUIRE(steps[k].substeps.size() == 2);
        CHECK(steps[k].substeps[0].kind == "reflector");
        CHECK(steps[k].substeps[1].kind == "reflect");
        // the matrix after H_k: 3×3 with the bar before y, zeros below the diagonal so far
        const trace::Math& after = *steps[k].substeps[1].state;
        CHECK(after.rows == 3);
        CHECK(after.cols == 3);
        CHECK(after.augment == 1);
        CHECK(after.args[3].text == "0");
        CHECK(after.args[6].text == "0");
    }
    CHECK(steps[1].text.find("Reflect column 1 onto e₁: H₁ = I − 2v₁v₁ᵀ/(v₁ᵀv₁)") == 0);
    CHECK(steps[4].substeps.size() == 2);
    CHECK(steps[4].substeps[0].kind == "back_substitution");
}

TEST_CASE("the trace of a larger fit leaves the reflections out but still solves R β = Qᵀy") {
    std::mt19937_64 rng(7);
    M X = testing::random_rational(rng, 60, 4), y = testing::random_rational(rng, 60, 1);
    trace::Trace t;
    least_squares_qr(matrix_cast<double>(X), matrix_cast<double>(y), {}, &t);
    const auto& steps = t.steps();
    REQUIRE(steps.size() == 4);
    CHECK(steps[0].kind == "householder");
    CHECK(steps[0].substeps.empty());
    CHECK(steps[0].text.find("not shown") != std::string::npos);
    CHECK(steps[1].kind == "triangular_system");
    CHECK(steps[2].substeps.size() == 4);
    CHECK(steps[3].kind == "solution");
}

TEST_CASE("NIST Longley: QR keeps 8 digits in double and 40 in Float50 of the exact fit, NIST's B0 to 15") {
    Problem problem = longley();
    M beta = exact_least_squares(problem.X, problem.y);
    // NIST's certified B0 = -3482258.63459582 (15 digits)
    CHECK(abs(Q(beta(0, 0) - parse_rational("-3482258.63459582"))) < Q(1, 100'000'000));
    auto in_double = least_squares_qr(matrix_cast<double>(problem.X), matrix_cast<double>(problem.y));
    auto in_float50 = least_squares_qr(matrix_cast<Float50>(problem.X), matrix_cast<Float50>(problem.y));
    double double_error = relative_error(in_double.coefficients, beta);
    double float50_error = relative_error(in_float50.coefficients, beta);
    MESSAGE("Longley: relative error ", double_error, " in double, ", float50_error, " in Float50");
    CHECK(double_error < 1e-8);
    CHECK(float50_error < 1e-40);
}

}  // namespace test_least_squares
