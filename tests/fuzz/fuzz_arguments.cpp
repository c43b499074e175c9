// The program's command line: the input's lines are the arguments (after "showwork"), parsed by
// the program's own parser and run, so that every command, option and format is reached with
// the operands the other harnesses build. Output goes nowhere; standard input is empty. An
// input that would write a file (-o, --output) or read one that exists is skipped: the harness
// must not touch the file system.
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/program.hpp"
#include "fuzz.hpp"

namespace {

bool touches_files(const std::string& argument) {
    if (argument.starts_with("-o") || argument.starts_with("--o")) return true;
    std::error_code ec;
    return !argument.empty() && argument.size() < 4096 && std::filesystem::exists(argument, ec);
}

struct Silenced {
    std::ostringstream sink;
    std::istringstream empty;
    std::streambuf* out = std::cout.rdbuf(sink.rdbuf());
    std::streambuf* err = std::cerr.rdbuf(sink.rdbuf());
    std::streambuf* in = std::cin.rdbuf(empty.rdbuf());
    ~Silenced() {
        std::cout.rdbuf(out);
        std::cerr.rdbuf(err);
        std::cin.rdbuf(in);
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = showwork::fuzz::text_of(data, size);
    std::vector<std::string> arguments{"showwork"};
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        arguments.emplace_back(text.substr(start, end - start));
        if (touches_files(arguments.back())) return 0;
        start = end + 1;
    }
    std::vector<char*> argv;
    for (std::string& a : arguments) argv.push_back(a.data());
    argv.push_back(nullptr);
    Silenced silenced;
    int status = showwork::cli::run_program(static_cast<int>(arguments.size()), argv.data());
    std::cout.clear();
    if (status < 0 || status > 3) std::abort();
    return 0;
}
