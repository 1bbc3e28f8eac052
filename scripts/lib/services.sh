#!/usr/bin/env bash
# The real servers of the integration tests (DESIGN §7), on loopback, each started by PID in one
# private folder and exported to the tests as the OPTIMIST_TEST_* variables:
#   - containerd + dockerd, dedicated (own socket, data and exec roots, no bridge, no iptables),
#     in single-node Swarm mode without the ingress network, also on tcp://127.0.0.1:PORT with
#     TLS client certificates generated here; the demo images optimist-demo:v1..v5 imported
#     offline from build/bin/demo-app;
#   - redis-server (notify-keyspace-events KEA, ACL user `optimist` with a random password);
#   - prometheus (scrape_interval 1s, job `traefik` from a file_sd JSON file).
# Sourced by scripts/test and scripts/services; needs OPTIMIST_ROOT (lib/setup.sh sets it).
#   start_services       starts everything, exports the variables; one progress line each
#   stop_services        stops what start_services started (idempotent, also after a failed
#                        or interrupted start) and deletes the folder
#   optimist_with_keyring CMD…   runs CMD in a private D-Bus session with an unlocked
#                        gnome-keyring (Secret Service), stops the keyring, returns CMD's code
# Nothing here touches a daemon it did not start: the docker CLI always gets -H unix://OURS.

# The folder of the running services; stop_services reads its PIDs from there.
OPTIMIST_TEST_TMP=${OPTIMIST_TEST_TMP:-}

optimist_services_log() {
    printf '==> %s\n' "$*" >&2
}

# Prints a TCP port that nothing on this machine uses now, below the ephemeral range so no
# outgoing connection takes it meanwhile, and not one this run handed out already.
optimist_free_port() {
    local used port hex
    used=$(awk 'FNR > 1 { split($2, a, ":"); print a[2] }' /proc/net/tcp /proc/net/tcp6 \
        /proc/net/udp /proc/net/udp6 2>/dev/null | sort -u || true)
    for _ in $(seq 200); do
        port=$((20000 + RANDOM % 12000))
        printf -v hex '%04X' "$port"
        if ! grep -qx "$hex" <<<"$used" && [[ " ${_optimist_ports_taken:-} " != *" $port "* ]]; then
            _optimist_ports_taken="${_optimist_ports_taken:-} $port"
            printf '%s\n' "$port"
            return 0
        fi
    done
    optimist_services_log "no free TCP port found between 20000 and 32000"
    return 1
}

# Prints a loopback address 127.0.0.X (X ≥ 2) on which TCP port PORT is free, nor taken on all
# addresses.
optimist_free_loopback_address() {
    local port used x hex
    printf -v port '%04X' "$1"
    used=$(awk 'FNR > 1 { print $2 }' /proc/net/tcp /proc/net/udp 2>/dev/null || true)
    if grep -qx "00000000:$port" <<<"$used"; then
        printf '127.0.0.1\n' # nothing to gain: any address collides
        return 0
    fi
    for _ in $(seq 50); do
        x=$((2 + RANDOM % 250))
        printf -v hex '%02X00007F:%s' "$x" "$port"
        if ! grep -qx "$hex" <<<"$used"; then
            printf '127.0.0.%s\n' "$x"
            return 0
        fi
    done
    printf '127.0.0.1\n'
}

# Polls COMMAND… every 50 ms until it succeeds, for at most SECONDS; fails early when the
# process PID (0: none) has exited.
optimist_wait_for() {
    local seconds=$1 pid=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        if ((pid != 0)) && ! kill -0 "$pid" 2>/dev/null; then
            return 1
        fi
        if ((SECONDS >= deadline)); then
            return 1
        fi
        sleep 0.05
    done
}

# Says which service failed, shows the end of its log, and fails.
optimist_service_failed() {
    local what=$1 log=$2
    optimist_services_log "$what did not start; the end of $log:"
    tail -n 15 "$log" >&2 2>/dev/null || true
    return 1
}

# The docker CLI of the docker.io package, always on our daemon, never on a context, DOCKER_HOST
# or credential helper of the user.
optimist_docker() {
    local cli=docker
    [[ -x /usr/bin/docker ]] && cli=/usr/bin/docker
    env -u DOCKER_HOST -u DOCKER_CONTEXT -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH \
        DOCKER_CONFIG="$OPTIMIST_TEST_TMP/docker/cli" \
        "$cli" -H "unix://$OPTIMIST_TEST_TMP/docker/docker.sock" "$@"
}

