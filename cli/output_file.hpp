// Output files are written whole or not at all. Each text goes to a temporary file beside its
// target (".NAME.XXXXXX", in the same directory and so on the same file system); only when every
// file of the command is written are they renamed over their targets, and a rename cannot fail
// for lack of space. A full disk, an error or a signal (temporary_file.hpp) leaves every target
// as it was, and no temporary behind.
#pragma once

#include <string>
#include <vector>

namespace showwork::cli {

struct OutputFile {
    std::string path;  // the target as the user named it
    std::string text;  // all of it
    std::string name;  // how a message names it: "'sheet.tex'", "the weights file 'w.json'"
};

// A file named in a message by its path: "'sheet.tex'".
OutputFile output_file(std::string path, std::string text);

// Writes every file whole, or leaves them all as they were: throws OutputError (exit status 4)
// naming the first that failed, "cannot write to 'sheet-key.tex': No space left on device".
// An existing target keeps its permissions; a new one gets 0666 less the umask, as open() gives.
// A symbolic link is written through: the file it names is replaced and the link stays a link.
// A target that is not a regular file (/dev/full, a FIFO, a terminal) cannot be replaced: it is
// written in place, after the others' temporaries are complete and before they are renamed.
void write_files(const std::vector<OutputFile>& files);

}  // namespace showwork::cli
