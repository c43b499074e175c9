// Output files are written whole or not at all: for each writer (-o, a worksheet with its key,
// train --save), a disk that fills, a signal in the middle of the write and a success, run end to
// end. After a failure every target holds the bytes it held before and no temporary is left.
#include <doctest/doctest.h>

#include <dirent.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "process.hpp"

namespace test_cli_output_files {  // this file's names, apart from the other suites' in the unity build

namespace fs = std::filesystem;
using showwork::testing::Run;
using showwork::testing::slurp;

// A directory of the test's own, removed with all it holds.
struct Scratch {
    fs::path dir;
    Scratch() {
        char name[] = "/tmp/showwork-output-XXXXXX";
        dir = mkdtemp(name);
    }
    ~Scratch() { fs::remove_all(dir); }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
};

// A tmpfs of 64 KB on a directory of its own: a disk that fills. Only root can mount one, and
// not in every container.
struct SmallDisk {
    Scratch scratch;
    bool mounted = mount("tmpfs", scratch.dir.c_str(), "tmpfs", 0, "size=64k") == 0;
    int error = mounted ? 0 : errno;  // why not
    ~SmallDisk() {
        if (mounted) umount(scratch.dir.c_str());
    }
    // A directory no one can make a file in, root included.
    bool make_read_only() {
        return mount(nullptr, scratch.dir.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0;
    }
};

// Each file of a directory with what it holds: its bytes, or what it is when it is not a regular
// file (reading a FIFO would wait for a writer).
static std::map<std::string, std::string> files_in(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_symlink()) files[name] = "a link to " + fs::read_symlink(entry.path()).string();
        else if (entry.is_regular_file()) files[name] = slurp(entry.path());
        else files[name] = "not a regular file";
    }
    return files;
}

static std::string names(const std::map<std::string, std::string>& files) {
    std::string list;
    for (const auto& [name, bytes] : files) list += (list.empty() ? "" : ", ") + name;
    return list;
}

// Every file of `dir` as it was: the same names (no temporary left behind), the same bytes.
static void check_left_as_it_was(const fs::path& dir, const std::map<std::string, std::string>& before) {
    const std::map<std::string, std::string> after = files_in(dir);
    CHECK(names(after) == names(before));
    for (const auto& file : before) {  // not a structured binding: doctest's message captures it in a lambda
        const std::string& name = file.first;
        const std::string& bytes = file.second;
        const std::string now = after.count(name) == 1 ? after.at(name) : "";
        CHECK_MESSAGE(now == bytes, name << " holds " << now.size() << " bytes, not the " << bytes.size() << " it held");
    }
}

static mode_t mode_of(const fs::path& path) {
    struct stat status {};
    stat(path.c_str(), &status);
    return status.st_mode & 07777;
}

// A command that writes files into the directory it runs in. Its largest file is more than 64 KB
// and the others less, so that a 64 KB limit stops that one, after the others are written.
struct Writer {
    std::string name;
    std::vector<std::string> args;
    std::vector<std::string> targets;
    std::string failing;  // how the error names the file that does not fit
};

static std::vector<Writer> writers() {
    return {
        {"-o", {"identity", "200", "--no-steps", "-o", "out.txt"}, {"out.txt"}, "'out.txt'"},  // 122 KB
        {"a worksheet and its key",  // the sheet 4 KB, the key 90 KB
         {"generate", "system", "--count", "40", "--worksheet", "-o", "sheet.txt"},
         {"sheet.txt", "sheet-key.txt"},
         "'sheet-key.txt'"},
        {"train --save",  // the document 0.4 KB, the weights 120 KB
         {"train", SHOWWORK_FIXTURES "/xor.csv", "--y", "y", "--layers", "2,1000,1", "--epochs", "1", "--quiet",
          "--no-steps", "--save", "w.json", "-o", "out.txt"},
         {"out.txt", "w.json"},
         "the weights file 'w.json'"},
    };
}

// The targets of `writer` in `dir`, each holding a line of its own, with permissions 0640.
static void make_targets(const Writer& writer, const fs::path& dir) {
    for (const std::string& target : writer.targets) {
        std::ofstream(dir / target) << "what " << target << " held before\n";
        fs::permissions(dir / target, fs::perms(0640));
    }
}

static Run run_in(const fs::path& dir, const std::vector<std::string>& args, showwork::testing::Limits limits = {}) {
    return showwork::testing::run_program(SHOWWORK_PROGRAM, args, {}, -1, dir.string(), limits);
}

