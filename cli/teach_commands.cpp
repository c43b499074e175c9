// check: a student's row reduction verified line by line (teach/check.hpp). The document is the
// working marked up, one step per line; the status is 3 when it holds a mistake.
// generate: problems with nice answers (teach/generate.hpp), one document with their answer
// key, or with --worksheet a problem sheet and its answer key as two documents.
#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/teach/check.hpp"
#include "showwork/regression/model.hpp"
#include "showwork/teach/generate.hpp"

namespace showwork::cli {

namespace {

using trace::Document;

struct CheckCall : Invocation {
    std::string goal = "rref";
    std::string augment;  // columns right of the bar; empty: none (solve: 1)
};

// Line numbers as a set, which JSON writes as an array: {2, 5}.
trace::Math line_set(const std::vector<std::size_t>& lines) {
    std::vector<trace::Math> items;
    for (std::size_t l : lines) items.push_back(trace::count(l));
    return trace::set(trace::list(std::move(items)), trace::empty());
}

// "line 2, line 5 and the answer": where the mistakes are, for the line on stderr.
template <Scalar T>
std::string mistakes_summary(const teach::WorkingCheck<T>& c, std::size_t answer_line) {
    if (c.only_answer_missing()) return "the working is incomplete: it never states its answer";
    std::vector<std::string> where;
    for (const auto& l : c.lines)
        if (!l.correct) where.push_back(fmt::format("line {} ({})", l.line, teach::cause_name(l.cause)));
    if (!c.goal_met) where.push_back("the last matrix");
    if (c.answer_missing) where.push_back("no answer stated");
    else if (c.answer_correct == false) where.push_back(fmt::format("the answer (line {})", answer_line));
    return fmt::format("{} {} in the working: {}", c.mistakes(), c.mistakes() == 1 ? "mistake" : "mistakes",
                       teach::teach_detail::listed(where));
}

struct Check {
    static void add_options(CLI::App& command, CheckCall& call) {
        command.add_option("--goal", call.goal, "What the working is for: ref, rref (default), solve (answer: x = …), "
                                                "inverse (START is A; the working reduces (A | I)), det (answer: det = …)")
            ->check(CLI::IsMember({"ref", "rref", "solve", "inverse", "det"}));
        command.add_option("--augment", call.augment, "The last K columns of START are right of the bar "
                                                      "(--goal solve: 1 by default)");
    }

