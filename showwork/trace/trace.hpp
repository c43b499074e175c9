// Steps, the trace sink that records them, and the document a command produces.
//
// Every operation in the library takes `Trace* trace = nullptr` as its last argument. With no
// sink it does no tracing work at all — no strings, no copies: call sites test the pointer
// before building anything (`if (trace) trace->add(...)`). With one, it records steps: a kind,
// a sentence, the operation in symbols, the state after it, and nested sub-steps.
#pragma once

#include <optional>
#include <string_view>
#include <type_traits>
#include <string>
#include <utility>
#include <vector>

#include "showwork/trace/math.hpp"
#include "showwork/trace/step_kinds.hpp"

namespace showwork::trace {

struct Step {
    std::string kind;                // machine-readable, one of trace/step_kinds.hpp: "replacement", "rule", …
    std::string text;                // a sentence: "Eliminate below the pivot in column 1."
    std::optional<Math> operation;   // the operation in symbols: R_2 \to R_2 - 2R_1
    std::optional<Math> state;       // the state after it: a matrix, an equation, values
    std::vector<Step> substeps;      // a sub-derivation a reader can expand or skip

    friend bool operator==(const Step&, const Step&) = default;
};

// The most math nodes (numbers, symbols, operators: a 50×50 matrix is about 2,500) one
// derivation records. A number or a piece of text counts once for every 16 characters it has
// (a fraction of 4,000 digits as 250 small numbers), so that what is written stays bounded too:
// about 5 MB at most. A step that would pass it is left out and counted, and every later one
// too, so that a derivation nobody could read is not built: take_steps() ends with a step that
// says how many were left out. Algorithms ask `exhausted()` before building a step's math.
inline constexpr std::size_t max_derivation_nodes = 300'000;

class Trace {
public:
    Trace() = default;
    explicit Trace(std::size_t max_nodes) : max_nodes_(max_nodes) {}

    // Appends a step at the current depth (inside the innermost open sub-derivation), or leaves
    // it out (and returns a scratch step) once the derivation is at its size limit.
    Step& add(Step step);
    Step& add(std::string_view kind, std::string text, std::optional<Math> operation = std::nullopt,
              std::optional<Math> state = std::nullopt);

    // How many sub-derivations are open (SubDerivation opens and closes them).
    std::size_t depth() const { return open_.size(); }

    const std::vector<Step>& steps() const { return steps_; }
    // The steps, ending with a note of the steps left out, if any.
    std::vector<Step> take_steps();
    bool empty() const { return steps_.empty(); }

    // Whether steps have been left out: the derivation reached max_derivation_nodes.
    bool exhausted() const { return omitted_ > 0; }
    std::size_t omitted() const { return omitted_; }

private:
    friend class SubDerivation;
    // Whether `nodes` more math nodes fit: if so they are counted, else a step is left out.
    bool admit(std::size_t nodes);
    // Counts a step left out without building it.
    void omit() { ++omitted_; }
    // Opens a sub-derivation: the steps added until close() become its substeps.
    void open(std::string_view kind, std::string text);
    // Closes the innermost sub-derivation, optionally giving it the state it ends in.
    void close(std::optional<Math> state);
    // The innermost open sub-derivation's step.
    Step& innermost_open();

