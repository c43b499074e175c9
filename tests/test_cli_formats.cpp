// Every command in every format. The commands and their examples are read from the program's
// own help, so a command is covered the day it is added: each example runs in every format, with
// and without steps, exactly and (where the command takes --number) in double. The JSON must
// parse; every document must compile with pdflatex; every piece of math in the LaTeX, Markdown
// and JSON outputs must compile inside a document with the program's own preamble.
//
// Examples run in tests/fixtures, where the files they name (data.csv, …) are.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pdflatex.hpp"
#include "process.hpp"

namespace test_cli_formats {  // this file's names, apart from the other suites' in the unity build

namespace {

using showwork::testing::Run;

Run run(const std::vector<std::string>& args) {
    return showwork::testing::run_program(SHOWWORK_PROGRAM, args, {}, -1, SHOWWORK_FIXTURES);
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// The subcommands `showwork --help` lists, but `help` itself.
std::vector<std::string> all_commands() {
    std::vector<std::string> names;
    bool listing = false;
    for (const std::string& line : lines_of(run({"--help"}).out)) {
        if (line.rfind("Subcommands:", 0) == 0) {
            listing = true;
        } else if (listing && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') {
            std::string name = line.substr(2, line.find(' ', 2) - 2);
            if (name != "help") names.push_back(name);
        } else if (listing && line.empty()) {
            break;
        }
    }
    return names;
}

// This run's share of the commands: with SHOWWORK_SHARD=k/n, every n-th from the k-th (so that
// meson runs the n shares side by side); all of them without it.
std::vector<std::string> commands() {
    std::vector<std::string> all = all_commands();
    const char* shard = std::getenv("SHOWWORK_SHARD");
    if (shard == nullptr) return all;
    unsigned k = 0, n = 0;
    REQUIRE_MESSAGE(std::sscanf(shard, "%u/%u", &k, &n) == 2, "SHOWWORK_SHARD=" << shard << " is not k/n");
    REQUIRE_MESSAGE((1 <= k && k <= n), "SHOWWORK_SHARD=" << shard << ": k must be between 1 and n");
    std::vector<std::string> share;
    for (std::size_t i = k - 1; i < all.size(); i += n) share.push_back(all[i]);
    return share;
}

// A line of the help's examples as an argument vector: words split at blanks outside quotes,
// a trailing `# comment` dropped, the leading `showwork` dropped.
std::vector<std::string> words(const std::string& line) {
    std::vector<std::string> out;
    std::string word;
    bool in_word = false;
    char quote = 0;
    for (char c : line) {
        if (quote != 0) {
            if (c == quote) quote = 0;
            else word += c;
        } else if (c == '"' || c == '\'') {
            quote = c;
            in_word = true;
        } else if (c == '#' && !in_word) {
            break;
        } else if (c == ' ') {
            if (in_word) out.push_back(word);
            word.clear();
            in_word = false;
        } else {
            word += c;
            in_word = true;
        }
    }
    if (in_word) out.push_back(word);
    if (!out.empty() && out.front() == "showwork") out.erase(out.begin());
    return out;
}

struct Help {
    std::vector<std::vector<std::string>> examples;
    bool takes_number = false;
};

Help help_of(const std::string& command) {
    Help help;
    bool in_examples = false;
    for (const std::string& line : lines_of(run({"help", command}).out)) {
        if (line.find("--number") != std::string::npos) help.takes_number = true;
        if (line.rfind("Example", 0) == 0) in_examples = true;
        else if (in_examples && line.rfind("  ", 0) == 0) help.examples.push_back(words(line));
    }
    return help;
}

// The example with its own --format and --steps/--no-steps removed.
std::vector<std::string> without_format(std::vector<std::string> args) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--format") ++i;
        else if (args[i] != "--steps" && args[i] != "--no-steps") out.push_back(args[i]);
    }
    return out;
}

bool has(const std::vector<std::string>& args, const std::string& word) {
    return std::find(args.begin(), args.end(), word) != args.end();
}

std::string joined(const std::vector<std::string>& args) {
    std::string out = "showwork";
    for (const auto& a : args) out += " '" + a + "'";
    return out;
}

// ---- The math in each format ----

struct Piece {
    std::string where;  // the command line and format it came from
    std::string math;
};

// --format latex: every line that is not a % comment is one display.
void latex_pieces(const std::string& out, const std::string& where, std::vector<Piece>& pieces) {
    for (const std::string& line : lines_of(out))
        if (!line.empty() && line[0] != '%') pieces.push_back({where, line});
}

// --format markdown: $$display$$ and $inline$ math.
void markdown_pieces(const std::string& out, const std::string& where, std::vector<Piece>& pieces) {
    std::size_t at = 0;
    while ((at = out.find('$', at)) != std::string::npos) {
        const bool display = out.compare(at, 2, "$$") == 0;
        const std::string fence = display ? "$$" : "$";
        std::size_t end = out.find(fence, at + fence.size());
        REQUIRE_MESSAGE(end != std::string::npos, where << ": an unclosed " << fence);
        pieces.push_back({where, out.substr(at + fence.size(), end - at - fence.size())});
        at = end + fence.size();
    }
}

// --format json: the strings the README documents as LaTeX.
void json_pieces(const nlohmann::json& j, const std::string& where, std::vector<Piece>& pieces) {
    static const char* const latex_keys[] = {"latex", "operation", "parametric_form", "solution_set"};
    if (j.is_object()) {
        for (const auto& [key, value] : j.items()) {
            bool latex = std::find(std::begin(latex_keys), std::end(latex_keys), key) != std::end(latex_keys);
            if (latex && value.is_string()) pieces.push_back({where, value.get<std::string>()});
            else json_pieces(value, where, pieces);
        }
    } else if (j.is_array()) {
        for (const auto& value : j) json_pieces(value, where, pieces);
    }
}

// The preamble of a document the program wrote, up to and including \begin{document}.
std::string preamble_of(const std::string& document) {
    const std::string begin = "\\begin{document}";
    return document.substr(0, document.find(begin) + begin.size()) + "\n";
}

std::string document_of(const std::string& preamble, const std::vector<Piece>& pieces) {
    std::string tex = preamble;
    for (const Piece& p : pieces) tex += "\\[ " + p.math + " \\]\n\\par\n";
    return tex + "\\end{document}\n";
}

// Compiles every piece in one document; if that fails, each alone, to name the ones that fail.
void check_pieces_compile(const std::string& command, const std::string& preamble, const std::vector<Piece>& pieces) {
    using showwork::testing::compile_with_pdflatex;
    if (compile_with_pdflatex("formats-" + command, document_of(preamble, pieces)).pdf) return;
    for (const Piece& p : pieces) {
        auto result = compile_with_pdflatex("formats-" + command, document_of(preamble, {p}));
        CHECK_MESSAGE(result.pdf, p.where << " writes math that does not compile:\n"
                                          << p.math << "\n" << showwork::testing::first_error(result.log));
    }
}

// What one command writes, gathered over its examples.
struct Outputs {
    std::vector<Piece> pieces;
    std::map<std::string, std::string> documents;  // where → the .tex
    std::map<std::string, std::string> jsons;      // where → the JSON
};

void run_example(const std::vector<std::string>& example, Outputs& outputs) {
    for (const char* format : {"text", "latex", "document", "markdown", "json"}) {
        for (const char* steps : {"--steps", "--no-steps"}) {
            std::vector<std::string> args = example;
            args.insert(args.end(), {"--format", format, steps});
            const std::string where = joined(args);
            // -o FILE: written into a directory of its own, every file it holds read back
            std::string output_dir;
            if (auto o = std::find(args.begin(), args.end(), "-o"); o != args.end() && o + 1 != args.end()) {
                char dir_template[] = "/tmp/showwork-output-XXXXXX";
                output_dir = mkdtemp(dir_template);
                *(o + 1) = output_dir + "/" + *(o + 1);
            }
            Run r = run(args);
            INFO(where);
            INFO(r.err);
            // `check` exits with status 3 when the working it checks holds a mistake: its document
            // is written in full, and one line on stderr names the lines with mistakes.
            const bool mistakes_found = r.status == 3 && !args.empty() && args[0] == "check";
            if (mistakes_found) CHECK(r.err.rfind("showwork: ", 0) == 0);
            if (r.status != 0 && !mistakes_found) {
                // Only a mathematical failure of a floating run (status 1) is an answer here: with
                // steps, the derivation up to the failure; without, nothing.
                REQUIRE((r.status == 1 && has(args, "double")));
                if (std::string(steps) == "--no-steps") CHECK(r.out.empty());
                if (std::string(format) == "json" && !r.out.empty()) outputs.jsons[where] = r.out;
                continue;
            }
            if (!mistakes_found) CHECK(r.err.empty());
            // what was written: standard output, or the files of -o FILE (generate --worksheet
            // writes the sheet there and its answer key beside it, FILE-key; --variants more)
            std::vector<std::pair<std::string, std::string>> written;
            if (!output_dir.empty()) {
                namespace fs = std::filesystem;
                std::vector<fs::path> files;
                for (const auto& entry : fs::directory_iterator(output_dir)) files.push_back(entry.path());
                std::sort(files.begin(), files.end());
                for (const fs::path& f : files) {
                    std::ifstream in(f);
                    written.emplace_back(where + " (" + f.filename().string() + ")",
                                         std::string(std::istreambuf_iterator<char>(in), {}));
                }
                fs::remove_all(output_dir);
                CHECK(!files.empty());
                CHECK(r.out.empty());
            } else {
                written.emplace_back(where, r.out);
            }
            for (const auto& [what, out] : written) {
                CHECK(!out.empty());
                const std::string f = format;
                if (f == "latex") latex_pieces(out, what, outputs.pieces);
                if (f == "markdown") markdown_pieces(out, what, outputs.pieces);
                if (f == "document") outputs.documents[what] = out;
                if (f == "json") {
                    nlohmann::json j;
                    REQUIRE_NOTHROW(j = nlohmann::json::parse(out));
                    CHECK(j.contains("command"));
                    json_pieces(j, what, outputs.pieces);
                    outputs.jsons[what] = out;
                }
            }
        }
    }
}

// Run once per command and kept: the test cases below read the same outputs.
const Outputs& outputs_of(const std::string& command) {
    static std::map<std::string, Outputs> cache;
    if (auto found = cache.find(command); found != cache.end()) return found->second;
    Help help = help_of(command);
    INFO(command);
    REQUIRE(!help.examples.empty());
    Outputs& outputs = cache[command];
    for (const auto& shown : help.examples) {
        std::vector<std::string> example = without_format(shown);
        run_example(example, outputs);
        if (help.takes_number && !has(example, "--number")) {
            example.insert(example.end(), {"--number", "double"});
            run_example(example, outputs);
        }
    }
    return outputs;
}

}  // namespace

