# shellcheck shell=bash
# shellcheck disable=SC2154 # sandbox_dir, run_*, sshd_address, ...: variables of scripts/sandbox
# scripts/sandbox --sshd: the sandbox as a remote server reached over ssh. Sourced by
# scripts/sandbox; runs in its inner stage (private mount, network and PID namespaces), after
# the bus and polkitd have started. See docs/sandbox.md, "--sshd".
#
# The sandbox's network namespace is the "server": the real sshd listens there on
# $sshd_address. A second network namespace, the "workstation", is joined to it by a veth
# pair; COMMAND runs there, so that it reaches the server only through ssh over the veth.
# Both share the sandbox's files (mount namespace): the build tree, the test keys, and the
# private /etc that holds the ssh client's configuration.

# The server side of ssh must find the private bus where systemd-stdio-bridge looks: it
# connects to /run/dbus/system_bus_socket unless given --bus-path, and (systemd 252) ignores
# DBUS_SYSTEM_BUS_ADDRESS, so neither sshd's SetEnv nor a client's SendEnv could point it
# elsewhere. A ForceCommand wrapper adding --bus-path would work but replace the command the
# client sends, so a client sending the wrong one would pass. Instead the sandbox's private
# /run holds the bus at the default path, as on a real server, and the session runs exactly
# what the client asked for.
sandbox_sshd_bus_at_default_path() {
    setup_private_dir /run run || sandbox_die "--sshd: could not make /run private (overlayfs)"
    mkdir -p /run/dbus
    ln -sfn "$sandbox_dir/system_bus_socket" /run/dbus/system_bus_socket
    # sshd's privilege separation directory (made at boot on a real server).
    mkdir -p /run/sshd
    chmod 0755 /run/sshd
}

# The workstation's network namespace, held by a process that does nothing else; the veth
# pair joins it to the server's.
sandbox_sshd_network() {
    unshare --net -- sleep infinity </dev/null >/dev/null 2>&1 &
    workstation_pid=$!
    local i
    for ((i = 0; i < 200; i++)); do
        [[ /proc/$workstation_pid/ns/net -ef /proc/$$/ns/net ]] || break
        sleep 0.01
    done
    [[ /proc/$workstation_pid/ns/net -ef /proc/$$/ns/net ]] &&
        sandbox_die "--sshd: the workstation's network namespace did not appear"
    ip link add uc-server type veth peer name uc-workstation netns "$workstation_pid" ||
        sandbox_die "--sshd: could not create the veth pair"
    ip addr add "$sshd_address/24" dev uc-server
    ip link set uc-server up
    nsenter --net="/proc/$workstation_pid/ns/net" sh -e -c "
        ip link set lo up
        ip addr add '$workstation_address/24' dev uc-workstation
        ip link set uc-workstation up" || sandbox_die "--sshd: could not set up the workstation's interface"
}

# Keys and configuration made for this run only: the server's host key and one client key,
# authorized for every user of the server. In the private /etc, because sshd (StrictModes, kept
# on as on a real server) refuses authorized keys below a world-writable directory like /tmp.
sandbox_sshd_dir=/etc/ssh/userchain-sandbox
sandbox_sshd_keys() {
    local dir=$sandbox_sshd_dir
    mkdir -m 0755 "$dir"
    ssh-keygen -q -t ed25519 -N '' -C userchain-sandbox-host -f "$dir/host_key" ||
        sandbox_die "--sshd: ssh-keygen failed"
    ssh-keygen -q -t ed25519 -N '' -C userchain-sandbox-client -f "$dir/id_ed25519"
    # ssh refuses a private key that others can read; it belongs to whoever runs COMMAND.
    chown "$run_uid:$run_gid" "$dir/id_ed25519"
    chmod 0600 "$dir/id_ed25519"
    install -m 0644 "$dir/id_ed25519.pub" "$dir/authorized_keys"
    printf '%s %s\n' "$sshd_address" "$(cut -d' ' -f1,2 "$dir/host_key.pub")" >"$dir/known_hosts"
    chmod 0644 "$dir/known_hosts"
}

sandbox_sshd_start() {
    local dir=$sandbox_sshd_dir
    # No passwords and no PAM (no logind, no pam_systemd in the sandbox): the test key logs
    # in any user whose account is not locked and whose shell runs the command.
    cat >"$dir/sshd_config" <<EOF
ListenAddress $sshd_address:22
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
AuthenticationMethods publickey
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
X11Forwarding no
AllowTcpForwarding no
AllowAgentForwarding no
PermitTunnel no
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
EOF
    /usr/sbin/sshd -t -f "$dir/sshd_config" || sandbox_die "--sshd: sshd refuses its configuration"
    /usr/sbin/sshd -D -e -f "$dir/sshd_config" >>"$sandbox_dir/sshd.log" 2>&1 </dev/null &
    local pid=$! i
    for ((i = 0; i < 200; i++)); do
        grep -q 'Server listening on' "$sandbox_dir/sshd.log" 2>/dev/null && return 0
        sandbox_pid_alive "$pid" || break
        sleep 0.05
    done
    cat "$sandbox_dir/sshd.log" >&2
    sandbox_die "--sshd: sshd did not start"
}

# The client side: in the private /etc, ssh to the server uses the test key and knows the
# host key. The user's own ~/.ssh (which is read first and could say otherwise) is hidden.
sandbox_sshd_client() {
    local dir=$sandbox_sshd_dir
    mkdir -p /etc/ssh/ssh_config.d
    cat >/etc/ssh/ssh_config.d/00-userchain-sandbox.conf <<EOF
Host $sshd_address
    IdentityFile $dir/id_ed25519
    IdentitiesOnly yes
    UserKnownHostsFile $dir/known_hosts
    GlobalKnownHostsFile /dev/null
    StrictHostKeyChecking yes
    BatchMode yes
    ConnectTimeout 10
EOF
    if [[ -d $run_home/.ssh ]]; then
        mount -t tmpfs -o "mode=0700,uid=$run_uid,gid=$run_gid,size=1m" userchain-sandbox-ssh "$run_home/.ssh"
    fi
}

setup_sshd() {
    [[ -x /usr/sbin/sshd ]] || sandbox_die "--sshd needs /usr/sbin/sshd (openssh-server; scripts/deps test installs it)"
    command -v ssh >/dev/null || sandbox_die "--sshd needs ssh (openssh-client)"
    command -v systemd-stdio-bridge >/dev/null || sandbox_die "--sshd needs systemd-stdio-bridge (systemd)"
    ((etc_private)) || sandbox_die "--sshd needs a private /etc for the ssh client's configuration"
    sandbox_sshd_bus_at_default_path
    sandbox_sshd_network
    sandbox_sshd_keys
    sandbox_sshd_start
    sandbox_sshd_client
    sandbox_msg "sshd on $sshd_address; the command runs in the workstation namespace ($workstation_address)"
}
