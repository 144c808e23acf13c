#!/usr/bin/env bash
# make bench: hedgebook's benchmarks beside a Python reference on the same work, in the same run.
# Prints each figure, the reference's, and the ratio. Machine: whatever this runs on (see nproc).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/hedgebook
BENCH=.build/release/hedgebook-bench

python3 -c 'import numpy, scipy' 2>/dev/null || pip install -q numpy scipy

echo "machine: $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo

# Start-up: N runs of each command, wall time per run.
startup() {
    local n=$1; shift
    local start end
    start=$(date +%s.%N)
    for ((i = 0; i < n; i++)); do "$@" >/dev/null; done
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" -v n="$n" 'BEGIN { print (b - a) / n * 1000 }'
}
runs=100
hb=$(startup $runs "$BIN" -c 'account 100000')
py=$(startup $runs python3 -c pass)
printf "%-34s %10.2f ms   python3 -c pass %8.2f ms   ratio %.2f (target <= 0.50)\n" \
    "startup (hedgebook -c 'account 100000')" "$hb" "$py" "$(awk -v a="$hb" -v b="$py" 'BEGIN { print a / b }')"

declare -A swift ref
while read -r name value unit; do swift[$name]="$value $unit"; done < <("$BENCH" "$@")
while read -r name value unit; do ref[$name]="$value $unit"; done < <(python3 bench/reference.py "$@")

for name in "${!swift[@]}"; do
    s=${swift[$name]}
    if [[ -n "${ref[$name]:-}" ]]; then
        r=${ref[$name]}
        printf "%-34s %22s   python %22s   ratio %.2f\n" "$name" "$s" "$r" \
            "$(awk -v a="${s%% *}" -v b="${r%% *}" 'BEGIN { print a / b }')"
    else
        printf "%-34s %22s\n" "$name" "$s"
    fi
done | sort
