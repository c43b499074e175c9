#include "cli/options.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <limits>
#include <cstring>
#include <iostream>

#include "showwork/error.hpp"
#include "showwork/text.hpp"

namespace showwork::cli {

std::string alternatives(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t k = 0; k < names.size(); ++k) {
        out += (k == 0 ? "" : k + 1 == names.size() ? " or " : ", ") + names[k];
    }
    return out;
}

void add_common_options(CLI::App& command, CommonOptions& options, std::string_view default_number) {
    options.number = default_number;
    command.add_option("--number", options.number, "Scalar: exact (rationals), double, float50")
        ->check(CLI::IsMember(AnyScalar::names()))
        ->capture_default_str();
    // in the order the help lists them
    std::vector<std::string> formats = names_of({trace::Format::text, trace::Format::latex, trace::Format::document,
                                                 trace::Format::markdown, trace::Format::json},
                                                trace::format_name);
    command.add_option("--format", options.format, "Output: text, latex, document, markdown, json")
        ->check(CLI::IsMember(formats))
        ->capture_default_str();
    // two flags, so that the help names each plainly (one "--steps,!--no-steps" reads --no-steps{false})
    bool& steps = options.steps;
    command.add_flag_callback("--steps", [&steps] { steps = true; }, "Show the derivation (the default)");
    command.add_flag_callback("--no-steps", [&steps] { steps = false; }, "Show only the inputs and the result");
    command.add_flag("--bmatrix", options.bmatrix, "Square brackets (bmatrix) instead of parentheses");
    command.add_option("-o,--output", options.output, "Write to FILE instead of standard output")->type_name("FILE");
}

std::string rendered(trace::Document document, const CommonOptions& options) {
    document.number = options.number;
    trace::RenderOptions render_options;
    render_options.steps = options.steps;
    render_options.bmatrix = options.bmatrix;
    std::string text = trace::render(document, trace::parse_format(options.format), render_options);
    if (!text.empty() && text.back() != '\n') text += '\n';
    return text;
}

void emit(trace::Document document, const CommonOptions& options, std::vector<OutputFile> beside) {
    std::string text = rendered(std::move(document), options);
    if (!options.output.empty()) beside.insert(beside.begin(), output_file(options.output, std::move(text)));
    write_files(beside);
    if (options.output.empty()) {
        errno = 0;
        std::cout << text;
        if (!flush_standard_output()) throw OutputError(unwritten("standard output"));
    }
}

void note(std::string_view line) { std::cerr << "showwork: note: " << line << std::endl; }

Progress::Progress(std::size_t total, bool quiet, std::string unit)
    : total_(total), on_(!quiet && isatty(STDERR_FILENO)), unit_(std::move(unit)) {}

Progress::~Progress() {
    if (on_ && shown_) std::fputs("\n", stderr);
}

bool Progress::due(std::size_t done) const {
    if (!on_ || done == 0) return false;
    return done >= total_ || std::chrono::steady_clock::now() - last_ >= std::chrono::milliseconds(200);
}

void Progress::show(std::size_t done, std::string_view detail) {
    const auto now = std::chrono::steady_clock::now();
    last_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double remaining = elapsed / static_cast<double>(done) * static_cast<double>(total_ - done);
    std::fprintf(stderr, "\r%s %zu/%zu%.*s  elapsed %.1f s  remaining %.1f s   ", unit_.c_str(), done, total_,
                 static_cast<int>(detail.size()), detail.data(), elapsed, remaining);
    shown_ = true;
}

bool flush_standard_output() { return static_cast<bool>(std::cout << std::flush); }

std::string unwritten(const std::string& where) {
    int error = errno;
    return fmt::format("cannot write to {}{}", where, error != 0 ? std::string(": ") + std::strerror(error) : "");
}

std::uint64_t parse_whole_number(const std::string& text, std::string_view what, std::uint64_t least,
                                 std::uint64_t most) {
    // decimal digits only: CLI11 would read -1 as 2⁶⁴ − 1, 010 as 8 and 0x10 as 16
    std::uint64_t value = 0;
    const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    const bool read = digits && error == std::errc() && end == text.data() + text.size();
    if (read && value >= least && value <= most) return value;
    if (most != std::numeric_limits<std::uint64_t>::max()) {
        throw InputError(fmt::format("{} must be a whole number from {} to {}, not {}", what, least, most,
                                     quoted_token(text)));
    }
    const bool negative = text.size() > 1 && text[0] == '-' && text.find_first_not_of("0123456789", 1) == std::string::npos;
    if (negative || (read && value < least)) {
        throw InputError(fmt::format("{} must be {} or more, not {}", what, least, quoted_token(text)));
    }
    throw InputError(fmt::format("{} must be a whole number, {} or more, not {}", what, least, quoted_token(text)));
}

CLI::Option* as_list(CLI::Option* option) {
    return option->each([name = option->get_name()](const std::string& list) {
        if (const std::size_t k = empty_item(list); k != 0 && !trimmed(list).empty()) {
            throw InputError(fmt::format("{} {} has an empty item (item {} of {})", name, quoted_token(list), k,
                                         split_trimmed(list).size()));
        }
    });
}

std::size_t parse_count(const std::string& text, std::string_view what, std::size_t limit) {
    return static_cast<std::size_t>(parse_whole_number(text, what, 1, limit));
}

std::size_t parse_augment(const std::string& text, std::size_t cols, const std::string& shape) {
    bool digits = !text.empty() && text.size() <= 6 && text.find_first_not_of("0123456789") == std::string::npos;
    std::size_t k = digits ? std::stoul(text) : cols;
    if (k >= cols) {
        throw InputError(fmt::format("--augment must be a whole number from 0 to {} for a {} matrix, not {}",
                                     cols - 1, shape, quoted_token(text)));
    }
    return k;
}

}  // namespace showwork::cli
