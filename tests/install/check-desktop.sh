#!/usr/bin/env bash
# check-desktop.sh SOURCE_DIR VERSION: the desktop file and the AppStream metainfo validate
# (desktop-file-validate; appstreamcli offline and strict: warnings fail too), and they agree
# with each other and with what is installed: desktop id, icon, executables, release notes for
# this version, screenshots.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need desktop-file-validate appstreamcli xmllint
res=$1/resources version=$2
id=io.github.userchain.Userchain
desktop=$res/$id.desktop metainfo=$res/$id.metainfo.xml

# desktop-file-validate prints errors, warnings and hints on stdout, and exits 0 on warnings.
if ! out=$(desktop-file-validate "$desktop" 2>&1) || [[ -n $out ]]; then
    fail "desktop-file-validate: $out"
fi
if ! out=$(appstreamcli validate --no-net --strict --explain "$metainfo" 2>&1); then
    fail "appstreamcli validate --no-net --strict: $out"
fi

key() { sed -n "s/^$1=//p" "$desktop" | head -1; }
xpath() { xmllint --nonet --xpath "$1" "$metainfo" 2>/dev/null || true; }

[[ $(key Icon) == "$id" ]] || fail "desktop file: Icon=$(key Icon), not $id"
[[ -f $res/hicolor/scalable/apps/$(key Icon).svg ]] || fail "no scalable icon named $(key Icon)"
[[ -f $res/hicolor/symbolic/apps/$(key Icon)-symbolic.svg ]] || fail "no symbolic icon named $(key Icon)-symbolic"
[[ $(key Exec) == userchain || $(key Exec) == "userchain "* ]] || fail "desktop file: Exec=$(key Exec)"
[[ $(xpath 'string(/component/id)') == "$id" ]] || fail "metainfo: <id> is not $id"
[[ $(xpath 'string(/component/launchable[@type="desktop-id"])') == "$id.desktop" ]] ||
    fail "metainfo: <launchable type=\"desktop-id\"> is not $id.desktop"
for binary in userchain userchainctl; do
    [[ $(xpath "count(/component/provides/binary[.='$binary'])") == 1 ]] ||
        fail "metainfo: <provides> lacks <binary>$binary</binary>"
done

# Screenshots with a caption each, and release notes for the version being built.
[[ $(xpath 'count(/component/screenshots/screenshot/image)') -ge 1 ]] || fail "metainfo: no screenshots"
[[ $(xpath 'count(/component/screenshots/screenshot[not(caption)])') == 0 ]] ||
    fail "metainfo: a screenshot without <caption>"
[[ $(xpath 'count(/component/screenshots/screenshot[@type="default"])') == 1 ]] ||
    fail "metainfo: needs exactly one default screenshot"
[[ $(xpath "count(/component/releases/release[@version='$version']/description)") == 1 ]] ||
    fail "metainfo: no <release version=\"$version\"> with a <description> (release notes for this version)"
newest=$(xpath 'string(/component/releases/release[1]/@version)')
[[ $newest == "$version" ]] || fail "metainfo: the first (newest) release is $newest, the project is $version"
finish
