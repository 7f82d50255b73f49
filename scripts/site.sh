#!/usr/bin/env bash
# Install the project into .venv, build the pages from seeds/ and the site.
#   scripts/site.sh          install, generate pages, build the site into site/
#   scripts/site.sh serve    the same, then serve it on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1  # Material's banner about MkDocs 2, not about this site
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
.venv/bin/kb build --seeds seeds --out docs
if [ "${1:-}" = "serve" ]; then
  exec .venv/bin/mkdocs serve --dirty --dev-addr 127.0.0.1:8000
fi
.venv/bin/mkdocs build --strict
echo "site built in site/ (open site/index.html, or run: scripts/site.sh serve)"
