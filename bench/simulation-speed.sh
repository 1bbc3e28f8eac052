#!/usr/bin/env bash
# Simulation speed: rollouts per second of the 5-step plan through `optimist-cli simulate`.
#
# Runs `simulate healthy --runs N --json` (a rollout through all 5 steps to success) and, in the
# same session and interleaved with it, `simulate error-spike --runs N --json` (a rollout that
# rolls back after its first check), REPS times each, and prints for each:
#   external   rollouts/s = N / wall time of the whole command, start-up and JSON output included
#   per cpu-s  rollouts/s = N / CPU time (user + system) of the command: less sensitive to load
#   in-process rollouts/s = the summary's rolloutsPerSec (the simulation loop only)
# with the median of the repetitions, the start-up cost of the binary, and the ratios
# error-spike / healthy (machines are noisy; ratios from one session are more stable than
# absolute figures). This is a benchmark: it prints figures and exits 0 whatever they are.
# See bench/README.md.
#
# Usage: bench/simulation-speed.sh
# Environment: RUNS (default 2000), REPS (default 3), GOAL (rollouts/s, default 200),
#              OPTIMIST_CLI (default: build/bin/optimist-cli of this checkout).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI="${OPTIMIST_CLI:-$ROOT/build/bin/optimist-cli}"
RUNS="${RUNS:-2000}"
REPS="${REPS:-3}"
GOAL="${GOAL:-200}"
HEALTHY=healthy
ROLLBACK=error-spike

if [[ ! -e "$CLI" && ! -d "$(dirname "$CLI")" ]]; then
    echo "simulation-speed: $CLI not found; build it with: ninja -C $ROOT/build optimist-cli" >&2
    exit 2
fi

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

head="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
dirty="$(git -C "$ROOT" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null |
    wc -l)"
build_type="$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$ROOT/build/CMakeCache.txt" 2>/dev/null ||
    true)"
echo "simulation-speed: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), nproc $(nproc)," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg), HEAD $head (+$dirty modified files)"
echo "cli: $CLI (built $built, build type ${build_type:-?})"
echo "runs per command: $RUNS, repetitions: $REPS, scenarios: $HEALTHY (5 steps, succeeds)" \
     "and $ROLLBACK (rolls back at 10%)"
echo

# `time` of bash gives the command's wall clock and its CPU time (user + system); CPU time is
# less sensitive to other load on the machine than the wall clock.
TIMEFORMAT='%3R %3U %3S'

# Start-up: a process that parses its arguments and exits.
: >"$WORK/startup"
for _ in 1 2 3 4 5; do
    { time "$WORK/optimist-cli" --version >/dev/null; } 2>>"$WORK/startup"
done

# One line per command: scenario rep real user sys summary_json
: >"$WORK/results"
for ((rep = 1; rep <= REPS; rep++)); do
    for scenario in "$HEALTHY" "$ROLLBACK"; do
        { time "$WORK/optimist-cli" simulate "$scenario" --runs "$RUNS" --seed 1 --json \
              >"$WORK/out.jsonl"; } 2>"$WORK/time"
        echo "$scenario $rep $(tail -n 1 "$WORK/time") $(tail -n 1 "$WORK/out.jsonl")" \
            >>"$WORK/results"
    done
done

python3 - "$WORK/results" "$WORK/startup" "$RUNS" "$GOAL" "$HEALTHY" "$ROLLBACK" <<'PY'
import json, statistics, sys

results, startup, runs, goal, healthy, rollback = sys.argv[1:7]
runs, goal = int(runs), float(goal)
startup_ms = statistics.median(float(l.split()[0]) for l in open(startup)) * 1e3

rows = {}
for line in open(results):
    scenario, rep, real, user, sys_, summary = line.split(' ', 5)
    s = json.loads(summary)
    assert s['event'] == 'summary' and s['runs'] == runs, s
    ext, cpu = float(real), float(user) + float(sys_)
    rows.setdefault(scenario, []).append({
        'rep': int(rep), 'ext_s': ext, 'ext_rps': runs / ext, 'cpu_s': cpu, 'cpu_rps': runs / cpu,
        'in_s': s['wallSec'], 'in_rps': s['rolloutsPerSec'],
        'outcomes': f"{s['succeeded']}/{s['rolledBack']}/{s['failed']}",
    })

print(f'start-up (optimist-cli --version, median of 5): {startup_ms:.0f} ms')
print()
print(f"{'scenario':<12} {'rep':>3}  {'command s':>9}  {'external/s':>10}  {'cpu s':>6}  "
      f"{'per cpu-s':>9}  {'loop s':>7}  {'in-process/s':>12}  succ/rb/fail")
med = {}
keys = ('ext_s', 'ext_rps', 'cpu_s', 'cpu_rps', 'in_s', 'in_rps')
for scenario in (healthy, rollback):
    for r in rows[scenario]:
        print(f"{scenario:<12} {r['rep']:>3}  {r['ext_s']:>9.3f}  {r['ext_rps']:>10.0f}  "
              f"{r['cpu_s']:>6.2f}  {r['cpu_rps']:>9.0f}  {r['in_s']:>7.3f}  {r['in_rps']:>12.0f}  "
              f"{r['outcomes']}")
    med[scenario] = {k: statistics.median(r[k] for r in rows[scenario]) for k in keys}
    m = med[scenario]
    print(f"{scenario:<12} {'med':>3}  {m['ext_s']:>9.3f}  {m['ext_rps']:>10.0f}  "
          f"{m['cpu_s']:>6.2f}  {m['cpu_rps']:>9.0f}  {m['in_s']:>7.3f}  {m['in_rps']:>12.0f}")
print()
h, b = med[healthy], med[rollback]
print(f'median {healthy}: {h["ext_rps"]:.0f} rollouts/s external (incl. start-up), '
      f'{h["in_rps"]:.0f} rollouts/s in-process; '
      f'{1000 / h["in_rps"]:.2f} ms per 5-step rollout')
print(f'median {rollback}: {b["ext_rps"]:.0f} rollouts/s external, '
      f'{b["in_rps"]:.0f} rollouts/s in-process; {1000 / b["in_rps"]:.2f} ms per rollout')
print(f'ratio {rollback} / {healthy}: external {b["ext_rps"] / h["ext_rps"]:.2f}x, '
      f'per cpu-s {b["cpu_rps"] / h["cpu_rps"]:.2f}x, in-process {b["in_rps"] / h["in_rps"]:.2f}x')
print(f'CPU time: {h["cpu_rps"]:.0f} {healthy} rollouts per CPU-second '
      f'(wall/CPU {h["ext_s"] / h["cpu_s"]:.2f}; above 1 means the command waited for the CPU)')
print(f'outside the loop (start-up, scenario, store, output): '
      f'{(h["ext_s"] - h["in_s"]) * 1000:.0f} ms per {healthy} command')
verdict = 'met' if h['ext_rps'] >= goal else 'NOT met'
print(f'goal: >= {goal:g} rollouts/s of the 5-step plan on a 2-core machine, external figure: '
      f'{verdict} ({h["ext_rps"]:.0f}/s, {h["ext_rps"] / goal:.1f}x the goal)')
PY
exit 0
