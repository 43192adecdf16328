import Foundation
import HTTPServer
import Synchronization

/// Counts requests by method class and status, and their latency, for `/metrics` (Prometheus text format).
package final class RequestMetrics: Sendable {
    private struct State {
        var requests: [String: Int] = [:]
        var latencyBuckets: [Int] = Array(repeating: 0, count: RequestMetrics.bounds.count + 1)
        var latencySum: Double = 0
        var latencyCount = 0
    }

    /// Histogram upper bounds in seconds.
    static let bounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]

    private let state = Mutex(State())

    package init() {}

    /// Records one answered request.
    package func record(method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests["\(method)|\(status)", default: 0] += 1
            let bucket = Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count
            state.latencyBuckets[bucket] += 1
            state.latencySum += seconds
            state.latencyCount += 1
        }
    }

    /// The metrics in Prometheus text exposition format.
    package func render() -> String {
        let snapshot = state.withLock { $0 }
        var lines = ["# HELP zorgbrug_http_requests_total Requests answered, by method and status.", "# TYPE zorgbrug_http_requests_total counter"]
        for key in snapshot.requests.keys.sorted() {
            let parts = key.split(separator: "|")
            lines.append("zorgbrug_http_requests_total{method=\"\(parts[0])\",status=\"\(parts[1])\"} \(snapshot.requests[key] ?? 0)")
        }
        lines += ["# HELP zorgbrug_http_request_duration_seconds Time to answer a request.", "# TYPE zorgbrug_http_request_duration_seconds histogram"]
        var cumulative = 0
        for (index, bound) in Self.bounds.enumerated() {
            cumulative += snapshot.latencyBuckets[index]
            lines.append("zorgbrug_http_request_duration_seconds_bucket{le=\"\(bound)\"} \(cumulative)")
        }
        cumulative += snapshot.latencyBuckets[Self.bounds.count]
        lines.append("zorgbrug_http_request_duration_seconds_bucket{le=\"+Inf\"} \(cumulative)")
        lines.append("zorgbrug_http_request_duration_seconds_sum \(snapshot.latencySum)")
        lines.append("zorgbrug_http_request_duration_seconds_count \(snapshot.latencyCount)")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Feeds `RequestMetrics` with every answered request.
package struct MetricsMiddleware: HTTPMiddleware {
    package typealias Context = ZorgbrugContext
    let metrics: RequestMetrics

    package init(metrics: RequestMetrics) {
        self.metrics = metrics
    }

    package func handle(
        _ request: HTTPRequest, context: ZorgbrugContext,
        next: (HTTPRequest, ZorgbrugContext) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        metrics.record(method: request.method.rawValue, status: response.status, seconds: seconds)
        return response
    }
}
