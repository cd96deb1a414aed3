#!/bin/sh
# Parse benchmark: 10,000 revision files (~1,000,000 lines), release build.
#   bench/parse/run.sh [DIR]
set -e
cd "$(dirname "$0")/../.."
DIR="${1:-/tmp/migc-parse-bench}"
[ -d "$DIR" ] || python3 bench/parse/generate.py --files 10000 --out "$DIR"
swift build -c release --product migc-parse-bench
/usr/bin/time -v .build/release/migc-parse-bench "$DIR" 2> /tmp/migc-parse-bench.time
grep -E "Elapsed|Maximum resident" /tmp/migc-parse-bench.time
