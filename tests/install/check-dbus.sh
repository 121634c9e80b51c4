#!/usr/bin/env bash
# check-dbus.sh BUILD_DIR: the real dbus-daemon, on a private bus of the system type
# (never the host's), loads the installed bus policy and activation file: the helper's name is
# activatable, root may own it, and another user may not.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need dbus-daemon dbus-send setpriv
((EUID == 0)) || skip "needs root, to own the name as root and try it as nobody"
build=$1

dest=$scratch/dest
install_tree "$build" "$dest" /usr
# The socket must be reachable by nobody for the refusal to come from the policy.
chmod 0711 "$scratch"
mkdir -m 0755 "$scratch/bus"
cat >"$scratch/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=$scratch/bus/socket</listen>
  <auth>EXTERNAL</auth>
  <servicedir>$dest/usr/share/dbus-1/system-services</servicedir>
  <!-- As Debian's system.conf: deny by default, allow the bus driver. -->
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
  </policy>
  <include>$dest/usr/share/dbus-1/system.d/io.github.userchain.Helper1.conf</include>
</busconfig>
CONF
dbus-daemon --config-file="$scratch/bus.conf" --nofork --print-address=1 >"$scratch/address" \
    2>"$scratch/daemon.log" &
daemon=$!
trap 'kill "$daemon" 2>/dev/null; rm -rf "$scratch"' EXIT
for _ in $(seq 50); do
    [[ -s $scratch/address ]] && break
    kill -0 "$daemon" 2>/dev/null || break
    sleep 0.1
done
if [[ ! -s $scratch/address ]]; then
    fail "dbus-daemon did not start with the bus policy: $(cat "$scratch/daemon.log")"
    finish
fi
# Raising the fd limit needs CAP_SYS_RESOURCE, which a container may not have: not our concern.
complaints=$(grep -v 'Failed to set fd limit' "$scratch/daemon.log" || true)
[[ -z $complaints ]] || fail "dbus-daemon complained: $complaints"
bus=unix:path=$scratch/bus/socket
call() {
    dbus-send --bus="$bus" --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        "org.freedesktop.DBus.$1" "${@:2}" 2>&1
}

call ListActivatableNames | grep -q '"io.github.userchain.Helper1"' ||
    fail "io.github.userchain.Helper1 is not activatable from the installed activation file"

# RequestName replies 1 (primary owner) to root; nobody is refused by the policy.
out=$(setpriv --reuid=nobody --regid=nogroup --clear-groups dbus-send --bus="$bus" --print-reply \
    --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.RequestName \
    string:io.github.userchain.Helper1 uint32:0 2>&1 || true)
grep -q 'AccessDenied' <<<"$out" || fail "nobody may own io.github.userchain.Helper1: $out"
out=$(call RequestName string:io.github.userchain.Helper1 uint32:0 || true)
grep -q 'uint32 1' <<<"$out" || fail "root may not own io.github.userchain.Helper1: $out"
finish
