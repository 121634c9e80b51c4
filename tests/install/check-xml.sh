#!/usr/bin/env bash
# check-xml.sh SOURCE_DIR: the XML files of resources/ are well-formed, valid against the DTD
# their DOCTYPE names where the system has it (polkit's, and libdbus-1-dev's introspection
# DTD), and the polkit actions carry translated messages.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need xmllint
res=$1/resources

# Every XML file we ship or read, for well-formedness. --nonet: never fetch a DTD.
for file in "$res/io.github.userchain.policy" "$res/io.github.userchain.Helper1.conf" \
    "$res/io.github.userchain.Helper1.xml" "$res/io.github.userchain.Userchain.metainfo.xml" \
    "$res/hicolor/scalable/apps/io.github.userchain.Userchain.svg" \
    "$res/hicolor/symbolic/apps/io.github.userchain.Userchain-symbolic.svg"; do
    quiet_ok well-formed xmllint --nonet --noout "$file"
done

# Validation against the DTD named by the DOCTYPE, found through a catalog that maps its URL to
# the local copy: this also checks that the DOCTYPE names the right DTD.
catalog=$scratch/catalog.xml
{
    echo '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
    [[ -f /usr/share/polkit-1/policyconfig-1.dtd ]] &&
        echo '<system systemId="http://www.freedesktop.org/standards/PolicyKit/1/policyconfig.dtd" uri="file:///usr/share/polkit-1/policyconfig-1.dtd"/>'
    [[ -f /usr/share/xml/dbus-1/introspect.dtd ]] &&
        echo '<system systemId="http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd" uri="file:///usr/share/xml/dbus-1/introspect.dtd"/>'
    echo '</catalog>'
} >"$catalog"
validate() {
    local file=$1 dtd=$2 package=$3
    if [[ -f $dtd ]]; then
        XML_CATALOG_FILES=$catalog quiet_ok "valid against $dtd" xmllint --nonet --noout --valid "$file"
    else
        echo "NOTE: $dtd missing (package $package): $(basename "$file") not validated against its DTD"
    fi
}
validate "$res/io.github.userchain.policy" /usr/share/polkit-1/policyconfig-1.dtd polkitd
validate "$res/io.github.userchain.Helper1.xml" /usr/share/xml/dbus-1/introspect.dtd libdbus-1-dev
# The bus policy is not validated against dbus's busconfig.dtd: the DTD libdbus-1-dev ships
# predates send_destination/send_interface and rejects every real policy. check-dbus.sh has
# the real dbus-daemon load it instead.

# polkit shows <message> in the authentication dialog: every action has a description and a
# message in English and in at least one other language.
policy=$res/io.github.userchain.policy
xpath() { xmllint --nonet --xpath "$1" "$policy" 2>/dev/null || true; }
actions=$(xpath '//action/@id' | sed -n 's/.*id="\([^"]*\)".*/\1/p')
[[ -n $actions ]] || fail "no actions in $policy"
for id in $actions; do
    for element in description message; do
        [[ $(xpath "count(//action[@id='$id']/${element}[not(@xml:lang)])") == 1 ]] ||
            fail "$id: needs exactly one untranslated <$element>"
        [[ $(xpath "count(//action[@id='$id']/${element}[@xml:lang])") -ge 1 ]] ||
            fail "$id: <$element> has no translation"
    done
done
for id in io.github.userchain.read io.github.userchain.apply io.github.userchain.persist; do
    grep -qw "$id" <<<"$actions" || fail "$policy lacks the action $id (DESIGN.md)"
done
finish
