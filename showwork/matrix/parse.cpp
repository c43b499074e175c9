#include "showwork/matrix/parse.hpp"

#include <fmt/format.h>

#include <cctype>
#include <sstream>

#include "showwork/text.hpp"

namespace showwork {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_number_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '/' || c == '+' ||
           c == '-' || c == '_';
}

// Collects rows of tokens and checks the shape as rows arrive. Errors say where: "row 2,
// column 3" in inline text, "data.txt: line 5, column 3" in a named one (a file).
class RowCollector {
public:
    explicit RowCollector(std::string_view origin) : origin_(origin) {}

    void push_token(std::string token) {
        if (current_.size() >= max_matrix_dimension) {
            throw ParseError(fmt::format("{}row {} has more than {} columns", in_origin(), rows_.size() + 1,
                                         max_matrix_dimension),
                             rows_.size() + 1, current_.size() + 1, token);
        }
        if (!origin_.empty()) lines_.push_back(line_);
        current_.push_back(std::move(token));
    }
    std::size_t row_number() const { return rows_.size() + 1; }
    std::size_t column_number() const { return current_.size() + 1; }
    bool row_open() const { return !current_.empty(); }
    // The splitter has passed a newline.
    void next_line() { ++line_; }

    // "row 2, column 3: " or "data.txt: line 5, column 3: ", for the next entry
    std::string at_entry() const {
        if (origin_.empty()) return fmt::format("row {}, column {}: ", row_number(), column_number());
        return fmt::format("{}: line {}, column {}: ", origin_, line_, column_number());
    }
    // "row 2: " or "data.txt: line 5: "
    std::string at_row() const { return origin_.empty() ? fmt::format("row {}: ", row_number()) : in_origin(); }
    // "" or "data.txt: line 5: ", before a message that names the row itself
    std::string in_origin() const { return origin_.empty() ? "" : fmt::format("{}: line {}: ", origin_, line_); }

    // Ends the current row; an empty row (a blank line, "; ;") is skipped.
    void end_row() {
        if (current_.empty()) return;
        std::size_t r = rows_.size() + 1;
        if (r > max_matrix_dimension) {
            throw ParseError(fmt::format("{}more than {} rows", in_origin(), max_matrix_dimension), r);
        }
        if (!rows_.empty() && current_.size() != rows_.front().size()) {
            throw ParseError(fmt::format("{}row {} has {} {}, row 1 has {}", in_origin(), r, current_.size(),
                                         current_.size() == 1 ? "entry" : "entries",
                                         rows_.front().size()),
                             r);
        }
        if (r * current_.size() > max_matrix_entries) {
            throw ParseError(fmt::format("{}more than {} entries", in_origin(), max_matrix_entries), r);
        }
        rows_.push_back(std::move(current_));
        current_.clear();
    }

    MatrixTokens finish() {
        end_row();
        if (rows_.empty()) {
            throw ParseError(fmt::format("{}empty matrix: no entries found", origin_.empty() ? "" : origin_ + ": "));
        }
        MatrixTokens out;
        out.origin = origin_;
        out.lines = std::move(lines_);
        out.rows = rows_.size();
        out.cols = rows_.front().size();
        out.tokens.reserve(out.rows * out.cols);
        for (auto& row : rows_)
            for (auto& t : row) out.tokens.push_back(std::move(t));
        return out;
    }

private:
    std::string origin_;
    std::size_t line_ = 1;
    std::vector<std::size_t> lines_;  // a named text's: the line of each token
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::string> current_;
};

// The character at text[i], which no matrix has there, shown as every message shows typed text:
// 'é', '\x01', '\u202e' (escaped: a control character reaches no terminal).
[[noreturn]] void stray(std::string_view text, std::size_t i, const RowCollector& rows) {
    const std::string_view character = text.substr(i, utf8_character(text, i).length);
    throw ParseError(fmt::format("{}stray character {}", rows.at_entry(), quoted_token(character)), rows.row_number(),
                     rows.column_number(), escaped(character));
}

