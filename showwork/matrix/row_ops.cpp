// Reading row operations as a user writes them: "R2 -> R2 - 2R1; R1 <-> R2; R2 -> 1/2 R2".
//
//   operation    := row "<->" row                       interchange
//                 | row "->" [sign] [coef ["*"]] row     scaling (the same row on both sides)
//                 | row "->" row sign [coef ["*"]] row   replacement
//   row          := ("R" | "r") ["_"] digits
//   coef         := digits, '.', '/', or "(" ... ")"
#include "showwork/matrix/row_ops.hpp"

#include "showwork/matrix/row_operation_cursor.hpp"
#include "showwork/text.hpp"

#include <cctype>

namespace showwork {

namespace {


// "-" + "2" → "-2"; "-" + "" → "-1"; "-" + "-1/2" → "1/2".
std::string signed_factor(bool negative, const std::string& coefficient) {
    std::string c = coefficient.empty() ? "1" : trimmed(coefficient);
    if (!negative) return c;
    if (!c.empty() && c[0] == '-') return c.substr(1);
    if (!c.empty() && c[0] == '+') c = c.substr(1);
    return "-" + c;
}

[[noreturn]] void malformed(const RowOperationText& op, std::size_t number, const RowOperationCursor& at,
                            const std::string& expected) {
    RowOperationText here = op;
    here.position = at.position();
    throw_row_operation_error(here, number, "expected " + expected);
}

RowOperationText parse_one(std::string_view text, std::size_t offset, std::size_t number) {
    std::size_t lead = 0;  // the operation starts at its first non-blank character
    while (lead < text.size() && std::isspace(static_cast<unsigned char>(text[lead]))) ++lead;
    RowOperationText op{RowOpKind::interchange, 0, 0, "1", trimmed(text), offset + lead + 1};
    const std::string ascii = row_operation_ascii(text);
    RowOperationCursor in(ascii, offset);
    op.target = in.row();
    if (op.target == 0) malformed(op, number, in, "a row such as R1 at the start");
    if (in.accept("<->")) {
        op.source = in.row();
        if (op.source == 0) malformed(op, number, in, "a row after '<->'");
    } else if (in.accept("->")) {
        bool negative = in.accept("-");
        if (!negative) in.accept("+");
        std::string c = in.coefficient();
        std::size_t first = in.row();
        if (first == 0) malformed(op, number, in, "a row after '->'");
        if (in.at_end()) {
            op.kind = RowOpKind::scaling;
            op.source = first;
            op.factor = signed_factor(negative, c);
            if (first != op.target) {
                RowOperationText here = op;
                throw_row_operation_error(here, number, "a scaling keeps its row: R" +
                                                            std::to_string(op.target) + " -> c R" +
                                                            std::to_string(op.target));
            }
            return op;
        }
        if (negative || !c.empty() || first != op.target) {
            malformed(op, number, in, "R" + std::to_string(op.target) + " + c R_j for a replacement");
        }
        bool minus = in.accept("-");
        if (!minus && !in.accept("+")) malformed(op, number, in, "'+' or '-'");
        c = in.coefficient();
        op.kind = RowOpKind::replacement;
        op.source = in.row();
        if (op.source == 0) malformed(op, number, in, "a row after the coefficient");
        op.factor = signed_factor(minus, c);
    } else {
        malformed(op, number, in, "'->' or '<->'");
    }
    if (!in.at_end()) malformed(op, number, in, "the end of the operation");
    return op;
}

}  // namespace

std::string row_operation_ascii(std::string_view text) {
    std::string ascii(text);
    for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"↔", "<->"}, {"→", "->"}, {"−", "-"},
                            {"·", "*"}, {"₀", "0"}, {"₁", "1"}, {"₂", "2"}, {"₃", "3"}, {"₄", "4"},
                            {"₅", "5"}, {"₆", "6"}, {"₇", "7"}, {"₈", "8"}, {"₉", "9"}}) {
        for (std::size_t p; (p = ascii.find(from)) != std::string::npos;) ascii.replace(p, from.size(), to);
    }
    return ascii;
}

void throw_row_operation_error(const RowOperationText& op, std::size_t number,
                               const std::string& problem) {
    throw ParseError("row operation " + std::to_string(number) + " " + quoted_token(op.written) +
                         " (at character " + std::to_string(op.position) + "): " + problem,
                     number, op.position, op.written);
}

std::vector<RowOperationText> parse_row_operation_texts(std::string_view text) {
    std::vector<RowOperationText> ops;
    std::size_t start = 0, number = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(";,\n", start);  // ", " as the program lists them
        if (end == std::string_view::npos) end = text.size();
        std::string_view piece = text.substr(start, end - start);
        if (!trimmed(piece).empty()) ops.push_back(parse_one(piece, start, ++number));
        start = end + 1;
    }
    if (ops.empty()) throw ParseError("no row operations given: expected e.g. 'R2 -> R2 - 2R1'");
    return ops;
}

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_ROW_OPS_INSTANCES)

}  // namespace showwork
