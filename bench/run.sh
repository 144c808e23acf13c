#!/usr/bin/env bash
# make bench: hedgebook's benchmarks beside a Python reference (numpy/scipy) on the same work,
# in the same run, each figure with its target. BUILD=dir picks the release build to time
# (default .build/release); the harness's groups can be named: bench/run.sh replay bsm.
# See docs/performance.md for what each figure measures and the last recorded run.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-.build/release}
BIN=$BUILD/hedgebook
BENCH=$BUILD/hedgebook-bench
for b in "$BIN" "$BENCH"; do
    [[ -x $b ]] || { echo "bench: $b is missing: run make bench (it builds both in release)" >&2; exit 2; }
done
python3 -c 'import numpy, scipy' 2>/dev/null || python3 -m pip install -q numpy scipy

work=$(mktemp -d)
session="hbbench-$$"
cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
    "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "python: $(python3 -c 'import sys, numpy, scipy; print(sys.version.split()[0], "numpy", numpy.__version__, "scipy", scipy.__version__)')"
echo

# Mean wall milliseconds of each command: hyperfine when present, else a plain loop.
# Prints one mean per command, in order.
mean_ms() {
    local runs=$1 warmup=$2; shift 2
    if command -v hyperfine >/dev/null; then
        hyperfine -N --warmup "$warmup" --runs "$runs" --export-json "$work/h.json" "$@" >/dev/null 2>&1
        python3 -c 'import json, sys
for r in json.load(open(sys.argv[1]))["results"]: print(r["mean"] * 1000)' "$work/h.json"
    else
        local c start end
        for c in "$@"; do
            for ((i = 0; i < warmup; i++)); do bash -c "$c" >/dev/null 2>&1 || true; done
            start=$(date +%s%N)
            for ((i = 0; i < runs; i++)); do bash -c "$c" >/dev/null 2>&1 || true; done
            end=$(date +%s%N)
            awk -v a="$start" -v b="$end" -v n="$runs" 'BEGIN { print (b - a) / n / 1e6 }'
        done
    fi
}

# name, hedgebook's figure, the reference's (or -), unit, target, verdict
row() { printf "%-32s %14s %-9s %14s   %-34s %s\n" "$@"; }
row "figure" "hedgebook" "unit" "python" "target" "verdict"
verdict() { awk -v x="$1" -v op="$2" -v t="$3" 'BEGIN {
    ok = (op == ">=") ? x >= t : (op == "<=") ? x <= t : x < t; print ok ? "met" : "MISSED" }'; }

# 1. Start-up to the first answer, against python3 -c pass in the same run, and against the
#    interpreter itself (python3 may be a version manager's shell-script shim, which is slower).
interpreter=$(python3 -c 'import sys; print(sys.executable)')
read -r hb py pyexe < <(mean_ms 200 20 "$BIN -c 'account 100000'" "python3 -c pass" "$interpreter -c pass" | xargs)
ratio=$(awk -v a="$hb" -v b="$py" 'BEGIN { printf "%.3f", a / b }')
row "startup_ms" "$(printf %.2f "$hb")" "ms" "$(printf %.2f "$py")" "<= 0.5 x python" "$(verdict "$ratio" "<=" 0.5) (ratio $ratio)"
ratio=$(awk -v a="$hb" -v b="$pyexe" 'BEGIN { printf "%.3f", a / b }')
row "startup_vs_interpreter_ms" "$(printf %.2f "$hb")" "ms" "$(printf %.2f "$pyexe")" "<= 0.5 x $(basename "$interpreter")" "$(verdict "$ratio" "<=" 0.5) (ratio $ratio)"

# 2. hedgebook run of the 100,000-line script end to end, against Python reading and
#    tokenising the same file (a floor: Python does far less per line).
"$BENCH" script "$work/replay.hb"
"$BIN" run "$work/replay.hb" >/dev/null || { echo "bench: the replay script failed" >&2; exit 1; }
read -r run parse < <(mean_ms 5 1 "$BIN run $work/replay.hb" "python3 bench/reference.py parse $work/replay.hb" | xargs)
rate=$(awk -v ms="$run" 'BEGIN { printf "%d", 100000 / (ms / 1000) }')
row "run_100k_lines_ms" "$(printf %.0f "$run")" "ms" "$(printf %.0f "$parse")" ">= 100000 lines/s" "$(verdict "$rate" ">=" 100000) ($rate lines/s)"

