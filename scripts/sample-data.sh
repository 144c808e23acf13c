#!/bin/sh
# Imports the sample market history that ships inside the `arch` Python package (PyPI):
# SPX daily closes 1999–2018 and VIX 2014-01 to 2019-01. The files are downloaded into a
# temporary folder, imported into the market store, and deleted: never committed.
#   scripts/sample-data.sh path/to/hedgebook [--if-missing]
# With --if-missing nothing is done when the store already has SPX closes. Without a network
# (or pip) it says so and exits 0: hedgebook works without history.
set -u
binary=${1:?usage: scripts/sample-data.sh path/to/hedgebook [--if-missing]}
if [ "${2:-}" = "--if-missing" ]; then
	if "$binary" data list 2>/dev/null | awk '$1 == "spx" && $NF > 0 { found = 1 } END { exit !found }'; then
		exit 0
	fi
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/hedgebook-sample.XXXXXX") || exit 0
trap 'rm -rf "$tmp"' EXIT INT TERM
echo "sample history: fetching the arch package from PyPI (pip download --no-deps arch)"
if ! python3 -m pip download --no-deps --quiet --disable-pip-version-check --timeout 10 --retries 1 \
	--dest "$tmp" arch >"$tmp/pip.log" 2>&1; then
	echo "sample history: could not download arch (no network, or no pip); going on without it"
	echo "sample history: later, \`make data\` tries again; or import your own files with \`hedgebook data import\`"
	exit 0
fi
# Wheel (zip) or source archive (tar): the two files are gzip'd CSVs under arch/data/.
if ! python3 - "$tmp" <<'PY'
import gzip, os, sys, tarfile, zipfile
folder = sys.argv[1]
wanted = {"data/sp500/sp500.csv.gz": "spx.csv", "data/vix/vix.csv.gz": "vix.csv"}
for name in os.listdir(folder):
    path = os.path.join(folder, name)
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        members = {m: (lambda m=m: archive.read(m)) for m in archive.namelist()}
    elif tarfile.is_tarfile(path):
        archive = tarfile.open(path)
        members = {m.name: (lambda m=m: archive.extractfile(m).read()) for m in archive.getmembers() if m.isfile()}
    else:
        continue
    found = 0
    for member, read in members.items():
        for suffix, out in wanted.items():
            if member.endswith("arch/" + suffix):
                with open(os.path.join(folder, out), "wb") as f:
                    f.write(gzip.decompress(read()))
                found += 1
    sys.exit(0 if found == len(wanted) else 1)
sys.exit(1)
PY
then
	echo "sample history: the arch package no longer holds arch/data/sp500 and arch/data/vix; going on without it"
	exit 0
fi
"$binary" data import spx "$tmp/spx.csv" && "$binary" data import vix "$tmp/vix.csv"
