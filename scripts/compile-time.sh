#!/usr/bin/env bash
# What our users pay at build time, measured side by side in one run:
#   1. a clean release build of cause-core with everything it depends on, against a crate
#      holding the same enum with strum derives (what they would otherwise write), RUNS times
#      each, alternating; prints the medians and their ratio;
#   2. edit to result: after an edit to causes.toml, how long `cargo build` takes.
# Usage: scripts/compile-time.sh            (RUNS=5 by default)
# Needs: cargo, python3 (to write the strum crate from `sip-cause table --json`).
set -euo pipefail

runs=${RUNS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
since() { awk -v end="$(now)" -v start="$1" 'BEGIN { printf "%.3f", end - start }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The strum crate: the same causes (names, values, alias, descriptions) as one enum with the
# strum derives that give what cause-core gives: FromStr, &'static str, Display, iteration
# and a message per variant.
cargo build --quiet --release --manifest-path "$root/Cargo.toml" --bin sip-cause
mkdir -p "$work/strum-enum/src"
cat > "$work/strum-enum/Cargo.toml" <<'TOML'
[package]
name = "strum-enum"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
strum = { version = "0.28", features = ["derive"] }

[workspace]
TOML
cp "$root/Cargo.lock" "$work/strum-enum/Cargo.lock"
"$root/target/release/sip-cause" table --json | python3 -c '
import json, sys
table = json.load(sys.stdin)
print("#![no_std]")
print("use strum::{Display, EnumIter, EnumMessage, EnumString, IntoStaticStr};")
print("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]")
print("#[derive(Display, EnumIter, EnumMessage, EnumString, IntoStaticStr)]")
print("#[non_exhaustive]")
print("pub enum Cause {")
for cause in table["cause"]:
    variant = "".join(w.capitalize() for w in cause["constant"].split("_") if w)
    names = "".join(", serialize = %s" % json.dumps(a, ensure_ascii=False) for a in cause["aliases"])
    print("    #[strum(to_string = %s%s, message = %s, detailed_message = %s)]" % (
        json.dumps(cause["value"], ensure_ascii=False), names, json.dumps(cause["constant"]),
        json.dumps(cause["description"], ensure_ascii=False)))
    print("    %s," % variant)
print("}")
' > "$work/strum-enum/src/lib.rs"

ours=()
theirs=()
all=()
for run in $(seq "$runs"); do
  start=$(now)
  CARGO_TARGET_DIR="$work/target-core-$run" cargo build --quiet --offline --release \
    --manifest-path "$root/Cargo.toml" -p cause-core
  ours+=("$(since "$start")")
  # Every table (the PBX ones too) and serde: what `--all-features` costs.
  start=$(now)
  CARGO_TARGET_DIR="$work/target-all-$run" cargo build --quiet --offline --release \
    --manifest-path "$root/Cargo.toml" -p cause-core --all-features
  all+=("$(since "$start")")
  rm -rf "$work/target-all-$run"
  start=$(now)
  CARGO_TARGET_DIR="$work/target-strum-$run" cargo build --quiet --offline --release \
    --manifest-path "$work/strum-enum/Cargo.toml"
  theirs+=("$(since "$start")")
  rm -rf "$work/target-core-$run" "$work/target-strum-$run"
  echo "run $run: cause-core ${ours[-1]} s (all features ${all[-1]} s), strum enum ${theirs[-1]} s"
done
ours_median=$(printf '%s\n' "${ours[@]}" | median)
theirs_median=$(printf '%s\n' "${theirs[@]}" | median)
printf 'clean release build, median of %d: cause-core %.2f s, strum enum %.2f s, ratio %.2f\n' \
  "$runs" "$ours_median" "$theirs_median" "$(awk -v a="$ours_median" -v b="$theirs_median" 'BEGIN { print a / b }')"
printf 'cause-core with every feature, median of %d: %.2f s\n' \
  "$runs" "$(printf '%s\n' "${all[@]}" | median)"

# Edit to result, in a copy of the workspace: build, append a cause, build again.
copy="$work/copy"
mkdir -p "$copy"
git -C "$root" ls-files -z | (cd "$root" && xargs -0 cp --parents -P -t "$copy")
export CARGO_TARGET_DIR="$work/target-edit"
cargo build --quiet --offline --manifest-path "$copy/Cargo.toml"
edits=()
for run in $(seq "$runs"); do
  printf '\n[[cause]]\nconstant = "EDIT_%d"\nvalue = "Edit %d"\ncategory = "common"\ndescription = "An edit."\n' \
    "$run" "$run" >> "$copy/causes.toml"
  start=$(now)
  cargo build --quiet --offline --manifest-path "$copy/Cargo.toml"
  edits+=("$(since "$start")")
done
"$CARGO_TARGET_DIR/debug/sip-cause" "EDIT_$runs" | head -1
printf 'edit causes.toml, then `cargo build` (cause-core and sip-cause), median of %d: %.2f s\n' \
  "$runs" "$(printf '%s\n' "${edits[@]}" | median)"
