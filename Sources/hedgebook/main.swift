import Glibc

// The thin executable: parse the command line, then run the REPL or a script.
exit(Entry.main(Array(CommandLine.arguments.dropFirst())))
