#!/usr/bin/env bash
# Side by side, in one session on the same machine: pandas (read_csv, describe(include='all') + nunique() +
# quantiles) and Millrace (CsvExampleGen: CSV → Parquet splits; StatisticsGen) on flights-3m.csv, and DuckDB's
# SUMMARIZE on flights-3m.parquet. pandas runs before and after Millrace and its best figures are used, so that
# load that comes and goes on a shared machine does not favour Millrace. Prints each tool's JSON line, then the ratios.
# Usage: benchmarks/Millrace.Components.Bench/compare.sh [repeats, default 3]
# Needs Debian's python3-pandas (apt-get install -y python3-pandas).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$root/../shared/data/flights"
out="${TMPDIR:-/tmp}/millrace-compare-components"
repeats="${1:-3}"
mkdir -p "$out"
dotnet build "$root/benchmarks/Millrace.Components.Bench" -c Release -v quiet -nologo
echo "== machine"; nproc; uptime
echo "== pandas"
/usr/bin/python3 "$root/../shared/baselines/pandas_stats.py" "$repeats" | grep flights_3m | tee "$out/pandas.json"
echo "== Millrace and DuckDB"
dotnet run -c Release --no-build --project "$root/benchmarks/Millrace.Components.Bench" -- \
  "$data/flights-3m.csv" "$data/flights-3m.parquet" "$repeats" | tee "$out/millrace.json"
echo "== pandas again"
/usr/bin/python3 "$root/../shared/baselines/pandas_stats.py" "$repeats" | grep flights_3m | tee "$out/pandas-after.json"
echo "== ratios (above 1: Millrace is faster)"
/usr/bin/python3 - "$out/pandas.json" "$out/millrace.json" "$out/pandas-after.json" <<'PY'
import json, sys
before, after = json.loads(open(sys.argv[1]).read()), json.loads(open(sys.argv[3]).read())
# The best of the two pandas runs, figure by figure.
pandas = dict(before, min_s={k: min(before['min_s'][k], after['min_s'][k]) for k in before['min_s']},
              read_csv_MBps=max(before['read_csv_MBps'], after['read_csv_MBps']))
lines = [json.loads(l) for l in open(sys.argv[2]) if l.startswith('{')]
mill = next(l for l in lines if l['tool'] == 'millrace')
duck = next((l for l in lines if l['tool'] == 'duckdb'), None)
p = pandas['min_s']
pandas_stats = p['describe_all'] + p['nunique'] + p['quantiles']
print(f"ingest: Millrace {mill['ingest_MBps']} MB/s (Parquet written) vs pandas read_csv {pandas['read_csv_MBps']} MB/s: {mill['ingest_MBps'] / pandas['read_csv_MBps']:.2f}x (target 3x)")
print(f"statistics: Millrace {mill['statistics_gen_s']} s vs pandas describe(all)+nunique+quantiles {pandas_stats:.3f} s: {pandas_stats / mill['statistics_gen_s']:.2f}x (target 10x)")
if duck:
    print(f"statistics: Millrace {mill['statistics_gen_s']} s vs DuckDB SUMMARIZE of the Parquet file {duck['summarize_s']} s: {duck['summarize_s'] / mill['statistics_gen_s']:.2f}x")
PY
