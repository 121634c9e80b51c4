#!/usr/bin/env bash
# check-completion.sh SOURCE_DIR [USERCHAINCTL]: the bash completion parses, and completes what
# `userchainctl --help` lists: its commands, and each option for the command it belongs to.
# Run twice: on its own, and with bash-completion's helpers (as installed systems load it).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/ctl-help.sh"
need bash
src=$1 ctl=${2:-}
completion=$src/resources/completion/userchainctl.bash

quiet_ok syntax bash -n "$completion"
if command -v shellcheck >/dev/null; then
    quiet_ok shellcheck shellcheck -s bash "$completion"
fi

# A directory to complete file names in.
mkdir -p "$scratch/files/sub"
touch "$scratch/files/rules.conf" "$scratch/files/other.v4"

run_checks() {
    local mode=$1
    # complete WORD...: what the completion offers for the command line WORD... (the last word
    # is the one being completed), one per line, sorted.
    complete() {
        (
            cd "$scratch/files"
            set +eu
            COMP_WORDS=("$@")
            COMP_CWORD=$(($# - 1))
            COMP_LINE="$*"
            COMP_POINT=${#COMP_LINE}
            COMPREPLY=()
            _userchainctl userchainctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf '%s\n' "${COMPREPLY[@]}" | sort
        )
    }
    expect() {
        local want=$1 got
        shift
        got=$(complete "$@")
        [[ $got == "$(sort <<<"$want")" ]] ||
            fail "$mode: completing '$*' gave [${got//$'\n'/ }], expected [${want//$'\n'/ }]"
    }
    expect_has() {
        local want=$1 got
        shift
        got=$(complete "$@")
        grep -qxF -- "$want" <<<"$got" ||
            fail "$mode: completing '$*' does not offer $want (gave: ${got//$'\n'/ })"
    }

    expect 'filter
nat' userchainctl show --table ''
    expect 'rules.conf' userchainctl check r
    expect 'rules.conf' userchainctl apply --confirm 30 r
    expect '' userchainctl apply rules.conf ''
    expect '' userchainctl apply --confirm ''
    expect 'DOCKER-USER' userchainctl show --chain DOCKER-U
    [[ -z $(complete userchainctl show --d) ]] || fail "$mode: show is offered apply's --dry-run"

    if [[ -n $ctl ]]; then
        local help command option owner
        help=$("$ctl" --help)
        for command in $(help_commands "$help"); do
            expect_has "$command" userchainctl ''
        done
        # "  --chain <NAME>  show: only this chain." belongs to show; options without a command
        # prefix are the program's own.
        while read -r option owner; do
            [[ $option == --* || $option == -[46] ]] || continue
            if [[ -n $owner ]]; then
                expect_has "$option" userchainctl "$owner" -
            else
                expect_has "$option" userchainctl -
            fi
        done < <(sed -n '/^Options:/,/^$/p' <<<"$help" | sed 's/ <[^>]*>//g' |
            sed -n 's/^  \(-[^ ,]*, \)\{0,1\}\(-[^ ]*\)  *\([a-z]*:\)\{0,1\}.*/\2 \3/p' | tr -d ':')
    fi
}

# On its own: the fallback without _init_completion.
(
    # shellcheck source=/dev/null
    source "$completion"
    run_checks "without bash-completion"
    exit "$failures"
) || failures=$((failures + $?))

bash_completion=/usr/share/bash-completion/bash_completion
if [[ -f $bash_completion ]]; then
    (
        # shellcheck source=/dev/null
        source "$bash_completion"
        # shellcheck source=/dev/null
        source "$completion"
        run_checks "with bash-completion"
        exit "$failures"
    ) || failures=$((failures + $?))
else
    echo "NOTE: $bash_completion missing (package bash-completion): checked without it only"
fi
finish
