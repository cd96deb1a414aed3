#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: installs the Debian packages the
# tests need when they are missing (the tests start their own scratch PostgreSQL
# and MariaDB servers from these binaries), then runs `swift test` with any
# arguments given (e.g. `--filter RunnerCommands`).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
[ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
[ -f /usr/include/postgresql/libpq-fe.h ] || missing+=(libpq-dev)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
[ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)          # MySQL execution tests
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing test dependencies: ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${missing[@]}"
fi

exec swift test "$@"
