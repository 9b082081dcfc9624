#!/usr/bin/env bash
# `make bench`: benchmarks that print their figures (never asserted in tests).
# BENCH_ORGS (default 100000) sets the directory size; DATABASE_URL adds a PostgreSQL run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
unset KYOSO_TESTING
KYOSO_VAR_DIR=var/bench scripts/secret-key.sh
$PY bench/directory.py "$@"
if [ -n "${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/test}" ] && \
   $PY -c "import psycopg,sys; psycopg.connect(sys.argv[1], connect_timeout=2).close()" "${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/test}" 2>/dev/null; then
  DATABASE_URL="${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/test}" $PY bench/directory.py "$@"
else
  echo "PostgreSQL not reachable: skipping the PostgreSQL run (set BENCH_PG_URL)"
fi
bench/http.sh
