#!/usr/bin/env python3
"""Times SciPy's expm_multiply and the library's Krylov transient side by side on the same generator.

Run it through tests/PredictiveModels.Benchmarks/scipy/compare-scipy, which installs SciPy and builds
the CLI and the benchmark harness first; `compare-scipy --help` lists the options.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HELP = """\
For each grid (dynamics.worldSteps and dynamics.goalResolution), writes a scenario that extends the
repository's samples/scenarios/default.yaml with that grid, exports the generator of its pre-training
chain with `predictive-models export-generator`, and on that one Matrix Market file times
  * SciPy: scipy.sparse.linalg.expm_multiply((t Q)^T, e_start), the matrix already in memory as CSR;
  * ours:  KrylovTransient's Krylov steps on the prebuilt generator read from the same file
           (`PredictiveModels.Benchmarks --scipy-compare`, tolerance 1e-10 as dynamics.tolerance's default),
each the median of --repeat runs in one process (no warm-up run; wall-clock time, and the process's
CPU time, which a busy machine disturbs less; both single-threaded: the wrapper sets
OPENBLAS_NUM_THREADS=1 and OMP_NUM_THREADS=1 unless they are set), from the file's start
configuration to the same time t. The two distributions at t must agree in the 1-norm within our
reported error bound plus --agreement (default 1e-8, for SciPy's own error, which it does not bound);
otherwise the script exits 1. The table is printed in Markdown, with the load average before and
after each grid (SciPy runs first, then ours). t is --time-rate divided by the chain's largest exit rate (the default 1000 is the
setting of TransientBenchmarks), or the pre-training phase's own duration with --time-rate phase.
"""


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repo", required=True, help="the repository's root")
    parser.add_argument(
        "--grids", default="3:4,7:4,10:4,30:4",
        help="comma-separated worldSteps:goalResolution pairs (default 3:4,7:4,10:4,30:4: the shipped "
             "goal resolution, about 1.3e5, 2.6e5, 3.6e5 (the shipped grid) and 1e6 configurations when written)")
    parser.add_argument("--time-rate", default="1000",
                        help="t times the largest exit rate (default 1000), or 'phase' for the phase's duration")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each method per grid (default 3)")
    parser.add_argument("--agreement", type=float, default=1e-8,
                        help="allowed 1-norm difference on top of our error bound (default 1e-8)")
    parser.add_argument("--workdir", help="keep the scenarios, matrices and results here (default: a temporary folder, removed)")
    return parser.parse_args()


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}"


def read_matrix_market(path: str):
    """The generator Q of a file written by export-generator (0-based start, CSR of Q^T, exit rates)."""
    import numpy as np
    import scipy.sparse as sp

    start = None
    with open(path, "rb") as f:
        while True:
            line = f.readline().decode()
            if not line.startswith("%"):
                break
            if "start configuration:" in line:
                start = int(line.split("start configuration:")[1]) - 1
        n, m, entries = (int(x) for x in line.split())
        values = np.fromstring(f.read().decode(), sep=" ")  # noqa: NPY201 (text mode is not deprecated)
    if n != m or start is None or values.size != 3 * entries:
        raise SystemExit(f"{path}: not a square generator with a start configuration ({values.size // 3} of {entries} entries read)")
    values = values.reshape(entries, 3)
    rows = values[:, 0].astype(np.int64) - 1
    columns = values[:, 1].astype(np.int64) - 1
    # Q^T: a row vector p evolves as p Q, i.e. the column vector p^T as Q^T p^T.
    transposed = sp.csr_matrix((values[:, 2], (columns, rows)), shape=(n, n))
    transposed.sum_duplicates()
    diagonal = values[rows == columns, 2]
    return transposed, start, float(-diagonal.min()), int(entries - n)


def phase_duration(scenario: str) -> float:
    import re
    text = open(scenario).read()
    m = re.search(r"- name: pre-training\s+duration: ([0-9.eE+-]+)", text)
    if not m:
        raise SystemExit(f"{scenario}: cannot find the pre-training phase's duration")
    return float(m.group(1))


def main() -> int:
    args = parse_args()
    import numpy as np
    import scipy
    from scipy.sparse.linalg import expm_multiply

    repo = os.path.abspath(args.repo)
    default = os.path.join(repo, "samples", "scenarios", "default.yaml")
    cli = os.path.join(repo, "src", "PredictiveModels.Cli", "bin", "Release", "net10.0", "predictive-models")
    harness = os.path.join(repo, "tests", "PredictiveModels.Benchmarks", "bin", "Release", "net10.0", "PredictiveModels.Benchmarks.dll")
    grids = []
    for pair in args.grids.split(","):
        world, goal = pair.split(":")
        grids.append((int(world), goal))

    workdir = args.workdir or tempfile.mkdtemp(prefix="compare-scipy-")
    os.makedirs(workdir, exist_ok=True)
    print(f"SciPy {scipy.__version__}, NumPy {np.__version__}, Python {sys.version.split()[0]}; work folder {workdir}", flush=True)
    print(f"uptime at start: {subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()}", flush=True)
    rows = []
    failed = False
    for world, goal in grids:
        tag = f"w{world}-g{goal}"
        scenario = os.path.join(workdir, f"{tag}.yaml")
        with open(scenario, "w") as f:
            f.write(f"schemaVersion: 1\nextends: {default}\nname: scipy-compare-{tag}\n"
                    f"dynamics:\n  worldSteps: {world}\n  goalResolution: {goal}\n")
        matrix = os.path.join(workdir, f"{tag}.mtx")
        subprocess.run([cli, "export-generator", scenario, "--phase", "pre-training", "--output", matrix], check=True)
        transposed, start, max_exit, off_diagonal = read_matrix_market(matrix)
        n = transposed.shape[0]
        t = phase_duration(default) if args.time_rate == "phase" else float(args.time_rate) / max_exit
        scaled = (transposed * t).tocsr()
        initial = np.zeros(n)
        initial[start] = 1.0
        load_before = load()

        scipy_seconds = []
        scipy_cpu = []
        reference = None
        for _ in range(args.repeat):
            np.random.seed(0)  # expm_multiply's norm estimates draw random vectors
            began, began_cpu = time.perf_counter(), time.process_time()
            reference = expm_multiply(scaled, initial)
            scipy_seconds.append(time.perf_counter() - began)
            scipy_cpu.append(time.process_time() - began_cpu)

        distribution = os.path.join(workdir, f"{tag}.ours.bin")
        ran = subprocess.run(
            ["dotnet", harness, "--scipy-compare", matrix, "--time", repr(t), "--repeat", str(args.repeat), "--output", distribution],
            check=True, capture_output=True, text=True)
        ours = json.loads(ran.stdout.strip().splitlines()[-1])
        load_after = load()
        p = np.fromfile(distribution, dtype="<f8")
        if p.size != n or ours["configurations"] != n or ours["offDiagonal"] != off_diagonal:
            raise SystemExit(f"{tag}: the harness read {ours['configurations']} configurations and {ours['offDiagonal']} moves, SciPy {n} and {off_diagonal}")
        difference = float(np.abs(p - reference).sum())
        allowed = ours["errorBound"] + args.agreement
        agree = difference <= allowed and ours["fallback"] is None
        failed |= not agree
        row = {
            "grid": f"{world} / {goal}", "configurations": n, "offDiagonal": off_diagonal, "t": t, "tMaxExit": t * max_exit,
            "scipy": statistics.median(scipy_seconds), "scipyRuns": scipy_seconds,
            "ours": ours["medianSeconds"], "oursRuns": ours["seconds"], "products": ours["products"],
            "scipyCpu": statistics.median(scipy_cpu), "scipyCpuRuns": scipy_cpu,
            "oursCpu": ours["medianCpuSeconds"], "oursCpuRuns": ours["cpuSeconds"],
            "bound": ours["errorBound"], "difference": difference, "agree": agree, "fallback": ours["fallback"],
            "scipySum": float(reference.sum()), "load": f"{load_before} / {load_after}",
        }
        rows.append(row)
        print(json.dumps(row), flush=True)
        if args.workdir is None:
            for leftover in (matrix, distribution):
                os.remove(leftover)

    print()
    print("| worldSteps / goalResolution | configurations | off-diagonal non-zeros | t (t x max exit) | SciPy s | ours s | ratio | ratio, CPU time | 1-norm difference (our bound) | load 1 min |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---|---|")
    for r in rows:
        print(f"| {r['grid']} | {r['configurations']:,} | {r['offDiagonal']:,} | {r['t']:.4g} ({r['tMaxExit']:.4g}) | "
              f"{r['scipy']:.2f} | {r['ours']:.3f} | {r['scipy'] / r['ours']:.1f}x | {r['scipyCpu'] / r['oursCpu']:.1f}x | "
              f"{r['difference']:.1e} ({r['bound']:.1e}){'' if r['agree'] else ' DISAGREE'} | {r['load']} |")
    if args.workdir is None:
        for leftover in os.listdir(workdir):
            os.remove(os.path.join(workdir, leftover))
        os.rmdir(workdir)
    if failed:
        print(f"the distributions differ by more than our error bound + {args.agreement:g} in the 1-norm, or the Krylov steps fell back", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
