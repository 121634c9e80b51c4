#!/bin/sh
# run-fuzzer.sh FUZZER SECONDS SEED...: run a libFuzzer binary for a bounded time on a fresh
# corpus seeded with one file per line of each seed file (the oracle corpus), or with the
# files of a seed directory as they are, so the run starts from real rules. Exit status is
# the fuzzer's: non-zero on a crash or abort.
set -eu
fuzzer=$1
seconds=$2
shift 2
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
n=0
for seeds in "$@"; do
    if [ -d "$seeds" ]; then
        cp "$seeds"/* "$corpus/"
        continue
    fi
    grep -v '^#' "$seeds" | grep -v '^[[:space:]]*$' | while IFS= read -r line; do
        n=$((n + 1))
        printf '%s' "$line" > "$corpus/seed-$(basename "$seeds")-$n"
    done
done
for seeds in "$@"; do
    [ -f "$seeds" ] && cp "$seeds" "$corpus/"
done
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -print_final_stats=1 "$corpus"
