// Compiling a .tex document with pdflatex in a fresh temporary directory: how the suites check
// that the documents the library writes compile as they are.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace showwork::testing {

inline bool pdflatex_on_path() { return std::system("command -v pdflatex > /dev/null 2>&1") == 0; }

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

}  // namespace showwork::testing
