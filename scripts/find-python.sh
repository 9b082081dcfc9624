#!/usr/bin/env bash
# Prints the path of a Python >= 3.12 that really runs (Django 6.1 needs it), or fails with a clear message.
# Order: $PYTHON, python3.13, python3.12, then pyenv's installed versions.
set -u
works() {
  # A pyenv shim exists on PATH even when it cannot run, so ask the interpreter itself.
  "$@" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}
resolve() {
  "$@" -c 'import sys; print(sys.executable)'
}
if [ -n "${PYTHON:-}" ] && works "$PYTHON"; then resolve "$PYTHON"; exit 0; fi
for cand in python3.13 python3.12; do
  if command -v "$cand" >/dev/null 2>&1 && works "$cand"; then resolve "$cand"; exit 0; fi
done
root="${PYENV_ROOT:-$HOME/.pyenv}"
if [ -d "$root/versions" ]; then
  for dir in $(ls -1 "$root/versions" | sort -rV); do
    exe="$root/versions/$dir/bin/python3"
    if [ -x "$exe" ] && works "$exe"; then resolve "$exe"; exit 0; fi
  done
fi
echo "error: Kyoso needs Python 3.12 or newer (Django 6.1 refuses older ones)." >&2
echo "       Install python3.12 or python3.13 (e.g. 'apt-get install python3.13' or pyenv), or set PYTHON=/path/to/python3.12." >&2
exit 1
