// The timing harness and the table every benchmark writes a row of.
//
// A time is the median of several runs after a warm-up run: the median ignores the odd run that
// an interrupt or another process slowed down. Fast operations are repeated until they have run
// for a while; slow ones (over half a second) three times in all.
#pragma once

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace showwork::bench {

// Seconds per call of f, the median of its timed runs.
template <class F>
double median_seconds(F&& f) {
    using clock = std::chrono::steady_clock;
    auto time_once = [&] {
        auto start = clock::now();
        f();
        return std::chrono::duration<double>(clock::now() - start).count();
    };
    double first = time_once();  // warm-up: caches, page faults, lazy allocations
    std::vector<double> runs;
    if (first > 0.5) {
        runs = {first, time_once(), time_once()};
    } else {
        double total = 0;
        while (runs.size() < 5 || (total < 0.3 && runs.size() < 2000)) {
            runs.push_back(time_once());
            total += runs.back();
        }
    }
    std::nth_element(runs.begin(), runs.begin() + static_cast<long>(runs.size() / 2), runs.end());
    return runs[runs.size() / 2];
}

// One line of the table. A missing time means that side could not be built here.
struct Row {
    std::string operation;
    std::size_t n = 0;
    std::string scalar;
    std::optional<double> showwork_seconds;
    std::string reference;
    std::optional<double> reference_seconds;
    double flops = 0;       // floating-point operations per call, when GFLOP/s means something
    std::string check;      // "same" when both sides gave the same answer, else what differed
    std::string size = {};  // shown instead of n when set: "10000×50"
};

using Table = std::vector<Row>;

// The rows of each group of benchmarks (bench_double.cpp, bench_exact.cpp, bench_least_squares.cpp).
void add_double_rows(Table& table);
void add_exact_rows(Table& table);
void add_least_squares_rows(Table& table);  // bench_least_squares.cpp

}  // namespace showwork::bench
