#ifndef HEDGEBOOK_CSQLITE_SHIM_H
#define HEDGEBOOK_CSQLITE_SHIM_H

// SQLite's C API. Only Sources/HedgebookShell/History/SQLiteDatabase.swift imports this module.

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro Swift cannot import: bound text is copied by SQLite.
static inline sqlite3_destructor_type hb_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
