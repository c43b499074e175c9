#include "showwork/trace/trace.hpp"

namespace showwork::trace {

std::vector<Step>& Trace::current() {
    std::vector<Step>* level = &steps_;
    for (std::size_t index : open_) level = &(*level)[index].substeps;
    return *level;
}

Step& Trace::add(Step step) {
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
    if (state) current()[index].state = std::move(state);
}

std::vector<Step> Trace::take_steps() {
    open_.clear();
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
    if (operation) step.operation = std::move(operation);
}

}  // namespace showwork::trace
