#!/usr/bin/env bash
# docker-boot-restore.sh SOURCE_DIR BUILD_DIR legacy|nft: the saved rules are in place before
# the first container is reachable (issue 11, item 9), with a real dockerd (Debian's docker.io
# 20.10) in the sandbox's own network, mount and PID namespaces (scripts/sandbox), its data,
# exec root, pid file, socket and cgroups its own, and containerd started by hand. The image is
# made here from busybox-static (`docker import`); nothing is pulled.
#
# 1. A first boot with nothing saved: a container published on 8080, `--restart always`, is
#    reachable from a client namespace joined by a veth pair (so the probe can see it).
# 2. Docker stops, the tables are emptied as by a reboot, a rule refusing the client's
#    connections to 8080 is saved. The boot: userchain-restore.service's ExecStart= (before
#    Docker) loads it, dockerd starts and brings the container back by itself, while the client
#    keeps trying. No attempt ever reaches the container; DOCKER-USER holds the saved rules
#    with Docker's chains around it and its jump first; the rule's counter shows the attempts
#    met it; userchain-restore-check.service's ExecStart= (after Docker) finds the rules in
#    place and writes nothing (the counter stays).
# 3. Fail-closed: the saved file is damaged and /etc/userchain/fail-closed exists. The boot
#    restores nothing but drops forwarded traffic to Docker's bridges; the client still cannot
#    reach the container after Docker started. Once the file is fixed (it now allows the
#    client) the check unit restores it and the container answers.
#
# With legacy, the sandbox's /etc/alternatives point `iptables` at iptables-legacy, which
# Docker then runs too. Needs root, docker.io and busybox-static (scripts/deps test). Waits on
# dockerd's sd_notify READY=1 and on Docker's events; the probes are the only loop.
set -euo pipefail

here=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")
if [[ ${1:-} != --inside ]]; then
    src=$1 build=$2 backend=$3
    ((EUID == 0)) || { echo "FAIL: needs root (namespaces)" >&2; exit 1; }
    state=/nonexistent cgroup_parent=none
    # shellcheck source=tests/helper/dockerd-lib.sh
    source "$here/dockerd-lib.sh"
    dockerd_check_tools || exit 1
    exec "$src/scripts/sandbox" --build-dir "$build" --user root -- \
        bash "$(readlink -f "${BASH_SOURCE[0]}")" --inside "$src" "$build" "$backend"
fi
src=$2 build=$3 backend=$4

state=$(mktemp -d /tmp/userchain-dockerd.XXXXXX)
cgroup_parent=userchain-test-$$-$RANDOM
# shellcheck source=tests/helper/dockerd-lib.sh
source "$here/dockerd-lib.sh"
client=
log() { echo "docker-boot-restore ($backend): $*"; }
fail() {
    echo "FAIL ($backend): $*" >&2
    [[ -f $state/dockerd.log ]] && tail -20 "$state/dockerd.log" >&2
    exit 1
}

cleanup() {
    set +e
    dockerd_cleanup
    [[ -n $client ]] && kill -KILL "$client" 2>/dev/null
    rm -rf "$state"
}
trap cleanup EXIT

if [[ $backend == legacy ]]; then
    # The sandbox's /etc is a throwaway overlay: only this namespace sees the change.
    for tool in iptables ip6tables; do
        for suffix in "" -save -restore; do
            ln -sfn "/usr/sbin/$tool-legacy$suffix" "/etc/alternatives/$tool$suffix"
        done
    done
fi
iptables -V | grep -q "($([[ $backend == legacy ]] && echo legacy || echo nf_tables))" ||
    fail "iptables is $(iptables -V), not the $backend variant"
save() { "iptables-$backend-save" "$@"; }
chain() { save -t filter | sed -n "s/^-A $1 //p"; }

