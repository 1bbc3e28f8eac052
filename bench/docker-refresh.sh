#!/usr/bin/env bash
# Environment refresh against a real Swarm: starts the same dedicated dockerd (and the other test
# servers) as scripts/test, runs build/bin/docker_refresh against it — 20 services / 40 tasks,
# every inspect, task list and one-shot stats request in flight at once — and stops everything.
# Prints the program's key=value lines: per round total_ms, slowest_ms, ratio (goal <= 2) and
# peak_rss_kib, then the medians. This is a benchmark: it exits 0 whatever the figures are.
# See bench/README.md.
#
# Usage: bench/docker-refresh.sh [docker_refresh options, e.g. --services 20 --rounds 5]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/lib/setup.sh
source "$ROOT/scripts/lib/setup.sh"
# shellcheck source=../scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"

if [[ ! -f "$ROOT/build/build.ninja" ]]; then
    echo "build/ is not configured: run ./scripts/test or cmake --preset ci first" >&2
    exit 2
fi
cmake --build "$ROOT/build" --target docker_refresh demo-app >/dev/null
trap 'stop_services >/dev/null 2>&1 || true' EXIT
start_services >&2
"$ROOT/build/bin/docker_refresh" "$@"
