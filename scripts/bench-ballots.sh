#!/usr/bin/env bash
# Durable ballots per second through the HTTP endpoint, on loopback: 50 voters of the demo's
# garment workers' committee recast their ballot on the open strike vote as fast as the server
# acknowledges them. Measured side by side in one run: ballots committed in groups (the
# default) and one commit (one fsync) per ballot, the baseline. See docs/performance.md.
#
#   scripts/bench-ballots.sh
#
# Settings (environment): VOTERS=50, DURATION=10 (seconds per run), ROUNDS=3, MAX_BALLOTS=200000
# (per run). Traffic goes to 127.0.0.1 only; every run is bounded in time and count, and every
# server is stopped on exit.
set -euo pipefail

cd "$(dirname "$0")/.."

VOTERS=${VOTERS:-50}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
MAX_BALLOTS=${MAX_BALLOTS:-200000}
TARGET_DIR=${CARGO_TARGET_DIR:-target}

cargo build --release --quiet -p councils-server --bin councils
cargo build --release --quiet -p councils-server --example ballot_load

# shellcheck source=scripts/bench-common.sh
source scripts/bench-common.sh

# The demo database, made once and copied for every run so each starts from the same state.
"$TARGET_DIR/release/councils" demo --bind 127.0.0.1:0 --database "$work/demo.db" \
    >"$work/accounts" 2>"$work/demo.log" &
demo=$!
pids+=("$demo")
wait_for_line "$work/accounts" "Sign in at" >/dev/null
kill -TERM "$demo"
wait "$demo" || true

# Starts `councils serve` on a copy of the demo with at most $1 ballots per commit; runs the
# load generator; prints its result line.
run() {
    local batch=$1 name=$2
    rm -f "$work/$name".db*
    cp "$work/demo.db" "$work/$name.db"
    cp "$work/demo.key" "$work/$name.key"
    "$TARGET_DIR/release/councils" serve --bind 127.0.0.1:0 --database "$work/$name.db" \
        --ballot-batch "$batch" >"$work/$name.out" 2>"$work/$name.log" &
    local pid=$!
    pids+=("$pid")
    local url
    url=$(wait_for_line "$work/$name.out" "councils is serving at" | awk '{print $NF}')
    "$TARGET_DIR/release/examples/ballot_load" "$url" "$work/accounts" "$VOTERS" "$DURATION" \
        "$MAX_BALLOTS"
    kill -TERM "$pid"
    wait "$pid" || true
}

echo "machine: $(nproc) CPUs; $VOTERS voters; ${DURATION}s per run; $ROUNDS rounds"
grouped=()
single=()
for round in $(seq "$ROUNDS"); do
    g=$(run 512 grouped)
    s=$(run 1 single)
    echo "round $round grouped: $g"
    echo "round $round one fsync per ballot: $s"
    grouped+=("$(sed -E 's/.*per_second=([0-9]+).*/\1/' <<<"$g")")
    single+=("$(sed -E 's/.*per_second=([0-9]+).*/\1/' <<<"$s")")
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
g=$(printf '%s\n' "${grouped[@]}" | median)
s=$(printf '%s\n' "${single[@]}" | median)
awk -v g="$g" -v s="$s" 'BEGIN {
    printf "median: grouped %.0f ballots/s; one fsync per ballot %.0f ballots/s; ratio %.1f\n", g, s, g / s
    printf "goal (at least 2700 ballots/s): %s\n", (g >= 2700) ? "met" : "not met"
}'
