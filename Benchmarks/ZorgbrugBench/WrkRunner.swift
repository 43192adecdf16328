import Foundation

/// One wrk measurement.
struct WrkResult {
    var name: String
    var requestsPerSecond: Double
    var p50: Double
    var p99: Double
    var non2xx: Int
    var errors: Int
    /// Requests completed during the run.
    var requests: Int
    /// CPU time this process (the server) spent during the run, per request, in microseconds: steadier than
    /// req/s on a shared machine, since it does not count time spent waiting for the cores.
    var serverCPUMicrosPerRequest: Double
}

/// Runs `wrk --latency` and parses its report.
struct WrkRunner {
    let duration: Int
    let connections: Int
    let threads: Int

    func requireInstalled() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
            throw BenchError("wrk is not installed: run `sudo apt-get install -y wrk` (or scripts/ensure-deps --bench).")
        }
    }

    /// Drives `url` for `seconds` without recording anything: page caches, prepared statements and connection
    /// pools are warm when the measured run starts.
    func warmUp(url: String, script: String?, seconds: Int) throws {
        guard seconds > 0 else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
        var arguments = ["-t\(threads)", "-c\(connections)", "-d\(seconds)s"]
        if let script { arguments += ["-s", script] }
        process.arguments = arguments + [url]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }

    func run(name: String, url: String, script: String?) throws -> WrkResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
        var arguments = ["-t\(threads)", "-c\(connections)", "-d\(duration)s", "--latency"]
        if let script { arguments += ["-s", script] }
        process.arguments = arguments + [url]
        let pipe = Pipe()
        process.standardOutput = pipe
        let cpuBefore = ProcessCPU.seconds()
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let cpu = ProcessCPU.seconds() - cpuBefore
        let requests = Int(Self.number(before: "requests in", in: output) ?? 0)
        FileHandle.standardError.write(Data("== \(name)\n\(output)\n".utf8))
        return WrkResult(
            name: name,
            requestsPerSecond: Self.number(after: "Requests/sec:", in: output) ?? 0,
            p50: Self.latency(percentile: "50%", in: output) ?? 0,
            p99: Self.latency(percentile: "99%", in: output) ?? 0,
            non2xx: Int(Self.number(after: "Non-2xx or 3xx responses:", in: output) ?? 0),
            errors: output.contains("Socket errors") ? 1 : 0,
            requests: requests,
            serverCPUMicrosPerRequest: requests > 0 ? cpu * 1_000_000 / Double(requests) : 0)
    }

    /// The number just before `label` on its line (`12345 requests in 10.01s`).
    static func number(before label: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") {
            guard let range = line.range(of: label) else { continue }
            let words = line[..<range.lowerBound].split(separator: " ")
            return words.last.flatMap { Double($0) }
        }
        return nil
    }

    static func number(after label: String, in text: String) -> Double? {
        guard let range = text.range(of: label) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " }
        return Double(rest.prefix { $0.isNumber || $0 == "." })
    }

    /// A wrk latency like `1.23ms`, `850.00us` or `1.02s`, in milliseconds.
    static func latency(percentile: String, in text: String) -> Double? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0] == percentile else { continue }
            let value = String(parts[1])
            if value.hasSuffix("us"), let v = Double(value.dropLast(2)) { return v / 1000 }
            if value.hasSuffix("ms"), let v = Double(value.dropLast(2)) { return v }
            if value.hasSuffix("s"), let v = Double(value.dropLast(1)) { return v * 1000 }
        }
        return nil
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// CPU time (user + system) this process has used so far, from `/proc/self/stat`.
enum ProcessCPU {
    static func seconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name: state is field 3; utime and stime are fields 14 and 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// Peak resident memory of this process (`VmHWM`), in KiB.
enum ProcessMemory {
    static func peakRSSKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}
