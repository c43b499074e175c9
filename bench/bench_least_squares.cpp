// Least squares min ‖Xβ − y‖: in double by Householder QR against Eigen's HouseholderQR, and
// exactly by the normal equations XᵀX β = Xᵀy against FLINT, on real data sets.
//
// Double: X m×p uniform in [−1, 1], y too, from a fixed seed; both sides factor and solve
// (showwork: least_squares_qr; Eigen: HouseholderQR<MatrixXd>(X).solve(y)).
// Exact: NIST StRD Longley (16×7) and the diabetes data (442×11), an intercept column of ones
// first, every decimal read exactly. Two rows each: the whole fit (form XᵀX and Xᵀy, then solve)
// and the solve alone on the same XᵀX, Xᵀy, and a third, the whole regression::fit (β̂, the
// residuals and the statistics, the diagonal of (XᵀX)⁻¹ among them) against the first FLINT
// time: what `showwork regress` costs against the least a user of FLINT would run. FLINT's side is fmpq_mat_transpose, fmpq_mat_mul and
// fmpq_mat_solve, its general solver over ℚ (it clears denominators and picks its method), the
// one a user would call. The answers must be equal exactly.
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "bench/flint_side.hpp"
#include "bench/harness.hpp"
#include "bench/library_side.hpp"
#include "showwork/matrix/arithmetic.hpp"

#if SHOWWORK_BENCH_EIGEN
#include <Eigen/Dense>
#endif

namespace showwork::bench {
namespace {

// ---- Data: the project's copies in data/ (SHOWWORK_BENCH_DATA), never ../shared ----

struct Data {
    Matrix<Rational> X, y;  // X with the intercept column of ones first
};

std::vector<std::string> read_lines(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();  // NIST's CRLF
        lines.push_back(line);
    }
    return lines;
}

// One observation per line: y first, then the predictors; X gets a 1 before them.
Data observations(const std::vector<std::vector<std::string>>& rows) {
    const std::size_t m = rows.size(), p = rows.at(0).size();
    Data d{Matrix<Rational>(m, p), Matrix<Rational>(m, 1)};
    for (std::size_t i = 0; i < m; ++i) {
        if (rows[i].size() != p) throw std::runtime_error(fmt::format("observation {} has {} values, not {}", i + 1, rows[i].size(), p));
        d.y(i, 0) = parse_rational(rows[i][0]);
        d.X(i, 0) = 1;
        for (std::size_t j = 1; j < p; ++j) d.X(i, j) = parse_rational(rows[i][j]);
    }
    return d;
}

// NIST StRD .dat: the header's "Data (lines a to b)" names the lines holding y x1 … x6.
Data read_longley(const std::string& path) {
    std::vector<std::string> lines = read_lines(path);
    std::size_t first = 0, last = 0;
    for (const std::string& line : lines) {
        auto at = line.find("Data ");
        if (at == std::string::npos || line.find("(lines") == std::string::npos) continue;
        if (std::sscanf(line.c_str() + line.find("(lines"), "(lines %zu to %zu)", &first, &last) == 2) break;
    }
    if (first == 0 || last < first || last > lines.size()) throw std::runtime_error(path + ": no data line range in the header");
    std::vector<std::vector<std::string>> rows;
    for (std::size_t n = first; n <= last; ++n) {
        std::istringstream words(lines[n - 1]);
        std::vector<std::string> row;
        for (std::string w; words >> w;) row.push_back(w);
        rows.push_back(row);
    }
    return observations(rows);
}

// diabetes.csv: a header row, then age, sex, bmi, bp, s1–s6, y; y moved to the front.
Data read_diabetes(const std::string& path) {
    std::vector<std::string> lines = read_lines(path);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t n = 1; n < lines.size(); ++n) {
        if (lines[n].empty()) continue;
        std::vector<std::string> row;
        std::istringstream fields(lines[n]);
        for (std::string f; std::getline(fields, f, ',');) row.push_back(f);
        row.insert(row.begin(), row.back());
        row.pop_back();
        rows.push_back(row);
    }
    return observations(rows);
}

#if SHOWWORK_BENCH_EIGEN
using EigenRowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
#endif

// ---- Double: Householder QR, X m×p ----

