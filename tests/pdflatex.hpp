// Compiling a .tex document with pdflatex in a fresh temporary directory: how the suites check
// that the documents the library writes compile as they are.
//
// A test case that compiles LaTeX is declared
//     TEST_CASE("…" * doctest::skip(showwork::testing::skip_pdflatex_tests()))
// so that with -Dpdflatex_tests=disabled, or without pdflatex on PATH, doctest reports it as
// skipped ("test cases skipped: 1" after its summary), never as passed.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace showwork::testing {

#ifndef SHOWWORK_PDFLATEX_TESTS
#error "SHOWWORK_PDFLATEX_TESTS must be 0 or 1 (set in tests/meson.build from -Dpdflatex_tests)"
#endif

inline bool pdflatex_on_path() { return std::system("command -v pdflatex > /dev/null 2>&1") == 0; }

// Whether the test cases that compile LaTeX are skipped; says why once, on standard error.
inline bool skip_pdflatex_tests() {
    static const bool skip = [] {
        const char* why = !SHOWWORK_PDFLATEX_TESTS ? "disabled (-Dpdflatex_tests=disabled)"
                          : !pdflatex_on_path()    ? "pdflatex is not on PATH (install texlive-latex-base "
                                                     "and texlive-latex-recommended)"
                                                   : nullptr;
        if (why != nullptr) std::fprintf(stderr, "pdflatex test cases skipped: %s\n", why);
        return why != nullptr;
    }();
    return skip;
}

struct Compiled {
    int status = -1;
    bool pdf = false;
    std::string log;
};

inline Compiled compile_with_pdflatex(const std::string& name, const std::string& tex) {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("showwork-" + name + "-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "doc.tex") << tex;
    std::string command = "cd '" + dir.string() +
                          "' && pdflatex -interaction=nonstopmode -halt-on-error doc.tex > run.log 2>&1";
    Compiled result;
    result.status = std::system(command.c_str());
    result.pdf = fs::exists(dir / "doc.pdf") && fs::file_size(dir / "doc.pdf") > 0;
    std::ifstream log(dir / "doc.log");
    std::stringstream text;
    text << log.rdbuf();
    result.log = text.str();
    fs::remove_all(dir);
    return result;
}

// The first error of a pdflatex log: the line starting with "!" and the two after it.
inline std::string first_error(const std::string& log) {
    std::size_t at = log.find("\n!");
    if (at == std::string::npos) return "(no error line in the log)";
    std::size_t end = at + 1;
    for (int line = 0; line < 3 && end != std::string::npos; ++line) end = log.find('\n', end + 1);
    return log.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
}

}  // namespace showwork::testing
