#!/usr/bin/env bash
# check-install.sh BUILD_DIR GUI: `cmake --install` into a DESTDIR, once with prefix /usr (as
# the .deb) and once with another prefix, must install exactly tests/install/expected-files.txt,
# and every installed file that names another installed file must name it where it really is.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build=$1 gui=$2

check_prefix() {
    local prefix=$1 dest=$scratch/dest${1//\//_}
    install_tree "$build" "$dest" "$prefix"
    local root=$dest$prefix

    # The file list, symlinks included; directories are implied by their files.
    diff -u --label expected-files.txt --label installed <(expected_files "$prefix" "$gui") \
        <(cd "$dest" && find . \( -type f -o -type l \) -printf '/%P\n' | sort) \
        >"$scratch/diff" || fail "prefix $prefix: installed files differ from expected-files.txt:
$(cat "$scratch/diff")"

    local helper=$prefix/libexec/userchain-helper
    [[ -x $dest$helper ]] || fail "prefix $prefix: $helper is not an installed executable"
    for exe in bin/userchainctl $([[ $gui == ON ]] && echo bin/userchain); do
        [[ -x $root/$exe ]] || fail "prefix $prefix: $exe is not executable"
    done

    # D-Bus activation: named after the bus name, starting the installed helper as root, through
    # the installed systemd unit.
    local activation=$root/share/dbus-1/system-services/io.github.userchain.Helper1.service
    grep -qx 'Name=io.github.userchain.Helper1' "$activation" || fail "$activation: Name="
    grep -qx "Exec=$helper" "$activation" ||
        fail "prefix $prefix: activation file says $(grep '^Exec=' "$activation"), not Exec=$helper"
    grep -qx 'User=root' "$activation" || fail "$activation: User=root missing"
    local unit
    unit=$(sed -n 's/^SystemdService=//p' "$activation")
    [[ -f $root/lib/systemd/system/$unit ]] || fail "SystemdService=$unit is not installed"
    grep -qx 'BusName=io.github.userchain.Helper1' "$root/lib/systemd/system/$unit" ||
        fail "$unit: BusName= is not the helper's bus name"
    grep -qx "ExecStart=$helper" "$root/lib/systemd/system/userchain-helper.service" ||
        fail "prefix $prefix: userchain-helper.service does not start $helper"
    grep -qx "ExecStart=$helper --restore-saved --before-docker" \
        "$root/lib/systemd/system/userchain-restore.service" ||
        fail "prefix $prefix: userchain-restore.service does not start $helper --restore-saved --before-docker"
    grep -qx "ExecStart=$helper --restore-saved --after-docker" \
        "$root/lib/systemd/system/userchain-restore-check.service" ||
        fail "prefix $prefix: userchain-restore-check.service does not start $helper --restore-saved --after-docker"

    # The bus policy lets root own the name the activation file names.
    grep -q '<allow own="io.github.userchain.Helper1"/>' \
        "$root/share/dbus-1/system.d/io.github.userchain.Helper1.conf" || fail "bus policy: own"

    # Configured files: no placeholder left, no build or source path leaked into the install.
    local leftovers
    leftovers=$(grep -rlE '@[A-Z_]+@' "$root/share" "$root/lib" || true)
    [[ -z $leftovers ]] || fail "unreplaced @VARIABLE@ in: $leftovers"
    leftovers=$(grep -rlF -e "$build" -e "$dest" "$root/share" "$root/lib" || true)
    [[ -z $leftovers ]] || fail "build or staging paths in: $leftovers"

    # Man pages: compressed as Debian wants them, naming the installed paths.
    for page in userchain userchainctl; do
        local gz=$root/share/man/man1/$page.1.gz
        gzip -t "$gz" || fail "$gz is not gzip"
        zcat "$gz" | grep -qF "${helper//-/\\-}" || fail "$page.1 does not name $helper"
    done
}

check_prefix /usr
check_prefix /opt/userchain
finish