    template <Scalar T>
    static Document run(CheckCall& call) {
        const teach::Goal goal = teach::parse_goal(call.goal);
        Matrix<T> start = read_matrix<T>(call.operands[0], call.augment);
        if (goal == teach::Goal::solve && call.augment.empty()) {
            if (start.cols() < 2) throw InputError(fmt::format("--goal solve needs (A | b): a {} matrix has no b", start.shape()));
            start.set_augment(1);
        }
        if ((goal == teach::Goal::inverse || goal == teach::Goal::det) && (!start.is_square() || start.augment() != 0)) {
            throw InputError(fmt::format("--goal {} takes A, square and without a bar, not a {} matrix", call.goal,
                                         start.shape()));
        }
        const Source source = read_source(call.operands[1]);
        const teach::Working working = teach::parse_working(source.text, source.origin);
        const teach::WorkingCheck<T> c = teach::check_working(start, working, goal, call.sink());

        std::vector<std::size_t> wrong;
        std::vector<trace::Math> causes;
        for (const auto& l : c.lines) {
            if (l.correct) continue;
            wrong.push_back(l.line);
            causes.push_back(trace::text(std::string(teach::cause_name(l.cause))));
        }
        std::vector<trace::Named> results{
            {"verdict", trace::text(c.all_correct() ? "correct" : c.only_answer_missing() ? "incomplete" : "mistakes")},
            {"mistakes", trace::count(c.mistakes())},
            {"wrong_lines", line_set(wrong)},
            {"causes", trace::list(std::move(causes)), trace::Named::Where::json_only},
            {"final", to_math(c.final)},
            {"goal", trace::text(c.goal_verdict)}};
        if (c.answer_correct) results.push_back({"answer", trace::text(c.answer_verdict)});
        if (!c.all_correct()) call.mistakes_found = mistakes_summary(c, working.answer_line);
        const Matrix<T> shown = teach::working_start(start, goal);
        return document(call, "check", "Checking a row reduction line by line",
                        trace::fields({"start", to_math(shown)}, {"goal", trace::text(call.goal)}), std::move(results));
    }
};

struct GenerateCall : Invocation {
    std::string difficulty = "medium";
    std::string size, rank, parameters, count = "1", variants = "1";
    std::string seed = "1";
    bool worksheet = false;
};

// "sheet.tex" → "sheet-key.tex": a name beside `path`, before its extension.
std::string beside(const std::string& path, const std::string& suffix) {
    std::filesystem::path p(path);
    return (p.parent_path() / (p.stem().string() + suffix + p.extension().string())).string();
}

// The problems of one sheet: problem i of kind kinds[(i − 1) mod k], from problem_seed(seed, i);
// `drawn` is called after each.
template <class Drawn>
std::vector<teach::Problem> draw_sheet(const std::vector<teach::ProblemSpec>& specs, std::size_t count,
                                       std::uint64_t seed, Drawn&& drawn) {
    std::vector<teach::Problem> problems;
    for (std::size_t i = 1; i <= count; ++i) {
        problems.push_back(teach::generate_problem(specs[(i - 1) % specs.size()], teach::problem_seed(seed, i)));
        drawn();
    }
    return problems;
}

// Before the work, a note when the sheets will take more than a few seconds to draw and solve
// (teach::problem_seconds, a measured model): problems of the largest sizes at the strictest
// difficulties are drawn many times over before one meets every limit.
void note_if_long(const std::vector<teach::ProblemSpec>& specs, std::size_t count, std::size_t sheets) {
    double seconds = 0;
    for (std::size_t i = 0; i < count; ++i) seconds += teach::problem_seconds(specs[i % specs.size()]);
    seconds *= static_cast<double>(sheets);
    if (seconds < 5) return;
    const std::size_t problems = count * sheets;
    note(fmt::format("{} {} of {} problems{}: about {:.0f} s of work, {:.0f} ms a problem (the largest sizes at the "
                     "strictest difficulties are drawn many times over before one meets every limit)",
                     sheets, sheets == 1 ? "sheet" : "sheets", count, sheets == 1 ? " and its key" : " and their keys",
                     seconds, 1000 * seconds / static_cast<double>(problems)));
}

// One problem as a step: what it asks, its data, and (in the key) its derivation and answer;
// the problem (JSON only) and its answer are added to `results`.
template <Scalar T>
trace::Step problem_step(const teach::Problem& p, std::size_t index, bool key, bool derivation,
                         std::vector<trace::Named>& results, bool numbered) {
    std::string text = teach::problem_statement(p);
    if (key) text += fmt::format(" (seed {}: {})", p.seed, teach::working_summary(p));  // how hard, as measured
    trace::Step step{std::string(trace::kind::problem), text, std::nullopt, teach::problem_math(p), {}};
    // the problem for programs, JSON only (the step shows it): its matrix, (A | b) or the data
    // (x | y), or f(x) as text the program reads
    trace::Math data = p.spec.kind == teach::ProblemKind::derivative ? trace::text(p.function)
                       : p.spec.kind == teach::ProblemKind::backprop  ? *step.state
                                                                      : to_math(p.matrix);
    results.push_back({numbered ? fmt::format("problem_{}", index) : "problem", std::move(data), trace::Named::Where::json_only});
    if (!key) return step;
    trace::Trace trace;
    std::vector<trace::Named> answer = teach::solve_problem<T>(p, derivation ? &trace : nullptr);
    step.substeps = trace.take_steps();
    std::vector<trace::Math> shown;
    for (trace::Named& a : answer) {
        trace::Math label = a.label ? *a.label : trace::symbol(a.name);
        const bool alone = a.name == "answer" || a.value.kind == trace::Kind::text;  // x = 4, y = −4; no solution
        shown.push_back(alone ? a.value : trace::equals(label, a.value));
        if (numbered) a.name += fmt::format("_{}", index);
        results.push_back(std::move(a));
    }
    step.substeps.push_back(trace::Step{std::string(trace::kind::problem_answer), "Answer.", std::nullopt,
                                        trace::list(std::move(shown), "; "), {}});
    return step;
}

struct Generate {
    static void add_options(CLI::App& command, GenerateCall& call) {
        command.add_option("--difficulty", call.difficulty, "easy, medium (default) or hard: limits on the numbers "
                                                            "and fractions of the working (README)")
            ->check(CLI::IsMember({"easy", "medium", "hard"}));
        command.add_option("--size", call.size, "Unknowns or rows (regression: points); default by difficulty");
        command.add_option("--rank", call.rank, "rank, rref: the rank of A (default: rows − 1 for rank, drawn for rref)");
        command.add_option("--parameters", call.parameters, "family: 1 or 2 parameters; none: the rank deficit");
        command.add_option("--seed", call.seed, "The seed: the same seed, the same problems (default 1)");
        command.add_option("--count", call.count, "How many problems, the kinds taken in turn (default 1)");
        command.add_flag("--worksheet", call.worksheet, "Write a problem sheet to -o FILE and its answer key to "
                                                        "FILE-key (same extension)");
        command.add_option("--variants", call.variants, "With --worksheet: K versions of the sheet, seeds S … S+K−1, "
                                                        "as FILE-v1, FILE-v1-key, …");
    }

