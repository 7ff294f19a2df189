#!/usr/bin/env bash
# Runs every notebook in samples/notebooks headless against packages built from this checkout.
#
#   samples/notebooks/run-all.sh OUT_DIR
#
# 1. packs PredictiveModels, PredictiveModels.Rendering (the charts) and PredictiveModels.Interactive into a local feed
#    (a temporary folder) with a version of their own, 0.0.0-local.<time>, so that no copy in the NuGet package cache
#    from an earlier run is taken instead;
# 2. runs each notebook with dotnet-repl (pinned in .config/dotnet-tools.json), its "#i nuget: LOCAL_FEED" line
#    pointed at the feed and its 0.0.0-local references at that version;
# 3. writes the executed copies, with their outputs, to OUT_DIR/NAME.ipynb.
# Exits non-zero when a build, a pack or any cell of any notebook fails. The packages it put in the cache are removed.
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 OUT_DIR" >&2
  exit 64
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mkdir -p "$1"
out="$(cd "$1" && pwd)"
work="$(mktemp -d)"
version="0.0.0-local.$(date -u +%Y%m%d%H%M%S).$$"
cache="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
# In dependency order: Interactive references Rendering, and both reference the library.
packages=(PredictiveModels PredictiveModels.Rendering PredictiveModels.Interactive)

cleanup() {
  rm -rf "$work"
  for id in "${packages[@]}"; do
    rm -rf "$cache/${id,,}/$version"
    rmdir "$cache/${id,,}" 2>/dev/null || true
  done
}
trap cleanup EXIT

feed="$work/feed"
mkdir -p "$feed"
echo "packing $version into $feed" >&2
for id in "${packages[@]}"; do
  # Its own artifacts folder, so that the pack never rebuilds the checkout's bin and obj under a test run that uses them.
  dotnet pack "$root/src/$id" --configuration Release --output "$feed" --artifacts-path "$work/artifacts" \
    -p:Version="$version" -nodeReuse:false --nologo -v quiet >&2
done

cd "$root"
dotnet tool restore >/dev/null

status=0
for notebook in "$here"/*.ipynb; do
  name="$(basename "$notebook")"
  local_copy="$work/$name"
  sed -e "s|LOCAL_FEED|$feed|g" -e "s|0\.0\.0-local\"|$version\"|g" "$notebook" > "$local_copy"
  echo "running $name" >&2
  start=$(date +%s)
  code=0
  dotnet tool run dotnet-repl --run "$local_copy" --exit-after-run --output-path "$out/$name" >"$work/$name.log" 2>&1 || code=$?
  if [[ $code -eq 0 ]]; then
    echo "  passed in $(( $(date +%s) - start )) s" >&2
  else
    # dotnet-repl exits 2 when a cell fails.
    echo "  FAILED in $(( $(date +%s) - start )) s (dotnet-repl exit $code); the executed copy with its errors is $out/$name" >&2
    cat "$work/$name.log" >&2
    status=1
  fi
done
exit $status
