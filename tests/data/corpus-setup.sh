#!/bin/sh
# Userchain oracle corpus: namespace setup.
#
# Creates everything the corpora (corpus-v4.rules, corpus-v6.rules) and
# bad-rules.txt rely on, for both address families.  Takes no arguments.
# Run it INSIDE the test's private network namespace, before loading a corpus
# with iptables-restore / ip6tables-restore, e.g.
#   unshare --net sh -c 'sh tests/data/corpus-setup.sh && iptables-legacy-restore < file'
# ipsets are per network namespace, so nothing here reaches the host.
#
# The chains DOCKER-USER and DOCKER (jump/goto target) are not created here:
# they are declared in the restore file itself (":DOCKER-USER - [0:0]",
# ":DOCKER - [0:0]").  Needs the ipset tool (Debian package "ipset").
set -eu

# Refuse to run in the host's network namespace.  "Private" means: a network
# namespace with no interface but lo (what unshare --net gives), or one that is
# provably not PID 1's (when /proc/1/ns/net is readable at all).
ifaces=$(awk -F: 'NR > 2 { gsub(/ /, "", $1); print $1 }' /proc/net/dev | grep -vx lo || true)
self_ns=$(readlink /proc/self/ns/net)
init_ns=$(readlink /proc/1/ns/net 2>/dev/null || true)
if [ -n "$ifaces" ] && { [ -z "$init_ns" ] || [ "$self_ns" = "$init_ns" ]; }; then
    echo "corpus-setup.sh: refusing to run outside a private network namespace (use unshare --net)" >&2
    exit 1
fi

command -v ipset >/dev/null 2>&1 || { echo "corpus-setup.sh: ipset not found (apt-get install ipset)" >&2; exit 1; }

# IPv4 sets (used by corpus-v4.rules)
ipset -exist create userchain-test-v4 hash:ip family inet
ipset -exist create userchain-test-net hash:net family inet
# IPv6 sets (used by corpus-v6.rules)
ipset -exist create userchain-test-v6 hash:ip family inet6
ipset -exist create userchain-test-net6 hash:net family inet6
