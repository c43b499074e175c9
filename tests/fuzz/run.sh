#!/usr/bin/env bash
# Runs one fuzzing harness (or all) for a while, from its committed seeds and dictionary.
#     tests/fuzz/run.sh BUILD_DIR [NAME|all] [SECONDS] [extra libFuzzer flags]
# e.g. tests/fuzz/run.sh build-fuzz expression 3600 -jobs=2
# The corpus grows in BUILD_DIR/fuzz-corpus/NAME (the committed seeds are not written to);
# a finding is saved as BUILD_DIR/fuzz-findings/NAME-crash-… and ends the run with status 1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1
name=${2:-all}
seconds=${3:-60}
shift $(( $# < 3 ? $# : 3 ))
names=(matrix expression row_operations data arguments working weights)
[ "$name" = all ] || names=("$name")
status=0
for n in "${names[@]}"; do
    corpus="$build/fuzz-corpus/$n"
    findings="$build/fuzz-findings"
    mkdir -p "$corpus" "$findings"
    echo "== fuzz_$n for ${seconds} s =="
    # Inputs up to 64 kB reach depth. 25 s or 2 GB for one input is a finding (a hang, a
    # runaway): built with ASan, UBSan and coverage, the library runs about 25 times slower than
    # the program, so 25 s here is about a second there. The largest derivations the program
    # accepts take up to 6 s here (a power tower 100 deep: 0.2 s in the program).
    "$build/tests/fuzz/fuzz_$n" "$corpus" "$here/corpus/$n" -dict="$here/$n.dict" \
        -max_total_time="$seconds" -max_len=65536 -timeout=25 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/$n-" -print_final_stats=1 "$@" > "$build/fuzz-$n.log" 2>&1 ||
        status=1
    grep -E '^(#[0-9]+.*(INITED|DONE)|stat::(number_of_executed_units|peak_rss)|Done)|SUMMARY|ERROR|Test unit written|^[a-z].*(printed|read back)' \
        "$build/fuzz-$n.log" || true
done
exit $status
