#!/usr/bin/env bash
# Re-records what the C SIP stacks installed from Debian do, installing their packages first where
# they are missing, and fails if a new recording differs from the committed one (CI runs it:
# `.ci/run`). The README's test command reads the committed recordings and needs no package.
#   tests/recorded/reason-phrases.json   sofia-sip's and libosip2's reason phrases
#                                        (scripts/record_phrases.py)
#   tests/recorded/sofia-reason.json     sofia-sip's parse of Reason values
#                                        (scripts/record_reason.py)
#   tests/recorded/liblinphone.json      liblinphone's reasons, its mapping functions, what its
#                                        calls report for each final response and what it
#                                        answers when declining (scripts/record_linphone.py)
#   tests/recorded/wireshark-4.0.17.json Wireshark's (tshark's) names of the causes the Reason
#                                        protocols' tables mirror, and its reading of the Reason
#                                        corpus (scripts/record_wireshark.py)
#   scripts/record-libraries.sh          record and compare
#   scripts/record-libraries.sh --write  record and replace the committed files
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libsofia-sip-ua0 libosip2-15 liblinphone10 tshark)
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

fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
status=0
wireshark=wireshark-$(dpkg-query -W -f='${Version}' tshark | sed 's/-.*//')
for recording in reason-phrases:record_phrases sofia-reason:record_reason liblinphone:record_linphone "$wireshark:record_wireshark"; do
  name=${recording%%:*}
  committed=tests/recorded/$name.json
  python3 "scripts/${recording##*:}.py" > "$fresh/$name.json"
  if [[ ${1:-} == --write ]]; then
    cp "$fresh/$name.json" "$committed"
    echo "wrote $committed"
  elif diff -u "$committed" "$fresh/$name.json"; then
    echo "$committed: the real libraries do as recorded"
  else
    echo "error: the real libraries differ from $committed (above); re-record with --write and review" >&2
    status=1
  fi
done
exit $status
