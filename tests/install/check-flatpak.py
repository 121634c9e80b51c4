#!/usr/bin/env python3
"""check-flatpak.py SOURCE_DIR: flatpak/io.github.userchain.Userchain.yml parses, uses only
properties flatpak-builder knows (flatpak-manifest(5)), and says what Userchain needs: the KDE
runtime with Qt 6, the GUI only, the sandbox holes of the issue and no others, and files to
install that exist in the tree. flatpak-builder itself cannot run here (it needs the network
for the runtime); docs/packaging.md tells how to build it."""

import os
import re
import sys

try:
    import yaml
except ImportError:
    print("SKIP: python3-yaml is not installed (scripts/deps test installs it)", file=sys.stderr)
    sys.exit(77)

APP_ID = "io.github.userchain.Userchain"
FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
    "--system-talk-name=io.github.userchain.Helper1",
}
# From flatpak-builder's flatpak-manifest(5) and data/flatpak-manifest.schema.json.
TOP_KEYS = {
    "app-id", "id", "branch", "default-branch", "collection-id", "extension-tag", "runtime",
    "runtime-version", "runtime-commit", "sdk", "sdk-commit", "base", "base-version",
    "base-commit", "base-extensions", "var", "metadata", "command", "build-runtime",
    "build-extension", "separate-locales", "id-platform", "metadata-platform", "writable-sdk",
    "appstream-compose", "sdk-extensions", "platform-extensions", "inherit-extensions",
    "inherit-sdk-extensions", "tags", "build-options", "modules", "add-extensions",
    "add-build-extensions", "cleanup", "cleanup-commands", "cleanup-platform",
    "cleanup-platform-commands", "prepare-platform-commands", "finish-args",
    "rename-desktop-file", "rename-appdata-file", "rename-mime-file", "rename-icon",
    "appdata-license", "copy-icon", "desktop-file-name-prefix", "desktop-file-name-suffix",
    "rename-mime-icons",
}
MODULE_KEYS = {
    "name", "disabled", "sources", "config-opts", "secret-opts", "make-args",
    "make-install-args", "rm-configure", "no-autogen", "no-parallel-make", "install-rule",
    "no-make-install", "no-python-timestamp-fix", "cmake", "buildsystem", "builddir", "subdir",
    "build-options", "build-commands", "post-install", "cleanup", "ensure-writable",
    "only-arches", "skip-arches", "cleanup-platform", "run-tests", "test-rule",
    "test-commands", "modules", "secret-env",
}
BUILDSYSTEMS = {"autotools", "cmake", "cmake-ninja", "meson", "simple", "qmake"}
SOURCE_KEYS = {
    "archive": {"path", "url", "mirror-urls", "git-init", "archive-type", "md5", "sha1",
                "sha256", "sha512", "strip-components", "dest-filename"},
    "dir": {"path", "skip"},
    "file": {"path", "url", "mirror-urls", "md5", "sha1", "sha256", "sha512", "dest-filename"},
    "git": {"path", "url", "branch", "tag", "commit", "disable-fsckobjects",
            "disable-shallow-clone", "disable-submodules"},
    "patch": {"path", "paths", "strip-components", "use-git", "use-git-am", "options"},
    "shell": {"commands"},
    "script": {"commands", "dest-filename"},
    "inline": {"contents", "base64", "dest-filename"},
}
COMMON_SOURCE_KEYS = {"type", "dest", "only-arches", "skip-arches"}

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def check_source(module, source, manifest_dir):
    kind = source.get("type")
    if kind not in SOURCE_KEYS:
        fail(f"module {module}: unknown source type {kind!r}")
        return
    unknown = set(source) - SOURCE_KEYS[kind] - COMMON_SOURCE_KEYS
    if unknown:
        fail(f"module {module}: {kind} source has unknown keys {sorted(unknown)}")
    if kind in ("archive", "file") and "url" in source:
        if not re.fullmatch(r"[0-9a-f]{64}", str(source.get("sha256", ""))):
            fail(f"module {module}: {source['url']} needs a sha256")
        if not source["url"].startswith("https://"):
            fail(f"module {module}: {source['url']} is not https")
    if kind == "dir":
        path = os.path.normpath(os.path.join(manifest_dir, source["path"]))
        if not os.path.isfile(os.path.join(path, "CMakeLists.txt")):
            fail(f"module {module}: dir source {source['path']} is not the source tree")


