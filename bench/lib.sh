# Shared by the benchmark scripts (sourced): a private work folder and a private copy of
# optimist-cli. Expects CLI (the binary) and ROOT (the repository); sets WORK and `built`.

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/data" "$WORK/config" "$WORK/out"
export OPTIMIST_DATA_DIR="$WORK/data" OPTIMIST_CONFIG_DIR="$WORK/config"

# Measure a private copy: the build tree's binary may be relinked while we run (then retry).
for attempt in 1 2 3 4 5 6 7 8 9 10 11 12; do
    built="$(date -u -r "$CLI" '+%H:%M:%S UTC' 2>/dev/null || true)"
    if [[ -n "$built" ]] && cp "$CLI" "$WORK/optimist-cli" 2>/dev/null &&
        "$WORK/optimist-cli" --version >/dev/null 2>&1; then
        break
    fi
    if [[ $attempt -eq 12 ]]; then
        echo "cannot run a copy of $CLI; build it: ninja -C $ROOT/build optimist-cli" >&2
        exit 2
    fi
    sleep 10
done
export built
