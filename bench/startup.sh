#!/usr/bin/env bash
# Start to first shown window: optimist --sandbox against an empty QMainWindow, in one run, on an
# X server of its own (xvfb-run). See bench/README.md.
#
#     bench/startup.sh [--rounds 11] [--verbose]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${OPTIMIST_BIN_DIR:-$ROOT/build/bin}"
for program in startup bare_window optimist; do
    if [[ ! -x "$BIN/$program" ]]; then
        echo "no $BIN/$program; build it: cmake --build build --target startup bare_window optimist" >&2
        exit 2
    fi
done
if ! command -v xvfb-run >/dev/null; then
    echo "xvfb-run is missing (Debian package xvfb)" >&2
    exit 2
fi
# A private server, 24-bit like a desktop, larger than the 1280x800 windows.
exec xvfb-run -a -s "-screen 0 1920x1200x24 -nolisten tcp" "$BIN/startup" "$@"
