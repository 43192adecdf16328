import Foundation
import Glibc
import Synchronization

/// A child process started with `posix_spawn`, for tests that run `curl`, `openssl`, `python3`, `/bin/sh` or the
/// `zorgbrug` binary.
///
/// Why not Foundation's `Process`: on Linux (Swift 6.3) its `run()` reads `/proc/self/fd` with a 256-byte over-read
/// of each directory entry and crashes now and then (SIGSEGV in `memmove`, swift-corelibs-foundation PR #5472),
/// the more likely the more descriptors the process has open — and a test process running hundreds of servers and
/// SQLite stores in parallel has thousands. This type closes every descriptor above 2 in the child
/// (`posix_spawn_file_actions_addclosefrom_np`), resets signal dispositions and the signal mask, and reaps the child
/// itself.
public final class ChildProcess: Sendable {
    /// Where the child's standard input comes from.
    public enum Input: Sendable {
        case null
        /// A descriptor of the parent's (e.g. the read end of a pipe); duplicated onto the child's stdin.
        case descriptor(Int32)
    }

    /// Where the child's standard output or error goes.
    public enum Output: Sendable {
        case null
        /// A file, created or truncated.
        case file(String)
        /// A descriptor of the parent's (e.g. the write end of a pipe).
        case descriptor(Int32)
    }

    /// How the child ended.
    public enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signalled(Int32)

        /// The exit status; for a signal, 128 + the signal number (as a shell reports it).
        public var status: Int32 {
            switch self {
            case .exited(let code): code
            case .signalled(let signal): 128 + signal
            }
        }
    }

    /// The child could not be started.
    public struct SpawnError: Error, CustomStringConvertible {
        public let executable: String
        public let code: Int32
        public var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    public let pid: pid_t
    private let ended = Mutex<Termination?>(nil)

    /// Starts `executable` (an absolute path) with `arguments`.
    ///
    /// - Parameters:
    ///   - environment: the child's whole environment; `nil` inherits the parent's.
    ///   - directory: the child's working directory; `nil` keeps the parent's.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
        stdin: Input = .null, stdout: Output = .null, stderr: Output = .null
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch stdin {
        case .null: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .descriptor(let fd): posix_spawn_file_actions_adddup2(&actions, fd, 0)
        }
        for (target, output) in [(Int32(1), stdout), (Int32(2), stderr)] {
            switch output {
            case .null: posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
            case .file(let path): posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            case .descriptor(let fd): posix_spawn_file_actions_adddup2(&actions, fd, target)
            }
        }
        if let directory {
            guard let addChdir = GlibcSpawnExtensions.addChdir else { throw SpawnError(executable: executable, code: ENOSYS) }
            _ = addChdir(&actions, directory)
        }
        _ = GlibcSpawnExtensions.addClosefrom?(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in env { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, env)
        guard result == 0 else { throw SpawnError(executable: executable, code: result) }
        self.pid = pid
    }

    /// Kills the child if it still runs and reaps it, so no zombie outlives the test.
    deinit {
        if termination == nil {
            Glibc.kill(pid, SIGKILL)
            _ = waitBlocking()
        }
    }

    /// How the child ended; `nil` while it runs.
    public var termination: Termination? {
        ended.withLock { ended in
            if ended == nil {
                var status: Int32 = 0
                let reaped = waitpid(pid, &status, WNOHANG)
                if reaped == pid {
                    ended = Self.termination(status)
                } else if reaped < 0 && errno == ECHILD {
                    // Reaped elsewhere: it has ended, how is unknown. Without this every wait would spin forever.
                    ended = .exited(-1)
                }
            }
            return ended
        }
    }

    public var isRunning: Bool { termination == nil }

    /// Sends `signal` (e.g. `SIGTERM`) while the child runs.
    public func send(_ signal: Int32) {
        if isRunning { Glibc.kill(pid, signal) }
    }

    /// Waits for the child to end.
    public func wait() async -> Termination {
        while true {
            if let termination { return termination }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits at most `timeout` for the child to end; `nil` when it still runs then (it is left running: send it a
    /// signal and wait again).
    public func wait(timeout: Duration) async -> Termination? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let termination { return termination }
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits for the child to end, blocking the calling thread.
    @discardableResult
    public func waitBlocking() -> Termination {
        while true {
            if let termination { return termination }
            usleep(5_000)
        }
    }

    private static func termination(_ status: Int32) -> Termination {
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import (macros).
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    /// Runs `executable` to its end and returns how it ended.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
        stdout: Output = .null, stderr: Output = .null
    ) async throws -> Termination {
        try await ChildProcess(executable, arguments, environment: environment, directory: directory, stdout: stdout, stderr: stderr).wait()
    }
}

/// A pipe for a child's stdin or stdout: both ends close on exec (the child gets its own copy through the spawn's
/// file actions). The caller closes each end it is done with, with `close(2)`.
public func makeChildPipe() throws -> (readEnd: Int32, writeEnd: Int32) {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { throw ChildProcess.SpawnError(executable: "pipe", code: errno) }
    // (Not atomic like pipe2, which Swift does not import; every ChildProcess closes inherited descriptors anyway.)
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return (fds[0], fds[1])
}

/// glibc's `posix_spawn_file_actions_addchdir_np` (2.29) and `…_addclosefrom_np` (2.34): GNU extensions the Glibc
/// module does not import, looked up at run time.
private enum GlibcSpawnExtensions {
    typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    typealias AddClosefrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    static let addChdir: AddChdir? = symbol("posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChdir.self) }
    static let addClosefrom: AddClosefrom? = symbol("posix_spawn_file_actions_addclosefrom_np").map {
        unsafeBitCast($0, to: AddClosefrom.self)
    }

    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? {
        dlsym(UnsafeMutableRawPointer(bitPattern: 0), name)  // RTLD_DEFAULT
    }
}
