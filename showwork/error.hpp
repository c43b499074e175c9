// The library's exceptions: one base, two families.
//
//   InputError  — what was given cannot be read (a token that is not a number, ragged rows);
//                 the command-line program exits with status 2.
//   MathError   — the input was read but the mathematics fails (shapes that do not fit, a
//                 singular matrix, an inconsistent system); the program exits with status 1.
//
// Every message names what was wrong and where, and carries the evidence.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "showwork/text.hpp"

namespace showwork {

// A count as a message writes it: 4158 as "4,158".
inline std::string thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

namespace error_detail {

// The characters shown of `text`, each as escaped() shows it; in all, at most `limit` characters
// (an escape such as \x1b counts as the four it takes), else nothing further.
struct Head {
    std::string text;
    bool whole = true;           // every character of the text is in it
    std::size_t characters = 0;  // the characters of the whole text
};

inline Head escaped_head(std::string_view text, std::size_t limit) {
    Head head;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Character c = utf8_character(text, i);
        ++head.characters;
        if (head.whole) {
            std::string piece = escaped_character(text, i, c);
            const bool escape = !c.valid || is_unsafe_character(c.code);  // ASCII, one byte a character
            const std::size_t width = escape ? piece.size() : 1;
            if (shown + width <= limit) {
                head.text += piece;
                shown += width;
            } else {
                head.whole = false;
            }
        }
        i += c.length;
    }
    return head;
}

// Whether `text` is a number as the library writes one: 12, -3/4, 1.5e+300.
inline bool is_number_text(std::string_view text) {
    return !text.empty() && text.find_first_of("0123456789") != std::string_view::npos &&
           text.find_first_not_of("0123456789+-./eE") == std::string_view::npos;
}

}  // namespace error_detail

// The most characters of a token or value a message shows; the most characters of a message.
inline constexpr std::size_t max_shown_characters = 40;
inline constexpr std::size_t max_message_characters = 400;

// A token as a message shows it, in quotes: 'x^2'; its control characters escaped ('x\x01');
// a long one cut to its first 40 characters, with its length, so that the message stays one
// readable line: 'xxxx…' (4,158 characters).
inline std::string quoted_token(std::string_view token) {
    const error_detail::Head head = error_detail::escaped_head(token, max_shown_characters);
    if (head.whole) return "'" + head.text + "'";
    return "'" + head.text + "…' (" + thousands(head.characters) + " characters)";
}

// A value a message writes without quotes — a number the user gave or the library computed, an
// expression — shown as quoted_token shows a token: escaped, and one longer than 40 characters
// cut. A number keeps its start and says how many digits it has,
// 5623599999999999999999999999999999999999…(805 digits), and its exponent: a mantissa of 5,000
// digits times 10⁻⁹ is 1.234567890123456789012345678901…(5,000 digits)e-9; any other text keeps
// its first 40 characters and says how long it is, (x + 1)(x + 2)…(4,038 characters).
inline std::string shown(std::string_view value) {
    const error_detail::Head head = error_detail::escaped_head(value, max_shown_characters);
    if (head.whole) return head.text;
    if (!error_detail::is_number_text(value)) return head.text + "…(" + thousands(head.characters) + " characters)";
    const std::size_t e = value.find_first_of("eE");
    const std::string_view mantissa = value.substr(0, e), exponent = e == std::string_view::npos ? "" : value.substr(e);
    std::size_t digits = 0;
    for (char c : mantissa) digits += c >= '0' && c <= '9';
    constexpr std::size_t exponent_room = 12;  // e-4000 whole; a longer exponent cut too
    const error_detail::Head power = error_detail::escaped_head(exponent, exponent_room);
    const error_detail::Head start = error_detail::escaped_head(mantissa, max_shown_characters - power.text.size());
    return start.text + (start.whole ? "" : "…(" + thousands(digits) + " digits)") + power.text + (power.whole ? "" : "…");
}

// A message as one line on a terminal: escaped (no control character, no newline, no
// bidirectional control reaches the terminal), and cut to max_message_characters, the last of
// them "…". The last guard of a program that prints the library's messages: shown() and
// quoted_token() keep each value short, so that a message rarely needs it.
inline std::string message_line(std::string_view message) {
    const error_detail::Head head = error_detail::escaped_head(message, max_message_characters);
    if (head.whole) return head.text;
    return error_detail::escaped_head(message, max_message_characters - 1).text + "…";
}

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class InputError : public Error {
public:
    using Error::Error;
};

class MathError : public Error {
public:
    using Error::Error;
};

// A malformed matrix, number or expression. Row and column are 1-based; 0 means "not applicable".
class ParseError : public InputError {
public:
    ParseError(std::string message, std::size_t row = 0, std::size_t column = 0,
               std::string token = {})
        : InputError(std::move(message)), row_(row), column_(column), token_(std::move(token)) {}
    std::size_t row() const { return row_; }
    std::size_t column() const { return column_; }
    const std::string& token() const { return token_; }

private:
    std::size_t row_, column_;
    std::string token_;
};

// Shapes that do not fit the operation: "cannot multiply 2×3 by 2×3: inner dimensions 3 and 2 differ".
class ShapeError : public MathError {
public:
    using MathError::MathError;
};

// A value outside an operation's domain: scaling a row by zero, an exact value of exp(1).
class DomainError : public MathError {
public:
    using MathError::MathError;
};

// A value beyond the range of a floating scalar: a result that overflows to ±inf, or has no value
// (NaN: inf − inf, 0 · inf) after an overflow. The message names the quantity and where the
// overflow began; exact arithmetic has no range to leave.
class RangeError : public MathError {
public:
    using MathError::MathError;
};

// A square matrix without an inverse; the message names the column without a pivot.
class SingularError : public MathError {
public:
    using MathError::MathError;
};

// A linear system without a solution; the message names the row 0 = c.
class InconsistentError : public MathError {
public:
    using MathError::MathError;
};

}  // namespace showwork
