#!/usr/bin/env bash
# translations/update.sh [--check] [LUPDATE]: refreshes userchain_de.ts and the template
# userchain.ts (no language; copy it to userchain_LANG.ts to start a translation) from app/, ui/
# and core/. `ninja update_translations` runs this script. With --check, the files in the tree
# stay as they are: it fails if the sources hold a string the German file does not translate
# yet (the test tst_gui_translations_current).
#
# The core library words its parser and file errors through a file-local tr() that calls
# QCoreApplication::translate("Userchain::RuleParser", ...) and so on; lupdate cannot see that
# context and would file the strings under the enclosing class instead, where the GUI's
# translator would never find them. So lupdate reads copies of core/ in which each such tr(
# is spelled out as the translate() call it makes (line for line, so locations stay right).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/.." && pwd)
check=0
if [[ ${1:-} == --check ]]; then
    check=1
    shift
fi
lupdate=${1:-$(command -v lupdate6 || echo /usr/lib/qt6/bin/lupdate)}
lrelease=$(dirname "$lupdate")/lrelease

work=$(mktemp -d "${TMPDIR:-/tmp}/userchain-i18n.XXXXXX")
trap 'rm -rf "$work"' EXIT
copy=$work/core
mkdir -p "$copy/xt"
for file in "$repo"/core/*.cpp "$repo"/core/*.h "$repo"/core/xt/*.cpp "$repo"/core/xt/*.h; do
    perl -0777 -pe '
        if (/QCoreApplication::translate\("([^"]+)",\s*text\)/) {
            my $ctx = $1;
            s/^(QString tr\(const char \*text\))/\/\/ $1/mg;
            s/(?<![\w:.>])tr\(/QCoreApplication::translate("$ctx", /g;
        }' "$file" >"$copy/${file#"$repo"/core/}"
done

out=$here
if ((check)); then
    out=$work/ts
    mkdir "$out"
    cp "$here"/userchain_de.ts "$here"/userchain.ts "$out"/
fi
cd "$out"
for ts in userchain_de.ts userchain.ts; do
    "$lupdate" -silent -locations relative -no-ui-lines "$repo/app" "$repo/ui" "$copy" -ts "$ts"
    # The copies stand for core/: point the locations there.
    sed -i -E "s|filename=\"[^\"]*userchain-i18n\.[^/\"]+/core/|filename=\"../core/|" "$ts"
done
# Every string of the German file must be translated: lrelease says how many are.
stats=$("$lrelease" userchain_de.ts -qm "$work/check.qm")
echo "$stats"
if ((check)) && grep -qE '[1-9][0-9]* unfinished|Ignored [0-9]+ untranslated' <<<"$stats"; then
    echo "translations/userchain_de.ts lacks strings of the sources: run translations/update.sh" \
        "and translate the new entries" >&2
    exit 1
fi
