// A student's working, as they type it: one line per step of a row reduction.
//
//   R2 -> R2 - 2R1                          row operations (several separated by ';')
//   [2 3 | 6; 0 -1 | -2]                    the matrix they wrote down (brackets and bar optional)
//   R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]   both: the operations, then the matrix they give
//   answer: x = 0, y = 2                    the final answer (solve: values, or "none";
//                                           inverse: a matrix, or "singular")
//
// Blank lines are skipped, and '#' starts a comment. Row operations are read by the library's
// parser (matrix/row_ops.hpp) and, where it refuses, in the general form a student may write,
// R_i -> a R_i + b R_j (R2 -> 3R1 - R2, R2 -> 2R2 + R1, R2 -> 0R2), so that the checker can say
// what such a step is rather than fail. Entries and coefficients stay text here: the checker
// reads them in its scalar and knows the matrix's shape.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace showwork::teach {

// One operation as written: R_i ↔ R_j, or R_i → Σ_k c_k R_k (every scaling and replacement is
// one of those sums: c R_i, or R_i + c R_j). Rows are 1-based as written.
struct WrittenOperation {
    bool interchange = false;
    std::size_t target = 0;                                  // R_i (interchange: the first row)
    std::size_t other = 0;                                   // interchange: the second row
    std::vector<std::pair<std::string, std::size_t>> terms;  // (c_k as written, k): "-2", 1
    std::string written;                                     // the operation as the student wrote it
};

struct WorkingLine {
    std::size_t number = 0;  // the line of the text, 1-based (blank and comment lines count)
    std::string text;        // the line without its comment, trimmed
    std::vector<WrittenOperation> operations;
    std::optional<std::string> matrix;  // the matrix's text, brackets and bars removed: "2 3 6; 0 -1 -2"
};

struct Working {
    std::string origin;  // the file's name, "standard input", or empty: named in every error
    std::vector<WorkingLine> lines;
    std::optional<std::string> answer;  // the text after "answer:"
    std::size_t answer_line = 0;
    // "working.txt: line 3: " (or "line 3: " without an origin): how errors point at a line.
    std::string where(std::size_t line) const;
};

// A working is what a student writes by hand: at most this many steps, and a check keeps three
// matrices a step (before, expected, written) of at most max_working_entries entries in all.
inline constexpr std::size_t max_working_steps = 5'000;
inline constexpr std::size_t max_working_entries = 3'000'000;

// Reads the working; throws ParseError naming the line for a malformed operation, a line that is
// neither operations nor a matrix, a second answer, or a working without any step.
Working parse_working(std::string_view text, std::string_view origin = {});

}  // namespace showwork::teach
