#!/usr/bin/env bash
# PTY tests: drive the real hedgebook REPL in a private tmux server, as a person would type.
#
#   tests/pty/run.sh BINARY
#
# Each check prints PASS or FAIL; the script exits 1 when any check failed.
# Everything is private: a tmux socket of its own, HOME and XDG_STATE_HOME in a temp folder.
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 BINARY" >&2
    exit 2
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if [ ! -x "$binary" ]; then
    echo "pty tests: no executable at $1 (build it first)" >&2
    exit 2
fi
if ! command -v tmux >/dev/null; then
    echo "pty tests: tmux is missing (make test-deps installs it)" >&2
    exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/hedgebook-pty.XXXXXX")
socket="hedgebook-pty-$$"
window=repl
source "$(dirname "$0")/lib.sh"
cleanup() {
    tmux_ kill-server >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

state="$work/state"
mkdir -p "$work/home"
# The cell number in the last prompt on the screen.
prompt_cell() { screen | grep -E '^\[[0-9]+\]' | tail -1 | sed -E 's/^\[([0-9]+)\].*/\1/'; }

line_is() { [ "$(current_line)" = "$1" ]; }
line_matches() { current_line | grep -qE -- "$1"; }

tmux_ new-session -d -s repl -x 120 -y 40 \
    "env HOME='$work/home' XDG_STATE_HOME='$state' LC_ALL=C.UTF-8 '$binary'; echo \"EXIT=\$?\"; sleep 600"

# 1. The prompt.
if wait_until 10 prompt_ready; then pass "the prompt appears ($(current_line))"; else fail "the prompt appears"; fi

# 2. A command and its result.
tmux_ send-keys -t repl "account 100000" Enter
if wait_until 5 screen_has '100,000'; then
    pass "account 100000 prints its result"
else
    fail "account 100000 prints its result (expects 100,000)"
fi
wait_until 5 prompt_ready
cell_after_account=$(prompt_cell)

# 3. Tab completes a command.
tmux_ send-keys -t repl "acc" Tab
if wait_until 3 line_matches '› account$'; then
    pass "acc<Tab> completes to 'account '"
else
    fail "acc<Tab> completes to 'account '"
fi
tmux_ send-keys -t repl C-e C-u
wait_until 3 prompt_ready

# 4. Up recalls the previous line.
tmux_ send-keys -t repl Up
if wait_until 3 line_matches '› account 100000$'; then
    pass "Up recalls the previous line"
else
    fail "Up recalls the previous line"
fi
tmux_ send-keys -t repl C-e C-u
wait_until 3 prompt_ready

# 5. Ctrl-C cancels a half-typed line and keeps the session.
cell_before=$(prompt_cell)
tmux_ send-keys -t repl "half typed"
wait_until 3 line_matches 'half typed$'
tmux_ send-keys -t repl C-c
if wait_until 3 prompt_ready && [ "$(prompt_cell)" = "$cell_before" ] && [ -n "$cell_before" ]; then
    pass "Ctrl-C cancels the line; the session goes on at cell [$cell_before]"
else
    fail "Ctrl-C cancels the line; the session goes on (cell before: [$cell_before], now: [$(prompt_cell)])"
fi
if ! screen_has 'EXIT='; then
    pass "the REPL is still running after Ctrl-C"
else
    fail "the REPL is still running after Ctrl-C"
fi

# 6. Ctrl-D on an empty line exits with status 0.
tmux_ send-keys -t repl C-d
if wait_until 5 screen_has '^EXIT=0$'; then
    pass "Ctrl-D on an empty line exits with status 0"
else
    fail "Ctrl-D on an empty line exits with status 0"
fi

# 7. The history file: mode 0600 in a 0700 folder, with the typed lines only.
history="$state/hedgebook/history"
if [ -f "$history" ]; then
    mode=$(stat -c %a "$history")
    folder_mode=$(stat -c %a "$state/hedgebook")
    if [ "$mode" = 600 ] && [ "$folder_mode" = 700 ]; then
        pass "history file mode 0600, folder 0700"
    else
        fail "history file mode 0600 (is $mode), folder 0700 (is $folder_mode)"
    fi
    if grep -qxF "account 100000" "$history" && ! grep -qF "half typed" "$history" \
        && ! grep -qx '' "$history"; then
        pass "history holds the typed lines, not the cancelled one nor empty lines"
    else
        fail "history holds the typed lines, not the cancelled one nor empty lines"
        sed 's/^/    history: /' "$history"
    fi
else
    fail "history file exists at \$XDG_STATE_HOME/hedgebook/history"
fi
if ls -A "$state/hedgebook" 2>/dev/null | grep -qE '\.tmp$|^\.hedgebook-'; then
    fail "no temporary history file left behind"
else
    pass "no temporary history file left behind"
fi

# 8. The history comes back in a new session.
tmux_ kill-session -t repl
tmux_ new-session -d -s repl -x 120 -y 40 \
    "env HOME='$work/home' XDG_STATE_HOME='$state' LC_ALL=C.UTF-8 '$binary'; echo \"EXIT=\$?\"; sleep 600"
wait_until 10 prompt_ready
tmux_ send-keys -t repl Up
if wait_until 3 line_matches '› account 100000$'; then
    pass "a new session recalls the saved history"
else
    fail "a new session recalls the saved history"
fi
tmux_ send-keys -t repl C-e C-u "quit" Enter
if wait_until 5 screen_has '^EXIT=0$'; then pass "quit exits with status 0"; else fail "quit exits with status 0"; fi

# 9. Teaching mode walks a lesson forward and back (tests/pty/teach.sh).
if "$(dirname "$0")/teach.sh" "$binary"; then pass "teaching mode (teach.sh)"; else echo "FAIL: teaching mode (teach.sh)"; failures=$((failures + 1)); fi

if "$(dirname "$0")/crash.sh" "$binary"; then pass "crash safety and recover (crash.sh)"; else echo "FAIL: crash safety and recover (crash.sh)"; failures=$((failures + 1)); fi

if "$(dirname "$0")/solid.sh" "$binary"; then pass "solid ground (solid.sh)"; else echo "FAIL: solid ground (solid.sh)"; failures=$((failures + 1)); fi

echo "pty: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
