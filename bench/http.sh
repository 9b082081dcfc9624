#!/usr/bin/env bash
# HTTP benchmark: requests/second and p99 of the directory search page under wrk (loopback only,
# bounded duration) against the production server (granian, 2 workers, DEBUG off) on the bench
# database, next to a static file served by nginx on the same box.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DURATION="${BENCH_DURATION:-10s}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
APP_PORT=18765
NGINX_PORT=18766
export KYOSO_VAR_DIR="$PWD/var/bench" STATIC_ROOT="$PWD/var/bench/static"
unset DATABASE_URL REDIS_URL DEBUG KYOSO_TESTING
scripts/secret-key.sh

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq "$2" >/dev/null; else echo "install $2 to run the HTTP benchmark" >&2; exit 1; fi
}
need wrk wrk
need nginx nginx-light

[ -f var/bench/kyoso.sqlite3 ] || $PY bench/directory.py --orgs "${BENCH_ORGS:-100000}" --searches 20
$PY manage.py migrate --noinput -v 0  # a bench database made by an older checkout
$PY manage.py collectstatic --noinput -v 0

tmp=$(mktemp -d)
cleanup() { kill "$app_pid" 2>/dev/null || true; [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
.venv/bin/granian --interface wsgi --blocking-threads 1 --workers 2 --host 127.0.0.1 --port $APP_PORT \
  --log-level warning kyoso.wsgi:application > "$tmp/app.log" 2>&1 &
app_pid=$!
cp static/css/site.css "$tmp/site.css"
cat > "$tmp/nginx.conf" <<NGINX
worker_processes 2;
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $tmp; proxy_temp_path $tmp; fastcgi_temp_path $tmp; uwsgi_temp_path $tmp; scgi_temp_path $tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $tmp; }
}
NGINX
nginx -c "$tmp/nginx.conf"
for _ in $(seq 1 50); do curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/" && break; sleep 0.2; done

# A wrk script that adds a counter to each request, so no two requests share a cache entry.
cat > "$tmp/uncached.lua" <<'LUA'
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", wrk.path .. "&nocache=" .. n .. "-" .. math.random(1000000))
end
LUA

measure() {  # label url [wrk args] -> prints "label  N req/s  p99 X"
  local out rps p99
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${@:3}" "$2")
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $5}')
  printf '  %-44s %10s req/s   p99 %8s%s\n' "$1" "$rps" "$p99" "${errors:+   non-2xx: $errors}" >&2
  echo "$rps"
}

echo "== HTTP benchmark (wrk -t2 -c$CONNECTIONS -d$DURATION, loopback) =="
static=$(measure "nginx static file" "http://127.0.0.1:$NGINX_PORT/site.css")
search=$(measure "/directory/?q=介護&pref=13" "http://127.0.0.1:$APP_PORT/directory/?q=%E4%BB%8B%E8%AD%B7&pref=13")
uncached=$(measure "  the same, never from the page cache" "http://127.0.0.1:$APP_PORT/directory/?q=%E4%BB%8B%E8%AD%B7&pref=13" -s "$tmp/uncached.lua")
listing=$(measure "/directory/?pref=13 (filters only)" "http://127.0.0.1:$APP_PORT/directory/?pref=13")
home=$(measure "/ (home page)" "http://127.0.0.1:$APP_PORT/")
ratio() { $PY -c "import sys; print(f'{100 * float(sys.argv[1]) / float(sys.argv[2]):.2f}%')" "$1" "$static"; }
echo "  search page / nginx static:  $(ratio "$search")   (target >= 1%)"
echo "  search page, uncached:       $(ratio "$uncached")"
echo "  filter list / nginx static:  $(ratio "$listing")"
echo "  home page   / nginx static:  $(ratio "$home")"
