#!/usr/bin/env bash
# Times `migc lint` (release build) on generated linear histories of mixed ops over
# about 200 tables, printing wall time, CPU time and peak RSS per size.
#
#     bench/lint/run.sh              # 1,000 and 10,000 revisions
#     bench/lint/run.sh 2000 5000    # other sizes
#
# Targets: 10,000 revisions in < 1.5 s and < 300 MB, near-linear scaling. On a
# shared machine wall time includes waiting for a core: compare user + sys too.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
swift build -c release --product migc --package-path "$root" >/dev/null
bin="$root/.build/release/migc"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
for n in "${sizes[@]}"; do
  dir="${TMPDIR:-/tmp}/migc-bench-lint-$n"
  "$(dirname "$0")/generate.sh" "$n" "$dir"
  status=0
  /usr/bin/time -o "$dir.time" -f "%e s wall, %U s user, %S s sys, %M KB peak RSS" "$bin" lint --dir "$dir" 2>"$dir.stderr" >/dev/null || status=$?
  echo "$n revisions: $(cat "$dir.time"); exit $status; $(tail -n1 "$dir.stderr")"
done