// "1 2; 3 4", "1,2\n3,4", with '#' comments.
MatrixTokens split_plain(std::string_view text, std::string_view origin) {
    RowCollector rows(origin);
    bool comma_pending = false;  // a comma seen since the last token
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == '#') {
            while (i < text.size() && text[i] != '\n') ++i;
        } else if (c == ';' || c == '\n') {
            if (comma_pending) {
                throw ParseError(fmt::format("{}a comma ends the row, an entry is missing", rows.at_row()),
                                 rows.row_number(), rows.column_number(), ",");
            }
            rows.end_row();
            if (c == '\n') rows.next_line();
            ++i;
        } else if (is_space(c)) {
            ++i;
        } else if (c == ',') {
            if (comma_pending || !rows.row_open()) {
                throw ParseError(fmt::format("{}empty entry before ','", rows.at_entry()), rows.row_number(),
                                 rows.column_number(), ",");
            }
            comma_pending = true;
            ++i;
        } else if (is_number_char(c)) {
            std::size_t start = i;
            while (i < text.size() && is_number_char(text[i])) ++i;
            rows.push_token(std::string(text.substr(start, i - start)));
            comma_pending = false;
        } else {
            stray(text, i, rows);
        }
    }
    if (comma_pending) {
        throw ParseError(fmt::format("{}a comma ends the row, an entry is missing", rows.at_row()),
                         rows.row_number(), rows.column_number(), ",");
    }
    return rows.finish();
}

// "[[1,2],[3,4]]" or "[1,2]".
MatrixTokens split_brackets(std::string_view text, std::string_view origin) {
    RowCollector rows(origin);
    std::size_t i = 0;
    auto skip_space = [&] {
        for (; i < text.size() && (is_space(text[i]) || text[i] == '\n'); ++i) {
            if (text[i] == '\n') rows.next_line();
        }
    };
    auto expect = [&](char wanted, std::string_view where) {
        skip_space();
        if (i >= text.size()) {
            throw ParseError(fmt::format("{}input ends where '{}' was expected {}", rows.at_row(), wanted, where),
                             rows.row_number(), rows.column_number());
        }
        if (text[i] != wanted) stray(text, i, rows);
        ++i;
    };
    // One row: '[' entry (',' entry)* ']'
    auto read_row = [&] {
        expect('[', "to open a row");
        while (true) {
            skip_space();
            std::size_t start = i;
            while (i < text.size() && is_number_char(text[i])) ++i;
            if (i == start) {
                if (i < text.size() && text[i] != ',' && text[i] != ']') stray(text, i, rows);
                throw ParseError(fmt::format("{}missing entry", rows.at_entry()), rows.row_number(),
                                 rows.column_number());
            }
            rows.push_token(std::string(text.substr(start, i - start)));
            skip_space();
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            expect(']', "to close the row");
            break;
        }
        rows.end_row();
    };

    skip_space();
    std::size_t outer = i;
    ++i;  // the opening '['
    skip_space();
    if (i < text.size() && text[i] == '[') {
        while (true) {
            read_row();
            skip_space();
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            expect(']', "to close the matrix");
            break;
        }
    } else {
        i = outer;  // a single row: "[1, 2, 3]"
        read_row();
    }
    skip_space();
    if (i < text.size()) stray(text, i, rows);
    return rows.finish();
}

}  // namespace

MatrixTokens split_matrix_text(std::string_view text, std::string_view origin) {
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '[') return split_brackets(text, origin);
    return split_plain(text, origin);
}

std::string MatrixTokens::location(std::size_t k) const {
    if (origin.empty()) return fmt::format("row {}, column {}", k / cols + 1, k % cols + 1);
    return fmt::format("{}: line {}, column {}", origin, lines[k], k % cols + 1);
}

template <Scalar T>
T parse_entry(const MatrixTokens& raw, std::size_t k) {
    try {
        return parse_scalar<T>(raw.tokens[k]);
    } catch (const ParseError& e) {
        throw ParseError(fmt::format("{}: {}", raw.location(k), e.what()), k / raw.cols + 1, k % raw.cols + 1,
                         raw.tokens[k]);
    }
}

template Rational parse_entry<Rational>(const MatrixTokens&, std::size_t);
template double parse_entry<double>(const MatrixTokens&, std::size_t);
template Float50 parse_entry<Float50>(const MatrixTokens&, std::size_t);

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_PARSE_INSTANCES)

}  // namespace showwork
