# shellcheck shell=bash
# The Docker capture scripts/run opens, chosen to match this machine's `iptables`: on an
# nf_tables host (Debian 11+, Ubuntu 21.04+, Fedora, Arch) Docker writes its chains with
# iptables-nft, so a legacy capture there would show a host in a state Docker never leaves
# it in (and the helper rightly warns about it). Sourced, not run.

# demo_sandbox_args REPO [VERSION]: prints scripts/sandbox's arguments, one a line: the
# backend and the IPv4 and IPv6 captures of one Docker 20.10 run ("ip6tables": true).
# VERSION is what `iptables -V` prints (default: ask iptables; legacy if there is none).
demo_sandbox_args() {
    local repo=$1 version=${2-}
    if (($# < 2)); then
        version=$(iptables -V 2>/dev/null) || version=
    fi
    local backend=legacy
    [[ $version == *"(nf_tables)"* ]] && backend=nft
    local base="$repo/resources/sandbox/docker20.10-$backend-ip6tables-with-containers.$backend"
    printf '%s\n' --backend "$backend" --load "$base.v4.rules" --load6 "$base.v6.rules"
}
