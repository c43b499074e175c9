// Runs a program with arguments and standard input, capturing its standard output, standard
// error and exit status: how the suites test the `showwork` program end to end.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace showwork::testing {

struct Run {
    int status = -1;  // the exit status; 128 + signal if it was killed by one
    std::string out, err;
};

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A program started and not yet waited for.
struct Started {
    pid_t pid = -1;             // -1: it could not be started
    std::filesystem::path dir;  // its standard input, output and error
};

// How a program is started: its limit on the size of a file it writes (RLIMIT_FSIZE, in bytes).
struct Limits {
    rlim_t file_size = RLIM_INFINITY;
};

// Starts the program; finish_program waits for it. posix_spawn cannot set a limit in the child:
// the test's own soft limit is lowered while it spawns, and the child inherits it.
inline Started start_program(const std::string& program, const std::vector<std::string>& args,
                             const std::string& input = {}, int stdout_fd = -1, const std::string& cwd = {},
                             Limits limits = {}) {
    namespace fs = std::filesystem;
    char dir_template[] = "/tmp/showwork-test-XXXXXX";
    Started started{-1, mkdtemp(dir_template)};
    fs::path in = started.dir / "in", out = started.dir / "out", err = started.dir / "err";
    std::ofstream(in, std::ios::binary) << input;

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
    if (stdout_fd >= 0) posix_spawn_file_actions_adddup2(&actions, stdout_fd, 1);
    else posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);

    rlimit own{};
    getrlimit(RLIMIT_FSIZE, &own);
    rlimit lowered = own;
    lowered.rlim_cur = std::min(limits.file_size, own.rlim_max);
    setrlimit(RLIMIT_FSIZE, &lowered);
    if (posix_spawn(&started.pid, program.c_str(), &actions, nullptr, argv.data(), environ) != 0) started.pid = -1;
    setrlimit(RLIMIT_FSIZE, &own);
    posix_spawn_file_actions_destroy(&actions);
    return started;
}

inline Run finish_program(const Started& started) {
    Run result;
    if (started.pid > 0) {
        int status = 0;
        waitpid(started.pid, &status, 0);
        result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    result.out = slurp(started.dir / "out");
    result.err = slurp(started.dir / "err");
    std::filesystem::remove_all(started.dir);
    return result;
}

// With stdout_fd, the program writes its standard output there (/dev/full, a closed pipe) and
// Run::out stays empty. It runs in the working directory `cwd` (the test's own when empty).
inline Run run_program(const std::string& program, const std::vector<std::string>& args,
                       const std::string& input = {}, int stdout_fd = -1, const std::string& cwd = {},
                       Limits limits = {}) {
    return finish_program(start_program(program, args, input, stdout_fd, cwd, limits));
}

}  // namespace showwork::testing
