#!/usr/bin/env bash
# Shared first step of scripts/run and scripts/test, and runnable on its own:
#   1. installs the Debian 12 packages the build and the real-server tests need (only the
#      missing ones; as root, else it prints the command to run and fails);
#   2. configures a CMake preset when its build folder has no build.ninja or the preset changed;
#   3. builds incrementally with Ninja.
# Usage: scripts/lib/setup.sh [PRESET]       (default: ci)
#        source scripts/lib/setup.sh; optimist_setup [PRESET]
# Idempotent: a second run installs nothing and rebuilds only what changed.

OPTIMIST_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# DEBIAN12-NOTES.md's package line, plus clang-format (the format target), sqlite3 (to look
# into the history) and python3 (the Traefik stand-in of the integration tests). docker.io, redis-server, prometheus, gnome-keyring, xvfb… serve the
# integration tests that later issues add; a fresh machine gets them now.
OPTIMIST_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qtkeychain-qt6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libgl-dev
    libhiredis-dev libyaml-cpp-dev libcurl4-openssl-dev curl openssl fonts-dejavu-core
    xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools redis-server prometheus
    docker.io wrk libxcb-damage0-dev
    clang-format sqlite3 python3
    # scripts/fuzz: clang with libFuzzer and the sanitizer runtimes (the fuzz preset)
    clang-14 libclang-rt-14-dev
)

optimist_log() {
    printf '==> %s\n' "$*" >&2
}

# Prints the packages of OPTIMIST_PACKAGES that are not installed, one a line.
optimist_missing_packages() {
    local installed
    # One dpkg-query for all; it fails (and says nothing on stdout) for never-seen packages.
    installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${OPTIMIST_PACKAGES[@]}" \
        2>/dev/null | awk '$2 == "installed" { print $1 }' || true)
    local pkg
    for pkg in "${OPTIMIST_PACKAGES[@]}"; do
        grep -qxF -- "$pkg" <<<"$installed" || printf '%s\n' "$pkg"
    done
}

optimist_install_packages() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        optimist_log "no dpkg-query: these scripts set up Debian 12; elsewhere install the equivalents of:"
        printf '    %s\n' "${OPTIMIST_PACKAGES[*]}" >&2
        return 1
    fi
    local missing
    mapfile -t missing < <(optimist_missing_packages)
    if ((${#missing[@]} == 0)); then
        optimist_log "packages: all ${#OPTIMIST_PACKAGES[@]} installed"
        return 0
    fi
    local install=(apt-get install -y --no-install-recommends "${missing[@]}")
    if ((EUID != 0)); then
        optimist_log "missing packages: ${missing[*]}"
        optimist_log "install them as root, then run this again:"
        printf '    sudo apt-get update && sudo env DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 %s\n' \
            "${install[*]}" >&2
        return 1
    fi
    optimist_log "installing ${#missing[@]} packages: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 "${install[@]}"
}

# The build folder of a preset in CMakePresets.json.
optimist_binary_dir() {
    case "$1" in
        asan) printf '%s/build-asan\n' "$OPTIMIST_ROOT" ;;
        default | ci) printf '%s/build\n' "$OPTIMIST_ROOT" ;;
        fuzz) printf '%s/build-fuzz\n' "$OPTIMIST_ROOT" ;;
        *)
            optimist_log "unknown preset '$1' (default, ci, asan, fuzz)"
            return 1
            ;;
    esac
}

# Configures PRESET when its folder has no build.ninja or was configured with another preset or
# another CMakePresets.json, then builds. Later changes to CMakeLists.txt are picked up by the
# build itself (Ninja re-runs CMake).
optimist_build() {
    local preset=$1 dir stamp wanted
    dir=$(optimist_binary_dir "$preset")
    stamp="$dir/.optimist-preset"
    wanted="$preset $(sha256sum "$OPTIMIST_ROOT/CMakePresets.json" | cut -d' ' -f1)"
    if [[ ! -f "$dir/build.ninja" || "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]]; then
        optimist_log "configuring preset $preset in ${dir#"$OPTIMIST_ROOT"/}/"
        (cd "$OPTIMIST_ROOT" && cmake --preset "$preset")
        printf '%s\n' "$wanted" >"$stamp"
    fi
    optimist_log "building ${dir#"$OPTIMIST_ROOT"/}/"
    if [[ "$preset" == fuzz ]]; then
        # Only the fuzz targets and the libraries they need, not the application.
        cmake --build "$dir" --target fuzz
    else
        cmake --build "$dir"
    fi
}

optimist_setup() {
    local preset=${1:-ci}
    optimist_install_packages
    optimist_build "$preset"
}

# Run directly: set up and build the given preset.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
    optimist_setup "$@"
fi