# The units' commands, exactly as the installed units run them.
unit_command() {
    sed -n 's|^ExecStart=@USERCHAIN_HELPER_PATH@|'"$build"'/helper/userchain-helper|p' \
        "$src/resources/systemd/$1.service.in"
}
read -r -a before_docker <<<"$(unit_command userchain-restore)"
read -r -a after_docker <<<"$(unit_command userchain-restore-check)"
[[ ${before_docker[*]} == *--before-docker* && ${after_docker[*]} == *--after-docker* ]] ||
    fail "unexpected unit commands: ${before_docker[*]} / ${after_docker[*]}"

# The client: a namespace of its own behind a veth pair, as a machine on the LAN.
mkfifo "$state/client" "$state/client-quit"
# shellcheck disable=SC2016 # runs in the client's bash
unshare --net bash -c 'echo $$ >"$1"; read -r _ <"$2"' client "$state/client" "$state/client-quit" &
client=$!
read -r client_pid <"$state/client"
ip link set lo up
ip link add uc-host type veth peer name uc-client netns "$client_pid"
ip addr add 192.0.2.1/24 dev uc-host
ip link set uc-host up
in_client() { nsenter --net="/proc/$client_pid/ns/net" "$@"; }
in_client ip addr add 192.0.2.2/24 dev uc-client
in_client ip link set uc-client up
in_client ip link set lo up
in_client ip route add default via 192.0.2.1
probe() { in_client timeout 0.3 busybox wget -q -O - http://192.0.2.1:8080/ 2>/dev/null | grep -q '^served$'; }

start_containerd

# The tables as a reboot leaves them: empty (Docker's bridge stays; Docker re-creates the rest).
reboot_tables() {
    if [[ $backend == nft ]]; then
        nft flush ruleset
    else
        printf '*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n' |
            iptables-legacy-restore
    fi
}
save_rules() {
    mkdir -p /etc/userchain
    chmod 0755 /etc/userchain
    { printf '*filter\n:DOCKER-USER - [0:0]\n-F DOCKER-USER\n'; printf -- '-A DOCKER-USER %s\n' "$@"; printf 'COMMIT\n'; } \
        >/etc/userchain/docker-user.v4.rules
    chmod 0644 /etc/userchain/docker-user.v4.rules
}
# Probes while Docker starts: a loop in the background, stopped by a file, counting.
start_probing() {
    rm -f "$state/stop-probing"
    : >"$state/probes"
    (while [[ ! -e $state/stop-probing ]]; do record_probe; done) &
    prober=$!
}
stop_probing() { touch "$state/stop-probing"; wait "$prober"; }
wait_running() {
    # The container's start event since dockerd started (it has usually come already: Docker
    # restarts such containers before it reports ready).
    local _event
    coproc events { exec timeout 60 /usr/bin/docker -H "unix://$docker_socket" events \
        --since "$1" --filter container=web --filter event=start; }
    read -r _event <&"${events[0]}" || fail "the container did not start again"
    # shellcheck disable=SC2154 # bash sets events_PID for the coproc
    kill "$events_PID" 2>/dev/null || true
    wait "$events_PID" 2>/dev/null || true
    [[ $(docker inspect -f '{{.State.Running}}' web) == true ]] || fail "the container is not running"
}
record_probe() { if probe; then echo reached; else echo refused; fi >>"$state/probes"; }
# --- 1. first boot, nothing saved ---------------------------------------------------------
start_dockerd
import_busybox_image
docker run -d --name web --restart always --stop-signal KILL -p 8080:80 userchain-test/busybox \
    /bin/busybox httpd -f -p 80 -h /www >/dev/null
probe || fail "without saved rules the container should be reachable from the client"
log "1. nothing saved: the client reaches the container"

# --- 2. boot with the saved rules ---------------------------------------------------------
stop_dockerd || fail "dockerd did not stop"
reboot_tables
refuse='-i uc-host -p tcp -m conntrack --ctorigdstport 8080 --ctdir ORIGINAL -j REJECT --reject-with tcp-reset'
save_rules "$refuse" "-j RETURN"
"${before_docker[@]}" >"$state/before.out" 2>&1 || { cat "$state/before.out" >&2; fail "the restore before Docker failed"; }
[[ $(chain DOCKER-USER) == "$refuse"$'\n-j RETURN' ]] || fail "before Docker, DOCKER-USER is: $(chain DOCKER-USER)"
[[ $(chain FORWARD) == "-j DOCKER-USER" ]] || fail "before Docker, FORWARD is: $(chain FORWARD)"
if [[ $backend == nft ]]; then
    [[ -z $(cat /proc/net/ip_tables_names 2>/dev/null) ]] || fail "a legacy table was created on nf_tables"
fi
since=$(date +%s)
start_probing
start_dockerd
wait_running "$since"
# A few more attempts with the container up for sure.
for _ in 1 2 3; do record_probe; done
stop_probing
attempts=$(wc -l <"$state/probes")
((attempts > 3)) || fail "only $attempts attempts were made"
grep -q reached "$state/probes" && fail "the client reached the container ($(grep -c reached "$state/probes") of $attempts attempts)"
[[ $(chain DOCKER-USER) == "$refuse"$'\n-j RETURN' ]] || fail "after Docker started, DOCKER-USER is: $(chain DOCKER-USER)"
forward=$(chain FORWARD)
[[ $(head -n1 <<<"$forward") == "-j DOCKER-USER" ]] || fail "FORWARD does not jump to DOCKER-USER first: $forward"
grep -q -- '-o docker0 -j DOCKER$' <<<"$forward" || fail "Docker's own FORWARD rules are missing: $forward"
save -t nat | grep -q -- '--dport 8080 -j DNAT' || fail "Docker did not publish 8080"
counter() { save -c -t filter | grep -F -- "-A DOCKER-USER $refuse" | sed 's/^\[\([0-9]*\):.*/\1/'; }
hits=$(counter)
((hits > 0)) || fail "the saved rule counted no packet"
"${after_docker[@]}" >"$state/after.out" 2>&1 || { cat "$state/after.out" >&2; fail "the check after Docker failed"; }
grep -q "in place" "$state/after.out" || fail "the check did not find the rules in place: $(cat "$state/after.out")"
[[ $(counter) == "$hits" ]] || fail "the check wrote DOCKER-USER although it was in place"
log "2. saved rules loaded before Docker: $attempts attempts while Docker started, none reached the container; $hits packets met the saved rule"

# --- 3. fail-closed -------------------------------------------------------------------------
stop_dockerd || fail "dockerd did not stop"
reboot_tables
save_rules "-s 192.0.2.999 -j DROP" "-j RETURN"
touch /etc/userchain/fail-closed
status=0
"${before_docker[@]}" >"$state/before.out" 2>&1 || status=$?
((status == 2)) || { cat "$state/before.out" >&2; fail "a damaged file should give exit 2, not $status"; }
grep -q "fail-closed" "$state/before.out" || fail "no word of fail-closed: $(cat "$state/before.out")"
grep -q -- '-o docker0 .*-j DROP' <<<"$(chain DOCKER-USER)" || fail "no fail-closed rules: $(chain DOCKER-USER)"
since=$(date +%s)
start_dockerd
wait_running "$since"
probe && fail "fail-closed, the client reached the container"
grep -q -- '-o br-+ .*-j DROP' <<<"$(chain DOCKER-USER)" || fail "Docker did not keep the fail-closed rules: $(chain DOCKER-USER)"
[[ $(chain FORWARD | head -n1) == "-j DOCKER-USER" ]] || fail "FORWARD does not jump to DOCKER-USER first"
save_rules "-j RETURN"
"${after_docker[@]}" >"$state/after.out" 2>&1 || { cat "$state/after.out" >&2; fail "the check after Docker failed on a good file"; }
[[ $(chain DOCKER-USER) == "-j RETURN" ]] || fail "the check did not restore the fixed file: $(chain DOCKER-USER)"
probe || fail "with the fixed file in place the container should answer"
log "3. fail-closed: nothing reached the container until the fixed file was restored"
stop_dockerd || fail "dockerd did not stop"
echo >"$state/client-quit"
wait "$client" 2>/dev/null || true
client=
log "passed"
