import Foundation

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
        let outURL = directory.appendingPathComponent("curl-out-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent("curl-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--max-time", "30"] + arguments
        process.standardOutput = out
        process.standardError = err
        let code: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try out.close()
        try err.close()
        return CurlResult(
            exitCode: code,
            output: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        )
    }

    /// One request; the result's `statusAndBody` splits status from body.
    static func request(_ url: String, _ extra: [String] = []) async throws -> CurlResult {
        try await run(extra + ["-w", "\n@@status=%{http_code}", url])
    }
}
