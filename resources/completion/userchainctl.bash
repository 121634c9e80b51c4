# bash completion for userchainctl. Installed as
# share/bash-completion/completions/userchainctl, where bash-completion loads it on demand.
# The commands and options are those of cli/main.cpp; each option is offered only to the
# command it belongs to, as userchainctl refuses it elsewhere.

_userchainctl()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion -s || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD - 1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local commands='status show export apply confirm rollback check save restore trace exposure'
    local global='-4 -6 --host --help --help-all --version'

    # Values of the options that take one.
    case $prev in
        --chain)
            mapfile -t COMPREPLY < <(compgen -W 'DOCKER-USER DOCKER DOCKER-FORWARD DOCKER-BRIDGE DOCKER-CT
                DOCKER-INTERNAL DOCKER-ISOLATION-STAGE-1 DOCKER-ISOLATION-STAGE-2 INPUT FORWARD
                OUTPUT PREROUTING POSTROUTING' -- "$cur")
            return
            ;;
        --host)
            # ssh's own completion knows the hosts (~/.ssh/config, known_hosts).
            if declare -F _known_hosts_real >/dev/null; then
                _known_hosts_real -a -- "$cur"
            fi
            return
            ;;
        -t | --table)
            mapfile -t COMPREPLY < <(compgen -W 'filter nat' -- "$cur")
            return
            ;;
        -o | --output)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return
            ;;
        --file | --ipsets)
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            return
            ;;
        --proto)
            mapfile -t COMPREPLY < <(compgen -W 'tcp udp icmp' -- "$cur")
            return
            ;;
        --state)
            mapfile -t COMPREPLY < <(compgen -W 'new established' -- "$cur")
            return
            ;;
        --expect-revision | --confirm | --in | --src | --dst | --dport)
            return
            ;;
    esac

    local command='' i nargs=0
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --host | --chain | -t | --table | -o | --output | --expect-revision | --confirm | \
                --file | --ipsets | --in | --src | --dst | --proto | --dport | --state)
                ((i++))
                ;;
            -*) ;;
            *)
                if [[ -z $command ]]; then
                    command=${words[i]}
                else
                    ((nargs++))
                fi
                ;;
        esac
    done

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            mapfile -t COMPREPLY < <(compgen -W "$global" -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
        fi
        return
    fi

    local options=''
    case $command in
        show) options='--chain --table --counters' ;;
        export) options='--output' ;;
        apply) options='--expect-revision --confirm --no-confirm --dry-run --create-chain --create-jump' ;;
        restore) options='--dry-run --create-chain --create-jump' ;;
        trace) options='--in --src --dst --proto --dport --state --file --ipsets --json' ;;
        exposure) options='--file --ipsets --json' ;;
    esac
    case $command in
        status | show | export | apply | check | save | restore | trace | exposure) options+=' -4 -6' ;;
    esac

    if [[ $cur == -* ]]; then
        # "-" is also apply's FILE for standard input.
        [[ $command == apply && $nargs == 0 ]] && options+=' -'
        mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
        return
    fi
    # apply and check take one file ("-" for standard input with apply).
    case $command in
        apply | check)
            if ((nargs == 0)); then
                compopt -o filenames 2>/dev/null
                mapfile -t COMPREPLY < <(compgen -f -- "$cur")
            fi
            ;;
    esac
}

complete -F _userchainctl userchainctl