# 3. The REPL's resident memory after a few answers (a terminal, so the real REPL runs).
if command -v tmux >/dev/null; then
    tmux new-session -d -s "$session" -x 160 -y 50 "exec $BIN"
    for c in "account 100000" "loss 900" "condor" "layers" "progression" "why"; do
        tmux send-keys -t "$session" "$c" Enter
        sleep 0.3
    done
    sleep 0.5
    pid=$(tmux list-panes -t "$session" -F '#{pane_pid}')
    if tmux capture-pane -p -t "$session" -S - | grep -q "credit"; then
        rss=$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
        pyrss=$(python3 -c 'import numpy, scipy.stats, resource; print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")')
        row "repl_resident_mb" "$rss" "MB" "$pyrss" "< 30 MB" "$(verdict "$rss" "<" 30) (python: numpy+scipy loaded)"
    else
        echo "repl_resident_mb: the REPL did not answer in tmux" >&2
    fi
    tmux kill-session -t "$session"
else
    echo "repl_resident_mb: tmux is missing (make bench installs it)"
fi

# 4. The harness beside the reference: ratios say how many times faster hedgebook is.
declare -A swift ref
while read -r name value unit; do swift[$name]="$value $unit"; done < <("$BENCH" "$@")
while read -r name value unit; do ref[$name]="$value $unit"; done < <(python3 bench/reference.py "$@")
# The engine's numpy reference (bench/engine_reference.py): the unhedged simulate work.
if [[ $# -eq 0 || " $* " == *" engine "* ]]; then
    while read -r name value unit; do ref[$name]="$value $unit"; done < <(python3 bench/engine_reference.py)
fi
declare -A target=(
    [bsm_prices_per_second]=">= 10000000"
    [condor_build_us]="< 20"
    [replay_commands_per_second]=">= 100000"
    [replay_commands_per_cpu_second]=">= 100000"
    [undo_worst_ms]="< 10"
    [montecarlo_trades_per_second]=">= 20000000"
    [engine_5y_ms]="<= 20"
    [engine_20y_ms]="<= 60"
    [simulate_path_days_per_second]=">= 5000000"
    [simulate_path_days_per_2_cpu_seconds]=">= 5000000"
)
# Speed-ups over the reference that are targets too (BSM faster than scipy; Monte Carlo 5x numpy;
# the engine's unhedged simulate 3x its numpy reference).
declare -A faster=([bsm_prices_per_second]=1 [montecarlo_trades_per_second]=5 [simulate_unhedged_path_days_per_second]=3 [simulate_unhedged_path_days_per_cpu]=3)
for name in "${!swift[@]}"; do echo "$name"; done | sort | while read -r name; do
    read -r value unit <<<"${swift[$name]}"
    r="-" note=""
    if [[ -n ${ref[$name]:-} ]]; then
        r=${ref[$name]%% *}
        note=$(awk -v a="$value" -v b="$r" -v u="$unit" 'BEGIN {
            x = (u ~ /\/s$/) ? a / b : b / a; printf "%.1fx python", x }')
    fi
    t=${target[$name]:-}
    v=""
    [[ -n $t ]] && v="$(verdict "$value" ${t% *} ${t#* })"
    if [[ -n ${faster[$name]:-} && $r != "-" ]]; then
        t="$t, >= ${faster[$name]}x python"
        x=$(awk -v a="$value" -v b="$r" 'BEGIN { print a / b }')
        [[ $(verdict "$x" ">=" "${faster[$name]}") == met ]] || v="MISSED"
    fi
    row "$name" "$value" "$unit" "$r" "${t:--}" "$v${note:+ ($note)}"
done
