#!/usr/bin/env bash
# Folds what fuzzing found back into the committed corpus of a harness (or of all), ready to commit.
#     tests/fuzz/minimise.sh BUILD_DIR [NAME|all] [extra libFuzzer flags]
# libFuzzer's -merge=1 runs the corpus a run grew (BUILD_DIR/fuzz-corpus/NAME) and the committed
# one (tests/fuzz/corpus/NAME) into a fresh directory that starts with the seeds seeds.py writes
# (the numbered files: the depth and size cases and past findings, kept whatever their coverage)
# and takes, of the rest, only inputs that reach an edge of the code none before them reached.
# That directory, its new files named by their SHA-1 as libFuzzer names them, replaces
# tests/fuzz/corpus/NAME; the counts and sizes before and after are printed.
# e.g. tests/fuzz/minimise.sh build-fuzz weights -set_cover_merge=1   (fewer files, twice as long)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1
name=${2:-all}
shift $(( $# < 2 ? $# : 2 ))
names=(matrix expression row_operations data arguments working weights)
[ "$name" = all ] || names=("$name")

# "N files, B bytes" of a directory's files (none when it is missing)
measure() {
    local files=0 bytes=0
    if [ -d "$1" ]; then
        files=$(find "$1" -maxdepth 1 -type f | wc -l)
        bytes=$(find "$1" -maxdepth 1 -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    fi
    echo "$files files, $bytes bytes"
}

for n in "${names[@]}"; do
    harness="$build/tests/fuzz/fuzz_$n"
    committed="$here/corpus/$n"
    grown="$build/fuzz-corpus/$n"
    [ -x "$harness" ] || { echo "$harness is missing: build with -Dfuzz=true (see tests/fuzz/README.md)" >&2; exit 2; }
    [ -d "$committed" ] || { echo "$committed is missing: no harness $n?" >&2; exit 2; }
    echo "== $n =="
    echo "committed:  $(measure "$committed")"
    echo "grown:      $(measure "$grown")"
    fresh="$build/fuzz-minimise/$n"
    rm -rf "$fresh"
    mkdir -p "$fresh"
    find "$committed" -maxdepth 1 -type f -regex '.*/[0-9]+' -exec cp {} "$fresh/" \;
    sources=("$committed")
    [ -d "$grown" ] && sources+=("$grown")
    # The limits of run.sh: an input that hangs or runs away there is not one to keep. Edges
    # alone count, not how often each ran (-use_counters=0): of the 1,125 inputs a two-minute
    # run of fuzz_weights grew, counting kept 967, edges alone 250 (32 of them the seeds); those
    # reach all 8,560 edges and 88% of the counted features, and a minute's fuzzing from them 96%.
    if ! "$harness" -merge=1 -use_counters=0 "$fresh" "${sources[@]}" -max_len=65536 -timeout=25 \
            -rss_limit_mb=2048 "$@" > "$build/fuzz-minimise-$n.log" 2>&1; then
        tail -n 20 "$build/fuzz-minimise-$n.log" >&2
        echo "the merge of $n failed (log: $build/fuzz-minimise-$n.log); $committed is unchanged" >&2
        exit 1
    fi
    rm -rf "$committed"
    cp -r "$fresh" "$committed"
    echo "minimised:  $(measure "$committed") ($(find "$committed" -maxdepth 1 -type f -regex '.*/[0-9]+' | wc -l) of them seeds)"
done
echo "review and commit: git status $here/corpus"
