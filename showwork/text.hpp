// Small helpers every reader of typed input shares: a piece of text without its surrounding
// whitespace, and a comma-separated list of names.
#pragma once

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

namespace showwork {

// " 2 x\t" -> "2 x"
inline std::string trimmed(std::string_view s) {
    std::size_t begin = 0, end = s.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(s[begin]))) ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(s[end - 1]))) --end;
    return std::string(s.substr(begin, end - begin));
}

// "x1, x2,,x3" -> {"x1", "x2", "", "x3"}: every piece, trimmed, empty ones kept (a caller that
// names them can say which is empty).
inline std::vector<std::string> split_trimmed(std::string_view list, char separator = ',') {
    std::vector<std::string> pieces;
    for (std::size_t start = 0;;) {
        const std::size_t end = list.find(separator, start);
        pieces.push_back(trimmed(list.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
        if (end == std::string_view::npos) return pieces;
        start = end + 1;
    }
}

}  // namespace showwork
