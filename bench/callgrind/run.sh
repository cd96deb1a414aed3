#!/usr/bin/env bash
# Instruction counts (callgrind) of the main commands, for two migc binaries side by
# side on the same generated history: repeatable whatever else the machine does, so
# a before/after comparison holds on a loaded 2-core machine where wall times swing.
#
#   bench/callgrind/run.sh BASELINE_BIN [NEW_BIN] [REVISIONS]
#
# NEW_BIN defaults to this checkout's release build; REVISIONS to 1000. Binaries are
# stripped first (valgrind 3.19 cannot read the DWARF of a build with swift-crypto).
set -euo pipefail
cd "$(dirname "$0")/../.."
base=${1:?usage: bench/callgrind/run.sh BASELINE_BIN [NEW_BIN] [REVISIONS]}
new=${2:-.build/release/migc}
revisions=${3:-1000}
out=bench/out/callgrind
mkdir -p "$out"
history="$out/h$revisions"
[ -d "$history" ] || python3 bench/genhistory.py --revisions "$revisions" --out "$history" >/dev/null
strip -o "$out/base" "$base"
strip -o "$out/new" "$new"
export MIGC_NO_CACHE=1   # the cold path: every header parsed

count() {  # binary, then migc arguments; prints the instruction total
  local bin=$1; shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 >/dev/null \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

printf "%-26s %15s %15s %8s\n" "work ($revisions revisions)" baseline new change
for work in build fold replay current lint; do
  row=()
  for bin in "$out/base" "$out/new"; do
    db="$out/db.sqlite"
    rm -f "$db" "$db-journal"
    case $work in
      build) row+=("$(count "$bin" build --dialect sqlite -o "$out/out.sql" --dir "$history")");;
      fold) row+=("$(count "$bin" upgrade -q --dir "$history" --database "sqlite:$db")");;
      replay) row+=("$(count "$bin" upgrade -q --no-fold --dir "$history" --database "sqlite:$db")");;
      current)
        "$bin" upgrade -q --dir "$history" --database "sqlite:$db"
        row+=("$(count "$bin" current --dir "$history" --database "sqlite:$db")");;
      lint) row+=("$(count "$bin" lint --dir "$history" || true)");;
    esac
  done
  awk -v w="$work" -v a="${row[0]}" -v b="${row[1]}" \
    'BEGIN { printf "%-26s %15d %15d %+7.1f%%\n", w, a, b, (b - a) * 100 / a }'
done
