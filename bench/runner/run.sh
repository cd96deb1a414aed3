#!/usr/bin/env bash
# The runner on generated linear histories (bench/genhistory.py: create table, add
# column, index, ... one op per revision), release build, wall time of the whole
# process (`/usr/bin/time -f %e`), median of RUNS:
#   - `migc upgrade head --no-fold` (every revision replayed, its version row and
#     history row written) and `migc downgrade base`, on SQLite (a file) in both
#     transaction modes, and on PostgreSQL 15 (a scratch cluster on a unix socket,
#     started here as the `postgres` user, fsync on: the default) per-revision and single;
#   - on MariaDB (a scratch server on a unix socket, started here when mariadbd is
#     installed): `upgrade --no-fold`, `upgrade` (folded) and, side by side, the
#     `mariadb` client running the `migc build --dialect mysql` script of the same
#     history (the engine's own CLI on the same statements), with the ratio.
#
#   bench/runner/run.sh [RUNS]              # default 3 runs per figure
#   MIGC=path/to/migc bench/runner/run.sh   # use this binary, do not build
#   SIZES="200 1000" bench/runner/run.sh
#
# Must run as root (to start the cluster as `postgres`) or skips PostgreSQL, saying so.
# Asserts nothing; prints one line per figure.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"
sizes="${SIZES:-200 1000}"
work="$(mktemp -d /tmp/migc-bench-runner-XXXXXX)"
chmod 755 "$work"
pgbin=/usr/lib/postgresql/15/bin
cleanup() {
  if [ -f "$work/my/pid" ]; then kill "$(cat "$work/my/pid")" 2>/dev/null || true; sleep 1; fi
  if [ -f "$work/pg/data/postmaster.pid" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${MIGC:-}" ]; then
  swift build -c release --product migc >/dev/null
  MIGC="$(swift build -c release --show-bin-path)/migc"
fi

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# time_cmd: runs "$@" RUNS times after running $SETUP before each; prints the median.
time_cmd() {
  local setup="$1"; shift
  for _ in $(seq "$runs"); do
    eval "$setup"
    /usr/bin/time -f %e -o "$work/t" "$@" >/dev/null
    cat "$work/t"
  done | median
}

pg_url=""
if [ "$(id -u)" = 0 ] && [ -x "$pgbin/initdb" ]; then
  mkdir -p "$work/pg" && chown postgres "$work/pg"
  port=$((20000 + RANDOM % 30000))
  runuser -u postgres -- "$pgbin/initdb" -D "$work/pg/data" -A trust -U postgres --no-sync >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories=$work/pg -p $port" start >/dev/null
  pg_url="postgres://postgres@%2F${work//\//%2F}%2Fpg:$port"
else
  echo "postgres: skipped (needs root and $pgbin)"
fi

my_url=""
if [ -x /usr/sbin/mariadbd ] && [ -x /usr/bin/mariadb-install-db ]; then
  mkdir -p "$work/my"
  /usr/bin/mariadb-install-db --datadir="$work/my/data" --user=root --auth-root-authentication-method=normal \
    --skip-test-db >"$work/my/install.log" 2>&1
  /usr/sbin/mariadbd --no-defaults --datadir="$work/my/data" --socket="$work/my/sock" --skip-networking \
    --user=root --pid-file="$work/my/pid" --log-error="$work/my/server.log" &
  for _ in $(seq 100); do [ -S "$work/my/sock" ] && break; sleep 0.2; done
  my_url="mysql://root@/bench?socket=$work/my/sock"
else
  echo "mariadb: skipped (needs mariadb-server)"
fi
mariadb_cli() { /usr/bin/mariadb --socket="$work/my/sock" -u root "$@"; }

for n in $sizes; do
  python3 bench/genhistory.py --revisions "$n" --out "$work/h$n" >/dev/null
  dir="$work/h$n"
  for mode in single per-revision; do
    db="$work/s.db"
    up=$(time_cmd "rm -f $db" "$MIGC" upgrade head --no-fold --quiet --transaction "$mode" --dir "$dir" --database "sqlite:$db")
    down=$(time_cmd "rm -f $db; $MIGC upgrade head --quiet --dir $dir --database sqlite:$db >/dev/null" \
      "$MIGC" downgrade base --quiet --transaction "$mode" --dir "$dir" --database "sqlite:$db")
    echo "sqlite   $mode n=$n: upgrade ${up}s, downgrade ${down}s"
  done
  if [ -n "$pg_url" ]; then
    for mode in per-revision single; do
      psql_reset="runuser -u postgres -- $pgbin/psql -q -h $work/pg -p $port -d postgres -c 'DROP DATABASE IF EXISTS bench' -c 'CREATE DATABASE bench' >/dev/null 2>&1"
      up=$(time_cmd "$psql_reset" "$MIGC" upgrade head --no-fold --quiet --transaction "$mode" --dir "$dir" --database "$pg_url/bench")
      down=$(time_cmd "$psql_reset; $MIGC upgrade head --quiet --dir $dir --database $pg_url/bench >/dev/null" \
        "$MIGC" downgrade base --quiet --transaction "$mode" --dir "$dir" --database "$pg_url/bench")
      echo "postgres $mode n=$n: upgrade ${up}s, downgrade ${down}s"
    done
  fi
  if [ -n "$my_url" ]; then
    my_reset="mariadb_cli -e 'DROP DATABASE IF EXISTS bench; CREATE DATABASE bench'"
    "$MIGC" build --dialect mysql --dir "$dir" -o "$work/my$n.sql" >/dev/null
    replay=$(time_cmd "$my_reset" "$MIGC" upgrade head --no-fold --quiet --dir "$dir" --database "$my_url")
    fold=$(time_cmd "$my_reset" "$MIGC" upgrade head --quiet --dir "$dir" --database "$my_url")
    cli=$(time_cmd "$my_reset" sh -c "/usr/bin/mariadb --socket=$work/my/sock -u root bench < $work/my$n.sql")
    echo "mariadb  n=$n: upgrade --no-fold ${replay}s, upgrade (fold) ${fold}s, mariadb client on the build script ${cli}s;" \
      "ratio no-fold/client $(awk "BEGIN{printf \"%.2f\", $replay/$cli}"), fold/client $(awk "BEGIN{printf \"%.2f\", $fold/$cli}")"
  fi
done