# curl on our daemon's unix socket: optimist_docker_api METHOD PATH
optimist_docker_api() {
    curl -fsS --max-time 10 --unix-socket "$OPTIMIST_TEST_TMP/docker/docker.sock" -X "$1" \
        "http://docker$2"
}

# A key and a certificate signed by CA (folder with ca.pem, ca-key.pem) into DIR/cert.pem,
# DIR/key.pem: optimist_make_cert CA DIR SUBJECT EXTENSION…
optimist_make_cert() {
    local ca=$1 dir=$2 subject=$3 extensions
    extensions=$(printf '%s\n' "${@:4}")
    mkdir -p "$dir"
    openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
        -keyout "$dir/key.pem" -subj "$subject" \
        -out "$dir/req.pem" 2>/dev/null &&
        openssl x509 -req -in "$dir/req.pem" -CA "$ca/ca.pem" -CAkey "$ca/ca-key.pem" \
            -set_serial "0x$(openssl rand -hex 8)" -days 2 -sha256 \
            -extfile <(printf '%s\n' "$extensions") -out "$dir/cert.pem" 2>/dev/null &&
        rm -f "$dir/req.pem"
}

optimist_make_ca() {
    local dir=$1 name=$2
    mkdir -p "$dir"
    openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
        -keyout "$dir/ca-key.pem" -out "$dir/ca.pem" \
        -subj "/CN=$name" -days 2 -sha256 \
        -addext 'basicConstraints=critical,CA:TRUE' \
        -addext 'keyUsage=critical,keyCertSign,cRLSign' 2>/dev/null
}

