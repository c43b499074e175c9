#include "showwork/matrix/bareiss.hpp"

#include "showwork/matrix/fast/limbs.hpp"
#include "showwork/matrix/fast/rational_product.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace showwork {

namespace {

using matrix_detail::clear_denominators;
using matrix_detail::Forward;
using matrix_detail::IntegerMatrix;

// Row i of A times l_i = lcm of its denominators: clear_denominators (matrix/fast/rational_product.hpp).

// a ← (p · a − q · b) / prev, exactly.
void bareiss_update(Integer& a, const Integer& p, const Integer& q, const Integer& b,
                    const Integer& prev, Integer& scratch) {
#if SHOWWORK_USE_GMP
    mpz_mul(scratch.backend().data(), p.backend().data(), a.backend().data());
    if (q != 0 && b != 0) mpz_submul(scratch.backend().data(), q.backend().data(), b.backend().data());
    mpz_divexact(a.backend().data(), scratch.backend().data(), prev.backend().data());
#else
    scratch = p * a;
    if (q != 0 && b != 0) scratch -= q * b;
    a = scratch / prev;
#endif
}

// Bareiss' forward elimination in place: M becomes a fraction-free row echelon form. The
// steps are done in fixed-width limbs while the entries are small, then in Integer. Without
// `keep_entries` only the pivots, the interchanges and the last pivot are wanted, and M's entries
// are left as they were when the steps in limbs cover the whole elimination.
Forward eliminate_fraction_free(IntegerMatrix& M, std::size_t limit, bool keep_entries) {
    Forward out;
    limit = std::min(limit, M.cols);
    eliminate_in_limbs(M, limit, out, keep_entries);  // matrix/fast/limbs.hpp
    Integer prev = out.last_pivot, scratch;
    std::size_t r = out.row, c = out.column;
    for (; c < limit && r < M.rows; ++c) {
        std::size_t p = r;
        while (p < M.rows && M(p, c) == 0) ++p;
        if (p == M.rows) continue;  // no pivot in this column
        if (p != r) {
            M.swap_rows(p, r);
            ++out.swaps;
        }
        const Integer& pivot = M(r, c);
        for (std::size_t i = r + 1; i < M.rows; ++i) {
            const Integer& q = M(i, c);
            for (std::size_t j = c + 1; j < M.cols; ++j) bareiss_update(M(i, j), pivot, q, M(r, j), prev, scratch);
            M(i, c) = 0;
        }
        prev = pivot;
        out.pivots.push_back(c);
        out.pivot_rows.push_back(p);
        ++r;
    }
    out.last_pivot = prev;
    out.row = r;
    out.column = c;
    return out;
}

// p / q in lowest terms, q > 0.
Rational ratio(const Integer& p, const Integer& q) {
#if SHOWWORK_USE_GMP
    Rational x;
    mpq_set_num(x.backend().data(), p.backend().data());
    mpq_set_den(x.backend().data(), q.backend().data());
    mpq_canonicalize(x.backend().data());
    return x;
#else
    return Rational(p) / Rational(q);
#endif
}


// Back substitution without fractions: x_i = d · rref_ij for column j (not a pivot column) on
// the first `rank` rows, d the last pivot.
void back_substitute(const IntegerMatrix& M, const Forward& f, std::size_t j, std::vector<Integer>& x,
                     Integer& scratch) {
    const std::size_t rank = f.pivots.size();
    const Integer& d = f.last_pivot;
    for (std::size_t i = rank; i-- > 0;) {
        x[i] = 0;
        if (f.pivots[i] > j) continue;  // left of row i's pivot the RREF is zero
        scratch = d * M(i, j);
        for (std::size_t k = i + 1; k < rank && f.pivots[k] < j; ++k) {
            if (x[k] != 0 && M(i, f.pivots[k]) != 0) scratch -= M(i, f.pivots[k]) * x[k];
        }
#if SHOWWORK_USE_GMP
        mpz_divexact(x[i].backend().data(), scratch.backend().data(), M(i, f.pivots[i]).backend().data());
#else
        x[i] = scratch / M(i, f.pivots[i]);
#endif
    }
}

// The one division at the end: rref_ij = x_ij / d, with a positive denominator.
Rational divided_by_last_pivot(const Integer& x, const Integer& d) {
    return d < 0 ? ratio(Integer(-x), Integer(-d)) : ratio(x, d);
}

// The RREF from the fraction-free echelon form M of A: fraction-free back substitution, then
// the one division by the last pivot d.
Matrix<Rational> rref_by_back_substitution(const Matrix<Rational>& A, const IntegerMatrix& M, const Forward& f) {
    Matrix<Rational> R(A.rows(), A.cols());
    R.set_augment(A.augment());
    const std::size_t rank = f.pivots.size();
    // Rows below the rank are non-zero only right of pivot_limit, as (0 … 0 | c) in a system;
    // they keep their fraction-free values: only whether they are zero is meaningful.
    for (std::size_t i = rank; i < M.rows; ++i)
        for (std::size_t j = 0; j < M.cols; ++j)
            if (M(i, j) != 0) R(i, j) = Rational(M(i, j));
    if (rank == 0) return R;

    std::vector<bool> is_pivot(M.cols, false);
    for (std::size_t k = 0; k < rank; ++k) is_pivot[f.pivots[k]] = true;
    std::vector<Integer> x(rank);
    Integer scratch;
    for (std::size_t j = 0; j < M.cols; ++j) {
        if (is_pivot[j]) continue;
        back_substitute(M, f, j, x, scratch);
        for (std::size_t i = 0; i < rank; ++i)
            if (x[i] != 0) R(i, j) = divided_by_last_pivot(x[i], f.last_pivot);
    }
    for (std::size_t k = 0; k < rank; ++k) R(k, f.pivots[k]) = 1;
    return R;
}

}  // namespace

FractionFreeElimination fraction_free_elimination(const Matrix<Rational>& A, std::size_t pivot_limit, bool reduce) {
    Integer lcm_product;
    IntegerMatrix M = clear_denominators(A, &lcm_product);
    Forward f = eliminate_fraction_free(M, pivot_limit, reduce);
    FractionFreeElimination out;
    if (reduce) out.rref = rref_by_back_substitution(A, M, f);
    if (f.pivots.size() == M.rows)  // (−1)^swaps · (last pivot) / Π l_i
        out.determinant = ratio(f.swaps % 2 ? Integer(-f.last_pivot) : f.last_pivot, lcm_product);
    out.pivots = std::move(f.pivots);
    out.pivot_rows = std::move(f.pivot_rows);
    out.swaps = f.swaps;
    return out;
}

std::optional<Matrix<Rational>> fraction_free_solve(const Matrix<Rational>& A, const Matrix<Rational>& b) {
    const std::size_t n = A.cols();
    IntegerMatrix M = matrix_detail::clear_denominators(A, b);  // (A | b), each row cleared
    Forward f = eliminate_fraction_free(M, n, true);
    if (f.pivots.size() < n) return std::nullopt;
    std::vector<Integer> x(n);
    Integer scratch;
    back_substitute(M, f, n, x, scratch);
    Matrix<Rational> solution(n, 1);
    for (std::size_t i = 0; i < n; ++i)
        if (x[i] != 0) solution(i, 0) = divided_by_last_pivot(x[i], f.last_pivot);
    return solution;
}

}  // namespace showwork
