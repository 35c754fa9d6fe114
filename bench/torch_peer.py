#!/usr/bin/python3
"""The PyTorch peer of bench/peer: initlab's training step and its seed-activations study, in PyTorch.

Run by bench/peer_harness.py with Debian's /usr/bin/python3 (python3-torch, OpenBLAS), one thread:
the harness sets OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 and OPENBLAS_CORETYPE,
and this script calls torch.set_num_threads(1) and torch.set_num_interop_threads(1) first thing.
Every mode prints one JSON object on stdout.

  info                                      versions, the BLAS core type and thread counts
  blas --seconds S                          GFLOP/s of the step's widest products (X·W and Xᵀ·G of a
                                            784-256 layer at batch 150): to choose OPENBLAS_CORETYPE
  step --net 784-128-64-10/150 --optimizer sgd --warmup S --iterations N --iteration-time S
                                            µs per step of iterations time-boxed to S seconds
  study --data MNIST_DIR --runs 0,2,4 --epochs E
                                            trains runs of the 12 of seed-activations, in order

The step is initlab's (TrainingStepBenchmark): gather a shuffled minibatch of 784 float32 inputs
from 50,000 random examples, forward (Linear + ReLU, linear output), softmax cross-entropy (mean),
backward, optimizer update; Kaiming-uniform weights (PyTorch defaults), zero biases, lr 0.01.
Like initlab's Trainer.trainSteps it walks one fixed shuffled order and keeps the short last batch.
"""
import argparse
import ctypes
import ctypes.util
import gzip
import json
import os
import resource
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
torch.set_num_interop_threads(1)

# seed-activations: initializer × activation, in the order of initlab's grid (initializer outer).
INITIALIZERS = ["zero", "random", "xavier", "he"]
ACTIVATIONS = ["relu", "tanh", "sigmoid"]
RUNS = [(i, a) for i in INITIALIZERS for a in ACTIVATIONS]


def openblas():
    """The OpenBLAS that torch's BLAS calls go to (Debian: libblas.so.3 → openblas-pthread), or None."""
    for name in ("libblas.so.3", ctypes.util.find_library("openblas") or "libopenblas.so.0"):
        try:
            lib = ctypes.CDLL(name)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            lib.openblas_get_config.restype = ctypes.c_char_p
            return lib
        except (OSError, AttributeError):
            continue
    return None


def info():
    lib = openblas()
    return {
        "torch": torch.__version__,
        "python": sys.version.split()[0],
        "blas_core": lib.openblas_get_corename().decode() if lib else None,
        "blas_config": lib.openblas_get_config().decode() if lib else None,
        "blas_threads": lib.openblas_get_num_threads() if lib else None,
        "torch_threads": torch.get_num_threads(),
        "torch_interop_threads": torch.get_num_interop_threads(),
        "coretype_env": os.environ.get("OPENBLAS_CORETYPE"),
    }


def activation(name):
    return {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid}[name]


def build(widths, init, generator):
    """Linear layers widths[0]→…→widths[-1]; weights by `init`, biases zero (seed.yaml's bias_initializer)."""
    layers = []
    for fan_in, fan_out in zip(widths, widths[1:]):
        layer = torch.nn.Linear(fan_in, fan_out)
        with torch.no_grad():
            w = layer.weight
            if init == "zero":
                torch.nn.init.zeros_(w)
            elif init == "random":
                w.normal_(0.0, 1.0, generator=generator)          # N(0, 1)
            elif init == "xavier":
                # U(−a, a), a = gain·√(6/(fan_in+fan_out)), gain 1 (Glorot & Bengio 2010; nn.init.xavier_uniform_)
                a = (6.0 / (fan_in + fan_out)) ** 0.5
                w.uniform_(-a, a, generator=generator)
            elif init == "he":
                # nn.init.kaiming_uniform_ defaults (a=0, fan_in, leaky_relu): gain √2, bound √(6/fan_in)
                a = (6.0 / fan_in) ** 0.5
                w.uniform_(-a, a, generator=generator)
            else:
                raise ValueError(init)
            torch.nn.init.zeros_(layer.bias)
        layers.append(layer)
    return torch.nn.ModuleList(layers)


def forward(layers, act, x):
    last = len(layers) - 1
    for i, layer in enumerate(layers):
        x = layer(x)
        if i < last:
            x = act(x)
    return x


def optimizer(name, params):
    if name == "sgd":
        return torch.optim.SGD(params, lr=0.01)
    if name == "adam":
        return torch.optim.Adam(params, lr=0.01)  # β = (0.9, 0.999), ε = 1e-8, as initlab's defaults
    raise ValueError("unknown optimizer " + name)