# The daemon's CA, its server certificate for 127.0.0.1, a valid client (certs/client) and a
# client of another CA that still trusts the daemon's CA (certs/bad), as the docker CLI expects
# them in DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem.
optimist_make_certs() {
    local certs=$1
    optimist_make_ca "$certs/ca" optimist-test-ca &
    local ca=$!
    optimist_make_ca "$certs/other-ca" optimist-test-other-ca &
    local other=$!
    wait "$ca" && wait "$other" || return 1
    local leaf=(basicConstraints=CA:FALSE 'keyUsage=critical,digitalSignature')
    optimist_make_cert "$certs/ca" "$certs/server" /CN=127.0.0.1 "${leaf[@]}" \
        extendedKeyUsage=serverAuth subjectAltName=IP:127.0.0.1,DNS:localhost &
    local server=$!
    optimist_make_cert "$certs/ca" "$certs/client" /CN=optimist-test-client "${leaf[@]}" \
        extendedKeyUsage=clientAuth &
    local client=$!
    optimist_make_cert "$certs/other-ca" "$certs/bad" /CN=optimist-test-stranger "${leaf[@]}" \
        extendedKeyUsage=clientAuth &
    local bad=$!
    wait "$server" && wait "$client" && wait "$bad" || return 1
    cp "$certs/ca/ca.pem" "$certs/client/ca.pem"
    cp "$certs/ca/ca.pem" "$certs/bad/ca.pem"
    chmod 600 "$certs"/*/*key.pem
}

# Our own containerd for dockerd: dockerd would otherwise join a system containerd if one
# appeared at /run/containerd/containerd.sock, and its managed one has no PID to wait for.
optimist_start_containerd() {
    local d=$OPTIMIST_TEST_TMP/docker
    mkdir -p "$d/containerd"
    cat >"$d/containerd/config.toml" <<EOF
version = 2
root = "$d/containerd/root"
state = "$d/containerd/state"
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$d/containerd/containerd.sock"
[ttrpc]
  address = ""
[debug]
  address = "$d/containerd/debug.sock"
  level = "warn"
EOF
    setsid containerd --config "$d/containerd/config.toml" </dev/null >"$d/containerd.log" 2>&1 &
    printf '%s\n' "$!" >"$d/containerd.pid"
}

# dockerd, started in the background; optimist_finish_docker waits for it.
optimist_start_dockerd() {
    local d=$OPTIMIST_TEST_TMP/docker
    mkdir -p "$d/data" "$d/exec" "$d/cli"
    local tls_port
    tls_port=$(optimist_free_port) || return 1
    printf '{}\n' >"$d/daemon.json"
    local certs=$OPTIMIST_TEST_TMP/certs
    # Without DOCKER_SERVICE_PREFER_OFFLINE_IMAGE Swarm tries to pull every image from Docker Hub.
    DOCKER_SERVICE_PREFER_OFFLINE_IMAGE=1 setsid dockerd \
        --config-file "$d/daemon.json" \
        --host "unix://$d/docker.sock" \
        --host "tcp://127.0.0.1:$tls_port" --tlsverify --tlscacert "$certs/ca/ca.pem" \
        --tlscert "$certs/server/cert.pem" --tlskey "$certs/server/key.pem" \
        --containerd "$d/containerd/containerd.sock" \
        --data-root "$d/data" --exec-root "$d/exec" --pidfile "$d/docker.pid" \
        --bridge none --iptables=false --ip-masq=false --ip-forward=false \
        --log-level warn </dev/null >"$d/dockerd.log" 2>&1 &
    printf '%s\n' "$!" >"$d/dockerd.pid"
    export OPTIMIST_TEST_DOCKER_HOST="unix://$d/docker.sock"
    export OPTIMIST_TEST_DOCKER_TLS_HOST="tcp://127.0.0.1:$tls_port"
    export OPTIMIST_TEST_DOCKER_CERT_PATH="$certs/client"
    export OPTIMIST_TEST_DOCKER_BAD_CERT_PATH="$certs/bad"
}

optimist_docker_tls_ready() {
    local certs=$OPTIMIST_TEST_DOCKER_CERT_PATH
    curl -fsS --max-time 2 --cacert "$certs/ca.pem" --cert "$certs/cert.pem" \
        --key "$certs/key.pem" "https://${OPTIMIST_TEST_DOCKER_TLS_HOST#tcp://}/_ping"
}

# Waits for dockerd on both listeners, makes it a single-node Swarm without ingress and
# imports the demo images.
optimist_finish_docker() {
    local d=$OPTIMIST_TEST_TMP/docker pid
    pid=$(cat "$d/dockerd.pid")
    optimist_wait_for 30 "$pid" optimist_docker_api GET /_ping ||
        optimist_service_failed dockerd "$d/dockerd.log" || return 1
    optimist_wait_for 10 "$pid" optimist_docker_tls_ready ||
        optimist_service_failed "dockerd's TLS listener" "$d/dockerd.log" || return 1

    # Swarm's gateway network, made before `swarm init` would make it, under a bridge name of
    # our own: the default one, docker_gwbridge, would be shared with any other daemon here.
    local bridge="ogw${OPTIMIST_TEST_TMP##*.}"
    bridge=${bridge:0:15}
    printf '%s\n' "$bridge" >"$d/bridge"
    optimist_docker network create --driver bridge \
        --subnet "10.$((200 + RANDOM % 50)).$((RANDOM % 256)).0/24" \
        --opt "com.docker.network.bridge.name=$bridge" \
        --opt com.docker.network.bridge.enable_icc=false \
        --opt com.docker.network.bridge.enable_ip_masquerade=false \
        docker_gwbridge >/dev/null || return 1

    export OPTIMIST_TEST_DEMO_IMAGE=optimist-demo
    # The images meanwhile: Swarm takes a few seconds to make the ingress network we remove.
    optimist_import_demo_images &
    local images=$!
    # Swarm's gossip binds the listen address on port 7946, which no flag changes; a loopback
    # address of its own keeps it clear of other Swarms here (a clash leaves the node without
    # its network agent, and dockerd then takes 5 s longer to stop). The VXLAN port is free too.
    local swarm_port data_port listen_address
    swarm_port=$(optimist_free_port) || return 1
    data_port=$(optimist_free_port) || return 1
    listen_address=$(optimist_free_loopback_address 7946)
    optimist_docker swarm init --advertise-addr 127.0.0.1 \
        --listen-addr "$listen_address:$swarm_port" --data-path-port "$data_port" \
        >/dev/null || return 1
    if ! optimist_wait_for 10 0 optimist_docker_api GET /networks/ingress ||
        ! optimist_wait_for 10 0 optimist_delete_ingress ||
        ! optimist_wait_for 20 0 optimist_no_ingress; then
        optimist_services_log "could not remove Swarm's ingress network"
        return 1
    fi
    wait "$images" || return 1
    optimist_services_log "dockerd: Swarm on $OPTIMIST_TEST_DOCKER_HOST and" \
        "$OPTIMIST_TEST_DOCKER_TLS_HOST (TLS), images $OPTIMIST_TEST_DEMO_IMAGE:v1..v5"
}

# Host-network services need no ingress network; without it Swarm keeps no load-balancer
# sandbox and no VXLAN device. `swarm init` makes it; it leaves the cluster at once, and the
# node drops its local copy about 5 s later.
optimist_delete_ingress() {
    local code
    code=$(curl -sS --max-time 10 --unix-socket "$OPTIMIST_TEST_TMP/docker/docker.sock" \
        -X DELETE -o /dev/null -w '%{http_code}' http://docker/networks/ingress) || return 1
    [[ "$code" == 204 || "$code" == 404 ]]
}

optimist_no_ingress() {
    ! optimist_docker_api GET /networks/ingress
}

# optimist-demo:v1..v5 from a root file system holding only the static demo server as /server.
optimist_import_demo_images() {
    local binary=$OPTIMIST_ROOT/build/bin/demo-app
    if [[ ! -x "$binary" ]]; then
        optimist_services_log "$binary is missing: build the ci preset first"
        return 1
    fi
    local rootfs=$OPTIMIST_TEST_TMP/docker/demo-rootfs
    mkdir -p "$rootfs"
    cp "$binary" "$rootfs/server"
    tar -C "$rootfs" -cf "$OPTIMIST_TEST_TMP/docker/demo-rootfs.tar" --owner=0 --group=0 server
    local -A extra=(
        [v1]=''
        [v2]=''
        [v3]='ERROR_RATE=0.2'
        [v4]='LATENCY_MS=150'
        [v5]='NEVER_HEALTHY=1'
    )
    local version pids=()
    for version in v1 v2 v3 v4 v5; do
        local changes=(
            -c 'CMD ["/server"]'
            -c 'HEALTHCHECK --interval=1s --timeout=2s --start-period=8s --retries=3 CMD ["/server","--probe"]'
            -c "ENV VERSION=$version"
        )
        [[ -n "${extra[$version]}" ]] && changes+=(-c "ENV ${extra[$version]}")
        optimist_docker import "${changes[@]}" "$OPTIMIST_TEST_TMP/docker/demo-rootfs.tar" \
            "$OPTIMIST_TEST_DEMO_IMAGE:$version" >/dev/null &
        pids+=($!)
    done
    local pid failed=0
    for pid in "${pids[@]}"; do
        wait "$pid" || failed=1
    done
    if ((failed)); then
        optimist_services_log "could not import the demo images into the test dockerd"
        return 1
    fi
}

optimist_start_redis() {
    local r=$OPTIMIST_TEST_TMP/redis port password
    mkdir -p "$r"
    port=$(optimist_free_port) || return 1
    password=$(openssl rand -hex 24)
    # The ACL user's password only as its SHA-256, in a file only we read: never on a
    # command line.
    (
        umask 077
        cat >"$r/redis.conf" <<EOF
bind 127.0.0.1
port $port
dir $r
save ""
appendonly no
daemonize no
notify-keyspace-events KEA
logfile $r/redis.log
user optimist on #$(printf '%s' "$password" | sha256sum | cut -d' ' -f1) ~* &* +@all
EOF
    )
    setsid redis-server "$r/redis.conf" </dev/null >/dev/null 2>&1 &
    printf '%s\n' "$!" >"$r/redis.pid"
    export OPTIMIST_TEST_REDIS="127.0.0.1:$port"
    export OPTIMIST_TEST_REDIS_PASSWORD="$password"
}

optimist_redis_ready() {
    [[ "$(redis-cli -h 127.0.0.1 -p "${OPTIMIST_TEST_REDIS#*:}" ping 2>/dev/null)" == PONG ]]
}

optimist_finish_redis() {
    local r=$OPTIMIST_TEST_TMP/redis
    optimist_wait_for 10 "$(cat "$r/redis.pid")" optimist_redis_ready ||
        optimist_service_failed redis-server "$r/redis.log" || return 1
    optimist_services_log "redis-server: $OPTIMIST_TEST_REDIS (user optimist)"
}

optimist_start_prometheus() {
    local p=$OPTIMIST_TEST_TMP/prometheus port
    mkdir -p "$p/data" "$p/targets"
    port=$(optimist_free_port) || return 1
    # One file_sd file per test that needs one (tests run in parallel): the shared default
    # below, and any other *.json a test writes beside it (and removes afterwards).
    printf '[]\n' >"$p/targets/default.json"
    cat >"$p/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  scrape_timeout: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: traefik
    file_sd_configs:
      - files: ["$p/targets/*.json"]
        refresh_interval: 1s
EOF
    setsid prometheus --config.file "$p/prometheus.yml" --storage.tsdb.path "$p/data" \
        --web.listen-address="127.0.0.1:$port" --log.level=warn \
        </dev/null >"$p/prometheus.log" 2>&1 &
    printf '%s\n' "$!" >"$p/prometheus.pid"
    export OPTIMIST_TEST_PROMETHEUS="http://127.0.0.1:$port"
    export OPTIMIST_TEST_PROMETHEUS_TARGETS="$p/targets/default.json"
}

optimist_finish_prometheus() {
    local p=$OPTIMIST_TEST_TMP/prometheus
    optimist_wait_for 20 "$(cat "$p/prometheus.pid")" \
        curl -fsS --max-time 2 "$OPTIMIST_TEST_PROMETHEUS/-/ready" ||
        optimist_service_failed prometheus "$p/prometheus.log" || return 1
    optimist_services_log "prometheus: $OPTIMIST_TEST_PROMETHEUS (targets in" \
        "${OPTIMIST_TEST_PROMETHEUS_TARGETS#"$OPTIMIST_TEST_TMP"/})"
}

start_services() {
    local started=$SECONDS
    OPTIMIST_TEST_TMP=$(mktemp -d -t optimist-services.XXXXXX) || return 1
    chmod 700 "$OPTIMIST_TEST_TMP"
    export OPTIMIST_TEST_TMP
    optimist_start_redis || return 1
    optimist_start_prometheus || return 1
    optimist_start_containerd
    optimist_make_certs "$OPTIMIST_TEST_TMP/certs" || {
        optimist_services_log "openssl could not make the test certificates"
        return 1
    }
    optimist_start_dockerd || return 1
    optimist_finish_redis || return 1
    optimist_finish_prometheus || return 1
    optimist_finish_docker || return 1
    export OPTIMIST_REQUIRE_SERVICES=1
    optimist_services_log "services ready in $((SECONDS - started)) s"
}

# Sends TERM to the PID in FILE and waits up to SECONDS for it to end, then KILLs it.
optimist_stop_pid() {
    local file=$1 seconds=$2 pid
    [[ -f "$file" ]] || return 0
    pid=$(cat "$file")
    rm -f "$file"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    local deadline=$((SECONDS + seconds))
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            kill -KILL "$pid" 2>/dev/null || true
            sleep 0.2
            break
        fi
        sleep 0.05
    done
    # Reap it when it is our child, so it leaves no zombie behind.
    wait "$pid" 2>/dev/null || true
}

# The containerd shims still attached to our containerd socket: only when dockerd could not stop
# its containers (it was killed); each names the socket of our folder on its command line.
# Read with builtins: a grep for the path would find itself.
optimist_leftover_shims() {
    local socket=$1 file args
    for file in /proc/[0-9]*/cmdline; do
        { mapfile -d "" args <"$file"; } 2>/dev/null || continue
        [[ " ${args[*]} " == *" -address $socket "* ]] && printf '%s\n' "${file//[!0-9]/}"
    done
    return 0
}

