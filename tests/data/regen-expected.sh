#!/bin/sh
# Userchain oracle corpus: regenerate (or check) the canonical outputs.
#
#   sh tests/data/regen-expected.sh           rewrite the four *.expected files
#   sh tests/data/regen-expected.sh --check   regenerate into a temporary dir and
#                                             fail if anything differs from the
#                                             committed files (nothing is written)
#
# Needs root, unshare, ipset and Debian's iptables (legacy and nft variants).
# Every iptables/ip6tables/ipset command runs inside its own fresh network
# namespace (unshare --net); the host's tables are never touched.
#
# What it does, each step in a new namespace:
#  1. corpus-v4.rules / corpus-v6.rules, one line at a time, through
#     {ip,ip6}tables-legacy-restore and {ip,ip6}tables-nft-restore, after
#     corpus-setup.sh; each rule is saved back with *-save and the
#     "-A DOCKER-USER " prefix stripped.  Output files mirror the corpus line
#     for line: comment and blank lines are copied unchanged, so line N of
#     corpus-v4.expected is the canonical form of line N of corpus-v4.rules.
#     A rule line refused by the nft variant is written as
#     "#!refused by iptables-nft-restore: <error message>".
#     A rule line refused by the legacy variant, or giving other than exactly
#     one rule, is an error (the corpus must be fixed).
#  2. The whole corpus loaded at once must give the same rules in the same
#     order (the way a test loads it).
#  3. Every line of bad-rules.txt must be refused by iptables-legacy-restore
#     on its own; lines the nft variant accepts are listed (information).
#  4. Every file in bad-files/ must be refused by iptables-legacy-restore.
#  5. The rules whose canonical text differs between legacy and nft are
#     printed (the list kept in nft-differences.md).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
self="$here/regen-expected.sh"

die() { echo "regen-expected.sh: $*" >&2; exit 1; }

# A fresh "unshare --net" namespace has no interface but lo.
in_private_netns() {
    ! awk -F: 'NR > 2 { gsub(/ /, "", $1); print $1 }' /proc/net/dev | grep -qvx lo
}

# tool FAMILY BACKEND -> command prefix, e.g. ip6tables-nft
tool() {
    if [ "$1" = 6 ]; then echo "ip6tables-$2"; else echo "iptables-$2"; fi
}

# Restore file for one or more rule lines (read from the file $1).
make_restore() {
    printf '*filter\n:DOCKER-USER - [0:0]\n:DOCKER - [0:0]\n'
    while IFS= read -r r; do printf -- '-A DOCKER-USER %s\n' "$r"; done < "$1"
    printf 'COMMIT\n'
}

is_rule_line() {
    case "$1" in
        '#'*|'') return 1 ;;
        *) return 0 ;;
    esac
}

# ---------------------------------------------------------------- inner jobs
# __corpus FAMILY BACKEND CORPUS  -> prints the expected file on stdout
job_corpus() {
    fam=$1 be=$2 corpus=$3
    in_private_netns || die "internal error: not in a private network namespace"
    sh "$here/corpus-setup.sh"
    t=$(tool "$fam" "$be")
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    : > "$tmp/accepted" ; : > "$tmp/accepted.out"
    n=0
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        if ! is_rule_line "$line"; then
            printf '%s\n' "$line"
            continue
        fi
        printf '%s\n' "$line" > "$tmp/line"
        make_restore "$tmp/line" > "$tmp/one"
        if "$t-restore" < "$tmp/one" > /dev/null 2> "$tmp/err"; then
            "$t-save" -t filter | sed -n 's/^-A DOCKER-USER //p' > "$tmp/out"
            count=$(wc -l < "$tmp/out")
            [ "$count" -eq 1 ] || die "$corpus:$n: $t gives $count rules for: $line"
            cat "$tmp/out"
            printf '%s\n' "$line" >> "$tmp/accepted"
            cat "$tmp/out" >> "$tmp/accepted.out"
        else
            msg=$(grep -v '^Try ' "$tmp/err" | tr '\n' ' ' | tr -s ' ' | sed 's/ $//')
            [ "$be" = nft ] || die "$corpus:$n: $t-restore refuses: $line
  $msg"
            printf '#!refused by %s-restore: %s\n' "$t" "$msg"
        fi
    done < "$corpus"
    # The whole corpus at once must give the same rules in the same order.
    make_restore "$tmp/accepted" > "$tmp/all"
    "$t-restore" < "$tmp/all" 2> "$tmp/err" || die "$corpus: $t-restore refuses the whole corpus: $(head -n 1 "$tmp/err")"
    "$t-save" -t filter | sed -n 's/^-A DOCKER-USER //p' > "$tmp/all.out"
    cmp -s "$tmp/all.out" "$tmp/accepted.out" || {
        diff "$tmp/accepted.out" "$tmp/all.out" >&2 || true
        die "$corpus: $t: loading the whole corpus differs from loading line by line"
    }
}

