# The Debian package: `cpack -G DEB` in the build directory makes userchain_<version>_<arch>.deb
# from what `cmake --install` installs, with prefix /usr. docs/packaging.md tells how it is
# built and checked; tests/install/check-deb.sh checks it in the test suite.

set(CPACK_PACKAGE_NAME userchain)
set(CPACK_PACKAGE_VENDOR "The Userchain developers")
# Maintainer: of the .deb; whoever builds packages for others puts their own address here.
set(USERCHAIN_PACKAGE_CONTACT "The Userchain developers <userchain@users.noreply.github.com>"
    CACHE STRING "Maintainer of the Debian package (Name <address>)")
set(CPACK_PACKAGE_CONTACT "${USERCHAIN_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/userchain/userchain")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Editor for Docker's DOCKER-USER firewall chain")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Install with DESTDIR and the real prefix: the files configured at install time (the D-Bus
# activation file and the systemd units name the helper) must say /usr/libexec, not the
# staging directory CPack would otherwise give as the prefix. With CPACK_SET_DESTDIR CPack
# takes the prefix from CPACK_INSTALL_PREFIX, whatever prefix the build was configured with.
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_SOURCE_GENERATOR "")

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The extended description; CPack puts the summary above it and indents it for the control file.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION [[Userchain shows Docker's own iptables chains read-only and the DOCKER-USER
chain as an editable, ordered rule table, with wizards for the rules of
Docker's documentation. Changes are reviewed as a diff, can revert by
themselves unless confirmed, and are applied by a polkit-authorized D-Bus
helper that alone touches the kernel's tables. The rules export to a file
that iptables-restore -n loads unchanged.

This package contains the desktop application (userchain), the command-line
client (userchainctl) and the system helper (userchain-helper).]])
# The libraries (Qt, libiptc, libc) come from dpkg-shlibdeps. Explicit: what the binaries reach
# at run time rather than link: the system bus, polkitd (the helper asks it on every call),
# the iptables tools the helper runs for the nf_tables backend and to detect the backend, and
# Qt's SVG image plugin, without which the window's icons are blank.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "dbus, polkitd, iptables, libqt6svg6")
# Without a Wayland plugin Qt runs through XWayland.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "docker.io | docker-ce")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Maintainer scripts, doing by hand what debhelper's snippets would: create the xtables lock
# the helper's unit binds, enable userchain-restore.service and userchain-restore-check.service (deb-systemd-helper, as
# dh_installsystemd does; it does nothing until rules are saved, see its Condition), make
# systemd see the units, stop the helper before its files go, and on purge remove what the
# package and its units created in /etc. An upgrade does not restart a running helper: it may
# hold a confirmed apply's rollback; it exits when idle, and the next call starts the new one.
set(USERCHAIN_DEB_SCRIPTS_DIR ${CMAKE_BINARY_DIR}/packaging/debian)
file(WRITE ${USERCHAIN_DEB_SCRIPTS_DIR}/postinst [[#!/bin/sh
set -e
if [ "$1" = configure ] || [ "$1" = abort-upgrade ] || [ "$1" = abort-deconfigure ] ||
   [ "$1" = abort-remove ]; then
    if command -v systemd-tmpfiles >/dev/null 2>&1; then
        systemd-tmpfiles --create userchain.conf || true
    fi
    # Undoes the mask of a removal; enables on first install, keeps the admin's choice after.
    for unit in userchain-restore.service userchain-restore-check.service; do
        deb-systemd-helper unmask "$unit" >/dev/null || true
        if deb-systemd-helper --quiet was-enabled "$unit"; then
            deb-systemd-helper enable "$unit" >/dev/null || true
        else
            deb-systemd-helper update-state "$unit" >/dev/null || true
        fi
    done
    if [ -d /run/systemd/system ]; then
        systemctl --system daemon-reload >/dev/null || true
    fi
fi
exit 0
]])
file(WRITE ${USERCHAIN_DEB_SCRIPTS_DIR}/prerm [[#!/bin/sh
set -e
if [ "$1" = remove ] && [ -d /run/systemd/system ]; then
    deb-systemd-invoke stop userchain-helper.service >/dev/null || true
fi
exit 0
]])
file(WRITE ${USERCHAIN_DEB_SCRIPTS_DIR}/postrm [[#!/bin/sh
set -e
if [ -d /run/systemd/system ]; then
    systemctl --system daemon-reload >/dev/null || true
fi
if [ "$1" = remove ]; then
    deb-systemd-helper mask userchain-restore.service >/dev/null || true
    deb-systemd-helper mask userchain-restore-check.service >/dev/null || true
fi
if [ "$1" = purge ]; then
    for unit in userchain-restore.service userchain-restore-check.service; do
        deb-systemd-helper purge "$unit" >/dev/null || true
        deb-systemd-helper unmask "$unit" >/dev/null || true
    done
    # The saved rules (userchain-helper.service's ConfigurationDirectory=).
    rm -rf /etc/userchain
fi
exit 0
]])
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${USERCHAIN_DEB_SCRIPTS_DIR}/postinst
    ${USERCHAIN_DEB_SCRIPTS_DIR}/prerm
    ${USERCHAIN_DEB_SCRIPTS_DIR}/postrm)

