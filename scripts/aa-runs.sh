#!/usr/bin/env bash
# Measures the A/A false-positive rate of this machine: runs N short A/A benchmark runs one after the other, then
# summarises how often the A/A cell's 95 % interval excluded 1 (docs/statistics.md#the-measured-aa-false-positive-rate).
#
#   scripts/aa-runs.sh N [extra 'authbench run' options]
#
# N: 1 to 100. Each run is 'java -jar harness/target/authbench.jar run' with these defaults, each replaced by an extra
# option of the same name (e.g. --pairs=20, --profiles=slow-4g, --seed=7):
#   --quick --profiles=loopback --flows=login --aa-flow=login --pairs=10 --server-phase=off --filmstrip=off
# and --seed=B+i for run i (a fresh pair order per run; B = AA_SEED_BASE, default 20261127) unless --seed is
# given. A block option (--pairs-per-block, --min-blocks, --max-blocks, --precision) leaves out --quick and
# --pairs: runs in blocks.
#
# Environment: AA_SEED_BASE (B above: a second batch with another base draws other orders than the first),
# AA_RUNS_OUT (run folders, default target/aa-runs), AA_CALIBRATION (the summary, default
# target/aa-calibration.json, where 'authbench report' finds it for runs in target/), AA_RUN_TIMEOUT (seconds one run
# may take, default 900), AUTHBENCH_JAR (default harness/target/authbench.jar).
#
# Exit codes: 0 summary written with at least one usable run; 1 no usable run or the summary failed; 2 bad usage;
# 130 interrupted (Ctrl-C: the running benchmark is stopped, its processes with it, and no summary is written).
set -euo pipefail

me="scripts/aa-runs.sh"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage="usage: $me N [extra 'authbench run' options], N from 1 to 100"

if [[ $# -lt 1 ]]; then
    echo "$me: the number of runs is missing; $usage" >&2
    exit 2
fi
runs="$1"
shift
if ! [[ "$runs" =~ ^[0-9]{1,3}$ ]] || ((10#$runs < 1 || 10#$runs > 100)); then
    echo "$me: '$runs' is not a number of runs from 1 to 100; $usage" >&2
    exit 2
fi
runs=$((10#$runs))
timeout_s="${AA_RUN_TIMEOUT:-900}"
seed_base="${AA_SEED_BASE:-20261127}"
if ! [[ "$seed_base" =~ ^[0-9]{1,15}$ ]]; then
    echo "$me: AA_SEED_BASE='$seed_base' is not a whole number of at most 15 digits" >&2
    exit 2
fi
if ! [[ "$timeout_s" =~ ^[0-9]{1,5}$ ]] || ((timeout_s < 60)); then
    echo "$me: AA_RUN_TIMEOUT='$timeout_s' is not a number of seconds of at least 60" >&2
    exit 2
fi
jar="${AUTHBENCH_JAR:-$root/harness/target/authbench.jar}"
if [[ ! -f "$jar" ]]; then
    echo "$me: $jar does not exist; build it first: mvn -q -B package -DskipTests (from $root)" >&2
    exit 2
fi
out="$(realpath -m -- "${AA_RUNS_OUT:-$root/target/aa-runs}")"
summary="$(realpath -m -- "${AA_CALIBRATION:-$root/target/aa-calibration.json}")"
jar="$(realpath -m -- "$jar")"
# The harness finds the emulator's and the apps' jars relative to the working directory (ssr-app/target/...).
cd "$root"
for arg in "$@"; do
    case "$arg" in
        --out | --out=*) echo "$me: --out is set per run (run folders go to AA_RUNS_OUT=$out)" >&2; exit 2 ;;
        --aa-flow=none) echo "$me: --aa-flow=none leaves nothing to measure; give an A/A flow or leave it out" >&2; exit 2 ;;
    esac
done

# A default applies unless an extra option of the same name is given (picocli refuses an option given twice).
given() {
    local name="$1" arg
    for arg in "${extra[@]}"; do
        [[ "$arg" == "$name" || "$arg" == "$name="* ]] && return 0
    done
    return 1
}
extra=("$@")
defaults=(--quick --profiles=loopback --flows=login --aa-flow=login --pairs=10 --server-phase=off --filmstrip=off)
# With a block option the run is in blocks, which --pairs (one fixed block) and --quick (one block of 2) exclude:
# both defaults are then left out, so e.g. 'scripts/aa-runs.sh 20 --min-blocks=3 --max-blocks=3' measures the rate
# of the default run's design (3 blocks, warm-up, full JIT warm-up) on the A/A cell, and --max-blocks=4 that of the
# adaptive design.
blocks=false
for name in --pairs-per-block --min-blocks --max-blocks --precision; do
    given "$name" && blocks=true
done
base=()
for option in "${defaults[@]}"; do
    name="${option%%=*}"
    if $blocks && [[ "$name" == --pairs || "$name" == --quick ]]; then
        continue
    fi
    given "$name" || base+=("$option")
done

child=""
stop() {
    trap - INT TERM
    echo "$me: interrupted; stopping the running benchmark (it stops its browser and servers)" >&2
    if [[ -n "$child" ]]; then
        kill -TERM "$child" 2>/dev/null || true
        wait "$child" 2>/dev/null || true
    fi
    echo "$me: no summary written; the run folders so far are in $out" >&2
    exit 130
}
trap stop INT TERM

# The commit the runs are made from, taken before them (the tree may change while they run).
commit="$(git -C "$root" describe --always --dirty 2>/dev/null || echo unknown)"
mkdir -p "$out"
folders=()
for ((i = 1; i <= runs; i++)); do
    folder="$out/run-$(printf '%03d' "$i")"
    rm -rf -- "$folder"
    args=("${base[@]}")
    given --seed || args+=("--seed=$((seed_base + i))")
    args+=("${extra[@]}" "--out=$folder")
    echo "$me: run $i of $runs: authbench run ${args[*]}"
    # timeout: a run that hangs is stopped (TERM, then KILL 30 s later) and counted as not usable.
    log="$folder.log"
    timeout --kill-after=30 "$timeout_s" java -jar "$jar" run "${args[@]}" >"$log" 2>&1 &
    child=$!
    set +e
    wait "$child"
    code=$?
    set -e
    child=""
    case "$code" in
        0) ;;
        124 | 137) echo "$me: run $i took longer than ${timeout_s} s and was stopped (log: $log)" >&2 ;;
        *) echo "$me: run $i exited with $code (log: $log)" >&2 ;;
    esac
    folders+=("$folder")
done
trap - INT TERM

seeds=""
given --seed || seeds=" --seed=${seed_base}+i"
command="$me $runs${extra[*]:+ ${extra[*]}} (at $commit; run i: authbench run ${base[*]}${seeds}${extra[*]:+ ${extra[*]}})"
java -jar "$jar" aa-calibration --out "$summary" --command "$command" "${folders[@]}"
