#!/usr/bin/env bash
# The gateway under load: SIPp (Debian's sip-tester, installed if missing) calls a far end that
# rejects every INVITE with `486` and `Reason: Q.850;cause=17`, once directly and once through
# `examples/gateway`, in the same run on 127.0.0.1. Every final response is checked to the
# byte (status line and Reason header, as the rule under test relays them): one that differs
# fails its call, and a failed call fails the script.
#
# Printed: the response time INVITE -> final response at a steady 500 calls/s on each path,
# median and 99th percentile (from SIPp's message log, in microseconds: SIPp's own response
# times count whole milliseconds) and their difference, what the gateway adds; calls per second
# on each path with 50 calls in flight at all times; the gateway's CPU time a call; its resident
# memory after the calls, after its transactions' timers have run out, and after as many calls
# again (a leak would show there).
#
# With `--pbx`, the real Asterisk or FreeSWITCH the PBX recorder runs (built from source as
# docs/pbx.md says, with the configuration of tests/pbx/) takes the gateway's place on a third
# path, in the same run, with the same far end and the same checks (the 486 and Reason that PBX
# sends): its calls per second, response times, CPU time a call and memory.
#
# usage: scripts/gateway-load.sh [--calls N] [--behave rfc3398|asterisk|freeswitch]
#                                [--pbx asterisk=PREFIX] [--pbx freeswitch=PREFIX]
#   --calls   calls in each throughput run (default 100000); the latency runs make a tenth of
#             them, at most 10000
#   --behave  the gateway's relay rule (default freeswitch)
#   --rate    calls per second in the latency runs (default 500; a PBX slower than that
#             queues the calls, and its times then measure the queue)
#   --pbx     a PBX installed under PREFIX, run as tests/record_pbx.rs's serve_pbx runs it
# KEEP=1 keeps the working folder (SIPp's logs, the gateway's events); FAR_TRACE=1 has the far
# end log every message too.
set -euo pipefail
cd "$(dirname "$0")/.."

calls=100000
behave=freeswitch
pbxs=()
usage="usage: $0 [--calls N] [--behave rfc3398|asterisk|freeswitch] [--rate N] [--pbx asterisk=PREFIX] [--pbx freeswitch=PREFIX]"
rate=500       # calls per second in the latency runs
while (($#)); do
  case "$1" in
    --calls) calls=${2:?--calls needs a number}; shift 2 ;;
    --behave) behave=${2:?--behave needs a rule}; shift 2 ;;
    --rate) rate=${2:?--rate needs a number}; shift 2 ;;
    --pbx)
      [[ ${2:-} =~ ^(asterisk|freeswitch)=. ]] || { echo "--pbx ${2:-}: expected asterisk=PREFIX or freeswitch=PREFIX" >&2; exit 2; }
      pbxs+=("$2"); shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
[[ $calls =~ ^[1-9][0-9]*$ ]] || { echo "--calls $calls: expected a positive number" >&2; exit 2; }
[[ $rate =~ ^[1-9][0-9]*$ ]] || { echo "--rate $rate: expected a positive number" >&2; exit 2; }

# What a PBX sends the caller for the far end's 486: Asterisk its own cause alone, FreeSWITCH
# the far end's Reason as it came (tests/recorded/, tests/test_pbx_recorded.rs).
pbx_reason() {
  case "$1" in
    asterisk) echo 'Q\.850;cause=17' ;;
    freeswitch) echo "$direct_reason" ;;
  esac
}

# What the caller must receive from the far end's `486` + `Reason: Q.850;cause=17;text="User
# busy"`: directly, that response as it is; through the gateway, what cause-core's rule for
# it says (`Gateway::relay_failure`, checked for every code in tests/test_relay.rs).
direct_reason='Q\.850;cause=17;text="User busy"'
case "$behave" in
  freeswitch) gateway_reason=$direct_reason ;;        # the far end's Reason, passed on
  asterisk) gateway_reason='Q\.850;cause=17' ;;       # res_pjsip_rfc3326: the cause alone
  rfc3398) gateway_reason='Q\.850;cause=17;text="USER_BUSY"' ;; # Q850::reason of the cause
  *) echo "--behave $behave: expected rfc3398, asterisk or freeswitch" >&2; exit 2 ;;
