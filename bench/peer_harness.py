"""bench/peer: initlab against PyTorch on the same machine, in the same run (see BENCHMARKS.md).

Measures, interleaving the contenders (initlab, PyTorch 1.13 on OpenBLAS, PyTorch 2.7.1 through DJL,
then again in that order) so that drifting load on a shared machine hits all alike:
  1. training steps on one thread: µs per step (median and spread), the ratio to initlab, and the
     step's flops as a fraction of the FMA peak measured in the same run (bench/run gemm fmaPeak);
  2. the seed-activations study with one seed on two cores: wall time of the whole study on each side,
     and the final test accuracies side by side as a check that all do the same arithmetic.
Standard library only: a missing PyTorch or DJL is reported in one line and the rest is measured.
"""
import argparse
import datetime
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYTHON = "/usr/bin/python3"  # Debian's: python3-torch and numpy live there, not in a pyenv
TORCH_PEER = os.path.join(ROOT, "bench", "torch_peer.py")
DJL_DIR = os.path.join(ROOT, "bench", "djl")

# (net "widths/batch", optimizer): the step benchmarks
STEPS = [("784-128-64-10/150", "sgd"), ("784-256-256-10/150", "sgd"),
         ("784-256-256-10/150", "adam"), ("784-512-256-128-64-32-16-10/128", "sgd")]
# OPENBLAS_CORETYPE candidates ("" = OpenBLAS's own detection); the fastest is used
CORETYPES = ["", "Haswell", "SkylakeX", "Cooperlake", "Zen"]
# one thread per process: OpenBLAS and OpenMP would otherwise take the second core
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
# a peer whose CPU time exceeds its wall time by more than this used a second core
CPU_OVER_WALL_LIMIT = 1.25

INITIALIZERS = ["zero", "random", "xavier", "he"]
JMH_LOCKED = "Unable to acquire the JMH lock"
JMH_LOCK_WAIT = 600  # seconds
ACTIVATIONS = ["relu", "tanh", "sigmoid"]


def say(line=""):
    print(line, flush=True)


def step_flops(net):
    """Flops of one step: per layer of in×out at batch B, three GEMMs of 2·B·in·out (forward X·W,
    weight gradient Xᵀ·G, input gradient G·Wᵀ), less the first layer's input gradient (the input
    needs none): 2·B·(3·Σ in·out − in₁·out₁). Biases, activations, the loss and the update are not counted."""
    widths, batch = net.split("/")
    w = [int(x) for x in widths.split("-")]
    b = int(batch)
    products = [i * o for i, o in zip(w, w[1:])]
    return 2 * b * (3 * sum(products) - products[0])


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def cpu_model():
    fields = {}
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    flags = fields.get("Flags", "")
    isa = "AVX-512" if "avx512f" in flags else "AVX2" if "avx2" in flags else "no AVX2"
    return (f"{fields.get('Model name', '?')} (family {fields.get('CPU family', '?')}, model {fields.get('Model', '?')}), "
            f"{fields.get('CPU(s)', os.cpu_count())} CPUs, {isa}")


def run(cmd, env=None, timeout=None, cwd=ROOT):
    """Runs cmd; returns (exit code, stdout, stderr, seconds)."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr, time.perf_counter() - t0
    except subprocess.TimeoutExpired as e:
        return -1, e.stdout or "", f"timed out after {timeout} s", time.perf_counter() - t0
    except OSError as e:
        return -1, "", str(e), time.perf_counter() - t0


def last_json(text):
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no JSON line in the output")


def brief(stderr):
    """The line of a failed command's output that says what went wrong."""
    lines = [l.strip() for l in stderr.strip().splitlines() if l.strip() and "WARNING" not in l and "WARN " not in l]
    for line in lines:
        if re.search(r"ERROR|Exception|Error:|error:", line):
            return line
    return lines[-1] if lines else "no message"


def shown(cmd):
    """A command as the user would type it from the repository root (the DJL classpath abbreviated)."""
    out = []
    for i, a in enumerate(cmd):
        if i > 0 and cmd[i - 1] == "-cp" and "djl-peer" in a:
            out.append("bench/djl/target/djl-peer-1.jar:$(cat bench/djl/target/classpath.txt)")
            continue
        rel = a.replace(ROOT + "/", "")
        out.append(shlex.quote("./" + rel if i == 0 and rel != a and "/" not in rel else rel))
    return " ".join(out)


