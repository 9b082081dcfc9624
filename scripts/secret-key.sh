#!/usr/bin/env bash
# Creates a random SECRET_KEY once under the var folder (KYOSO_VAR_DIR, default var/), readable only
# by its owner. Kept across runs (sessions and signed links stay valid); never committed (.gitignore).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${KYOSO_VAR_DIR:-var}"
mkdir -p "$dir"
if [ ! -s "$dir/secret_key" ]; then
  umask 077
  python3 -c 'import secrets; print(secrets.token_urlsafe(64))' > "$dir/secret_key.tmp"
  mv "$dir/secret_key.tmp" "$dir/secret_key"
  echo "created a random secret key in $dir/secret_key"
fi
