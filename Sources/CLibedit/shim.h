#ifndef HEDGEBOOK_CLIBEDIT_SHIM_H
#define HEDGEBOOK_CLIBEDIT_SHIM_H

// libedit's el_set and history are variadic, which Swift cannot call:
// each call hedgebook needs is wrapped here in a static inline function.

#include <stdio.h>
#include <histedit.h>
#include <locale.h>
#include <signal.h>
#include <errno.h>

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
