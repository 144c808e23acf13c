import Glibc
import HedgebookShell

/// An unbuffered `TextOutputStream` over a file descriptor (write(2), retried on EINTR).
struct FileStream: TextOutputStream {
    let descriptor: Int32

    static var standardOutput: FileStream { FileStream(descriptor: 1) }
    static var standardError: FileStream { FileStream(descriptor: 2) }

    mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { buffer in
            guard var base = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let n = Glibc.write(descriptor, base, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                base += n
                left -= n
            }
        }
    }
}

/// Standard output gathered into 64 KiB writes, for scripts: one write(2) per line cost a
/// fifth of `hedgebook run` on a long script. Standard error, through ``errors``, empties
/// the buffer first, so results and errors keep their order on a shared terminal or file.
final class BufferedOutput {
    static let capacity = 1 << 16
    private var pending: [UInt8] = []
    private var sink = FileStream.standardOutput

    init() { pending.reserveCapacity(Self.capacity) }

    func append(_ string: String) {
        var text = string
        text.withUTF8 { pending.append(contentsOf: $0) }
        if pending.count >= Self.capacity { flush() }
    }

    /// Writes what is pending.
    func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBufferPointer { bytes in
            sink.write(String(decoding: bytes, as: UTF8.self))
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// The stream results go to.
    var output: Stream { Stream(buffer: self, toError: false) }
    /// The stream errors go to: unbuffered, after what is pending on standard output.
    var errors: Stream { Stream(buffer: self, toError: true) }

    struct Stream: TextOutputStream {
        let buffer: BufferedOutput
        let toError: Bool

        mutating func write(_ string: String) {
            if toError {
                buffer.flush()
                var stderr = FileStream.standardError
                stderr.write(string)
            } else {
                buffer.append(string)
            }
        }
    }
}

/// Whole-file reads for the executable, with the reason apart from the path for its messages.
enum FileReader {
    enum Failure: Error {
        case cannotRead(path: String, reason: String)
    }

    /// The file's bytes as UTF-8 text.
    static func text(atPath path: String) throws(Failure) -> String {
        do { return try FileStore.read(path) } catch {
            throw .cannotRead(path: path, reason: error.reason ?? error.message)
        }
    }

    static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
