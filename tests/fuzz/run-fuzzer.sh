#!/bin/sh
# run-fuzzer.sh FUZZER SECONDS [--encode] SEED_FILE...: run a libFuzzer binary for a bounded time
# on a fresh corpus seeded with one file per line of the seed files (the oracle corpus), so the
# run starts from real rules. With --encode the fuzzer writes the seeds itself, each line as
# the bytes it reads (`FUZZER --write-seeds=DIR FILE...`; fuzz_nftrule: netlink messages).
# Exit status is the fuzzer's: non-zero on a crash or abort.
set -eu
fuzzer=$1
seconds=$2
shift 2
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
if [ "${1:-}" = "--encode" ]; then
    shift
    "$fuzzer" --write-seeds="$corpus" "$@"
    echo "run-fuzzer.sh: $(ls "$corpus" | wc -l) seeds written by $(basename "$fuzzer")"
else
    n=0
    for seeds in "$@"; do
        grep -v '^#' "$seeds" | grep -v '^[[:space:]]*$' | while IFS= read -r line; do
            n=$((n + 1))
            printf '%s' "$line" > "$corpus/seed-$(basename "$seeds")-$n"
        done
    done
    cp "$@" "$corpus/" 2>/dev/null || true
fi
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -print_final_stats=1 "$corpus"
