// Bareiss' steps in fixed-width two's-complement limbs (see matrix/fast/limbs.hpp).
#include "showwork/matrix/fast/limbs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <iterator>
#include <utility>

namespace showwork::matrix_detail {

namespace {

// ---- The steps in fixed-width integers -----------------------------------------------------
//
// After k steps every entry below the k pivot rows is a (k+1)×(k+1) minor of A, so Hadamard's
// inequality bounds them all in advance: |k×k minor| ≤ the product of the k largest ‖a_i‖. While that bound fits in a
// few 64-bit limbs the update is done on fixed-width two's-complement numbers modulo 2^(64L),
// with no allocation and no division: the quotient of the exact division by p is
//     (p a − q b) / p_prev = ((p a − q b) / 2^s) · o⁻¹   (mod 2^(64L)),   |p_prev| = 2^s o, o odd,
// o⁻¹ the inverse of o modulo 2^(64L), and it is exact because the quotient, a minor, is known
// to lie within ±2^(64L−1). It is the same elimination with the same numbers, held differently;
// when the bound outgrows the width the entries become Integers and the elimination goes on.

using Limb = std::uint64_t;
__extension__ typedef unsigned __int128 DoubleLimb;  // GCC's 128-bit integer (not ISO C++)

constexpr std::size_t max_limbs = 16;  // beyond 1024 bits GMP's products are the better choice

// out = a · b mod 2^(64n), all n limbs, least significant first.
[[gnu::always_inline]] inline void multiply_low(const Limb* a, const Limb* b, Limb* out, std::size_t n) {
    Limb carry = 0;
    for (std::size_t j = 0; j < n; ++j) {  // the first row of partial products sets out
        DoubleLimb t = DoubleLimb(a[0]) * b[j] + carry;
        out[j] = Limb(t);
        carry = Limb(t >> 64);
    }
    for (std::size_t i = 1; i < n; ++i) {
        if (a[i] == 0) continue;
        carry = 0;
        for (std::size_t j = 0; i + j < n; ++j) {
            DoubleLimb t = DoubleLimb(a[i]) * b[j] + out[i + j] + carry;
            out[i + j] = Limb(t);
            carry = Limb(t >> 64);
        }
    }
}

// x = x − y mod 2^(64n).
[[gnu::always_inline]] inline void subtract(Limb* x, const Limb* y, std::size_t n) {
    Limb borrow = 0;
    for (std::size_t t = 0; t < n; ++t) {
        Limb d = x[t] - y[t];
        Limb b1 = d > x[t];
        x[t] = d - borrow;
        borrow = b1 | (x[t] > d);
    }
}

[[gnu::always_inline]] inline void negate(Limb* x, std::size_t n) {
    Limb carry = 1;
    for (std::size_t t = 0; t < n; ++t) {
        x[t] = ~x[t] + carry;
        carry = carry && x[t] == 0;
    }
}

// Fills limbs `from` … n−1 with the sign of limb from−1.
void sign_extend(Limb* x, std::size_t from, std::size_t n) {
    Limb fill = (x[from - 1] >> 63) ? ~Limb(0) : Limb(0);
    std::fill(x + from, x + n, fill);
}

// The entries of the integer matrix as `width` limbs each, two's complement.
struct LimbMatrix {
    std::size_t rows = 0, cols = 0, width = 0;
    std::vector<Limb> a;
    Limb* operator()(std::size_t i, std::size_t j) { return &a[(i * cols + j) * width]; }
    bool is_zero(std::size_t i, std::size_t j) {
        const Limb* x = (*this)(i, j);
        return std::all_of(x, x + width, [](Limb l) { return l == 0; });
    }
    void swap_rows(std::size_t i, std::size_t k) {
        std::swap_ranges((*this)(i, 0), (*this)(i, 0) + cols * width, (*this)(k, 0));
    }
};

void to_limbs(const Integer& x, Limb* out, std::size_t n) {
    std::fill(out, out + n, Limb(0));
#if SHOWWORK_USE_GMP
    const std::size_t size = mpz_size(x.backend().data());
    for (std::size_t t = 0; t < size; ++t) out[t] = mpz_getlimbn(x.backend().data(), static_cast<mp_size_t>(t));
#else
    std::vector<Limb> magnitude;
    export_bits(Integer(abs(x)), std::back_inserter(magnitude), 64, false);
    std::copy(magnitude.begin(), magnitude.end(), out);
#endif
    if (x < 0) negate(out, n);
}

// n ≤ max_limbs.
Integer from_limbs(const Limb* in, std::size_t n) {
    Limb magnitude[max_limbs];
    std::copy(in, in + n, magnitude);
    const bool negative = magnitude[n - 1] >> 63;
    if (negative) negate(magnitude, n);
    Integer x;
#if SHOWWORK_USE_GMP
    mpz_import(x.backend().data(), n, -1, sizeof(Limb), 0, 0, magnitude);
#else
    import_bits(x, magnitude, magnitude + n, 64, false);
#endif
    return negative ? Integer(-x) : x;
}

// log2 of the Hadamard bound of every k×k minor, k = 0 … rows: the sum of the k largest
// log2 ‖a_i‖ (a zero row contributes 0: a minor that uses it is zero). Infinite when the
// entries are beyond double's range.
std::vector<double> minor_bound_bits(const IntegerMatrix& M) {
    std::vector<double> row_bits;
    for (std::size_t i = 0; i < M.rows; ++i) {
        double sum = 0;
        for (std::size_t j = 0; j < M.cols; ++j) {
            double x = M.a[i * M.cols + j].convert_to<double>();
            sum += x * x;
        }
        row_bits.push_back(sum > 1 ? 0.5 * std::log2(sum) : 0.0);
    }
    std::sort(row_bits.begin(), row_bits.end(), std::greater<>());
    std::vector<double> bound{0.0};
    for (double b : row_bits) bound.push_back(bound.back() + b);
    return bound;
}

// The limbs L that hold every number within ±2^bits as two's complement (one bit of margin
// covers the rounding of the double sums).
std::size_t limbs_for(double bits) {
    if (!(bits < 64.0 * max_limbs)) return max_limbs + 1;
    return static_cast<std::size_t>((bits + 2) / 64) + 1;
}

// y = o⁻¹ mod 2^(64n) for odd o, by Newton's iteration y ← y (2 − o y), which doubles the
// number of correct low bits each time (o · o ≡ 1 mod 8 to start).
void inverse_of_odd(const Limb* o, Limb* y, std::size_t n) {
    std::fill(y, y + n, Limb(0));
    y[0] = o[0];
    std::vector<Limb> t(n), u(n);
    for (std::size_t bits = 3; bits < 64 * n; bits *= 2) {
        multiply_low(o, y, t.data(), n);  // t = o y
        negate(t.data(), n);
        for (std::size_t k = 0, add = 2; k < n && add; ++k) {  // t = 2 − o y
            t[k] += add;
            add = t[k] < add ? 1 : 0;
        }
        multiply_low(y, t.data(), u.data(), n);
        std::copy(u.begin(), u.end(), y);
    }
}

// out (n limbs) = the low n limbs of x >> shift, x having `size` limbs (sign-filled beyond).
[[gnu::always_inline]] inline void shift_right_into(const Limb* x, std::size_t size, std::size_t shift, Limb* out,
                                                    std::size_t n) {
    const std::size_t whole = shift / 64, bits = shift % 64;
    auto limb = [&](std::size_t t) { return t < size ? x[t] : ((x[size - 1] >> 63) ? ~Limb(0) : Limb(0)); };
    for (std::size_t t = 0; t < n; ++t) {
        out[t] = limb(t + whole) >> bits;
        if (bits) out[t] |= limb(t + whole + 1) << (64 - bits);
    }
}

// The exact division by the previous pivot d at a width of n limbs.
class ExactDivisor {
public:
    ExactDivisor(const Limb* d, std::size_t n, std::size_t storage) : n_(n), inverse_(n) {
        std::vector<Limb> magnitude(d, d + storage);
        if (magnitude[storage - 1] >> 63) negate(magnitude.data(), storage);
        negative_ = d[storage - 1] >> 63;
        std::size_t zero_limbs = 0;
        while (magnitude[zero_limbs] == 0) ++zero_limbs;
        shift_ = 64 * zero_limbs + static_cast<std::size_t>(__builtin_ctzll(magnitude[zero_limbs]));
        std::vector<Limb> odd(n, 0);
        shift_right(magnitude.data(), storage, odd.data(), n);
        inverse_of_odd(odd.data(), inverse_.data(), n);
    }
    // Limbs of the dividend needed: those that the shift by s brings into the low n.
    std::size_t dividend_limbs() const { return n_ + (shift_ + 63) / 64; }
    // out (n limbs) = x / d, x with dividend_limbs() limbs; `scratch` has n limbs.
    void divide(const Limb* x, Limb* out, Limb* scratch) const {
        shift_right(x, dividend_limbs(), scratch, n_);
        multiply_low(scratch, inverse_.data(), out, n_);
        if (negative_) negate(out, n_);
    }

