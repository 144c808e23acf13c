#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Reads a history file: a regular file (not a pipe, a device or a folder) of at most
/// ``maximumBytes``, whole, as UTF-8 text.
enum BoundedFile {
    /// 16 MiB: the Cboe's full daily VIX history since 1990 is about 0.5 MB, SPX since 1927 about 2 MB.
    static let maximumBytes = 16 << 20

    static func read(_ path: String, limit: Int = maximumBytes) throws(HistoryError) -> String {
        let shown = HistoryCSV.shown(path)
        func failure(_ what: String) -> HistoryError {
            HistoryError("cannot read \(shown): \(what)")
        }
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw failure(String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure(String(cString: strerror(errno))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw failure("not a regular file") }
        guard Int(st.st_size) <= limit else {
            throw failure("\(Int(st.st_size)) bytes is more than the \(limit >> 20) MiB a history file may hold")
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw failure(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            guard bytes.count <= limit else { throw failure("it grew past \(limit >> 20) MiB while being read") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
