// C = AB for doubles, blocked for the caches and the registers (the Goto/BLIS scheme).
//
// Letters: A is (m×n), B is (n×p), C is (m×p), all row-major. The sum c_ij = Σ_k a_ik b_kj is
// cut into blocks so that each number fetched from memory is used many times:
//
//   for each block of NC columns of B and C                     (jc)
//     for each block of KC rows of B (= KC columns of A)        (pc)
//       pack B[pc.., jc..] into panels of NR columns, each KC×NR contiguous  (stays in L3/L2)
//       for each block of MC rows of A and C                    (ic)
//         pack A[ic.., pc..] into panels of MR rows, each KC×MR contiguous   (stays in L2)
//         for each NR-column panel of B, for each MR-row panel of A:
//           micro-kernel: C[MR×NR tile] += A-panel (MR×KC) · B-panel (KC×NR)  (in registers)
//
// The micro-kernel keeps the MR×NR tile of C in 2·MR vector registers for the whole KC loop: per
// k it loads one row of the B panel (two vectors), and for each of the MR rows multiplies the
// broadcast a_ik into both and adds. Packing pads the edge panels with zeros, so the kernel never
// branches inside its loop; only the final write to C trims the tile to the matrix's edge.
#include "showwork/matrix/fast/gemm.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

