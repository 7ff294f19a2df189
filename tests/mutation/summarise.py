#!/usr/bin/env python3
"""Mutation score per namespace (and per file with --files) from a Stryker.NET JSON report.

    python3 tests/mutation/summarise.py REPORT.json [REPORT.json...] [--files] [--survivors] [--without=NAME,NAME...] [--merge]

The score is Stryker's: (killed + timeout) / (killed + timeout + survived + no coverage). Mutants
that did not compile, and those ignored, are not counted.

--without=NAME,... scores the suite as it would be without the tests whose full name contains one of
the NAMEs (e.g. test classes added since): a killed mutant that no remaining test killed counts as
survived (or as not covered, when no remaining test covers it). This is exact only for a report of a
run with --disable-bail, where every test that kills a mutant is listed, not only the first.
Timeouts have no killing tests listed and are kept as they are.

Several reports are summed, as runs over different files. With --merge they are instead runs over the
same mutants (the same source) with different tests, e.g. the suite, then only tests added since: a
mutant (same file, position, mutator and replacement) counts once, as detected when any run detected
it, else as survived when any run covered it, else as not covered. That is the score the tests of all
the runs together would get.
"""
import json
import sys
from collections import Counter, defaultdict

COUNTED = ("Killed", "Timeout", "Survived", "NoCoverage")


def namespace_of(path):
    parts = path.replace("\\", "/").split("/")
    if "PredictiveModels" in parts:
        i = len(parts) - 1 - parts[::-1].index("PredictiveModels")
        if i + 2 < len(parts):
            return parts[i + 1]
    return "(other)"


def score(c):
    detected = c["Killed"] + c["Timeout"]
    valid = detected + c["Survived"] + c["NoCoverage"]
    return 100.0 * detected / valid if valid else float("nan")


def line(name, c):
    return (f"{name:<40} {score(c):6.1f}%  killed {c['Killed']:4}  survived {c['Survived']:4}  "
            f"timeout {c['Timeout']:3}  no coverage {c['NoCoverage']:4}  (compile errors {c['CompileError']}, ignored {c['Ignored']})")


def main(argv):
    paths = [a for a in argv if not a.startswith("--")]
    if not paths:
        print(__doc__)
        return 2
    without = [n for a in argv if a.startswith("--without=") for n in a.split("=", 1)[1].split(",") if n]
    by_namespace = defaultdict(Counter)
    by_file = defaultdict(Counter)
    survivors = []
    merged = {}

    def tally(file, m, status):
        by_namespace[namespace_of(file)][status] += 1
        by_file[file][status] += 1
        if status in ("Survived", "NoCoverage"):
            loc = m["location"]["start"]
            survivors.append((file, loc["line"], status, m.get("mutatorName", ""), m.get("replacement", "")))

    for path in paths:
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        names = {}
        for test_file in (report.get("testFiles") or {}).values():
            for t in test_file.get("tests", []):
                names[t["id"]] = t["name"]

        def kept(ids):
            return [i for i in ids or [] if not any(w in names.get(i, "") for w in without)]

        for file, content in report["files"].items():
            for m in content["mutants"]:
                status = m["status"]
                if without and status == "Killed" and not kept(m.get("killedBy")):
                    # A mutant without a coverage list ran against every test (static code): it survives.
                    covered = m.get("coveredBy")
                    status = "Survived" if not covered or kept(covered) else "NoCoverage"
                if "--merge" in argv:
                    start, end = m["location"]["start"], m["location"]["end"]
                    # The same source file may sit in another checkout in each run: compare paths from src/ on.
                    name = file.replace("\\", "/").split("/src/")[-1]
                    key = (name, start["line"], start["column"], end["line"], end["column"], m.get("mutatorName", ""), m.get("replacement", ""))
                    merged[key] = (file, m, best(merged[key][2], status) if key in merged else status)
                else:
                    tally(file, m, status)
    for file, m, status in merged.values():
        tally(file, m, status)

    for ns in sorted(by_namespace):
        if any(by_namespace[ns][s] for s in COUNTED):
            print(line(ns, by_namespace[ns]))
    if "--files" in argv:
        print()
        for file in sorted(by_file):
            if any(by_file[file][s] for s in COUNTED):
                print(line(file.split("/src/")[-1], by_file[file]))
    if "--survivors" in argv:
        print()
        for file, ln, status, mutator, replacement in sorted(survivors):
            print(f"{file.split('/src/')[-1]}:{ln}: {status}: {mutator}: {replacement.splitlines()[0] if replacement else ''}")
    return 0


# Detected beats covered beats not covered; a status not counted (compile error, ignored) yields to any counted one.
RANK = {"Killed": 4, "Timeout": 3, "Survived": 2, "NoCoverage": 1}


def best(a, b):
    """The status of a mutant seen in two runs: detected by either, else covered by either."""
    return a if RANK.get(a, 0) >= RANK.get(b, 0) else b


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
