#include "showwork/solvers/gradient_descent.hpp"

#include <algorithm>
#include <cmath>

#include <string>

namespace showwork {

std::size_t batch_count(std::size_t m, std::size_t B) {
    if (B == 0 || B >= m) return m == 0 ? 0 : 1;
    return m / B + (m % B != 0);  // ⌈m/B⌉
}

std::size_t batch_size(std::size_t m, std::size_t B, std::size_t k) {
    if (B == 0 || B >= m) return m;
    return k + 1 < batch_count(m, B) ? B : m - k * B;
}

std::size_t history_stride(std::size_t epochs, std::size_t points) {
    return points == 0 || epochs <= points ? 1 : epochs / points + (epochs % points != 0);
}

std::string history_kept(const std::vector<std::size_t>& history_epochs, std::size_t epochs_run) {
    if (history_epochs.size() == epochs_run + 1 || history_epochs.size() < 2) return "";
    const std::size_t s = history_epochs[1];
    const char* suffix = s % 10 == 1 && s % 100 != 11 ? "st" : s % 10 == 2 && s % 100 != 12 ? "nd"
                       : s % 10 == 3 && s % 100 != 13 ? "rd" : "th";
    return fmt::format(" The history keeps every {}{} epoch and the last: {} of {} values.", thousands(s), suffix,
                       thousands(history_epochs.size()), thousands(epochs_run + 1));
}

std::vector<std::size_t> sampled_epochs(std::size_t points, std::size_t rows) {
    std::vector<std::size_t> out;
    if (points <= rows || rows <= 10) {
        for (std::size_t k = 0; k < points && k < std::max<std::size_t>(rows, 1); ++k) out.push_back(k);
        if (points > rows && points > 0) out.back() = points - 1;
        return out;
    }
    const std::size_t spaced = rows - 10;
    const std::size_t stride = (points - 1 + spaced - 1) / spaced;
    for (std::size_t k = 0; k < points; ++k)
        if (k < 10 || k % stride == 0 || k + 1 == points) out.push_back(k);
    return out;
}

std::string examples_text(const std::vector<std::size_t>& examples) {
    std::string out;
    for (std::size_t k = 0; k < examples.size() && k < 12; ++k) out += (k ? ", " : "") + std::to_string(examples[k] + 1);
    if (examples.size() > 12) out += ", …";
    return out;
}

// splitmix64: add the golden-ratio increment, then mix (the constants of Java's SplittableRandom).
std::uint64_t SplitMix64::next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t SplitMix64::below(std::uint64_t n) {
    // Reject the top 2⁶⁴ mod n values, so that every remainder is equally likely.
    const std::uint64_t limit = -n % n;  // (2⁶⁴ − n) mod n = 2⁶⁴ mod n
    for (;;) {
        std::uint64_t x = next();
        if (x >= limit) return x % n;
    }
}

void shuffle(std::vector<std::size_t>& order, SplitMix64& generator) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[generator.below(i)]);
}

void ExactGrowthWatch::observe(std::size_t digits, std::size_t update) {
    const double d = static_cast<double>(digits);
    if (update == 0) first_ = d;
    else steps_.push_back(d - last_);
    if (steps_.size() > 4) steps_.erase(steps_.begin());
    last_ = d;
    const double left = std::max(planned_ - static_cast<double>(update), 0.0);
    // steady geometric growth: four steps, each at least 1.2 times the one before, the last of 16 digits or more
    double q = 1;
    if (steps_.size() == 4 && steps_[0] > 0 && steps_[3] >= 16) {
        q = steps_[3] / steps_[2];
        for (std::size_t k = 1; k < 4; ++k) q = std::min(q, steps_[k] / steps_[k - 1]);
        if (q < 1.2) q = 1;
    }
    // linear: the mean step so far; geometric: d + Δ (q + q² + … + q^left), stopped once past the limit
    const double mean_step = update == 0 ? 0 : std::max(d - first_, 0.0) / static_cast<double>(update);
    double reached = d + (q == 1 ? mean_step * left : 0);
    for (double k = 0, term = steps_.empty() ? 0 : steps_.back(); q != 1 && k < left && reached <= max_exact_iterate_digits; ++k)
        reached += term *= q;
    if (reached <= max_exact_iterate_digits) return;
    auto count = [](double x) { return thousands(static_cast<std::size_t>(x)); };
    std::string course = q == 1 ? "about " + count(std::ceil(mean_step)) + " more each update"
                                : fmt::format("their growth multiplied by about {:.1f} each update", q);
    throw InputError("an exact run's iterates have " + count(d) + " digits after " + count(static_cast<double>(update)) +
                     " of its " + count(planned_) + " updates, " + course + ": on course for more than the " +
                     count(max_exact_iterate_digits) +
                     " an exact run may reach (try fewer epochs, a rate with fewer digits, or --number double)");
}

std::string_view stop_reason_name(StopReason reason) {
    switch (reason) {
    case StopReason::epochs: return "epochs";
    case StopReason::gradient_norm: return "gradient_norm";
    case StopReason::loss: return "loss";
    case StopReason::diverged: return "diverged";
    }
    return "epochs";
}

template <Scalar T>
void check_descent_options(const DescentOptions<T>& options, std::size_t m) {
    if (m == 0) throw InputError("gradient descent needs at least one example");
    if (!(options.rate > 0)) throw InputError("the learning rate must be positive, not " + shown(scalar_text(options.rate)));
    if (options.epochs == 0) throw InputError("gradient descent needs at least one epoch");
    if (options.batch > m)
        throw InputError("a batch of " + std::to_string(options.batch) + " is more than the " + std::to_string(m) +
                         " examples");
    if (options.stop != StopRule::none && !(options.tolerance > 0))
        throw InputError("the tolerance must be positive, not " + shown(scalar_text(options.tolerance)));
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_DESCENT_INSTANCES)

}  // namespace showwork
