#!/usr/bin/env bash
# check-deb.sh BUILD_DIR VERSION GUI: `cpack -G DEB` builds the package; its control fields
# (Depends from dpkg-shlibdeps plus dbus, polkitd, iptables), its files (expected-files.txt
# under /usr, the helper's path in the D-Bus and systemd files) and maintainer scripts are
# checked; then, as root, it is installed, used, removed and purged in a throwaway root: an
# overlay of / in a private mount namespace, so the host's dpkg database and files never change.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need cpack dpkg-deb dpkg-shlibdeps dpkg
build=$1 version=$2 gui=$3
arch=$(dpkg --print-architecture)

start=$(date +%s)
if ! (cd "$build" && cpack -G DEB -B "$scratch/pkg") >"$scratch/cpack.log" 2>&1; then
    cat "$scratch/cpack.log" >&2
    fail "cpack -G DEB failed"
    finish
fi
echo "cpack -G DEB took $(($(date +%s) - start)) s"
deb=$scratch/pkg/userchain_${version}_$arch.deb
if [[ ! -f $deb ]]; then
    fail "no $(basename "$deb"): $(ls "$scratch/pkg")"
    finish
fi

# Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == userchain ]] || fail "Package: $(field Package)"
[[ $(field Version) == "$version" ]] || fail "Version: $(field Version)"
[[ $(field Architecture) == "$arch" ]] || fail "Architecture: $(field Architecture)"
[[ -n $(field Maintainer) && -n $(field Description) ]] || fail "Maintainer or Description missing"
depends=$(field Depends)
echo "Depends: $depends"
wanted=(dbus polkitd iptables libqt6svg6 libqt6core6 libqt6dbus6 libip4tc2 libip6tc2 libc6)
[[ $gui == ON ]] && wanted+=(libqt6gui6 libqt6widgets6)
for package in "${wanted[@]}"; do
    grep -qE "(^|, )$package( \(|,|$)" <<<"$depends" || fail "Depends lacks $package"
done

# Files: exactly the install's plus Debian's two documentation files, with the helper's
# installed path where it is named.
diff -u --label expected-files.txt --label deb <({
    expected_files /usr "$gui"
    echo /usr/share/doc/userchain/changelog.gz
    echo /usr/share/doc/userchain/copyright
} | sort) \
    <(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sed 's/^\.//' | sort) >"$scratch/diff" ||
    fail "files in the .deb differ from expected-files.txt:
$(cat "$scratch/diff")"
dpkg-deb -x "$deb" "$scratch/x"
grep -qx 'Exec=/usr/libexec/userchain-helper' \
    "$scratch/x/usr/share/dbus-1/system-services/io.github.userchain.Helper1.service" ||
    fail "the .deb's activation file does not start /usr/libexec/userchain-helper"
grep -qx 'ExecStart=/usr/libexec/userchain-helper' \
    "$scratch/x/usr/lib/systemd/system/userchain-helper.service" ||
    fail "the .deb's userchain-helper.service does not start /usr/libexec/userchain-helper"
leftovers=$(grep -rlF -e "$build" -e "$scratch" -e _CPack_Packages "$scratch/x/usr/share" "$scratch/x/usr/lib" || true)
[[ -z $leftovers ]] || fail "build or staging paths in the .deb: $leftovers"

# Maintainer scripts: present, executable, valid sh.
dpkg-deb -e "$deb" "$scratch/control"
for script in postinst prerm postrm; do
    file=$scratch/control/$script
    if [[ ! -f $file ]]; then
        fail "no $script"
    else
        [[ $(stat -c %a "$file") == 755 ]] || fail "$script is mode $(stat -c %a "$file")"
        quiet_ok "$script" sh -n "$file"
    fi
done

# Debian's own checker, where installed; errors fail, warnings are shown. Known warnings:
# WantedBy=docker.service (wanted: the restore follows every start of Docker) and no manual
# page for the helper in libexec.
if command -v lintian >/dev/null; then
    lintian --fail-on error --tag-display-limit 0 "$deb" >"$scratch/lintian.log" 2>&1 ||
        fail "lintian: $(cat "$scratch/lintian.log")"
    cat "$scratch/lintian.log"
else
    echo "NOTE: lintian not installed: the .deb was not linted"
fi

# The throwaway root.
if ((EUID != 0)) || ! command -v unshare >/dev/null || ! command -v chroot >/dev/null; then
    echo "NOTE: not root or no unshare/chroot: the .deb was not installed in a throwaway root"
    finish
fi
missing=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*//; s/ //g' |
    while read -r package; do
        dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^ii' || echo "$package"
    done)
