# shellcheck shell=bash
# Shared by the tests in tests/install: sourced, not run.
# A test exits 0 when it passes, 1 when it fails, 77 (ctest SKIP_RETURN_CODE) when a tool it
# needs is missing, so that a missing validator shows as skipped, never as passed.

set -euo pipefail

failures=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

skip() {
    echo "SKIP: $*" >&2
    exit 77
}

need() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed (scripts/deps test installs it)"
    done
}

# Runs a command that must succeed and print nothing on stderr: validators report warnings
# there and still exit 0.
quiet_ok() {
    local what=$1 err
    shift
    if ! err=$("$@" 2>&1 >/dev/null); then
        fail "$what: $* failed${err:+: $err}"
    elif [[ -n $err ]]; then
        fail "$what: $* warned: $err"
    fi
}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/userchain-install-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

finish() {
    if ((failures)); then
        echo "$failures check(s) failed" >&2
        exit 1
    fi
    echo "all checks passed"
}

# expected_files PREFIX GUI: tests/install/expected-files.txt with PREFIX put before every
# entry, without the GUI's executable when the GUI is not built.
expected_files() {
    local prefix=$1 gui=$2 line
    while IFS= read -r line; do
        [[ -z $line || $line == \#* ]] && continue
        [[ $gui == OFF && $line == bin/userchain ]] && continue
        echo "$prefix/$line"
    done <"$(dirname "${BASH_SOURCE[0]}")/expected-files.txt" | sort
}

# install_tree BUILD DESTDIR PREFIX: cmake --install as a package build does it.
install_tree() {
    local log=$scratch/install.log
    if ! DESTDIR=$2 cmake --install "$1" --prefix "$3" >"$log" 2>&1; then
        cat "$log" >&2
        fail "cmake --install $1 --prefix $3 failed"
        finish
    fi
}
