#!/usr/bin/env bash
# check-scripts.sh SOURCE_DIR: the README's two commands as a newcomer meets them.
# - A fresh clone stands alone: no tracked file but prose names the shared folder beside
#   the clone (the [r] below keeps this file from matching itself), and the Docker
#   captures the tests read are in the repository.
# - scripts/run builds only what the window needs (the GUI, the CLI, the helper) before it
#   opens the sandbox; the rest is scripts/test's.
# - Run through sudo, scripts/run and scripts/test leave no root-owned file in the clone.
# The scripts run from a copy in a scratch "clone" with cmake, ninja, ctest, scripts/deps and
# scripts/sandbox replaced by recorders (stubs, named as such): what is checked is what the
# scripts ask of them, not a build.
# shellcheck source=tests/install/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
src=$1

# 1. Standalone.
if [[ -d $src/.git ]]; then
    need git
    refs=$(git -C "$src" grep -l -e '\.\./sha[r]ed' -e 'sha[r]ed/fixtures' -- . ':!*.md' || true)
    [[ -z $refs ]] || fail "tracked files read the folder beside the clone, which a fresh clone lacks: $refs"
fi
for dir in docker-20.10 docker-moby; do
    n=$(find "$src/tests/data/fixtures/$dir" -name '*.rules' | wc -l)
    ((n > 0)) || fail "tests/data/fixtures/$dir holds no captures"
done

# A scratch clone with the real scripts and stub tools.
clone=$scratch/clone
mkdir -p "$clone/scripts/lib" "$scratch/bin"
cp "$src/scripts/run" "$src/scripts/test" "$src/scripts/build" "$clone/scripts/"
cp "$src/scripts/lib/ownership.sh" "$src/scripts/lib/demo-captures.sh" "$clone/scripts/lib/"
log=$scratch/calls.log
for stub in cmake ninja ctest; do
    # Stub: records its arguments; ninja and ctest also leave a file as a real run would.
    cat >"$scratch/bin/$stub" <<STUB
#!/usr/bin/env bash
echo "$stub \$*" >>"$log"
case $stub in
ninja) mkdir -p "\$2" && touch "\$2/built" ;;
ctest) mkdir -p Testing && touch Testing/LastTest.log ;;
esac
STUB
done
for stub in deps sandbox; do
    printf '#!/usr/bin/env bash\necho "%s $*" >>"%s"\n' "$stub" "$log" >"$clone/scripts/$stub"
done
chmod +x "$scratch/bin"/* "$clone/scripts"/*
export PATH="$scratch/bin:$PATH"

# 2. scripts/run builds the window's targets, nothing else, then opens the sandbox.
"$clone/scripts/run" --extra-argument >/dev/null
ninja_call=$(grep '^ninja ' "$log" || true)
[[ $ninja_call == "ninja -C $clone/build -j2 userchain userchainctl userchain-helper" ]] ||
    fail "scripts/run should build only userchain, userchainctl and userchain-helper; it ran: $ninja_call"
grep -q '^sandbox .*--extra-argument' "$log" || fail "scripts/run did not hand its arguments to scripts/sandbox"

# 3. Through sudo (as root, in a clone owned by someone else), nothing stays root's.
if ((EUID == 0)) && id nobody >/dev/null 2>&1; then
    rm -rf "$clone/build"
    : >"$log"
    chown -R nobody: "$clone"
    "$clone/scripts/run" >/dev/null
    (cd "$clone" && "$clone/scripts/test" >/dev/null)
    grep -q '^ctest ' "$log" || fail "scripts/test did not run ctest"
    left=$(find "$clone" -user 0)
    [[ -z $left ]] || fail "root-owned files left in the clone: $left"
fi

((failures == 0)) || exit 1
echo "scripts: standalone, run builds the window's targets, no root-owned files left"
