// Notes 003 §3.8: "1,000,000 examples in mini-batches of 120 give 8,333 batches, the last partly
// full". An epoch has ⌈m/B⌉ batches: 1,000,000 = 8,333 · 120 + 40, so 8,333 full batches and one
// of 40 — 8,334 in all (DESIGN.md, errata). The example counts them as the driver does.
#include <fmt/core.h>

#include "showwork/solvers/gradient_descent.hpp"

using namespace showwork;

int main() {
    const std::size_t m = 1'000'000, B = 120;
    const std::size_t batches = batch_count(m, B);
    const std::size_t last = batch_size(m, B, batches - 1);
    std::size_t examples = 0;
    for (std::size_t k = 0; k < batches; ++k) examples += batch_size(m, B, k);
    fmt::print("m = {}, B = {}\n", m, B);
    fmt::print("the notes say:  8333 batches\n");
    fmt::print("the right value: ceil(m/B) = {} batches: {} full batches of {} and a last one of {}\n", batches,
               batches - 1, B, last);
    fmt::print("check: {} x {} + {} = {} examples, each seen once per epoch\n", batches - 1, B, last, examples);
    fmt::print("Erratum: 8333 is floor(m/B); the 40 examples left over make batch 8334.\n");
    return batches == 8334 && last == 40 && examples == m ? 0 : 1;
}
