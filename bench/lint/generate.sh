#!/usr/bin/env bash
# A linear N-revision history of mixed ops over about 200 tables (create table, add,
# rename, alter, drop column, indexes, unique constraints), deterministic (seed 1).
#
#     bench/lint/generate.sh 10000 /tmp/h10000
set -euo pipefail
n=${1:?usage: generate.sh N DIR}
dir=${2:?usage: generate.sh N DIR}
if [ -d "$dir" ] && [ "$(find "$dir" -name '*.mig' | wc -l)" -eq "$n" ]; then exit 0; fi
rm -rf "$dir"
python3 "$(dirname "$0")/../genhistory.py" --revisions "$n" --mixed --tables 200 --seed 1 --out "$dir"
