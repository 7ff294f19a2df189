#!/usr/bin/env bash
# run-local.sh [SCENARIO] [SAMPLES] [SHARDS]
#
# Runs a sharded `uncertainty` analysis on a single-node Slurm cluster on this machine and checks
# that merging the shards gives, byte for byte, the document of the same analysis run unsharded.
# Prints one verdict line and exits 0 only when the two are identical.
#
#   SCENARIO  default samples/scenarios/uncertain-default.yaml, or, while that file does not
#             exist, a small scenario written into the work dir that extends
#             samples/scenarios/default.yaml with two beliefs
#   SAMPLES   Monte Carlo samples in all (default 64)
#   SHARDS    number of shards, one array task each (default 4)
#
# Environment: PM_SEED (default 7); PM_SLURM_TIMEOUT, seconds to wait for the jobs (default 900);
# PM_CLI, a command that runs the CLI (default: build this checkout once in Release and run its
# DLL with `dotnet`, so no task rebuilds anything).
#
# If a Slurm cluster already answers (`scontrol ping`), the jobs go to it and it is left alone.
# Otherwise, as root, the script installs slurm-wlm and munge with apt-get when they are absent,
# starts munged (unless it runs) and a slurmctld and slurmd whose configuration, state and logs
# live in the work dir (SLURM_CONF points there; /etc/slurm is not touched), and stops on exit
# exactly the daemons it started. On failure it prints the daemons' logs and keeps the work dir.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
samples="${2:-64}"
shards="${3:-4}"
seed="${PM_SEED:-7}"
timeout="${PM_SLURM_TIMEOUT:-900}"
started=$SECONDS

say() { echo "run-local: $*" >&2; }
die() { say "error: $*"; exit 1; }

case "$samples$shards" in *[!0-9]*) die "SAMPLES and SHARDS must be whole numbers, got '$samples' and '$shards'" ;; esac
[ "$shards" -ge 1 ] || die "SHARDS must be at least 1"

work="$(mktemp -d "${TMPDIR:-/tmp}/pm-slurm.XXXXXX")"
chmod 755 "$work"
own_munge=""
own_slurm=()
jobs=()
outcome=1

# The pid in a daemon's pid file, waiting up to 5 s for the daemon to write it.
pid_in() {
  local _
  for _ in $(seq 50); do
    [ -s "$1" ] && { cat "$1"; return 0; }
    sleep 0.1
  done
  return 1
}

# Ends the given processes: SIGTERM, again after 5 s (slurmd can miss the first while jobs end),
# SIGKILL after 10 s. A zombie counts as ended. (Reads /proc: a minimal Debian has no procps.)
stop() {
  local i p alive
  kill "$@" 2>/dev/null || true
  for i in $(seq 100); do
    alive=""
    for p in "$@"; do
      # The state is the field after the command's name, which is in parentheses.
      case "$(sed 's/.*) //' "/proc/$p/stat" 2>/dev/null)" in "" | Z*) ;; *) alive=1 ;; esac
    done
    [ -n "$alive" ] || return 0
    [ "$i" -eq 50 ] && { kill "$@" 2>/dev/null || true; }
    sleep 0.1
  done
  say "processes $* did not stop on SIGTERM; killing them"
  kill -9 "$@" 2>/dev/null || true
}

