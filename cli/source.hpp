// Where an operand's text comes from: standard input, a file, or the argument itself.
#pragma once

#include <cstddef>
#include <string>

namespace showwork::cli {

// The most a file or standard input may hold: room for the largest matrix or data set the
// readers accept (4,000,000 entries) written with about 60 characters each.
inline constexpr std::size_t max_source_bytes = std::size_t{256} << 20;

struct Source {
    std::string text;
    std::string origin;  // for error messages: the file's name, "standard input", or empty (inline)
};

// The text behind a command-line argument: "-" is standard input, an existing file's name is
// that file, anything else is the operand itself (a matrix "1 2; 3 4"). A single word that no
// number could be ("data.csv", "/tmp/m", "weights") names a file, and when there is none the
// error says so: "cannot read 'data.csv': no such file". A text over max_source_bytes is
// refused before it is read in full.
Source read_source(const std::string& argument);

}  // namespace showwork::cli
