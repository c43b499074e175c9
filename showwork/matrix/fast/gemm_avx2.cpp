// The blocked product compiled with AVX2 and FMA (meson.build gives this file -mavx2 -mfma);
// gemm.cpp calls it only on a processor that has both.
#define SHOWWORK_GEMM_VARIANT avx2
#include "showwork/matrix/fast/gemm_kernel.inc"
