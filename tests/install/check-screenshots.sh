#!/usr/bin/env bash
# check-screenshots.sh SOURCE_DIR: the screenshots the AppStream metainfo shows from this
# repository (raw.githubusercontent.com/userchain/userchain/main/PATH) exist as PATH in the
# tree and are PNG images, so that software centres do not show broken images.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
need xmllint
src=$1
metainfo=$src/resources/io.github.userchain.Userchain.metainfo.xml
base=https://raw.githubusercontent.com/userchain/userchain/main/

urls=$(xmllint --nonet --xpath '/component/screenshots/screenshot/image/text()' "$metainfo" 2>/dev/null || true)
[[ -n $urls ]] || fail "no screenshot images in $metainfo"
for url in $urls; do
    [[ $url == "$base"* ]] || continue
    path=${url#"$base"}
    if [[ ! -f $src/$path ]]; then
        fail "screenshot $path is not in the tree (metainfo names $url)"
    elif [[ $(head -c 8 "$src/$path" | od -An -tx1 | tr -d ' \n') != 89504e470d0a1a0a ]]; then
        fail "screenshot $path is not a PNG"
    fi
done
finish
