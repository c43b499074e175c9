#include "showwork/matrix/fast/lu_blocked.hpp"

#include <algorithm>
#include <cmath>

#include "showwork/matrix/fast/gemm.hpp"

namespace showwork {
namespace {

constexpr std::size_t block_columns = 96;  // nb: the inner dimension of the trailing products

// The panel: columns k … k+kb−1 eliminated below the diagonal with partial pivoting. Returns
// false when a column's largest candidate is within the tolerance (no pivot).
bool factor_panel(BlockedLU& f, std::size_t k, std::size_t kb, double tolerance) {
    const std::size_t n = f.n;
    double* a = f.factors.data();
    for (std::size_t c = k; c < k + kb; ++c) {
        std::size_t p = c;
        double best = std::abs(a[c * n + c]);
        for (std::size_t i = c + 1; i < n; ++i) {
            double size = std::abs(a[i * n + c]);
            if (size > best) {
                best = size;
                p = i;
            }
        }
        if (!(best > tolerance)) return false;
        f.pivot_rows.push_back(p);
        if (p != c) {  // R_c ↔ R_p, the multipliers already stored moving with their rows
            std::swap_ranges(a + c * n, a + (c + 1) * n, a + p * n);
            std::swap(f.row_order[c], f.row_order[p]);
            ++f.swaps;
        }
        const double pivot = a[c * n + c];
        for (std::size_t i = c + 1; i < n; ++i) {
            double& l = a[i * n + c];
            if (std::abs(l) <= tolerance) {  // nothing to clear, as in the textbook loop
                l = 0;
                continue;
            }
            l /= pivot;  // R_i → R_i − l_ic R_c within the panel
            for (std::size_t j = c + 1; j < k + kb; ++j) a[i * n + j] -= l * a[c * n + j];
        }
    }
    return true;
}

// U12 = L11⁻¹ A12: the replacements of the panel applied to its rows right of it.
void solve_block_row(BlockedLU& f, std::size_t k, std::size_t kb) {
    const std::size_t n = f.n;
    double* a = f.factors.data();
    for (std::size_t c = k; c < k + kb; ++c)
        for (std::size_t i = c + 1; i < k + kb; ++i) {
            const double l = a[i * n + c];
            if (l == 0) continue;
            for (std::size_t j = k + kb; j < n; ++j) a[i * n + j] -= l * a[c * n + j];
        }
}

// A22 ← A22 − L21 U12, through the blocked product.
void update_trailing(BlockedLU& f, std::size_t k, std::size_t kb, std::vector<double>& L21,
                     std::vector<double>& U12, std::vector<double>& product) {
    const std::size_t n = f.n, rest = n - k - kb;
    double* a = f.factors.data();
    L21.resize(rest * kb);
    U12.resize(kb * rest);
    product.resize(rest * rest);
    for (std::size_t i = 0; i < rest; ++i)
        std::copy(a + (k + kb + i) * n + k, a + (k + kb + i) * n + k + kb, L21.data() + i * kb);
    for (std::size_t c = 0; c < kb; ++c)
        std::copy(a + (k + c) * n + k + kb, a + (k + c) * n + n, U12.data() + c * rest);
    multiply_into(L21.data(), U12.data(), product.data(), rest, kb, rest);
    for (std::size_t i = 0; i < rest; ++i) {
        double* row = a + (k + kb + i) * n + k + kb;
        const double* minus = product.data() + i * rest;
        for (std::size_t j = 0; j < rest; ++j) row[j] -= minus[j];
    }
}

}  // namespace

std::optional<BlockedLU> blocked_lu(const double* A, std::size_t n, std::size_t stride, double tolerance) {
    BlockedLU f{n, std::vector<double>(n * n), std::vector<std::size_t>(n), {}, 0};
    for (std::size_t i = 0; i < n; ++i) {
        std::copy(A + i * stride, A + i * stride + n, f.factors.data() + i * n);
        f.row_order[i] = i;
    }
    std::vector<double> L21, U12, product;
    for (std::size_t k = 0; k < n; k += block_columns) {
        const std::size_t kb = std::min(block_columns, n - k);
        if (!factor_panel(f, k, kb, tolerance)) return std::nullopt;
        if (k + kb == n) break;
        solve_block_row(f, k, kb);
        update_trailing(f, k, kb, L21, U12, product);
    }
    return f;
}

std::vector<double> forward_substitute(const BlockedLU& f, const double* b, std::size_t stride) {
    const std::size_t n = f.n;
    const double* a = f.factors.data();
    std::vector<double> y(n);
    for (std::size_t i = 0; i < n; ++i) y[i] = b[f.row_order[i] * stride];
    for (std::size_t i = 0; i < n; ++i)  // L y = P b, L unit lower triangular
        for (std::size_t j = 0; j < i; ++j) y[i] -= a[i * n + j] * y[j];
    return y;
}

}  // namespace showwork