TEST_CASE("the program lists its commands, each with examples") {
    std::vector<std::string> names = all_commands();
    CHECK(names.size() >= 20);
    CHECK(has(names, "solve"));
    for (const auto& name : names) {
        INFO(name);
        CHECK(!help_of(name).examples.empty());
    }
}

TEST_CASE("every example of every command runs in every format; the JSON parses") {
    for (const auto& command : commands()) outputs_of(command);
}

// Whether python3 with the jsonschema module (Debian: python3-jsonschema) can validate JSON.
bool skip_schema_tests() {
    static const bool skip = std::system("python3 -c 'import jsonschema' > /dev/null 2>&1") != 0;
    if (skip) std::fprintf(stderr, "JSON Schema test case skipped: python3 with jsonschema is missing "
                                   "(install python3-jsonschema)\n");
    return skip;
}

TEST_CASE("the JSON of every example of every command validates against the committed schema" *
          doctest::skip(skip_schema_tests())) {
    namespace fs = std::filesystem;
    char dir_template[] = "/tmp/showwork-json-XXXXXX";
    const fs::path dir = mkdtemp(dir_template);
    std::string files;
    std::size_t n = 0;
    for (const auto& command : commands()) {
        for (const auto& [where, json] : outputs_of(command).jsons) {
            const fs::path file = dir / (command + "-" + std::to_string(++n) + ".json");
            std::ofstream(file) << json;
            files += " '" + file.string() + "'";
        }
    }
    REQUIRE(n > 0);
    Run r = showwork::testing::run_program("/bin/sh", {"-c", "python3 '" SHOWWORK_VALIDATE_JSON "' '"
                                                             SHOWWORK_JSON_SCHEMA "'" + files});
    fs::remove_all(dir);
    CHECK_MESSAGE(r.status == 0, r.out << r.err);
}

TEST_CASE("every document and every piece of math of every command compiles with pdflatex" *
          doctest::skip(showwork::testing::skip_pdflatex_tests())) {
    using showwork::testing::compile_with_pdflatex;
    for (const auto& command : commands()) {
        const Outputs& outputs = outputs_of(command);
        REQUIRE(!outputs.documents.empty());
        for (const auto& document : outputs.documents) {
            auto result = compile_with_pdflatex("formats-" + command, document.second);
            CHECK_MESSAGE(result.pdf, document.first << " writes a document that does not compile:\n"
                                            << showwork::testing::first_error(result.log));
        }
        check_pieces_compile(command, preamble_of(outputs.documents.begin()->second), outputs.pieces);
    }
}

}  // namespace test_cli_formats