# Debian wants /usr/share/doc/<package>/copyright and, for a native package, changelog.gz.
# They belong to the package, not to every `cmake --install`, so a script CPack runs on its
# staging directory adds them. The changelog entry is dated with the release's date in the
# AppStream metainfo, so that the package does not change with the day it is built.
set(USERCHAIN_METAINFO_FILE ${CMAKE_SOURCE_DIR}/resources/io.github.userchain.Userchain.metainfo.xml)
file(READ ${USERCHAIN_METAINFO_FILE} USERCHAIN_METAINFO)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${USERCHAIN_METAINFO_FILE})
if(USERCHAIN_METAINFO MATCHES
   "<release version=\"${PROJECT_VERSION}\" date=\"([0-9-]+)\">[ \n]*<description>[ \n]*<p>([^<]*)</p>")
    set(USERCHAIN_RELEASE_DATE ${CMAKE_MATCH_1})
    string(REGEX REPLACE "[ \n]+" " " USERCHAIN_RELEASE_NOTE "${CMAKE_MATCH_2}")
else()
    message(WARNING "The metainfo has no <release> with notes for ${PROJECT_VERSION}: "
                    "the .deb's changelog is dated 1970-01-01")
    set(USERCHAIN_RELEASE_DATE 1970-01-01)
    set(USERCHAIN_RELEASE_NOTE "Release ${PROJECT_VERSION}.")
endif()
string(SUBSTRING ${USERCHAIN_RELEASE_DATE} 0 4 USERCHAIN_RELEASE_YEAR)
file(CONFIGURE OUTPUT ${USERCHAIN_DEB_SCRIPTS_DIR}/copyright @ONLY CONTENT [[Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Userchain
Upstream-Contact: The Userchain developers
Source: https://github.com/userchain/userchain

Files: *
Copyright: @USERCHAIN_RELEASE_YEAR@ The Userchain developers
License: GPL-3.0-or-later
 This program is free software: you can redistribute it and/or modify it under
 the terms of the GNU General Public License as published by the Free Software
 Foundation, either version 3 of the License, or (at your option) any later
 version.
 .
 On Debian systems, the complete text of the GNU General Public License
 version 3 can be found in "/usr/share/common-licenses/GPL-3".
]])
set(USERCHAIN_DEB_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
file(WRITE ${USERCHAIN_DEB_SCRIPTS_DIR}/release-note "${USERCHAIN_RELEASE_NOTE}")
file(CONFIGURE OUTPUT ${USERCHAIN_DEB_SCRIPTS_DIR}/add-docs.cmake @ONLY CONTENT [[
# Run by CPack (CPACK_PRE_BUILD_SCRIPTS) on the staging directory of the .deb.
set(doc "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/share/doc/userchain")
file(MAKE_DIRECTORY "${doc}")
file(COPY_FILE "@USERCHAIN_DEB_SCRIPTS_DIR@/copyright" "${doc}/copyright")
execute_process(COMMAND date -u -R -d "@USERCHAIN_RELEASE_DATE@ 00:00:00"
                OUTPUT_VARIABLE date OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND fold -s -w 74 INPUT_FILE "@USERCHAIN_DEB_SCRIPTS_DIR@/release-note"
                OUTPUT_VARIABLE note OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
string(REGEX REPLACE " *\n" "\n    " note "${note}")
file(WRITE "${doc}/changelog" "userchain (@PROJECT_VERSION@) unstable; urgency=medium

  * ${note}

 -- @USERCHAIN_DEB_MAINTAINER@  ${date}
")
execute_process(COMMAND gzip -9 -n -f "${doc}/changelog" COMMAND_ERROR_IS_FATAL ANY)
file(CHMOD "${doc}/copyright" "${doc}/changelog.gz" PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
]])
set(CPACK_PRE_BUILD_SCRIPTS ${USERCHAIN_DEB_SCRIPTS_DIR}/add-docs.cmake)

include(CPack)
