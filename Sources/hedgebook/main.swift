import Glibc

// A file-size limit (`ulimit -f`) must not kill the process mid-write: with SIGXFSZ ignored the
// write fails with EFBIG, which FileStore reports as a located error after removing its
// temporary file, and the journal reports as "cannot write the session journal".
signal(SIGXFSZ, SIG_IGN)
// A pager quit early, or `hedgebook run … | head`, closes the pipe: the write fails, no death.
signal(SIGPIPE, SIG_IGN)

// The thin executable: parse the command line, then run the REPL or a script.
exit(Entry.main(Array(CommandLine.arguments.dropFirst())))
