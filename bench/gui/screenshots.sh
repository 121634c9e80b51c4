#!/usr/bin/env bash
# bench/gui/screenshots.sh [--build-dir DIR] [OUTDIR]: the documentation's screenshots
# (main-window.png, main-window-light.png and main-window-dark.png in the View menu's colour
# schemes, wizard.png, ipv6.png), taken under xvfb in scripts/sandbox against the real
# helper, with bench/gui/screenshot-host.v4.rules and .v6.rules in the private tables.
# Default OUTDIR: docs/screenshots. Look at every picture before you keep it.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
build="$repo/build"
if [[ ${1:-} == --build-dir ]]; then
    build=$(readlink -f "$2")
    shift 2
fi
out=$(readlink -m "${1:-$repo/docs/screenshots}")
mkdir -p "$out"
exec "$repo/scripts/sandbox" --build-dir "$build" \
    --load "$here/screenshot-host.v4.rules" --load6 "$here/screenshot-host.v6.rules" -- \
    env QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1260x760x24" \
    "$build/bench/gui_screenshots" "$out"
