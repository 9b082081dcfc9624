#!/usr/bin/env bash
# `make bench`: benchmarks that print their figures (never asserted in tests).
#   1. the search engine and list selectors alone at BENCH_ORGS organisations (default 100,000),
#      on SQLite and on PostgreSQL (BENCH_PG_URL) when reachable;
#   2. every list and search page over HTTP, uncached, on a varied query mix, with the demo data
#      and with 100,000 organisations, on both databases, next to nginx (one table);
#   3. signed-in pages (マイページ, the review queue with 1,000 pending, the audit log with
#      1,000,000 entries), in-process.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
unset KYOSO_TESTING DEBUG
PG="${BENCH_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq "$2" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }
  else echo "install $2 to run the HTTP benchmark" >&2; exit 1; fi
}
need wrk wrk
need nginx nginx-light
pg_ok() { $PY -c "import psycopg,sys; psycopg.connect(sys.argv[1], connect_timeout=2).close()" "$PG" 2>/dev/null; }
KYOSO_VAR_DIR=var/bench scripts/secret-key.sh >/dev/null
KYOSO_VAR_DIR=var/bench-demo scripts/secret-key.sh >/dev/null
echo "== 1. search engine and list selectors alone =="
KYOSO_VAR_DIR="$PWD/var/bench" $PY bench/directory.py "$@"
if pg_ok; then
  DATABASE_URL="$PG" KYOSO_VAR_DIR="$PWD/var/bench" $PY bench/directory.py "$@"
else
  echo "PostgreSQL not reachable at $PG: skipping its runs (set BENCH_PG_URL)"
fi
echo "== 2. list and search pages over HTTP, uncached =="
BENCH_PG_URL="$PG" $PY bench/pages.py
echo "== 3. signed-in pages =="
$PY bench/signed_in.py
if pg_ok; then DATABASE_URL="$PG" $PY bench/signed_in.py; fi
