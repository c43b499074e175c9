// What an unused trace sink costs: multiply(A, B) with no sink against the plain A * B, on the
// same inputs in the same run. Each time is the median of several repetitions of a loop.
//
//   operation        size   scalar    plain A*B    multiply(A,B)    ratio
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <vector>

#include "showwork/matrix/traced_arithmetic.hpp"

using namespace showwork;

namespace {

constexpr int repetitions = 9;

// Median seconds per call of f over `calls` calls, over `repetitions` timed loops.
template <class F>
double median_seconds(int calls, F f) {
    std::vector<double> times;
    for (int r = 0; r < repetitions; ++r) {
        auto start = std::chrono::steady_clock::now();
        for (int c = 0; c < calls; ++c) f();
        std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        times.push_back(elapsed.count() / calls);
    }
    std::nth_element(times.begin(), times.begin() + repetitions / 2, times.end());
    return times[repetitions / 2];
}

template <Scalar T>
Matrix<T> random_matrix(std::mt19937_64& rng, std::size_t n) {
    std::uniform_int_distribution<int> numerator(-9, 9), denominator(1, 9);
    Matrix<T> A(n, n);
    for (auto& x : A.entries()) x = scalar_cast<T>(Rational(numerator(rng), denominator(rng)));
    return A;
}

template <Scalar T>
void compare(std::size_t n, int calls) {
    std::mt19937_64 rng(42);
    Matrix<T> A = random_matrix<T>(rng, n), B = random_matrix<T>(rng, n);
    volatile std::size_t sink = 0;  // keeps the products from being optimised away
    double plain = median_seconds(calls, [&] { sink = sink + (A * B).size(); });
    double traced = median_seconds(calls, [&] { sink = sink + multiply(A, B, nullptr).size(); });
    fmt::print("{:<10} {:>5}  {:<8} {:>12.3f} µs {:>12.3f} µs {:>8.3f}\n", "multiply", fmt::format("{}×{}", n, n),
               ScalarTraits<T>::name, plain * 1e6, traced * 1e6, traced / plain);
}

}  // namespace

int main() {
    fmt::print("{:<10} {:>5}  {:<8} {:>15} {:>15} {:>8}\n", "operation", "size", "scalar", "plain A*B",
               "multiply, no sink", "ratio");
    compare<double>(64, 200);
    compare<Rational>(16, 50);
    compare<Float50>(16, 50);
}
