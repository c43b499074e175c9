#include "cli/source.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/format.h>

#include "showwork/error.hpp"

namespace showwork::cli {

std::string read_source(const std::string& argument) {
    if (argument == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
    std::error_code ec;
    // A matrix written inline has ';', '[' or a newline; a file name has none of them.
    if (argument.find_first_of(";[\n") == std::string::npos && std::filesystem::is_regular_file(argument, ec)) {
        std::ifstream in(argument, std::ios::binary);
        if (!in) throw InputError(fmt::format("cannot read '{}'", argument));
        std::ostringstream contents;
        contents << in.rdbuf();
        return contents.str();
    }
    return argument;
}

}  // namespace showwork::cli
