#!/usr/bin/env bash
# PTY crash test: a REPL killed with SIGKILL (or whose terminal closes) leaves its session
# journal; the next start offers it, `recover` restores it exactly, a clean exit removes it.
#
#   tests/pty/crash.sh BINARY
#
# Prints PASS/FAIL per check and a closing "crash: N passed, N failed"; exits 1 on a failure.
set -uo pipefail

if [ $# -ne 1 ]; then echo "usage: $0 BINARY" >&2; exit 2; fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$binary" ] || { echo "crash tests: no executable at $1 (build it first)" >&2; exit 2; }
command -v tmux >/dev/null || { echo "crash tests: tmux is missing (make test-deps installs it)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/hedgebook-crash.XXXXXX")
socket="hedgebook-crash-$$"
window=repl
source "$(dirname "$0")/lib.sh"
cleanup() { tmux_ kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT

state="$work/state"
sessions="$state/hedgebook/sessions"
mkdir -p "$work/home"
journals() { ls "$sessions" 2>/dev/null | grep -E '^[0-9]+\.journal$'; }
has_journal() { [ -n "$(journals)" ]; }
start() {
    tmux_ kill-session -t repl >/dev/null 2>&1
    tmux_ new-session -d -s repl -x 120 -y 40 \
        "env HOME='$work/home' XDG_STATE_HOME='$state' LC_ALL=C.UTF-8 NO_COLOR=1 '$binary'; echo \"EXIT=\$?\"; sleep 600"
    wait_until 10 prompt_ready
}
type_line() { tmux_ send-keys -t repl "$1" Enter; }

# 1. A session with two cells, then SIGKILL.
start
type_line "account 100000"
wait_until 5 screen_has 'account set to'
type_line "loss 900"
if wait_until 5 screen_has '→ step 2' && wait_until 5 prompt_ready; then pass "two cells typed"; else fail "two cells typed"; fi
journal=$(journals | head -1)
if [ -n "$journal" ] && [ "$(stat -c %a "$sessions/$journal")" = 600 ] && [ "$(stat -c %a "$sessions")" = 700 ]; then
    pass "the journal is mode 0600 in a 0700 folder ($journal)"
else
    fail "the journal is mode 0600 in a 0700 folder (found '${journal}')"
fi
if [ -n "$journal" ] && grep -qxF '+ loss 900' "$sessions/$journal"; then
    pass "the journal holds the last cell before its output was shown"
else
    fail "the journal holds the last cell"
fi
pid=${journal%.journal}
kill -KILL "$pid" 2>/dev/null
if wait_until 5 screen_has '^EXIT=137$' && [ -f "$sessions/$journal" ]; then
    pass "SIGKILL leaves the journal behind"
else
    fail "SIGKILL leaves the journal behind"
fi

# 2. The next start offers it; recover restores both cells and step 2.
start
if screen_has 'with 3 cells was not closed cleanly: type `recover` to restore it'; then
    pass "the next start says a session can be recovered"
else
    fail "the next start says a session can be recovered"
fi
type_line "recover"
if wait_until 5 screen_has 'recovered 3 cells' && wait_until 5 prompt_ready \
    && current_line | grep -qE '^\[4\] step 2 · \$99,100 ›$'; then
    pass "recover restores the session: prompt [4] step 2 · \$99,100"
else
    fail "recover restores the session: prompt [4] step 2 · \$99,100"
fi
type_line "history"
if wait_until 5 screen_has '^2  account 100000$' && screen_has '^3  loss 900$'; then
    pass "history lists the recovered cells"
else
    fail "history lists the recovered cells"
fi
type_line "progression"
if wait_until 5 screen_has '^▶ 2 '; then pass "progression is at step 2"; else fail "progression is at step 2"; fi
if [ ! -e "$sessions/$journal" ] && [ "$(journals | wc -l)" = 1 ]; then
    pass "the recovered journal is gone; only this session's remains"
else
    fail "the recovered journal is gone (left: $(journals | tr '\n' ' '))"
fi
type_line "recover"
if wait_until 5 screen_has 'recover replaces this session'; then
    pass "a second recover refuses to replace a session with cells of its own"
else
    fail "a second recover refuses to replace a session with cells of its own"
fi

# 3. Closing the terminal (SIGHUP) is an unclean exit too.
type_line "win 320"
wait_until 5 screen_has 'win \$320'
wait_until 5 prompt_ready
tmux_ kill-session -t repl
sleep 0.5
if has_journal; then pass "closing the terminal leaves the journal"; else fail "closing the terminal leaves the journal"; fi
start
# date, account, loss, progression (a query is a cell too), win.
if screen_has 'with 5 cells was not closed cleanly'; then
    pass "after a closed terminal the next start offers 5 cells"
else
    fail "after a closed terminal the next start offers 5 cells"
fi
type_line "recover"
if wait_until 5 screen_has 'recovered 5 cells' && wait_until 5 prompt_ready \
    && current_line | grep -qE '^\[6\] step 2 · \$99,420 ›$'; then
    pass "recover after a closed terminal: prompt [6] step 2 · \$99,420"
else
    fail "recover after a closed terminal: prompt [6] step 2 · \$99,420"
fi

# 4. A clean exit of a saved session removes the journal; the next start is quiet.
type_line "save $work/saved.hb"
wait_until 5 screen_has 'saved 5 cells'
type_line "quit"
if wait_until 5 screen_has '^EXIT=0$' && [ -z "$(ls -A "$sessions")" ]; then
    pass "quit removes the journal: the sessions folder is empty"
else
    fail "quit removes the journal (left: $(ls -A "$sessions" | tr '\n' ' '))"
fi
start
if ! screen_has 'not closed cleanly'; then pass "after a clean exit nothing is offered"; else fail "after a clean exit nothing is offered"; screen | grep -E 'hedgebook:' | sed 's/^/    /'; fi
type_line "recover"
if wait_until 5 screen_has 'nothing to recover'; then pass "recover with nothing to recover says so"; else fail "recover with nothing to recover says so"; fi
tmux_ send-keys -t repl C-d
if wait_until 5 screen_has '^EXIT=0$' && [ -z "$(ls -A "$sessions")" ]; then
    pass "Ctrl-D removes the journal"
else
    fail "Ctrl-D removes the journal"
fi

echo "crash: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
