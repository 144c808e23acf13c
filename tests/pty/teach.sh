#!/usr/bin/env bash
# PTY test of teaching mode: walk lesson 1 forward and back in a private tmux server.
#
#   tests/pty/teach.sh BINARY [LESSON]
#
# LESSON defaults to sessions/01-sizing-a-condor.md. Each check prints PASS or FAIL; the
# script exits 1 when any check failed. run.sh calls it.
set -uo pipefail

if [ $# -lt 1 ]; then
    echo "usage: $0 BINARY [LESSON]" >&2
    exit 2
fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
lesson=${2:-$root/sessions/01-sizing-a-condor.md}
if [ ! -x "$binary" ] || [ ! -f "$lesson" ]; then
    echo "teach pty test: need an executable at $1 and a lesson at $lesson" >&2
    exit 2
fi

socket="hedgebook-teach-$$"
window=teach
source "$(dirname "$0")/lib.sh"
trap 'tmux_ kill-server >/dev/null 2>&1' EXIT

screen_lacks() { ! screen | grep -qE -- "$1"; }
# on_cell N: the screen shows cell N and no other cell's header.
on_cell() { screen_has "· cell $1/[0-9]+$" && [ "$(screen | grep -cE '· cell [0-9]+/[0-9]+$')" = 1 ]; }

# The shell around teach records the exit status and whether the terminal settings came back.
start() {
    tmux_ new-session -d -s teach -x 120 -y 60 \
        "before=\$(stty -g); env LC_ALL=C.UTF-8 '$binary' teach '$lesson'; status=\$?; \
         [ \"\$(stty -g)\" = \"\$before\" ] && t=restored || t=changed; echo; echo \"EXIT=\$status TTY=\$t\"; sleep 600"
}

start
if wait_until 10 on_cell 1; then pass "teach shows cell 1 with its progress"; else fail "teach shows cell 1"; fi
if screen_has '^› date '; then pass "cell 1 shows its command"; else fail "cell 1 shows its command"; fi

tmux_ send-keys -t teach Enter
if wait_until 5 on_cell 2; then pass "Enter goes to cell 2"; else fail "Enter goes to cell 2"; fi

tmux_ send-keys -t teach b
if wait_until 5 on_cell 1; then pass "b goes back to cell 1"; else fail "b goes back to cell 1"; fi

# Forward to the account cell, whose numbers have an explanation.
for _ in 1 2 3 4; do tmux_ send-keys -t teach n; done
if wait_until 5 on_cell 5 && screen_has '^› account 100000'; then
    pass "n four times reaches the account cell"
else
    fail "n four times reaches the account cell"
fi
tmux_ send-keys -t teach w
if wait_until 5 screen_has 'base\$ = \$1,000.00 — base% × equity at cycle start'; then
    pass "w explains the cell's numbers"
else
    fail "w explains the cell's numbers"
fi
if screen_lacks 'EXIT='; then pass "keys are read without Enter and not echoed"; else fail "teach is still running"; fi

tmux_ send-keys -t teach q
if wait_until 5 screen_has '^EXIT=0 TTY=restored$'; then
    pass "q exits 0 and restores the terminal"
else
    fail "q exits 0 and restores the terminal"
fi

# Ctrl-C: the terminal comes back too, and the status says SIGINT.
tmux_ kill-session -t teach
start
wait_until 10 on_cell 1
tmux_ send-keys -t teach C-c
if wait_until 5 screen_has '^EXIT=130 TTY=restored$'; then
    pass "Ctrl-C exits 130 and restores the terminal"
else
    fail "Ctrl-C exits 130 and restores the terminal"
fi

echo "teach pty: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
