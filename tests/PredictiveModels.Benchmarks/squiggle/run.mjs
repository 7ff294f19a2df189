// Runs posterior.squiggle through squiggle-lang's API (the in-process "embedded" runner, one JS thread) and times it.
//
//   node run.mjs [--samples N] [--repeat R] [--json]
//
// N is Squiggle's environment sampleCount: every SampleSet in the program has N samples, so one run is N Monte Carlo
// samples of P(Deceptive). One untimed warm-up run (the JIT), then R timed runs, each with its own seed, each a fresh
// project (nothing cached between runs). Prints the median wall time of squiggle-lang's run() (parse, compile and
// evaluate, which the sampling dominates), samples/s, and P(Deceptive)'s Monte Carlo mean with its standard error and
// its value at the beliefs' medians.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { run } from "@quri/squiggle-lang";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const samples = option("--samples", 100_000);
const repeat = option("--repeat", 5);
const asJson = args.includes("--json");
const code = readFileSync(new URL("posterior.squiggle", import.meta.url), "utf8");

async function once(seed) {
  const start = performance.now();
  const output = await run(code, { environment: { sampleCount: samples, xyPointLength: 1000, seed } });
  const seconds = (performance.now() - start) / 1000;
  const result = output.result;
  if (!result.ok) throw new Error(`Squiggle failed: ${result.value.toString()}`);
  const dict = result.value.result.value; // an SqDict
  const get = (key) => dict.get(key).value;
  return { seconds, mean: get("mean"), stdev: get("stdev"), atMedians: get("atMedians") };
}

await once("warm-up");
const runs = [];
for (let r = 0; r < repeat; r++) runs.push(await once(`run-${r}`));
const times = runs.map((r) => r.seconds).sort((x, y) => x - y);
const median = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
// Pool the runs' means: R independent runs of N samples each.
const mean = runs.reduce((s, r) => s + r.mean, 0) / runs.length;
const standardError = Math.sqrt(runs.reduce((s, r) => s + r.stdev ** 2, 0) / runs.length / (samples * runs.length));
const summary = {
  squiggle: "@quri/squiggle-lang 0.10.0",
  node: process.version,
  samples,
  repeat,
  medianSeconds: median,
  samplesPerSecond: samples / median,
  secondsPerRun: times,
  meanPDeceptive: mean,
  standardError,
  atMedians: runs[0].atMedians,
};
if (asJson) {
  console.log(JSON.stringify(summary));
} else {
  console.log(`Squiggle 0.10.0 (node ${process.version}): ${samples.toLocaleString("en")} samples per run, ${repeat} runs after a warm-up`);
  console.log(`  median ${median.toFixed(3)} s per run (${times.map((t) => t.toFixed(3)).join(", ")}): ${Math.round(samples / median).toLocaleString("en")} samples/s`);
  console.log(`  P(Deceptive): mean ${mean.toPrecision(6)} (standard error ${standardError.toPrecision(3)}), at the medians ${runs[0].atMedians}`);
}
