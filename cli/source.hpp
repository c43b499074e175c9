// Where an operand's text comes from: standard input, a file, or the argument itself.
#pragma once

#include <string>

namespace showwork::cli {

struct Source {
    std::string text;
    std::string origin;  // for error messages: the file's name, "standard input", or empty (inline)
};

// The text behind a command-line argument: "-" is standard input, an existing file's name is
// that file, anything else is the operand itself (a matrix "1 2; 3 4"). A single word that no
// number could be ("data.csv", "/tmp/m", "weights") names a file, and when there is none the
// error says so: "cannot read 'data.csv': no such file".
Source read_source(const std::string& argument);

}  // namespace showwork::cli
