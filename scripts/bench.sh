#!/usr/bin/env bash
# Runs the benchmarks, a workspace of their own in benches/ so that the README's test command
# never builds their baselines.
#   scripts/bench.sh           the lookup benchmarks (benches/lookup.rs), then, for each
#                              measurement, the median of the generated code beside the fastest
#                              other implementation of the same run and their ratio, as a
#                              markdown table (the one in docs/performance.md)
#   scripts/bench.sh reason    the Reason parser against its Rust peers (benches/reason.rs)
#   scripts/bench.sh paired    `FromStr` against its two fastest baselines, timed side by side
#                              in every sample: the median ratio and its quartiles
#                              (benches/paired.rs)
#   scripts/bench.sh check     the regression check: the paired benchmarks and the clean-build
#                              comparison (scripts/compile-time.sh ratio), each ratio against
#                              the figure docs/performance.md records for it ("The regression
#                              check"); fails when one is more than 15% worse
#   scripts/bench.sh NAME ARGS extra arguments go to divan (a filter such as `from_str`)
set -euo pipefail
cd "$(dirname "$0")/.."

bench=${1:-lookup}
shift || true
manifest=benches/Cargo.toml
# Every function and loop of the benchmarks aligned to 64 bytes: without it, a change anywhere
# in the binary moves the measured code across cache lines, and the same machine code 32 bytes
# further measured hits 1.02 or 1.12 times the faster baseline (benches/paired.rs); with the
# functions alone aligned, divan's medians of the hits still ranged 1.00 to 1.10.
bench_flags="-C llvm-args=-align-all-functions=6 -C llvm-args=-align-loops=64"

if [[ $bench == check ]]; then
  # A ratio fails when it is more than this much above its recorded figure.
  tolerance=1.15
  # `| name | recorded |` rows of docs/performance.md's table of the check's figures.
  recorded() {
    awk -F'|' -v name="$1" '$2 == " `" name "` " { gsub(/ /, "", $3); print $3; exit }' docs/performance.md
  }
  failed=0
  check() {
    local name=$1 now=$2 was
    was=$(recorded "$name")
    if [[ -z $was ]]; then
      echo "check: docs/performance.md records no figure for \`$name\`" >&2
      failed=1
      return
    fi
    if awk -v now="$now" -v was="$was" -v t="$tolerance" 'BEGIN { exit !(now > was * t) }'; then
      echo "FAIL $name: $now, recorded $was (more than 15% worse)"
      failed=1
    else
      echo "ok   $name: $now, recorded $was"
    fi
  }
  paired=$(RUSTFLAGS=$bench_flags cargo bench --quiet --manifest-path "$manifest" --bench paired)
  echo "$paired"
  # "| hits | 0.91 | 0.88 to 0.94 |": the median ratio of each part.
  ratio_of() { awk -F'|' -v part="$1" '$2 == " " part " " { gsub(/ /, "", $3); print $3 }' <<<"$paired"; }
  build=$(RUNS=${RUNS:-5} scripts/compile-time.sh ratio | tee /dev/stderr | tail -n 1)
  echo
  check "from_str hits, paired" "$(ratio_of hits)"
  check "from_str misses, paired" "$(ratio_of misses)"
  check "from_str hits and misses, paired" "$(ratio_of "hits and misses")"
  check "clean build, cause-core / strum" "${build##* }"
  exit "$failed"
fi

if [[ $bench != lookup ]]; then
  RUSTFLAGS=$bench_flags exec cargo bench --quiet --manifest-path "$manifest" --bench "$bench" -- "$@"
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
RUSTFLAGS=$bench_flags cargo bench --quiet --manifest-path "$manifest" --bench lookup -- "$@" | tee "$out" >&2

awk -F'│' '
  function ns(text,    value, unit) {
    value = text; unit = text
    gsub(/[^0-9.]/, "", value); gsub(/[0-9. ]/, "", unit)
    if (unit == "ps") return value / 1000
    if (unit == "µs" || unit == "us") return value * 1000
    if (unit == "ms") return value * 1000000
    return value + 0
  }
  # "├─ as_str  │ ..." opens a group; "│  ├─ generated  26 ns │ ... │ 26.47 ns │ ..." is a bench.
  /^(├|╰)─ / { split($1, head, " "); group = head[2]; groups[++n] = group; next }
  /^(│| ) +(├|╰)─ / {
    line = $0; sub(/^│/, "", line); split(line, field, "│")
    split(field[1], head, " "); name = head[2]
    median = ns(field[3])
    if (name == "generated") { ours[group] = median }
    else if (!(group in best) || median < best[group]) { best[group] = median; who[group] = name }
  }
  END {
    print "| Measurement | Generated (median) | Fastest other (median) | Ratio |"
    print "|---|---|---|---|"
    for (i = 1; i <= n; i++) {
      g = groups[i]
      printf "| `%s` | %.1f ns | %s, %.1f ns | %.2f |\n", g, ours[g], who[g], best[g], ours[g] / best[g]
    }
  }
' "$out"
