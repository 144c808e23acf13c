#!/usr/bin/env bash
echo "pty tests: none yet"
