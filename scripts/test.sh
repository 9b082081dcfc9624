#!/usr/bin/env bash
# Runs every check: lint, the suite on SQLite, the same suite on PostgreSQL (+ Redis), the browser
# journeys. `scripts/test.sh e2e` runs only the journeys. Called by `make test` (and so by CI).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PG_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
REDIS_TEST_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}"
only="${1:-all}"
export KYOSO_TESTING=1
unset DATABASE_URL REDIS_URL DEBUG

step() { printf '\n=== %s ===\n' "$*"; }

pg_up() { "$PY" - "$PG_URL" <<'PYEOF'
import sys, psycopg
try:
    psycopg.connect(sys.argv[1], connect_timeout=3).close()
except Exception as exc:
    print(f"  {exc}".strip(), file=sys.stderr)
    sys.exit(1)
PYEOF
}

redis_up() { "$PY" -c "import redis,sys; redis.Redis.from_url(sys.argv[1], socket_timeout=2).ping()" "$REDIS_TEST_URL" 2>/dev/null; }

ensure_postgres() {
  pg_up 2>/dev/null && return 0
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "PostgreSQL is not answering; starting it with pg_ctlcluster"
    for version in $(ls /etc/postgresql); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
    done
    for _ in $(seq 1 20); do pg_up 2>/dev/null && return 0; sleep 0.5; done
  fi
  echo "ERROR: PostgreSQL is not reachable at $PG_URL and could not be started." >&2
  echo "       Start it (e.g. 'pg_ctlcluster 15 main start') or set TEST_DATABASE_URL." >&2
  pg_up || true
  return 1
}

ensure_browser() {
  if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "installing Debian's chromium and fonts-noto-cjk for the browser journeys"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
    else
      echo "ERROR: the browser journeys need /usr/bin/chromium and fonts-noto-cjk:" >&2
      echo "       sudo apt-get install -y chromium fonts-noto-cjk" >&2
      return 1
    fi
  fi
}

run_e2e() {
  step "browser journeys (Playwright + Debian Chromium + axe-core)"
  ensure_browser
  "$PY" -m pytest e2e -q -p no:cacheprovider -o testpaths=e2e
}

if [ "$only" = e2e ]; then run_e2e; exit 0; fi

step "ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

step "migrations are up to date"
KYOSO_VAR_DIR="$(mktemp -d)" "$PY" manage.py makemigrations --check --dry-run >/dev/null \
  || { echo "ERROR: models changed without a migration (run manage.py makemigrations)" >&2; exit 1; }

# The suite on SQLite and the browser journeys run in the background while the suite runs on
# PostgreSQL: one after the other the three took over 25 minutes on this 2-core machine.
step "suite on SQLite, suite on PostgreSQL and browser journeys, side by side"
ensure_browser
sqlite_log="$(mktemp)"
e2e_log="$(mktemp)"
KYOSO_VAR_DIR="$(mktemp -d)" "$PY" -m pytest kyoso -q -p no:cacheprovider >"$sqlite_log" 2>&1 &
sqlite_pid=$!
"$PY" -m pytest e2e -q -p no:cacheprovider -o testpaths=e2e >"$e2e_log" 2>&1 &
e2e_pid=$!
trap 'kill "$sqlite_pid" "$e2e_pid" 2>/dev/null || true' EXIT
pg_status=0
if ensure_postgres; then
  if redis_up; then
    echo "Redis answers at $REDIS_TEST_URL: cache and sessions use it in the PostgreSQL run"
    export REDIS_URL="$REDIS_TEST_URL" CACHE_KEY_PREFIX="kyoso-test-$$"
  else
    echo "NOTE: Redis is not reachable at $REDIS_TEST_URL; the PostgreSQL run uses the local-memory cache."
  fi
  step "test suite on PostgreSQL"
  DATABASE_URL="$PG_URL" KYOSO_VAR_DIR="$(mktemp -d)" "$PY" -m pytest kyoso -q -p no:cacheprovider || pg_status=$?
  unset REDIS_URL CACHE_KEY_PREFIX
else
  pg_status=1
fi
sqlite_status=0
wait "$sqlite_pid" || sqlite_status=$?
step "test suite on SQLite"
cat "$sqlite_log"
e2e_status=0
wait "$e2e_pid" || e2e_status=$?
trap - EXIT
step "browser journeys (Playwright + Debian Chromium + axe-core)"
cat "$e2e_log"
if [ "$sqlite_status" != 0 ] || [ "$pg_status" != 0 ] || [ "$e2e_status" != 0 ]; then
  echo "ERROR: failed (SQLite suite: exit $sqlite_status, PostgreSQL suite: exit $pg_status," \
    "browser journeys: exit $e2e_status)" >&2
  exit 1
fi
