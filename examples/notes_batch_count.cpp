// Notes 003 §3.8: "1,000,000 examples in mini-batches of 120 give 8,333 batches, the last partly
// full". An epoch has ⌈m/B⌉ batches: 1,000,000 = 8,333 · 120 + 40, so 8,333 full batches and one
// of 40 — 8,334 in all (DESIGN.md, errata). The example counts them as the driver does
// (batch_count, batch_size), checks that the batches hold every example once, and shows the
// notes' 8,333 beside 8,334 as an erratum step of the document.
//
//   notes_batch_count [text|latex|markdown|json|document]     (text by default)
#include "examples/example.hpp"
#include "showwork/solvers/gradient_descent.hpp"

using namespace showwork;

namespace {

trace::Document batch_count_document() {
    const std::size_t m = 1'000'000, B = 120;
    const std::size_t batches = batch_count(m, B);
    const std::size_t last = batch_size(m, B, batches - 1);
    std::size_t examples = 0;
    for (std::size_t k = 0; k < batches; ++k) examples += batch_size(m, B, k);
    if (batches != 8334 || last != 40 || examples != m) throw MathError("the batches do not hold the examples");

    // m = (batches − 1) · B + last: the full batches and the last one
    const trace::Math split = trace::sum({trace::product({trace::count(batches - 1), trace::count(B)}), trace::count(last)});
    trace::Trace steps;
    steps.add(trace::kind::note,
              "An epoch has m/B batches rounded up: " + std::to_string(batches - 1) + " full batches of " +
                  std::to_string(B) + " and a last one of " + std::to_string(last) + ", " + std::to_string(batches) +
                  " batches in all.",
              std::nullopt, trace::equals(trace::symbol("m"), split));
    steps.add(trace::kind::check,
              "The batch sizes add up to m: each example is seen once per epoch.", std::nullopt,
              trace::equals(split, trace::count(examples)));
    steps.add(examples::erratum("notes 003 count " + std::to_string(batches - 1) + " batches, m/B rounded down: the "
                                    "full ones only. The " + std::to_string(last) + " examples left over make batch " +
                                    std::to_string(batches) + ".",
                                trace::relation(trace::count(batches - 1), trace::Rel::not_equals, trace::count(batches))));

    trace::Document doc;
    doc.title = "How many mini-batches an epoch of 1,000,000 examples has in batches of 120 (notes 003)";
    doc.command = "notes_batch_count";
    doc.number = "exact";
    doc.inputs = {{"m", trace::count(m)}, {"B", trace::count(B)}};
    doc.results = {{"batches", trace::count(batches)},
                   {"full_batches", trace::count(batches - 1)},
                   {"last_batch", trace::count(last)}};
    doc.steps = steps.take_steps();
    return doc;
}

}  // namespace

int main(int argc, char** argv) { return examples::run("notes_batch_count", argc, argv, batch_count_document); }
