#!/usr/bin/env bash
# Install the project with its test tools into .venv and run every test.
# Browser tests need Chromium: as root on Debian it is installed with apt-get;
# elsewhere they are skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
# tests/test_browser.py drives Debian's Chromium at /usr/bin/chromium through Playwright (installed above
# with '.[test]'); Playwright's own browser download (`playwright install`) is never used.
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "could not install chromium; browser tests will be skipped"
fi
.venv/bin/ruff check src tests scripts
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" = 5 ]; then
  echo "pytest collected no tests: that is a failure here" >&2
  exit 1
fi
exit "$status"
