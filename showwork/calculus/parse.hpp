// Reading expressions, lists of expressions, variable lists and points from text.
//
//   "2*x + y^3"   "exp(y) - 13x"   "sin(x^2 + y)"   "e^x"   "sigma(x)"   "log(y^3)"   "x y"
//
// Grammar (· is *, / or juxtaposition; ^ binds tighter and to the right; -x^2 is −(x²)):
//   sum     := product (('+' | '-') product)*
//   product := signed (('*' | '/')? signed)*      2x, 2(x + 1), x y, (x + 1)(x − 1)
//   signed  := ('-' | '+') signed | power
//   power   := atom (('^' | '**') signed)?
//   atom    := number | name | function '(' sum (',' sum)* ')' | '(' sum ')'
// Functions: exp, ln (also log), sin, cos, tan, sinh, cosh, tanh, abs, sigmoid (also sigma, σ),
// relu (also ReLU), max(a, b). Spellings of other expressions: sqrt(u) is u^(1/2) (written √u),
// log(u, b) is ln u / ln b, log2(u) and log10(u) the same with b = 2 and 10. The name e alone is
// Euler's number, so e^x is exp(x). Other names are variables: a letter, then letters, digits or
// '_' (x, y, w_1, x2).
//
// Errors are ParseError with the 1-based position in the text (column()) and the offending
// token: "position 7: unknown function 'sinn'". Parentheses, functions and powers nest at most
// max_expression_depth (200) levels deep (showwork/limits.hpp), and so does the expression read:
// "position 1: expression nested deeper than 200 levels (parentheses, functions or powers)".
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "showwork/calculus/expression.hpp"
#include "showwork/error.hpp"
#include "showwork/matrix/scalar.hpp"

namespace showwork::calculus {

Expr parse_expression(std::string_view text);
// Only the listed variables may appear; any other name is "unknown variable 'z'".
Expr parse_expression(std::string_view text, const std::vector<std::string>& allowed_variables);

// Whether the expressions read from `text` (one, or its components) print as they were typed,
// up to spaces, '*' and parentheses: "2x + 1" does, "x + 0", "2*3x" and "(x^2)^3" do not (they
// are read as x, 6x, x⁶). A derivation says so when its input was rewritten.
bool reads_as_typed(std::string_view text, const std::vector<Expr>& read);

// "f1; f2; …" (also separated by newlines): the components of a vector function.
std::vector<Expr> parse_expressions(std::string_view text);
std::vector<Expr> parse_expressions(std::string_view text, const std::vector<std::string>& allowed_variables);

// Throws InputError for a variable of the expressions whose name is two or more Latin letters and
// could be their product: '"xy" is not a variable of f; did you mean x·y?'. A name with a digit or
// an underscore (w1, n_in) or a Greek letter's name (alpha) is a name. For a caller whose
// variables were not declared; `what` names the expression ("f").
void reject_letter_products(const std::vector<Expr>& expressions, std::string_view what);

// "x,y" or "x, y": distinct variable names.
std::vector<std::string> parse_variables(std::string_view text);

// A point: the value of each variable.
template <Scalar T>
using Point = std::map<std::string, T, std::less<>>;

// Where "name = value" pairs start and what they say, before the values are read.
struct PointEntry {
    std::string name, value;
    std::size_t position;  // 1-based position of the name
};
std::vector<PointEntry> split_point(std::string_view text);

// "x=1, y=2" (values in any form the scalar parses: "1/2", "0.1", "-3e2").
template <Scalar T>
Point<T> parse_point(std::string_view text) {
    Point<T> point;
    for (const PointEntry& entry : split_point(text)) {
        try {
            point.emplace(entry.name, parse_scalar<T>(entry.value));
        } catch (const ParseError& e) {
            throw ParseError("position " + std::to_string(entry.position) + ": value of " + entry.name +
                                 ": " + e.what(),
                             0, entry.position, entry.value);
        }
    }
    return point;
}

// The point must give a value to each of `variables` and to nothing else:
// "the point gives z, which is not one of the variables x, y"; "the point gives no value for y".
void check_point_names(const std::vector<std::string>& given, const std::vector<std::string>& variables);

template <Scalar T>
void check_point(const Point<T>& point, const std::vector<std::string>& variables) {
    std::vector<std::string> given;
    for (const auto& [name, value] : point) given.push_back(name);
    check_point_names(given, variables);
}

}  // namespace showwork::calculus