esac

users=50       # calls in flight in the throughput runs
latency_calls=$((calls / 10 < 10000 ? calls / 10 : 10000))
latency_calls=$((latency_calls > 0 ? latency_calls : 1))

if ! command -v sipp >/dev/null; then
  echo "==> installing SIPp (Debian package sip-tester)"
  apt-get update -qq && apt-get install -y -qq sip-tester >/dev/null
fi
echo "==> $(sipp -v 2>&1 | grep -o 'SIPp v[0-9.]*[0-9]' | head -n 1); building the gateway (release)"
cargo build --quiet --release --example gateway
gateway_bin=target/release/examples/gateway

work=$(mktemp -d)
pids=()
cleanup() {
  touch "$work/stop" # tells serve_pbx to stop its PBX
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -n ${KEEP:-} ]] || rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# A column of the last row of a SIPp statistics file (`-trace_stat`), by its header.
stat() {
  awk -F';' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i } END { print $c }' "$1"
}

# The caller's scenario with the response it must receive filled in: the regular expression
# written as an XML attribute (`"` as `&quot;`), then escaped for sed's replacement text.
caller_scenario() { # reason-regexp name
  local value=${1//\"/&quot;}
  value=$(printf '%s' "$value" | sed -e 's/[\\&/]/\\&/g')
  sed -e "s/@STATUS@/486/; s/@STATUS_LINE@/486 Busy Here/; s/@REASON@/$value/" \
    scripts/load/caller.xml >"$work/$2.xml"
}

# Runs SIPp as the caller. Fails (SIPp exits 1) if any call fails its checks.
call() { # name target scenario-options...
  local name=$1 target=$2
  shift 2
  (cd "$work" && sipp "$target" -sf "$name.xml" -i 127.0.0.1 -p "$(free_port)" \
    -nostdin -buff_size 4194304 -timeout 900s -timeout_error -trace_stat -trace_err "$@" >"$name.out" 2>&1) || {
    echo "SIPp ($name) failed; its first errors:" >&2
    head -c 2000 "$work"/"$name"_*errors.log >&2 2>/dev/null || tail -n 20 "$work/$name.out" >&2
    exit 1
  }
}

# Calls per second with USERS calls in flight.
throughput() { # name target
  local start end
  start=$(date +%s.%N)
  call "$1" "$2" -users "$users" -m "$calls"
  end=$(date +%s.%N)
  local done
  done=$(stat "$(ls "$work"/"$1"_*_.csv)" 'SuccessfulCall(C)')
  [[ $done == "$calls" ]] || { echo "$1: $done of $calls calls succeeded" >&2; exit 1; }
  awk -v n="$calls" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }'
}

# Median and 99th percentile of INVITE -> final response, in microseconds, from the times SIPp
# wrote in its message log (first INVITE sent, first final response received, per Call-ID).
latency() { # name target
  call "$1" "$2" -r "$rate" -m "$latency_calls" -trace_msg
  awk '
    /^-+ [0-9-]+ [0-9:.]+$/ { split($3, t, ":"); now = t[1] * 3600 + t[2] * 60 + t[3]; next }
    /^UDP message (sent|received)/ { dir = $3; first = ""; next }
    first == "" && NF { first = $0; next }
    /^Call-ID:/ {
      id = $2
      if (dir == "sent" && first ~ /^INVITE / && !(id in sent)) sent[id] = now
      if (dir == "received" && first ~ /^SIP\/2\.0 [3-6]/ && !(id in got)) got[id] = now
    }
    END { for (id in got) printf "%.0f\n", (got[id] - sent[id]) * 1e6 }
  ' "$work"/"$1"_*_messages.log | sort -n >"$work/$1.latency"
  local n
  n=$(wc -l <"$work/$1.latency")
  [[ $n == "$latency_calls" ]] || { echo "$1: $n response times for $latency_calls calls" >&2; exit 1; }
  awk '{ v[NR] = $1 } END { printf "%d %d", v[int((NR + 1) * 0.5)], v[int(NR * 0.99 + 0.5)] }' "$work/$1.latency"
}

