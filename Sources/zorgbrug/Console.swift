import Foundation

/// Writes to standard output unbuffered, so lines reach a pipe or log file at once (a long-running server would
/// otherwise hold them in the C stdio buffer until exit).
enum Console {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
