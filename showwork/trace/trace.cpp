#include "showwork/trace/trace.hpp"

#include <stdexcept>

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

Step& Trace::add(std::string kind, std::string text, std::optional<Math> operation,
                 std::optional<Math> state) {
    return add(Step{std::move(kind), std::move(text), std::move(operation), std::move(state), {}});
}

Step& Trace::open(std::string kind, std::string text, std::optional<Math> operation) {
    auto& level = current();
    level.push_back(Step{std::move(kind), std::move(text), std::move(operation), std::nullopt, {}});
    open_.push_back(level.size() - 1);
    return level.back();
}

void Trace::close(std::optional<Math> state) {
    if (open_.empty()) throw std::logic_error("Trace::close without a matching open");
    std::size_t index = open_.back();
    open_.pop_back();
    if (state) current()[index].state = std::move(state);
}

std::vector<Step> Trace::take_steps() {
    open_.clear();
    return std::exchange(steps_, {});
}

SubDerivation::SubDerivation(Trace* trace, std::string kind, std::string text,
                             std::optional<Math> operation)
    : trace_(trace) {
    if (trace_) trace_->open(std::move(kind), std::move(text), std::move(operation));
}

SubDerivation::~SubDerivation() {
    if (trace_) trace_->close(std::move(state_));
}

}  // namespace showwork::trace