void add_qr(Table& table, std::mt19937_64& rng, std::size_t m, std::size_t p) {
    std::uniform_real_distribution<double> entry(-1.0, 1.0);
    Matrix<double> X(m, p), y(m, 1), beta;
    for (double& x : X.entries()) x = entry(rng);
    for (double& x : y.entries()) x = entry(rng);
    Row row{"least squares QR", m, "double", {}, "Eigen HouseholderQR", {}, 2.0 * m * p * p - 2.0 * p * p * p / 3, "-"};
    row.size = fmt::format("{}×{}", m, p);
    if (have_least_squares) row.showwork_seconds = median_seconds([&] { beta = library_least_squares_qr(X, y); });
#if SHOWWORK_BENCH_EIGEN
    Eigen::MatrixXd a = Eigen::Map<const EigenRowMajor>(X.entries().data(), long(m), long(p));
    Eigen::VectorXd b = Eigen::Map<const Eigen::VectorXd>(y.entries().data(), long(m)), x;
    row.reference_seconds = median_seconds([&] { x = Eigen::HouseholderQR<Eigen::MatrixXd>(a).solve(b); });
    if (have_least_squares) {
        double difference = 0, largest = 0;
        for (std::size_t i = 0; i < p; ++i) {
            difference = std::max(difference, std::abs(beta(i, 0) - x(long(i))));
            largest = std::max(largest, std::abs(x(long(i))));
        }
        // random X is well conditioned: both sides are accurate to about κ·ε
        row.check = difference <= 1e-10 * largest ? "same" : fmt::format("DIFFER by {:.1e}", difference / largest);
    }
#endif
    table.push_back(row);
}

// ---- Exact: the normal equations ----


void add_normal_equations(Table& table, const std::string& name, const Data& d) {
    const std::size_t m = d.X.rows(), p = d.X.cols();
    Row fit{"OLS " + name + ": XᵀX + solve", m, "exact", {}, "FLINT mul + fmpq_mat_solve", {}, 0, "-"};
    Row solve{"OLS " + name + ": solve only", p, "exact", {}, "FLINT fmpq_mat_solve", {}, 0, "-"};
    Row whole{"OLS " + name + ": regression::fit", m, "exact", {}, "FLINT mul + fmpq_mat_solve", {}, 0, "-"};
    fit.size = whole.size = fmt::format("{}×{}", m, p);
    solve.size = fmt::format("{}×{}", p, p);
    Matrix<Rational> beta_fit, beta_solve, beta_whole;
    Matrix<Rational> Xt = transpose(d.X), XtX = Xt * d.X, Xty = Xt * d.y;
    if (have_least_squares) {
        fit.showwork_seconds = median_seconds([&] { beta_fit = library_normal_equations(d.X, d.y); });
        solve.showwork_seconds = median_seconds([&] { beta_solve = library_solve(XtX, Xty); });
    }
    if (have_fit) whole.showwork_seconds = median_seconds([&] { beta_whole = library_fit(d.X, d.y); });
#if SHOWWORK_BENCH_FLINT
    FmpqMatrix fX(m, p), fy(m, 1), fXt(p, m), fXtX(p, p), fXty(p, 1), fbeta(p, 1), gbeta(p, 1);
    copy_to_flint(d.X, fX.m);
    copy_to_flint(d.y, fy.m);
    FmpqMatrix sXtX(p, p), sXty(p, 1);
    copy_to_flint(XtX, sXtX.m);
    copy_to_flint(Xty, sXty.m);
    int solved_fit = 0, solved = 0;
    fit.reference_seconds = median_seconds([&] {
        fmpq_mat_transpose(fXt.m, fX.m);
        fmpq_mat_mul(fXtX.m, fXt.m, fX.m);
        fmpq_mat_mul(fXty.m, fXt.m, fy.m);
        solved_fit = fmpq_mat_solve(fbeta.m, fXtX.m, fXty.m);
    });
    solve.reference_seconds = median_seconds([&] { solved = fmpq_mat_solve(gbeta.m, sXtX.m, sXty.m); });
    if (have_least_squares) {
        fit.check = solved_fit && beta_fit == to_matrix(fbeta.m) ? "same" : "DIFFERENT ANSWERS";
        solve.check = solved && beta_solve == to_matrix(gbeta.m) ? "same" : "DIFFERENT ANSWERS";
    }
    // the fit's reference is FLINT's whole normal-equations solve, timed above
    whole.reference_seconds = fit.reference_seconds;
    if (have_fit) whole.check = solved_fit && beta_whole == to_matrix(fbeta.m) ? "same" : "DIFFERENT ANSWERS";
#endif
    table.insert(table.end(), {fit, solve, whole});
}

}  // namespace

void add_least_squares_rows(Table& table) {
    std::mt19937_64 rng(1967);
    add_qr(table, rng, 1000, 20);
    add_qr(table, rng, 10000, 50);
    const std::string data = SHOWWORK_BENCH_DATA;
    add_normal_equations(table, "Longley", read_longley(data + "/strd/Longley.dat"));
    add_normal_equations(table, "diabetes", read_diabetes(data + "/diabetes.csv"));
}

}  // namespace showwork::bench
