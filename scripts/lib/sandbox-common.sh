# shellcheck shell=bash
# Helpers for scripts/sandbox: messages, process bookkeeping, templates and bus queries.
# Sourced, not run. Everything here is careful to act only on process ids handed to it:
# the sandbox must stop exactly what it started and nothing else on the machine.

sandbox_msg() { printf 'sandbox: %s\n' "$*" >&2; }
sandbox_warn() { printf 'sandbox: warning: %s\n' "$*" >&2; }
sandbox_die() {
    printf 'sandbox: error: %s\n' "$*" >&2
    exit 125
}

# True while PID runs. A zombie counts as gone: `kill -0` still succeeds on an unreaped
# child, which would make teardown wait for the full timeout on every clean exit.
sandbox_pid_alive() {
    local state
    [[ -r /proc/$1/status ]] || return 1
    state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null) || return 1
    [[ -n $state && $state != Z && $state != X ]]
}

# Every process of the sandbox except its init (this shell): the bus, polkitd, the helper
# (which dbus-daemon's activation double-forks, so it is not our child), and anything the
# command left running. Used as the last sweep of teardown. Only valid in the sandbox's
# own PID namespace with its own /proc, where every visible process belongs to the
# sandbox; anywhere else this would list the host's processes, so it refuses.
sandbox_pids_in_sandbox() {
    if (($$ != 1)) || ! [[ /proc/self/ns/pid -ef /proc/1/ns/pid ]]; then
        sandbox_warn "not the init of the sandbox's PID namespace; not sweeping processes"
        return 0
    fi
    local dir pid
    for dir in /proc/[0-9]*; do
        pid=${dir#/proc/}
        ((pid == 1 || pid == BASHPID)) && continue
        # Same mount namespace as well: only what was started inside the sandbox.
        [[ $dir/ns/mnt -ef /proc/1/ns/mnt ]] && printf '%s\n' "$pid"
    done
    return 0
}

# Send TERM to the given pids, give them TIMEOUT whole seconds, then KILL
# whatever is left. Reaps those that are our own children so no zombies linger.
sandbox_stop_pids() {
    local timeout=$1
    shift
    local pid
    local -a live=()
    for pid in "$@"; do
        [[ -n $pid ]] && sandbox_pid_alive "$pid" && live+=("$pid")
    done
    if ((${#live[@]})); then
        kill -TERM "${live[@]}" 2>/dev/null
        local deadline=$((SECONDS + timeout)) any
        while ((SECONDS < deadline)); do
            any=0
            for pid in "${live[@]}"; do
                sandbox_pid_alive "$pid" && any=1
            done
            ((any)) || break
            sleep 0.05
        done
        for pid in "${live[@]}"; do
            if sandbox_pid_alive "$pid"; then
                sandbox_warn "process $pid ignored SIGTERM, sending SIGKILL"
                kill -KILL "$pid" 2>/dev/null
            fi
        done
    fi
    # Reap our own children; wait for the others (re-parented to init) to be reaped there,
    # so that a caller checking for leftovers right after the sandbox returns sees none.
    local deadline=$((SECONDS + 2))
    for pid in "$@"; do
        [[ -n $pid ]] || continue
        wait "$pid" 2>/dev/null
        while [[ -e /proc/$pid ]] && ((SECONDS < deadline)); do
            sleep 0.02
        done
    done
    return 0
}

# Escape text for an XML attribute or element (paths written into the bus config).
sandbox_xml_escape() {
    local s=$1
    s=${s//&/&amp;}
    s=${s//</&lt;}
    s=${s//>/&gt;}
    s=${s//\"/&quot;}
    printf '%s' "$s"
}

# Copy template FILE to OUT replacing @KEY@ by VALUE for each KEY=VALUE argument.
# Plain bash substitution rather than sed: values are paths and command lines whose
# characters (/, &, \) would need sed escaping.
sandbox_render() {
    local in=$1 dest=$2
    shift 2
    local text kv
    text=$(<"$in") || return 1
    for kv in "$@"; do
        text=${text//"@${kv%%=*}@"/"${kv#*=}"}
    done
    printf '%s\n' "$text" >"$dest"
}

# Ask the private bus's driver something about NAME; prints the reply's value or nothing.
# The address is always passed explicitly: falling back to the default system bus would
# ask the host's bus, and teardown kills the pid it gets back.
sandbox_bus_query() {
    local method=$1 name=$2
    [[ -n ${SANDBOX_BUS_ADDRESS:-} ]] || return 0
    dbus-send --bus="$SANDBOX_BUS_ADDRESS" --print-reply=literal --reply-timeout=2000 \
        --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        "org.freedesktop.DBus.$method" "string:$name" 2>/dev/null |
        awk '{print $NF}'
}

sandbox_name_has_owner() {
    [[ $(sandbox_bus_query NameHasOwner "$1") == true ]]
}
