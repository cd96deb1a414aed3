#!/usr/bin/env bash
# Inspection commands on generated linear histories (release build): median wall
# time and peak RSS of the whole process (`/usr/bin/time -f '%e %M'`), with the
# header cache warm (the normal case) and off (MIGC_NO_CACHE=1: every file read and
# header-parsed). Targets (issue 6): `current`, `heads`, `history` under 30 ms on
# 1,000 revisions and under 150 ms on 10,000; peak memory under 100 MiB.
#
#   bench/inspect/run.sh [RUNS]              # default 9 runs per figure
#   MIGC=path/to/migc bench/inspect/run.sh   # use this binary, do not build
#
# `migc current` is timed when the binary has it (against a SQLite file whose
# version table holds the head), and skipped otherwise. Asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-9}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ -z "${MIGC:-}" ]; then
  swift build -c release --product migc >/dev/null
  MIGC="$(swift build -c release --show-bin-path)/migc"
fi
for n in 1000 10000; do
  python3 bench/genhistory.py --revisions "$n" --out "$work/h$n" >/dev/null
done
# Files younger than 3 s are never trusted from the cache (see FileStamp.isSettled).
sleep 3

has_current=0
if "$MIGC" --help | grep -qE '^ +current ' && command -v sqlite3 >/dev/null; then has_current=1; fi

# median of the numbers on stdin
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# figure LABEL ENV... -- ARGS...: prints "LABEL  median ms  max RSS MiB"
figure() {
  local label="$1"; shift
  local env=()
  while [ "$1" != "--" ]; do env+=("$1"); shift; done
  shift
  env "${env[@]}" "$MIGC" "$@" >/dev/null 2>&1 || true   # warm-up (writes the cache)
  : > "$work/times"
  local start end
  for _ in $(seq "$runs"); do
    # Wall from the clock in ns (time's %e has 10 ms steps); peak RSS from time's %M.
    start=$(date +%s%N)
    env "${env[@]}" /usr/bin/time -f '%M' -o "$work/one" "$MIGC" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000 )) $(cat "$work/one")" >> "$work/times"
  done
  local ms mib
  ms=$(awk '{ print $1 / 1000 }' "$work/times" | median)
  mib=$(awk '{ print $2 / 1024 }' "$work/times" | sort -n | tail -1)
  printf '%-34s %8.1f ms %8.1f MiB\n' "$label" "$ms" "$mib"
}

printf '%-34s %11s %12s   (median of %s runs)\n' "command" "wall" "peak RSS" "$runs"
for n in 1000 10000; do
  dir="$work/h$n"
  commands=(heads history)
  if [ "$has_current" = 1 ]; then
    head=$("$MIGC" heads --dir "$dir" | awk '{ print $1; exit }')
    sqlite3 "$work/db$n.sqlite" "CREATE TABLE migc_version(revision VARCHAR(255) NOT NULL PRIMARY KEY); INSERT INTO migc_version VALUES ('$head');"
    commands+=(current)
  fi
  for cmd in "${commands[@]}"; do
    args=("$cmd" --dir "$dir")
    [ "$cmd" = current ] && args+=(--database "sqlite:$work/db$n.sqlite")
    figure "migc $cmd, $n revisions" MIGC_BENCH=1 -- "${args[@]}"
    figure "migc $cmd, $n, no cache" MIGC_NO_CACHE=1 -- "${args[@]}"
  done
done
[ "$has_current" = 1 ] || echo "(migc current: not in this build, skipped)"
