# relx.bash: bash completion for relx -- its commands and every option.
# Keep in step with src/cli/help.c and docs/relx.1. Install as
# /usr/share/bash-completion/completions/relx (or source it).

_relx()
{
    local cur prev cmd i
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    local commands="extract check test rules explain diff help"
    local rule_opts="--rules --no-default-rules --help"
    local extract_opts="$rule_opts --date --encoding --lang --trace --recursive --glob
        --files-from --input-format --jobs --max-doc-bytes --stats --progress --no-progress
        --pretty -r -j -h"
    local input_opts="--date --encoding --lang --recursive --glob --files-from --input-format
        --max-doc-bytes -r"
    local explain_opts="$rule_opts $input_opts --rule --sentence --json --color --no-color"
    local rules_opts="$rule_opts --stats $input_opts --jobs -j --progress --no-progress"

    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        extract | check | test | rules | explain | diff | help) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi

    case $prev in
    --rules) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
    --files-from) COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return ;;
    --encoding) COMPREPLY=($(compgen -W "utf-8 utf-16le utf-16be big5 gbk gb18030" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "zh-Hant zh-Hans en" -- "$cur")); return ;;
    --input-format) COMPREPLY=($(compgen -W "text jsonl" -- "$cur")); return ;;
    -j | --jobs) COMPREPLY=($(compgen -W "1 2 4 8 16 $(nproc 2>/dev/null)" -- "$cur")); return ;;
    --rule)
        local ids
        ids=$(relx rules 2>/dev/null | cut -f1)
        COMPREPLY=($(compgen -W "$ids" -- "$cur")); return ;;
    --date | --glob | --max-doc-bytes | --sentence) return ;;
    esac

    case $cmd in
    help)
        COMPREPLY=($(compgen -W "extract check test rules explain diff" -- "$cur")) ;;
    extract)
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$extract_opts" -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null
        fi ;;
    explain | rules | diff)
        local opts=$explain_opts
        [[ $cmd == rules ]] && opts=$rules_opts
        [[ $cmd == diff ]] && opts="--help"
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null
        fi ;;
    check | test)
        COMPREPLY=($(compgen -W "$rule_opts" -- "$cur")) ;;
    esac
}
complete -F _relx relx