def pinned(cmd, cpu):
    return (["taskset", "-c", str(cpu)] + cmd) if cpu is not None and shutil.which("taskset") else cmd


class Peak:
    """fmaPeak iterations: GFLOP/s of wall time, and per CPU second (wall GFLOP/s / the process's CPU share)."""

    def __init__(self, gflops, cpu):
        self.gflops = gflops
        self.per_cpu = [g / c for g, c in zip(gflops, cpu) if c > 0.05] if len(cpu) == len(gflops) else []

    def describe(self):
        text = f"best {max(self.gflops):.0f}, median {median(self.gflops):.0f} GFLOP/s"
        return text + (f"; per CPU second: median {median(self.per_cpu):.0f}" if self.per_cpu else "")


class Initlab:
    """initlab through bench/run (JMH) and ./initlab: survives changes of the trainer's API."""
    name = "initlab"

    def __init__(self, args, tmp):
        self.args, self.tmp = args, tmp
        self.env = dict(os.environ)
        self.built = False
        self.version = {}

    def jmh(self, bench, jmh_args):
        out = os.path.join(self.tmp, "jmh.json")
        if os.path.exists(out):
            os.remove(out)
        cmd = [os.path.join(ROOT, "bench", "run"), bench] + jmh_args + ["-rf", "json", "-rff", out]
        env = dict(self.env)
        if self.built:
            env["INITLAB_BENCH_PREBUILT"] = "1"
        waited = 0
        while True:
            code, stdout, stderr, _ = run(pinned(cmd, self.args.pin), env=env, timeout=1800)
            if code == 0 or JMH_LOCKED not in stderr:
                break
            # another JMH run on this machine holds /tmp/jmh.lock: wait for it (it would disturb ours), then overrule it
            if waited == 0:
                say(f"  another JMH benchmark is running on this machine (/tmp/jmh.lock); waiting up to {JMH_LOCK_WAIT // 60} min")
            if waited >= JMH_LOCK_WAIT:
                say("  still locked: running alongside it (-Djmh.ignoreLock=true); these figures share the machine with it")
                env["JAVA_TOOL_OPTIONS"] = (env.get("JAVA_TOOL_OPTIONS", "") + " -Djmh.ignoreLock=true").strip()
                continue
            time.sleep(10)
            waited += 10
        if code != 0 or not os.path.exists(out):
            raise SystemExit(f"bench/peer: '{' '.join(cmd)}' failed (exit {code}): {brief(stderr or stdout)}")
        self.built = True
        with open(out) as f:
            result = json.load(f)[0]
        self.version = {"jdk": result.get("vmVersion"), "jvm": result.get("vmName")}
        return cmd, result

    def fma_peak(self, plan):
        cmd, r = self.jmh("gemm", ["fmaPeak", "-f", "1", "-wi", str(plan.peak_warmup), "-i", str(plan.peak_iterations),
                                   "-prof", "org.initlab.bench.CpuTimeProfiler"])
        m = r["primaryMetric"]
        xs = [x for fork in m["rawData"] for x in fork]
        gflops = xs if m["scoreUnit"] == "ops/ns" else [1 / x for x in xs]
        cpu = [x for fork in r.get("secondaryMetrics", {}).get("cpu/wall", {}).get("rawData", []) for x in fork]
        return cmd, Peak(gflops, cpu)

    def step(self, net, optimizer, plan):
        cmd, r = self.jmh("step", ["-p", f"net={net}", "-p", f"optimizer={optimizer}", "-f", "1",
                                   "-wi", str(plan.warmup), "-w", "1", "-i", str(plan.iterations), "-r", str(plan.iteration_time),
                                   "-prof", "org.initlab.bench.CpuTimeProfiler"])
        m = r["primaryMetric"]
        if m["scoreUnit"] != "us/op":
            raise SystemExit(f"bench/peer: TrainingStepBenchmark reports {m['scoreUnit']}, expected us/op")
        cpu = r.get("secondaryMetrics", {}).get("cpu/wall", {}).get("rawData", [])
        return cmd, {"us_per_step": [x for fork in m["rawData"] for x in fork], "cpu_over_wall": [x for fork in cpu for x in fork]}

    def study(self, data_dir, epochs, plan):
        out = os.path.join(self.tmp, "initlab-study")
        shutil.rmtree(out, ignore_errors=True)
        cmd = [os.path.join(ROOT, "initlab"), "run", "seed-activations", "--seeds", "1", "--jobs", "2",
               "--data-dir", data_dir, "--no-report", "--out", out]
        if epochs != 35:
            cmd += ["--epochs", str(epochs)]
        code, stdout, stderr, seconds = run(cmd, env=self.env, timeout=7200)
        if code != 0:
            raise SystemExit(f"bench/peer: '{' '.join(cmd)}' failed (exit {code}): {brief(stderr or stdout)}")
        acc = {}
        # progress lines: "[3/12] zero · sigmoid: test acc 11.35%, val acc 10.64%, 0.4 s  (id)"
        for m in re.finditer(r"\]\s+(\w+)\s+·\s+(\w+):\s+test acc\s+([\d.]+)%", stdout):
            acc[(m.group(1), m.group(2))] = float(m.group(3)) / 100
        return [cmd], seconds, acc

    def prepare_launcher(self):
        """Builds target/initlab.jar now if the sources changed, so the study's time excludes it."""
        code, stdout, stderr, _ = run([os.path.join(ROOT, "initlab"), "--version"], timeout=1800)
        if code != 0:
            raise SystemExit(f"bench/peer: ./initlab --version failed: {brief(stderr or stdout)}")