def cpu_seconds():
    """User + system CPU time of the whole process, all threads: > wall time means a second core was used."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def step_mode(args):
    widths_text, batch_text = args.net.split("/")
    widths = [int(w) for w in widths_text.split("-")]
    batch = int(batch_text)
    g = torch.Generator().manual_seed(1)
    n = 50_000
    x = torch.rand(n, widths[0], generator=g)
    y = torch.randint(0, widths[-1], (n,), generator=g)
    order = torch.randperm(n, generator=g)
    layers = build(widths, "he", g)
    opt = optimizer(args.optimizer, layers.parameters())
    pos = 0
    steps = 0

    def run(count):
        nonlocal pos, steps
        loss = None
        for _ in range(count):
            if pos >= n:
                pos = 0
            rows = min(batch, n - pos)
            idx = order[pos:pos + rows]
            pos += rows
            logits = forward(layers, torch.relu, x.index_select(0, idx))
            loss = F.cross_entropy(logits, y.index_select(0, idx))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
        steps += count
        return loss

    def timed(seconds):
        """Steps in chunks until `seconds` have passed; returns (µs per step, CPU seconds, wall seconds)."""
        chunk, done = 10, 0
        c0, t0 = cpu_seconds(), time.perf_counter()
        while True:
            run(chunk)
            done += chunk
            t = time.perf_counter() - t0
            if t >= seconds:
                return t / done * 1e6, cpu_seconds() - c0, t

    timed(args.warmup)
    us, cpu = [], []
    for _ in range(args.iterations):
        u, c, w = timed(args.iteration_time)
        us.append(u)
        cpu.append(c / w)
    loss = float(run(1).item())
    return {"us_per_step": us, "cpu_over_wall": cpu, "steps": steps, "loss": loss, **info()}


def blas_mode(args):
    """Best GFLOP/s over chunks of 2·150·256·784-flop products, X·W (forward) and Xᵀ·G (weight gradient),
    timed in the thread's CPU time: on a shared machine the time other processes hold the core is left out."""
    g = torch.Generator().manual_seed(1)
    x, w, grad = torch.rand(150, 784, generator=g), torch.rand(784, 256, generator=g), torch.rand(150, 256, generator=g)
    flops = 2 * 150 * 256 * 784
    out = {}
    for name, f in (("nn", lambda: x @ w), ("tn", lambda: x.t() @ grad)):
        best, end = 0.0, time.perf_counter() + args.seconds / 2
        while time.perf_counter() < end:
            t0 = time.thread_time()
            for _ in range(20):
                f()
            best = max(best, 20 * flops / max(time.thread_time() - t0, 1e-9) / 1e9)
        out[name + "_gflops"] = best
    return {**out, **info()}


def read_idx(path):
    """IDX file (LeCun's MNIST format): big-endian magic (0, 0, type 0x08 = uint8, ndim), ndim sizes, data."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    t = torch.frombuffer(bytearray(data[4 + 4 * ndim:]), dtype=torch.uint8)
    return t.reshape(dims)


def load_mnist(folder):
    """pixels/255 as float32; training = first 50,000 of the training set, validation = its last 10,000."""
    def images(name):
        return read_idx(os.path.join(folder, name)).reshape(-1, 784).to(torch.float32) / 255.0

    def labels(name):
        return read_idx(os.path.join(folder, name)).to(torch.int64)

    xtr, ytr = images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz")
    xte, yte = images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz")
    return (xtr[:50_000], ytr[:50_000]), (xtr[50_000:], ytr[50_000:]), (xte, yte)


@torch.no_grad()
def evaluate(layers, act, split):
    """Mean cross-entropy and accuracy over the split, in batches of 1000 (initlab's evaluation batch)."""
    x, y = split
    loss, correct = 0.0, 0
    for s in range(0, len(y), 1000):
        logits = forward(layers, act, x[s:s + 1000])
        loss += float(F.cross_entropy(logits, y[s:s + 1000], reduction="sum"))
        correct += int((logits.argmax(1) == y[s:s + 1000]).sum())
    return loss / len(y), correct / len(y)


def study_mode(args):
    t_start = time.perf_counter()
    train, val, test = load_mnist(args.data)
    xtr, ytr = train
    n = len(ytr)
    results = []
    for r in (int(i) for i in args.runs.split(",")):
        init, act_name = RUNS[r]
        t0 = time.perf_counter()
        g = torch.Generator().manual_seed(r)
        layers = build([784, 128, 64, 10], init, g)
        act = activation(act_name)
        opt = torch.optim.SGD(layers.parameters(), lr=0.01)
        history = [(0, *evaluate(layers, act, val), *evaluate(layers, act, test))]
        for epoch in range(1, args.epochs + 1):
            order = torch.randperm(n, generator=g)
            for s in range(0, n, 150):  # keeps the last batch of 50, like initlab and DataLoader(drop_last=False)
                idx = order[s:s + 150]
                loss = F.cross_entropy(forward(layers, act, xtr.index_select(0, idx)), ytr.index_select(0, idx))
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
            history.append((epoch, *evaluate(layers, act, val), *evaluate(layers, act, test)))
        last = history[-1]
        results.append({"run": r, "initializer": init, "activation": act_name, "epochs": args.epochs,
                        "val_loss": last[1], "val_accuracy": last[2], "test_loss": last[3], "test_accuracy": last[4],
                        "seconds": time.perf_counter() - t0})
    return {"runs": results, "seconds": time.perf_counter() - t_start, **info()}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="mode", required=True)
    sub.add_parser("info")
    b = sub.add_parser("blas")
    b.add_argument("--seconds", type=float, default=1.0)
    s = sub.add_parser("step")
    s.add_argument("--net", required=True, help="widths/batch, e.g. 784-128-64-10/150")
    s.add_argument("--optimizer", default="sgd", choices=["sgd", "adam"])
    s.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up")
    s.add_argument("--iterations", type=int, default=5)
    s.add_argument("--iteration-time", type=float, default=1.0, help="seconds per measured iteration")
    st = sub.add_parser("study")
    st.add_argument("--data", required=True, help="folder of MNIST's four IDX .gz files")
    st.add_argument("--runs", required=True, help="comma-separated indices 0..11 into initializer × activation")
    st.add_argument("--epochs", type=int, default=35)
    a = p.parse_args()
    modes = {"info": info, "blas": lambda: blas_mode(a), "step": lambda: step_mode(a), "study": lambda: study_mode(a)}
    print(json.dumps(modes[a.mode]()), flush=True)


if __name__ == "__main__":
    main()
