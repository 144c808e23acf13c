#!/usr/bin/env bash
# PTY tests of issue 11's guarantees ("solid ground"): the REPL under LANG=C, Ctrl-C during a
# long command, two REPLs on one history, a lesson full of escape sequences, 80 columns.
#
#   tests/pty/solid.sh BINARY
#
# Prints PASS/FAIL per check and exits 1 when any check failed. run.sh calls it.
set -uo pipefail

if [ $# -ne 1 ]; then echo "usage: $0 BINARY" >&2; exit 2; fi
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
[ -x "$binary" ] || { echo "solid tests: no executable at $1 (build it first)" >&2; exit 2; }
command -v tmux >/dev/null || { echo "solid tests: tmux is missing (make test-deps installs it)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/hedgebook-solid.XXXXXX")
socket="hedgebook-solid-$$"
window=repl
source "$(dirname "$0")/lib.sh"
cleanup() { tmux_ kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT

state="$work/state"
mkdir -p "$work/home"
# An ASCII prompt (`[3] step 1 - $100,000 >`) as well as the UTF-8 one.
ascii_prompt_ready() { current_line | grep -qE '^\[[0-9]+\]( .*)? >$'; }
# start SESSION WIDTH ENV...: a REPL in its own tmux session.
start() {
    local name=$1 width=$2; shift 2
    tmux_ kill-session -t "$name" >/dev/null 2>&1
    tmux_ new-session -d -s "$name" -x "$width" -y 50 \
        "env -u LC_ALL -u LC_CTYPE HOME='$work/home' XDG_STATE_HOME='$state' NO_COLOR=1 $* '$binary'; echo \"EXIT=\$?\"; sleep 600"
}

# --- Item 1: LANG=C ---------------------------------------------------------------------
window=c
start c 100 LANG=C
if wait_until 10 ascii_prompt_ready; then pass "item 1: the REPL starts under LANG=C with an ASCII prompt"; else fail "item 1: the REPL starts under LANG=C"; fi
tmux_ send-keys -t c "account 100000" Enter "condor" Enter "payoff" Enter "layers" Enter
wait_until 10 screen_has 'at expiry: best'
if screen | LC_ALL=C grep -q '[^ -~]'; then
    fail "item 1: under LANG=C every character on the screen is ASCII"
else
    pass "item 1: under LANG=C every character on the screen is ASCII (tables, chart, prompt)"
fi
tmux_ send-keys -t c "quit" Enter
if wait_until 5 screen_has '^EXIT=0$'; then pass "item 1: quit under LANG=C exits 0"; else fail "item 1: quit under LANG=C exits 0"; fi

window=cteach
tmux_ new-session -d -s cteach -x 100 -y 50 "env -u LC_ALL -u LC_CTYPE LANG=C '$binary' teach '$root/sessions/01-sizing-a-condor.md'; echo EXIT=\$?; sleep 600"
wait_until 10 screen_has 'cell 1/'
tmux_ send-keys -t cteach n n n n
wait_until 5 screen_has 'cell 5/'
if screen | LC_ALL=C grep -q '[^ -~]'; then
    fail "item 1: under LANG=C the teaching screen is ASCII"
else
    pass "item 1: under LANG=C the teaching screen is ASCII"
fi
tmux_ send-keys -t cteach q

# --- Item 2: Ctrl-C during simulate; Ctrl-D typed meanwhile --------------------------------
window=int
start int 120 LC_ALL=C.UTF-8
wait_until 10 prompt_ready
tmux_ send-keys -t int "account 100000" Enter "set underlying xsp" Enter
wait_until 5 screen_has 'underlying = xsp'
tmux_ send-keys -t int "simulate 2000 cycles winrate 60% paths 20000" Enter
wait_until 10 screen_has 'Ctrl-C stops'
sent=$SECONDS
tmux_ send-keys -t int C-c
if wait_until 3 screen_has 'simulation stopped at [0-9]+%.*the session is unchanged' && wait_until 2 prompt_ready \
    && [ $((SECONDS - sent)) -le 2 ]; then
    pass "item 2: Ctrl-C stops simulate within a second and says the session is unchanged"
else
    fail "item 2: Ctrl-C stops simulate within a second"
fi
if screen_has 'EXIT='; then fail "item 2: the REPL survives Ctrl-C during simulate"; else pass "item 2: the REPL survives Ctrl-C during simulate"; fi
tmux_ send-keys -t int "simulate 200 cycles winrate 60% paths 20000" Enter
wait_until 10 screen_has 'Ctrl-C stops'
tmux_ send-keys -t int C-d
wait_until 60 screen_has 'one standard error'
wait_until 5 prompt_ready
tmux_ send-keys -t int "vix 21" Enter
if wait_until 5 screen_has '^VIX 21' && ! screen_has 'EXIT='; then
    pass "item 2: a Ctrl-D typed during simulate neither ends the REPL nor spoils the next line"
else
    fail "item 2: a Ctrl-D typed during simulate neither ends the REPL nor spoils the next line"
fi
if LC_ALL=C grep -q '[[:cntrl:]]' "$state/hedgebook/history"; then
    fail "item 2: no control character lands in the history"
else
    pass "item 2: no control character lands in the history"
fi
tmux_ send-keys -t int "quit" Enter

# --- Item 4: a lesson full of escape sequences, walked in teaching mode ------------------
window=lesson
printf '# Hostile \033]0;pwned-title\007lesson\n\nbefore-clear \033[2J\033[H after-clear \033]52;c;cHduZWQ=\007 \342\200\256reversed\n\n```hedgebook\naccount 100000\n```\n\nnext \033[31mred\n\n```hedgebook\nvix 20\n```\n' > "$work/hostile.md"
tmux_ new-session -d -s lesson -x 100 -y 40 "env LC_ALL=C.UTF-8 '$binary' teach '$work/hostile.md'; echo EXIT=\$?; sleep 600"
wait_until 10 screen_has 'cell 1/'
title=$(tmux_ display -p -t lesson '#{pane_title}')
if [ "$title" != pwned-title ] && screen_has 'before-clear \?\[2J\?\[H after-clear'; then
    pass "item 4: teach neither retitles the terminal nor clears it (title '$title')"
else
    fail "item 4: teach neither retitles the terminal nor clears it (title '$title')"
fi
tmux_ send-keys -t lesson n
if wait_until 5 screen_has 'cell 2/' && screen_has 'next \?\[31mred'; then
    pass "item 4: the next cell shows its escape sequence as text"
else
    fail "item 4: the next cell shows its escape sequence as text"
fi
tmux_ send-keys -t lesson q

# --- Item 7: two REPLs on one history -------------------------------------------------------
shared="$work/shared"
two() { tmux_ new-session -d -s "$1" -x 100 -y 30 "env HOME='$work/home' XDG_STATE_HOME='$shared' LC_ALL=C.UTF-8 NO_COLOR=1 '$binary'; sleep 600"; }
two alpha; two beta
window=alpha; wait_until 10 prompt_ready
window=beta; wait_until 10 prompt_ready
tmux_ send-keys -t alpha "vix 21" Enter; window=alpha; wait_until 5 screen_has '^VIX 21'
tmux_ send-keys -t beta "vix 22" Enter; window=beta; wait_until 5 screen_has '^VIX 22'
tmux_ send-keys -t alpha "vix 23" Enter; window=alpha; wait_until 5 screen_has '^VIX 23'
tmux_ send-keys -t beta "quit" Enter; tmux_ send-keys -t alpha "quit" Enter
sleep 0.5
if [ "$(grep -cE '^vix 2[123]$' "$shared/hedgebook/history" 2>/dev/null)" = 3 ]; then
    pass "item 7: two REPLs on one history keep each other's lines"
else
    fail "item 7: two REPLs on one history keep each other's lines ($(tr '\n' '|' < "$shared/hedgebook/history" 2>/dev/null))"
fi
two gamma; window=gamma; wait_until 10 prompt_ready
tmux_ send-keys -t gamma Up Up Up  # quit (twice, kept once), vix 23, vix 22
if wait_until 3 eval "current_line | grep -qE '› vix 22$'"; then
    pass "item 7: a new REPL recalls the lines of both"
else
    fail "item 7: a new REPL recalls the lines of both"
fi
tmux_ send-keys -t gamma C-e C-u "quit" Enter

# --- Item 6: a history linked to /dev/null keeps history off -------------------------------
nulled="$work/nulled"
mkdir -p "$nulled/hedgebook" && chmod 700 "$nulled/hedgebook"
ln -s /dev/null "$nulled/hedgebook/history"
tmux_ new-session -d -s null -x 100 -y 30 "env HOME='$work/home' XDG_STATE_HOME='$nulled' LC_ALL=C.UTF-8 NO_COLOR=1 '$binary'; echo EXIT=\$?; sleep 600"
window=null; wait_until 10 prompt_ready
tmux_ send-keys -t null "vix 20" Enter "quit" Enter
wait_until 5 screen_has '^EXIT=0'
if [ -L "$nulled/hedgebook/history" ] && [ -c /dev/null ] && ! screen_has 'cannot save history'; then
    pass "item 6: a history linked to /dev/null stays a link, /dev/null stays a device, no warning"
else
    fail "item 6: a history linked to /dev/null keeps history off"
fi

# --- Item 13: quit with unsaved cells keeps them for recover, and says so -----------------
window=unsaved
kept="$work/kept"
tmux_ new-session -d -s unsaved -x 120 -y 30 "env HOME='$work/home' XDG_STATE_HOME='$kept' LC_ALL=C.UTF-8 NO_COLOR=1 '$binary'; echo EXIT=\$?; sleep 600"
wait_until 10 prompt_ready
tmux_ send-keys -t unsaved "account 100000" Enter "quit" Enter
if wait_until 5 screen_has '^EXIT=0' && screen_has 'not saved: the journal keeps them' \
    && [ -n "$(ls "$kept/hedgebook/sessions" 2>/dev/null | grep -E '^[0-9]+\.journal$')" ]; then
    pass "item 13: quit with unsaved cells keeps the journal and says recover brings them back"
else
    fail "item 13: quit with unsaved cells keeps the journal and says recover brings them back"
fi
tmux_ kill-session -t unsaved
tmux_ new-session -d -s unsaved -x 120 -y 30 "env HOME='$work/home' XDG_STATE_HOME='$kept' LC_ALL=C.UTF-8 NO_COLOR=1 '$binary'; echo EXIT=\$?; sleep 600"
if wait_until 10 prompt_ready && screen_has 'with 2 cells was not closed cleanly'; then
    pass "item 13: the next start offers the unsaved cells"
else
    fail "item 13: the next start offers the unsaved cells"
fi
tmux_ send-keys -t unsaved "recover" Enter "save $work/unsaved.hb" Enter "quit" Enter
if wait_until 5 screen_has '^EXIT=0' && [ -z "$(ls "$kept/hedgebook/sessions" 2>/dev/null | grep -E '\.journal$')" ]; then
    pass "item 13: after save, quit removes the journal"
else
    fail "item 13: after save, quit removes the journal ($(ls "$kept/hedgebook/sessions" 2>/dev/null | tr '\n' ' '))"
fi

# --- Item 11: every report at 80 columns, no line wider than the terminal -----------------
window=narrow
tmux_ new-session -d -s narrow -x 80 -y 50 "env HOME='$work/home' XDG_STATE_HOME='$work/narrow' LC_ALL=C.UTF-8 NO_COLOR=1 PAGER=cat '$binary'; echo EXIT=\$?; sleep 600"
wait_until 10 prompt_ready
for line in "date 2026-01-05" "account 100000" "set underlying xsp" condor layers "risk winrate 60%" progression settings journal "journal entries" \
    "open condor" "hedge L1" positions "shock spx -8% vix 30" "grid spx -6%..6% step 3% vix 15..35 step 5" payoff \
    "sweep account 50k..200k step 50k layers" "sweep delta 10..20 step 5 condor" why help "help sweep" \
    "simulate 20 trades winrate 60% paths 50" "simulate 2 years paths 10" "iv condor" "payoff vix" history triggers "advance 7"; do
    tmux_ send-keys -t narrow "$line" Enter
    wait_until 10 prompt_ready
done
tmux_ send-keys -t narrow "quit" Enter
wait_until 5 screen_has 'EXIT='
# The whole scrollback, wrapped lines joined (-J): a line the terminal wrapped comes back whole.
# Widths count characters (awk would count bytes). Prompt lines are left out: what follows the
# prompt is the user's own typing, which the line editor wraps.
wide=$(tmux_ capture-pane -p -J -S - -t narrow | python3 -c 'import re, sys; [print(l) for l in sys.stdin.read().splitlines() if len(l) > 80 and not re.match(r"\[\d+\] .*› ", l)]' | head -3)
if [ -z "$wide" ] && tmux_ capture-pane -p -J -S - -t narrow | grep -q 'gross premium'; then
    pass "item 11: every report at 80 columns, no line wider than the terminal"
else
    fail "item 11: every report at 80 columns, no line wider than the terminal: $wide"
fi

echo "solid: $passes passed, $failures failed"
[ "$failures" -eq 0 ]
