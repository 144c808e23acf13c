#!/usr/bin/env bash
# Builds the libFuzzer target over the shell (fuzz/FuzzShell.swift with the model's and the
# shell's sources) and runs it for a bounded time.
#
#   fuzz/run.sh                 build, then fuzz for $FUZZ_SECONDS (default 60) seconds
#   FUZZ_SECONDS=600 fuzz/run.sh
#   fuzz/run.sh build           build only
#   fuzz/run.sh CRASH-FILE...   re-run saved inputs (a crash, a timeout) and exit
#   FUZZ_BUILD=0 fuzz/run.sh    reuse the binary built last time
#   FUZZ_TARGET=notebook fuzz/run.sh   another target: shell (default), notebook, journal, history
#
# Outputs go to fuzz-out/ (git-ignored): the binary, the growing corpus, crash-* and timeout-*
# files and the log. The committed seeds in fuzz/corpus/ are only read.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz-out
build=$out/build
mkdir -p "$build" "$out/corpus" "$out/artifacts"
flags=(-parse-as-library -sanitize=fuzzer,address -O -g)
target=${FUZZ_TARGET:-shell}
case $target in
    shell) source_file=fuzz/FuzzShell.swift; seeds=fuzz/corpus ;;
    notebook) source_file=fuzz/FuzzNotebook.swift; seeds=fuzz/corpus-notebook ;;
    journal) source_file=fuzz/FuzzJournal.swift; seeds=fuzz/corpus-journal ;;
    history) source_file=fuzz/FuzzHistory.swift; seeds=fuzz/corpus-history ;;
    *) echo "fuzz: no target called $target (shell, notebook, journal, history)" >&2; exit 2 ;;
esac
binary=$out/fuzz-$target
if [ "$target" != shell ]; then out=$out/$target; mkdir -p "$out/corpus" "$out/artifacts"; fi

if [ "${FUZZ_MODULES:-1}" != 0 ] || [ ! -f "$build/HedgebookShell.o" ]; then
# One module at a time, as SwiftPM would: the model, the shell over it, then the target.
swiftc "${flags[@]}" -wmo -module-name HedgebookModel -emit-module -emit-module-path "$build/HedgebookModel.swiftmodule" \
    -emit-object -o "$build/HedgebookModel.o" $(find Sources/HedgebookModel -name '*.swift' | sort)
swiftc "${flags[@]}" -wmo -module-name HedgebookShell -I "$build" -I Sources/CSQLite -emit-module -emit-module-path "$build/HedgebookShell.swiftmodule" \
    -emit-object -o "$build/HedgebookShell.o" $(find Sources/HedgebookShell -name '*.swift' | sort)
fi
if [ "${FUZZ_BUILD:-1}" != 0 ] || [ ! -x "$binary" ]; then
swiftc "${flags[@]}" -module-name Fuzz -I "$build" -I Sources/CSQLite "$source_file" \
    "$build/HedgebookModel.o" "$build/HedgebookShell.o" -lsqlite3 -o "$binary"
fi

if [ "${1:-}" = build ]; then exit 0; fi
if [ $# -gt 0 ]; then exec "$binary" "$@"; fi

# Work in a scratch folder so nothing the shell does can land in the checkout.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/hedgebook-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
root=$PWD
# Swift's own crash backtracer reads memory ASan guards: let libFuzzer and ASan report instead.
export SWIFT_BACKTRACE=enable=no
(cd "$scratch" && "$root/$binary" "$root/$out/corpus" "$root/$seeds" \
    -dict="$root/fuzz/hedgebook.dict" \
    -max_total_time="${FUZZ_SECONDS:-60}" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$root/$out/artifacts/" -print_final_stats=1 ${FUZZ_FLAGS:-}) \
    2>&1 | tee "$out/fuzz.log"