# Processes still working in the work dir once our daemons are stopped: job steps (slurmstepd,
# which keeps retrying to report to a slurmd that is gone) and the jobs they ran.
leftovers() {
  local d
  for d in /proc/[0-9]*; do
    [ "${d#/proc/}" != $$ ] || continue
    case "$(readlink "$d/cwd" 2>/dev/null)" in "$work" | "$work"/*) echo "${d#/proc/}" ;; esac
  done
}

teardown() {
  local status=$? f d rest
  [ "$outcome" -eq 0 ] || status=1
  # Jobs of ours still queued or running (a timeout, an interrupt) must not outlive the script.
  [ "${#jobs[@]}" -eq 0 ] || scancel "${jobs[@]}" 2>/dev/null || true
  # slurm first, munged last: slurm needs it to the end.
  if [ "${#own_slurm[@]}" -ne 0 ]; then
    stop "${own_slurm[@]}"
    mapfile -t rest < <(leftovers)
    [ "${#rest[@]}" -eq 0 ] || stop "${rest[@]}"
  fi
  if [ "$status" -ne 0 ]; then
    for d in slurmctld slurmd; do
      if [ -f "$work/log/$d.log" ]; then
        echo "----- $d.log (last 40 lines) -----" >&2
        tail -n 40 "$work/log/$d.log" >&2
      fi
    done
    for f in "$work"/out/*.out; do
      [ -f "$f" ] || continue
      echo "----- job output $(basename "$f") -----" >&2
      cat "$f" >&2
    done
  fi
  [ -z "$own_munge" ] || stop "$own_munge"
  if [ "$status" -eq 0 ]; then
    rm -rf "$work"
  else
    say "work dir kept: $work"
  fi
}
trap teardown EXIT
trap "exit 130" INT
trap "exit 143" TERM

# A running cluster is used as it is; standing one up needs root. (A bounded ping: without a
# slurm.conf, scontrol looks the controller up in DNS.)
existing=""
if command -v scontrol >/dev/null 2>&1 && timeout 20 scontrol ping 2>/dev/null | grep -q 'is UP'; then
  existing=1
  say "using the Slurm cluster that is already running"
elif [ "$(id -u)" -ne 0 ]; then
  die "no Slurm cluster answers (scontrol ping), and standing one up (apt-get install slurm-wlm munge, starting the daemons) needs root: run as root or start a cluster first"
fi

# --- The CLI and the scenario ----------------------------------------------------------------------
if [ -n "${PM_CLI:-}" ]; then
  cli="$PM_CLI"
else
  t=$SECONDS
  say "building the CLI (Release)"
  dotnet build "$repo/src/PredictiveModels.Cli" -c Release -nologo -v q >"$work/build.log" 2>&1 \
    || { cat "$work/build.log" >&2; die "the CLI did not build"; }
  cli="dotnet $repo/src/PredictiveModels.Cli/bin/Release/net10.0/predictive-models.dll"
  say "built in $((SECONDS - t)) s"
fi
read -r -a command <<< "$cli"

if [ -n "${1:-}" ]; then
  scenario="$(realpath "$1")"
elif [ -f "$repo/samples/scenarios/uncertain-default.yaml" ]; then
  scenario="$repo/samples/scenarios/uncertain-default.yaml"
else
  scenario="$work/uncertain.yaml"
  cat > "$scenario" <<EOF
schemaVersion: 1
name: uncertain-local
extends: $repo/samples/scenarios/default.yaml
analysis:
  dataSize: 1e3 to 1e5
  speedWeight: "truncate(normal(0.5, 1), 0, 10)"
EOF
fi
[ -f "$scenario" ] || die "no scenario file '$scenario'"

# --- Slurm: unless one runs, install it and start a single-node cluster ---------------------------
if [ -z "$existing" ]; then
  if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null \
    || ! command -v munged >/dev/null; then
    t=$SECONDS
    say "installing slurm-wlm and munge with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update && apt-get install -y slurm-wlm munge; } >"$work/apt.log" 2>&1 \
      || { cat "$work/apt.log" >&2; die "apt-get could not install slurm-wlm and munge"; }
    say "installed in $((SECONDS - t)) s"
  fi
  t=$SECONDS

  if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    install -d -o munge -g munge -m 755 /run/munge
    if [ ! -s /etc/munge/munge.key ]; then
      install -d -o munge -g munge -m 700 /etc/munge
      (umask 077 && dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none)
      chown munge:munge /etc/munge/munge.key
      chmod 400 /etc/munge/munge.key
    fi
    rm -f /run/munge/munged.pid
    su -s /bin/sh munge -c munged
    own_munge=$(pid_in /run/munge/munged.pid) || die "munged did not start (no /run/munge/munged.pid)"
    for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.1; done
    munge -n | unmunge >/dev/null || die "munged did not start"
  fi

  # proctrack/linuxproc and task/none: under cgroup tracking every job fails at launch here
  # while Slurm reports it COMPLETED (docs: /work/shared/design/DOTNET.md, Slurm section).
  mkdir -p "$work/state" "$work/spool" "$work/log" "$work/out"
  memory=$(awk '/^MemAvailable:/ { printf "%d", $2 / 1024 * 0.95 }' /proc/meminfo)
  cat > "$work/slurm.conf" <<EOF
ClusterName=local
SlurmctldHost=localhost
SlurmUser=root
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=main Nodes=localhost Default=YES MaxTime=INFINITE State=UP
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MinJobAge=3600
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
EOF
  export SLURM_CONF="$work/slurm.conf"
  slurmctld
  pid=$(pid_in "$work/slurmctld.pid") || die "slurmctld did not start"
  own_slurm+=("$pid")
  slurmd -N localhost
  pid=$(pid_in "$work/slurmd.pid") || die "slurmd did not start"
  own_slurm+=("$pid")
  for _ in $(seq 150); do
    state=$(sinfo -h -n localhost -o %T 2>/dev/null || true)
    [ "$state" = idle ] && break
    sleep 0.2
  done
  [ "$state" = idle ] || die "the node is '${state:-not up}' 30 s after starting slurmctld and slurmd"
  say "started ${own_munge:+munged, }slurmctld and slurmd in $((SECONDS - t)) s"
fi
mkdir -p "$work/out"

# --- Submit: an array of shards, then a merge that runs only if every shard succeeded --------------
t=$SECONDS
export PM_CLI="$cli" PM_SCENARIO="$scenario" PM_SAMPLES="$samples" PM_SEED="$seed" \
  PM_OUT="$work/out" PM_SHARDS="$shards" PM_RESULT="$work/out/merged.json"
array=$(sbatch --parsable --chdir="$work" --array="1-$shards" --output="$work/out/shard-%a.out" \
  "$here/uncertainty-array.sbatch")
array="${array%%;*}"
jobs+=("$array")
merge=$(sbatch --parsable --chdir="$work" --dependency="afterok:$array" --kill-on-invalid-dep=yes \
  --output="$work/out/merge.out" "$here/merge.sbatch")
merge="${merge%%;*}"
jobs+=("$merge")
say "submitted array job $array ($shards shards of $samples samples) and merge job $merge"

deadline=$((SECONDS + timeout))
while [ -n "$(squeue -h -j "$array,$merge" -o %i 2>/dev/null)" ]; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    squeue >&2 || true
    scancel "$array" "$merge" 2>/dev/null || true
    # Let the cancelled jobs end before the daemons stop.
    for _ in $(seq 30); do
      [ -n "$(squeue -h -j "$array,$merge" -o %i 2>/dev/null)" ] || break
      sleep 1
    done
    die "the jobs did not finish within $timeout s (PM_SLURM_TIMEOUT); cancelled them"
  fi
  sleep 1
done
say "jobs finished in $((SECONDS - t)) s"

# Every task must have COMPLETED with exit code 0 and written its shard: Slurm can report a job
# that never ran as COMPLETED 0:0, and a cancelled merge leaves the sbatch/squeue side silent.
failed=0
report=$(scontrol -o show job "$array" 2>/dev/null || true)
ok=$(grep -c 'JobState=COMPLETED .*ExitCode=0:0' <<< "$report" || true)
if [ "$ok" -ne "$shards" ]; then
  say "only $ok of $shards shard tasks completed with exit code 0:"
  grep -o 'ArrayTaskId=[^ ]*\|JobState=[^ ]*\|ExitCode=[^ ]*' <<< "$report" | paste - - - >&2 || true
  failed=1
fi
for ((i = 1; i <= shards; i++)); do
  [ -s "$work/out/shard-$i.json" ] || { say "shard $i wrote no $work/out/shard-$i.json"; failed=1; }
done
mstate=$(scontrol -o show job "$merge" 2>/dev/null | grep -o 'JobState=[^ ]* .*ExitCode=[^ ]*' \
  | sed 's/JobState=\([^ ]*\) .*ExitCode=\([^ ]*\)/\1 \2/' || true)
if [ "$mstate" != "COMPLETED 0:0" ] || [ ! -s "$work/out/merged.json" ]; then
  say "the merge job ended '${mstate:-unknown}' and wrote ${work}/out/merged.json: $([ -s "$work/out/merged.json" ] && echo yes || echo no)"
  failed=1
fi
if [ "$failed" -ne 0 ]; then
  echo "slurm: FAILED: the sharded run on Slurm did not complete ($shards shards of $samples samples)"
  exit 1
fi

# --- The same analysis unsharded, and the comparison ------------------------------------------------
"${command[@]}" uncertainty "$scenario" --samples "$samples" --seed "$seed" --format json \
  -o "$work/unsharded.json" 2>"$work/unsharded.err" || { cat "$work/unsharded.err" >&2; die "the unsharded run failed"; }
if cmp "$work/out/merged.json" "$work/unsharded.json" >&2; then
  outcome=0
  echo "slurm: OK: $shards shards of $samples samples (seed $seed) merged on Slurm are identical to the unsharded run ($((SECONDS - started)) s)"
else
  echo "slurm: FAILED: $shards shards of $samples samples (seed $seed) merged on Slurm differ from the unsharded run"
  exit 1
fi
