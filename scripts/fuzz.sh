#!/usr/bin/env bash
# Fuzzes every target of fuzz/ for SECONDS each (60 by default), one after the other:
#   reason       Reason::parse, parse_list, parse_header_line, Display round trips,
#                Cause::from_reason
#   reason_diff  cause-core's Reason parser against sip-header's
#   reason_sofia cause-core's Reason parser against the real sofia-sip's (Debian's
#                libsofia-sip-ua0, installed if missing)
#   table        the macro's pipeline (spec, validate, expand) on any text
# Installs what it needs if absent (the nightly toolchain with rustup, cargo-fuzz with cargo)
# and says so. Each target starts from its seeds (tests/fuzz/seeds/, for `table` the project's
# own tables) and its kept findings (tests/fuzz/regressions/), and grows a corpus under
# target/fuzz-corpus/. A finding is left in fuzz/artifacts/TARGET/: fix it, then copy it into
# tests/fuzz/regressions/TARGET/, where `cargo test --test test_fuzz_corpus` replays it.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(reason reason_diff reason_sofia table)

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz.sh: installing the nightly toolchain (rustup toolchain install nightly)" >&2
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: installing cargo-fuzz (cargo install cargo-fuzz --locked)" >&2
  cargo install cargo-fuzz --locked
fi

if [[ " ${targets[*]} " == *" reason_sofia "* ]] \
  && ! dpkg-query -W -f='${Status}' libsofia-sip-ua0 2>/dev/null | grep -q "install ok installed"; then
  echo "fuzz.sh: installing libsofia-sip-ua0 for reason_sofia (apt-get)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsofia-sip-ua0 >/dev/null
fi

status=0
for target in "${targets[@]}"; do
  corpus=target/fuzz-corpus/$target
  mkdir -p "$corpus" "tests/fuzz/regressions/$target" "fuzz/artifacts/$target"
  seeds=()
  if [[ $target == table ]]; then
    cp causes.toml q850.toml freeswitch.toml asterisk.toml jssip.toml \
      cause-macros/tests/snapshots/*.toml "$corpus/"
  else
    seeds=(tests/fuzz/seeds/reason)
  fi
  log=$(mktemp)
  echo "== $target: ${seconds} s" >&2
  if ! cargo +nightly fuzz run --fuzz-dir fuzz "$target" "$corpus" "${seeds[@]}" \
    "tests/fuzz/regressions/$target" -- -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1; then
    status=1
    tail -n 40 "$log" >&2
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  found=$(find "fuzz/artifacts/$target" -type f | wc -l)
  printf '%s: %s s, %s executions, corpus %s inputs, findings %s\n' \
    "$target" "$seconds" "${runs:-?}" "$(find "$corpus" -type f | wc -l)" "$found"
  rm -f "$log"
done
exit "$status"
