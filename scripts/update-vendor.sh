#!/usr/bin/env bash
# Refreshes the vendored front-end files from the npm registry (developer-only; running the site needs no Node).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @digital-go-jp/design-tokens@1.1.9 htmx.org@2.0.11 axe-core@4.14.1 >/dev/null)
for f in "$tmp"/*.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
{ echo "/* @digital-go-jp/design-tokens 1.1.9 dist/tokens.css (MIT, Digital Agency). Pinned copy: do not edit; regenerate with scripts/update-vendor.sh. */"
  cat "$tmp"/digital-go-jp-design-tokens-1.1.9/package/dist/tokens.css; } > static/css/tokens.css
cp "$tmp"/htmx.org-2.0.11/package/dist/htmx.min.js static/vendor/htmx-2.0.11.min.js
cp "$tmp"/axe-core-4.14.1/package/axe.min.js e2e/vendor/axe-4.14.1.min.js
echo "vendored files updated"
