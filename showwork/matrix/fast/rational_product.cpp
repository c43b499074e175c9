#include "showwork/matrix/fast/rational_product.hpp"

namespace showwork {

namespace matrix_detail {
namespace {

// Line i of A (a row, or with `columns` a column) times l_i = lcm of its denominators, into row i
// of M. With GMP the numbers are read and written in place: no temporary integers.
void clear_line(const Matrix<Rational>& A, std::size_t i, bool columns, IntegerMatrix& M, Integer& l) {
    const std::size_t length = columns ? A.rows() : A.cols();
    auto entry = [&](std::size_t k) -> const Rational& { return columns ? A(k, i) : A(i, k); };
    l = 1;
#if SHOWWORK_USE_GMP
    mpz_ptr lcm_value = l.backend().data();
    for (std::size_t k = 0; k < length; ++k) {
        mpz_srcptr d = mpq_denref(entry(k).backend().data());
        if (mpz_cmp_ui(d, 1) != 0) mpz_lcm(lcm_value, lcm_value, d);
    }
    for (std::size_t k = 0; k < length; ++k) {
        mpq_srcptr x = entry(k).backend().data();
        if (mpq_sgn(x) == 0) continue;
        mpz_ptr out = M(i, k).backend().data();
        if (mpz_cmp(mpq_denref(x), lcm_value) == 0) {
            mpz_set(out, mpq_numref(x));
        } else {
            mpz_divexact(out, lcm_value, mpq_denref(x));
            mpz_mul(out, out, mpq_numref(x));
        }
    }
#else
    for (std::size_t k = 0; k < length; ++k) {
        Integer d = denominator(entry(k));
        if (d != 1) l = lcm(l, d);
    }
    for (std::size_t k = 0; k < length; ++k) {
        const Rational& x = entry(k);
        if (x == 0) continue;
        Integer d = denominator(x);
        M(i, k) = numerator(x);
        if (d != l) M(i, k) *= Integer(l / d);
    }
#endif
}

// The rows (or columns) of A with their denominators cleared, as the rows of an integer matrix.
IntegerMatrix clear_lines(const Matrix<Rational>& A, bool columns, Integer* lcm_product, std::vector<Integer>* lcms) {
    const std::size_t lines = columns ? A.cols() : A.rows(), length = columns ? A.rows() : A.cols();
    IntegerMatrix M{lines, length, std::vector<Integer>(A.size())};
    if (lcm_product) *lcm_product = 1;
    if (lcms) lcms->assign(lines, Integer(1));
    Integer l;
    for (std::size_t i = 0; i < lines; ++i) {
        clear_line(A, i, columns, M, l);
        if (lcm_product) *lcm_product *= l;
        if (lcms) (*lcms)[i] = l;
    }
    return M;
}

}  // namespace

IntegerMatrix clear_denominators(const Matrix<Rational>& A, Integer* lcm_product, std::vector<Integer>* row_lcms) {
    return clear_lines(A, false, lcm_product, row_lcms);
}

}  // namespace matrix_detail

namespace {

bool small_enough(const std::vector<Integer>& lcms) {
    for (const Integer& l : lcms)
        if (msb(l) >= max_cleared_bits) return false;
    return true;
}

}  // namespace

bool multiply_rational_into(const Matrix<Rational>& A, const Matrix<Rational>& B, Matrix<Rational>& C) {
    std::vector<Integer> l, d;
    // the rows l_i a_i of A, and the columns d_j b_j of B as the rows of Bt
    matrix_detail::IntegerMatrix Ai = matrix_detail::clear_lines(A, false, nullptr, &l);
    if (!small_enough(l)) return false;
    matrix_detail::IntegerMatrix Bt = matrix_detail::clear_lines(B, true, nullptr, &d);
    if (!small_enough(d)) return false;
    const std::size_t n = A.cols();
    Integer sum;
    for (std::size_t i = 0; i < C.rows(); ++i) {
        const Integer* a = Ai.a.data() + i * n;
        for (std::size_t j = 0; j < C.cols(); ++j) {
            const Integer* b = Bt.a.data() + j * n;
            sum = 0;
            for (std::size_t k = 0; k < n; ++k)
                if (!a[k].is_zero() && !b[k].is_zero()) sum += a[k] * b[k];
            C(i, j) = Rational(sum) / Rational(Integer(l[i] * d[j]));
        }
    }
    return true;
}

}  // namespace showwork
