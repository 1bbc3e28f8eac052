#!/usr/bin/env bash
# Decision quality of the judge: every shipped scenario over many seeds.
#
# Runs `optimist-cli simulate SCENARIO --runs N --seed S --json` for each scenario in
# resources/scenarios/ and prints, per scenario, the outcomes against the scenario's "expect",
# the detection rate (bad releases caught) or false-rollback rate (healthy releases rolled back),
# the exposure of the canary (median 5xx it served, median highest weight it reached) and the
# check that caught it most often. This is a benchmark: it prints figures and exits 0 whatever
# they are. See bench/README.md.
#
# Usage: bench/decision-quality.sh [SCENARIO...]
# Environment: RUNS (default 100), SEED (first seed, default 1),
#              OPTIMIST_CLI (default: build/bin/optimist-cli of this checkout).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLI="${OPTIMIST_CLI:-$ROOT/build/bin/optimist-cli}"
RUNS="${RUNS:-100}"
SEED="${SEED:-1}"

if [[ ! -e "$CLI" && ! -d "$(dirname "$CLI")" ]]; then
    echo "decision-quality: $CLI not found; build it with: ninja -C $ROOT/build optimist-cli" >&2
    exit 2
fi

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ $# -gt 0 ]]; then
    scenarios=("$@")
