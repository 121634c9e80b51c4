#!/usr/bin/env bash
# docker-containers.sh SOURCE_DIR BUILD_DIR CHECKER: the helper reads the running containers
# from a real dockerd (Debian's docker.io 20.10, tests/helper/dockerd-lib.sh) in the sandbox,
# listening where the sandbox points the helper ($USERCHAIN_DOCKER_SOCKET, its pid file at
# $USERCHAIN_DOCKER_PIDFILE), so that a rule naming
# an address on docker0 that no container has gets its lint (issue 12 item 4).
#
# 1. Docker not there (no socket): the snapshot says the containers are not known, and a rule
#    naming an address on docker0's subnet (Docker's rules of a 20.10 capture) gets no lint.
# 2. dockerd runs a container that publishes no port (so Docker's rules never name it): the
#    snapshot lists its name and address; a rule naming an unused address on docker0 gets the
#    lint, a rule naming the container's address does not; `userchainctl status` lists it.
# 3. dockerd stopped: not known again, no lint.
# CHECKER is tst_helperdocker (the snapshot and the lints, through the helper's D-Bus API).
set -euo pipefail

here=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
if [[ ${1:-} != --inside ]]; then
    src=$1 build=$2 checker=$3
    ((EUID == 0)) || { echo "FAIL: needs root (namespaces)" >&2; exit 1; }
    state=/nonexistent cgroup_parent=none
    # shellcheck source=tests/helper/dockerd-lib.sh
    source "$here/dockerd-lib.sh"
    dockerd_check_tools || exit 1
    exec "$src/scripts/sandbox" --build-dir "$build" --user root -- \
        bash "$(readlink -f "${BASH_SOURCE[0]}")" --inside "$src" "$build" "$checker"
fi
src=$2 build=$3 checker=$4

state=$(mktemp -d /tmp/userchain-dockerd.XXXXXX)
cgroup_parent=userchain-test-$$-$RANDOM
docker_socket=${USERCHAIN_DOCKER_SOCKET:?the sandbox sets USERCHAIN_DOCKER_SOCKET}
docker_pidfile=${USERCHAIN_DOCKER_PIDFILE:?the sandbox sets USERCHAIN_DOCKER_PIDFILE}
# shellcheck source=tests/helper/dockerd-lib.sh
source "$here/dockerd-lib.sh"
log() { echo "docker-containers: $*"; }
fail() {
    echo "FAIL: $*" >&2
    [[ -f $state/dockerd.log ]] && tail -20 "$state/dockerd.log" >&2
    exit 1
}
cleanup() {
    set +e
    dockerd_cleanup
    rm -rf "$state"
}
trap cleanup EXIT

ctl() { "$build/cli/userchainctl" "$@"; }
check() {
    USERCHAIN_CHECK_DOCKER=$1 USERCHAIN_CHECK_NAME=${name:-} USERCHAIN_CHECK_ADDRESS=${address:-} \
        USERCHAIN_CHECK_UNUSED=$unused "$checker" -o "$state/check.txt,txt" ||
        { cat "$state/check.txt" >&2; fail "the checker failed ($1)"; }
}
# DOCKER-USER: Docker's RETURN, and a DROP naming each address (conntrack's direction keeps
# the rules clear of the other lints).
user_rules() {
    iptables -F DOCKER-USER
    local a
    for a in "$@"; do
        iptables -A DOCKER-USER -d "$a/32" -m conntrack --ctdir ORIGINAL -j DROP
    done
    iptables -A DOCKER-USER -j RETURN
}

# --- 1. no Docker ---------------------------------------------------------------------------
[[ ! -e $docker_socket && ! -e $docker_pidfile ]] || fail "Docker's socket or pid file exists before dockerd started"
iptables-restore <"$src/tests/data/fixtures/docker-20.10/docker20.10-legacy-fresh.legacy.v4.rules"
unused=172.17.0.200
user_rules "$unused"
check absent
ctl status | grep -q "^containers:   not known" || fail "status: $(ctl status)"
log "1. no Docker: containers not known, no lint"

# --- 2. a running container -----------------------------------------------------------------
start_containerd
start_dockerd
import_busybox_image
docker run -d --name web --stop-signal KILL userchain-test/busybox \
    /bin/busybox httpd -f -p 80 -h /www >/dev/null
name=web
address=$(docker inspect -f '{{.NetworkSettings.IPAddress}}' web)
subnet=$(docker network inspect bridge -f '{{(index .IPAM.Config 0).Subnet}}')
gateway=$(docker network inspect bridge -f '{{(index .IPAM.Config 0).Gateway}}')
# An address of docker0's subnet that neither the container nor the gateway has.
unused=$(python3 -c 'import ipaddress, sys
net = ipaddress.ip_network(sys.argv[1])
print(next(str(a) for a in net.hosts() if str(a) not in sys.argv[2:] and int(a) & 0xff == 200))' \
    "$subnet" "$address" "$gateway")
[[ -n $address && -n $unused ]] || fail "no address for the container ($address) or unused ($unused)"
iptables-save -t nat | grep -q -- "-s $subnet ! -o docker0 -j MASQUERADE" ||
    fail "Docker's rules do not route $subnet to docker0: $(iptables-save -t nat)"
user_rules "$unused" "$address"
check running
ctl status | grep -q "^containers:   .*web $address (bridge)" || fail "status: $(ctl status)"
log "2. web at $address listed; the rule naming $unused has the lint, the one naming $address not"

# --- 3. Docker stopped ----------------------------------------------------------------------
stop_dockerd || fail "dockerd did not stop"
[[ ! -e $docker_pidfile ]] || fail "dockerd left its pid file"
name='' address=''
user_rules "$unused"
check absent
log "3. Docker stopped: not known again, no lint"
log "passed"
