#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Why a file operation failed, in words (the path and the system's reason).
public struct FileError: Error, Sendable, Equatable {
    public var message: String
    /// The system's reason alone ("No such file or directory"), when the system gave one.
    public var reason: String?

    public init(_ message: String, reason: String? = nil) {
        self.message = message
        self.reason = reason
    }

    public static func system(_ what: String, _ path: String) -> FileError {
        let reason = String(cString: strerror(errno))
        return FileError("cannot \(what) \(path): \(reason)", reason: reason)
    }
}

/// Files as the shell needs them: whole-file reads, atomic writes, synced appends.
///
/// Every write that replaces a file goes to a temporary file in the same folder, is
/// fsync'd, then renamed over the target, so a crash or a full disk leaves the old file whole.
public enum FileStore {
    /// The largest file hedgebook reads: a script, a notebook, a lesson, a journal, the history.
    /// (A 100,000-line script is about 2 MB; a million-cell journal about 12 MB.)
    public static let maximumFileSize = 32 << 20

    /// The whole file as UTF-8 text (invalid bytes become U+FFFD). Only a regular file of at
    /// most ``maximumFileSize`` bytes is read: a FIFO, a device (`/dev/zero`) or a directory is
    /// refused at once, never waited on or read forever.
    public static func read(_ path: String) throws(FileError) -> String {
        // O_NONBLOCK: opening a FIFO with no writer must not hang before the check below.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .system("read", path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .system("read", path) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            let reason = "\(kind(st.st_mode)), not a regular file"
            throw FileError("cannot read \(path): \(reason)", reason: reason)
        }
        guard Int(st.st_size) <= maximumFileSize else {
            let reason = "it is \(Int(st.st_size) >> 20) MiB; hedgebook reads files of at most \(maximumFileSize >> 20) MiB"
            throw FileError("cannot read \(path): \(reason)", reason: reason)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            guard bytes.count <= maximumFileSize else {
                let reason = "it grew past \(maximumFileSize >> 20) MiB while being read"
                throw FileError("cannot read \(path): \(reason)", reason: reason)
            }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .system("read", path)
            }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What a file that is not a regular file is, in words.
    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "it is a directory"
        case S_IFIFO: return "it is a FIFO"
        case S_IFCHR, S_IFBLK: return "it is a device"
        case S_IFSOCK: return "it is a socket"
        case S_IFLNK: return "it is a symbolic link"
        default: return "it is not a regular file"
        }
    }

    /// The file a write to `path` replaces or creates: `path` itself, or — when `path` is a
    /// symbolic link to a regular file — the link's target, so the link stays and the target is
    /// replaced atomically (as editors do). Refused, with the reason: a directory, a FIFO, a
    /// device or a socket (at `path` or behind the link), a link to nothing, and any link in a
    /// sticky folder others can write (`/tmp`), where someone else may have planted it.
    public static func writeTarget(_ path: String) throws(FileError) -> String {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return path }
            throw .system("write", path)
        }
        func refuse(_ reason: String) -> FileError {
            FileError("cannot write \(path): \(reason); hedgebook writes regular files only", reason: reason)
        }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return path
        case S_IFLNK: break
        default: throw refuse(kind(st.st_mode))
        }
        let folder = directory(of: path)
        var dir = stat()
        if stat(folder, &dir) == 0, (dir.st_mode & S_ISVTX) != 0, (dir.st_mode & 0o002) != 0 {
            let reason = "it is a symbolic link in \(folder), a sticky folder anyone can write to, and hedgebook never follows those"
            throw FileError("cannot write \(path): \(reason)", reason: reason)
        }
        var target = stat()
        guard stat(path, &target) == 0 else {
            if errno == ENOENT { throw refuse("it is a symbolic link to a file that does not exist") }
            throw .system("write", path)
        }
        guard (target.st_mode & S_IFMT) == S_IFREG else {
            throw refuse("it is a symbolic link to something that is not a regular file (\(kind(target.st_mode).dropFirst(6)))")
        }
        guard let resolved = realpath(path, nil) else { throw .system("write", path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether a file (or anything) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// Writes `text` to `path` atomically: a new file gets `mode` less the umask, a replaced one
    /// keeps its permissions — unless `exactMode`, when the file always gets exactly `mode`
    /// (the history: 0600 whatever was there). Refuses to replace an existing file unless
    /// `overwrite` is true. On any failure the old file, if any, is untouched and no temporary
    /// file is left.
    public static func writeAtomically(
        _ text: String, to path: String, overwrite: Bool, mode: mode_t = 0o644, exactMode: Bool = false
    ) throws(FileError) {
        if !overwrite && exists(path) {
            throw FileError("\(path) already exists; use `save! \(path)` to replace it")
        }
        let shown = path
        let path = try writeTarget(path)
        let folder = directory(of: path)
        var template = Array((folder + "/.hedgebook-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .system("write in", folder) }
        let tempPath = String(cString: template)
        do throws(FileError) {
            try writeAll(fd, Array(text.utf8), path: shown)
            guard fchmod(fd, exactMode ? mode : permissions(replacing: path, new: mode)) == 0, fsync(fd) == 0 else {
                throw .system("write", shown)
            }
        } catch {
            close(fd)
            unlink(tempPath)
            throw error
        }
        guard close(fd) == 0 else {
            let failure = FileError.system("write", shown)
            unlink(tempPath)
            throw failure
        }
        try moveIntoPlace(tempPath, path, overwrite: overwrite)
        syncDirectory(folder)
    }

    /// Renames the written temporary file over `path`; without `overwrite`, links it instead, so
    /// a file that appeared since the check is never replaced (link(2) fails with EEXIST).
    private static func moveIntoPlace(_ tempPath: String, _ path: String, overwrite: Bool) throws(FileError) {
        defer { unlink(tempPath) }
        if !overwrite {
            if link(tempPath, path) == 0 { return }
            if errno == EEXIST { throw FileError("\(path) already exists; use `save! \(path)` to replace it") }
            // A file system without hard links: the check above is the guard.
            guard errno == EPERM || errno == EOPNOTSUPP || errno == EXDEV else { throw .system("write", path) }
        }
        guard rename(tempPath, path) == 0 else { throw .system("write", path) }
    }

    /// A replaced file keeps its permission bits; a new one gets `new` less the umask.
    private static func permissions(replacing path: String, new: mode_t) -> mode_t {
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG { return st.st_mode & 0o7777 }
        let mask = umask(0o022)
        umask(mask)
        return new & ~mask
    }

    /// Appends `text` to `path` (creating it with `mode`) and fsyncs before returning.
    public static func appendSynced(_ text: String, to path: String, mode: mode_t = 0o600) throws(FileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .system("write", path) }
        defer { close(fd) }
        try writeAll(fd, Array(text.utf8), path: path)
        guard fsync(fd) == 0 else { throw .system("sync", path) }
    }

    /// Removes a file; a missing file is not an error.
    public static func remove(_ path: String) {
        unlink(path)
    }

    /// Creates `path` and its parents with `mode` where missing.
    public static func makeDirectories(_ path: String, mode: mode_t = 0o700) throws(FileError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, mode) != 0 && errno != EEXIST { throw .system("create", current) }
        }
    }

    /// The folder holding `path` ("." for a bare name).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(FileError) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .system("write", path)
            }
            offset += n
        }
    }

    /// Makes a rename or a new file in `folder` durable (fsync of the folder itself).
    static func syncDirectory(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
