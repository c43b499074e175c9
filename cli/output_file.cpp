#include "cli/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <filesystem>
#include <string_view>

#include "cli/options.hpp"
#include "cli/temporary_file.hpp"
#include "showwork/error.hpp"

// No fsync: what is promised is the whole file or the old one after a full disk, an error or a
// signal, which every reader sees once rename() returns. Promising it after a power cut too would
// cost a flush to the disk of each file (seconds for a large one); ext4 and btrfs already write
// a file's data before a rename that replaces another.

namespace showwork::cli {

namespace {

// Where a file's text goes.
struct Target {
    std::string path;       // the file replaced: the one named, or the file its symbolic links name
    bool in_place = false;  // not a regular file (a device, a FIFO): written where it is
    mode_t mode = 0;        // the permissions of the file written
};

[[noreturn]] void cannot_write(const OutputFile& file) { throw OutputError(unwritten(file.name)); }

// The file `path` names after its symbolic links, each read relative to its own directory. A
// link to a file not yet there names the file to create (realpath() would refuse it).
std::string without_links(std::string path, const OutputFile& file) {
    for (int links = 0; links < 40; ++links) {  // as many as Linux follows before ELOOP
        char link[PATH_MAX];
        const ssize_t n = readlink(path.c_str(), link, sizeof link);
        if (n < 0) return path;  // not a link, or not there
        if (static_cast<std::size_t>(n) == sizeof link) break;
        const std::filesystem::path to(std::string(link, static_cast<std::size_t>(n)));
        path = to.is_absolute() ? to.string() : (std::filesystem::path(path).parent_path() / to).string();
    }
    errno = ELOOP;
    cannot_write(file);
}

// The umask, which a process reads only by setting it (and setting it back).
mode_t current_umask() {
    const mode_t mask = umask(0);
    umask(mask);
    return mask;
}

Target target_of(const OutputFile& file) {
    struct stat status {};
    if (stat(file.path.c_str(), &status) == 0 && !S_ISREG(status.st_mode)) return {file.path, true, 0};
    Target target{without_links(file.path, file), false, static_cast<mode_t>(0666 & ~current_umask())};
    if (stat(target.path.c_str(), &status) == 0) target.mode = status.st_mode & 07777;
    return target;
}

// Writes all of `text`: write() may write less than asked, or be interrupted before it writes.
// A piece at a time, so that a signal is acted on after a piece rather than after all of it.
bool write_all(int fd, std::string_view text) {
    constexpr std::size_t piece = std::size_t{1} << 20;
    while (!text.empty()) {
        errno = 0;
        const ssize_t n = write(fd, text.data(), std::min(text.size(), piece));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

// The text in a temporary file beside its target, complete and closed, with the target's
// permissions.
Temporary staged(const OutputFile& file, const Target& target) {
    const std::filesystem::path path(target.path);
    // at most 200 bytes of the name, so that the temporary's stays within NAME_MAX (255)
    const std::string name = path.filename().string().substr(0, 200);
    Temporary temporary;
    if (!create_temporary((path.parent_path() / ("." + name + ".XXXXXX")).string(), temporary)) cannot_write(file);
    // mkstemp made it 0600; a file system without permissions (FAT) refuses this, harmlessly
    fchmod(temporary.fd, target.mode);
    if (!write_all(temporary.fd, file.text)) {
        remove_temporary(temporary);
        cannot_write(file);
    }
    const int fd = temporary.fd;
    temporary.fd = -1;
    if (close(fd) != 0) {  // where a network file system reports what it could not store
        remove_temporary(temporary);
        cannot_write(file);
    }
    return temporary;
}

// A device or a FIFO, written as open() and write() write it.
void write_in_place(const OutputFile& file) {
    const int fd = open(file.path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) cannot_write(file);
    if (!write_all(fd, file.text)) {
        const int error = errno;
        close(fd);
        errno = error;
        cannot_write(file);
    }
    if (close(fd) != 0) cannot_write(file);
}

}  // namespace

OutputFile output_file(std::string path, std::string text) {
    std::string name = quoted_token(path);
    return {std::move(path), std::move(text), std::move(name)};
}

void write_files(const std::vector<OutputFile>& files) {
    std::vector<Target> targets;
    for (const OutputFile& file : files) targets.push_back(target_of(file));
    std::vector<Temporary> temporaries(files.size());  // a path while the temporary exists
    try {
        for (std::size_t k = 0; k < files.size(); ++k)
            if (!targets[k].in_place) temporaries[k] = staged(files[k], targets[k]);
        for (std::size_t k = 0; k < files.size(); ++k)
            if (targets[k].in_place) write_in_place(files[k]);
        const SignalsDeferred all_renamed_or_none;
        for (std::size_t k = 0; k < files.size(); ++k) {
            if (targets[k].in_place) continue;
            if (rename(temporaries[k].path.c_str(), targets[k].path.c_str()) != 0) cannot_write(files[k]);
            forget_temporary(temporaries[k]);
            temporaries[k].path.clear();
        }
    } catch (...) {
        for (Temporary& temporary : temporaries)
            if (!temporary.path.empty()) remove_temporary(temporary);
        throw;
    }
}

}  // namespace showwork::cli
