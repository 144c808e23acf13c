# Helpers shared by the PTY tests. Source it after setting `socket` (the private tmux
# server's name) and `window` (the tmux session whose screen the checks read).

export TERM=${TERM:-xterm-256color}
[ "$TERM" = dumb ] && export TERM=xterm-256color

failures=0
passes=0

tmux_() { tmux -L "$socket" -f /dev/null "$@"; }
pass() { echo "PASS: $1"; passes=$((passes + 1)); }
fail() {
    echo "FAIL: $1"
    echo "--- screen ---"
    screen | sed '/^$/d' | tail -15 | sed 's/^/    /'
    echo "--------------"
    failures=$((failures + 1))
}

screen() { tmux_ capture-pane -p -t "$window" 2>/dev/null; }
# The last non-empty line on the screen: the line being edited.
current_line() { screen | sed '/^$/d' | tail -1; }
screen_has() { screen | grep -qE -- "$1"; }
# The REPL's prompt is the line being edited: `[3] › ` or `[3] step 2 · $99,100 › `.
prompt_ready() { current_line | grep -qE '^\[[0-9]+\]( .*)? ›$'; }

# wait_until SECONDS COMMAND...: poll every 0.05 s until COMMAND succeeds.
wait_until() {
    local limit=$1; shift
    local deadline=$((SECONDS + limit))
    while [ $SECONDS -le $deadline ]; do
        "$@" && return 0
        sleep 0.05
    done
    return 1
}