# __bad FILE -> checks every rule line is refused by iptables-legacy-restore
job_bad() {
    bad=$1
    in_private_netns || die "internal error: not in a private network namespace"
    sh "$here/corpus-setup.sh"
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    n=0 total=0 fail=0
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        is_rule_line "$line" || continue
        total=$((total + 1))
        printf '%s\n' "$line" > "$tmp/line"
        make_restore "$tmp/line" > "$tmp/one"
        if iptables-legacy-restore < "$tmp/one" > /dev/null 2>&1; then
            echo "bad-rules.txt:$n: ACCEPTED by iptables-legacy-restore: $line" >&2
            fail=$((fail + 1))
        fi
        if iptables-nft-restore < "$tmp/one" > /dev/null 2>&1; then
            echo "  note: bad-rules.txt:$n accepted by iptables-nft-restore: $line"
            printf '*filter\nCOMMIT\n' | iptables-nft-restore
        fi
    done < "$bad"
    [ "$fail" -eq 0 ] || die "$fail of $total lines in bad-rules.txt are accepted by iptables-legacy-restore"
    echo "bad-rules.txt: all $total rule lines refused by iptables-legacy-restore"
}

# __badfile FILE -> the file must be refused by iptables-legacy-restore
job_badfile() {
    f=$1
    in_private_netns || die "internal error: not in a private network namespace"
    if iptables-legacy-restore < "$f" > /dev/null 2>&1; then
        die "bad-files/$(basename "$f") is ACCEPTED by iptables-legacy-restore"
    fi
}

case "${1:-}" in
    __corpus) shift; job_corpus "$@"; exit 0 ;;
    __bad) shift; job_bad "$@"; exit 0 ;;
    __badfile) shift; job_badfile "$@"; exit 0 ;;
esac

# ---------------------------------------------------------------- outer part
check=0
case "${1:-}" in
    --check) check=1 ;;
    '') ;;
    *) die "usage: sh regen-expected.sh [--check]" ;;
esac

[ "$(id -u)" -eq 0 ] || die "must run as root (for unshare --net)"
for c in unshare ipset iptables-legacy-restore iptables-legacy-save iptables-nft-restore \
         iptables-nft-save ip6tables-legacy-restore ip6tables-legacy-save \
         ip6tables-nft-restore ip6tables-nft-save; do
    command -v "$c" > /dev/null 2>&1 || die "$c not found"
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for fam in 4 6; do
    for be in legacy nft; do
        case $be in legacy) suffix=expected ;; nft) suffix=nft.expected ;; esac
        unshare --net sh "$self" __corpus "$fam" "$be" "$here/corpus-v$fam.rules" \
            > "$out/corpus-v$fam.$suffix" || die "corpus-v$fam.rules failed with $be"
        echo "corpus-v$fam.rules: $(grep -cv -e '^#' -e '^$' "$here/corpus-v$fam.rules") rules through $(tool "$fam" "$be")-restore"
    done
done

unshare --net sh "$self" __bad "$here/bad-rules.txt"

nbad=0
for f in "$here"/bad-files/*; do
    [ -f "$f" ] || continue
    unshare --net sh "$self" __badfile "$f"
    nbad=$((nbad + 1))
done
echo "bad-files/: all $nbad files refused by iptables-legacy-restore"

# Legacy vs nft differences (same line numbers in both files).
for fam in 4 6; do
    echo "legacy vs nft, corpus-v$fam.rules:"
    paste -d '\n' "$here/corpus-v$fam.rules" "$out/corpus-v$fam.expected" "$out/corpus-v$fam.nft.expected" |
        awk 'NR % 3 == 1 { n++; src = $0 } NR % 3 == 2 { leg = $0 } NR % 3 == 0 {
                 if (leg != $0) { printf "  line %d: %s\n    legacy: %s\n    nft:    %s\n", n, src, leg, $0; d++ } }
             END { if (!d) print "  (none)" }'
done

status=0
for f in corpus-v4.expected corpus-v4.nft.expected corpus-v6.expected corpus-v6.nft.expected; do
    if [ "$check" -eq 1 ]; then
        if ! cmp -s "$out/$f" "$here/$f"; then
            echo "DIFFERS: $f" >&2
            diff -u "$here/$f" "$out/$f" >&2 || true
            status=1
        fi
    else
        cp "$out/$f" "$here/$f"
    fi
done
[ "$check" -eq 1 ] && [ "$status" -eq 0 ] && echo "all expected files are up to date"
[ "$check" -eq 0 ] && echo "wrote corpus-v4.expected corpus-v4.nft.expected corpus-v6.expected corpus-v6.nft.expected"
exit "$status"
