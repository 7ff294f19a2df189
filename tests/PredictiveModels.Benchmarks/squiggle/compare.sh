#!/usr/bin/env bash
# Issue 11's acceptance benchmark: Monte Carlo over posterior-level beliefs, ours against Squiggle 0.10, side by side.
# Both compute P(Deceptive) of the simplicity posterior of uncertain-posterior.yaml (the default scenario with five
# beliefs) by Monte Carlo, on one thread each; the script checks that they compute the same thing, times both and
# prints samples/s and the ratio (README.md explains what is compared and what is not).
#
# Usage: tests/PredictiveModels.Benchmarks/squiggle/compare.sh [--samples N] [--repeat R] [--check-samples M]
#   --samples N        Squiggle's sampleCount per run (default 100000)
#   --repeat R         Squiggle's timed runs, after one warm-up; the median counts (default 5)
#   --check-samples M  samples of our `uncertainty` command for the agreement check of the means (default 100000)
# Ours: the BenchmarkDotNet class UncertaintyBenchmarks (BeliefPropagation.Posterior, 1,000 samples per call, one
# thread, in process, 3 warm-up calls and 7 timed ones; the median counts). Needs node (>= 18) and npm; installs
# @quri/squiggle-lang 0.10.0 from package-lock.json with `npm ci` when node_modules is missing.
# The machine is shared: the script prints the load average, and a loaded machine slows both sides.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
samples=100000 repeat=5 check=100000
while [ $# -gt 0 ]; do
  case "$1" in
    --samples) samples=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --check-samples) check=$2; shift 2 ;;
    -h | --help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown option $1 (--help)" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Relative to the repository root (the CLI runs from there), so the generated file names it the same on every machine.
scenario=tests/PredictiveModels.Benchmarks/squiggle/uncertain-posterior.yaml
cd "$repo"

if [ ! -d "$here/node_modules/@quri/squiggle-lang" ]; then
  echo "compare.sh: installing @quri/squiggle-lang 0.10.0 (npm ci)" >&2
  (cd "$here" && npm ci --no-audit --no-fund >&2)
fi

echo "compare.sh: building the CLI and the benchmark harness (Release)" >&2
dotnet build "$repo/src/PredictiveModels.Cli" -c Release -nologo -v quiet >&2
dotnet build "$repo/tests/PredictiveModels.Benchmarks" -c Release -nologo -v quiet >&2
cli=(dotnet "$repo/src/PredictiveModels.Cli/bin/Release/net10.0/predictive-models.dll")

# The fixed numbers and the beliefs come from the CLI; posterior.squiggle is regenerated from them.
"${cli[@]}" score "$scenario" --format json > "$work/score.json" 2>/dev/null
"${cli[@]}" posterior "$scenario" --format json > "$work/posterior.json" 2>/dev/null
echo "compare.sh: our Monte Carlo mean for the agreement check ($check samples, every core)" >&2
"${cli[@]}" uncertainty "$scenario" --samples "$check" --seed 1 --format json > "$work/uncertainty.json" 2>/dev/null
node "$here/generate.mjs" "$work/score.json" "$work/uncertainty.json" "$here/posterior.squiggle"
if ! git -C "$repo" diff --quiet -- "$here/posterior.squiggle" 2>/dev/null; then
  echo "compare.sh: note: posterior.squiggle changed from the committed one (the scores or beliefs changed)" >&2
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "compare.sh: load average before: $(load)" >&2
echo "compare.sh: Squiggle, $samples samples per run" >&2
node "$here/run.mjs" --samples "$samples" --repeat "$repeat" --json > "$work/squiggle.json"
echo "compare.sh: load average between: $(load)" >&2
echo "compare.sh: ours, BenchmarkDotNet UncertaintyBenchmarks" >&2
(cd "$work" && dotnet "$repo/tests/PredictiveModels.Benchmarks/bin/Release/net10.0/PredictiveModels.Benchmarks.dll" \
  --filter '*UncertaintyBenchmarks*' --exporters json --artifacts "$work/bdn" > "$work/bdn.log" 2>&1) \
  || { cat "$work/bdn.log" >&2; exit 1; }
echo "compare.sh: load average after: $(load)" >&2

node --input-type=module - "$work" "$(nproc)" <<'JS'
import { readFileSync, readdirSync } from "node:fs";
const [work, cores] = process.argv.slice(2);
const read = (f) => JSON.parse(readFileSync(`${work}/${f}`, "utf8"));
const sq = read("squiggle.json");
const posterior = read("posterior.json");
const unc = read("uncertainty.json").results[0].pDeceptive;
const report = readdirSync(`${work}/bdn/results`).find((f) => f.endsWith("-report-full-compressed.json"));
const bdn = JSON.parse(readFileSync(`${work}/bdn/results/${report}`, "utf8"));
const ours = bdn.Benchmarks[0].Statistics;
const perCall = 1000; // UncertaintyBenchmarks.Samples
const oursRate = perCall / (ours.Median / 1e9);
const ratio = oursRate / sq.samplesPerSecond;
const atMedians = Math.abs(sq.atMedians - posterior.pDeceptive) / posterior.pDeceptive;
const z = (sq.meanPDeceptive - unc.mean) / Math.hypot(sq.standardError, unc.standardError);
const fmt = (x) => Math.round(x).toLocaleString("en");
console.log(`Monte Carlo over 5 posterior-level beliefs, scenario uncertain-posterior (${cores} cores, ${new Date().toISOString().slice(0, 16)}Z)`);
console.log("");
console.log("Agreement (the same computation):");
console.log(`  P(Deceptive) at the beliefs' medians: Squiggle ${sq.atMedians}, ours (posterior) ${posterior.pDeceptive}, relative difference ${atMedians.toExponential(2)}`);
console.log(`  mean P(Deceptive): Squiggle ${sq.meanPDeceptive.toPrecision(6)} +- ${sq.standardError.toPrecision(2)} (${sq.samples * sq.repeat} samples), ours ${unc.mean.toPrecision(6)} +- ${unc.standardError.toPrecision(2)} (${read("uncertainty.json").samples} samples): ${z.toFixed(2)} standard errors apart`);
console.log("");
console.log("Speed (one thread each, median):");
console.log(`  Squiggle 0.10.0, ${sq.node}: ${fmt(sq.samples)} samples in ${sq.medianSeconds.toFixed(3)} s: ${fmt(sq.samplesPerSecond)} samples/s`);
console.log(`  ours, BeliefPropagation.Posterior: ${fmt(perCall)} samples in ${(ours.Median / 1e9).toFixed(3)} s: ${fmt(oursRate)} samples/s per core`);
console.log(`  ratio ours / Squiggle: ${ratio.toPrecision(3)}  (acceptance: at least 50; ${ratio >= 50 ? "met" : "NOT met"})`);
JS
