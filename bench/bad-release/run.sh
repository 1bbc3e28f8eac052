#!/usr/bin/env bash
# The bad release, two ways, one run: the demo image v3 (healthy, but 20 % of its answers are
# 500) released over 2 replicas of v2 under a fixed 200 requests/s for 120 s, the release
# starting at second 10, by
#   (a) Swarm's own rolling update of one service behind its own Traefik stand-in:
#       docker service update --image optimist-demo:v3 --update-parallelism 1
#         --update-delay 5s --update-monitor 10s --update-failure-action rollback
#   (b) `optimist-cli rollout v3` of an application adopted at blue = v2 (2 replicas) in Redis,
#       behind a second stand-in; plan: steps 10, 25, 50, 75, 100 %, 10-s check interval.
# Starts the test servers (scripts/lib/services.sh: dedicated Swarm dockerd with the demo
# images, redis-server, prometheus), sets both sides up, runs build/bin/bad_release (both load
# generators at once, both releases at second 10), prints its figures and stops everything.
# The last line is `optimist_failed=N swarm_failed=M ratio=R`. This is a benchmark: it exits 0
# whatever the figures are (2 when it cannot run). See bench/README.md.
#
# Usage: bench/bad-release/run.sh [--rate 200] [--duration 120] [--release-at 10]
#        (KEEP=1 keeps the work folder: load records, release output, stand-in logs)
# shellcheck disable=SC2317 # functions called through trap and optimist_wait_for
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=scripts/lib/setup.sh
source "$ROOT/scripts/lib/setup.sh"
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"

if [[ ! -f "$ROOT/build/build.ninja" ]]; then
    echo "build/ is not configured: run ./scripts/test or cmake --preset ci first" >&2
    exit 2
fi
cmake --build "$ROOT/build" --target bad_release optimist-cli demo-app >/dev/null
CLI="${OPTIMIST_CLI:-$ROOT/build/bin/optimist-cli}"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

