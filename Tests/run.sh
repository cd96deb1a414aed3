#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: installs the Debian packages the
# build and the tests need when they are missing (scripts/install-deps.sh), then
# runs `swift test` with any arguments given (e.g. `--filter RunnerCommands`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --tests
exec swift test "$@"
