#!/usr/bin/env bash
# Runs the kernel and ingest benchmarks beside their physical limit and their peer, in one session, so that the
# ratios compare like with like on this machine:
#   membw.c (memory read bandwidth, before and after), pandas_stats.py (read_csv MB/s), BenchmarkDotNet (GB/s).
# Usage: benchmarks/Millrace.Benchmarks/Compute/compare.sh [BenchmarkDotNet filter, default *Compute*]
# Needs gcc with OpenMP and Debian's python3-pandas (apt-get install -y python3-pandas).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
baselines="$root/../shared/baselines"
out="${TMPDIR:-/tmp}/millrace-compare"
mkdir -p "$out"
gcc -O3 -march=native -ffast-math -fopenmp "$baselines/membw.c" -o "$out/membw"
dotnet build "$root/benchmarks/Millrace.Benchmarks" -c Release -v quiet -nologo
echo "== membw (before)"; "$out/membw"
echo "== pandas"; /usr/bin/python3 "$baselines/pandas_stats.py" 3
echo "== Millrace kernels"
# In-process: BenchmarkDotNet's generated project would collide with other benchmark runs in a shared tree.
dotnet run -c Release --no-build --project "$root/benchmarks/Millrace.Benchmarks" -- \
  --filter "${1:-*Compute*}" --job short --inProcess --artifacts "$out/bdn"
echo "== membw (after)"; "$out/membw"
