// Small helpers every reader of typed input shares: a piece of text without its surrounding
// whitespace, a comma-separated list of names, and text as a message or a document may show it
// (control characters and Unicode's bidirectional controls escaped).
#pragma once

#include <cctype>
#include <cstddef>
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

// The 1-based place of the first empty item of a comma-separated list ("x,,y": 2), or 0 when
// every item has text. An empty list is one empty item: its callers say "is empty" first.
inline std::size_t empty_item(std::string_view list, char separator = ',') {
    const std::vector<std::string> items = split_trimmed(list, separator);
    for (std::size_t k = 0; k < items.size(); ++k)
        if (items[k].empty()) return k + 1;
    return 0;
}

// One character of UTF-8 text: its code point and its length in bytes. A byte that starts no
// well-formed character (a stray continuation byte, an overlong form, a surrogate, a sequence
// cut short) is a character of its own, one byte long and not `valid`.
struct Utf8Character {
    char32_t code = 0;
    std::size_t length = 1;
    bool valid = true;
};

// The character that starts at text[i] (i < text.size()).
inline Utf8Character utf8_character(std::string_view text, std::size_t i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) return {byte, 1, true};
    const std::size_t length = byte >= 0xC2 && byte <= 0xDF ? 2 : byte >= 0xE0 && byte <= 0xEF ? 3
                               : byte >= 0xF0 && byte <= 0xF4                                ? 4
                                                                                              : 0;
    if (length == 0 || i + length > text.size()) return {byte, 1, false};
    char32_t code = byte & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) return {byte, 1, false};
        code = (code << 6) | (next & 0x3F);
    }
    const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
    if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {byte, 1, false};
    return {code, length, true};
}

// A character no message or document shows as it is, since a terminal would act on it: the C0
// controls (tab and newline too: a message is one line) and DEL, the C1 controls, Unicode's
// bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which reorder
// what follows them, and the line and paragraph separators U+2028, U+2029.
inline bool is_unsafe_character(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

// The character at text[i] as it is shown: itself, or escaped — a byte (a C0 control, DEL, a byte
// that is no UTF-8) as \x1b, a code point as \u202e.
inline std::string escaped_character(std::string_view text, std::size_t i, Utf8Character c) {
    constexpr char hex[] = "0123456789abcdef";
    if (!c.valid || c.code < 0x80) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (c.valid && !is_unsafe_character(c.code)) return std::string(1, text[i]);
        return {'\\', 'x', hex[byte >> 4], hex[byte & 0xF]};
    }
    if (!is_unsafe_character(c.code)) return std::string(text.substr(i, c.length));
    std::string out = "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(c.code >> shift) & 0xF];
    return out;
}

// Text as a message or a document shows it: every unsafe character and every byte that is no
// UTF-8 escaped, the rest as it is. "R2 -> R2\x1b[31m" stays readable and harmless; every reader
// of typed text (matrices, workings, data, weights, expressions, options) shows it this way.
inline std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Character c = utf8_character(text, i);
        out += escaped_character(text, i, c);
        i += c.length;
    }
    return out;
}

// The first unsafe character or malformed byte of `text` (its byte offset), or npos. A reader
// that keeps the text (a data file's column names) refuses it there.
inline std::size_t first_unsafe(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const Utf8Character c = utf8_character(text, i);
        if (!c.valid || is_unsafe_character(c.code)) return i;
        i += c.length;
    }
    return std::string_view::npos;
}

}  // namespace showwork