STANDIN_PIDS=()
cleanup() {
    local pid
    for pid in "${STANDIN_PIDS[@]}"; do
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
SWARM_SERVICE=swarmapp
APP=badrel
ROOT_KEY=bench-badrel
SWARM_HOST=swarmapp.localhost
APP_HOST=$APP.localhost

start_services >&2
docker_cli() { optimist_docker "$@"; }

SWARM_PORT=$(optimist_free_port)
BLUE_PORT=$(optimist_free_port)
GREEN_PORT=$(optimist_free_port)

# --no-resolve-image: the machine is offline and the images are local (imported); without it
# the CLI asks a registry for the image's digest first. It changes nothing in the update itself.
common=(--replicas 2 --network host --restart-condition any --restart-delay 1s
    --no-resolve-image --detach)
# (a) one service, labelled for the stand-in's Swarm provider, with its router.
docker_cli service create "${common[@]}" --name "$SWARM_SERVICE" --env "PORT=$SWARM_PORT" \
    --label traefik.enable=true \
    --label "traefik.http.services.$SWARM_SERVICE.loadbalancer.server.port=$SWARM_PORT" \
    --label "traefik.http.routers.$SWARM_SERVICE.rule=Host(\`$SWARM_HOST\`)" \
    --label "traefik.http.routers.$SWARM_SERVICE.service=$SWARM_SERVICE" \
    "$IMAGE:v2" >/dev/null
# (b) APP-blue as Optimist finds an adopted application (the labels of tests/support/TestSwarm.h).
docker_cli service create "${common[@]}" --name "$APP-blue" --env "PORT=$BLUE_PORT" \
    --label "optimist.app=$APP" --label optimist.color=blue --label traefik.enable=true \
    --label "traefik.http.services.$APP-blue.loadbalancer.server.port=$BLUE_PORT" \
    "$IMAGE:v2" >/dev/null

# The application's router and weighted service at blue 100 %, as tests/e2e/E2eEnvironment.h
# adopts it (Redis' default user, as there).
redis() { redis-cli -h "${OPTIMIST_TEST_REDIS%:*}" -p "${OPTIMIST_TEST_REDIS#*:}" "$@"; }
W="$ROOT_KEY/http/services/$APP/weighted"
redis MSET "$ROOT_KEY/http/routers/$APP/rule" "Host(\`$APP_HOST\`)" \
    "$ROOT_KEY/http/routers/$APP/service" "$APP" \
    "$ROOT_KEY/http/routers/$APP/entrypoints/0" web \
    "$W/services/0/name" "$APP-blue@swarm" "$W/services/0/weight" 100 \
    "$W/sticky/cookie/name" "${APP}_color" "$W/sticky/cookie/httpOnly" true >/dev/null

# Two stand-ins (Traefik 3.7 behaviour, Swarm provider refreshed every second, its default).
start_standin() {
    local name=$1
    shift
    env -u STANDIN_REDIS_USERNAME -u STANDIN_REDIS_PASSWORD /usr/bin/python3 \
        "$ROOT/tests/fixtures/traefik-standin/standin.py" --entrypoint 127.0.0.1:0 \
        --api 127.0.0.1:0 --docker "$OPTIMIST_TEST_DOCKER_HOST" --swarm-refresh 1 \
        --ready-file "$WORK/$name.ready" --log-level WARNING "$@" \
        >/dev/null 2>"$WORK/$name-standin.log" &
    STANDIN_PIDS+=($!)
}
ready_field() { /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$@"; }
start_standin swarm
start_standin optimist --redis "$OPTIMIST_TEST_REDIS" --redis-root "$ROOT_KEY"
for name in swarm optimist; do
    if ! optimist_wait_for 20 0 test -s "$WORK/$name.ready"; then
        echo "the $name stand-in did not start:" >&2
        tail -n 15 "$WORK/$name-standin.log" >&2
        exit 2
    fi
done
SWARM_WEB=$(ready_field "$WORK/swarm.ready" web)
APP_WEB=$(ready_field "$WORK/optimist.ready" web)
APP_API=$(ready_field "$WORK/optimist.ready" api)

healthy_tasks() {
    docker_cli ps -q --filter "label=com.docker.swarm.service.name=$1" --filter health=healthy |
        wc -l
}
two_healthy() { [[ "$(healthy_tasks "$1")" -eq 2 ]]; }
# 20 requests in a row answered 200 by v2 through the stand-in.
serves_v2() {
    local web=$1 host=$2
    for _ in $(seq 20); do
        [[ "$(curl -s -o /dev/null -w '%{http_code} %header{x-version}' --max-time 2 \
            -H "Host: $host" "http://$web/")" == "200 v2" ]] || return 1
    done
}
for side in "$SWARM_SERVICE $SWARM_WEB $SWARM_HOST" "$APP-blue $APP_WEB $APP_HOST"; do
    read -r service web host <<<"$side"
    if ! optimist_wait_for 90 0 two_healthy "$service" ||
        ! optimist_wait_for 30 0 serves_v2 "$web" "$host"; then
        echo "$service: not 2 healthy tasks of v2 served through its stand-in" >&2
        exit 2
    fi
done

mkdir -p "$WORK/config/environments"
cat >"$WORK/config/environments/bench.yaml" <<EOF
name: bench
cluster:
  kind: docker
  endpoint: $OPTIMIST_TEST_DOCKER_HOST
router:
  kind: redis
  address: $OPTIMIST_TEST_REDIS
  rootKey: $ROOT_KEY
  apiUrl: http://$APP_API
  traefikVersion: 3
  entryPoints: [web]
metrics:
  kind: traefik
  url: http://$APP_API/metrics
applications:
  - name: $APP
    ports: {blue: $BLUE_PORT, green: $GREEN_PORT}
    rule: Host(\`$APP_HOST\`)
plan:
  steps: [10, 25, 50, 75, 100]
  checkIntervalSec: 10
EOF

# The two releases, started by the driver at the same second. The docker CLI talks to the
# test dockerd only: DOCKER_HOST is its socket, nothing of the user's configuration is read.
cat >"$WORK/release-swarm.sh" <<EOF
unset DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH
export DOCKER_HOST='$OPTIMIST_TEST_DOCKER_HOST' DOCKER_CONFIG='$OPTIMIST_TEST_TMP/docker/cli'
exec /usr/bin/docker service update --image $IMAGE:v3 --update-parallelism 1 \
    --update-delay 5s --update-monitor 10s --update-failure-action rollback \
    --no-resolve-image $SWARM_SERVICE
EOF
cat >"$WORK/release-optimist.sh" <<EOF
unset DOCKER_HOST DOCKER_CONTEXT
exec '$WORK/optimist-cli' rollout v3 --env bench --json --config-dir '$WORK/config' \
    --data-dir '$WORK/data'
EOF

echo "bad-release: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), nproc $(nproc)," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)," \
    "HEAD $(git -C "$ROOT" rev-parse --short HEAD)" \
    "(+$(git -C "$ROOT" status --porcelain | wc -l) modified files), cli built $built"
echo "both sides concurrently: 2 replicas of v2 each, v3 released at the same second"
"$ROOT/build/bin/bad_release" --swarm-target "$SWARM_WEB" --swarm-host "$SWARM_HOST" \
    --swarm-release "$WORK/release-swarm.sh" --optimist-target "$APP_WEB" \
    --optimist-host "$APP_HOST" --optimist-release "$WORK/release-optimist.sh" \
    --out "$WORK/out" --check-interval 10 "$@" >"$WORK/figures.txt" || true
head -n -1 "$WORK/figures.txt"

# What each release did, from its own output.
echo "swarm: docker service update said: $(cat "$WORK/out/swarm.out" "$WORK/out/swarm.err" \
    2>/dev/null | grep -v '^\s*$' | tail -n 2 | tr -s '\n' ' ' || true)"
echo "swarm: tasks at the end: $(docker_cli service ps "$SWARM_SERVICE" \
    --filter desired-state=running --format '{{.Image}}' | sort |
    uniq -c | tr -s ' \n' ' ')"
# The rollout's states, weight writes, checks, decisions and outcome, in seconds from the load's
# start.
if [[ -s "$WORK/out/optimist.out" ]]; then
    /usr/bin/python3 - "$(sed -n 's/^start=\([^ ]*\).*/\1/p' "$WORK/figures.txt")" \
        "$WORK/out/optimist.out" <<'EOF' || tail -n 3 "$WORK/out/optimist.out"
import datetime, json, sys
def at(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
start = at(sys.argv[1])
for line in open(sys.argv[2]):
    try:
        e = json.loads(line)
    except ValueError:
        continue
    kind, data = e.get("event"), e.get("data") or {}
    if kind == "journal" and e.get("kind") == "state":
        what = f"state {e.get('state')}"
    elif kind == "journal" and data.get("op") in ("weights", "confirmed"):
        what = f"{data['op']} blue={data.get('blue')} green={data.get('green')}"
    elif kind == "check":
        what = f"check at {e.get('weight')}%: {e.get('verdict')} ({e.get('reason')})"
    elif kind in ("decision", "finished"):
        what = f"{kind} {e.get('action') or e.get('outcome')}: {e.get('reason')}"
    else:
        continue
    when = (at(e["at"]) - start).total_seconds() if e.get("at") else None
    print(f"optimist: {'' if when is None else f'{when:6.1f} s '}{what}")
EOF
fi
tail -n 1 "$WORK/figures.txt"
exit 0
