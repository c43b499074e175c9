// doctest's main, for the two test programs (the library's suites, the program's suites). Each
// meson test runs one suite's files of its program (--source-file=*/test_gemm.cpp,…). doctest
// would count every test case of the other files as "skipped"; here "skipped" means what a reader
// expects: the selected test cases that did not run because a tool they need is missing
// (doctest::skip, which says why on standard error).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The file patterns of --source-file / -sf, each "*" followed by a path's ending.
std::vector<std::string> source_file_endings(int argc, char** argv) {
    std::vector<std::string> endings;
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        for (std::string_view flag : {"--source-file=", "-sf="}) {
            if (!arg.starts_with(flag)) continue;
            std::string_view list = arg.substr(flag.size());
            while (!list.empty()) {
                std::size_t comma = list.find(',');
                std::string_view pattern = list.substr(0, comma);
                if (pattern.starts_with('*')) pattern.remove_prefix(1);
                endings.emplace_back(pattern);
                list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
            }
        }
    }
    return endings;
}

std::vector<std::string> selected_files;
unsigned skipped_by_decorator = 0;

bool selected(std::string_view file) {
    if (selected_files.empty()) return true;
    for (const auto& ending : selected_files)
        if (file.ends_with(ending)) return true;
    return false;
}

// Counts the selected test cases that a doctest::skip decorator kept from running.
struct SkipCounter : doctest::IReporter {
    explicit SkipCounter(const doctest::ContextOptions&) {}
    void report_query(const doctest::QueryData&) override {}
    void test_run_start() override {}
    void test_run_end(const doctest::TestRunStats&) override {}
    void test_case_start(const doctest::TestCaseData&) override {}
    void test_case_reenter(const doctest::TestCaseData&) override {}
    void test_case_end(const doctest::CurrentTestCaseStats&) override {}
    void test_case_exception(const doctest::TestCaseException&) override {}
    void subcase_start(const doctest::SubcaseSignature&) override {}
    void subcase_end() override {}
    void log_assert(const doctest::AssertData&) override {}
    void log_message(const doctest::MessageData&) override {}
    void test_case_skipped(const doctest::TestCaseData& test) override {
        if (test.m_skip && selected(test.m_file.c_str())) ++skipped_by_decorator;
    }
};

}  // namespace

DOCTEST_REGISTER_LISTENER("skip_counter", 1, SkipCounter);

int main(int argc, char** argv) {
    selected_files = source_file_endings(argc, argv);
    doctest::Context context(argc, argv);
    context.setOption("no-skipped-summary", true);
    int status = context.run();
    if (context.shouldExit()) return status;
    std::printf("[doctest] test cases skipped: %u\n", skipped_by_decorator);
    return status;
}
