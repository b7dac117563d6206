#!/usr/bin/env bash
# Re-records tests/recorded/reason-phrases.json from the real sofia-sip and libosip2, installing
# their Debian packages first where they are missing, and fails if the new recording differs from
# the committed one (CI runs it: `.ci/run`). With --write, it writes the recording instead.
#   scripts/record-phrases.sh           record and compare
#   scripts/record-phrases.sh --write   record and replace the committed file
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libsofia-sip-ua0 libosip2-15)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if ((${#missing[@]})); then
  echo "installing ${missing[*]} from Debian" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

committed=tests/recorded/reason-phrases.json
fresh=$(mktemp)
trap 'rm -f "$fresh"' EXIT
python3 scripts/record_phrases.py > "$fresh"
if [[ ${1:-} == --write ]]; then
  cp "$fresh" "$committed"
  echo "wrote $committed"
elif diff -u "$committed" "$fresh"; then
  echo "the real sofia-sip and libosip2 give the recorded phrases"
else
  echo "error: the real libraries differ from $committed (above); re-record with --write and review" >&2
  exit 1
fi
