#!/usr/bin/env bash
# Weight propagation: from a weight write in Redis (the product's TraefikKvWriter) to the Traefik
# stand-in serving the new split at its entry point. Starts the same test servers as scripts/test
# (dedicated Swarm dockerd with the demo images, redis-server with keyspace notifications), runs
# build/bin/weight_propagation against them — 20 writes back-to-back and 20 settled, at the
# stand-in's default 2-s providers throttle and at 0.1 s — and stops everything.
# Prints the program's key=value lines: per write ack_ms, observed_ms, probe_ms; per throttle and
# series the median, p90 and max. This is a benchmark: it exits 0 whatever the figures are.
# See bench/README.md.
#
# Usage: bench/weight-propagation.sh [weight_propagation options, e.g. --writes 20
#        --requests 40 --throttles 2,0.1]
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
cmake --build "$ROOT/build" --target weight_propagation demo-app >/dev/null
trap 'stop_services >/dev/null 2>&1 || true' EXIT
start_services >&2
echo "weight-propagation: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), nproc $(nproc)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)," \
    "HEAD $(git -C "$ROOT" rev-parse --short HEAD)" \
    "(+$(git -C "$ROOT" status --porcelain | wc -l) modified files)"
"$ROOT/build/bin/weight_propagation" "$@"