if [[ -n $missing ]]; then
    echo "NOTE: not installed on this host, so the .deb cannot be installed over it: ${missing//$'\n'/ }"
    finish
fi
cp "$deb" "$scratch/userchain.deb"
printf '%s\n' '-A DOCKER-USER -i eth0 ! -s 192.168.1.0/24 -j DROP' '-A DOCKER-USER -j RETURN' \
    >"$scratch/rules.txt"
export scratch version
# shellcheck disable=SC2016 # the script is expanded by the inner bash
unshare --mount --propagation private bash -euo pipefail -c '
    ov=$scratch/overlay
    mkdir -p "$ov"
    mount -t tmpfs tmpfs "$ov"
    mkdir "$ov/upper" "$ov/work" "$ov/root"
    if ! mount -t overlay overlay -o "lowerdir=/,upperdir=$ov/upper,workdir=$ov/work" "$ov/root"; then
        echo "NOTE: no overlayfs here: the .deb was not installed in a throwaway root"
        exit 0
    fi
    root=$ov/root
    mount -t proc proc "$root/proc"
    mount --bind /dev "$root/dev"
    cp "$scratch/userchain.deb" "$scratch/rules.txt" "$root/tmp/"
    # The lock may exist on the host; the postinst must create it.
    rm -f "$root/run/xtables.lock"
    in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 "$@"; }
    failed=0
    check() { if ! eval "$2" >/dev/null 2>&1; then echo "FAIL: throwaway root: $1"; failed=$((failed + 1)); fi; }

    if ! in_root dpkg -i /tmp/userchain.deb >"$ov/dpkg.log" 2>&1; then
        cat "$ov/dpkg.log"
        echo "FAIL: throwaway root: dpkg -i failed"
        exit 1
    fi
    check "dpkg says installed" "in_root dpkg -s userchain | grep -qx \"Status: install ok installed\""
    check "userchainctl --version" "[[ \$(in_root userchainctl --version) == \"userchainctl $version\" ]]"
    check "userchainctl check" "in_root userchainctl check /tmp/rules.txt | grep -q -- \"-j RETURN\""
    check "the helper is installed" "in_root test -x /usr/libexec/userchain-helper"
    check "postinst created /run/xtables.lock 0600" "[[ \$(in_root stat -c %a /run/xtables.lock) == 600 ]]"
    check "man finds userchainctl(1)" "in_root man -w userchainctl | grep -q userchainctl.1.gz"
    check "man finds userchain(1)" "in_root man -w userchain | grep -q userchain.1.gz"
    check "postinst enabled the restore unit for boot" \
        "in_root test -L /etc/systemd/system/multi-user.target.wants/userchain-restore.service"
    check "postinst enabled the restore unit for Docker" \
        "in_root test -L /etc/systemd/system/docker.service.wants/userchain-restore.service"
    check "postinst enabled the check unit for Docker" \
        "in_root test -L /etc/systemd/system/docker.service.wants/userchain-restore-check.service"

    in_root dpkg -r userchain >"$ov/dpkg.log" 2>&1 || { cat "$ov/dpkg.log"; echo "FAIL: dpkg -r failed"; exit 1; }
    check "dpkg -r removes the files" "! in_root test -e /usr/libexec/userchain-helper"
    # What the package leaves until purge: saved rules (the enable links, masked, too).
    in_root mkdir -p /etc/userchain
    in_root touch /etc/userchain/rules.v4
    in_root dpkg -P userchain >"$ov/dpkg.log" 2>&1 || { cat "$ov/dpkg.log"; echo "FAIL: dpkg -P failed"; exit 1; }
    check "dpkg -P forgets the package" "! in_root dpkg -s userchain"
    check "dpkg -P removes /etc/userchain" "! in_root test -e /etc/userchain"
    check "dpkg -P removes the restore unit links" \
        "! in_root test -e /etc/systemd/system/multi-user.target.wants/userchain-restore.service \
         -o -L /etc/systemd/system/multi-user.target.wants/userchain-restore.service \
         -o -L /etc/systemd/system/docker.service.wants/userchain-restore.service \
         -o -L /etc/systemd/system/docker.service.wants/userchain-restore-check.service \
         -o -L /etc/systemd/system/userchain-restore.service"
    echo "throwaway root: installed, used, removed and purged"
    exit "$failed"
' >"$scratch/root.log" 2>&1 && root_ok=1 || root_ok=0
cat "$scratch/root.log"
((root_ok)) || fail "in the throwaway root (see above)"
finish