    std::size_t shift() const { return shift_; }
    bool negative() const { return negative_; }
    const Limb* inverse() const { return inverse_.data(); }

private:
    void shift_right(const Limb* x, std::size_t size, Limb* out, std::size_t n) const {
        shift_right_into(x, size, shift_, out, n);
    }

    std::size_t n_;
    std::size_t shift_ = 0;
    bool negative_ = false;
    std::vector<Limb> inverse_;
};

// An upper bound on log2 |x| + 1 for x in two's complement (the bits of |x| − 1 or |x|, plus 1).
std::size_t magnitude_bits(const Limb* x, std::size_t width) {
    const Limb fill = (x[width - 1] >> 63) ? ~Limb(0) : Limb(0);
    std::size_t t = width;
    while (t > 0 && x[t - 1] == fill) --t;
    if (t == 0) return 1;
    return 64 * (t - 1) + static_cast<std::size_t>(64 - __builtin_clzll(x[t - 1] ^ fill)) + 1;
}

// The limbs that hold every result of the step at (r, c): each is |p a − q b| / |p_prev| ≤
// 2 M² / |p_prev|, M the largest |entry| in rows r… and columns c…; and each is an (r+2)×(r+2)
// minor (rows 0 … r and its own, r 0-based), within Hadamard's bound. The smaller of the two.
std::size_t step_limbs(LimbMatrix& W, std::size_t r, std::size_t c, const Limb* prev,
                       const std::vector<double>& bound) {
    std::size_t largest = 0;
    for (std::size_t i = r; i < W.rows; ++i)
        for (std::size_t j = c; j < W.cols; ++j) largest = std::max(largest, magnitude_bits(W(i, j), W.width));
    const std::size_t prev_size = magnitude_bits(prev, W.width);
    const std::size_t prev_bits = prev_size >= 2 ? prev_size - 2 : 0;  // |p_prev| ≥ 2^prev_bits
    const std::size_t growth_bits = 2 * largest + 1 - std::min(prev_bits, 2 * largest);
    const std::size_t by_growth = growth_bits / 64 + 1;  // + 1 for the sign bit
    return std::min(by_growth, limbs_for(bound[std::min(r + 2, bound.size() - 1)]));
}

// One row of a step, a_j ← (p a_j − q b_j) / p_prev for `count` entries `stride` limbs apart,
// the results N limbs wide and the dividends N + E: the widths are constants here so that the
// compiler unrolls the limb loops above (the same arithmetic as the general loop below).
struct RowStep {
    const Limb* pivot;
    const Limb* q;
    const Limb* b;  // the pivot row, from the first column updated
    Limb* a;        // the row updated, from the first column updated
    std::size_t count, stride;
    const ExactDivisor* divisor;
};

template <std::size_t N, std::size_t E>
void update_row_fixed(const RowStep& step) {
    Limb x[N + E], y[N + E], shifted[N];
    const Limb* b = step.b;
    Limb* a = step.a;
    const ExactDivisor& d = *step.divisor;
    for (std::size_t j = 0; j < step.count; ++j, a += step.stride, b += step.stride) {
        multiply_low(step.pivot, a, x, N + E);
        multiply_low(step.q, b, y, N + E);
        subtract(x, y, N + E);
        shift_right_into(x, N + E, d.shift(), shifted, N);
        multiply_low(shifted, d.inverse(), a, N);
        if (d.negative()) negate(a, N);
        sign_extend(a, N, step.stride);
    }
}

void update_row_general(const RowStep& step, std::size_t n, std::size_t wide) {
    std::vector<Limb> x(wide), y(wide), scratch(n);
    const Limb* b = step.b;
    Limb* a = step.a;
    for (std::size_t j = 0; j < step.count; ++j, a += step.stride, b += step.stride) {
        multiply_low(step.pivot, a, x.data(), wide);  // p a
        multiply_low(step.q, b, y.data(), wide);      // q b
        subtract(x.data(), y.data(), wide);
        step.divisor->divide(x.data(), a, scratch.data());
        sign_extend(a, n, step.stride);
    }
}

using RowUpdate = void (*)(const RowStep&);

// The unrolled update for results of n ≤ 8 limbs and dividends of n or n + 1; null otherwise.
RowUpdate fixed_row_update(std::size_t n, std::size_t wide) {
    static constexpr RowUpdate same[] = {&update_row_fixed<1, 0>, &update_row_fixed<2, 0>, &update_row_fixed<3, 0>,
                                         &update_row_fixed<4, 0>, &update_row_fixed<5, 0>, &update_row_fixed<6, 0>,
                                         &update_row_fixed<7, 0>, &update_row_fixed<8, 0>};
    static constexpr RowUpdate one_more[] = {&update_row_fixed<1, 1>, &update_row_fixed<2, 1>, &update_row_fixed<3, 1>,
                                             &update_row_fixed<4, 1>, &update_row_fixed<5, 1>, &update_row_fixed<6, 1>,
                                             &update_row_fixed<7, 1>, &update_row_fixed<8, 1>};
    if (n == 0 || n > 8) return nullptr;
    if (wide == n) return same[n - 1];
    if (wide == n + 1) return one_more[n - 1];
    return nullptr;
}

// Bareiss' steps in fixed width from where `out` stands, for as long as the bound on the
// step's results fits; `out` says where they stopped.
void eliminate_limb_matrix(LimbMatrix& W, std::size_t limit, const std::vector<double>& bound, Forward& out) {
    std::vector<Limb> prev(W.width, 0);
    prev[0] = 1;
    std::size_t r = out.row, c = out.column;
    for (; c < limit && r < W.rows; ++c) {
        std::size_t p = r;
        while (p < W.rows && W.is_zero(p, c)) ++p;
        if (p == W.rows) continue;
        const std::size_t n = step_limbs(W, r, c, prev.data(), bound);
        if (n > W.width) break;
        const ExactDivisor by_prev(prev.data(), n, W.width);
        const std::size_t wide = by_prev.dividend_limbs();
        if (wide > W.width) break;
        if (p != r) {
            W.swap_rows(p, r);
            ++out.swaps;
        }
        const Limb* pivot = W(r, c);
        const RowUpdate unrolled = fixed_row_update(n, wide);
        for (std::size_t i = r + 1; i < W.rows && c + 1 < W.cols; ++i) {
            const RowStep step{pivot, W(i, c), W(r, c + 1), W(i, c + 1), W.cols - c - 1, W.width, &by_prev};
            if (unrolled) {
                unrolled(step);
            } else {
                update_row_general(step, n, wide);
            }
        }
        for (std::size_t i = r + 1; i < W.rows; ++i) std::fill(W(i, c), W(i, c) + W.width, Limb(0));
        std::copy(pivot, pivot + W.width, prev.data());
        out.pivots.push_back(c);
        out.pivot_rows.push_back(p);
        ++r;
    }
    out.last_pivot = from_limbs(prev.data(), W.width);
    out.row = r;
    out.column = c;
}

}  // namespace

void eliminate_in_limbs(IntegerMatrix& M, std::size_t limit, Forward& out, bool keep_entries) {
    const std::vector<double> bound = minor_bound_bits(M);
    const std::size_t width = std::min(limbs_for(bound.back()) + 1, max_limbs);
    if (M.rows == 0 || limbs_for(bound[1]) >= width) return;  // the entries must fit, with room to grow
    LimbMatrix W{M.rows, M.cols, width, std::vector<Limb>(M.a.size() * width)};
    for (std::size_t k = 0; k < M.a.size(); ++k) to_limbs(M.a[k], &W.a[k * width], width);
    eliminate_limb_matrix(W, limit, bound, out);
    const bool finished = out.column >= limit || out.row >= M.rows;
    if (keep_entries || !finished)
        for (std::size_t k = 0; k < M.a.size(); ++k) M.a[k] = from_limbs(&W.a[k * width], width);
}

}  // namespace showwork::matrix_detail
