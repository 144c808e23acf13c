#!/bin/sh
# Re-runs every notebook in sessions/ and docs/ and fails when an output differs:
#   tests/notebooks.sh [path/to/hedgebook]
set -eu
binary=${1:-.build/debug/hedgebook}
set --
for f in sessions/*.md docs/*.md; do
	[ -f "$f" ] && set -- "$@" "$f"
done
if [ $# -eq 0 ]; then
	echo "notebooks: none in sessions/ or docs/"
	exit 0
fi
exec "$binary" check "$@"
