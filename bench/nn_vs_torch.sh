#!/bin/sh
# showwork's nn::train against PyTorch on the digits network 64-32-10, from the same initial
# weights in the same run: 1,000 epochs of full-batch gradient descent, rate 0.5, float64, one
# thread, ReLU hidden layer, softmax + cross-entropy.
#
#   bench/nn_vs_torch.sh [BUILD_DIR]          (default: build-bench)
#   EPOCHS=20 bench/nn_vs_torch.sh            a quick check (default 1000)
#   PYTHON=/path/to/python3 …                 another Python with torch (default /usr/bin/python3)
#
# Needs:   BUILD_DIR/bench/nn_digits           meson setup BUILD_DIR -Dbench=true --buildtype=release
#                                              ninja -C BUILD_DIR bench/nn_digits
#          PyTorch for Debian's python3        apt-get install python3-torch
#                                              (without it: showwork's time alone and a message)
# Optional: OpenBLAS                           apt-get install libopenblas0-pthread
#                                              (without it: the reference-BLAS row only)
#
# The BLAS PyTorch uses is chosen per run with LD_LIBRARY_PATH, which the dynamic loader searches
# before the system's libblas.so.3 alternative: the system's selection is never changed.
#   reference BLAS    /usr/lib/x86_64-linux-gnu/blas and /usr/lib/x86_64-linux-gnu/lapack
#                     (Debian's libblas3 and liblapack3, what python3-torch gets by default)
#   OpenBLAS          /usr/lib/x86_64-linux-gnu/openblas-pthread (libopenblas0-pthread)
# both with OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1, and torch.set_num_threads(1) in the script.
# Each PyTorch run reports the BLAS library it had mapped; a run that loaded another than asked
# for is reported as such.
#
# After the table, a diagnostic: the same rows with showwork run by `nn_digits --keep-memory`
# (glibc's malloc told never to give freed memory back to the kernel), which shows what the
# matrices allocated afresh in every epoch cost.
#
# Prints one row per BLAS: showwork ms/epoch, PyTorch ms/epoch, the ratio showwork / PyTorch (below
# 1: showwork is faster), GFLOP/s of both, and the largest relative difference between the two loss
# histories (1,001 values; they must agree to 1e-9).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../build-bench}
epochs=${EPOCHS:-1000}
rate=0.5
program=$build/bench/nn_digits
python=${PYTHON:-/usr/bin/python3}  # Debian's Python, where python3-torch installs
multiarch=/usr/lib/x86_64-linux-gnu

if [ ! -x "$program" ]; then
    echo "nn_vs_torch: $program not built: meson setup $build -Dbench=true --buildtype=release && ninja -C $build bench/nn_digits" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/nn_vs_torch.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

echo "machine       $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
"$program" --out "$work" --epochs "$epochs" --rate "$rate"
# A diagnostic: the same training with malloc never giving memory back to the kernel.
mkdir -p "$work/keep"
echo
"$program" --out "$work/keep" --epochs "$epochs" --rate "$rate" --keep-memory

if ! "$python" -c 'import torch' 2>/dev/null; then
    echo
    echo "nn_vs_torch: PyTorch is not installed for $python: no comparison (apt-get install python3-torch)."
    exit 0
fi

rows=""
keep_rows=""
status=0
run_torch() {  # name, LD_LIBRARY_PATH
    name=$1
    dir=$work/$name
    mkdir -p "$dir"
    cp "$work/weights.json" "$dir/"
    echo
    echo "== PyTorch with $name (LD_LIBRARY_PATH=$2)"
    LD_LIBRARY_PATH=$2${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} "$python" "$here/nn_torch.py" "$dir" --epochs "$epochs" --rate "$rate"
    row=$("$python" "$here/nn_compare.py" "$work" "$dir" "$name") || status=1
    rows="$rows$row
"
    row=$("$python" "$here/nn_compare.py" "$work/keep" "$dir" "$name" "  the same, showwork --keep-memory") || status=1
    keep_rows="$keep_rows$row
"
}

run_torch "reference BLAS" "$multiarch/blas:$multiarch/lapack"
if [ -e "$multiarch/openblas-pthread/libblas.so.3" ]; then
    run_torch "OpenBLAS" "$multiarch/openblas-pthread"
else
    echo
    echo "nn_vs_torch: OpenBLAS not installed ($multiarch/openblas-pthread/libblas.so.3): no OpenBLAS row (apt-get install libopenblas0-pthread)."
fi

echo
"$python" "$here/nn_compare.py" --header
printf '%s' "$rows"
echo "diagnostic: showwork with malloc keeping freed memory (nn_digits --keep-memory; not how the library runs):"
printf '%s' "$keep_rows"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$status" = 0 ] || echo "nn_vs_torch: the loss histories differ by more than 1e-9 (the last column)" >&2
exit "$status"
