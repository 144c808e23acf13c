import ArgumentParser
import Glibc

/// Parses the arguments and maps every outcome to an exit status:
/// 0 success, 1 a command failed, 2 a usage error (unknown flag, unreadable file).
enum Entry {
    static func main(_ arguments: [String]) -> Int32 {
        do {
            var command = try Hedgebook.parseAsRoot(arguments)
            if let root = command as? Hedgebook {
                return root.execute()
            }
            if let run = command as? Run {
                return run.execute()
            }
            if let check = command as? Check {
                return check.execute()
            }
            if let teach = command as? Teach {
                return teach.execute()
            }
            if let data = command as? any DataSubcommand {
                return data.execute()
            }
            try command.run()
            return 0
        } catch {
            let message = Hedgebook.fullMessage(for: error)
            if Hedgebook.exitCode(for: error) == .success {
                var output = FileStream.standardOutput
                if !message.isEmpty { output.write(message + "\n") }
                return 0
            }
            var errors = FileStream.standardError
            errors.write(message + "\n")
            return 2
        }
    }
}
