#!/usr/bin/env bash
# Times `migc lint` (release build) on generated linear histories of mixed ops over
# about 200 tables, printing wall time and peak RSS per size.
#
#     bench/lint/run.sh              # 1,000 and 10,000 revisions
#     bench/lint/run.sh 2000 5000    # other sizes
#
# Targets: 10,000 revisions in < 1.5 s and < 300 MB, near-linear scaling.
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
  /usr/bin/time -f "$n revisions: %e s wall, %M KB peak RSS" "$bin" lint --dir "$dir" --format json >"$dir.json" || status=$?
  errors=$(grep -c '"severity" : "error"' "$dir.json" || true)
  echo "  exit $status, $errors errors, $(grep -c '"severity" : "warning"' "$dir.json" || true) warnings (details: $dir.json)"
done
