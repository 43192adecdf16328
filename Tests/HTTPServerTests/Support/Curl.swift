import Foundation
import TestSupport

/// What one run of the `curl` command-line tool produced.
struct CurlResult: Sendable {
    /// curl's exit status (0 = transfer done, 7 = could not connect, 52 = empty reply, 56 = receive failure).
    var exitCode: Int32
    /// Everything curl wrote to standard output.
    var output: String
    /// Everything curl wrote to standard error.
    var errors: String

    /// The output split at the `-w` marker `\n@@status=NNN` that `Curl.request` appends.
    var statusAndBody: (status: Int, body: String) {
        guard let range = output.range(of: "\n@@status=", options: .backwards) else { return (0, output) }
        let status = Int(output[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        return (status, String(output[..<range.lowerBound]))
    }
}

/// Runs `/usr/bin/curl` without blocking a Swift concurrency thread.
enum Curl {
    /// Runs curl with `arguments` (always with `-s`) and returns when it exits.
    static func run(_ arguments: [String]) async throws -> CurlResult {
        let directory = FileManager.default.temporaryDirectory
        let outPath = directory.appendingPathComponent("curl-out-\(UUID().uuidString)").path
        let errPath = directory.appendingPathComponent("curl-err-\(UUID().uuidString)").path
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let ended = try await ChildProcess.run(
            "/usr/bin/curl", ["-s", "--max-time", "30"] + arguments, stdout: .file(outPath), stderr: .file(errPath))
        return CurlResult(
            exitCode: ended.status,
            output: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        )
    }

    /// One request; the result's `statusAndBody` splits status from body.
    static func request(_ url: String, _ extra: [String] = []) async throws -> CurlResult {
        try await run(extra + ["-w", "\n@@status=%{http_code}", url])
    }
}