// A disk that fills while `writer` writes: status 4, one line naming the file, all as it was.
static void check_disk_full(const Writer& writer, const fs::path& dir, showwork::testing::Limits limits, int error) {
    CAPTURE(writer.name);
    make_targets(writer, dir);
    const std::map<std::string, std::string> before = files_in(dir);
    const Run r = run_in(dir, writer.args, limits);
    CHECK(r.status == 4);
    CHECK(r.out.empty());
    CHECK(r.err == "showwork: error: cannot write to " + writer.failing + ": " + std::strerror(error) + "\n");
    check_left_as_it_was(dir, before);
}

TEST_CASE("a file size limit (ulimit -f) stops each writer with status 4 and leaves every target as it was") {
    for (const Writer& writer : writers()) {
        Scratch scratch;
        check_disk_full(writer, scratch.dir, {64 * 1024}, EFBIG);
    }
}

TEST_CASE("a full file system (a 64 KB tmpfs) stops each writer with status 4 and leaves every target as it was") {
    for (const Writer& writer : writers()) {
        SmallDisk disk;
        if (!disk.mounted) {
            MESSAGE("SKIPPED: no tmpfs could be mounted (", std::strerror(disk.error), "): root can mount one");
            return;
        }
        check_disk_full(writer, disk.scratch.dir, {}, ENOSPC);
    }
}

TEST_CASE("each writer replaces its targets with the whole of their new text, keeping their permissions") {
    const mode_t umask_now = umask(022);
    for (const Writer& writer : writers()) {
        CAPTURE(writer.name);
        Scratch fresh, replaced;
        REQUIRE(run_in(fresh.dir, writer.args).status == 0);
        make_targets(writer, replaced.dir);
        const Run r = run_in(replaced.dir, writer.args);
        CHECK(r.status == 0);
        CHECK(r.err.empty());
        // what replaced the old text is what a new file gets, and nothing else is left beside it
        CHECK(names(files_in(replaced.dir)) == names(files_in(fresh.dir)));
        for (const std::string& target : writer.targets) {
            CAPTURE(target);
            CHECK(slurp(replaced.dir / target) == slurp(fresh.dir / target));
            CHECK(mode_of(replaced.dir / target) == 0640);
            CHECK(mode_of(fresh.dir / target) == 0644);  // 0666 less the umask, as open() gives
        }
    }
    umask(umask_now);
    // and the file holds what standard output would have
    Scratch scratch;
    std::vector<std::string> args = writers()[0].args;
    CHECK(run_in(scratch.dir, args).status == 0);
    args.resize(args.size() - 2);
    CHECK(slurp(scratch.dir / "out.txt") == run_in(scratch.dir, args).out);
}

TEST_CASE("-o writes through a symbolic link, the link left a link; a device is written where it is") {
    Scratch scratch;
    const fs::path& dir = scratch.dir;
    const std::string expected = run_in(dir, {"show", "1 2"}).out;
    std::ofstream(dir / "real.txt") << "old\n";
    fs::create_symlink("real.txt", dir / "link.txt");
    fs::create_symlink("new.txt", dir / "dangling.txt");
    CHECK(run_in(dir, {"show", "1 2", "-o", "link.txt"}).status == 0);
    CHECK(run_in(dir, {"show", "1 2", "-o", "dangling.txt"}).status == 0);
    CHECK(fs::is_symlink(dir / "link.txt"));
    CHECK(fs::is_symlink(dir / "dangling.txt"));
    CHECK(slurp(dir / "real.txt") == expected);
    CHECK(slurp(dir / "new.txt") == expected);
    CHECK(names(files_in(dir)) == "dangling.txt, link.txt, new.txt, real.txt");
    const Run full = run_in(dir, {"show", "1 2", "-o", "/dev/full"});
    CHECK(full.status == 4);
    CHECK(full.err == "showwork: error: cannot write to '/dev/full': No space left on device\n");
}

TEST_CASE("a directory where no file can be made is status 4, the file in it left as it was") {
    // root makes files in any directory but a read-only file system's
    const bool root = geteuid() == 0;
    SmallDisk disk;
    const fs::path& dir = disk.scratch.dir;
    if (root && !disk.mounted) {
        MESSAGE("SKIPPED: no tmpfs could be mounted (", std::strerror(disk.error), ") to make read-only");
        return;
    }
    std::ofstream(dir / "out.txt") << "what out.txt held before\n";
    if (root) REQUIRE(disk.make_read_only());
    else fs::permissions(dir, fs::perms(0555));
    const std::map<std::string, std::string> before = files_in(dir);
    const Run r = run_in(dir, {"show", "1 2", "-o", "out.txt"});
    CHECK(r.status == 4);
    CHECK(r.err == std::string("showwork: error: cannot write to 'out.txt': ") + std::strerror(root ? EROFS : EACCES) +
                       "\n");
    check_left_as_it_was(dir, before);
    if (!root) fs::permissions(dir, fs::perms(0755));
}

