# Shared by the benchmark scripts (sourced, not run): a work folder removed on exit, servers
# stopped on exit, and waiting for a server's line.

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Waits until a server has printed the line starting with $2 in $1, and echoes that line.
wait_for_line() {
    local file=$1 prefix=$2
    for _ in $(seq 600); do
        if line=$(grep -m1 "^$prefix" "$file" 2>/dev/null); then
            echo "$line"
            return 0
        fi
        sleep 0.1
    done
    echo "timed out waiting for: $prefix" >&2
    cat "$file" >&2
    return 1
}
