#include "showwork/matrix/fast/rational_product.hpp"

#include <bit>
#include <cstdint>
#include <numeric>
#include <optional>

namespace showwork {

namespace matrix_detail {
namespace {

// A line of `length` numbers, entry(k) the k-th, times l_i = lcm of its denominators, into row
// i of M. With GMP the numbers are read and written in place: no temporary integers.
template <class Entry>
void clear_line(Entry entry, std::size_t length, std::size_t i, IntegerMatrix& M, Integer& l) {
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
        auto entry = [&](std::size_t k) -> const Rational& { return columns ? A(k, i) : A(i, k); };
        clear_line(entry, length, i, M, l);
        if (lcm_product) *lcm_product *= l;
        if (lcms) (*lcms)[i] = l;
    }
    return M;
}

}  // namespace

IntegerMatrix clear_denominators(const Matrix<Rational>& A, Integer* lcm_product, std::vector<Integer>* row_lcms) {
    return clear_lines(A, false, lcm_product, row_lcms);
}

IntegerMatrix clear_denominators(const Matrix<Rational>& A, const Matrix<Rational>& B) {
    const std::size_t n = A.cols(), length = n + B.cols();
    IntegerMatrix M{A.rows(), length, std::vector<Integer>(A.rows() * length)};
    Integer l;
    for (std::size_t i = 0; i < A.rows(); ++i) {
        auto entry = [&](std::size_t k) -> const Rational& { return k < n ? A(i, k) : B(i, k - n); };
        clear_line(entry, length, i, M, l);
    }
    return M;
}

}  // namespace matrix_detail