// ---- signals ----

// How many temporary files in `dir` hold bytes: the names that start with a dot.
static std::size_t temporaries_written(const fs::path& dir) {
    std::size_t count = 0;
    DIR* listing = opendir(dir.c_str());
    if (!listing) return 0;
    while (const dirent* entry = readdir(listing)) {
        struct stat status {};
        const std::string name = entry->d_name;
        if (name.starts_with(".") && name != "." && name != ".." &&
            lstat((dir / name).c_str(), &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0)
            ++count;
    }
    closedir(listing);
    return count;
}

// Sends `signal` to the program once `count` temporary files of its hold bytes in `dir`. It is
// stopped first and they are counted again, so that it cannot finish between the look and the
// signal. False when it ended first.
static bool signal_while_writing(pid_t pid, const fs::path& dir, std::size_t count, int signal) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        if (temporaries_written(dir) >= count) {
            kill(pid, SIGSTOP);
            siginfo_t stopped{};
            waitid(P_PID, static_cast<id_t>(pid), &stopped, WSTOPPED | WEXITED | WNOWAIT);
            const bool caught = stopped.si_code == CLD_STOPPED && temporaries_written(dir) >= count;
            if (caught) kill(pid, signal);
            kill(pid, SIGCONT);
            if (caught) return true;
        }
        siginfo_t ended{};
        if (waitid(P_PID, static_cast<id_t>(pid), &ended, WEXITED | WNOHANG | WNOWAIT) == 0 && ended.si_pid == pid)
            return false;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    kill(pid, SIGKILL);
    return false;
}

// `args` run in `dir` and sent `signal` while `count` temporaries exist: killed by that signal,
// every file of `dir` as it was.
static void check_interrupted(const fs::path& dir, const std::vector<std::string>& args, std::size_t count, int signal) {
    const std::map<std::string, std::string> before = files_in(dir);
    const auto started = showwork::testing::start_program(SHOWWORK_PROGRAM, args, {}, -1, dir.string());
    const bool sent = signal_while_writing(started.pid, dir, count, signal);
    const Run r = showwork::testing::finish_program(started);
    REQUIRE_MESSAGE(sent, "the command ended (status " << r.status << ") before " << count
                                                       << " temporary file(s) of it were seen: give it more to write");
    CHECK(r.status == 128 + signal);
    check_left_as_it_was(dir, before);
}

TEST_CASE("Ctrl-C in the middle of a 53 MB -o leaves the file as it was") {
    // 115 × 115 numbers of 4,000 digits, shown: 1.5 s of work, then 53 MB written
    Scratch input, scratch;
    const std::string number(4000, '7');
    std::string row;
    for (int k = 0; k < 115; ++k) row += (k ? " " : "") + number;
    std::ofstream big(input.dir / "big.txt");
    for (int k = 0; k < 115; ++k) big << row << '\n';
    big.close();
    std::ofstream(scratch.dir / "out.txt") << "what out.txt held before\n";
    check_interrupted(scratch.dir, {"show", (input.dir / "big.txt").string(), "--no-steps", "-o", "out.txt"}, 1, SIGINT);
}

TEST_CASE("Ctrl-C in the middle of a 53 MB train --save leaves the weights file and -o as they were") {
    // 1.9 million weights: 1 s of work, then 53 MB of JSON
    Scratch scratch;
    const Writer train = writers()[2];
    make_targets(train, scratch.dir);
    check_interrupted(scratch.dir,
                      {"train", SHOWWORK_FIXTURES "/xor.csv", "--y", "y", "--layers", "2,1350,1350,1", "--init-method",
                       "he_uniform", "--epochs", "1", "--quiet", "--no-steps", "--save", "w.json", "-o", "out.txt"},
                      1, SIGINT);
}

TEST_CASE("SIGINT, SIGTERM or SIGHUP while a worksheet's files are written removes them all, every target as it was") {
    // The second version's key is a FIFO that nobody reads: it is written in place after the
    // other three files are complete in their temporaries, and the program waits to open it.
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
        CAPTURE(signal);
        Scratch scratch;
        for (const char* target : {"sheet-v1.txt", "sheet-v1-key.txt", "sheet-v2.txt"})
            std::ofstream(scratch.dir / target) << "what " << target << " held before\n";
        REQUIRE(mkfifo((scratch.dir / "sheet-v2-key.txt").c_str(), 0644) == 0);
        check_interrupted(scratch.dir, {"generate", "system", "--count", "3", "--worksheet", "--variants", "2", "-o",
                                        "sheet.txt"},
                          3, signal);
    }
}

}  // namespace test_cli_output_files
