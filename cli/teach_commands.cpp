// check: a student's row reduction verified line by line (teach/check.hpp). The document is the
// working marked up, one step per line; the status is 3 when it holds a mistake.
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "showwork/matrix/to_math.hpp"
#include "showwork/teach/check.hpp"

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
    std::vector<std::string> where;
    for (const auto& l : c.lines)
        if (!l.correct) where.push_back(fmt::format("line {} ({})", l.line, teach::cause_name(l.cause)));
    if (!c.goal_met) where.push_back("the last matrix");
    if (c.answer_correct == false) where.push_back(fmt::format("the answer (line {})", answer_line));
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
            {"verdict", trace::text(c.all_correct() ? "correct" : "mistakes")},
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
}

}  // namespace showwork::cli
