# shellcheck shell=bash
# Sourced by scripts/run and scripts/test. Run through sudo, they build and test as root; what
# that leaves in the clone (build trees, ctest's Testing/, the fuzz build) is handed back to
# whoever owns the clone, so no root-owned file stays behind and a later build as that user
# works. A clone owned by root is left as it is.
give_back_to_owner() {
    local repo=$1 owner
    owner=$(stat -c %u:%g "$repo")
    [[ $owner != 0:* ]] || return 0
    find "$repo" -xdev -user 0 -exec chown -h "$owner" {} + || true
}
