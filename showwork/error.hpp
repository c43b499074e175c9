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

// A token as a message shows it, in quotes: 'x^2'; a long one cut to its first 40 characters,
// with its length, so that the message stays one readable line: 'xxxx…' (4,158 characters).
inline std::string quoted_token(std::string_view token) {
    constexpr std::size_t shown = 40;
    std::size_t characters = 0, cut = token.size();
    for (std::size_t i = 0; i < token.size(); ++i) {
        if ((static_cast<unsigned char>(token[i]) & 0xC0) == 0x80) continue;  // inside a UTF-8 character
        if (characters++ == shown) cut = i;
    }
    if (characters <= shown) return "'" + std::string(token) + "'";
    return "'" + std::string(token.substr(0, cut)) + "…' (" + thousands(characters) + " characters)";
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
