#!/usr/bin/env python3
"""Writes bad-input-binary.bin: lines of raw bytes (invalid UTF-8, NUL, 0xFF, surrogates,
overlong forms, and seeded random bytes) after a command word, for BadInputCorpusTests.

    python3 Tests/Corpus/make-bad-binary.py    # rewrites Tests/Corpus/bad-input-binary.bin

Deterministic (seeded), so the committed file is what this script writes."""
import os
import random

HAND = [
    b"account \xff\xfe100000",
    b"\xff\xfe\xfd",
    b"condor\x00",
    b"\x00account 100000",
    b"account 100\x00000",
    b"spx \xc3\x28",                 # a broken two-byte sequence
    b"vix \xa0\xa1",                 # continuation bytes alone
    b"loss \xed\xa0\x80900",         # a UTF-16 surrogate encoded in UTF-8
    b"win \xc0\xaf",                 # an overlong '/'
    b"deposit \xf8\x88\x80\x80\x80", # a five-byte form
    b"date 2026-11-\xff",
    b"set delta \x80",
    b"set \xfe 16",
    b"\xef\xbb\xbf\xef\xbb\xbfcondor\xff",
    b"price spx put \xe2\x82 45",    # a truncated three-byte sequence
    b"save \"\x00.hb\"",
    b"account \x1b\x5b\x33\x31\x6d100000",
    b"\x7f\x7f\x7f",
    b"account \x08\x08\x08100000",
    b"help \x01\x02\x03",
]


def random_lines(count, seed=20261120):
    rng = random.Random(seed)
    words = [b"account", b"spx", b"vix", b"loss", b"win", b"date", b"set delta", b"price spx put", b"frob"]
    # No newline, '#' or ';' (they would split or end the case), no ASCII white space.
    alphabet = [b for b in range(256) if b not in b"\n\r\t\x0b\x0c #;"]
    lines = []
    for _ in range(count):
        body = bytes(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        lines.append(rng.choice(words) + b" \xff" + body)
    return lines


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "bad-input-binary.bin"), "wb") as f:
        for line in HAND + random_lines(40):
            assert b"\n" not in line
            f.write(line + b"\n")


if __name__ == "__main__":
    main()