def main():
    src = sys.argv[1]
    path = os.path.join(src, "flatpak", APP_ID + ".yml")
    try:
        with open(path, encoding="utf-8") as f:
            manifest = yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as e:
        fail(f"{path}: {e}")
        return
    if not isinstance(manifest, dict):
        fail(f"{path}: not a mapping")
        return
    manifest_dir = os.path.dirname(path)

    unknown = set(manifest) - TOP_KEYS
    if unknown:
        fail(f"unknown top-level keys {sorted(unknown)}")
    if manifest.get("app-id") != APP_ID:
        fail(f"app-id is {manifest.get('app-id')!r}, not {APP_ID} (the desktop id)")
    if manifest.get("command") != "userchain":
        fail(f"command is {manifest.get('command')!r}, not userchain")
    if manifest.get("runtime") != "org.kde.Platform" or manifest.get("sdk") != "org.kde.Sdk":
        fail("runtime/sdk are not org.kde.Platform/org.kde.Sdk")
    if not re.fullmatch(r"6\.\d+", str(manifest.get("runtime-version", ""))):
        fail(f"runtime-version {manifest.get('runtime-version')!r} is not a Qt 6 KDE runtime (6.x, quoted)")
    args = manifest.get("finish-args", [])
    if set(args) != FINISH_ARGS or len(args) != len(FINISH_ARGS):
        fail(f"finish-args {args} differ from the issue's {sorted(FINISH_ARGS)}: "
             f"missing {sorted(FINISH_ARGS - set(args))}, extra {sorted(set(args) - FINISH_ARGS)}")

    modules = manifest.get("modules")
    if not isinstance(modules, list) or not modules:
        fail("no modules")
        return
    for module in modules:
        if not isinstance(module, dict):
            fail(f"module {module!r} is not inline (keep the manifest in one file)")
            continue
        name = module.get("name", "?")
        unknown = set(module) - MODULE_KEYS
        if unknown:
            fail(f"module {name}: unknown keys {sorted(unknown)}")
        if module.get("buildsystem", "autotools") not in BUILDSYSTEMS:
            fail(f"module {name}: buildsystem {module.get('buildsystem')!r}")
        for source in module.get("sources", []):
            check_source(name, source, manifest_dir)

    app = modules[-1]
    if app.get("name") != "userchain" or app.get("buildsystem") != "cmake-ninja":
        fail("the last module is not userchain built with cmake-ninja")
        return
    # Only the GUI: its target alone is built, and the files installed by hand must exist.
    if app.get("make-args") != ["userchain"]:
        fail("module userchain: make-args must build the GUI target only")
    commands = app.get("build-commands", []) + app.get("post-install", [])
    installed = " ".join(commands)
    for needed in ("app/userchain", "/share/applications", "/share/metainfo",
                   "/share/icons/hicolor/scalable/apps", "/share/icons/hicolor/symbolic/apps"):
        if needed not in installed:
            fail(f"module userchain: nothing installs {needed}")
    for word in installed.split():
        if word.startswith("../"):
            if not os.path.exists(os.path.join(src, word[3:])):
                fail(f"module userchain: {word} does not exist in the tree")
    for forbidden in ("libexec", "userchain-helper", "userchainctl", "polkit-1", "dbus-1"):
        if forbidden in installed:
            fail(f"module userchain: installs {forbidden}, which belongs on the host")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main()
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print("all checks passed")
