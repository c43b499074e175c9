#!/usr/bin/python3
"""One table row of bench/nn_vs_torch.sh: showwork's and PyTorch's times and loss histories.

    nn_compare.py SHOWWORK_DIR TORCH_DIR NAME [LABEL]   the row (fails when the histories differ by > 1e-9)
    nn_compare.py --header                        the table's header

SHOWWORK_DIR holds showwork_history.txt and showwork_time.txt (bench/nn_digits), TORCH_DIR
torch_history.txt and torch_time.txt (bench/nn_torch.py). GFLOP/s counts the matrix products of
an epoch: forward 2m(64*32 + 32*10), dE/dW 2m(64*32 + 32*10), d(1) = G W2^T 2m*32*10.
Needs no PyTorch.
"""
import os
import sys

M, SIZES = 1348, (64, 32, 10)
TOLERANCE = 1e-9
FORMAT = "%-42s %12s %-26s %12s %7s %13s %13s  %s"


def epoch_flops(m=M, sizes=SIZES):
    weights = sum(a * b for a, b in zip(sizes, sizes[1:]))
    hidden_back = sum(a * b for a, b in zip(sizes[1:], sizes[2:]))
    return 2 * m * weights + 2 * m * weights + 2 * m * hidden_back


def history(path):
    with open(path) as f:
        return [float(line) for line in f if line.strip()]


def main():
    if sys.argv[1:] == ["--header"]:
        print(FORMAT % ("operation", "showwork", "PyTorch", "PyTorch", "ratio", "sw GFLOP/s", "torch GFLOP/s",
                        "max rel. history diff"))
        print(FORMAT % ("", "ms/epoch", "(BLAS)", "ms/epoch", "", "", "", ""))
        return
    sw_dir, torch_dir, name = sys.argv[1:4]
    label_text = sys.argv[4] if len(sys.argv) > 4 else "digits MLP 64-32-10, %d epochs"
    with open(os.path.join(sw_dir, "showwork_time.txt")) as f:
        sw_seconds, sw_epochs = f.read().split()[:2]
    with open(os.path.join(torch_dir, "torch_time.txt")) as f:
        fields = f.read().split(None, 2)
        torch_seconds, torch_epochs, blas = fields[0], fields[1], fields[2].strip()
    epochs = int(sw_epochs)
    assert int(torch_epochs) == epochs, "the two sides ran different numbers of epochs"
    sw_ms = float(sw_seconds) / epochs * 1e3
    torch_ms = float(torch_seconds) / epochs * 1e3
    a, b = history(os.path.join(sw_dir, "showwork_history.txt")), history(os.path.join(torch_dir, "torch_history.txt"))
    assert len(a) == len(b) == epochs + 1, "history lengths %d and %d, not %d" % (len(a), len(b), epochs + 1)
    worst, at = 0.0, 0
    for k, (x, y) in enumerate(zip(a, b)):
        d = abs(x - y) / max(abs(x), abs(y), 1e-300)
        if d > worst:
            worst, at = d, k
    flops = epoch_flops()
    label = blas if blas.lower().startswith(name.lower()[:8]) else "%s (asked for %s)" % (blas, name)
    print(FORMAT % (label_text.replace("%d", str(epochs)), "%.3f" % sw_ms, label, "%.3f" % torch_ms,
                    "%.2f" % (sw_ms / torch_ms), "%.2f" % (flops / sw_ms * 1e-6), "%.2f" % (flops / torch_ms * 1e-6),
                    "%.1e (epoch %d)%s" % (worst, at, "" if worst <= TOLERANCE else "  OVER 1e-9")))
    if worst > TOLERANCE:
        sys.exit(1)


if __name__ == "__main__":
    main()
