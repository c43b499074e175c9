// How far an expression may nest. Parsing, simplifying, differentiating, printing and rendering
// all walk an expression recursively, one call (or a few) per level; bounding the levels keeps
// every walk well within the default 8 MB stack, under AddressSanitizer too. Past a limit the
// library throws an InputError naming it (status 2 in the program), never overflows the stack.
//
// The other limits of the input are with their modules: max_number_length (a number's
// characters, matrix/scalar.hpp), trace::max_derivation_nodes (a derivation's size).
#pragma once

#include <cstddef>

namespace showwork {

// Parentheses, function applications and powers nested in what the parser reads, and the levels
// of the expression it builds: sin(sin(x)) is 2 levels, x^x^x is 2, ((x)) is 2 nestings.
inline constexpr std::size_t max_expression_depth = 200;

// Expressions the library derives from one it read (a derivative nests deeper than the
// function: d/dx x^x^x is a product of sums of products) may reach this many levels.
inline constexpr std::size_t max_derived_depth = 8 * max_expression_depth;

// How many numbers, variables and operations an expression takes written out, a sub-expression
// counted every time it appears. Derivatives grow quickly: the product rule on
// (x + 1)(x + 2)…(x + n) writes n terms of n factors.
inline constexpr std::size_t max_expression_size = 1'000'000;

// A math tree of a derivation (trace/math.hpp) holds a derived expression written out, a few
// math nodes per level (a fraction of a product of a group), inside a step's equation.
inline constexpr std::size_t max_math_depth = 4 * max_derived_depth + 16;

}  // namespace showwork
