#include "showwork/trace/trace.hpp"

namespace showwork::trace {

std::vector<Step>& Trace::current() {
    std::vector<Step>* level = &steps_;
    for (std::size_t index : open_) level = &(*level)[index].substeps;
    return *level;
}

std::size_t node_count(const Step& step) {
    std::size_t n = 0;
    if (step.operation) n += node_count(*step.operation);
    if (step.state) n += node_count(*step.state);
    for (const Step& sub : step.substeps) n += node_count(sub);
    return n;
}

namespace {

// What a piece of math counts against the limit: each node once, and once more for every 16
// characters of its text beyond the first (numbers and words; labels too).
std::size_t weight(const Math& m) {
    std::size_t n = 0;
    std::vector<const Math*> pending{&m};
    while (!pending.empty()) {
        const Math* x = pending.back();
        pending.pop_back();
        n += 1 + x->text.size() / 16;
        for (const Math& a : x->args) pending.push_back(&a);
        for (const Math& a : x->labels()) pending.push_back(&a);
    }
    return n;
}

std::size_t weight(const Step& step) {
    std::size_t n = step.text.size() / 16;
    if (step.operation) n += weight(*step.operation);
    if (step.state) n += weight(*step.state);
    for (const Step& sub : step.substeps) n += weight(sub);
    return n;
}

}  // namespace

bool Trace::admit(std::size_t nodes) {
    if (omitted_ > 0 || nodes_ + nodes > max_nodes_) {
        ++omitted_;
        return false;
    }
    nodes_ += nodes;
    return true;
}

Step& Trace::add(Step step) {
    if (!admit(weight(step))) {
        scratch_ = Step{};
        return scratch_;
    }
    auto& level = current();
    level.push_back(std::move(step));
    return level.back();
}

Step& Trace::add(std::string_view kind, std::string text, std::optional<Math> operation,
                 std::optional<Math> state) {
    return add(Step{std::string(kind), std::move(text), std::move(operation), std::move(state), {}});
}

void Trace::open(std::string_view kind, std::string text) {
    auto& level = current();
    level.push_back(Step{std::string(kind), std::move(text), std::nullopt, std::nullopt, {}});
    open_.push_back(level.size() - 1);
}

void Trace::close(std::optional<Math> state) {
    if (open_.empty()) return;  // the steps were taken while it was open
    std::size_t index = open_.back();
    open_.pop_back();
    if (state && admit(weight(*state))) current()[index].state = std::move(state);
}

std::vector<Step> Trace::take_steps() {
    open_.clear();
    if (omitted_ > 0) {
        steps_.push_back(Step{std::string(kind::omitted),
                              "The derivation stops here: " + std::to_string(omitted_) +
                                  " more steps would pass its limit of " + std::to_string(max_nodes_) +
                                  " numbers and symbols. The result is complete; run without --steps, or on a "
                                  "smaller matrix, to read it all.",
                              std::nullopt, std::nullopt, {}});
    }
    nodes_ = 0;
    omitted_ = 0;
    return std::exchange(steps_, {});
}

Step& Trace::innermost_open() {
    std::vector<Step>* level = &steps_;
    for (std::size_t k = 0; k + 1 < open_.size(); ++k) level = &(*level)[open_[k]].substeps;
    return (*level)[open_.back()];
}

void SubDerivation::describe(std::string text, std::optional<Math> operation) {
    if (!trace_ || trace_->depth() == 0) return;
    Step& step = trace_->innermost_open();
    step.text = std::move(text);
    if (operation && trace_->admit(weight(*operation))) step.operation = std::move(operation);
}

std::vector<Named> fields(Named a) {
    std::vector<Named> out;
    out.push_back(std::move(a));
    return out;
}
std::vector<Named> fields(Named a, Named b) {
    std::vector<Named> out = fields(std::move(a));
    out.push_back(std::move(b));
    return out;
}
std::vector<Named> fields(Named a, Named b, Named c) {
    std::vector<Named> out = fields(std::move(a), std::move(b));
    out.push_back(std::move(c));
    return out;
}

}  // namespace showwork::trace
