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
        lines.append("| search scale | req/s | p50 ms | p99 ms | p99 vs first |")
        lines.append("|---|---:|---:|---:|---:|")
        let base = scale.first?.1.p99 ?? 1
        for (tasks, result) in scale {
            lines.append(String(format: "| %d tasks | %.0f | %.2f | %.2f | %.2f× |", tasks, result.requestsPerSecond, result.p50, result.p99, result.p99 / max(base, 0.001)))
        }
        lines.append("")
        lines.append("Peak RSS of the benchmark process (server + seeding): \(peakRSS / 1024) MiB. wrk: \(options.threads) threads, \(options.connections) connections, \(options.duration) s per scenario after \(options.warmup) s of warm-up.")
        return lines.joined(separator: "\n")
    }
}
