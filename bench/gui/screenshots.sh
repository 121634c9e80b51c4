#!/usr/bin/env bash
# bench/gui/screenshots.sh [--build-dir DIR] [--review WIDTHxHEIGHT] [OUTDIR]: screenshots of
# the real window against the real helper, taken under xvfb in scripts/sandbox with
# bench/gui/screenshot-host.v4.rules and .v6.rules in the private tables.
# - Without --review: the documentation's (main-window.png, main-window-light.png and
#   main-window-dark.png in the View menu's colour schemes, wizard.png, traced-packet.png,
#   ipv6.png, guide.png);
#   default OUTDIR: docs/screenshots.
# - With --review: the views a newcomer meets, in light and dark, on a screen of that size (say
#   1024x768 and 1600x900); default OUTDIR: build/review-WIDTHxHEIGHT.
# Look at every picture before you keep it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build="$repo/build"
screen=1260x760
review=()
while (($#)); do
    case $1 in
    --build-dir) build=$(readlink -f "$2") && shift 2 ;;
    --review) screen=$2 review=(--review) && shift 2 ;;
    *) break ;;
    esac
done
default_out="$repo/docs/screenshots"
((${#review[@]})) && default_out="$build/review-$screen"
out=$(readlink -m "${1:-$default_out}")
mkdir -p "$out"
# The backend Docker would use on this machine, as scripts/run does: no warning about the other.
backend=legacy
[[ $(iptables -V 2>/dev/null) == *"(nf_tables)"* ]] && backend=nft
exec "$repo/scripts/sandbox" --build-dir "$build" \
    --backend "$backend" --load "$here/screenshot-host.v4.rules" \
    --load6 "$here/screenshot-host.v6.rules" -- \
    env QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 ${screen}x24" \
    "$build/bench/gui_screenshots" "${review[@]}" "$out"