else
    scenarios=()
    for f in "$ROOT"/resources/scenarios/*.json; do
        scenarios+=("$(basename "$f" .json)")
    done
fi

# Where the figures come from: the binary, and the sources it was (hopefully) built from.
head="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
dirty="$(git -C "$ROOT" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null |
    wc -l)"
echo "decision-quality: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), nproc $(nproc), HEAD $head" \
     "(+$dirty modified files), cli built $built"
echo "runs per scenario: $RUNS, seeds $SEED..$((SEED + RUNS - 1))"
for s in "${scenarios[@]}"; do
    src="$ROOT/resources/scenarios/$s.json"
    if [[ -f "$src" && "$src" -nt "$CLI" ]]; then
        echo "warning: $s.json is newer than the CLI; the embedded copy may differ (rebuild)" >&2
    fi
done
echo

for s in "${scenarios[@]}"; do
    if ! "$WORK/optimist-cli" simulate "$s" --runs "$RUNS" --seed "$SEED" --json \
            >"$WORK/out/$s.jsonl" 2>"$WORK/out/$s.err"; then
        echo "exit code $?" >>"$WORK/out/$s.err"
    fi
done

python3 - "$ROOT/resources/scenarios" "$WORK/out" "${scenarios[@]}" <<'PY'
import collections, json, os, re, statistics, sys

src_dir, out_dir, names = sys.argv[1], sys.argv[2], sys.argv[3:]

def check_label(reason):
    """The check a decision's reason names: its first words up to the first figure, and the kind
    of check ('error rate 19.3% above the 5% limit (172 of 893 requests)' -> 'error rate limit',
    'median latency 55.2 ms vs 49.4 ms on the baseline (blue): ...' -> 'median latency vs
    baseline')."""
    if 'inconclusive' in reason:
        return 'inconclusive checks'
    if 'never became healthy' in reason:
        return 'never healthy'
    if 'hook' in reason and 'exited' in reason:
        return 'pre-rollout hook'
    words = []
    for w in reason.split():
        if w[0].isdigit() or w.startswith(('(', '-')) and len(w) > 1 and w[1].isdigit():
            break
        words.append(w.rstrip(':,;'))
    metric = ' '.join(words[:4])
    if 'on the baseline' in reason:
        return metric + ' vs baseline'
    if 'limit' in reason:
        return metric + ' limit'
    if 'threshold' in reason:
        return metric + ' threshold'
    return re.sub(r'\d+(\.\d+)?', '#', ' '.join(reason.split()[:5]))

def wilson(k, n, z=1.96):
    """95% Wilson score interval of k successes in n trials, as 'lo-hi%'."""
    if n == 0:
        return '-'
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / d
    return f'{max(0, c - h) * 100:.1f}-{min(1, c + h) * 100:.1f}%'

def onset(spec):
    """When the scenario's fault exists: (seconds, weight). (0, None) for a fault from the
    start; (None, None) for a scenario without fault."""
    base, canary = spec.get('baseline', {}), spec.get('canary', {})
    if any(k in canary and canary[k] != base.get(k) for k in ('latencyMs', 'errorRate', 'cpu')):
        return 0, None
    if canary.get('healthy') is False or base.get('rps') == 0:
        return 0, None
    if spec.get('plan', {}).get('hookCommand') and spec.get('hook', {}).get('exitCode', 0):
        return 0, None
    secs = [c['atSec'] for c in spec.get('changes', []) if 'canary' in c and 'atSec' in c]
    weights = [c['atWeight'] for c in spec.get('changes', []) if 'canary' in c and 'atWeight' in c]
    if weights:
        return None, min(weights)
    if secs:
        return min(secs), None
    return None, None

def median(values):
    return statistics.median(values) if values else float('nan')

def fmt(x):
    if x != x:
        return '-'
    return f'{x:g}' if float(x).is_integer() else f'{x:.1f}'

rows, details = [], []
bad_total = bad_caught = bad_caught_after = good_total = good_not_ok = 0
for name in names:
    path = os.path.join(src_dir, name + '.json')
    spec = json.load(open(path)) if os.path.exists(path) else {}
    expect = spec.get('expect', '?')
    plan = spec.get('plan', {})
    tail = spec.get('router', {}).get('applyDelaySec', 2) + plan.get('drainSec', 10)
    onset_sec, onset_weight = onset(spec)
    runs = []
    for line in open(os.path.join(out_dir, name + '.jsonl')):
        line = line.strip()
        if line.startswith('{'):
            obj = json.loads(line)
            if obj.get('event') == 'finished':
                runs.append(obj)
    if not runs:
        err = open(os.path.join(out_dir, name + '.err')).read().strip().splitlines()
        rows.append([name, expect, '0', 'ERROR: ' + (err[0] if err else 'no output')])
        continue
    n = len(runs)
    count = collections.Counter(r['outcome'] for r in runs)
    not_ok = [r for r in runs if r['outcome'] != 'succeeded']
    good = expect == 'succeeded'

    def early(r):
        """Rolled back before the fault existed: a false alarm that happened to be right."""
        if r['outcome'] != 'rolled_back':
            return False
        if onset_weight is not None:
            return r['maxWeight'] < onset_weight
        if onset_sec:
            return r['durationSec'] - tail < onset_sec
        return False

    n_early = sum(early(r) for r in not_ok)
    labels = collections.Counter(check_label(r['reason']) for r in not_ok)
    top = f'{labels.most_common(1)[0][0]} ({labels.most_common(1)[0][1]})' if labels else '-'
    rate = len(not_ok) / n
    if good:
        good_total += n
        good_not_ok += len(not_ok)
    elif expect in ('rolled_back', 'failed'):
        bad_total += n
        bad_caught += len(not_ok)
        bad_caught_after += len(not_ok) - n_early
    rows.append([
        name, expect, str(n), str(count['succeeded']), str(count['rolled_back']),
        str(count['failed']), f'{sum(r["outcome"] == expect for r in runs) / n * 100:.1f}%',
        ('false-rb ' if good else 'detect ') + f'{rate * 100:.1f}%',
        wilson(len(not_ok), n),
        str(n_early) if (onset_sec or onset_weight) else '-',
        fmt(median([r['canaryErrors'] for r in runs])),
        fmt(median([r['maxWeight'] for r in runs])),
        top,
    ])
    by = collections.Counter((check_label(r['reason']), r['maxWeight']) for r in not_ok)
    if by:
        details.append((name, ', '.join(f'{c} {lab} @{w}%' for (lab, w), c in by.most_common())))

header = ['scenario', 'expect', 'runs', 'succ', 'rb', 'fail', 'as exp.', 'rate', '95% CI',
          'early', 'med 5xx', 'med maxW', 'caught most often by (count)']
widths = [max(len(h), *(len(r[i]) for r in rows if len(r) > i)) for i, h in enumerate(header)]
def line(cells):
    return '  '.join(c.ljust(widths[i]) if i in (0, 1, 12) or i >= len(widths)
                     else c.rjust(widths[i]) for i, c in enumerate(cells)).rstrip()
print(line(header))
print(line(['-' * w for w in widths]))
for r in rows:
    print(line(r) if len(r) > 4 else '  '.join(r))
print()
print('rate: detect = share of runs of a bad release (expect rolled_back/failed) not succeeded;')
print('      false-rb = share of runs of a good release (expect succeeded) not succeeded;')
print('      95% CI: Wilson interval of that share over these runs.')
print('early: rolled back before the fault existed (decision before the change\'s atSec, or at a')
print('      weight below its atWeight): a false alarm that happened to hit a bad release.')
print('med 5xx: median canary 5xx served per run; med maxW: median highest canary weight in')
print('      force (%); caught by: the first check named in the reason of not-succeeded runs.')
print()
print('not-succeeded runs by check and canary weight:')
for name, text in details:
    print(f'  {name}: {text}')
print()
def share(k, n):
    return f'{k / n:.3f}' if n else 'n/a'
dr, dra, fr = share(bad_caught, bad_total), share(bad_caught_after, bad_total), \
    share(good_not_ok, good_total)
print(f'bad_runs={bad_total} caught={bad_caught} caught_after_onset={bad_caught_after} '
      f'good_runs={good_total} rolled_back_or_failed={good_not_ok}')
print(f'detection_rate_after_onset={dra}')
print(f'detection_rate={dr} false_rollback_rate={fr}')
PY
exit 0
