#!/usr/bin/env python3
"""Runs every worked example of README.md and docs/*.md and compares its output with what the doc shows.

Run it through docs/scripts/check-examples; `check-examples --help` explains the conventions.
Only the Python 3 standard library is used, so a machine with the .NET SDK and python3 needs nothing else.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import difflib
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HELP = """\
Runs every worked example shown in README.md and docs/*.md exactly as a user would, with the CLI
built once (Release), and compares what it prints with what the doc shows (exact text; trailing
whitespace and trailing blank lines ignored). Exits 0 when all agree, 1 when any differs (with a
diff naming the doc's file and line), 2 when a doc breaks a convention or the build fails.

Conventions in the docs:
  * An example is a fenced block whose first line is `$ predictive-models ARGS`. Each `$ ` line
    starts a command; lines starting with `> ` continue it (a heredoc, a loop); the lines up to the
    next `$ ` line are its output (standard output and standard error, as a terminal shows them).
    A command is run by bash in a working folder that holds links to every top-level entry of the
    repository (so `samples/scenarios/minimal.yaml` works) plus the doc's own files (below), with
    `predictive-models` on the PATH; pipes, heredocs and loops work as in a terminal. The blocks of
    one doc run in any order, two at a time: a block must not need another block's files.
  * `--format markdown` output is shown rendered: a fenced block holding only the command, then the
    output's first markdown table right after it (its lines start with `|`). `<!-- check: rendered -->`
    before a block whose commands show no output does the same for any command printing a table.
  * `<!-- file: NAME -->` on the line before a fenced block writes the block's text to NAME in the
    doc's working folder before any example of that doc runs (e.g. a scenario defined inline).
  * `<!-- check: first N lines -->` on the line before an example: the block shows only the first N
    lines of the output (an excerpt), and only those are compared. `<!-- check: lines before TEXT -->`
    does the same up to the first line that starts with TEXT (blank lines before it dropped), which
    stays right when a change adds lines above it.
  * `<!-- check: not run -->` on the line before a fenced block that starts with a command but is
    an instruction rather than a worked example (its output is not shown). A fenced block that starts
    with `predictive-models`, `pm ` or `dotnet run` without `$ ` and without this marker is an error,
    so no example goes unchecked by mistake.
  * `$ dotnet run --project src/PredictiveModels.Cli -- ARGS` and `$ pm ARGS` are reported; write
    `$ predictive-models ARGS` (--update rewrites them).
  * Fenced blocks may be indented (inside a list item); their lines are read without the indent.
  * Never show output that cannot repeat (timings, absolute temporary paths): the check would fail.
    The one exception is the provenance's version (`version=...`, `"version": "..."`), which names the
    commit the CLI was built from: the docs show the commit as `<commit>` (--update writes it so), and
    the check compares outputs with every provenance version masked, on both sides.

Keeping examples true: after a change that moves numbers or adds output lines, run
  docs/scripts/check-examples --update
which rewrites every shown output in place from the build (excerpts keep their length), then
review the diff (git diff docs README.md) and fix any prose that restates a number that moved.
"""


@dataclasses.dataclass
class Command:
    """One `$ ` command of an example block and the output the doc shows for it."""

    text: str  # the command as bash runs it (continuation lines joined by newlines)
    prompt_lines: list[str]  # the doc's lines of the command, `$ ` and `> ` included
    expected: list[str]  # the shown output
    output_line: int  # 1-based doc line of the first output line (or where it would go)


@dataclasses.dataclass
class Example:
    """A fenced example block, or a rendered-markdown example (block plus the table after it)."""

    doc: str
    line: int  # 1-based line of the opening fence
    start: int  # 0-based index of the first line this example owns (for --update)
    end: int  # 0-based index one past the last line it owns
    fence: str
    info: str
    indent: str  # the fence's indentation (a block inside a list item)
    commands: list[Command]
    first: int | None  # `check: first N lines`
    before: str | None  # `check: lines before TEXT`
    rendered: bool  # output shown as a markdown table after the block
    problems: list[str]


@dataclasses.dataclass
class Doc:
    path: str
    shown: str  # the name used in messages
    lines: list[str]
    files: dict[str, str]
    examples: list[Example]
    problems: list[str]


FENCE = re.compile(r"^( {0,8})(`{3,}|~{3,})\s*(\S*)")
MARKER = re.compile(r"^\s*<!--\s*(file|check)\s*:\s*(.*?)\s*-->\s*$")
LEGACY = [
    re.compile(r"^dotnet run (?:-c Release )?--project src/PredictiveModels\.Cli(?: -c Release)? --(?= |$)"),
    re.compile(r"^pm(?= |$)"),
]
INDENTED = re.compile(r"^ {4,}\$ (?:predictive-models|pm|dotnet run)(?: |$)")
UNMARKED = re.compile(r"^(?:\$ )?(?:predictive-models|pm|dotnet run)(?: |$)")


def normalise_command(line: str) -> str:
    """`dotnet run --project ... --` and `pm` become `predictive-models`."""
    for pattern in LEGACY:
        if pattern.match(line):
            return pattern.sub("predictive-models", line, count=1)
    return line


# The provenance every output carries names the tool's version with the git commit it was built from, which changes
# with every commit. The docs show the commit as `<commit>` (what --update writes), and the comparison ignores the
# version altogether (on both sides), so that neither a new commit nor a version bump fails an example.
COMMIT = re.compile(r"\b(\d+\.\d+\.\d+[0-9A-Za-z.-]*)\+[0-9a-f]{40}\b")
VERSION = re.compile(r'(version=|"version": ")\d+\.\d+\.\d+[0-9A-Za-z.-]*(?:\+(?:[0-9a-f]{40}|<commit>))?')


def mask_commit(line: str) -> str:
    """The output as the docs show it: a build's commit written `<commit>`."""
    return COMMIT.sub(r"\1+<commit>", line)


def mask_version(lines: list[str]) -> list[str]:
    """Lines as they are compared: every provenance version, whatever its number and commit, written `<version>`."""
    return [VERSION.sub(r"\1<version>", line) for line in lines]


def clean(lines: list[str]) -> list[str]:
    """Trailing whitespace of each line and trailing blank lines dropped."""
    result = [line.rstrip() for line in lines]
    while result and result[-1] == "":
        result.pop()
    return result


def first_table(lines: list[str]) -> list[str]:
    table: list[str] = []
    for line in lines:
        if line.startswith("|"):
            table.append(line)
        elif table:
            break
    return table


def parse(path: str, shown: str) -> Doc:
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    doc = Doc(path, shown, lines, {}, [], [])
    i = 0
    marker: tuple[str, str, int] | None = None
    while i < len(lines):
        line = lines[i]
        m = MARKER.match(line)
        if m:
            marker = (m.group(1), m.group(2), i + 1)
            i += 1
            continue
        f = FENCE.match(line)
        if not f and INDENTED.match(line):
            doc.problems.append(f"{shown}:{i + 1}: an indented code block shows a command, which is never checked: use a fenced block (see --help)")
        if not f:
            if line.strip() and marker:
                doc.problems.append(f"{shown}:{marker[2]}: the marker is not on the line right before a fenced block")
                marker = None
            i += 1
            continue
        indent, fence, info = f.group(1), f.group(2), f.group(3)
        j = i + 1
        closing = re.compile(r"^\s*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$")
        while j < len(lines) and not closing.match(lines[j]):
            j += 1
        if j >= len(lines):
            doc.problems.append(f"{shown}:{i + 1}: the fenced block is never closed")
            break
        body = [b[len(indent):] if b.startswith(indent) else b.lstrip() for b in lines[i + 1:j]]
        kind, value, _ = marker if marker else (None, None, None)
        marker = None
        if kind == "file":
            name = value
            if not name or name.startswith("/") or ".." in name.split("/"):
                doc.problems.append(f"{shown}:{i}: a file name must be relative and stay in the working folder (got '{name}')")
            elif name in doc.files:
                doc.problems.append(f"{shown}:{i}: the file '{name}' is defined twice")
            else:
                doc.files[name] = "\n".join(body) + "\n"
            i = j + 1
            continue
        if kind == "check" and value == "not run":
            i = j + 1
            continue
        if not body or not body[0].startswith("$ "):
            if body and UNMARKED.match(body[0]):
                doc.problems.append(
                    f"{shown}:{i + 1}: a fenced block starts with a command but is no checked example: "
                    "write `$ predictive-models ARGS` followed by its output, or put `<!-- check: not run -->` before it")
            if kind == "check":
                doc.problems.append(f"{shown}:{i}: `check: {value}` stands before a block that is no example")
            i = j + 1
            continue
        example = Example(path, i + 1, i, j + 1, fence, info, indent, [], None, None, False, [])
        rendered = False
        if kind == "check":
            m = re.fullmatch(r"first (\d+) lines?", value or "")
            if m and int(m.group(1)) > 0:
                example.first = int(m.group(1))
            elif (value or "").startswith("lines before ") and len(value) > len("lines before "):
                example.before = value[len("lines before "):]
            elif value == "rendered":
                rendered = True
            else:
                example.problems.append(f"{shown}:{i}: unknown check marker '{value}'; use `first N lines`, `lines before TEXT`, `rendered` or `not run`")
        k = 0
        while k < len(body):
            if not body[k].startswith("$ "):
                k += 1
                continue
            prompt = [body[k]]
            text = [normalise_command(body[k][2:])]
            if text[0] != body[k][2:]:
                example.problems.append(f"{shown}:{i + 2 + k}: write `$ predictive-models ...` (found `{body[k][:40]}`); --update rewrites it")
            k += 1
            while k < len(body) and body[k].startswith("> "):
                prompt.append(body[k])
                text.append(body[k][2:])
                k += 1
            start = k
            while k < len(body) and not body[k].startswith("$ "):
                k += 1
            example.commands.append(Command("\n".join(text), prompt, body[start:k], i + 2 + start))
        if (example.first is not None or example.before is not None) and len(example.commands) != 1:
            example.problems.append(f"{shown}:{i}: an excerpt marker needs a block with one command")
        last = example.commands[-1]
        if rendered and clean(last.expected):
            example.problems.append(f"{shown}:{i}: a `rendered` example shows no output in its block")
        if not clean(last.expected) and (rendered or "--format markdown" in last.text):
            example.rendered = True
            k = j + 1
            while k < len(lines) and lines[k].strip() == "":
                k += 1
            table_start = k
            while k < len(lines) and lines[k].lstrip().startswith("|"):
                k += 1
            last.expected = [t.lstrip() for t in lines[table_start:k]]
            last.output_line = table_start + 1
            example.end = k if k > table_start else j + 1
        doc.examples.append(example)
        i = example.end
    if marker:
        doc.problems.append(f"{shown}:{marker[2]}: the marker is not followed by a fenced block")
    return doc


def selected(example: Example, output: list[str]) -> list[str]:
    """The part of a command's output the doc shows."""
    if example.rendered:
        return first_table(output)
    if example.first is not None:
        return output[:example.first]
    if example.before is not None:
        end = next((k for k, line in enumerate(output) if line.strip().startswith(example.before)), None)
        return clean(output[:end]) if end is not None else output + [f"check-examples: no line starts with '{example.before}'"]
    return output


def run_example(example: Example, folder: str, env: dict[str, str], timeout: float) -> tuple[list[list[str]], float]:
    started = time.monotonic()
    outputs = []
    for command in example.commands:
        try:
            completed = subprocess.run(
                ["bash", "-c", command.text], cwd=folder, env=env, stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
            text = completed.stdout.decode("utf-8", errors="replace")
        except subprocess.TimeoutExpired:
            text = f"check-examples: the command did not finish within {timeout:g} s"
        outputs.append(clean([mask_commit(line) for line in text.replace("\r\n", "\n").split("\n")]))
    return outputs, time.monotonic() - started


def working_folder(root: str, base: str, doc: Doc) -> str:
    folder = tempfile.mkdtemp(prefix="doc-", dir=base)
    for entry in os.listdir(root):
        if entry != ".git":
            os.symlink(os.path.join(root, entry), os.path.join(folder, entry))
    for name, text in doc.files.items():
        target = os.path.join(folder, name)
        if os.path.lexists(target):
            raise SystemExit(f"check-examples: {doc.shown}: the file '{name}' would hide the repository's '{name.split('/')[0]}'; rename it")
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text)
    return folder


def build(root: str) -> str:
    print("check-examples: building the CLI (Release) ...", file=sys.stderr, flush=True)
    completed = subprocess.run(
        ["dotnet", "build", os.path.join(root, "src", "PredictiveModels.Cli"), "-c", "Release", "--nologo", "-v", "q", "-clp:ErrorsOnly"],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout.decode("utf-8", errors="replace"))
        raise SystemExit(2)
    found = sorted(glob.glob(os.path.join(root, "src", "PredictiveModels.Cli", "bin", "Release", "*", "predictive-models.dll")))
    if not found:
        print("check-examples: the build made no predictive-models.dll", file=sys.stderr)
        raise SystemExit(2)
    return found[-1]


def rewrite(doc: Doc, results: dict[int, list[list[str]]]) -> bool:
    """Rewrites the doc's examples from the outputs; returns whether the text changed."""
    lines = list(doc.lines)
    for index in sorted(results, reverse=True):
        example = doc.examples[index]
        outputs = results[index]
        block = [example.fence + example.info]
        for command, output in zip(example.commands, outputs):
            parts = command.text.split("\n")
            block.append("$ " + parts[0])
            block += ["> " + t for t in parts[1:]]
            if not example.rendered:
                block += selected(example, output)
        block.append(example.fence)
        if example.rendered:
            block += [""] + selected(example, outputs[-1])
        lines[example.start:example.end] = [(example.indent + b).rstrip() if b else b for b in block]
    changed = lines != doc.lines
    if changed:
        with open(doc.path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines))
    return changed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="check-examples", description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("docs", nargs="*", help="Markdown files to check (default: README.md and docs/*.md of the repository).")
    parser.add_argument("--update", action="store_true", help="Rewrite every shown output in place from the build instead of comparing.")
    parser.add_argument("--jobs", type=int, default=2, help="Examples run at the same time (default 2).")
    parser.add_argument("--cli", help="Use this built predictive-models.dll instead of building the CLI (Release) first.")
    parser.add_argument("--timeout", type=float, default=1800, help="Seconds one command may take (default 1800: the finest grid of the convergence study takes about 8 minutes on an idle 2-core machine, and 13 beside other work).")
    args = parser.parse_args(argv)

    started = time.monotonic()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    paths = args.docs or [os.path.join(root, "README.md")] + sorted(glob.glob(os.path.join(root, "docs", "*.md")))
    docs = []
    for path in paths:
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, root)
        docs.append(parse(absolute, relative if not relative.startswith("..") else path))

    problems = [p for d in docs for p in d.problems]
    problems += [p for d in docs for e in d.examples for p in e.problems if not args.update or "--update rewrites" not in p]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"check-examples: {len(problems)} problem(s) with the conventions (see --help)", file=sys.stderr)
        return 2

    cli = os.path.abspath(args.cli) if args.cli else build(root)
    built = time.monotonic()
    base = tempfile.mkdtemp(prefix="check-examples-")
    try:
        bin_folder = os.path.join(base, "bin")
        os.makedirs(bin_folder)
        launcher = os.path.join(bin_folder, "predictive-models")
        with open(launcher, "w", encoding="utf-8") as handle:
            handle.write(f'#!/bin/sh\nexec dotnet "{cli}" "$@"\n')
        os.chmod(launcher, 0o755)
        env = dict(os.environ)
        env.update(PATH=bin_folder + os.pathsep + env.get("PATH", ""), DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1", NO_COLOR="1")
        folders = {d.path: working_folder(root, base, d) for d in docs}
        jobs = [(d, n) for d in docs for n in range(len(d.examples))]
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            futures = {pool.submit(run_example, d.examples[n], folders[d.path], env, args.timeout): (d, n) for d, n in jobs}
            results: dict[str, dict[int, list[list[str]]]] = {d.path: {} for d in docs}
            seconds: list[tuple[float, str]] = []
            for future in concurrent.futures.as_completed(futures):
                d, n = futures[future]
                results[d.path][n], took = future.result()
                seconds.append((took, f"{d.shown}:{d.examples[n].line}"))
    finally:
        shutil.rmtree(base, ignore_errors=True)

    elapsed = time.monotonic() - started
    slowest = ", ".join(f"{where} {took:.0f} s" for took, where in sorted(seconds, reverse=True)[:3])
    timing = (f"{len(jobs)} example(s) in {len(docs)} file(s), {elapsed:.0f} s ({built - started:.0f} s building, "
              f"{time.monotonic() - built:.0f} s running, {max(1, args.jobs)} at a time; slowest: {slowest})")
    if args.update:
        changed = [d.shown for d in docs if rewrite(d, results[d.path])]
        print(f"check-examples: updated {', '.join(changed) if changed else 'nothing'}; {timing}")
        return 0

    failures = 0
    for d in docs:
        for n, example in enumerate(d.examples):
            for command, output in zip(example.commands, results[d.path][n]):
                expected = clean(command.expected)
                actual = selected(example, output)
                if mask_version(expected) == mask_version(actual):
                    continue
                failures += 1
                first = next((k for k, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
                where = "the table after the block" if example.rendered else "the block"
                print(f"{d.shown}:{command.output_line + first}: `{command.text.splitlines()[0]}` prints something else than {where} "
                      f"(example at line {example.line}; '-' the doc, '+' the build):")
                diff = difflib.unified_diff(expected, actual, f"{d.shown}:{command.output_line}", "build", lineterm="", n=2)
                print("\n".join(list(diff)[2:]))
                print()
    if failures:
        print(f"check-examples: {failures} example output(s) differ; run docs/scripts/check-examples --update to rewrite them from the build. {timing}")
        return 1
    print(f"check-examples: all outputs agree; {timing}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