stop_services() {
    [[ -n "$OPTIMIST_TEST_TMP" && -d "$OPTIMIST_TEST_TMP" ]] || return 0
    local dir=$OPTIMIST_TEST_TMP d=$OPTIMIST_TEST_TMP/docker
    # Swarm services first, so their containers stop before the daemon does.
    if [[ -S "$d/docker.sock" ]] && optimist_docker_api GET /_ping >/dev/null 2>&1; then
        local ids
        ids=$(optimist_docker service ls -q 2>/dev/null || true)
        if [[ -n "$ids" ]]; then
            # shellcheck disable=SC2086 # one id a word
            optimist_docker service rm $ids >/dev/null 2>&1 || true
            # Swarm would take seconds to get to their tasks.
            local running
            running=$(optimist_docker ps -q 2>/dev/null || true)
            # shellcheck disable=SC2086
            [[ -z "$running" ]] || optimist_docker stop --time 2 $running >/dev/null 2>&1 || true
            local deadline=$((SECONDS + 15))
            while [[ -n "$(optimist_docker ps -q 2>/dev/null)" ]] && ((SECONDS < deadline)); do
                sleep 0.1
            done
        fi
    fi
    optimist_stop_pid "$dir/prometheus/prometheus.pid" 10
    optimist_stop_pid "$dir/redis/redis.pid" 10
    optimist_stop_pid "$d/dockerd.pid" 30
    optimist_stop_pid "$d/containerd.pid" 15
    local pid
    for pid in $(optimist_leftover_shims "$d/containerd/containerd.sock"); do
        kill -KILL "$pid" 2>/dev/null || true
    done
    # The Swarm gateway bridge is the one thing our dockerd leaves outside its folder.
    if [[ -f "$d/bridge" ]]; then
        ip link delete "$(cat "$d/bridge")" 2>/dev/null || true
    fi
    # dockerd unmounts its overlays when it exits cleanly; whatever is left is unmounted here,
    # deepest first, and rm never crosses into a mount.
    local mount
    while read -r mount; do
        umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null || true
    done < <(awk -v dir="$dir/" 'index($5, dir) == 1 { print $5 }' /proc/self/mountinfo | sort -r)
    rm -rf --one-file-system "$dir" 2>/dev/null || true
    OPTIMIST_TEST_TMP=
}

