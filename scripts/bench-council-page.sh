#!/usr/bin/env bash
# Load test on loopback: the council page for a signed-in member of the demo federation, side
# by side in one run with a bare axum handler returning a fixed string (the ceiling on this
# machine). Prints requests/s, p50 and p99 of both and the ratio; see docs/performance.md.
#
#   scripts/bench-council-page.sh
#
# Settings (environment):
#   DURATION=10s      each wrk run
#   CONNECTIONS=32    open connections
#   ROUNDS=3          the council page and the two ceilings are measured in turn, ROUNDS times
#   PIN=split         split: the servers on CPU 1, wrk (one thread) on CPU 0;
#                     shared: no pinning, servers and wrk (two threads) share every CPU
#   COUNCILS_LOG      the server's log filter (default: its own, one line per request)
#
# Traffic goes to 127.0.0.1 only, every wrk run is bounded by DURATION, and both servers are
# stopped on exit.
set -euo pipefail

cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-3}
PIN=${PIN:-split}
WARMUP=${WARMUP:-3s}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
SLUG=garment-workers
COUNCIL_NAME="Garment Workers of the Fashion District"
HANDLE=rosa
PASSPHRASE="solidaridad sin fronteras"
SESSION_COOKIE=__Host-councils_session

case "$PIN" in
split)
    server_cpus=(taskset -c 1)
    wrk_cmd=(taskset -c 0 wrk -t1)
    ;;
shared)
    server_cpus=()
    wrk_cmd=(wrk -t2)
    ;;
*)
    echo "PIN must be split or shared" >&2
    exit 2
    ;;
esac

cargo build --release --quiet -p councils-server --bin councils
cargo build --release --quiet -p councils-web --example ceiling

# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh

# The demo server, on a port the system picks. `demo` answers /healthz before it has finished
# seeding, so we also wait for its last line, which it prints once the accounts exist.
"${server_cpus[@]}" "$TARGET_DIR/release/councils" demo --bind 127.0.0.1:0 \
    --database "$work/demo.db" >"$work/demo.out" 2>"$work/demo.log" &
pids+=($!)
origin=$(wait_for_line "$work/demo.out" "councils demo is serving at" | awk '{print $NF}')
wait_for_line "$work/demo.out" "Sign in at" >/dev/null
curl -fsS -o /dev/null "$origin/healthz"

curl -fsS -o /dev/null -c "$work/cookies" -H "Origin: $origin" \
    --data-urlencode "handle=$HANDLE" --data-urlencode "passphrase=$PASSPHRASE" \
    "$origin/sign-in"
session=$(awk -v name="$SESSION_COOKIE" '$6 == name { print $7 }' "$work/cookies")
if [ -z "$session" ]; then
    echo "signing in as $HANDLE gave no $SESSION_COOKIE cookie" >&2
    exit 1
fi
cookie="$SESSION_COOKIE=$session"
page_url="$origin/c/$SLUG"

# Checks that the cookie still opens the council page; echoes the page's size in bytes.
check_page() {
    local status size
    read -r status size < <(curl -sS -o "$work/page.html" -w '%{http_code} %{size_download}\n' \
        -H "Cookie: $cookie" "$page_url")
    if [ "$status" != 200 ] || ! grep -qF "$COUNCIL_NAME" "$work/page.html"; then
        echo "GET /c/$SLUG as $HANDLE gave $status, not the council's page" >&2
        exit 1
    fi
    echo "$size"
}
page_bytes=$(check_page)

# The ceiling, and the same handler returning as many bytes as the council page (to tell the
# cost of the page's size from the cost of making it).
"${server_cpus[@]}" "$TARGET_DIR/release/examples/ceiling" 127.0.0.1:0 >"$work/ceiling.out" &
pids+=($!)
ceiling_url="$(wait_for_line "$work/ceiling.out" "ceiling is serving at" | awk '{print $NF}')/"
curl -fsS -o /dev/null "$ceiling_url"
"${server_cpus[@]}" "$TARGET_DIR/release/examples/ceiling" 127.0.0.1:0 "$page_bytes" \
    >"$work/sized.out" &
pids+=($!)
sized_url="$(wait_for_line "$work/sized.out" "ceiling is serving at" | awk '{print $NF}')/"
curl -fsS -o /dev/null "$sized_url"

