// Reading a student's working (teach/working.hpp).
#include "showwork/teach/working.hpp"
#include "showwork/text.hpp"

#include <cctype>

#include "showwork/error.hpp"
#include "showwork/matrix/row_operation_cursor.hpp"
#include "showwork/matrix/row_ops.hpp"

namespace showwork::teach {

namespace {

bool starts_with_word(std::string_view line, std::string_view word) {
    if (line.size() < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(line[i])) != word[i]) return false;
    return true;
}

// ---- The general form R_i -> Σ c_k R_k ----------------------------------------------------------
// What the library's parser refuses but a student writes: R2 -> 3R1 - R2, R2 -> 2R2 + R1.

// The sign folded into the coefficient: "-" and "2" → "-2"; "-" and "" → "-1"; "-" and "-3" → "3".
std::string signed_coefficient(bool negative, std::string c) {
    if (c.empty()) c = "1";
    if (!negative) return c;
    return c[0] == '-' ? c.substr(1) : "-" + c;
}

// R_i -> [±] term { ± term }, term := [c] R_k; nullopt when the text is not of this form.
std::optional<WrittenOperation> general_operation(std::string_view text) {
    const std::string ascii = row_operation_ascii(text);
    RowOperationCursor in(ascii);
    WrittenOperation op;
    op.written = trimmed(text);
    op.target = in.row();
    if (op.target == 0 || !in.accept("->")) return std::nullopt;
    bool negative = in.accept("-");
    if (!negative) in.accept("+");
    while (true) {
        std::string c = trimmed(in.coefficient());
        if (c == "(") return std::nullopt;  // a parenthesis not closed
        const std::size_t row = in.row();
        if (row == 0) return std::nullopt;
        op.terms.emplace_back(signed_coefficient(negative, std::move(c)), row);
        if (in.at_end()) return op;
        negative = in.accept("-");
        if (!negative && !in.accept("+")) return std::nullopt;
    }
}

// The library's reading of one operation, as a sum of rows.
WrittenOperation from_library(const RowOperationText& t) {
    WrittenOperation op;
    op.written = t.written;
    op.target = t.target;
    switch (t.kind) {
        case RowOpKind::interchange:
            op.interchange = true;
            op.other = t.source;
            break;
        case RowOpKind::scaling: op.terms = {{t.factor, t.target}}; break;
        case RowOpKind::replacement: op.terms = {{"1", t.target}, {t.factor, t.source}}; break;
    }
    return op;
}

// Each operation of "R2 -> R2 - 2R1; R1 <-> R2", by the library's parser where it reads it, else
// in the general form; a text that is neither gets the library's error.
std::vector<WrittenOperation> operations(std::string_view text, const Working& working, std::size_t line) {
    std::vector<WrittenOperation> ops;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(";,", start);  // ", " as the program lists them
        if (end == std::string_view::npos) end = text.size();
        const std::string_view piece = text.substr(start, end - start);
        start = end + 1;
        if (trimmed(piece).empty()) continue;
        try {
            for (const RowOperationText& t : parse_row_operation_texts(piece)) ops.push_back(from_library(t));
        } catch (const ParseError& e) {
            if (auto general = general_operation(piece)) ops.push_back(std::move(*general));
            else throw ParseError(working.where(line) + e.what(), line);
        }
    }
    if (ops.empty()) throw ParseError(working.where(line) + "no row operation before ':'", line);
    return ops;
}

// "[2 3 | 6; 0 -1 | -2]" as parse_matrix reads it: "2 3 6; 0 -1 -2". A list of rows "[[1,2],[3,4]]"
// stays as it is.
std::string matrix_text(std::string_view text) {
    std::string out = trimmed(text);
    if (out.find("[[") != std::string::npos) return out;
    if (!out.empty() && out.front() == '[' && out.back() == ']') out = out.substr(1, out.size() - 2);
    for (char& c : out)
        if (c == '|') c = ' ';
    for (std::size_t p; (p = out.find("│")) != std::string::npos;) out.replace(p, std::string_view("│").size(), " ");
    return trimmed(out);
}

// An arrow, or a row at the start (R2 => R2 is a malformed operation, not a matrix).
bool names_an_operation(std::string_view text) {
    if (!text.empty() && (text[0] == 'R' || text[0] == 'r')) return true;
    for (std::string_view arrow : {"->", "→", "<->", "↔"})
        if (text.find(arrow) != std::string_view::npos) return true;
    return false;
}

}  // namespace

std::string Working::where(std::size_t line) const {
    return (origin.empty() ? "" : origin + ": ") + "line " + std::to_string(line) + ": ";
}

Working parse_working(std::string_view text, std::string_view origin) {
    Working working;
    working.origin = std::string(origin);
    std::size_t number = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view raw = text.substr(start, end - start);
        start = end + 1;
        ++number;
        const std::string line = trimmed(raw.substr(0, raw.find('#')));
        if (line.empty()) continue;
        if (starts_with_word(line, "answer:")) {
            if (working.answer) {
                throw ParseError(working.where(number) + "a second answer: the first is on line " +
                                     std::to_string(working.answer_line), number);
            }
            working.answer = trimmed(std::string_view(line).substr(7));
            working.answer_line = number;
            if (working.answer->empty()) throw ParseError(working.where(number) + "an empty answer", number);
            continue;
        }
        if (working.answer) {
            throw ParseError(working.where(number) + "a step after the answer (line " +
                                 std::to_string(working.answer_line) + "): the answer comes last", number);
        }
        if (working.lines.size() == max_working_steps) {
            throw ParseError(working.where(number) + "more than the " + thousands(max_working_steps) +
                                 " steps a working may have",
                             number);
        }
        WorkingLine step{number, line, {}, std::nullopt};
        const std::size_t colon = line.find(':');
        const std::string_view operations_text = std::string_view(line).substr(0, colon);
        if (colon != std::string::npos) {
            step.operations = operations(operations_text, working, number);
            step.matrix = matrix_text(std::string_view(line).substr(colon + 1));
            if (step.matrix->empty()) throw ParseError(working.where(number) + "no matrix after ':'", number);
        } else if (names_an_operation(line)) {
            step.operations = operations(line, working, number);
        } else {
            step.matrix = matrix_text(line);
        }
        working.lines.push_back(std::move(step));
    }
    if (working.lines.empty()) {
        throw ParseError((origin.empty() ? std::string() : std::string(origin) + ": ") +
                         "the working has no steps: expected lines such as 'R2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]'");
    }
    return working;
}

}  // namespace showwork::teach
