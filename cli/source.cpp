#include "cli/source.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "showwork/error.hpp"

namespace showwork::cli {

namespace {

// A matrix written inline has ';', '[', ',' or white space between its entries, and a single
// entry is a number: digits, '.', '+', '-', '/', and 'e' or 'E' for the exponent. A single word
// with any other character, or starting with '/', can only be a file's name.
bool names_a_file(const std::string& argument) {
    if (argument.empty() || argument.find_first_of(";[],# \t\r\n\f\v") != std::string::npos) return false;
    return argument[0] == '/' || argument.find_first_not_of("0123456789.+-/eE") != std::string::npos;
}

[[noreturn]] void refuse_size(const std::string& origin) {
    throw InputError(fmt::format("cannot read {}: it holds more than the {} MB a matrix or data file may have",
                                 origin, max_source_bytes >> 20));
}

// Reads up to max_source_bytes, and refuses a text that goes on past them.
std::string read_bounded(std::istream& in, const std::string& origin) {
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_source_bytes) refuse_size(origin);
    }
    if (in.bad()) throw InputError(fmt::format("cannot read {}: {}", origin, std::strerror(errno)));
    return text;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("cannot read {}: {}", quoted_token(path), std::strerror(errno)));
    std::error_code ec;
    if (std::filesystem::file_size(path, ec) > max_source_bytes && !ec) refuse_size(quoted_token(path));
    return read_bounded(in, quoted_token(path));
}

}  // namespace

Source read_source(const std::string& argument) {
    if (argument == "-") return {read_bounded(std::cin, "standard input"), "standard input"};
    std::error_code ec;
    // A matrix written inline has ';', '[' or a newline; a file name has none of them.
    bool may_be_file = argument.find_first_of(";[\n") == std::string::npos;
    if (may_be_file && std::filesystem::is_regular_file(argument, ec)) return {read_file(argument), argument};
    if (names_a_file(argument)) {
        bool exists = std::filesystem::exists(argument, ec);
        throw InputError(fmt::format("cannot read {}: {}", quoted_token(argument),
                                     !exists ? "no such file"
                                     : std::filesystem::is_directory(argument, ec) ? "it is a directory"
                                                                                  : "not a regular file"));
    }
    return {argument, ""};
}

}  // namespace showwork::cli
