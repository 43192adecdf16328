import Foundation

/// A real HTTP(S) server for the tests: `python3` running ``ReceiverScript`` on a free loopback port.
final class TestReceiver {
    private let process = Process()
    private let input = Pipe()
    private let directory: URL
    /// The port it listens on (127.0.0.1).
    let port: Int
    /// `http://127.0.0.1:PORT` or `https://…`.
    let baseURL: String

    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts an HTTP receiver, or an HTTPS one with `tls` (server certificate, key, optional client CA).
    init(tls: (certificate: String, key: String, clientCA: String?)? = nil) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("zorgbrug-client-receiver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("receiver.py")
        try ReceiverScript.source.write(to: script, atomically: true, encoding: .utf8)

        var arguments = ["python3", script.path]
        if let tls {
            arguments += ["tls", tls.certificate, tls.key]
            if let clientCA = tls.clientCA { arguments.append(clientCA) }
        }
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()

        var buffer = Data()
        while !buffer.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        let line = String(decoding: buffer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(line) else {
            process.terminate()
            throw StartFailure(description: "the python3 test receiver did not start (printed \"\(line)\")")
        }
        self.port = port
        baseURL = "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)"
    }

    /// Stops the server and removes its files.
    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    deinit {
        if process.isRunning { stop() }
    }
}