# Runs CMD… inside a private D-Bus session with an unlocked gnome-keyring of its own (a random
# password, keyrings in a temporary folder), so QtKeychain works and the user's keyrings stay
# untouched. The session's own chatter goes nowhere; CMD keeps our stderr.
optimist_with_keyring() {
    local status=0
    exec 3>&2
    dbus-run-session -- bash "$OPTIMIST_ROOT/scripts/lib/services.sh" --in-keyring-session "$@" \
        2>/dev/null || status=$?
    exec 3>&-
    return "$status"
}

# Inside dbus-run-session: start the keyring, wait for its bus name, run CMD, stop the keyring
# (also when a signal ends CMD). Its folder lives in XDG_RUNTIME_DIR when there is one.
optimist_keyring_session() {
    exec 2>&3 3>&-
    local status=0
    _optimist_keyring_dir=$(mktemp -d -p "${XDG_RUNTIME_DIR:-${TMPDIR:-/tmp}}" \
        optimist-keyring.XXXXXX) || return 1
    chmod 700 "$_optimist_keyring_dir"
    trap 'optimist_stop_keyring; exit 130' INT
    trap 'optimist_stop_keyring; exit 143' TERM
    openssl rand -hex 24 | XDG_DATA_HOME="$_optimist_keyring_dir" gnome-keyring-daemon \
        --foreground --unlock --components=secrets >/dev/null \
        2>"$_optimist_keyring_dir/keyring.log" &
    _optimist_keyring_pid=$!
    if ! optimist_wait_for 10 "$_optimist_keyring_pid" dbus-send --session --print-reply \
        --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.GetNameOwner \
        string:org.freedesktop.secrets; then
        optimist_service_failed gnome-keyring-daemon "$_optimist_keyring_dir/keyring.log"
        optimist_stop_keyring
        return 1
    fi
    optimist_services_log "gnome-keyring-daemon: Secret Service on a private D-Bus session"
    export OPTIMIST_TEST_KEYRING=1
    "$@" || status=$?
    optimist_stop_keyring
    return "$status"
}

optimist_stop_keyring() {
    if [[ -n "${_optimist_keyring_pid:-}" ]]; then
        kill -TERM "$_optimist_keyring_pid" 2>/dev/null
        wait "$_optimist_keyring_pid" 2>/dev/null
        _optimist_keyring_pid=
    fi
    [[ -z "${_optimist_keyring_dir:-}" ]] || rm -rf "$_optimist_keyring_dir"
    _optimist_keyring_dir=
}

if [[ "${BASH_SOURCE[0]}" == "$0" && "${1:-}" == --in-keyring-session ]]; then
    shift
    optimist_keyring_session "$@"
    exit $?
fi
