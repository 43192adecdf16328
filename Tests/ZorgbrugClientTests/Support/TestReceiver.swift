import Foundation
import Glibc
import TestSupport

/// A real HTTP(S) server for the tests: `python3` running ``ReceiverScript`` on a free loopback port.
final class TestReceiver {
    private let process: ChildProcess
    /// The write end of the receiver's stdin: it runs until this closes.
    private let input: Int32
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
        let stdinPipe = try makeChildPipe()
        let stdoutPipe = try makeChildPipe()
        do {
            process = try ChildProcess(
                "/usr/bin/env", arguments, stdin: .descriptor(stdinPipe.readEnd), stdout: .descriptor(stdoutPipe.writeEnd))
        } catch {
            for fd in [stdinPipe.readEnd, stdinPipe.writeEnd, stdoutPipe.readEnd, stdoutPipe.writeEnd] { close(fd) }
            throw error
        }
        close(stdinPipe.readEnd)
        close(stdoutPipe.writeEnd)
        input = stdinPipe.writeEnd

        // The receiver prints its port on the first line.
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        while !buffer.contains(UInt8(ascii: "\n")) {
            let count = chunk.withUnsafeMutableBytes { read(stdoutPipe.readEnd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }  // a signal to the test process, not the end of the pipe
            if count <= 0 { break }
            buffer += chunk[0..<count]
        }
        close(stdoutPipe.readEnd)
        let line = String(decoding: buffer, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(line) else {
            close(input)
            process.send(SIGKILL)
            process.waitBlocking()
            throw StartFailure(description: "the python3 test receiver did not start (printed \"\(line)\")")
        }
        self.port = port
        baseURL = "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)"
    }

    /// Stops the server and removes its files.
    func stop() {
        close(input)
        process.send(SIGTERM)
        process.waitBlocking()
        try? FileManager.default.removeItem(at: directory)
    }

    deinit {
        if process.isRunning { stop() }
    }
}
