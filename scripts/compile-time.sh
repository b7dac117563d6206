#!/usr/bin/env bash
# What our users pay at build time, measured side by side in one run:
#   scripts/compile-time.sh           1. a clean release build of cause-core with everything it
#                                        depends on, against a crate holding the same enum with
#                                        strum derives (what they would otherwise write), RUNS
#                                        times each, alternating; prints the medians and their
#                                        ratio (and cause-core with every feature);
#                                     2. edit to result: after an edit to causes.toml, how long
#                                        `cargo build` takes.
#   scripts/compile-time.sh ratio     1. alone (what `scripts/bench.sh check` runs).
#   scripts/compile-time.sh crates    where a clean build of cause-core goes: each crate's CPU
#                                     seconds and when it started and ended, RUNS builds, medians.
#   scripts/compile-time.sh features  what each feature of cause-core costs: a clean build with
#                                     it alone, beside one with default features, RUNS times each.
# Usage: RUNS=7 scripts/compile-time.sh [ratio|crates|features]   (RUNS=5 by default)
# Needs: cargo, python3 (to write the strum crate from `sip-cause table --json`), GNU time.
set -euo pipefail

mode=${1:-all}
runs=${RUNS:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
since() { awk -v end="$(now)" -v start="$1" 'BEGIN { printf "%.3f", end - start }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# A rustc wrapper that logs each crate's CPU seconds (user + system, every thread) and its
# start and end, to $CPU_LOG: CPU time is what a crate costs whatever else the machine runs.
wrapper=$work/rustc-cpu
cat > "$wrapper" <<'WRAPPER'
#!/usr/bin/env bash
rustc=$1; shift
name=; args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do [[ ${args[i]} == --crate-name ]] && name=${args[i + 1]}; done
start=$(date +%s.%N)
/usr/bin/time -f "%U %S" -o "$CPU_LOG.$$" "$rustc" "$@" || { rc=$?; rm -f "$CPU_LOG.$$"; exit $rc; }
if [[ -n $name && $name != ___ ]]; then
  read -r user sys < "$CPU_LOG.$$"
  echo "$name $user $sys $start $(date +%s.%N)" >> "$CPU_LOG"
fi
rm -f "$CPU_LOG.$$"
WRAPPER
chmod +x "$wrapper"

# One clean release build of cause-core with `$@` (cargo's feature options), its crates logged:
# prints the log's lines as "crate cpu start end", times from the build's start.
logged_build() {
  local target=$work/target-logged log=$work/cpu.log
  rm -rf "$target" "$log"
  local start; start=$(now)
  CPU_LOG=$log RUSTC_WRAPPER=$wrapper CARGO_TARGET_DIR=$target cargo build --quiet --offline \
    --release --manifest-path "$root/Cargo.toml" -p cause-core "$@"
  awk -v t0="$start" -v wall="$(since "$start")" \
    '{ printf "%s %.3f %.3f %.3f\n", $1, $2 + $3, $4 - t0, $5 - t0 } END { printf "(wall) 0 0 %.3f\n", wall }' "$log"
  rm -rf "$target" "$log"
}

if [[ $mode == crates ]]; then
  for run in $(seq "$runs"); do logged_build > "$work/crates-$run"; done
  # Each crate's medians over the runs (build scripts share the name build_script_build, so
  # they are told apart by their order in the log).
  python3 - "$work"/crates-* <<'PY'
import statistics, sys
med = statistics.median
rows, totals, walls = {}, [], []
for path in sys.argv[1:]:
    seen, total = {}, 0.0
    for line in open(path):
        name, cpu, start, end = line.split()
        if name == "(wall)":
            walls.append(float(end))
            continue
        seen[name] = seen.get(name, 0) + 1
        key = name if seen[name] == 1 else "%s (%d)" % (name, seen[name])
        rows.setdefault(key, []).append((float(cpu), float(start), float(end)))
        total += float(cpu)
    totals.append(total)
print("| Crate | CPU (s) | starts (s) | ends (s) |")
print("|---|---|---|---|")
for name, runs in sorted(rows.items(), key=lambda r: med([e for _, _, e in r[1]])):
    print("| %s | %.2f | %.2f | %.2f |" % (name, *(med(c) for c in zip(*runs))))
print("| all crates | %.2f | | |" % med(totals))
print("| the build (wall) | | | %.2f |" % med(walls))
PY
  exit 0
fi

if [[ $mode == features ]]; then
  echo "| Features | clean build (s) | cause-core's own CPU (s) | other crates' CPU (s) |"
  echo "|---|---|---|---|"
  for features in default jssip linphone freeswitch asterisk reason-protocols nas ran wlan ims stir preemption serde alloc all; do
    case $features in
      default) args=() ;;
      all) args=(--all-features) ;;
      *) args=(--features "$features") ;;
    esac
    for run in $(seq "$runs"); do
      logged_build "${args[@]}" | awk '$1 == "(wall)" { wall = $4 } $1 == "cause_core" { own = $2 }
        $1 != "(wall)" && $1 != "cause_core" { other += $2 } END { print wall, own, other }'
    done | python3 -c '
import sys, statistics
rows = [list(map(float, line.split())) for line in sys.stdin]
print("| %s | %.2f | %.2f | %.2f |" % (sys.argv[1], *(statistics.median(c) for c in zip(*rows))))
' "$features"
  done
  exit 0
fi

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
  if [[ $mode != ratio ]]; then
    # Every table (the PBX ones too) and serde: what `--all-features` costs.
    start=$(now)
    CARGO_TARGET_DIR="$work/target-all-$run" cargo build --quiet --offline --release \
      --manifest-path "$root/Cargo.toml" -p cause-core --all-features
    all+=("$(since "$start")")
    rm -rf "$work/target-all-$run"
  fi
  start=$(now)
  CARGO_TARGET_DIR="$work/target-strum-$run" cargo build --quiet --offline --release \
    --manifest-path "$work/strum-enum/Cargo.toml"
  theirs+=("$(since "$start")")
  rm -rf "$work/target-core-$run" "$work/target-strum-$run"
  echo "run $run: cause-core ${ours[-1]} s${all:+ (all features ${all[-1]} s)}, strum enum ${theirs[-1]} s"
done
ours_median=$(printf '%s\n' "${ours[@]}" | median)
theirs_median=$(printf '%s\n' "${theirs[@]}" | median)
printf 'clean release build, median of %d: cause-core %.2f s, strum enum %.2f s, ratio %.2f\n' \
  "$runs" "$ours_median" "$theirs_median" "$(awk -v a="$ours_median" -v b="$theirs_median" 'BEGIN { print a / b }')"
[[ $mode == ratio ]] && exit 0
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
