// A small two-dimensional layout for the terminal renderer.
//
// A box is a block of lines of equal display width and a baseline: the line that lines up with
// the baseline of its neighbours when boxes are set side by side (the row of a matrix that an
// "=" or an arrow points at). Matrices, fractions and chains are built from boxes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace showwork::trace {

struct TextBox {
    std::vector<std::string> lines;  // every line padded to `width` columns
    std::size_t baseline = 0;
    std::size_t width = 0;

    std::size_t height() const { return lines.size(); }
};

// One line of text.
TextBox text_box(std::string_view line);

// Boxes side by side, baselines aligned; shorter boxes are padded above and below.
TextBox beside(const std::vector<TextBox>& boxes);

// Boxes stacked top to bottom, left-aligned; the baseline is the baseline of box `baseline_box`.
TextBox stacked(const std::vector<TextBox>& boxes, std::size_t baseline_box);

// Delimiters as tall as the box: one-line boxes get `left`/`right`; taller ones the pieces
// top, middle and bottom (⎡ ⎢ ⎣ for a bracket), with `centre` at the baseline when given.
struct Delimiter {
    std::string_view single, top, middle, bottom, centre;
};
inline constexpr Delimiter bracket_left{"[", "⎡", "⎢", "⎣", ""};
inline constexpr Delimiter bracket_right{"]", "⎤", "⎥", "⎦", ""};
inline constexpr Delimiter paren_left{"(", "⎛", "⎜", "⎝", ""};
inline constexpr Delimiter paren_right{")", "⎞", "⎟", "⎠", ""};
inline constexpr Delimiter brace_left{"{", "⎧", "⎪", "⎩", "⎨"};
inline constexpr Delimiter brace_right{"}", "⎫", "⎪", "⎭", "⎬"};
inline constexpr Delimiter bar{"|", "│", "│", "│", ""};
inline constexpr Delimiter double_bar{"‖", "‖", "‖", "‖", ""};
TextBox delimited(const TextBox& box, const Delimiter& left, const Delimiter& right);
// The left or right delimiter alone, as a column of the given height and baseline.
TextBox delimiter_column(const Delimiter& d, std::size_t height, std::size_t baseline);

// The lines joined with newlines, trailing spaces removed.
std::string to_string(const TextBox& box);

}  // namespace showwork::trace
