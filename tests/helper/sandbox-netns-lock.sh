#!/usr/bin/env bash
# sandbox-netns-lock.sh SOURCE_DIR BUILD_DIR: with --netns, scripts/sandbox makes the helper wait
# on the xtables lock of the namespace's own writer, as iptables -w there does (issue 15, item 9:
# with a private lock, a writer's commit and the helper's could interleave). A writer of our own
# — a network and mount namespace with its own /run, Docker's chains loaded — holds its
# /run/xtables.lock: an apply through the sandbox must answer Busy and change nothing; once the
# lock is released, the same apply goes through. Needs root; waits on FIFOs, never sleeps.
set -euo pipefail
src=$1
build=$2
((EUID == 0)) || { echo "FAIL: needs root (namespaces)" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/userchain-netns-lock.XXXXXX")
writer=
cleanup() {
    # unshare --fork ignores SIGTERM while it waits; SIGKILL, and --kill-child ends the writer.
    if [[ -n $writer ]]; then
        kill -KILL "$writer" 2>/dev/null || true
        wait "$writer" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
mkfifo "$work/pid" "$work/release" "$work/quit"
capture=$src/tests/data/fixtures/docker-20.10/docker20.10-legacy-with-containers.legacy.v4.rules

# shellcheck disable=SC2016 # the script runs in the writer's bash, with its own arguments
unshare --net --mount --propagation private --fork --kill-child bash -c '
    set -e
    mount -t tmpfs userchain-writer-run /run
    ip link set lo up
    iptables-legacy-restore <"$1"
    exec 8>/run/xtables.lock
    flock 8
    echo $$ >"$2"
    read -r _ <"$3"
    flock -u 8
    read -r _ <"$4"
' writer "$capture" "$work/pid" "$work/release" "$work/quit" &
writer=$!
read -r pid <"$work/pid"

dockeruser() {
    nsenter --net="/proc/$pid/ns/net" iptables-legacy-save -t filter | grep '^-A DOCKER-USER ' || true
}
printf '%s\n' '-A DOCKER-USER -s 192.0.2.7/32 -j DROP' '-A DOCKER-USER -j RETURN' >"$work/rules"
apply() {
    USERCHAIN_HELPER_EXEC="$build/helper/userchain-helper --lock-timeout 1500" \
        "$src/scripts/sandbox" --build-dir "$build" --netns "/proc/$pid/ns/net" -- \
        "$build/cli/userchainctl" apply "$work/rules" </dev/null
}

before=$(dockeruser)
status=0
apply >"$work/held.out" 2>&1 || status=$?
# Exit 6: busy (userchainctl --help); anything else is another failure, not the wait.
if ((status != 6)) || [[ $(dockeruser) != "$before" ]]; then
    cat "$work/held.out" >&2
    echo "FAIL: while the namespace's writer held its xtables lock the apply should have" \
        "answered busy (6) and changed nothing; it exited $status" >&2
    exit 1
fi
echo "lock held: the apply waited and answered with exit $status, DOCKER-USER unchanged"

echo >"$work/release"
apply >"$work/free.out" 2>&1 || { cat "$work/free.out" >&2; echo "FAIL: the apply failed after the lock was released" >&2; exit 1; }
[[ $(dockeruser) == *"-s 192.0.2.7/32 -j DROP"* ]] || { echo "FAIL: the rule is not in DOCKER-USER" >&2; exit 1; }
echo "lock released: the apply went through"
echo >"$work/quit"
wait "$writer"
writer=