    std::vector<Step>& current();
    std::vector<Step> steps_;
    std::vector<std::size_t> open_;  // path of indices to the innermost open step
    std::size_t max_nodes_ = max_derivation_nodes;
    std::size_t nodes_ = 0;    // math nodes recorded so far
    std::size_t omitted_ = 0;  // steps left out
    Step scratch_;             // what add() returns for a step left out
};

// The math nodes of a step: its operation, its state and its substeps'.
std::size_t node_count(const Step& step);

// A sub-derivation: one step whose sub-steps are the steps recorded while it is open. It is the
// one way to nest a derivation, and without a sink it does nothing and builds nothing: pass the
// text as a literal, or as a callable that returns it, called only when there is a sink. Once
// the derivation is at its size limit a sub-derivation is left out (it records nothing), and
// the math of describe() and conclude() is counted against the limit like any step's; pass it
// as a callable to have it built only while the derivation is within its limit.
//
//   heading first   SubDerivation sub(trace, kind::elimination, "Row reduce (A | b).");
//                   … the steps of the elimination …                 (closed when `sub` ends)
//   compute first   SubDerivation sub(trace, kind::rule);
//                   Expr r = …;                                      (its steps land inside)
//                   if (sub) sub.describe("Sum rule.", equation_of(r));
//
// `conclude(state)` gives the state it ends in, shown when the sub-derivation is collapsed.
class SubDerivation {
public:
    SubDerivation(Trace* trace, std::string_view kind) : trace_(recording(trace)) {
        if (trace_) trace_->open(kind, std::string());
    }
    SubDerivation(Trace* trace, std::string_view kind, std::string_view text) : trace_(recording(trace)) {
        if (trace_) trace_->open(kind, std::string(text));
    }
    template <class Describe>
        requires std::is_invocable_r_v<std::string, Describe>
    SubDerivation(Trace* trace, std::string_view kind, Describe&& describe) : trace_(recording(trace)) {
        if (trace_) trace_->open(kind, std::forward<Describe>(describe)());
    }
    ~SubDerivation() {
        if (trace_) trace_->close(std::move(state_));
    }
    SubDerivation(const SubDerivation&) = delete;
    SubDerivation& operator=(const SubDerivation&) = delete;

    // Whether a sink records it: build text and math for it only then.
    explicit operator bool() const { return trace_ != nullptr; }
    // The sentence and operation, when they are known only once its steps are computed.
    void describe(std::string text, std::optional<Math> operation = std::nullopt);
    template <class Operation>
        requires std::is_invocable_r_v<Math, Operation>
    void describe(std::string text, Operation&& operation) {
        if (!trace_) return;
        describe(std::move(text), trace_->exhausted() ? std::nullopt : std::optional<Math>(operation()));
    }
    // The state it ends in (shown when it is collapsed).
    void conclude(Math state) { state_ = std::move(state); }
    template <class State>
        requires std::is_invocable_r_v<Math, State>
    void conclude(State&& state) {
        if (trace_ && !trace_->exhausted()) state_ = state();
    }

private:
    // The trace, if it records a sub-derivation opened now; one left out is counted.
    static Trace* recording(Trace* trace) {
        if (trace && trace->exhausted()) {
            trace->omit();
            return nullptr;
        }
        return trace;
    }

    Trace* trace_;
    std::optional<Math> state_;
};

// A named value: an input ("A"), or a field of a result ("rank", "pivot_columns").
struct Named {
    std::string name;
    Math value;
    // Where it is shown: everywhere, in JSON only (a long series for programs, a loss per epoch),
    // or everywhere but JSON (the same values laid out for reading, beside a JSON-only field).
    enum class Where { everywhere, json_only, not_json };
    Where where = Where::everywhere;
    // How the value is written before it where its name would not say it: A⁻¹, AB, ∂E/∂W^{[1]}.
    // JSON keys the value by its name all the same.
    std::optional<Math> label = std::nullopt;
    friend bool operator==(const Named&, const Named&) = default;
};

// Named values moved into a list: a braced list ({{"A", …}, {"B", …}}) would copy each value,
// and a value can be a matrix of millions of entries.
std::vector<Named> fields(Named a);
std::vector<Named> fields(Named a, Named b);
std::vector<Named> fields(Named a, Named b, Named c);

// What a command produces: its inputs, its result and the derivation between them.
// A single result is the result itself (in JSON); several form an object of fields. In the other
// formats a result named "result" is shown without its name.
struct Document {
    std::string title;    // "Multiply A by B"
    std::string command;  // "multiply"
    std::string number;   // "exact", "double" or "float50"
    std::vector<Named> inputs;
    std::vector<Named> results;
    std::vector<Step> steps;
    // The sections' headings where a document is not a derivation: a worksheet's "Sheet",
    // "Problems", "Answers".
    struct Headings {
        std::string input = "Input", steps = "Steps", result = "Result";
    } headings = {};
};

}  // namespace showwork::trace
