#!/usr/bin/env bash
# Graph figures on a 10,000-revision linear history (release build).
#   bench/graph/run.sh            # in-process: build, topological order, heads, paths
#   bench/graph/run.sh --cli      # also `migc heads` / `migc history` on 10,000 real files
# Prints figures; asserts nothing. Target: topological order + heads well under 50 ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release -Xswiftc -enable-testing --product migcPackageTests >/dev/null
MIGC_BENCH=1 swift test -c release -Xswiftc -enable-testing --skip-build --filter GraphBenchmark 2>&1 | grep 'bench:'
if [ "${1:-}" = "--cli" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  python3 bench/genhistory.py --revisions 10000 --out "$out/migrations" >/dev/null
  swift build -c release -Xswiftc -enable-testing --product migc >/dev/null
  bin=$(swift build -c release -Xswiftc -enable-testing --show-bin-path)/migc
  for cmd in "heads" "history"; do
    start=$(date +%s%N)
    "$bin" $cmd --dir "$out/migrations" >/dev/null
    echo "bench: migc $cmd on 10,000 files: $(( ($(date +%s%N) - start) / 1000000 )) ms"
  done
fi