namespace showwork {
namespace {

// Vectors of W doubles through GCC's vector extensions (also understood by Clang): `vec` is W
// doubles that + and * act on lane by lane, and `a * v` with a scalar a multiplies every lane.
// W is the width of the widest vector registers the target has: 4 with AVX (-march=native on a
// modern x86), otherwise 2 (SSE2, the x86-64 baseline the library is built for by default).
// The code is the same either way; the compiler emits the matching instructions.
#if defined(__AVX__)
constexpr std::size_t W = 4;
#else
constexpr std::size_t W = 2;
#endif
typedef double vec __attribute__((vector_size(W * sizeof(double))));

// Register tile: MR rows × NR = 2W columns, 2·MR = 12 accumulators, which with the two B vectors
// and a broadcast leaves the 16 vector registers of x86-64 just enough room.
constexpr std::size_t MR = 6;
constexpr std::size_t NR = 2 * W;
// Cache blocks: a KC×NR panel of B (16 KiB with AVX) stays in L1 while the kernel sweeps it;
// an MC×KC block of A (240 KiB) stays in L2; a KC×NC block of B stays in L3.
constexpr std::size_t KC = 256;
constexpr std::size_t MC = 120;  // a multiple of MR
constexpr std::size_t NC = 2048;  // a multiple of NR

// Products at most this many multiply-adds take the plain loop: packing does not pay for itself.
constexpr std::size_t small_product = 16 * 16 * 16;

vec load(const double* p) {
    vec v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

void store(double* p, vec v) { std::memcpy(p, &v, sizeof v); }

// Packed panels live in 64-byte aligned buffers (one cache line), freed on scope exit.
struct AlignedFree {
    void operator()(double* p) const { std::free(p); }
};
using Buffer = std::unique_ptr<double[], AlignedFree>;

Buffer aligned_buffer(std::size_t count) {
    std::size_t bytes = (count * sizeof(double) + 63) / 64 * 64;
    auto* p = static_cast<double*>(std::aligned_alloc(64, bytes));
    if (!p) throw std::bad_alloc();
    return Buffer(p);
}

// Rows [i0, i0+mc) and columns [k0, k0+kc) of A (row stride lda) as ⌈mc/MR⌉ panels; panel q holds
// a_(i0+q·MR+r, k0+k) at [q·MR·kc + k·MR + r]: for each k, the MR entries of one column slice.
void pack_A(const double* A, std::size_t lda, std::size_t i0, std::size_t mc, std::size_t k0,
            std::size_t kc, double* Ap) {
    for (std::size_t q = 0; q < mc; q += MR) {
        std::size_t rows = std::min(MR, mc - q);
        for (std::size_t k = 0; k < kc; ++k) {
            for (std::size_t r = 0; r < MR; ++r)
                Ap[k * MR + r] = r < rows ? A[(i0 + q + r) * lda + k0 + k] : 0.0;
        }
        Ap += MR * kc;
    }
}

// Rows [k0, k0+kc) and columns [j0, j0+nc) of B (row stride ldb) as ⌈nc/NR⌉ panels; panel q holds
// b_(k0+k, j0+q·NR+c) at [q·NR·kc + k·NR + c]: for each k, NR consecutive entries of one row.
void pack_B(const double* B, std::size_t ldb, std::size_t k0, std::size_t kc, std::size_t j0,
            std::size_t nc, double* Bp) {
    for (std::size_t q = 0; q < nc; q += NR) {
        std::size_t cols = std::min(NR, nc - q);
        for (std::size_t k = 0; k < kc; ++k) {
            const double* b = B + (k0 + k) * ldb + j0 + q;
            for (std::size_t c = 0; c < NR; ++c) Bp[k * NR + c] = c < cols ? b[c] : 0.0;
        }
        Bp += NR * kc;
    }
}

// C[rows×cols tile at c, stride ldc] += Ap (MR×kc panel) · Bp (kc×NR panel).
void micro_kernel(std::size_t kc, const double* Ap, const double* Bp, double* c, std::size_t ldc,
                  std::size_t rows, std::size_t cols) {
    vec acc[MR][2] = {};
    for (std::size_t k = 0; k < kc; ++k) {
        vec b0 = load(Bp), b1 = load(Bp + W);
        // Unrolled so that acc stays in registers: t_rj += a_rk b_kj for the MR rows r.
#pragma GCC unroll 6
        for (std::size_t r = 0; r < MR; ++r) {
            acc[r][0] += Ap[r] * b0;
            acc[r][1] += Ap[r] * b1;
        }
        Ap += MR;
        Bp += NR;
    }
    if (rows == MR && cols == NR) {
#pragma GCC unroll 6
        for (std::size_t r = 0; r < MR; ++r) {
            store(c + r * ldc, load(c + r * ldc) + acc[r][0]);
            store(c + r * ldc + W, load(c + r * ldc + W) + acc[r][1]);
        }
        return;
    }
    double tile[MR][NR];
    std::memcpy(tile, acc, sizeof tile);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t j = 0; j < cols; ++j) c[r * ldc + j] += tile[r][j];
}

// The textbook loop, i-k-j so that B and C are walked along their rows.
void multiply_small(const double* A, const double* B, double* C, std::size_t m, std::size_t n,
                    std::size_t p) {
    for (std::size_t i = 0; i < m; ++i)
        for (std::size_t k = 0; k < n; ++k) {
            double a = A[i * n + k];
            for (std::size_t j = 0; j < p; ++j) C[i * p + j] += a * B[k * p + j];
        }
}

}  // namespace

void multiply_into(const double* A, const double* B, double* C, std::size_t m, std::size_t n,
                   std::size_t p) {
    std::fill(C, C + m * p, 0.0);
    if (m == 0 || n == 0 || p == 0) return;
    if (m * n * p <= small_product) {
        multiply_small(A, B, C, m, n, p);
        return;
    }
    auto round_up = [](std::size_t x, std::size_t to) { return (x + to - 1) / to * to; };
    std::size_t kc_max = std::min(KC, n);
    Buffer Ap = aligned_buffer(round_up(std::min(MC, m), MR) * kc_max);
    Buffer Bp = aligned_buffer(round_up(std::min(NC, p), NR) * kc_max);

    for (std::size_t jc = 0; jc < p; jc += NC) {
        std::size_t nc = std::min(NC, p - jc);
        for (std::size_t pc = 0; pc < n; pc += KC) {
            std::size_t kc = std::min(KC, n - pc);
            pack_B(B, p, pc, kc, jc, nc, Bp.get());
            for (std::size_t ic = 0; ic < m; ic += MC) {
                std::size_t mc = std::min(MC, m - ic);
                pack_A(A, n, ic, mc, pc, kc, Ap.get());
                for (std::size_t jr = 0; jr < nc; jr += NR) {
                    for (std::size_t ir = 0; ir < mc; ir += MR) {
                        micro_kernel(kc, Ap.get() + ir * kc, Bp.get() + jr * kc,
                                     C + (ic + ir) * p + jc + jr, p, std::min(MR, mc - ir),
                                     std::min(NR, nc - jr));
                    }
                }
            }
        }
    }
}

}  // namespace showwork
