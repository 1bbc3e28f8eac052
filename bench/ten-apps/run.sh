#!/usr/bin/env bash
# Ten real rollouts at once in one desktop-application process, and the GUI thread's event-loop
# stalls meanwhile against the same process idle (build/bin/ten_apps_stall; bench/README.md).
# Starts the test servers (scripts/lib/services.sh: dedicated Swarm dockerd with the demo images,
# redis-server, prometheus), adopts ten applications ten01…ten10 in one environment profile —
# each APP-blue on optimist-demo:v1 with its router and weighted service at blue 100 % in Redis,
# all behind one Traefik stand-in (its /metrics the metrics source) — puts each under its own
# optimist-loadgen process (a low fixed rate; separate processes, so the measured process is the
# product's composition only), runs ten_apps_stall (idle, the ten v1 → v2 rollouts, idle again),
# then prints what each application's users saw and what Swarm holds, and stops everything.
# The last line is ten_apps_stall's `loaded_p99=… succeeded=N/10` plus `failed_requests=N`.
# This is a benchmark: it exits 0 whatever the figures are (2 when it cannot run).
#
# Usage: bench/ten-apps/run.sh [--rate 20] [--steps 10,25,50,75,100] [--check-interval 10]
#                              [--idle 10]
#        (KEEP=1 keeps the work folder: load records, profile, stand-in log)
# shellcheck disable=SC2317 # functions called through trap and optimist_wait_for
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=scripts/lib/setup.sh
source "$ROOT/scripts/lib/setup.sh"
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"

RATE=20
STEPS=10,25,50,75,100
CHECK_INTERVAL=10
IDLE=10
while (($#)); do
    case $1 in
    --rate) RATE=$2 ;;
    --steps) STEPS=$2 ;;
    --check-interval) CHECK_INTERVAL=$2 ;;
    --idle) IDLE=$2 ;;
    *)
        echo "usage: $0 [--rate N] [--steps LIST] [--check-interval SEC] [--idle SEC]" >&2
        exit 2
        ;;
    esac
    shift 2
done

if [[ ! -f "$ROOT/build/build.ninja" ]]; then
    echo "build/ is not configured: run ./scripts/test or cmake --preset ci first" >&2
    exit 2
fi
cmake --build "$ROOT/build" --target ten_apps_stall optimist-loadgen demo-app >/dev/null

