#include "showwork/trace/text_box.hpp"

#include <algorithm>

#include "showwork/trace/render_detail.hpp"

namespace showwork::trace {

namespace {

std::string padded(std::string line, std::size_t width) {
    std::size_t shown = detail::display_width(line);
    if (shown < width) line.append(width - shown, ' ');
    return line;
}

}  // namespace

TextBox text_box(std::string_view line) {
    return TextBox{{std::string(line)}, 0, detail::display_width(line)};
}

TextBox beside(const std::vector<TextBox>& boxes) {
    std::size_t above = 0, below = 0;
    for (const auto& b : boxes) {
        above = std::max(above, b.baseline);
        below = std::max(below, b.height() - b.baseline - 1);
    }
    TextBox out{std::vector<std::string>(above + below + 1), above, 0};
    for (const auto& b : boxes) {
        std::size_t first = above - b.baseline;
        for (std::size_t row = 0; row < out.height(); ++row) {
            bool inside = row >= first && row < first + b.height();
            // b's lines are padded to b.width already (every box is built here)
            if (inside) out.lines[row] += b.lines[row - first];
            else out.lines[row].append(b.width, ' ');
        }
        out.width += b.width;
    }
    return out;
}

TextBox stacked(const std::vector<TextBox>& boxes, std::size_t baseline_box) {
    TextBox out;
    for (const auto& b : boxes) out.width = std::max(out.width, b.width);
    for (std::size_t k = 0; k < boxes.size(); ++k) {
        if (k == baseline_box) out.baseline = out.height() + boxes[k].baseline;
        for (const auto& line : boxes[k].lines) out.lines.push_back(padded(line, out.width));
    }
    return out;
}

TextBox delimiter_column(const Delimiter& d, std::size_t height, std::size_t baseline) {
    TextBox out{{}, baseline, 1};
    if (height <= 1) return text_box(d.single);
    for (std::size_t row = 0; row < height; ++row) {
        std::string_view piece = row == 0 ? d.top : row + 1 == height ? d.bottom : d.middle;
        if (!d.centre.empty() && row == baseline && row != 0 && row + 1 != height) piece = d.centre;
        out.lines.emplace_back(piece);
    }
    return out;
}

TextBox delimited(const TextBox& box, const Delimiter& left, const Delimiter& right) {
    return beside({delimiter_column(left, box.height(), box.baseline), box,
                   delimiter_column(right, box.height(), box.baseline)});
}

std::string to_string(const TextBox& box) {
    std::string out;
    for (std::size_t row = 0; row < box.height(); ++row) {
        std::string line = box.lines[row];
        line.erase(line.find_last_not_of(' ') + 1);
        out += line;
        if (row + 1 < box.height()) out += '\n';
    }
    return out;
}

}  // namespace showwork::trace
