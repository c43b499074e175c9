#include "showwork/matrix/parse.hpp"

#include <fmt/format.h>

#include <cctype>
#include <sstream>

namespace showwork {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
bool is_number_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '/' || c == '+' ||
           c == '-' || c == '_';
}

// Collects rows of tokens and checks the shape as rows arrive.
class RowCollector {
public:
    void push_token(std::string token) {
        if (current_.size() >= max_matrix_dimension) {
            throw ParseError(fmt::format("row {} has more than {} columns", rows_.size() + 1,
                                         max_matrix_dimension),
                             rows_.size() + 1, current_.size() + 1, token);
        }
        current_.push_back(std::move(token));
    }
    std::size_t row_number() const { return rows_.size() + 1; }
    std::size_t column_number() const { return current_.size() + 1; }
    bool row_open() const { return !current_.empty(); }

    // Ends the current row; an empty row (a blank line, "; ;") is skipped.
    void end_row() {
        if (current_.empty()) return;
        std::size_t r = rows_.size() + 1;
        if (r > max_matrix_dimension) {
            throw ParseError(fmt::format("more than {} rows", max_matrix_dimension), r);
        }
        if (!rows_.empty() && current_.size() != rows_.front().size()) {
            throw ParseError(fmt::format("row {} has {} {}, row 1 has {}", r, current_.size(),
                                         current_.size() == 1 ? "entry" : "entries",
                                         rows_.front().size()),
                             r);
        }
        if (r * current_.size() > max_matrix_entries) {
            throw ParseError(fmt::format("more than {} entries", max_matrix_entries), r);
        }
        rows_.push_back(std::move(current_));
        current_.clear();
    }

    MatrixTokens finish() {
        end_row();
        if (rows_.empty()) throw ParseError("empty matrix: no entries found");
        MatrixTokens out;
        out.rows = rows_.size();
        out.cols = rows_.front().size();
        out.tokens.reserve(out.rows * out.cols);
        for (auto& row : rows_)
            for (auto& t : row) out.tokens.push_back(std::move(t));
        return out;
    }

private:
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::string> current_;
};

[[noreturn]] void stray(char c, const RowCollector& rows) {
    std::string shown = std::isprint(static_cast<unsigned char>(c)) ? std::string(1, c)
                                                                     : fmt::format("\\x{:02x}",
                                                                                   static_cast<unsigned char>(c));
    throw ParseError(fmt::format("row {}, column {}: stray character '{}'", rows.row_number(),
                                 rows.column_number(), shown),
                     rows.row_number(), rows.column_number(), shown);
}

// "1 2; 3 4", "1,2\n3,4", with '#' comments.
MatrixTokens split_plain(std::string_view text) {
    RowCollector rows;
    bool comma_pending = false;  // a comma seen since the last token
    std::size_t i = 0;
    while (i < text.size()) {
        char c = text[i];
        if (c == '#') {
            while (i < text.size() && text[i] != '\n') ++i;
        } else if (c == ';' || c == '\n') {
            if (comma_pending) {
                throw ParseError(fmt::format("row {}: a comma ends the row, an entry is missing",
                                             rows.row_number()),
                                 rows.row_number(), rows.column_number(), ",");
            }
            rows.end_row();
            ++i;
        } else if (is_space(c)) {
            ++i;
        } else if (c == ',') {
            if (comma_pending || !rows.row_open()) {
                throw ParseError(fmt::format("row {}, column {}: empty entry before ','",
                                             rows.row_number(), rows.column_number()),
                                 rows.row_number(), rows.column_number(), ",");
            }
            comma_pending = true;
            ++i;
        } else if (is_number_char(c)) {
            std::size_t start = i;
            while (i < text.size() && is_number_char(text[i])) ++i;
            rows.push_token(std::string(text.substr(start, i - start)));
            comma_pending = false;
        } else {
            stray(c, rows);
        }
    }
    if (comma_pending) {
        throw ParseError(fmt::format("row {}: a comma ends the row, an entry is missing",
                                     rows.row_number()),
                         rows.row_number(), rows.column_number(), ",");
    }
    return rows.finish();
}

// "[[1,2],[3,4]]" or "[1,2]".
MatrixTokens split_brackets(std::string_view text) {
    RowCollector rows;
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < text.size() && (is_space(text[i]) || text[i] == '\n')) ++i;
    };
    auto expect = [&](char wanted, std::string_view where) {
        skip_space();
        if (i >= text.size()) {
            throw ParseError(fmt::format("row {}: input ends where '{}' was expected {}",
                                         rows.row_number(), wanted, where),
                             rows.row_number(), rows.column_number());
        }
        if (text[i] != wanted) stray(text[i], rows);
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
                if (i < text.size() && text[i] != ',' && text[i] != ']') stray(text[i], rows);
                throw ParseError(fmt::format("row {}, column {}: missing entry",
                                             rows.row_number(), rows.column_number()),
                                 rows.row_number(), rows.column_number());
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
    if (i < text.size()) stray(text[i], rows);
    return rows.finish();
}

}  // namespace

MatrixTokens split_matrix_text(std::string_view text) {
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '[') return split_brackets(text);
    return split_plain(text);
}

template <Scalar T>
T parse_entry(const std::string& token, std::size_t row, std::size_t column) {
    try {
        return parse_scalar<T>(token);
    } catch (const ParseError& e) {
        throw ParseError(fmt::format("row {}, column {}: {}", row, column, e.what()), row, column,
                         token);
    }
}

template Rational parse_entry<Rational>(const std::string&, std::size_t, std::size_t);
template double parse_entry<double>(const std::string&, std::size_t, std::size_t);
template Float50 parse_entry<Float50>(const std::string&, std::size_t, std::size_t);

SHOWWORK_DEFINE_INSTANCES(SHOWWORK_PARSE_INSTANCES)

}  // namespace showwork