WORK="$(mktemp -d)"
mkdir -p "$WORK/data" "$WORK/config/environments" "$WORK/load"
STANDIN_PID=
LOAD_PIDS=()
cleanup() {
    local pid
    for pid in "${LOAD_PIDS[@]}" $STANDIN_PID; do
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    stop_services >/dev/null 2>&1 || true
    if [[ "${KEEP:-0}" == 1 ]]; then
        echo "work folder kept: $WORK" >&2
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

IMAGE=optimist-demo
ROOT_KEY=bench-tenapps
APPS=()
for i in $(seq -w 1 10); do
    APPS+=("ten$i")
done

start_services >&2
docker_cli() { optimist_docker "$@"; }
redis() { redis-cli -h "${OPTIMIST_TEST_REDIS%:*}" -p "${OPTIMIST_TEST_REDIS#*:}" "$@"; }

# Each APP-blue as Optimist finds an adopted application (the labels of tests/support/TestSwarm.h)
# and its router and weighted service at blue 100 % (as tests/e2e/E2eEnvironment.h adopts one).
declare -A BLUE_PORT GREEN_PORT
mset=()
for app in "${APPS[@]}"; do
    BLUE_PORT[$app]=$(optimist_free_port)
    GREEN_PORT[$app]=$(optimist_free_port)
    docker_cli service create --replicas 1 --network host --restart-condition any \
        --restart-delay 1s --no-resolve-image --detach --name "$app-blue" \
        --env "PORT=${BLUE_PORT[$app]}" \
        --label "optimist.app=$app" --label optimist.color=blue --label traefik.enable=true \
        --label "traefik.http.services.$app-blue.loadbalancer.server.port=${BLUE_PORT[$app]}" \
        "$IMAGE:v1" >/dev/null
    W="$ROOT_KEY/http/services/$app/weighted"
    mset+=("$ROOT_KEY/http/routers/$app/rule" "Host(\`$app.localhost\`)"
        "$ROOT_KEY/http/routers/$app/service" "$app"
        "$ROOT_KEY/http/routers/$app/entrypoints/0" web
        "$W/services/0/name" "$app-blue@swarm" "$W/services/0/weight" 100
        "$W/sticky/cookie/name" "${app}_color" "$W/sticky/cookie/httpOnly" true)
done
redis MSET "${mset[@]}" >/dev/null

# One stand-in for the ten (Traefik 3.7 behaviour, Swarm provider refreshed every second).
env -u STANDIN_REDIS_USERNAME -u STANDIN_REDIS_PASSWORD /usr/bin/python3 \
    "$ROOT/tests/fixtures/traefik-standin/standin.py" --entrypoint 127.0.0.1:0 \
    --api 127.0.0.1:0 --docker "$OPTIMIST_TEST_DOCKER_HOST" --swarm-refresh 1 \
    --redis "$OPTIMIST_TEST_REDIS" --redis-root "$ROOT_KEY" \
    --ready-file "$WORK/standin.ready" --log-level WARNING \
    >/dev/null 2>"$WORK/standin.log" &
STANDIN_PID=$!
if ! optimist_wait_for 20 0 test -s "$WORK/standin.ready"; then
    echo "the stand-in did not start:" >&2
    tail -n 15 "$WORK/standin.log" >&2
    exit 2
fi
ready_field() { /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$@"; }
WEB=$(ready_field "$WORK/standin.ready" web)
API=$(ready_field "$WORK/standin.ready" api)

healthy() {
    [[ "$(docker_cli ps -q --filter "label=com.docker.swarm.service.name=$1" \
        --filter health=healthy | wc -l)" -eq 1 ]]
}
# 10 requests in a row answered 200 by v1 through the stand-in.
serves_v1() {
    for _ in $(seq 10); do
        [[ "$(curl -s -o /dev/null -w '%{http_code} %header{x-version}' --max-time 2 \
            -H "Host: $1.localhost" "http://$WEB/")" == "200 v1" ]] || return 1
    done
}
for app in "${APPS[@]}"; do
    if ! optimist_wait_for 120 0 healthy "$app-blue" ||
        ! optimist_wait_for 30 0 serves_v1 "$app"; then
        echo "$app-blue: not healthy on v1 and served through the stand-in" >&2
        exit 2
    fi
done

{
    cat <<EOF
name: bench
cluster:
  kind: docker
  endpoint: $OPTIMIST_TEST_DOCKER_HOST
router:
  kind: redis
  address: $OPTIMIST_TEST_REDIS
  rootKey: $ROOT_KEY
  apiUrl: http://$API
  traefikVersion: 3
  entryPoints: [web]
metrics:
  kind: traefik
  url: http://$API/metrics
applications:
EOF
    for app in "${APPS[@]}"; do
        # shellcheck disable=SC2016 # the backquotes are the router rule's own
        printf '  - name: %s\n    ports: {blue: %s, green: %s}\n    rule: Host(`%s.localhost`)\n' \
            "$app" "${BLUE_PORT[$app]}" "${GREEN_PORT[$app]}" "$app"
    done
    cat <<EOF
plan:
  steps: [$STEPS]
  checkIntervalSec: $CHECK_INTERVAL
  minRequestsPerCheck: 10
  healthTimeoutSec: 120
  confirmTimeoutSec: 30
  drainSec: 2
EOF
} >"$WORK/config/environments/bench.yaml"

for app in "${APPS[@]}"; do
    "$ROOT/build/bin/optimist-loadgen" --target "$WEB" --host "$app.localhost" --rate "$RATE" \
        --out "$WORK/load/$app.json" 2>"$WORK/load/$app.err" &
    LOAD_PIDS+=($!)
done

echo "ten-apps: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), nproc $(nproc)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)," \
    "HEAD $(git -C "$ROOT" rev-parse --short HEAD)" \
    "(+$(git -C "$ROOT" status --porcelain | wc -l) modified files)"
echo "10 applications v1 → v2 at once, $RATE requests/s each (optimist-loadgen), steps [$STEPS]," \
    "$CHECK_INTERVAL-s checks"
"$ROOT/build/bin/ten_apps_stall" --config-dir "$WORK/config" --data-dir "$WORK/data" \
    --env bench --version v2 --idle "$IDLE" >"$WORK/figures.txt" 2>"$WORK/stall.err" || true
for pid in "${LOAD_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
done
LOAD_PIDS=()
head -n -1 "$WORK/figures.txt"
grep -v '^QStandardPaths\|propagateSizeHints' "$WORK/stall.err" | tail -n 5 >&2 || true

# What each application's users saw over the whole run, and what Swarm holds at the end.
failed=0
for app in "${APPS[@]}"; do
    line=$(/usr/bin/python3 - "$WORK/load/$app.json" <<'EOF' || echo "no load record"
import json, sys
t = json.load(open(sys.argv[1]))["totals"]
fivexx = sum(n for code, n in t["statuses"].items() if int(code) >= 500)
versions = ", ".join(f"{n} {v or '?'}" for v, n in sorted(t["versions"].items()))
print(f"{t['sent']} sent: {versions}; {fivexx} 5xx, {t['connectionErrors']} connection errors;"
      f" failed={t['failed']}")
EOF
)
    services=$(docker_cli service ls --filter "name=$app-" --format '{{.Name}}' | sort | tr '\n' ' ')
    echo "$app: $line; services: $services"
    n=$(sed -n 's/.*failed=\([0-9]*\).*/\1/p' <<<"$line")
    failed=$((failed + ${n:-0}))
done
echo "$(tail -n 1 "$WORK/figures.txt") failed_requests=$failed"
exit 0