memory() { # pid -> resident kB
  awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}

cpu_seconds() { # pid -> user + system time
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"
}

far_port=$(free_port)
cp scripts/load/far-end.xml "$work/"
(cd "$work" && exec sipp -sf far-end.xml -i 127.0.0.1 -p "$far_port" -nostdin -buff_size 4194304 -trace_stat ${FAR_TRACE:+-trace_msg} \
  -fd 1 >far-end.out 2>&1) &
pids+=($!)
far_pid=$!

"$gateway_bin" --far "127.0.0.1:$far_port" --behave "$behave" >"$work/events.jsonl" 2>"$work/stderr" &
pids+=($!)
gateway_pid=$!
for _ in $(seq 100); do
  [[ -s $work/events.jsonl ]] && break
  sleep 0.1
done
gateway_udp=$(sed -n '1s/.*"udp":"\([^"]*\)".*/\1/p' "$work/events.jsonl")
[[ -n $gateway_udp ]] || { echo "the gateway did not start: $(cat "$work/stderr")" >&2; exit 1; }
rss_start=$(memory "$gateway_pid")

caller_scenario "$direct_reason" direct
caller_scenario "$gateway_reason" gateway
for name in direct-latency:direct gateway-latency:gateway gateway-again:gateway; do
  cp "$work/${name#*:}.xml" "$work/${name%:*}.xml"
done

# Response times first, on a gateway that has not been loaded yet.
echo "==> $latency_calls calls at $rate per second on each path, response times"
read -r direct_p50 direct_p99 <<<"$(latency direct-latency "127.0.0.1:$far_port")"
read -r gateway_p50 gateway_p99 <<<"$(latency gateway-latency "$gateway_udp")"

echo "==> $calls calls directly to the far end, then through the gateway ($behave), $users in flight"
direct_cps=$(throughput direct "127.0.0.1:$far_port")
cpu_before=$(cpu_seconds "$gateway_pid")
gateway_cps=$(throughput gateway "$gateway_udp")
rss_after=$(memory "$gateway_pid")
cpu_per_call=$(awk -v a="$cpu_before" -v b="$(cpu_seconds "$gateway_pid")" -v n="$calls" \
  'BEGIN { printf "%.0f", (b - a) * 1e6 / n }')

# A transaction outlives its final response by RFC 3261's Timer D (32 s on UDP) to absorb
# retransmissions, so the calls of the last 32 s are all in memory at once. What is resident
# once those timers have run out stays with the allocator: whether the calls leak shows in a
# second batch, which must not need more.
idle() { sleep 35; memory "$gateway_pid"; }
echo "==> 35 s idle, $calls calls through the gateway again, 35 s idle"
rss_idle=$(idle)
throughput gateway-again "$gateway_udp" >/dev/null
rss_again=$(memory "$gateway_pid")
rss_idle_again=$(idle)

# Every call through the gateway is one `failed` event with the far end's 486 relayed, written
# just after the response is sent.
through_gateway=$((2 * calls + latency_calls))
relayed=$(grep -c '"event":"failed".*"status":486' "$work/events.jsonl" || true)
[[ $relayed == "$through_gateway" ]] \
  || { echo "the gateway reported $relayed relayed failures, not $through_gateway" >&2; exit 1; }

