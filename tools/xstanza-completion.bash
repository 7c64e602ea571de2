# shellcheck shell=bash
# Bash completion for the xstanza command (tools/xstanza.cpp): its commands, their options and
# files. Installed as share/bash-completion/completions/xstanza (bash-completion loads it on
# first use); or `source tools/xstanza-completion.bash` in ~/.bashrc. CTest cli.completion
# checks it against `xstanza --help`.

_xstanza() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=${COMP_WORDS[COMP_CWORD - 1]:-}
  local commands="check canon dump bench help"
  local rule_options="--sender --receiver --role=client --role=server"
  local i
  COMPREPLY=()
  if ((COMP_CWORD == 1)); then
    mapfile -t COMPREPLY < <(compgen -W "$commands --help -h --version" -- "$cur")
    return
  fi
  local verb=${COMP_WORDS[1]}
  case $verb in
    help)
      ((COMP_CWORD == 2)) && mapfile -t COMPREPLY < <(compgen -W "${commands% help}" -- "$cur")
      return ;;
    check | canon | dump | bench) ;;
    *) return ;;
  esac
  # After '--' every argument is a FILE.
  for ((i = 2; i < COMP_CWORD; i++)); do
    if [[ ${COMP_WORDS[i]} == -- ]]; then
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return
    fi
  done
  # '=' splits a word for bash: --role=cl is "--role" "=" "cl".
  if [[ $verb != bench ]]; then
    if [[ $cur == = && $prev == --role ]]; then
      COMPREPLY=(client server)
      return
    fi
    if [[ $prev == = && ${COMP_WORDS[COMP_CWORD - 2]} == --role ]]; then
      mapfile -t COMPREPLY < <(compgen -W "client server" -- "$cur")
      return
    fi
  fi
  if [[ $cur == -* ]]; then
    local options="--help -h --"
    [[ $verb != bench ]] && options="$rule_options $options"
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return
  fi
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}
complete -o filenames -F _xstanza xstanza
