// showwork side by side with Eigen (double) and FLINT (exact): one table of times.
//
//   compare            every row
//   compare double     the double rows only (product, LU)
//   compare exact      the exact rows only (RREF, inverse, determinant, solve)
//   compare lsq        least squares only (double QR; exact normal equations on data sets)
//
// Each row: the operation, n, the scalar, showwork's time, the reference library and its time on
// the same input in the same run, their ratio (showwork / reference: below 1 is faster), GFLOP/s
// where it means something, and whether the two answers agreed.
#include <cstring>
#include <exception>
#include <fmt/format.h>

#include "bench/harness.hpp"
#include "bench/library_side.hpp"

#if SHOWWORK_BENCH_EIGEN
#include <Eigen/Core>
#endif
#if SHOWWORK_BENCH_FLINT
#include <flint/flint.h>
#endif

namespace showwork::bench {
namespace {

std::string vector_isa() {
#if defined(__AVX512F__)
    return "AVX-512";
#elif defined(__AVX2__) && defined(__FMA__)
    return "AVX2 + FMA";
#elif defined(__AVX__)
    return "AVX";
#else
    return "SSE2 (x86-64 baseline, no -march=native)";
#endif
}

void print_build() {
    fmt::print("compiler      g++ {}\n", __VERSION__);
    fmt::print("build         buildtype={} optimization=-O{} cpp_args='{}' NDEBUG {}\n",
               SHOWWORK_BENCH_BUILDTYPE, SHOWWORK_BENCH_OPTIMIZATION, SHOWWORK_BENCH_CPP_ARGS,
#ifdef NDEBUG
               "defined"
#else
               "not defined"
#endif
    );
    fmt::print("vector ISA    {}\n", vector_isa());
    fmt::print("              (showwork and Eigen are compiled by this build with these flags)\n");
#if SHOWWORK_BENCH_EIGEN
    fmt::print("Eigen         {}.{}.{}, single thread\n", EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION,
               EIGEN_MINOR_VERSION);
#else
    fmt::print("Eigen         not found: double rows have no reference\n");
#endif
#if SHOWWORK_BENCH_FLINT
    fmt::print("FLINT         {} (the distribution's compiled library), single thread\n", FLINT_VERSION);
#else
    fmt::print("FLINT         not found: exact rows have no reference\n");
#endif
    if (!have_elimination) fmt::print("elimination   not in this tree: no showwork times for LU, RREF, inverse, det, solve\n");
    fmt::print("time          median of >= 3 runs after a warm-up run\n\n");
}

std::string seconds_text(const std::optional<double>& s) {
    if (!s) return "n/a";
    if (*s < 1e-3) return fmt::format("{:.1f} us", *s * 1e6);
    if (*s < 1) return fmt::format("{:.2f} ms", *s * 1e3);
    return fmt::format("{:.2f} s", *s);
}

std::string gflops_text(double flops, const std::optional<double>& s) {
    if (flops == 0 || !s) return "";
    return fmt::format("{:.2f}", flops / *s * 1e-9);
}

void print_table(const Table& table) {
    constexpr auto format = FMT_STRING("{:<28} {:>9} {:<7} {:>11} {:<22} {:>11} {:>7} {:>8} {:>8}  {}\n");
    fmt::print(format, "operation", "n", "scalar", "showwork", "reference", "ref time", "ratio",
               "sw GF/s", "ref GF/s", "answers");
    for (const Row& r : table) {
        std::string ratio = r.showwork_seconds && r.reference_seconds
                                ? fmt::format("{:.2f}", *r.showwork_seconds / *r.reference_seconds)
                                : "";
        fmt::print(format, r.operation, r.size.empty() ? std::to_string(r.n) : r.size, r.scalar, seconds_text(r.showwork_seconds), r.reference,
                   seconds_text(r.reference_seconds), ratio, gflops_text(r.flops, r.showwork_seconds),
                   gflops_text(r.flops, r.reference_seconds), r.check);
    }
}

}  // namespace
}  // namespace showwork::bench

int main(int argc, char** argv) {
    using namespace showwork::bench;
    bool run_double = argc < 2 || std::strcmp(argv[1], "double") == 0;
    bool run_exact = argc < 2 || std::strcmp(argv[1], "exact") == 0;
    bool run_least_squares = argc < 2 || std::strcmp(argv[1], "lsq") == 0;
    if (!run_double && !run_exact && !run_least_squares) {
        fmt::print(stderr, "usage: compare [double|exact|lsq]\n");
        return 2;
    }
    print_build();
    Table table;
    try {
        if (run_double) add_double_rows(table);
        if (run_exact) add_exact_rows(table);
        if (run_least_squares) add_least_squares_rows(table);
    } catch (const std::exception& e) {
        print_table(table);
        fmt::print(stderr, "benchmark stopped: {}\n", e.what());
        return 1;
    }
    print_table(table);
}
