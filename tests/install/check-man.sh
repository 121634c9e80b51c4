#!/usr/bin/env bash
# check-man.sh SOURCE_DIR [USERCHAINCTL]: the man pages format without a single warning (groff
# with all warnings, man-db, and mandoc's linter where installed), and userchainctl(1) documents
# every command, option and exit status that `userchainctl --help` lists.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/ctl-help.sh"
need groff man
src=$1 ctl=${2:-}
export LC_ALL=C.UTF-8 MANWIDTH=80

for page in "$src/docs/man/userchain.1" "$src/docs/man/userchainctl.1"; do
    quiet_ok groff groff -man -t -ww -z -Tutf8 "$page"
    quiet_ok man man --warnings -l "$page"
    if command -v mandoc >/dev/null; then
        quiet_ok mandoc mandoc -T lint -W warning "$page"
    fi
    # The section of the page and its name agree with the file name.
    name=$(basename "$page" .1)
    grep -q "^\.TH ${name^^} 1 " "$page" || fail "$page: .TH does not say ${name^^} 1"
done

if [[ -z $ctl ]]; then
    echo "NOTE: userchainctl not built: its man page not compared with --help"
    finish
fi
help=$("$ctl" --help)
# The page as text, with troff's \- and \% undone, to look words up in.
text=$(sed 's/\\-/-/g; s/\\%//g' "$src/docs/man/userchainctl.1")
for command in $(help_commands "$help"); do
    grep -qE "^\.B(R)? $command( |$)" <<<"$text" || fail "userchainctl.1 does not describe the command $command"
done
for option in $(help_options "$help"); do
    grep -qE -- "(^|[ \"])$option([ \",]|$)" <<<"$text" || fail "userchainctl.1 does not document $option"
done
documented=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' <<<"$text" | sed -n 's/^\.B \([0-9][0-9]*\)$/\1/p')
[[ $(help_exit_codes "$help") == "$documented" ]] ||
    fail "exit statuses: --help lists $(help_exit_codes "$help" | tr '\n' ' '), userchainctl.1 $(tr '\n' ' ' <<<"$documented")"
finish