namespace {

bool small_enough(const std::vector<Integer>& lcms) {
    for (const Integer& l : lcms)
        if (msb(l) >= max_cleared_bits) return false;
    return true;
}

#if SHOWWORK_USE_GMP
__extension__ typedef __int128 Int128;  // GCC's 128-bit integers (not ISO C++)
__extension__ typedef unsigned __int128 UInt128;

// The lines of A (rows, or with `columns` columns) with their denominators cleared, in 64-bit
// integers: line i at values[i · length], its lcm l_i in lcms[i], and the bit length of the
// largest |value| in `bits`.
struct SmallLines {
    std::vector<std::int64_t> values;
    std::vector<std::uint64_t> lcms;
    int bits = 0;
};

// Empty as soon as some l_i or some l_i a_ik needs more than 63 bits.
std::optional<SmallLines> clear_lines_small(const Matrix<Rational>& A, bool columns) {
    constexpr std::uint64_t below = std::uint64_t(1) << 63;
    const std::size_t lines = columns ? A.cols() : A.rows(), length = columns ? A.rows() : A.cols();
    auto entry = [&](std::size_t i, std::size_t k) { return (columns ? A(k, i) : A(i, k)).backend().data(); };
    SmallLines out;
    out.values.assign(lines * length, 0);
    out.lcms.resize(lines);
    std::uint64_t widest = 0;  // the OR of every |value|: its bit length is the largest one's
    for (std::size_t i = 0; i < lines; ++i) {
        std::uint64_t l = 1;
        for (std::size_t k = 0; k < length; ++k) {
            mpz_srcptr d = mpq_denref(entry(i, k));
            if (!mpz_fits_ulong_p(d)) return std::nullopt;
            const std::uint64_t dk = mpz_get_ui(d), scale = dk / std::gcd(l, dk);
            if (scale == 1) continue;
            if (__builtin_mul_overflow(l, scale, &l) || l >= below) return std::nullopt;
        }
        std::int64_t* line = out.values.data() + i * length;
        for (std::size_t k = 0; k < length; ++k) {
            mpq_srcptr x = entry(i, k);
            if (mpq_sgn(x) == 0) continue;
            if (!mpz_fits_slong_p(mpq_numref(x))) return std::nullopt;
            const auto scale = static_cast<std::int64_t>(l / mpz_get_ui(mpq_denref(x)));
            if (__builtin_mul_overflow(mpz_get_si(mpq_numref(x)), scale, &line[k]) || line[k] == INT64_MIN)
                return std::nullopt;
            widest |= static_cast<std::uint64_t>(line[k] < 0 ? -line[k] : line[k]);
        }
        out.lcms[i] = l;
    }
    out.bits = std::bit_width(widest);
    return out;
}

// z = x, for |x| < 2^128.
void set_integer(mpz_ptr z, UInt128 magnitude, bool negative) {
    const std::uint64_t limbs[2] = {static_cast<std::uint64_t>(magnitude), static_cast<std::uint64_t>(magnitude >> 64)};
    if (limbs[1] == 0) {
        mpz_set_ui(z, limbs[0]);
    } else {
        mpz_import(z, 2, -1, sizeof(std::uint64_t), 0, 0, limbs);
    }
    if (negative) mpz_neg(z, z);
}

// C = AB in 128-bit integers, when every l_i a_ik and d_j b_kj fits in 64 bits and the sums
// cannot overflow: |Σ_k| ≤ n · max|l a| · max|d b| < 2^(bits(a) + bits(b) + bits(n)) ≤ 2^127.
// False, leaving C alone, when they might: the caller multiplies in GMP integers instead.
// C is symmetric when B = Aᵀ (XᵀX): the cleared rows of A are then B's cleared columns, and only
// the entries on and above the diagonal are summed.
bool multiply_in_128_bits(const Matrix<Rational>& A, const Matrix<Rational>& B, Matrix<Rational>& C, bool transpose_a) {
    // The smaller factor first: when it does not fit (Xβ̂, β̂ with large denominators) the
    // larger one is never read.
    std::optional<SmallLines> a, b;
    if (A.size() <= B.size()) {
        if (!(a = clear_lines_small(A, transpose_a)) || !(b = clear_lines_small(B, true))) return false;
    } else {
        if (!(b = clear_lines_small(B, true)) || !(a = clear_lines_small(A, transpose_a))) return false;
    }
    const std::size_t n = transpose_a ? A.rows() : A.cols();
    if (a->bits + b->bits + std::bit_width(n) > 127) return false;
    const bool symmetric = a->values == b->values && a->lcms == b->lcms;
    for (std::size_t i = 0; i < C.rows(); ++i) {
        const std::int64_t* row = a->values.data() + i * n;
        for (std::size_t j = symmetric ? i : 0; j < C.cols(); ++j) {
            const std::int64_t* column = b->values.data() + j * n;
            Int128 sum = 0;
            for (std::size_t k = 0; k < n; ++k) sum += static_cast<Int128>(row[k]) * column[k];
            // c_ij = sum / (l_i d_j), in lowest terms
            mpq_ptr c = C(i, j).backend().data();
            set_integer(mpq_numref(c), sum < 0 ? -static_cast<UInt128>(sum) : sum, sum < 0);
            set_integer(mpq_denref(c), static_cast<UInt128>(a->lcms[i]) * b->lcms[j], false);
            mpq_canonicalize(c);
            if (symmetric && j != i) C(j, i) = C(i, j);
        }
    }
    return true;
}
#else
// Without GMP the integers are cpp_int's: the general path below serves every product.
bool multiply_in_128_bits(const Matrix<Rational>&, const Matrix<Rational>&, Matrix<Rational>&, bool) { return false; }
#endif

}  // namespace

bool multiply_rational_into(const Matrix<Rational>& A, const Matrix<Rational>& B, Matrix<Rational>& C,
                            bool transpose_a) {
    if (multiply_in_128_bits(A, B, C, transpose_a)) return true;
    std::vector<Integer> l, d;
    // the rows l_i a_i of A (of Aᵀ: A's columns), and the columns d_j b_j of B as the rows of Bt
    matrix_detail::IntegerMatrix Ai = matrix_detail::clear_lines(A, transpose_a, nullptr, &l);
    if (!small_enough(l)) return false;
    matrix_detail::IntegerMatrix Bt = matrix_detail::clear_lines(B, true, nullptr, &d);
    if (!small_enough(d)) return false;
    const std::size_t n = transpose_a ? A.rows() : A.cols();
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