# Each PBX in the gateway's place: the same far end, the same calls, the caller known to the
# PBX's configuration by its user (`caller`).
pbx_rows=""
pbx_lines=""
through_pbxs=0
for spec in "${pbxs[@]}"; do
  kind=${spec%%=*} prefix=${spec#*=}
  echo "==> $kind from $prefix in the gateway's place"
  (PBX=$kind PBX_PREFIX=$prefix PBX_FAR=127.0.0.1:$far_port PBX_STOP=$work/stop \
    cargo test --quiet --test record_pbx -- --ignored --exact serve_pbx --nocapture \
    >"$work/$kind.serve" 2>&1) &
  pids+=($!)
  for _ in $(seq 600); do
    grep -q '"sip"' "$work/$kind.serve" 2>/dev/null && break
    sleep 0.5
  done
  pbx_sip=$(sed -n 's/.*"sip":"\([^"]*\)".*/\1/p' "$work/$kind.serve" | head -n 1)
  pbx_pid=$(sed -n 's/.*"pid":\([0-9]*\).*/\1/p' "$work/$kind.serve" | head -n 1)
  [[ -n $pbx_sip && -n $pbx_pid ]] || { echo "$kind did not start: $(tail -n 20 "$work/$kind.serve")" >&2; exit 1; }
  caller_scenario "$(pbx_reason "$kind")" "$kind"
  sed -i 's/sip:load@/sip:caller@/g' "$work/$kind.xml"
  cp "$work/$kind.xml" "$work/$kind-latency.xml"
  read -r pbx_p50 pbx_p99 <<<"$(latency "$kind-latency" "$pbx_sip")"
  pbx_rss_start=$(memory "$pbx_pid")
  pbx_cpu_before=$(cpu_seconds "$pbx_pid")
  pbx_cps=$(throughput "$kind" "$pbx_sip")
  pbx_cpu=$(awk -v a="$pbx_cpu_before" -v b="$(cpu_seconds "$pbx_pid")" -v n="$calls" \
    'BEGIN { printf "%.0f", (b - a) * 1e6 / n }')
  pbx_rss_after=$(memory "$pbx_pid")
  pbx_rss_idle=$(sleep 35; memory "$pbx_pid")
  through_pbxs=$((through_pbxs + calls + latency_calls))
  pbx_rows+="| SIPp -> $kind -> far end | $pbx_cps | $pbx_p50 | $pbx_p99 |"$'\n'
  pbx_lines+="$kind: $pbx_cpu µs of CPU a call; resident $(($pbx_rss_start / 1024)) MiB before the calls, $(($pbx_rss_after / 1024)) MiB after, $(($pbx_rss_idle / 1024)) MiB 35 s later."$'\n'
done

kill -USR1 "$far_pid"
wait "$far_pid" 2>/dev/null || true
all=$((through_gateway + calls + latency_calls + through_pbxs))
far_done=$(stat "$(ls "$work"/far-end_*_.csv)" 'SuccessfulCall(C)')
[[ $far_done == "$all" ]] || { echo "the far end completed $far_done calls, not $all" >&2; exit 1; }

mib() { echo "$(($1 / 1024)) MiB"; }
cat <<EOF

| path | calls/s ($users in flight) | median, µs ($rate calls/s) | 99th percentile, µs |
|---|---:|---:|---:|
| SIPp -> far end | $direct_cps | $direct_p50 | $direct_p99 |
| SIPp -> gateway ($behave) -> far end | $gateway_cps | $gateway_p50 | $gateway_p99 |
| added by the gateway | | $((gateway_p50 - direct_p50)) | $((gateway_p99 - direct_p99)) |
${pbx_rows%$'\n'}

All $all calls got the expected 486 and Reason; the far end completed each (its 486 ACKed).
The gateway: $cpu_per_call µs of CPU a call; resident $(mib "$rss_start") at start,
$(mib "$rss_after") after $calls calls, $(mib "$rss_idle") 35 s later,
$(mib "$rss_again") after $calls more, $(mib "$rss_idle_again") 35 s later.
${pbx_lines}
EOF
