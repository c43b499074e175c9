// Gradient descent (solvers/gradient_descent.hpp, regression/descent.hpp): the notes' batch count
// with its erratum, the generator's fixed output, a first update checked by hand, exact runs
// that close in on the closed form, reproducible SGD, floating against exact, seeded random
// problems, and every bad input by its message.
#include <cmath>
#include <set>

#include "support.hpp"
#include "showwork/matrix/decimal.hpp"
#include "showwork/regression/descent.hpp"
#include "showwork/trace/render.hpp"

namespace test_gradient_descent {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using namespace showwork::regression;
using Q = Rational;

namespace {

template <class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

const char* const line_data = "x, y\n1, 2\n2, 4\n3, 5\n4, 4\n5, 5\n";

template <Scalar T>
Design<T> line() { return design(read_data<T>(line_data, "line.csv"), ModelSpec{}); }

template <Scalar T>
DescentOptions<T> full_batch(T rate, std::size_t epochs) {
    DescentOptions<T> o;
    o.rate = rate;
    o.epochs = epochs;
    return o;
}

// ‖β − β̂‖² for the line, β̂ = (11/5, 3/5).
Q squared_distance(const Matrix<Q>& b) {
    Q d0 = b(0, 0) - Q(11, 5), d1 = b(1, 0) - Q(3, 5);
    return d0 * d0 + d1 * d1;
}

}  // namespace

TEST_CASE("an epoch is ceil(m/B) batches: 1,000,000 in batches of 120 is 8,334, not the notes' 8,333") {
    CHECK(batch_count(1'000'000, 120) == 8334);
    CHECK(batch_size(1'000'000, 120, 0) == 120);
    CHECK(batch_size(1'000'000, 120, 8332) == 120);
    CHECK(batch_size(1'000'000, 120, 8333) == 40);  // the last, partly full
    CHECK(batch_count(10, 5) == 2);
    CHECK(batch_size(10, 5, 1) == 5);
    CHECK(batch_count(5, 0) == 1);
    CHECK(batch_count(5, 5) == 1);
    CHECK(batch_count(5, 1) == 5);
    CHECK(batch_size(5, 0, 0) == 5);
}

TEST_CASE("splitmix64 gives its published first output, and the shuffle is a permutation fixed by the seed") {
    SplitMix64 g{0};
    CHECK(g.next() == 0xe220a8397b1dcdafULL);
    std::vector<std::size_t> a{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, b = a;
    SplitMix64 ga{42}, gb{42};
    shuffle(a, ga);
    shuffle(b, gb);
    CHECK(a == b);
    CHECK(std::set<std::size_t>(a.begin(), a.end()).size() == 10);
    SplitMix64 gc{43};
    std::vector<std::size_t> c{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    shuffle(c, gc);
    CHECK(c != a);
    for (std::uint64_t n : {1ULL, 2ULL, 3ULL, 7ULL})
        for (int k = 0; k < 100; ++k) CHECK(g.below(n) < n);
}

TEST_CASE("the first full-batch update on the line, by hand: e = -y, dC/db = -4, dC/dw = -66/5") {
    Design<Q> d = line<Q>();
    LossGradient<Q> at_zero = linear_loss(d, Loss::half_mse, Matrix<Q>(2, 1), {0, 1, 2, 3, 4});
    CHECK(at_zero.loss == Q(43, 5));  // 1/(2·5) (4 + 16 + 25 + 16 + 25)
    CHECK(at_zero.gradient(0, 0) == Q(-4));
    CHECK(at_zero.gradient(1, 0) == Q(-66, 5));
    LossGradient<Q> mse = linear_loss(d, Loss::mse, Matrix<Q>(2, 1), {0, 1, 2, 3, 4});
    CHECK(mse.loss == Q(86, 5));
    CHECK(mse.gradient(1, 0) == Q(-132, 5));

    Descent<Q> r = descend(d, Loss::half_mse, full_batch(Q(1, 20), 1));
    CHECK(r.run.parameters(0, 0) == Q(1, 5));    // b = 0 − 1/20 · (−4)
    CHECK(r.run.parameters(1, 0) == Q(33, 50));  // w = 0 − 1/20 · (−66/5)
    CHECK(r.closed_form(0, 0) == Q(11, 5));
    CHECK(r.closed_form(1, 0) == Q(3, 5));
    CHECK(r.run.updates == 1);
    CHECK(r.run.loss.size() == 2);
}

TEST_CASE("exact full-batch descent on the line closes in on the closed form, the distance shrinking every update") {
    Design<Q> d = line<Q>();
    std::vector<std::size_t> all{0, 1, 2, 3, 4};
    auto objective = [&](const Matrix<Q>& b, const std::vector<std::size_t>& ex) {
        return linear_loss(d, Loss::half_mse, b, ex);
    };
    std::vector<Q> distances{squared_distance(Matrix<Q>(2, 1))};
    DescentResult<Q> r = gradient_descent(Matrix<Q>(2, 1), 5, objective, full_batch(Q(1, 10), 200),
                                          [&](const Iteration<Q>& it) { distances.push_back(squared_distance(it.after)); });
    REQUIRE(distances.size() == 201);
    for (std::size_t k = 1; k < distances.size(); ++k) CHECK(distances[k] < distances[k - 1]);
    CHECK(distances.back() < Q(1, 100));
    for (std::size_t k = 1; k < r.loss.size(); ++k) CHECK(r.loss[k] <= r.loss[k - 1]);
    CHECK(r.stopped == StopReason::epochs);
}

TEST_CASE("a gradient-norm tolerance stops the run early, and says so") {
    Descent<double> r = descend(line<double>(), Loss::half_mse, [] {
        DescentOptions<double> o;
        o.rate = 0.1;
        o.epochs = 100000;
        o.stop = StopRule::gradient_norm;
        o.tolerance = 1e-9;
        return o;
    }());
    CHECK(r.run.stopped == StopReason::gradient_norm);
    CHECK(r.run.epochs_run < 100000);
    CHECK(std::abs(r.run.parameters(1, 0) - 0.6) < 1e-7);
    CHECK(std::abs(r.run.parameters(0, 0) - 2.2) < 1e-7);
}

TEST_CASE("SGD and mini-batch runs are reproducible from their seed, exactly") {
    auto run = [](std::size_t batch, std::uint64_t seed) {
        DescentOptions<Q> o = full_batch(Q(1, 50), 4);
        o.batch = batch;
        o.seed = seed;
        return descend(line<Q>(), Loss::half_mse, o).run;
    };
    for (std::size_t batch : {std::size_t{1}, std::size_t{2}}) {
        DescentResult<Q> a = run(batch, 7), b = run(batch, 7), c = run(batch, 8);
        CHECK(a.parameters == b.parameters);
        CHECK(a.loss == b.loss);
        CHECK(a.parameters != c.parameters);
        CHECK(a.updates == 4 * batch_count(5, batch));  // 5 per epoch for SGD, 3 (2 + 2 + 1) for B = 2
    }
}

TEST_CASE("floating descent follows the exact iterates within 1e-12, in full batch and in SGD") {
    for (std::size_t batch : {std::size_t{0}, std::size_t{1}, std::size_t{2}}) {
        DescentOptions<Q> oq = full_batch(Q(1, 20), 30);
        DescentOptions<double> od = full_batch(0.05, 30);
        oq.batch = od.batch = batch;
        oq.seed = od.seed = 3;
        Descent<Q> exact = descend(line<Q>(), Loss::half_mse, oq);
        Descent<double> floating = descend(line<double>(), Loss::half_mse, od);
        for (std::size_t j = 0; j < 2; ++j)
            CHECK(std::abs(floating.run.parameters(j, 0) - rational_to_double(exact.run.parameters(j, 0))) < 1e-12);
        CHECK(floating.run.updates == exact.run.updates);
    }
}

TEST_CASE("on 200 seeded random problems full-batch descent reaches the closed form, and mini-batches come close") {
    // y = 1 − 2x₁ + 3x₂ − x₃ + noise on 1 to 3 predictors uniform in [0, 1), m from 8 to 40.
    // Full batch until ‖∇C‖ ≤ 1e-10: then ‖β − β̂‖ ≤ ‖∇C‖/λ_min(XᵀX/m), well under 1e-6 here.
    SplitMix64 g{2024};
    auto uniform = [&] { return static_cast<double>(g.next() >> 11) * 0x1p-53; };  // [0, 1)
    const double slope[] = {-2, 3, -1};
    std::size_t epochs = 0, most_epochs = 0;
    for (int problem = 0; problem < 200; ++problem) {
        const std::size_t p = 1 + static_cast<std::size_t>(problem) % 3;
        const int m = 8 + problem % 33;
        std::string text = "x1";
        for (std::size_t j = 2; j <= p; ++j) text += fmt::format(", x{}", j);
        text += ", y\n";
        for (int i = 0; i < m; ++i) {
            double y = 1 + 0.1 * (uniform() - 0.5);
            for (std::size_t j = 0; j < p; ++j) {
                const double x = uniform();
                y += slope[j] * x;
                text += fmt::format("{}, ", x);
            }
            text += fmt::format("{}\n", y);
        }
        Design<double> d = design(read_data<double>(text, "random.csv"), ModelSpec{});
        DescentOptions<double> o;
        o.rate = 0.5;
        o.epochs = 500'000;
        o.stop = StopRule::gradient_norm;
        o.tolerance = 1e-10;
        Descent<double> full = descend(d, Loss::half_mse, o);
        CHECK_MESSAGE(full.run.stopped == StopReason::gradient_norm, "problem ", problem, ": ", full.run.epochs_run, " epochs");
        for (std::size_t j = 0; j <= p; ++j) CHECK_MESSAGE(full.distance(j, 0) < 1e-6, "problem ", problem, ", β", j);
        epochs += full.run.epochs_run;
        most_epochs = std::max(most_epochs, full.run.epochs_run);
        if (problem % 10 != 0) continue;
        // Mini-batches of 5 with a small rate: the noise of the batches keeps them near, not at, β̂.
        o.stop = StopRule::none;
        o.batch = 5;
        o.rate = 0.05;
        o.epochs = 3000;
        o.seed = static_cast<std::uint64_t>(problem);
        Descent<double> mini = descend(d, Loss::half_mse, o);
        for (std::size_t j = 0; j <= p; ++j) CHECK_MESSAGE(mini.distance(j, 0) < 0.05, "problem ", problem, ", β", j);
    }
    MESSAGE("200 problems: ", epochs / 200, " epochs on average, at most ", most_epochs);
}

TEST_CASE("a learning rate too large diverges in floating point and is reported as diverged") {
    Descent<double> r = descend(line<double>(), Loss::half_mse, full_batch(1.0, 1000));
    CHECK(r.run.stopped == StopReason::diverged);
    CHECK(r.run.epochs_run < 1000);
}

TEST_CASE("bad options are refused by name") {
    Design<Q> d = line<Q>();
    CHECK(message_of([&] { descend(d, Loss::half_mse, full_batch(Q(0), 10)); }) ==
          "the learning rate must be positive, not 0");
    CHECK(message_of([&] { descend(d, Loss::half_mse, full_batch(Q(-1, 2), 10)); }) ==
          "the learning rate must be positive, not -1/2");
    CHECK(message_of([&] { descend(d, Loss::half_mse, full_batch(Q(1, 10), 0)); }) ==
          "gradient descent needs at least one epoch");
    DescentOptions<Q> big = full_batch(Q(1, 10), 10);
    big.batch = 6;
    CHECK(message_of([&] { descend(d, Loss::half_mse, big); }) == "a batch of 6 is more than the 5 examples");
    CHECK(message_of([&] { descend(d, Loss::half_mse, full_batch(Q(1, 10), 2001)); }) ==
          "2001 exact updates asked for, at most 2000: the iterates' digits grow with every update; use fewer "
          "epochs or --number double");
    CHECK(message_of([&] { descend(line<double>(), Loss::half_mse, full_batch(0.1, max_epochs + 1)); }) ==
          "at most 10000000 epochs, not 10000001");
    DescentOptions<Q> tol = full_batch(Q(1, 10), 10);
    tol.stop = StopRule::loss;
    CHECK(message_of([&] { descend(d, Loss::half_mse, tol); }) == "the tolerance must be positive, not 0");
    CHECK(message_of([] { parse_loss("mae"); }) ==
          "unknown loss 'mae': half_mse (1/(2m) Σ eᵢ²) or mse (1/m Σ eᵢ²)");
}

TEST_CASE("the trace writes the first updates in full, then the epochs table and the comparison") {
    trace::Trace t;
    descend(line<Q>(), Loss::half_mse, full_batch(Q(1, 20), 5), &t);
    std::vector<std::string> kinds;
    for (const trace::Step& s : t.steps()) kinds.push_back(s.kind);
    CHECK(kinds == std::vector<std::string>{"design", "descent_loss", "descent_update", "descent_update",
                                            "descent_history", "descent_comparison"});
    const trace::Step& first = t.steps()[2];
    REQUIRE(first.substeps.size() == 3);
    CHECK(first.substeps[0].kind == "descent_errors");
    CHECK(first.substeps[1].kind == "descent_gradient");
    CHECK(first.substeps[2].kind == "descent_step");
    std::string text = trace::render(trace::Document{"", "descend", "exact", {}, {}, t.take_steps()},
                                     trace::Format::text);
    CHECK(text.find("33/50") != std::string::npos);  // w after the first update
}

TEST_CASE("the growth watch projects a steady step linearly and a growing one geometrically") {
    // a linear model's digits: about 1 an update, with noise: 2,000 updates stay far below the limit
    ExactGrowthWatch linear(2'000);
    SplitMix64 g{5};
    std::size_t d = 2;
    for (std::size_t k = 0; k <= 2'000; ++k) {
        CHECK_NOTHROW(linear.observe(d, k));
        d += g.below(3);  // 0, 1 or 2 digits more
    }
    // a network's: ×3 a update; refused at the fourth step, long before the numbers are large
    ExactGrowthWatch geometric(12);
    const std::size_t digits[] = {2, 7, 19, 52, 152};
    for (std::size_t k = 0; k < 4; ++k) CHECK_NOTHROW(geometric.observe(digits[k], k));
    CHECK_THROWS_AS(geometric.observe(digits[4], 4), InputError);
    // a steady 5,000 digits an update reaches 50,000 after 10: the 11th planned one is refused at once
    ExactGrowthWatch steady(11);
    steady.observe(10, 0);
    CHECK_THROWS_AS(steady.observe(5'010, 1), InputError);
}

TEST_CASE("a long run keeps every s-th epoch and the last; the values are those of the full history") {
    DescentOptions<double> all = full_batch(0.05, 95), kept = all;
    all.history_points = 0;
    kept.history_points = 10;  // s = ⌈95/10⌉ = 10: epochs 0, 10, …, 90 and 95
    Descent<double> every = descend(line<double>(), Loss::half_mse, all);
    Descent<double> sampled = descend(line<double>(), Loss::half_mse, kept);
    CHECK(every.run.loss.size() == 96);
    CHECK(every.run.history_epochs.size() == 96);
    const std::vector<std::size_t> epochs{0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95};
    CHECK(sampled.run.history_epochs == epochs);
    REQUIRE(sampled.run.loss.size() == epochs.size());
    for (std::size_t k = 0; k < epochs.size(); ++k) {
        CHECK(sampled.run.loss[k] == every.run.loss[epochs[k]]);
        CHECK(sampled.run.gradient_norm_squared[k] == every.run.gradient_norm_squared[epochs[k]]);
    }
    CHECK(sampled.run.parameters == every.run.parameters);
    CHECK(history_kept(sampled.run.history_epochs, 95) == " The history keeps every 10th epoch and the last: 11 of 96 values.");
    CHECK(history_kept(every.run.history_epochs, 95).empty());
    CHECK(history_stride(10'000'000, max_history_points) == 100);
    CHECK(history_stride(100'000, max_history_points) == 1);
    CHECK(history_stride(100'001, max_history_points) == 2);
    // a run that stops early keeps the epoch it stopped at
    DescentOptions<double> stopping = kept;
    stopping.epochs = 1000;
    stopping.stop = StopRule::gradient_norm;
    stopping.tolerance = 1e-3;
    Descent<double> stopped = descend(line<double>(), Loss::half_mse, stopping);
    REQUIRE(stopped.run.stopped == StopReason::gradient_norm);
    CHECK(stopped.run.history_epochs.back() == stopped.run.epochs_run);
}

}  // namespace test_gradient_descent
