#!/usr/bin/env python3
"""The README's command lines, run: readme_commands.py PROGRAM SOURCE_ROOT

Every line of a ```sh block that runs the program (`showwork …` or `build/cli/showwork …`, a
trailing backslash continuing it) must exit with status 0 and write something (to its -o FILE if
it names one). Every `$ showwork …`
line of a ```text block is a transcript: what follows it, up to the next `$` line or the end of the
block, is what the program writes (standard output, then standard error). A line that is only `…`
stands for any number of lines; a line ending in `…` for any line that starts the same way.

The commands run in a scratch directory holding the files they name: `examples/` and `data/` of
the source tree, and tests/readme/ (the README's data.txt); data.csv is absent on purpose (the
README shows the error for a missing file). Prints one block per failure; exits 1 if any failed.
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

ELLIPSIS = "…"


def blocks(readme):
    """(language, first line number, lines) of every fenced code block."""
    out, language, start, lines = [], None, 0, []
    for number, line in enumerate(readme.splitlines(), 1):
        if line.startswith("```"):
            if language is None:
                language, start, lines = line[3:].strip(), number + 1, []
            else:
                out.append((language, start, lines))
                language = None
        elif language is not None:
            lines.append(line)
    return out


def runs_program(line):
    return re.match(r"(build/cli/)?showwork\s", line) is not None


def commands(readme):
    """(line number, command, expected output lines or None) in the README's order."""
    out = []
    for language, start, lines in blocks(readme):
        if language == "sh":
            k = 0
            while k < len(lines):
                number, command = start + k, lines[k]
                while command.rstrip().endswith("\\") and k + 1 < len(lines):
                    k += 1
                    command = command.rstrip()[:-1] + " " + lines[k].strip()
                if runs_program(command):
                    out.append((number, command, None))
                k += 1
        elif language == "text":
            k = 0
            while k < len(lines):
                if lines[k].startswith("$ ") and runs_program(lines[k][2:]):
                    number, command, expected = start + k, lines[k][2:], []
                    k += 1
                    while k < len(lines) and not lines[k].startswith("$ "):
                        expected.append(lines[k])
                        k += 1
                    out.append((number, command, expected))
                else:
                    k += 1
    return out


def matches(expected, actual):
    """Whether the actual lines are the expected ones, `…` lines standing for any lines."""
    expected = [line.rstrip() for line in expected]
    actual = [line.rstrip() for line in actual]
    # memoised search over (position in expected, position in actual)
    seen = {}

    def match(i, j):
        if (i, j) in seen:
            return seen[(i, j)]
        if i == len(expected):
            result = j == len(actual)
        elif expected[i].strip() == ELLIPSIS:
            result = any(match(i + 1, k) for k in range(j, len(actual) + 1))
        elif j == len(actual):
            result = False
        elif expected[i].endswith(ELLIPSIS):
            result = actual[j].startswith(expected[i][:-1]) and match(i + 1, j + 1)
        else:
            result = expected[i] == actual[j] and match(i + 1, j + 1)
        seen[(i, j)] = result
        return result

    return match(0, 0)


def scratch(program, root):
    """A directory with the files the README's commands name, and the program under both names."""
    directory = tempfile.mkdtemp(prefix="showwork-readme-")
    root = os.path.abspath(root)
    for name in ("examples", "data"):
        os.symlink(os.path.join(root, name), os.path.join(directory, name))
    readme_files = os.path.join(root, "tests", "readme")
    for name in os.listdir(readme_files):
        with open(os.path.join(readme_files, name), "rb") as f, open(os.path.join(directory, name), "wb") as g:
            g.write(f.read())
    os.makedirs(os.path.join(directory, "build", "cli"))
    os.symlink(os.path.abspath(program), os.path.join(directory, "build", "cli", "showwork"))
    os.makedirs(os.path.join(directory, "bin"))
    os.symlink(os.path.abspath(program), os.path.join(directory, "bin", "showwork"))
    return directory


def main(program, root):
    with open(os.path.join(root, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    directory = scratch(program, root)
    environment = dict(os.environ, PATH=os.path.join(directory, "bin") + os.pathsep + os.environ.get("PATH", ""))
    failures, total = 0, 0
    for number, command, expected in commands(readme):
        total += 1
        # the program's part of a line: `showwork … && pdflatex …` runs its first command
        words = command.split("&&")[0].split(" #")[0].strip()
        result = subprocess.run(["bash", "-c", words], cwd=directory, env=environment, capture_output=True,
                                text=True, timeout=600)
        actual = (result.stdout + result.stderr).splitlines()
        if expected is None:
            # a command with -o FILE writes the file instead
            written = re.search(r"-o\s+(\S+)", words)
            size = os.path.getsize(os.path.join(directory, written.group(1))) if written else len(result.stdout.strip())
            ok = result.returncode == 0 and size > 0
            why = f"status {result.returncode}, {size} bytes written"
        else:
            ok = matches(expected, actual)
            why = "the output differs from the README's"
        if not ok:
            failures += 1
            print(f"README.md:{number}: {words}\n  {why}")
            if expected is not None:
                print("  README:\n" + "\n".join("    | " + line for line in expected))
            print("  program:\n" + "\n".join("    | " + line for line in actual[:60]))
    print(f"{total - failures} of {total} README command lines run as shown")
    return 1 if failures or total == 0 else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
