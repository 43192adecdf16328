import Foundation
import Glibc
import TestSupport
import Testing

/// Where the package and the built executable are.
enum Paths {
    /// The package root: holds Package.swift and the shipped Questionnaires/ and Modules/.
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            url.deleteLastPathComponent()
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// The `zorgbrug` executable built next to the test bundle (`swift build --build-tests` builds both).
    static func binary() throws -> String {
        var candidates: [String] = []
        if let bundle = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("zorgbrug").path)
        }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("zorgbrug").path)
        }
        candidates.append(packageRoot + "/.build/debug/zorgbrug")
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw ProcessFailure("no built zorgbrug executable next to the tests (looked at \(candidates)); run `swift build --build-tests` first")
        }
        return found
    }
}

/// A test failure about a child process, with what it printed.
struct ProcessFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// A fresh directory under the system temporary directory; `remove()` deletes it.
struct TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "zorgbrug-cli-" + UUID().uuidString.lowercased()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// What a finished `zorgbrug` run produced.
struct CommandResult: Sendable {
    let status: Int32
    let stdout: String
    let stderr: String

    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// One `zorgbrug` child process. Its standard output and error go to files (no pipe can fill up and stall it), so
/// what it printed so far can be read at any time. Waits are bounded; `kill()` cleans up after a failed test.
final class ZorgbrugProcess: Sendable {
    private let process: ChildProcess
    private let outputDirectory: TemporaryDirectory
    let arguments: [String]

    /// Starts `zorgbrug arguments…` with `ZORGBRUG_*` variables removed from the inherited environment and
    /// `environment` added.
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        self.arguments = arguments
        outputDirectory = try TemporaryDirectory()
        var inherited = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ZORGBRUG_") }
        inherited["COLUMNS"] = "100"
        process = try ChildProcess(
            try Paths.binary(), arguments, environment: inherited.merging(environment) { $1 },
            directory: outputDirectory.path, stdout: .file(outputDirectory.file("stdout")),
            stderr: .file(outputDirectory.file("stderr")))
    }

    deinit {
        kill()
        outputDirectory.remove()
    }

    var pid: Int32 { process.pid }
    var stdout: String { (try? String(contentsOfFile: outputDirectory.file("stdout"), encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: outputDirectory.file("stderr"), encoding: .utf8)) ?? "" }
    var isRunning: Bool { process.isRunning }

    /// Sends `signal` (e.g. `SIGTERM`) to the process.
    func send(_ signal: Int32) {
        process.send(signal)
    }

    /// Ends the process at once if it still runs (cleanup after a failed expectation).
    func kill() {
        guard process.isRunning else { return }
        process.send(SIGKILL)
        process.waitBlocking()
    }

    /// Waits for the process to exit and returns its exit status; throws (after killing it) on timeout or when it
    /// died of a signal.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(60)) async throws -> Int32 {
        guard let ended = await process.wait(timeout: timeout) else {
            kill()
            throw ProcessFailure("zorgbrug \(arguments.joined(separator: " ")) did not exit within \(timeout)\n\(transcript)")
        }
        switch ended {
        case .exited(let code): return code
        case .signalled(let signal): throw ProcessFailure("zorgbrug was killed by signal \(signal)\n\(transcript)")
        }
    }

    /// Waits until `condition` holds for (stdout, stderr); returns them. Throws on timeout or when the process
    /// exits first.
    @discardableResult
    func waitForOutput(
        timeout: Duration = .seconds(30), _ condition: (_ stdout: String, _ stderr: String) -> Bool
    ) async throws -> (stdout: String, stderr: String) {
        let deadline = ContinuousClock.now + timeout
        while true {
            let output = (stdout, stderr)
            if condition(output.0, output.1) { return output }
            if !process.isRunning {
                let output = (stdout, stderr)
                if condition(output.0, output.1) { return output }
                throw ProcessFailure("zorgbrug exited (\(process.termination.map { "\($0)" } ?? "?")) before the expected output\n\(transcript)")
            }
            if ContinuousClock.now >= deadline {
                throw ProcessFailure("zorgbrug did not print the expected output within \(timeout)\n\(transcript)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// The command, its standard output and error, for failure messages.
    var transcript: String {
        "$ zorgbrug \(arguments.joined(separator: " "))\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
}

enum Zorgbrug {
    /// Runs `zorgbrug arguments…` to completion.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60)) async throws -> CommandResult {
        let process = try ZorgbrugProcess(arguments, environment: environment)
        let status = try await process.waitForExit(timeout: timeout)
        return CommandResult(status: status, stdout: process.stdout, stderr: process.stderr)
    }

    /// Runs `zorgbrug arguments…`, expects exit status 0 and returns its standard output.
    static func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await run(arguments)
        #expect(result.status == 0, "zorgbrug \(arguments.joined(separator: " ")) failed:\n\(result.stdout)\(result.stderr)", sourceLocation: sourceLocation)
        return result.stdout
    }
}

/// A running `zorgbrug serve`, and the URL it printed.
struct RunningServer: Sendable {
    let process: ZorgbrugProcess
    /// `http://127.0.0.1:PORT`, parsed from the listening line.
    let baseURL: String
    let port: Int

    /// Starts `zorgbrug serve arguments…` and waits for its listening line.
    static func start(_ arguments: [String], environment: [String: String] = [:]) async throws -> RunningServer {
        let process = try ZorgbrugProcess(["serve"] + arguments, environment: environment)
        do {
            let (stdout, _) = try await process.waitForOutput { stdout, _ in listeningURL(in: stdout) != nil }
            let (base, port) = try #require(listeningURL(in: stdout))
            return RunningServer(process: process, baseURL: base, port: port)
        } catch {
            process.kill()
            throw error
        }
    }

    /// The base URL and port from `Zorgbrug is listening on http://HOST:PORT/fhir …`, once the line is complete.
    static func listeningURL(in stdout: String) -> (String, Int)? {
        guard let line = stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .first(where: { $0.hasPrefix("Zorgbrug is listening on ") })
        else { return nil }
        let url = line.dropFirst("Zorgbrug is listening on ".count).prefix { $0 != " " }
        guard url.hasSuffix("/fhir") else { return nil }
        let base = String(url.dropLast("/fhir".count))
        guard let colon = base.lastIndex(of: ":"), let port = Int(base[base.index(after: colon)...]) else { return nil }
        return (base, port)
    }

    /// Sends SIGTERM and waits for the exit status.
    func stop(signal: Int32 = SIGTERM) async throws -> Int32 {
        process.send(signal)
        return try await process.waitForExit(timeout: .seconds(60))
    }
}

/// Runs `body` with a started server and makes sure the process is gone afterwards.
func withRunningServer<T>(
    _ arguments: [String], environment: [String: String] = [:], _ body: (RunningServer) async throws -> T
) async throws -> T {
    let server = try await RunningServer.start(arguments, environment: environment)
    do {
        let result = try await body(server)
        server.process.kill()
        return result
    } catch {
        Issue.record("server output:\n\(server.process.transcript)")
        server.process.kill()
        throw error
    }
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
func freePort() throws -> Int {
    let listener = try Listener()
    return listener.port
}

/// A socket listening on 127.0.0.1 at a free port, holding it busy until released.
final class Listener: @unchecked Sendable {
    // @unchecked: `fd` and `port` are set once.
    private let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ProcessFailure("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw ProcessFailure("cannot bind a test port")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: actual.sin_port))
    }

    deinit {
        close(fd)
    }
}
