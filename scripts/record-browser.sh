#!/usr/bin/env bash
# Re-records what the real SIP.js 0.6.4 and JsSIP 3.13.8 report for the media causes in
# Debian's headless Chromium (tests/test_browser.rs, the ignored `record` test, runs
# tests/browser/record.js against its scripted peer), installing Chromium from Debian and the
# pinned npm packages (`npm ci` in tests/browser) first where they are missing, and fails if
# the libraries now report anything other than tests/recorded/chromium-media.json says.
# CI runs it (`.ci/run`); the README's test command reads the committed recording and needs
# no browser.
#   scripts/record-browser.sh          record and compare
#   scripts/record-browser.sh --write  record and replace the committed file
#
# Debian updates Chromium often: a new recording that differs only in the browser's version is
# reported, not failed, so that a security update alone does not turn CI red.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q "install ok installed"; then
  echo "installing chromium from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)

committed=tests/recorded/chromium-media.json
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
# The workspace and features of the test command, so that CI builds nothing twice.
RECORD_TO=$fresh cargo test --quiet --workspace --all-features --test test_browser record -- --ignored --exact

if [[ ${1:-} == --write ]]; then
  cp "$fresh" "$committed"
  echo "wrote $committed"
  exit 0
fi
# The recordings without the browser's version, then the versions.
python3 - "$committed" "$fresh" <<'EOF'
import difflib, json, sys
committed, fresh = (json.load(open(path)) for path in sys.argv[1:])
versions = committed["browser"].pop("version"), fresh["browser"].pop("version")
if committed != fresh:
    lines = lambda data: json.dumps(data, indent=2).splitlines()
    print("\n".join(difflib.unified_diff(lines(committed), lines(fresh), sys.argv[1], "fresh", lineterm="")))
    print(f"error: SIP.js and JsSIP in Chromium {versions[1]} differ from {sys.argv[1]} "
          "(above); re-record with --write and review", file=sys.stderr)
    sys.exit(1)
if versions[0] != versions[1]:
    print(f"{sys.argv[1]}: recorded with chromium {versions[0]}; chromium {versions[1]} "
          "makes the libraries report the same (commit a re-recording with --write to say so)")
else:
    print(f"{sys.argv[1]}: SIP.js and JsSIP in the real Chromium report as recorded")
EOF
