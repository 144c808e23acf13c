#!/usr/bin/env bash
# Builds the libFuzzer target over the shell (fuzz/FuzzShell.swift with the model's and the
# shell's sources) and runs it for a bounded time.
#
#   fuzz/run.sh                 build, then fuzz for $FUZZ_SECONDS (default 60) seconds
#   FUZZ_SECONDS=600 fuzz/run.sh
#   fuzz/run.sh build           build only
#   fuzz/run.sh CRASH-FILE...   re-run saved inputs (a crash, a timeout) and exit
#   FUZZ_BUILD=0 fuzz/run.sh    reuse the binary built last time
#
# Outputs go to fuzz-out/ (git-ignored): the binary, the growing corpus, crash-* and timeout-*
# files and the log. The committed seeds in fuzz/corpus/ are only read.
set -euo pipefail
cd "$(dirname "$0")/.."
out=fuzz-out
build=$out/build
mkdir -p "$build" "$out/corpus" "$out/artifacts"
flags=(-parse-as-library -sanitize=fuzzer,address -O -g)

if [ "${FUZZ_BUILD:-1}" != 0 ] || [ ! -x "$out/fuzz-shell" ]; then
# One module at a time, as SwiftPM would: the model, the shell over it, then the target.
swiftc "${flags[@]}" -wmo -module-name HedgebookModel -emit-module -emit-module-path "$build/HedgebookModel.swiftmodule" \
    -emit-object -o "$build/HedgebookModel.o" Sources/HedgebookModel/*.swift
swiftc "${flags[@]}" -wmo -module-name HedgebookShell -I "$build" -emit-module -emit-module-path "$build/HedgebookShell.swiftmodule" \
    -emit-object -o "$build/HedgebookShell.o" $(find Sources/HedgebookShell -name '*.swift' | sort)
swiftc "${flags[@]}" -module-name FuzzShell -I "$build" fuzz/FuzzShell.swift \
    "$build/HedgebookModel.o" "$build/HedgebookShell.o" -o "$out/fuzz-shell"
fi

if [ "${1:-}" = build ]; then exit 0; fi
if [ $# -gt 0 ]; then exec "$out/fuzz-shell" "$@"; fi

# Work in a scratch folder so nothing the shell does can land in the checkout.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/hedgebook-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
root=$PWD
# Swift's own crash backtracer reads memory ASan guards: let libFuzzer and ASan report instead.
export SWIFT_BACKTRACE=enable=no
(cd "$scratch" && "$root/$out/fuzz-shell" "$root/$out/corpus" "$root/fuzz/corpus" \
    -dict="$root/fuzz/hedgebook.dict" \
    -max_total_time="${FUZZ_SECONDS:-60}" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$root/$out/artifacts/" -print_final_stats=1 ${FUZZ_FLAGS:-}) \
    2>&1 | tee "$out/fuzz.log"
