#!/usr/bin/env bash
# Taxi big_tipper MLP: Millrace (TorchSharp, warm process) against scikit-learn's MLPClassifier, in one run on the
# same machine. Needs `apt-get install -y python3-pandas python3-sklearn`. Usage, from the repository root:
#   benchmarks/training/compare-sklearn.sh [repeats]
# Prints both tools' JSON lines, then the ratio of fit times (medians; Millrace's fit includes fitting and
# applying the transform, as scikit-learn's includes its ColumnTransformer).
set -euo pipefail
repeats="${1:-3}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$root/../shared/data"
dotnet build "$root/benchmarks/Millrace.Training.Bench" -c Release -v quiet -nologo >/dev/null
out="$(mktemp -d)"
/usr/bin/python3 "$root/../shared/baselines/sklearn_models.py" "$repeats" | tee "$out/sklearn.jsonl"
dotnet "$root/benchmarks/Millrace.Training.Bench/bin/Release/net10.0/linux-x64/Millrace.Training.Bench.dll" "$data" "$repeats" | tee "$out/millrace.jsonl"
/usr/bin/python3 - "$out" <<'PY'
import json, statistics, sys, os
d = sys.argv[1]
sk = [json.loads(l) for l in open(os.path.join(d, 'sklearn.jsonl'))]
mr = [json.loads(l) for l in open(os.path.join(d, 'millrace.jsonl'))]
mlp = next(r for r in sk if r.get('task', '').startswith('taxi_mlp'))
runs = [r for r in mr if r.get('task', '').startswith('taxi_mlp')]
ours = statistics.median(r['fit_s'] for r in runs)
print(json.dumps({'comparison': 'taxi MLP fit time', 'sklearn_fit_s_median': mlp['fit_s_median'], 'sklearn_accuracy': mlp['accuracy'], 'sklearn_auc': mlp['auc'],
                  'millrace_fit_s_median': round(ours, 3), 'millrace_accuracy': runs[0]['accuracy'], 'millrace_auc': runs[0]['auc'],
                  'ratio': round(ours / mlp['fit_s_median'], 3)}))
PY
rm -rf "$out"
