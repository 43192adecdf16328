import Foundation

/// The Markdown report of a benchmark run.
struct BenchReport {
    let results: [WrkResult]
    let scale: [(Int, WrkResult)]
    let options: BenchOptions
    let peakRSS: Int

    var markdown: String {
        let ceiling = results.first { $0.name.hasPrefix("ceiling") }?.requestsPerSecond ?? .nan
        var lines = [
            "| scenario | req/s | ratio of ceiling | p50 ms | p99 ms | server CPU µs/req | non-2xx |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for result in results {
            lines.append(String(
                format: "| %@ | %.0f | %.2f | %.2f | %.2f | %.0f | %d |", result.name, result.requestsPerSecond,
                result.requestsPerSecond / ceiling, result.p50, result.p99, result.serverCPUMicrosPerRequest,
                result.non2xx))
        }
        lines.append("")
        lines.append("| search scale | req/s | p50 ms | p99 ms | p99 vs first | non-2xx |")
        lines.append("|---|---:|---:|---:|---:|---:|")
        let base = scale.first?.1.p99 ?? 1
        for (tasks, result) in scale {
            lines.append(String(
                format: "| %d tasks | %.0f | %.2f | %.2f | %.2f× | %d |", tasks, result.requestsPerSecond, result.p50,
                result.p99, result.p99 / max(base, 0.001), result.non2xx))
        }
        lines.append("")
        lines.append("Peak RSS of the benchmark process (server + seeding): \(peakRSS / 1024) MiB. wrk: \(options.threads) threads, \(options.connections) connections, \(options.duration) s per scenario after \(options.warmup) s of warm-up.")
        let failed = (results + scale.map(\.1)).filter { $0.non2xx > 0 || $0.errors > 0 }
        if !failed.isEmpty {
            lines.append("")
            lines.append("**Not a result:** \(failed.map(\.name).joined(separator: "; ")) answered with errors (non-2xx or socket errors); see wrk's output on stderr.")
        }
        return lines.joined(separator: "\n")
    }

    /// `true` when every measured request succeeded.
    var isValid: Bool { (results + scale.map(\.1)).allSatisfy { $0.non2xx == 0 && $0.errors == 0 } }
}
