// The blocked product (gemm_kernel.inc), for the baseline instruction set the library is built
// for, and the choice at run time of the AVX2 + FMA compilation of the same code
// (gemm_avx2.cpp) on a processor that has them: four doubles per instruction instead of two, and
// one fused multiply-add (a single rounding) instead of a product and a sum.
#include "showwork/matrix/fast/gemm.hpp"

#define SHOWWORK_GEMM_VARIANT baseline
#include "showwork/matrix/fast/gemm_kernel.inc"
#undef SHOWWORK_GEMM_VARIANT

namespace showwork {

#if SHOWWORK_GEMM_AVX2
namespace avx2 {
void multiply_into(const double* A, const double* B, double* C, std::size_t m, std::size_t n, std::size_t p);
}

namespace {
bool has_avx2_fma() {
    static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return has;
}
}  // namespace
#endif

void multiply_into(const double* A, const double* B, double* C, std::size_t m, std::size_t n, std::size_t p) {
#if SHOWWORK_GEMM_AVX2
    if (has_avx2_fma()) return avx2::multiply_into(A, B, C, m, n, p);
#endif
    baseline::multiply_into(A, B, C, m, n, p);
}

}  // namespace showwork
