# shellcheck shell=bash
# Sourced by check-man.sh and check-completion.sh: what `userchainctl --help` says the client
# takes, so that the man page and the completion are checked against the real program.

# help_commands HELP: the commands of the "Commands:" section.
help_commands() {
    sed -n '/^Commands:/,/^$/p' <<<"$1" | sed -n 's/^  \([a-z][a-z-]*\)\b.*/\1/p'
}

# help_options HELP: every option name of the "Options:" section (-t and --table alike).
help_options() {
    sed -n '/^Options:/,/^$/p' <<<"$1" | sed -n 's/^  \(-[^ ].*\)/\1/p' |
        sed 's/ <[^>]*>//g; s/  .*//; s/, /\n/g' | sed '/^$/d'
}

# help_exit_codes HELP: the numbers of the "Exit codes:" section.
help_exit_codes() {
    sed -n '/^Exit codes:/,/^$/p' <<<"$1" | sed -n 's/^  \([0-9][0-9]*\)  .*/\1/p'
}
