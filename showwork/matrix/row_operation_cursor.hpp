// Reading row operations character by character: rows (R2, R_2, r2), coefficients ("2", "1/2",
// "(−3)") and tokens ("->", "<->"), in ASCII text (row_operation_ascii in row_ops.hpp). The
// library's parser (row_ops.cpp) and the reader of a student's general form R_i -> a R_i + b R_j
// (teach/working.cpp) both read with it.
#pragma once

#include <cctype>
#include <cstddef>
#include <string>
#include <string_view>

namespace showwork {

class RowOperationCursor {
public:
    RowOperationCursor(std::string_view text, std::size_t offset = 0) : text_(text), offset_(offset) {}

    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    bool at_end() {
        skip_space();
        return pos_ >= text_.size();
    }
    bool accept(std::string_view token) {
        skip_space();
        if (text_.substr(pos_, token.size()) != token) return false;
        pos_ += token.size();
        return true;
    }
    bool peek_row() {
        skip_space();
        return pos_ < text_.size() && (text_[pos_] == 'R' || text_[pos_] == 'r');
    }
    // R2, R_2, r2 → 2; 0 when there is no row here.
    std::size_t row() {
        if (!peek_row()) return 0;
        std::size_t p = pos_ + 1;
        if (p < text_.size() && text_[p] == '_') ++p;
        std::size_t start = p, value = 0;
        while (p < text_.size() && std::isdigit(static_cast<unsigned char>(text_[p]))) {
            value = value * 10 + static_cast<std::size_t>(text_[p] - '0');
            if (value > 1000000000) return 0;
            ++p;
        }
        if (p == start) return 0;
        pos_ = p;
        return value;
    }
    // An optional coefficient: "2", "1/2", "0.5", "(1/2)", "(-3)"; empty when there is none.
    std::string coefficient() {
        skip_space();
        std::string out;
        if (pos_ < text_.size() && text_[pos_] == '(') {
            std::size_t close = text_.find(')', pos_);
            if (close == std::string_view::npos) return "(";
            out = std::string(text_.substr(pos_ + 1, close - pos_ - 1));
            pos_ = close + 1;
        } else {
            while (pos_ < text_.size() &&
                   (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.' ||
                    text_[pos_] == '/')) {
                out += text_[pos_++];
            }
        }
        if (!out.empty()) accept("*");
        return out;
    }
    std::size_t position() const { return offset_ + pos_ + 1; }

private:
    std::string_view text_;
    std::size_t offset_;
    std::size_t pos_ = 0;
};

}  // namespace showwork
