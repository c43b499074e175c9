// What the renderers share and do not publish: precedence, names of symbols and functions,
// and one entry point per document format (render.cpp dispatches to them).
#pragma once

#include <string>
#include <string_view>

#include "showwork/trace/math.hpp"
#include "showwork/trace/render.hpp"
#include "showwork/trace/text_box.hpp"
#include "showwork/trace/trace.hpp"

namespace showwork::trace::detail {

// How tightly a node binds: an operand is parenthesised when it binds less tightly than its
// place needs. relation < sum (and negative numbers, negations) < product < power < atom.
enum Precedence : int { relation_level = 0, sum_level = 1, product_level = 2, power_level = 3, atom_level = 4 };
int precedence(const Math& math);
// A number or negation that starts with a minus sign.
bool is_negative(const Math& math);
// A function applied to one |x| or ‖x‖, or det of a letter: written without parentheses,
// max |x̂ − x|, det A, det M₁₃.
bool is_delimited(const Math& apply);
// A set given by its items, {1, 2} (∅ when there are none): no condition, a list as element.
bool is_set_of_items(const Math& set);
// sqrt(x): written √x, \sqrt{x}.
inline bool is_square_root(const Math& apply) {
    return apply.kind == Kind::apply && apply.text == "sqrt" && apply.args.size() == 1;
}
// det of a matrix written out: the matrix between vertical bars, as the notes write it.
bool is_determinant_of_entries(const Math& apply);

// In a juxtaposition, whether two factors are written with no space: 2R_1, Wx.
bool juxtaposes_tightly(const Math& left, const Math& right);
// Two lower-case letters side by side, x y or y e^(x y): plain text writes a space between them,
// since "xy" would read back as one name (LaTeX sets them apart by itself).
bool letters_side_by_side(const Math& left, const Math& right);
// Whether a number followed by this factor would read as one number: 2 3ˣ as 23ˣ, 2 e1 as 2e1
// (twenty). Such a product is written with a dot: 2 · 3ˣ, 2 · e1.
bool merges_with_number(const Math& left, const Math& right);

// Greek letters and the few symbols the notes name in words: "alpha" -> \alpha / α,
// "partial" -> \partial / ∂, "emptyset" -> \emptyset / ∅, "infty" -> \infty / ∞, "top" -> ⊤.
// Empty when the name is not one of them.
std::string_view greek_latex(std::string_view name);
std::string_view greek_unicode(std::string_view name);
// Functions LaTeX knows as operators: "sin" -> \sin, "max" -> \max. Empty otherwise.
std::string_view known_function_latex(std::string_view name);

// A sentence with the minus sign of math before a number that starts a word: "Add −1/2 times
// row 1", not "Add -1/2" (a hyphen); "row-echelon" keeps its hyphen.
std::string with_minus_signs(std::string_view words);

// Text for \text{…} and for prose in a .tex file: its words as text with LaTeX's special
// characters escaped, its math as $…$ formulas: "R₂ → R₂ − 2R₁ gives −1" is
// "$R_{2} \to R_{2} - 2R_{1}$ gives $-1$", "Differentiate f" is "Differentiate $f$" (render_prose.cpp).
std::string latex_prose(std::string_view words);
// The same for Markdown: math as $…$, the text with Markdown's emphasis and code marks escaped.
std::string markdown_prose(std::string_view words);

// The number of characters a terminal shows for UTF-8 text (combining marks take no column).
std::size_t display_width(std::string_view utf8);

// The terminal layout of one expression (render_text.cpp), for documents that indent it.
TextBox text_layout(const Math& math, const RenderOptions& options);

// How a named value is written: a letter or Greek name as a symbol (W, beta), any other name
// as words ("pivot columns").
Math name_math(const std::string& name);
// How a named input or result is shown: "name = value"; the value alone (no label) when it is
// the one "result" or already says what it is (a relation, or a list of relations: x = 0, y = 2).
// The value is not copied: it can be a matrix of millions of entries.
struct NamedParts {
    std::optional<Math> label;
    const Math* value;
};
NamedParts named_parts(const Named& named);
// label = value, laid out as the relation between them would be.
TextBox text_equals(const Math& label, const Math& value, const RenderOptions& options);
std::string latex_equals(const Math& label, const Math& value, const RenderOptions& options);

// The state a step shows after its operation: none when the operation already ends in it
// (AB = … = C), which JSON keeps as the step's state all the same.
const Math* shown_state(const Step& step);

// Steps numbered as the reader sees them: "1", "1.2", "1.2.3".
std::string step_number(const std::string& parent, std::size_t index);

// One entry point per document format.
std::string latex_fragments(const Document& document, const RenderOptions& options);
std::string latex_document(const Document& document, const RenderOptions& options);
std::string markdown_document(const Document& document, const RenderOptions& options);
std::string text_document(const Document& document, const RenderOptions& options);
std::string json_document(const Document& document, const RenderOptions& options);

}  // namespace showwork::trace::detail
