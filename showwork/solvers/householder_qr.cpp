#include "showwork/solvers/householder_qr.hpp"

#include <cstring>

namespace showwork {

namespace qr_detail {
namespace {

// W doubles in one vector register through GCC's vector extensions, as in matrix/fast/gemm.cpp:
// 2 with SSE2 (the x86-64 baseline), 4 with AVX.
#if defined(__AVX__)
constexpr std::size_t W = 4;
#else
constexpr std::size_t W = 2;
#endif
typedef double vec __attribute__((vector_size(W * sizeof(double))));

vec load(const double* p) {
    vec v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
void store(double* p, vec v) { std::memcpy(p, &v, sizeof v); }
double lanes_sum(vec v) {
    double s = 0;
    for (std::size_t l = 0; l < W; ++l) s += v[l];
    return s;
}

// (s_a, s_b) = τ (vᵀa, vᵀb), v₁ = 1 not stored
void reflection_scales(const double* v, double tau, const double* a, const double* b, std::size_t n, double& sa,
                       double& sb) {
    vec a0{}, a1{}, b0{}, b1{};
    std::size_t i = 1;
    for (; i + 2 * W <= n; i += 2 * W) {
        vec v0 = load(v + i), v1 = load(v + i + W);
        a0 += v0 * load(a + i);
        a1 += v1 * load(a + i + W);
        b0 += v0 * load(b + i);
        b1 += v1 * load(b + i + W);
    }
    sa = lanes_sum(a0 + a1);
    sb = lanes_sum(b0 + b1);
    for (; i < n; ++i) {
        sa += v[i] * a[i];
        sb += v[i] * b[i];
    }
    sa = tau * (a[0] + sa);
    sb = tau * (b[0] + sb);
}

// a ← a − s_a v, b ← b − s_b v
void subtract_multiples(const double* v, double* a, double sa, double* b, double sb, std::size_t n) {
    a[0] -= sa;
    b[0] -= sb;
    std::size_t i = 1;
    for (; i + W <= n; i += W) {
        vec vi = load(v + i);
        store(a + i, load(a + i) - sa * vi);
        store(b + i, load(b + i) - sb * vi);
    }
    for (; i < n; ++i) {
        a[i] -= sa * v[i];
        b[i] -= sb * v[i];
    }
}

}  // namespace

void apply_reflection(const double* v, double tau, double* a, std::size_t count, std::size_t stride, std::size_t n) {
    std::size_t j = 0;
    for (; j + 2 <= count; j += 2) {
        double* x = a + j * stride;
        double* z = x + stride;
        double sx, sz;
        reflection_scales(v, tau, x, z, n, sx, sz);
        subtract_multiples(v, x, sx, z, sz, n);
    }
    if (j < count) apply_reflection(v, tau, a + j * stride, n);  // the odd column: the plain loop
}

}  // namespace qr_detail

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_HOUSEHOLDER_QR_INSTANCES)

}  // namespace showwork
