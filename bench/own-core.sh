#!/usr/bin/env bash
# Runs a command with every other process (the local cloud, builds, the command itself) kept off one CPU, so a
# process the command pins there (bench/load.ts --bff-cpu N) has that CPU to itself; the affinities are put back to
# every CPU afterwards, also when the command fails or is interrupted. Root only; kernel threads stay where they are.
# --with PATTERN shares the CPU with the processes whose command line matches (pgrep -f): the session store's Redis,
# which a deployment runs beside the BFF rather than among the cloud's services.
#
#   bench/own-core.sh CPU [--with PATTERN]... COMMAND...
set -euo pipefail
[[ $# -ge 2 && $1 =~ ^[0-9]+$ ]] || { echo "usage: $0 CPU [--with PATTERN]... COMMAND..." >&2; exit 2; }
reserved=$1; shift
companions=()
while [[ ${1:-} == --with ]]; do companions+=("$2"); shift 2; done
all="0-$(($(nproc --all) - 1))"
others=$(seq 0 $(($(nproc --all) - 1)) | grep -vx "$reserved" | paste -sd, -)
[[ -n $others ]] || { echo "$0: one CPU only: nothing to keep off it" >&2; exit 2; }

set_all() { # affinity for every thread of every user process
  for pid in $(ps -o pid= --ppid 2 -N); do taskset -a -p -c "$1" "$pid" >/dev/null 2>&1 || true; done
}
trap 'set_all "$all"' EXIT
set_all "$others"
for pattern in "${companions[@]}"; do
  for pid in $(pgrep -f -- "$pattern"); do taskset -a -p -c "$reserved" "$pid" >/dev/null; done
done
taskset -c "$others" "$@"