class Peer:
    """A PyTorch peer: a command prefix that takes torch_peer.py's modes and prints one JSON line."""

    def __init__(self, name, prefix, env, args):
        self.name, self.prefix, self.env, self.args = name, prefix, env, args
        self.available, self.why = True, ""
        self.version = {}
        self.coretype_why = "given with --coretype"

    def call(self, mode_args, timeout=900, cpu=None):
        cmd = pinned(self.prefix + mode_args, cpu)
        code, stdout, stderr, seconds = run(cmd, env=self.env, timeout=timeout)
        if code != 0:
            raise RuntimeError(f"exit {code}: {brief(stderr or stdout)}")
        return cmd, last_json(stdout), seconds

    def step(self, net, optimizer, plan):
        cmd, r, _ = self.call(["step", "--net", net, "--optimizer", optimizer, "--warmup", str(plan.peer_warmup),
                               "--iterations", str(plan.iterations), "--iteration-time", str(plan.iteration_time)],
                              cpu=self.args.pin)
        return cmd, r

    def study(self, mnist_dir, epochs, plan):
        """Two processes, runs split alternately (0, 2, … and 1, 3, …), started together; wall time of both."""
        cmds, procs = [], []
        t0 = time.perf_counter()
        for k in range(2):
            runs = ",".join(str(i) for i in range(k, 12, 2))
            cmd = pinned(self.prefix + ["study", "--data", mnist_dir, "--runs", runs, "--epochs", str(epochs)],
                         k if self.args.pin is not None else None)
            cmds.append(cmd)
            procs.append(subprocess.Popen(cmd, cwd=ROOT, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        outs = [p.communicate(timeout=7200) for p in procs]
        seconds = time.perf_counter() - t0
        acc = {}
        for p, (stdout, stderr) in zip(procs, outs):
            if p.returncode != 0:
                raise RuntimeError(f"exit {p.returncode}: {brief(stderr or stdout)}")
            for r in last_json(stdout)["runs"]:
                acc[(r["initializer"], r["activation"])] = r["test_accuracy"]
        return cmds, seconds, acc


def torch_peer(args, jdk):
    env = dict(os.environ, **ONE_THREAD)
    env.pop("OPENBLAS_CORETYPE", None)
    peer = Peer("PyTorch 1.13 (OpenBLAS)", [PYTHON, TORCH_PEER], env, args)
    if not os.access(PYTHON, os.X_OK):
        peer.available, peer.why = False, f"{PYTHON} not found (apt-get install python3-torch libopenblas0-pthread)"
        return peer
    try:
        _, info, _ = peer.call(["info"], timeout=300)
    except RuntimeError as e:
        peer.available, peer.why = False, f"{PYTHON} cannot import torch ({e}); apt-get install python3-torch"
        return peer
    if not info.get("blas_core"):
        peer.available, peer.why = False, "torch's BLAS is not OpenBLAS (no openblas_get_corename); apt-get install libopenblas0-pthread"
        return peer
    if info.get("blas_threads") != 1 or info.get("torch_threads") != 1:
        peer.available, peer.why = False, (f"runs {info.get('blas_threads')} OpenBLAS and {info.get('torch_threads')} torch threads "
                                           "despite OPENBLAS_NUM_THREADS=1 and torch.set_num_threads(1): a comparison would be void")
        return peer
    peer.version = info
    return peer


def choose_coretype(peer, args, plan):
    """Times the step's widest products under each OPENBLAS_CORETYPE and keeps the fastest."""
    default = peer.version.get("blas_core")
    if args.coretype:
        peer.env["OPENBLAS_CORETYPE"] = args.coretype
        _, info, _ = peer.call(["info"])
        say(f"OpenBLAS core type: {info['blas_core']} (given with --coretype; OpenBLAS's own detection says {default})")
        peer.version = info
        return []
    rows = []
    for ct in CORETYPES:
        env = dict(peer.env)
        env.pop("OPENBLAS_CORETYPE", None)
        if ct:
            env["OPENBLAS_CORETYPE"] = ct
        code, stdout, stderr, _ = run(pinned([PYTHON, TORCH_PEER, "blas", "--seconds", str(plan.coretype_seconds)], args.pin), env=env, timeout=300)
        if code != 0:
            rows.append((ct or "(unset)", "failed: " + brief(stderr), 0.0, 0.0))
            continue
        r = last_json(stdout)
        rows.append((ct or "(unset)", r["blas_core"], r["nn_gflops"], r["tn_gflops"]))
    best = max(rows, key=lambda r: r[2] + r[3])
    default = rows[0]
    # OpenBLAS's own choice stands unless a core type is clearly faster: noise moves these by up to ~5 %; a wrong
    # kernel costs far more (Prescott, SSE3, on Zen 4: 37 GFLOP/s against 95 for X·W)
    if best[0] != "(unset)" and best[2] + best[3] > 1.10 * (default[2] + default[3]):
        peer.env["OPENBLAS_CORETYPE"] = best[0]
        peer.coretype_why = f"the fastest here, {(best[2] + best[3]) / max(default[2] + default[3], 1e-9) - 1:.0%} over OpenBLAS's own choice"
    else:
        peer.coretype_why = "OpenBLAS's own choice: no core type was more than 10 % faster"
    _, peer.version, _ = peer.call(["info"])
    return rows


def djl_peer(args, jdk):
    env = dict(os.environ, **ONE_THREAD)
    peer = Peer("PyTorch 2.7.1 (DJL)", [], env, args)
    if args.no_djl:
        peer.available, peer.why = False, "left out (--no-djl)"
        return peer
    if not shutil.which("mvn"):
        peer.available, peer.why = False, "Maven (mvn) not found to build bench/djl"
        return peer
    jar = os.path.join(DJL_DIR, "target", "djl-peer-1.jar")
    cp_file = os.path.join(DJL_DIR, "target", "classpath.txt")
    src = os.path.join(DJL_DIR, "src", "main", "java", "org", "initlab", "peer", "DjlPeer.java")
    pom = os.path.join(DJL_DIR, "pom.xml")
    stale = not (os.path.exists(jar) and os.path.exists(cp_file)) or max(os.path.getmtime(src), os.path.getmtime(pom)) > os.path.getmtime(jar)
    if stale:
        build_env = dict(os.environ, JAVA_HOME=jdk)
        goals = ["package", "dependency:build-classpath", "-Dmdep.includeScope=runtime", f"-Dmdep.outputFile={cp_file}"]
        # offline first (everything resolved before), then with Maven Central (the first time only)
        code, out, err, _ = run(["mvn", "-q", "-B", "-o", "-f", pom] + goals, env=build_env, timeout=1800)
        if code != 0:
            say("DJL peer: resolving DJL 0.36.0 and libtorch 2.7.1 from Maven Central (first use only, ~120 MB)...")
            code, out, err, _ = run(["mvn", "-q", "-B", "-f", pom] + goals, env=build_env, timeout=3600)
        if code != 0:
            peer.available, peer.why = False, f"cannot build bench/djl (no network to Maven Central the first time?): {brief(err or out)}"
            return peer
    with open(cp_file) as f:
        classpath = jar + os.pathsep + f.read().strip()
    peer.prefix = [os.path.join(jdk, "bin", "java"),
                   "-Dai.djl.offline=true",  # never the network: libtorch comes out of the pytorch-native-cpu jar
                   f"-DENGINE_CACHE_DIR={os.path.join(DJL_DIR, 'target', 'djl-cache')}",  # where DJL unpacks it
                   "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
                   "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error",
                   "--enable-native-access=ALL-UNNAMED", "-XX:+UseParallelGC", "-cp", classpath, "org.initlab.peer.DjlPeer"]
    try:
        _, peer.version, _ = peer.call(["info"], timeout=300)
    except RuntimeError as e:
        peer.available, peer.why = False, f"DJL cannot load libtorch: {e}"
    return peer


class Plan:
    def __init__(self, quick, args):
        self.rounds = args.rounds or (2 if quick else 5)
        self.warmup = 3 if quick else 5          # JMH warm-up iterations of 1 s (the Vector API needs C2)
        self.peer_warmup = 2 if quick else 3     # seconds
        self.iterations = 3 if quick else 5      # measured iterations of iteration_time seconds per round
        self.iteration_time = 1
        self.peak_warmup, self.peak_iterations = (2, 5) if quick else (3, 10)
        self.coretype_seconds = 0.5 if quick else 1.0
        self.epochs = args.epochs or (2 if quick else 35)
        self.study_repeats = args.study_repeats


def resolve_mnist(given):
    """The folder holding MNIST's four IDX .gz files: `given` itself or given/mnist."""
    files = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]
    for d in (given, os.path.join(given, "mnist")):
        if all(os.path.isfile(os.path.join(d, f)) for f in files):
            return os.path.abspath(d)
    return None


def fmt_spread(xs):
    if not xs:
        return "–"
    q = statistics.quantiles(xs, n=4) if len(xs) >= 2 else [xs[0]] * 3
    return f"{median(xs):.0f} [{q[0]:.0f}–{q[2]:.0f}]"


def spread_of_ratios(peer_rounds, base_rounds):
    rs = [a / b for a, b in zip(peer_rounds, base_rounds)]
    return f"{median(rs):.2f} [{min(rs):.2f}–{max(rs):.2f}]" if rs else "–"


def main():
    p = argparse.ArgumentParser(prog="bench/peer", description="initlab versus PyTorch, interleaved, in one run (see BENCHMARKS.md).")
    p.add_argument("--quick", action="store_true", help="2 rounds of shorter step measurements and a 2-epoch study (~5 min)")
    p.add_argument("--data", metavar="DIR", help="MNIST's IDX .gz files (DIR or DIR/mnist); default $INITLAB_DATA")
    p.add_argument("--only", choices=["steps", "study"], help="measure only the steps or only the study")
    p.add_argument("--rounds", type=int, help="interleaved rounds per step benchmark (default 5, --quick 2)")
    p.add_argument("--epochs", type=int, help="epochs of the study (default 35, --quick 2)")
    p.add_argument("--study-repeats", type=int, default=1, metavar="N",
                   help="run the study N times per side, the order reversed every other time (default 1)")
    p.add_argument("--coretype", help="OPENBLAS_CORETYPE to use instead of timing the candidates")
    p.add_argument("--no-djl", action="store_true", help="leave out the DJL peer")
    p.add_argument("--pin", type=int, metavar="CPU", help="pin each step process to CPU with taskset (study: one process per CPU 0, 1)")
    args = p.parse_args()
    plan = Plan(args.quick, args)
    if plan.rounds < 1 or plan.epochs < 1 or plan.study_repeats < 1:
        say("bench/peer: --rounds, --epochs and --study-repeats must be 1 or more")
        return 2

    mnist = None
    if args.only != "steps":
        given = args.data or (os.environ.get("INITLAB_DATA", "").split(os.pathsep)[0] or None)
        if given:
            mnist = resolve_mnist(given)
            if mnist is None:
                say(f"bench/peer: no MNIST IDX files (train-images-idx3-ubyte.gz, ...) in {given} or {given}/mnist; give the folder with --data DIR")
                return 2

    code, jdk, _, _ = run(["bash", "-c", f". {shlex.quote(os.path.join(ROOT, 'scripts', 'find-jdk.sh'))}; find_jdk"])
    jdk = jdk.strip()
    if code != 0 or not jdk:
        say("bench/peer: needs a JDK 25 or newer; set INITLAB_JAVA_HOME to one")
        return 2

    started = datetime.datetime.now().astimezone()
    load_before = load_average()
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip() or "?"
    if subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True).stdout.strip():
        commit += " (with uncommitted changes)"
    say(f"bench/peer {' '.join(sys.argv[1:])}".rstrip())
    say(f"{started:%Y-%m-%d %H:%M %Z}; {cpu_model()}; load average {load_before}")

    tmp = tempfile.mkdtemp(prefix="initlab-peer-")
    try:
        return measure(args, plan, mnist, jdk, commit, started, load_before, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def measure(args, plan, mnist, jdk, commit, started, load_before, tmp):
    initlab = Initlab(args, tmp)
    torch = torch_peer(args, jdk)
    djl = djl_peer(args, jdk)
    peers = [torch, djl]
    for peer in peers:
        if not peer.available:
            say(f"{peer.name}: not measured: {peer.why}")

    coretype_rows = []
    if torch.available:
        coretype_rows = choose_coretype(torch, args, plan)
        if coretype_rows:
            say("OpenBLAS core types (GFLOP/s of X·W 150×256×784 and Xᵀ·G 784×256×150 in thread CPU time, best of "
                f"{plan.coretype_seconds:g} s each, one thread): "
                + "; ".join(f"{ct} → {core} {nn:.0f}/{tn:.0f}" for ct, core, nn, tn in coretype_rows))
            say(f"  using OPENBLAS_CORETYPE={torch.env.get('OPENBLAS_CORETYPE', '(unset)')} → {torch.version['blas_core']}: "
                f"{torch.coretype_why}")

    say("FMA peak (bench/run gemm fmaPeak), before ...")
    peak_cmd, peaks = initlab.fma_peak(plan)
    say(f"  $ {shown(peak_cmd)}")
    say(f"  {peaks.describe()}")

    contenders = [initlab] + [p for p in peers if p.available]
    steps = {}
    if args.only != "study":
        say(f"Training steps, one thread, {plan.rounds} interleaved rounds × {plan.iterations} × {plan.iteration_time} s per contender:")
        printed = set()
        for net, opt in STEPS:
            per = {c.name: {"rounds": [], "all": [], "loss": [], "cpu": [], "cpu_us": [], "cpu_rounds": []} for c in contenders}
            for r in range(plan.rounds):
                for c in contenders:
                    if c is not initlab and not c.available:
                        continue
                    try:
                        cmd, res = c.step(net, opt, plan)
                    except RuntimeError as e:
                        say(f"  {c.name}: step {net} {opt} failed, left out from here on: {e}")
                        c.available = False
                        continue
                    if c.name not in printed:
                        say(f"  $ {shown(cmd)}")
                        printed.add(c.name)
                    us, cpu = res["us_per_step"], res.get("cpu_over_wall", [])
                    per[c.name]["rounds"].append(median(us))
                    per[c.name]["all"] += us
                    per[c.name]["cpu"] += cpu
                    if len(cpu) == len(us):
                        per[c.name]["cpu_us"] += [u * f for u, f in zip(us, cpu)]
                        per[c.name]["cpu_rounds"].append(median([u * f for u, f in zip(us, cpu)]))
                    if "loss" in res:
                        per[c.name]["loss"].append((res["loss"], res["steps"]))
                say(f"  {net} {opt} round {r + 1}: " + ", ".join(
                    f"{name} {v['rounds'][-1]:.0f} µs" for name, v in per.items() if len(v["rounds"]) == r + 1))
            steps[(net, opt)] = per

    say("FMA peak, after ...")
    _, peaks_after = initlab.fma_peak(plan)
    say(f"  {peaks_after.describe()}")
    # the ceiling in CPU time: the steps' % of peak are taken in CPU time too, so that the share of the
    # core other processes took during either measurement cancels out
    peak = median(peaks.per_cpu + peaks_after.per_cpu) if peaks.per_cpu and peaks_after.per_cpu else max(peaks.gflops + peaks_after.gflops)

    study = {}
    if args.only != "steps":
        if mnist is None:
            say("Study: not measured: no MNIST folder (give --data DIR or set $INITLAB_DATA)")
        else:
            initlab.prepare_launcher()
            say(f"Study seed-activations, 12 runs × {plan.epochs} epochs, two cores per side, in turn"
                + (f", {plan.study_repeats} times (the order reversed every other time)" if plan.study_repeats > 1 else "") + ":")
            sides = [c for c in contenders if c is initlab or c.available]
            for rep in range(plan.study_repeats):
                for c in (sides if rep % 2 == 0 else sides[::-1]):
                    if c is not initlab and not c.available:
                        continue
                    load = load_average().split()[0]
                    try:
                        cmds, seconds, acc = c.study(mnist, plan.epochs, plan)
                    except RuntimeError as e:
                        say(f"  {c.name}: study failed, left out from here on: {e}")
                        c.available = False
                        continue
                    if c.name not in study:
                        for cmd in cmds:
                            say(f"  $ {shown(cmd)}")
                    say(f"  {c.name}: {seconds:.1f} s (load average {load} at the start)")
                    entry = study.setdefault(c.name, {"seconds": [], "loads": [], "acc": acc})
                    entry["seconds"].append(seconds)
                    entry["loads"].append(load)

    report(args, plan, jdk, commit, started, load_before, initlab, torch, djl, contenders, steps, peaks, peaks_after, peak, study, coretype_rows)
    return 0


def report(args, plan, jdk, commit, started, load_before, initlab, torch, djl, contenders, steps, peaks, peaks_after, peak, study, coretype_rows):
    say()
    say(f"## initlab versus PyTorch — {started:%Y-%m-%d %H:%M %Z}")
    say()
    say(f"- CPU: {cpu_model()}; load average before {load_before}, after {load_average()}")
    say(f"- initlab {commit}; JDK {initlab.version.get('jdk', '?')} ({jdk})")
    if torch.available:
        v = torch.version
        say(f"- PyTorch {v['torch']} (Debian python3-torch, Python {v['python']}); {v['blas_config']}; "
            f"OPENBLAS_CORETYPE={torch.env.get('OPENBLAS_CORETYPE', '(unset)')} → core {v['blas_core']} ({torch.coretype_why}); "
            f"threads: torch {v['torch_threads']}, inter-op {v['torch_interop_threads']}, OpenBLAS {v['blas_threads']}")
    else:
        say(f"- PyTorch 1.13 (OpenBLAS): not measured: {torch.why}")
    if djl.available:
        v = djl.version
        say(f"- PyTorch {v['libtorch']} (libtorch) through DJL {v['djl']}, JDK {v['java']}; threads: torch {v['torch_threads']}, inter-op {v['torch_interop_threads']}")
    else:
        say(f"- PyTorch 2.7.1 (DJL): not measured: {djl.why}")
    say(f"- settings: {' '.join(k + '=' + v for k, v in ONE_THREAD.items())} for the peers"
        + (f"; pinned to CPU {args.pin} with taskset" if args.pin is not None else "; not pinned"))
    say(f"- FMA peak (bench/run gemm fmaPeak, 12 register-only FMA chains, {len(peaks.gflops)} iterations before the steps and "
        f"{len(peaks_after.gflops)} after): {peak:.0f} GFLOP per CPU second, the ceiling for % of peak (before: {peaks.describe()}; "
        f"after: {peaks_after.describe()})")

    if steps:
        say()
        say(f"### Training step, one thread ({plan.rounds} interleaved rounds × {plan.iterations} iterations of {plan.iteration_time} s)")
        say()
        say("Best = the fastest measured iteration, the step with the machine most to itself; median [quartiles] over "
            "all iterations of all rounds; CPU µs = µs × the process's CPU time / wall time in that iteration (what the step "
            "costs in CPU when other processes take the core part of the time). Ratios = peer / initlab (above 1: initlab is "
            "faster): of the bests; the median over rounds of the ratio of round medians [lowest–highest round] (a round "
            "measures the contenders back to back); the same for CPU µs. % of peak = the step's flops, "
            "2·B·(3·Σ in·out − in₁·out₁), per median CPU µs over the FMA peak per CPU second (both in CPU time, so the "
            "share of the core that other processes took cancels out).")
        say()
        say("| net / batch | optimizer | MFLOP | contender | best µs | median µs [quartiles] | CPU µs | % of FMA peak "
            "| ratio of bests | ratio of medians | ratio of CPU µs | loss after N steps |")
        say("|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for (net, opt), per in steps.items():
            mflop = step_flops(net) / 1e6
            base = per["initlab"]
            for name, v in per.items():
                if not v["all"]:
                    continue
                best = min(v["all"])
                basis = median(v["cpu_us"]) if v["cpu_us"] else best
                pct = 100 * step_flops(net) / (basis * 1e3) / peak
                cpu_us = f"{median(v['cpu_us']):.0f}" if v["cpu_us"] else "–"
                if name == "initlab":
                    ratio_best = ratio_med = ratio_cpu = "1"
                else:
                    ratio_best = f"{best / min(base['all']):.2f}"
                    ratio_med = spread_of_ratios(v["rounds"], base["rounds"])
                    ratio_cpu = spread_of_ratios(v["cpu_rounds"], base["cpu_rounds"])
                loss = f"{v['loss'][-1][0]:.4f} after {v['loss'][-1][1]}" if v["loss"] else "–"
                cpu = max(v["cpu"]) if v["cpu"] else None
                warn = f" ⚠ CPU/wall {cpu:.2f}: more than one core busy" if cpu and cpu > CPU_OVER_WALL_LIMIT else ""
                say(f"| {net} | {opt} | {mflop:.1f} | {name} | {best:.0f} | {fmt_spread(v['all'])} | {cpu_us} | {pct:.0f} % "
                    f"| {ratio_best} | {ratio_med}{warn} | {ratio_cpu} | {loss} |")
        allcpu = {}
        for per in steps.values():
            for name, v in per.items():
                allcpu.setdefault(name, []).extend(v["cpu"])
        say()
        say("One thread check (process CPU time / wall time per measured iteration, all threads, JIT and GC included; > "
            f"{CPU_OVER_WALL_LIMIT} would mean a second core): "
            + (", ".join(f"{n} {min(x):.2f}–{max(x):.2f}" for n, x in allcpu.items() if x) or "no peer measured"))
        say("Loss: the peers' minibatch loss after all steps on random inputs and labels (ln 10 ≈ 2.303 at the start); "
            "a sanity check that they train, not a comparison.")

    if study:
        say()
        say(f"### Study seed-activations, 1 seed, 12 runs × {plan.epochs} epochs on 2 cores")
        say()
        say("| contender | wall time (s) | ratio to initlab | load average (1 min) at the start | mean final test accuracy of the 12 runs |")
        say("|---|---:|---:|---:|---:|")
        base = study.get("initlab", {}).get("seconds")
        for name, v in study.items():
            secs = v["seconds"]
            wall = f"{median(secs):.1f}" + (f" ({', '.join(f'{x:.0f}' for x in secs)})" if len(secs) > 1 else "")
            ratio = spread_of_ratios(secs, base) if base and name != "initlab" else ("1" if base else "–")
            if len(secs) == 1 and base and name != "initlab":
                ratio = f"{secs[0] / base[0]:.2f}"
            acc = v["acc"]
            mean = f"{100 * statistics.mean(acc.values()):.2f} %" if len(acc) == 12 else f"({len(acc)} of 12 runs read)"
            say(f"| {name} | {wall} | {ratio} | {', '.join(v['loads'])} | {mean} |")
        say()
        names = list(study)
        say("Final test accuracy per run (%): | initializer · activation | " + " | ".join(names) + " |")
        say("|---|" + "---:|" * len(names))
        for i in INITIALIZERS:
            for a in ACTIVATIONS:
                cells = [f"{100 * study[n]['acc'][(i, a)]:.2f}" if (i, a) in study[n]["acc"] else "–" for n in names]
                say(f"| {i} · {a} | " + " | ".join(cells) + " |")
        say()
        say("initlab's time includes its per-step probes (gradient norms, update ratios) and the JVM start; "
            "each peer's, its interpreter or JVM start and MNIST decoding; all evaluate validation and test at init and after every epoch.")


if __name__ == "__main__":
    sys.exit(main())
