// Double precision: the product AB and the solution of A x = b, against Eigen.
//
// Both sides get the same random matrices (entries uniform in [−1, 1]) and are compiled with the
// same flags in the same build. Each row is checked: the two answers must agree within a bound
// that rounding alone explains, or the row says how far apart they are.
#include <cmath>
#include <fmt/format.h>
#include <random>

#include "bench/harness.hpp"
#include "bench/library_side.hpp"
#include "showwork/matrix/arithmetic.hpp"

#if SHOWWORK_BENCH_EIGEN
#include <Eigen/Dense>
#endif

namespace showwork::bench {
namespace {

Matrix<double> random_matrix(std::mt19937_64& rng, std::size_t rows, std::size_t cols) {
    std::uniform_real_distribution<double> entry(-1.0, 1.0);
    Matrix<double> A(rows, cols);
    for (double& x : A.entries()) x = entry(rng);
    return A;
}

#if SHOWWORK_BENCH_EIGEN
using EigenRowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

Eigen::MatrixXd to_eigen(const Matrix<double>& A) {
    return Eigen::Map<const EigenRowMajor>(A.entries().data(), static_cast<long>(A.rows()),
                                           static_cast<long>(A.cols()));
}

// max_ij |a_ij − e_ij| / max_ij |e_ij|
double relative_difference(const Matrix<double>& A, const Eigen::MatrixXd& E) {
    double difference = 0, largest = 0;
    for (std::size_t i = 0; i < A.rows(); ++i)
        for (std::size_t j = 0; j < A.cols(); ++j) {
            double e = E(static_cast<long>(i), static_cast<long>(j));
            difference = std::max(difference, std::abs(A(i, j) - e));
            largest = std::max(largest, std::abs(e));
        }
    return largest > 0 ? difference / largest : difference;
}

std::string agreement(double relative, double bound) {
    return relative <= bound ? "same" : fmt::format("DIFFER by {:.1e} (bound {:.1e})", relative, bound);
}
#endif

// C = AB, 2n³ flops. Entries |a|, |b| ≤ 1 give |c_ij − ĉ_ij| ≤ γ_n n for either side, so the two
// differ by at most 2nγ_n ≈ 2n²u absolutely; relative to max|c| (about √n) that is generous.
void add_product(Table& table, std::mt19937_64& rng, std::size_t n) {
    Matrix<double> A = random_matrix(rng, n, n), B = random_matrix(rng, n, n), C;
    Row row{"matrix product AB", n, "double", {}, "Eigen", {}, 2.0 * n * n * n, "-"};
    row.showwork_seconds = median_seconds([&] { C = A * B; });
#if SHOWWORK_BENCH_EIGEN
    Eigen::MatrixXd a = to_eigen(A), b = to_eigen(B), c;
    row.reference_seconds = median_seconds([&] { c = a * b; });
    row.check = agreement(relative_difference(C, c), 2.0 * double(n) * double(n) * 0x1p-53);
#endif
    table.push_back(row);
}

// A x = b by elimination with partial pivoting (2n³/3 flops), and the factorisation P A = L U
// alone. Random A has a modest condition number, so the two solutions agree to ~1e-10.
void add_lu(Table& table, std::mt19937_64& rng, std::size_t n) {
    Matrix<double> A = random_matrix(rng, n, n), b = random_matrix(rng, n, 1), x, U;
    Row factor{"LU factor PA = LU", n, "double", {}, "Eigen PartialPivLU", {}, 0, "-"};
    Row solve{"solve Ax = b (LU)", n, "double", {}, "Eigen PartialPivLU", {}, 0, "-"};
    if (have_elimination) {
        factor.showwork_seconds = median_seconds([&] { U = library_lu_upper(A); });
        solve.showwork_seconds = median_seconds([&] { x = library_solve(A, b); });
    }
#if SHOWWORK_BENCH_EIGEN
    Eigen::MatrixXd a = to_eigen(A), bb = to_eigen(b), xx, lu;
    factor.reference_seconds = median_seconds([&] { lu = Eigen::PartialPivLU<Eigen::MatrixXd>(a).matrixLU(); });
    solve.reference_seconds = median_seconds([&] { xx = a.partialPivLu().solve(bb); });
    if (have_elimination) {
        Eigen::MatrixXd upper = lu.triangularView<Eigen::Upper>();
        factor.check = agreement(relative_difference(U, upper), 1e-8);
        solve.check = agreement(relative_difference(x, xx), 1e-8);
    }
#endif
    table.push_back(factor);
    table.push_back(solve);
}

}  // namespace

void add_double_rows(Table& table) {
    std::mt19937_64 rng(2024);
    for (std::size_t n : {128, 256, 512, 1024}) add_product(table, rng, n);
    for (std::size_t n : {256, 512, 1024}) add_lu(table, rng, n);
}

}  // namespace showwork::bench
