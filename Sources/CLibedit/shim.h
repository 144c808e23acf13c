#ifndef HEDGEBOOK_CLIBEDIT_SHIM_H
#define HEDGEBOOK_CLIBEDIT_SHIM_H

// libedit's el_set and history are variadic, which Swift cannot call:
// each call hedgebook needs is wrapped here in a static inline function.
// Only Sources/hedgebook/LineEditor.swift imports this module.

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <histedit.h>
#include <locale.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <wchar.h>
#include <limits.h>

typedef char *(*hb_prompt_fn)(EditLine *);
typedef unsigned char (*hb_command_fn)(EditLine *, int);

static inline int hb_el_set_prompt_esc(EditLine *el, hb_prompt_fn fn, char esc) {
    return el_set(el, EL_PROMPT_ESC, fn, esc);
}
static inline int hb_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}
static inline int hb_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}
static inline int hb_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}
static inline int hb_el_add_function(EditLine *el, const char *name, const char *help, hb_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}
static inline int hb_el_bind(EditLine *el, const char *key, const char *name) {
    return el_set(el, EL_BIND, key, name, NULL);
}
static inline int hb_el_source_default(EditLine *el) {
    return el_source(el, NULL);
}
static inline int hb_el_set_clientdata(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}
static inline void *hb_el_get_clientdata(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}
/// The terminal's width in columns as libedit knows it (80 when unknown).
static inline int hb_el_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns, (void *)0) != 0 || columns <= 0) return 80;
    return columns;
}

// ---- Ctrl-C ---------------------------------------------------------------
// SIGINT only sets a flag (no SA_RESTART, so a blocked read(2) returns EINTR).
// libedit's own read function retries a read once after EINTR, so a first Ctrl-C
// would be swallowed: hb_read_char replaces it and gives up at once when the flag
// is set, which makes el_gets return NULL with count -1 and errno EINTR.
// Other signals that interrupt the read (SIGWINCH, SIGCONT) just read again.

static volatile sig_atomic_t hb_sigint_seen = 0;

static inline void hb_sigint_handler(int signo) {
    (void)signo;
    hb_sigint_seen = 1;
}
static inline int hb_install_sigint_handler(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = hb_sigint_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, NULL);
}
/// Returns 1 when a SIGINT arrived since the last call, and clears it.
static inline int hb_take_sigint(void) {
    int seen = hb_sigint_seen != 0;
    hb_sigint_seen = 0;
    return seen;
}

static inline int hb_read_char(EditLine *el, wchar_t *out) {
    FILE *in = NULL;
    int fd = 0;
    if (el_get(el, EL_GETFP, 0, &in) == 0 && in != NULL) fd = fileno(in);
    char bytes[MB_LEN_MAX];
    size_t count = 0;
    for (;;) {
        ssize_t n = read(fd, bytes + count, 1);
        if (n == -1) {
            if (errno == EINTR && !hb_sigint_seen) continue;
            *out = L'\0';
            return -1;  /* errno is EINTR after Ctrl-C */
        }
        if (n == 0) {
            *out = L'\0';
            return 0;
        }
        count++;
        mbstate_t state;
        memset(&state, 0, sizeof state);
        size_t used = mbrtowc(out, bytes, count, &state);
        if (used == (size_t)-2) {          /* incomplete sequence: read on */
            if (count < sizeof bytes) continue;
            count = 0;
            continue;
        }
        if (used == (size_t)-1) {          /* invalid byte: drop it */
            count = 0;
            continue;
        }
        return 1;
    }
}
static inline int hb_el_use_interruptible_read(EditLine *el) {
    return el_set(el, EL_GETCFN, hb_read_char);
}

// ---- History ----------------------------------------------------------------

static inline History *hb_history_init(int size) {
    History *h = history_init();
    if (h == NULL) return NULL;
    HistEvent ev;
    history(h, &ev, H_SETSIZE, size);
    history(h, &ev, H_SETUNIQUE, 1);
    return h;
}
static inline int hb_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}
static inline int hb_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}
static inline int hb_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

#endif
