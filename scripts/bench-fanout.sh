#!/usr/bin/env bash
# Alert fan-out over server-sent events, on loopback: from the moment a verifier's
# confirmation is acknowledged to the moment the last of N connected responders has the
# alert, for N = 1,000 and N = 18,000. Measured in the same run: the floor, a bare tokio
# server writing the same bytes to N plain TCP connections. See docs/performance.md.
#
#   scripts/bench-fanout.sh
#
# Settings (environment): SMALL=1000, BIG=18000 (responders connected), ROUNDS=3. Seeding
# signs up SMALL + BIG responders through the real sign-up (Argon2id), which takes minutes.
# Traffic goes to 127.0.0.1 only; each measurement waits at most 60 s, and every server is
# stopped on exit. One process holds at most 20,000 open files here: the server, the floor
# and the load generator are separate processes.
set -euo pipefail

cd "$(dirname "$0")/.."

SMALL=${SMALL:-1000}
BIG=${BIG:-18000}
ROUNDS=${ROUNDS:-3}
TARGET_DIR=${CARGO_TARGET_DIR:-target}
bin="$TARGET_DIR/release/examples"

cargo build --release --quiet -p councils-server --example fanout_server \
    --example fanout_floor --example fanout_load

# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh

echo "machine: $(nproc) CPUs; open files per process: $(ulimit -n); $ROUNDS rounds"
seq 1 "$BIG" >"$work/plain.tokens"

# The floor: a fresh one per size, so no stream of an earlier run is left on it.
floor_run() {
    local n=$1 round=$2
    "$bin/fanout_floor" 127.0.0.1:0 >"$work/floor.out" &
    local pid=$!
    pids+=("$pid")
    local url
    url=$(wait_for_line "$work/floor.out" "floor listening at" | awk '{print $NF}')
    "$bin/fanout_load" --stream "$url/stream" --trigger "$url/trigger" \
        --report "floor-$n-$round" --tokens "$work/plain.tokens" --connections "$n"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

# The server, seeded once; it serves while file descriptor 3 stays open.
mkfifo "$work/server.in"
"$bin/fanout_server" "$work" "$SMALL" "$BIG" "$ROUNDS" <"$work/server.in" \
    >"$work/server.out" 2>"$work/server.log" &
server=$!
pids+=("$server")
exec 3>"$work/server.in"
until grep -q "^serving at" "$work/server.out"; do
    if ! kill -0 "$server" 2>/dev/null; then
        cat "$work/server.log" >&2
        exit 1
    fi
    sleep 1
done
cat "$work/server.log"
url=$(awk '/^serving at/ {print $NF}' "$work/server.out")

server_run() {
    local size=$1 n=$2 round=$3
    local report
    report=$(awk -v s="$size" -v r="$round" '$1 == s && $2 == r {print $3}' "$work/reports")
    # Ids and tokens may start with '-': each goes after an '=', never as a word of its own.
    "$bin/fanout_load" --stream "$url/api/v1/alerts/stream" \
        --trigger "$url/api/v1/reports/$report/verification" --report="$report" \
        --tokens "$work/$size.tokens" --connections "$n" \
        --verifier="$(cat "$work/$size-verifier.token")" --body '{"outcome":"confirmed"}'
}

results=()
for round in $(seq 0 $((ROUNDS - 1))); do
    for pair in "small $SMALL" "big $BIG"; do
        read -r size n <<<"$pair"
        f=$(floor_run "$n" "$round")
        s=$(server_run "$size" "$n" "$round")
        echo "round $round N=$n floor:  $f"
        echo "round $round N=$n server: $s"
        results+=("$n floor $(sed -E 's/.* last_ms=([0-9.]+).*/\1/' <<<"$f")")
        results+=("$n server $(sed -E 's/.* last_ms=([0-9.]+).*/\1/' <<<"$s")")
        results+=("$n floor-send $(sed -E 's/.*last_from_send_ms=([0-9.]+).*/\1/' <<<"$f")")
        results+=("$n server-send $(sed -E 's/.*last_from_send_ms=([0-9.]+).*/\1/' <<<"$s")")
    done
done
exec 3>&-

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for n in "$SMALL" "$BIG"; do
    pick() { printf '%s\n' "${results[@]}" | awk -v n="$n" -v k="$1" '$1 == n && $2 == k {print $3}' | median; }
    f=$(pick floor) s=$(pick server) fs=$(pick floor-send) ss=$(pick server-send)
    awk -v n="$n" -v f="$f" -v s="$s" -v fs="$fs" -v ss="$ss" 'BEGIN {
        printf "median N=%d after the acknowledgement: server %.1f ms, floor %.1f ms", n, s, f
        if (f > 0) printf ", ratio %.2f", s / f
        printf "\nmedian N=%d from the trigger sent: server %.1f ms, floor %.1f ms, ratio %.2f\n", n, ss, fs, ss / fs
    }'
done
