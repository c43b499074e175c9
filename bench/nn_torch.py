#!/usr/bin/python3
"""PyTorch's side of bench/nn_vs_torch.sh: the digits network 64-32-10 trained from showwork's weights.

    nn_torch.py DIR [--epochs N] [--rate R]

Reads DIR/weights.json (written by bench/nn_digits: layers[].W is inputs x neurons, the row
convention; PyTorch's Linear.weight is neurons x inputs, so it is transposed) and
data/digits_train.csv, and trains in float64 on one thread: ReLU hidden layer, logits out,
torch.nn.functional.cross_entropy (the mean over the examples, the same as showwork's
cross-entropy after softmax), full batch, plain gradient descent p <- p - rate * grad. The loss
history is the loss on the whole training set before training and after each epoch (epochs + 1
values, as nn::train records it): the loss of epoch k's forward pass is the loss after epoch
k - 1, and one more forward pass gives the loss after the last epoch.

A time is the median of three runs after a warm-up run, each from the same weights. Writes
DIR/torch_history.txt (one loss per line, %.17g) and DIR/torch_time.txt ("seconds_per_run epochs
blas"), and prints which BLAS library the process loaded.
"""
import csv
import json
import os
import statistics
import sys
import time
from fractions import Fraction

try:
    import torch
except ImportError:
    print("nn_torch.py: PyTorch is not installed for " + sys.executable +
          " (Debian: apt-get install python3-torch)", file=sys.stderr)
    sys.exit(3)

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "digits_train.csv")


def number(cell):
    """A weights-file number: a string read exactly ("1/3", "0.1", "1e-3") or a JSON number."""
    if isinstance(cell, str):
        return float(Fraction(cell)) if "/" in cell else float(cell)
    return float(cell)


def read_digits(path):
    """X (m x 64, pixels already / 16) and the digits (m), skipping '#' comments and the header."""
    with open(path, newline="") as f:
        rows = [r for r in csv.reader(line for line in f if not line.startswith("#") and line.strip())]
    header, rows = rows[0], rows[1:]
    assert header[-1].strip() == "digit" and len(header) == 65, header
    X = torch.tensor([[float(c) for c in r[:64]] for r in rows], dtype=torch.float64)
    y = torch.tensor([int(float(r[64])) for r in rows], dtype=torch.long)
    return X, y


def read_weights(path):
    with open(path) as f:
        layers = json.load(f)["layers"]
    out = []
    for layer in layers:
        W = torch.tensor([[number(c) for c in row] for row in layer["W"]], dtype=torch.float64)  # inputs x neurons
        b = layer["b"]
        b = b[0] if b and isinstance(b[0], list) else b
        out.append((W, torch.tensor([number(c) for c in b], dtype=torch.float64), layer.get("activation")))
    return out


def blas_loaded():
    """The BLAS shared library mapped into this process (after a product has run)."""
    names = set()
    with open("/proc/self/maps") as f:
        for line in f:
            path = line.split()[-1] if len(line.split()) >= 6 else ""
            base = os.path.basename(path)
            if "blas" in base or "mkl" in base or "blis" in base:
                names.add(os.path.realpath(path))
    return ", ".join(sorted(names)) or "none mapped"


def blas_name(paths):
    if "openblas" in paths:
        return "OpenBLAS" + (" (pthread)" if "pthread" in paths else "")
    if "/blas/libblas" in paths:
        return "reference BLAS"
    if "mkl" in paths:
        return "MKL"
    if "blis" in paths:
        return "BLIS"
    return paths


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    out = args[0]
    epochs, rate = 1000, 0.5
    i = 1
    while i < len(args):
        if args[i] == "--epochs":
            epochs = int(args[i + 1])
        elif args[i] == "--rate":
            rate = float(args[i + 1])
        else:
            sys.exit("nn_torch.py: unknown option " + args[i])
        i += 2

    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    X, y = read_digits(DATA)
    start = read_weights(os.path.join(out, "weights.json"))
    assert [h for _, _, h in start] in ([None, None], ["relu", "softmax"]), "expected relu, softmax"
    assert start[0][0].shape == (64, 32) and start[1][0].shape == (32, 10)

    def make_model():
        model = torch.nn.Sequential(torch.nn.Linear(64, 32, dtype=torch.float64), torch.nn.ReLU(),
                                    torch.nn.Linear(32, 10, dtype=torch.float64))
        with torch.no_grad():
            for linear, (W, b, _) in zip((model[0], model[2]), start):
                linear.weight.copy_(W.t())  # neurons x inputs
                linear.bias.copy_(b)
        return model

    def run():
        model = make_model()
        parameters = list(model.parameters())
        history = []
        for _ in range(epochs):
            loss = torch.nn.functional.cross_entropy(model(X), y)
            history.append(loss.item())
            for p in parameters:
                p.grad = None
            loss.backward()
            with torch.no_grad():
                for p in parameters:
                    p.sub_(p.grad * rate)  # p - rate * grad, one rounding each as showwork's update
        with torch.no_grad():
            history.append(torch.nn.functional.cross_entropy(model(X), y).item())
        return history

    def timed():
        t = time.perf_counter()
        h = run()
        return time.perf_counter() - t, h

    _, history = timed()  # warm-up
    times = []
    for _ in range(3):
        seconds, h = timed()
        assert h == history, "PyTorch gave a different history in another run"
        times.append(seconds)
    seconds = statistics.median(times)
    paths = blas_loaded()
    with open(os.path.join(out, "torch_history.txt"), "w") as f:
        f.writelines("%.17g\n" % e for e in history)
    with open(os.path.join(out, "torch_time.txt"), "w") as f:
        f.write("%.9g %d %s\n" % (seconds, epochs, blas_name(paths)))
    print("PyTorch       %s, %d thread(s), BLAS loaded: %s" % (torch.__version__, torch.get_num_threads(), paths))
    print("PyTorch       %.2f ms per epoch (%.3f s per run, median of 3 after a warm-up; runs %s)" %
          (seconds / epochs * 1e3, seconds, ", ".join("%.3f" % t for t in times)))
    print("loss          %.17g before, %.17g after epoch %d" % (history[0], history[-1], epochs))


if __name__ == "__main__":
    main()
