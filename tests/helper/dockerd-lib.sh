# shellcheck shell=bash
# tests/helper/dockerd-lib.sh, sourced by the tests that run a real dockerd (Debian's docker.io
# 20.10) inside scripts/sandbox: its data, exec root, pid file, socket and cgroups its own,
# containerd started by hand, vfs storage, and an image made from busybox-static
# (`docker import`); nothing is pulled. Waits on dockerd's sd_notify READY=1, never sleeps.
#
# Before sourcing, set `state` (a fresh directory of the test's own) and `cgroup_parent` (a
# name for the cgroups Docker makes); `docker_socket` defaults to $state/docker.sock and
# `docker_pidfile` to $state/dockerd.pidfile. Call
# dockerd_cleanup from the test's EXIT trap.

# shellcheck disable=SC2154 # state and cgroup_parent come from the sourcing test
: "${state:?set state before sourcing}" "${cgroup_parent:?set cgroup_parent before sourcing}"
docker_socket=${docker_socket:-$state/docker.sock}
docker_pidfile=${docker_pidfile:-$state/dockerd.pidfile}
containerd_pid=
dockerd_pid=

dockerd_check_tools() {
    local tool
    for tool in dockerd containerd /usr/bin/docker busybox; do
        command -v "$tool" >/dev/null ||
            { echo "FAIL: $tool is missing (scripts/deps test installs docker.io and busybox-static)" >&2; return 1; }
    done
}

docker() { /usr/bin/docker -H "unix://$docker_socket" "$@"; }

# SIGTERM to a process that is not our child (python started dockerd), and wait until it has
# gone: a pidfd signals it and says when.
terminate() {
    python3 -c 'import os, select, signal, sys
fd = os.pidfd_open(int(sys.argv[1]))
signal.pidfd_send_signal(fd, signal.SIGTERM)
sys.exit(0 if select.select([fd], [], [], 60)[0] else 1)' "$1"
}

start_containerd() {
    containerd --root "$state/containerd" --state "$state/containerd-run" \
        --address "$state/containerd.sock" >"$state/containerd.log" 2>&1 &
    containerd_pid=$!
}

# dockerd tells systemd when it is ready (sd_notify READY=1); here a socket of ours listens.
start_dockerd() {
    python3 - "$state" "$cgroup_parent" "$docker_socket" "$docker_pidfile" <<'PYTHON' >"$state/dockerd.pid"
import os, socket, subprocess, sys
state, cgroup_parent, api, pidfile = sys.argv[1:5]
path = os.path.join(state, "notify.sock")
if os.path.exists(path):
    os.unlink(path)
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
sock.settimeout(120)
log = open(os.path.join(state, "dockerd.log"), "ab")
daemon = subprocess.Popen(
    ["dockerd", "--data-root", state + "/data", "--exec-root", state + "/exec",
     "--pidfile", pidfile, "-H", "unix://" + api,
     "--containerd", state + "/containerd.sock", "--storage-driver", "vfs",
     "--iptables=true", "--ip-forward=true", "--cgroup-parent", cgroup_parent],
    env=dict(os.environ, NOTIFY_SOCKET=path), stdout=log, stderr=log, start_new_session=True)
while b"READY=1" not in sock.recv(4096):
    pass
print(daemon.pid)
PYTHON
    read -r dockerd_pid <"$state/dockerd.pid"
}

stop_dockerd() {
    terminate "$dockerd_pid" || { echo "FAIL: dockerd did not stop" >&2; return 1; }
    dockerd_pid=
}

# The image userchain-test/busybox: /bin/busybox, and /www/index.html saying "served".
import_busybox_image() {
    mkdir -p "$state/image/bin" "$state/image/www"
    cp /bin/busybox "$state/image/bin/busybox"
    echo served >"$state/image/www/index.html"
    tar -C "$state/image" -c . | docker import - userchain-test/busybox >/dev/null
}

dockerd_cleanup() {
    # dockerd stops its containers (their cgroups are then empty and can go).
    [[ -n $dockerd_pid ]] && terminate "$dockerd_pid"
    [[ -n $containerd_pid ]] && kill -TERM "$containerd_pid" 2>/dev/null && wait "$containerd_pid" 2>/dev/null
    # The sandbox's PID namespace ends whatever is left; the cgroups Docker made are the host's.
    local dir
    for dir in /sys/fs/cgroup/*/"$cgroup_parent"; do
        [[ -d $dir ]] || continue
        find "$dir" -depth -type d -exec rmdir {} + || echo "cleanup: cannot remove $dir" >&2
    done
    # Mounts dockerd made (a container's shm) live in this mount namespace only.
    grep -o " $state/[^ ]*" /proc/self/mountinfo | sort -r | xargs -r -n1 umount -l 2>/dev/null
    return 0
}
