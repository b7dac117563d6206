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
#   scripts/bench.sh NAME ARGS extra arguments go to divan (a filter such as `from_str`)
set -euo pipefail
cd "$(dirname "$0")/.."

bench=${1:-lookup}
shift || true
manifest=benches/Cargo.toml
if [[ $bench != lookup ]]; then
  exec cargo bench --quiet --manifest-path "$manifest" --bench "$bench" -- "$@"
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
cargo bench --quiet --manifest-path "$manifest" --bench lookup -- "$@" | tee "$out" >&2

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