    template <Scalar T>
    static Document run(GenerateCall& call) {
        std::vector<teach::ProblemSpec> specs;
        const std::vector<std::string> kind_names = regression::split_names(call.operands[0]);
        if (kind_names.empty()) {
            throw InputError("KINDS is empty: name a kind of problem (system, family, none, rank, rref, inverse, det, "
                             "regression, derivative or backprop)");
        }
        for (const std::string& name : kind_names) {
            teach::ProblemSpec spec;
            spec.kind = teach::parse_problem_kind(name);
            spec.difficulty = teach::parse_difficulty(call.difficulty);
            if (!call.size.empty()) spec.size = parse_count(call.size, "--size", 12);
            if (!call.rank.empty()) spec.rank = parse_count(call.rank, "--rank", 12);
            if (!call.parameters.empty()) spec.parameters = parse_count(call.parameters, "--parameters", 5);
            specs.push_back(spec);
        }
        const std::size_t count = parse_count(call.count, "--count", 100);
        const std::size_t variants = parse_count(call.variants, "--variants", 50);
        const std::uint64_t seed = parse_count(call.seed, "--seed", 999'999'999);
        if (variants > 1 && !call.worksheet) throw InputError("--variants makes versions of a sheet: add --worksheet");
        if (call.worksheet && call.options.output.empty()) {
            throw InputError("--worksheet writes a sheet and its answer key: name the sheet with -o FILE "
                             "(the key is written to FILE-key)");
        }
        // the problems are steps, always shown; --no-steps leaves out the derivations, not them
        const bool derivations = call.options.steps;
        call.options.steps = true;
        const std::string kinds = joined(kind_names), level = call.difficulty;
        auto inputs = [&](std::uint64_t s) {
            std::vector<trace::Named> named = trace::fields({"kinds", trace::text(kinds)},
                                                            {"difficulty", trace::text(level)}, {"seed", trace::count(s)});
            named.push_back({"count", trace::count(count)});
            return named;
        };
        const std::size_t sheets = call.worksheet ? variants : 1;
        note_if_long(specs, count, sheets);
        Progress progress(sheets * count, false, "problem");
        std::size_t drawn = 0;
        auto draw = [&](std::uint64_t s) { return draw_sheet(specs, count, s, [&] { progress(++drawn); }); };
        // a sheet or its key: the same problems, drawn once
        auto sheet = [&](const std::vector<teach::Problem>& problems, std::uint64_t s, bool key,
                         const std::string& version) {
            std::vector<trace::Step> steps;
            std::vector<trace::Named> results;
            for (std::size_t i = 0; i < problems.size(); ++i)
                steps.push_back(problem_step<T>(problems[i], i + 1, key, derivations, results, count > 1));
            std::string title = fmt::format("{}{} ({}, seed {})", key ? "Answer key" : "Worksheet", version, level, s);
            Document d{title, "generate", call.options.number, inputs(s), std::move(results), std::move(steps)};
            d.headings = {"Sheet", "Problems", "Answers"};
            return d;
        };
        if (!call.worksheet) {
            Document d = sheet(draw(seed), seed, true, "");
            d.title = fmt::format("Generated problems: {} ({}, seed {})", kinds, level, seed);
            return d;
        }
        const std::string base = call.options.output;
        Document first;
        for (std::size_t v = 1; v <= variants; ++v) {
            const std::string version = variants > 1 ? fmt::format(", version {}", v) : "";
            const std::string name = variants > 1 ? beside(base, fmt::format("-v{}", v)) : base;
            const std::vector<teach::Problem> problems = draw(seed + v - 1);
            if (v == 1) first = sheet(problems, seed, false, version);
            else emit_beside(call, name, sheet(problems, seed + v - 1, false, version));
            emit_beside(call, beside(name, "-key"), sheet(problems, seed + v - 1, true, version));
        }
        call.options.output = variants > 1 ? beside(base, "-v1") : base;
        return first;
    }
};

}  // namespace

void register_teach_commands(CLI::App& app) {
    register_command<Check>(
        app,
        CommandSpec<>{"check", "Check a student's row reduction line by line: each step, the goal, the answer",
                      {{"START", "The matrix the working starts from: \"2 3 6; 4 5 10\", a file, or -"},
                       {"WORKING", "The working, one step a line: \"R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]\", "
                                   "a matrix, or an 'answer:' line; a file, or - for stdin"}},
                      {"showwork check \"2 3 6; 4 5 10\" solved.txt --goal solve",
                       "showwork check \"2 3 6; 4 5 10\" slip.txt --goal solve     # a sign slip in line 2: status 3",
                       "showwork check \"2 3; 4 5\" inverse.txt --goal inverse",
                       "showwork check \"2 3; 4 5\" det.txt --goal det",
                       "showwork check \"2 3; 4 5\" \"R2 -> 3R1 - R2 : [2 3; 2 4]\" --goal ref     # not a replacement: status 3"}},
        std::make_shared<CheckCall>());
    register_command<Generate>(
        app,
        CommandSpec<>{
            "generate", "Problems with nice answers from a seed, with their answer key; a worksheet and its key",
            {{"KINDS", "system, family, none, rank, rref, inverse, det, regression, derivative or backprop; "
                       "several separated by commas are taken in turn"}},
            {"showwork generate system --seed 7",
             "showwork generate system,inverse,det --count 6 --difficulty easy",
             "showwork generate family --parameters 2 --no-steps     # the answer without its derivation",
             "showwork generate system,family,none,inverse,det --count 10 --worksheet --format document -o sheet.tex",
             "showwork generate system --count 5 --worksheet --variants 3 --format document -o quiz.tex",
             "showwork generate inverse --seed 3 --number double     # the exact problem, its key in double",
             "showwork generate derivative --count 3 --difficulty hard",
             "showwork generate backprop --difficulty easy"}},
        std::make_shared<GenerateCall>());
}

}  // namespace showwork::cli
