#!/usr/bin/env bash
# Records what a real Asterisk or FreeSWITCH does as a back-to-back gateway: every final
# response 300..=699 relayed (bare, with Reason values, a 3xx without Contact, challenges, ...),
# every CANCEL and BYE passed on, every cause a dial plan ends a call with, and what the PBX
# records for each call (tests/pbx/, run by the ignored tests of tests/record_pbx.rs). The
# README's test command reads the recordings (tests/test_pbx_recorded.rs) and needs no PBX.
#
# It builds nothing: build the PBX yourself from its own sources and instructions (docs/proofs.md
# says which commits, libraries and modules), install it into a prefix, and give the prefix.
#
#   scripts/record-pbx.sh asterisk PREFIX
#       Asterisk at the commit asterisk.toml cites   -> tests/recorded/asterisk-COMMIT7.json
#   scripts/record-pbx.sh freeswitch PREFIX DEPS
#       FreeSWITCH at the commit freeswitch.toml cites, DEPS the prefix of the sofia-sip and
#       spandsp it was built with (their pkg-config files) -> tests/recorded/freeswitch-COMMIT7.json
#   scripts/record-pbx.sh asterisk PREFIX --release TAG COMMIT
#   scripts/record-pbx.sh freeswitch PREFIX DEPS --release TAG COMMIT
#       a release (22.10.1, v1.10.12), its tag's commit in full: relay rows, or the rows
#       PBX_ROWS names (relay,teardown,maps) -> tests/recorded/asterisk-TAG.json, freeswitch-TAG.json
#
# The PBX runs on 127.0.0.1 with the configuration of tests/pbx/asterisk/ or
# tests/pbx/freeswitch/ on ports the OS picked; it takes 5 to 15 minutes. Afterwards the script
# shows `git diff --stat` of the recording: two runs differ only in the counts of racy rows.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
  exit 2
}

pbx=${1:-}
prefix=${2:-}
[[ $pbx == asterisk || $pbx == freeswitch ]] && [[ -n $prefix ]] || usage
shift 2
deps=
if [[ $pbx == freeswitch ]]; then
  deps=${1:-}
  [[ -n $deps ]] || usage
  shift
fi
tag= commit=
if [[ ${1:-} == --release ]]; then
  tag=${2:-} commit=${3:-}
  [[ -n $tag && $commit =~ ^[0-9a-f]{40}$ ]] || usage
fi

fail() {
  echo "record-pbx.sh: $*" >&2
  exit 1
}

# The commit the table cites, in full, from its header ("at commit HASH").
cited=$(grep -m1 -o 'at commit [0-9a-f]\{40\}' "$pbx.toml" | cut -d' ' -f3)
[[ -n $cited ]] || fail "$pbx.toml cites no commit"

build=
case $pbx in
  asterisk)
    binary=$prefix/sbin/asterisk
    [[ -x $binary ]] || fail "no $binary: PREFIX is the prefix Asterisk was installed into"
    version=$("$binary" -V)
    ;;
  freeswitch)
    binary=$prefix/bin/freeswitch
    [[ -x $binary ]] || fail "no $binary: PREFIX is the prefix FreeSWITCH was installed into"
    version=$("$binary" -version)
    for library in sofia-sip-ua spandsp; do
      found=$(PKG_CONFIG_PATH=$deps/lib/pkgconfig pkg-config --modversion "$library") \
        || fail "no $library in $deps/lib/pkgconfig: DEPS is the prefix sofia-sip and spandsp were installed into"
      build+="$library: $found"$'\n'
    done
    ;;
esac

# The binary must say it is the commit (GIT-master-f0c1c1a7b7, git cc93a68) or the release.
if [[ -z $tag ]]; then
  commit=$cited
  [[ $version == *"${cited:0:7}"* ]] || fail "$binary says \"$version\", not commit ${cited:0:10} that $pbx.toml cites"
  name=$pbx-${cited:0:7}
  rows=relay,teardown,maps
else
  [[ $version == *"${tag#v}"* ]] || fail "$binary says \"$version\", not release $tag"
  name=$pbx-${tag#v}
  rows=${PBX_ROWS:-relay}
fi

target=tests/recorded/$name.json
echo "record-pbx.sh: $version -> $target (rows: $rows)" >&2
PBX_PREFIX=$prefix PBX_COMMIT=$commit PBX_BUILD=$build PBX_ROWS=$rows RECORD_TO=$target \
  cargo test --quiet --test record_pbx -- --ignored --exact "record_$pbx" --nocapture
git diff --stat -- "$target"
