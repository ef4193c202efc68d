#!/usr/bin/env bash
# Transform analyzers over flights-3m against pandas computing the same statistics (describe, quantiles, nunique),
# in one run on the same machine; reads of the CSV are timed apart on both sides. Needs python3-pandas.
# Usage, from the repository root: benchmarks/training/compare-pandas.sh [repeats]
set -euo pipefail
repeats="${1:-3}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$root/../shared/data"
dotnet build "$root/benchmarks/Millrace.Training.Bench" -c Release -v quiet -nologo >/dev/null
out="$(mktemp -d)"
/usr/bin/python3 "$root/../shared/baselines/pandas_stats.py" "$repeats" | tee "$out/pandas.jsonl"
dotnet "$root/benchmarks/Millrace.Training.Bench/bin/Release/net10.0/linux-x64/Millrace.Training.Bench.dll" analyzers "$data" "$repeats" | tee "$out/millrace.jsonl"
/usr/bin/python3 - "$out" <<'PY'
import json, statistics, sys, os
d = sys.argv[1]
pd_ = next(r for r in map(json.loads, open(os.path.join(d, 'pandas.jsonl'))) if r.get('dataset') == 'flights_3m')
ours = statistics.median(r['analyzers_s'] for r in map(json.loads, open(os.path.join(d, 'millrace.jsonl'))))
m = pd_['median_s']
theirs = m['describe_numeric'] + m['quantiles'] + m['nunique']
# pandas' nunique also counts the date column, which no analyzer reads; the ratio without it is printed too.
numeric = m['describe_numeric'] + m['quantiles']
print(json.dumps({'comparison': 'flights-3m analyzer statistics', 'pandas_describe_quantiles_nunique_s': round(theirs, 3),
                  'pandas_describe_quantiles_s': round(numeric, 3), 'millrace_analyzers_s': ours,
                  'ratio': round(ours / theirs, 3), 'ratio_without_nunique': round(ours / numeric, 3)}))
PY
rm -rf "$out"
