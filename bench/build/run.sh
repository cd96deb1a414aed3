#!/usr/bin/env bash
# Times `migc build --dialect sqlite` over a generated 10,000-revision history
# (release build). Target: under 2 s.
#
#   bench/build/run.sh [REVISIONS]      # default 10000
set -euo pipefail
cd "$(dirname "$0")/../.."
revisions="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 bench/genhistory.py --revisions "$revisions" --mixed --out "$work/migrations" >/dev/null
swift build -c release --product migc >/dev/null
migc="$(swift build -c release --show-bin-path)/migc"

for dialect in sqlite postgres; do
  /usr/bin/time -f "$dialect: $revisions revisions in %e s (user %U s, max RSS %M KB)" \
    "$migc" build --dir "$work/migrations" --dialect "$dialect" -o "$work/out.$dialect.sql"
done

# The script really runs.
if command -v sqlite3 >/dev/null; then
  start=$(date +%s.%N)
  sqlite3 -cmd "PRAGMA synchronous = OFF" -cmd "PRAGMA journal_mode = MEMORY" "$work/bench.db" < "$work/out.sqlite.sql" >/dev/null
  end=$(date +%s.%N)
  printf 'sqlite3 ran the script in %.2f s; migc_version: %s\n' "$(echo "$end - $start" | bc)" \
    "$(sqlite3 "$work/bench.db" 'SELECT revision FROM migc_version')"
fi