# Runs wrk; writes "requests_per_second p50_ms p99_ms bytes_per_response" to $work/$name.result.
measure() {
    local name=$1 url=$2 out
    shift 2
    out="$work/wrk-$name.txt"
    "${wrk_cmd[@]}" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" >"$out"
    if grep -q "Non-2xx or 3xx" "$out" || grep -q "Socket errors" "$out"; then
        echo "wrk reported errors against $name:" >&2
        cat "$out" >&2
        exit 1
    fi
    awk '
        function ms(v) {
            if (v ~ /us$/) return v / 1000
            if (v ~ /ms$/) return v + 0
            if (v ~ /s$/) return v * 1000
            return v
        }
        function bytes(v) {
            if (v ~ /GB$/) return v * 1024 * 1024 * 1024
            if (v ~ /MB$/) return v * 1024 * 1024
            if (v ~ /KB$/) return v * 1024
            return v + 0
        }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        $2 == "requests" && $3 == "in" { requests = $1; read = bytes($5) }
        $1 == "Requests/sec:" { rps = $2 }
        END { printf "%.0f %.3f %.3f %.0f\n", rps, p50, p99, read / requests }
    ' "$out" >"$work/$name.result"
}

echo "machine: $(nproc) CPUs; pinning: $PIN; load: ${wrk_cmd[*]} -c$CONNECTIONS -d$DURATION --latency"
echo "council page: $page_url as $HANDLE ($page_bytes bytes); ceiling: $ceiling_url"
"${wrk_cmd[@]}" -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: $cookie" "$page_url" >/dev/null
"${wrk_cmd[@]}" -c"$CONNECTIONS" -d"$WARMUP" "$ceiling_url" >/dev/null
"${wrk_cmd[@]}" -c"$CONNECTIONS" -d"$WARMUP" "$sized_url" >/dev/null

row() { printf '%-6s %-22s %10s %9s %9s\n' "$@"; }
row round target "requests/s" "p50 ms" "p99 ms"
council_all=()
ceiling_all=()
sized_all=()
for round in $(seq "$ROUNDS"); do
    measure council "$page_url" -H "Cookie: $cookie"
    read -r c_rps c_p50 c_p99 c_bytes <"$work/council.result"
    # A redirect to the sign-in page would count as a success for wrk: check the size too.
    if [ "$c_bytes" -lt $((page_bytes * 9 / 10)) ]; then
        echo "council page responses averaged $c_bytes bytes, not $page_bytes" >&2
        exit 1
    fi
    check_page >/dev/null
    measure ceiling "$ceiling_url"
    read -r x_rps x_p50 x_p99 _ <"$work/ceiling.result"
    measure sized "$sized_url"
    read -r s_rps s_p50 s_p99 _ <"$work/sized.result"
    row "$round" "council page" "$c_rps" "$c_p50" "$c_p99"
    row "$round" "ceiling" "$x_rps" "$x_p50" "$x_p99"
    row "$round" "ceiling, page-sized" "$s_rps" "$s_p50" "$s_p99"
    council_all+=("$c_rps $c_p99")
    ceiling_all+=("$x_rps")
    sized_all+=("$s_rps")
done

# Medians over the rounds.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
c_rps=$(printf '%s\n' "${council_all[@]}" | awk '{print $1}' | median)
c_p99=$(printf '%s\n' "${council_all[@]}" | awk '{print $2}' | median)
x_rps=$(printf '%s\n' "${ceiling_all[@]}" | median)
s_rps=$(printf '%s\n' "${sized_all[@]}" | median)
awk -v c="$c_rps" -v x="$x_rps" -v s="$s_rps" -v p99="$c_p99" 'BEGIN {
    ratio = c / x
    printf "median: council page %.0f requests/s, p99 %.2f ms; ceiling %.0f requests/s; page-sized ceiling %.0f requests/s\n", c, p99, x, s
    printf "ratio to the ceiling: %.4f (goal: at least 0.25, with p99 under 5 ms): %s\n", ratio,
        (ratio >= 0.25 && p99 < 5) ? "met" : "not met"
    printf "ratio to the page-sized ceiling: %.4f\n", c / s
}'
