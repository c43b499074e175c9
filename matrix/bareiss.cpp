#include "matrix/bareiss.hpp"

#include <algorithm>
#include <utility>

namespace showwork {

namespace {

// A dense integer matrix, row-major; private to the fraction-free path.
struct IntegerMatrix {
    std::size_t rows = 0, cols = 0;
    std::vector<Integer> a;
    Integer& operator()(std::size_t i, std::size_t j) { return a[i * cols + j]; }
    void swap_rows(std::size_t i, std::size_t k) {
        std::swap_ranges(a.begin() + static_cast<std::ptrdiff_t>(i * cols),
                         a.begin() + static_cast<std::ptrdiff_t>((i + 1) * cols),
                         a.begin() + static_cast<std::ptrdiff_t>(k * cols));
    }
};

// Row i of A times l_i = lcm of its denominators; `lcm_product` gets Π l_i.
IntegerMatrix clear_denominators(const Matrix<Rational>& A, Integer* lcm_product = nullptr) {
    IntegerMatrix M{A.rows(), A.cols(), std::vector<Integer>(A.size())};
    if (lcm_product) *lcm_product = 1;
    for (std::size_t i = 0; i < A.rows(); ++i) {
        auto row = A.row_view(i);
        Integer l = 1;
        for (const Rational& x : row) {
            Integer d = denominator(x);
            if (d != 1) l = lcm(l, d);
        }
        for (std::size_t j = 0; j < row.size(); ++j) {
            if (row[j] == 0) continue;
            Integer d = denominator(row[j]);
            M(i, j) = numerator(row[j]);
            if (d != l) M(i, j) *= Integer(l / d);
        }
        if (lcm_product) *lcm_product *= l;
    }
    return M;
}

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

struct Forward {
    std::vector<std::size_t> pivots;
    bool odd_swaps = false;
    Integer last_pivot = 1;
};

// Bareiss' forward elimination in place: M becomes a fraction-free row echelon form.
Forward eliminate_fraction_free(IntegerMatrix& M, std::size_t limit) {
    Forward out;
    Integer prev = 1, scratch;
    limit = std::min(limit, M.cols);
    std::size_t r = 0;
    for (std::size_t c = 0; c < limit && r < M.rows; ++c) {
        std::size_t p = r;
        while (p < M.rows && M(p, c) == 0) ++p;
        if (p == M.rows) continue;  // no pivot in this column
        if (p != r) {
            M.swap_rows(p, r);
            out.odd_swaps = !out.odd_swaps;
        }
        const Integer& pivot = M(r, c);
        for (std::size_t i = r + 1; i < M.rows; ++i) {
            const Integer& q = M(i, c);
            for (std::size_t j = c + 1; j < M.cols; ++j) bareiss_update(M(i, j), pivot, q, M(r, j), prev, scratch);
            M(i, c) = 0;
        }
        prev = pivot;
        out.pivots.push_back(c);
        ++r;
    }
    out.last_pivot = prev;
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

}  // namespace

std::vector<std::size_t> fraction_free_pivots(const Matrix<Rational>& A, std::size_t pivot_limit) {
    IntegerMatrix M = clear_denominators(A);
    return eliminate_fraction_free(M, pivot_limit).pivots;
}

Rational fraction_free_determinant(const Matrix<Rational>& A) {
    Integer lcm_product;
    IntegerMatrix M = clear_denominators(A, &lcm_product);
    Forward f = eliminate_fraction_free(M, M.cols);
    if (f.pivots.size() < M.rows) return 0;
    Integer det = f.odd_swaps ? Integer(-f.last_pivot) : f.last_pivot;
    return ratio(det, lcm_product);
}

FractionFreeResult fraction_free_rref(const Matrix<Rational>& A, std::size_t pivot_limit) {
    IntegerMatrix M = clear_denominators(A);
    Forward f = eliminate_fraction_free(M, pivot_limit);
    FractionFreeResult out;
    out.rref = Matrix<Rational>(A.rows(), A.cols());
    out.rref.set_augment(A.augment());
    out.pivots = f.pivots;
    const std::size_t rank = f.pivots.size();
    // Rows below the rank are non-zero only right of pivot_limit, as (0 … 0 | c) in a system;
    // they keep their fraction-free values: only whether they are zero is meaningful.
    for (std::size_t i = rank; i < M.rows; ++i)
        for (std::size_t j = 0; j < M.cols; ++j)
            if (M(i, j) != 0) out.rref(i, j) = Rational(M(i, j));
    if (rank == 0) return out;

    // Back substitution without fractions: X = d · RREF on the first `rank` rows.
    Integer d = f.last_pivot, scratch;
    std::vector<bool> is_pivot(M.cols, false);
    for (std::size_t k = 0; k < rank; ++k) is_pivot[f.pivots[k]] = true;
    std::vector<Integer> x(rank);
    for (std::size_t j = 0; j < M.cols; ++j) {
        if (is_pivot[j]) continue;
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
        // The one division at the end: rref_ij = x_ij / d, with a positive denominator.
        for (std::size_t i = 0; i < rank; ++i) {
            if (x[i] == 0) continue;
            out.rref(i, j) = d < 0 ? ratio(Integer(-x[i]), Integer(-d)) : ratio(x[i], d);
        }
    }
    for (std::size_t k = 0; k < rank; ++k) out.rref(k, f.pivots[k]) = 1;
    return out;
}

}  // namespace showwork
