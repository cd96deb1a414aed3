#!/usr/bin/env bash
# Installs, with apt-get, the Debian packages migc needs that this machine lacks:
# the C libraries the build links (SQLite, libpq, MariaDB Connector/C), and with
# --tests also what the test suite runs (the sqlite3 CLI, PostgreSQL 15 and MariaDB
# server binaries: the tests start scratch servers from them; Graphviz for
# `migc graph --format svg`). Installs nothing when
# everything is there.
set -euo pipefail

missing=()
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -f /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
[ -f /usr/include/mariadb/mysql.h ] || missing+=(libmariadb-dev)   # the MySQL/MariaDB driver
if [ "${1:-}" = "--tests" ]; then
  [ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  command -v dot >/dev/null || missing+=(graphviz)   # migc graph --format svg|png
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}"
fi
