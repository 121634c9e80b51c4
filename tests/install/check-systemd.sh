#!/usr/bin/env bash
# check-systemd.sh BUILD_DIR: the installed systemd files, checked by systemd's own tools on a
# copy of the install (never on the host's systemd): `systemd-analyze verify` (syntax, the
# ExecStart= binary, the man pages in Documentation=), `systemd-analyze security` (the
# hardening stays at "OK" or better), and `systemd-tmpfiles` creating the xtables lock.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need systemd-analyze systemd-tmpfiles
build=$1

dest=$scratch/dest
install_tree "$build" "$dest" /usr
units=$dest/usr/lib/systemd/system

# A root holding the install and the host's own units, which ours order themselves against
# (sysinit.target, basic.target, multi-user.target...). Docker's unit need not be there:
# After=/PartOf=/WantedBy= a unit that does not exist are not errors.
root=$scratch/root
mkdir -p "$root/usr/lib/systemd/system"
for dir in /usr/lib/systemd/system /lib/systemd/system; do
    [[ -d $dir ]] && cp -a "$dir/." "$root/usr/lib/systemd/system/"
done
cp -a "$dest/." "$root/"

cd "$root"
for unit in userchain-helper.service userchain-restore.service userchain-restore-check.service; do
    # verify looks the Documentation= man pages up with man(1): the installed ones.
    MANPATH=$dest/usr/share/man quiet_ok verify \
        systemd-analyze verify --root="$root" "usr/lib/systemd/system/$unit"
    # Exposure 2.0 today; 2.5 leaves room for systemd's scoring to change, not for a lost option.
    if ! out=$(systemd-analyze security --offline=true --root="$root" --threshold=25 \
        "usr/lib/systemd/system/$unit" 2>&1); then
        fail "$unit: systemd-analyze security: exposure over 2.5:
$(echo "$out" | grep -E '✗|Overall')"
    fi
done

# What the helper needs from its unit, which systemd-analyze cannot know.
helper_unit=$units/userchain-helper.service
for line in Type=dbus BusName=io.github.userchain.Helper1 \
    'CapabilityBoundingSet=CAP_NET_ADMIN CAP_NET_RAW' ReadWritePaths=-/run/xtables.lock \
    ConfigurationDirectory=userchain RuntimeDirectory=userchain RuntimeDirectoryPreserve=yes; do
    grep -qxF "$line" "$helper_unit" || fail "userchain-helper.service lacks $line"
done
# The host's tables are in the host's network namespace, and /proc/net must stay readable.
for bad in PrivateNetwork=yes PrivateUsers=yes ProcSubset=pid; do
    grep -qxF "$bad" "$helper_unit" && fail "userchain-helper.service must not have $bad"
done
# The saved rules go in before Docker starts its containers, and are checked once it has.
restore_unit=$units/userchain-restore.service
for line in Type=oneshot Before=docker.service PartOf=docker.service \
    'WantedBy=multi-user.target docker.service' RuntimeDirectory=userchain \
    RuntimeDirectoryPreserve=yes; do
    grep -qxF "$line" "$restore_unit" || fail "userchain-restore.service lacks $line"
done
check_unit=$units/userchain-restore-check.service
for line in Type=oneshot After=docker.service PartOf=docker.service WantedBy=docker.service \
    RuntimeDirectory=userchain RuntimeDirectoryPreserve=yes; do
    grep -qxF "$line" "$check_unit" || fail "userchain-restore-check.service lacks $line"
done

# tmpfiles.d: creates the lock as iptables does, root-only.
quiet_ok tmpfiles systemd-tmpfiles --root="$root" --create userchain.conf
lock=$root/run/xtables.lock
if [[ ! -f $lock ]]; then
    fail "systemd-tmpfiles did not create /run/xtables.lock"
elif [[ $(stat -c '%a' "$lock") != 600 ]] ||
    { ((EUID == 0)) && [[ $(stat -c '%u %g' "$lock") != '0 0' ]]; }; then
    fail "/run/xtables.lock is $(stat -c '%a %U:%G' "$lock"), not 600 root:root"
fi
finish
