#include "cli/source.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

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

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(fmt::format("cannot read {}: {}", quoted_token(path), std::strerror(errno)));
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad()) throw InputError(fmt::format("cannot read {}: {}", quoted_token(path), std::strerror(errno)));
    return contents.str();
}

}  // namespace

Source read_source(const std::string& argument) {
    if (argument == "-") return {std::string(std::istreambuf_iterator<char>(std::cin), {}), "standard input"};
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
