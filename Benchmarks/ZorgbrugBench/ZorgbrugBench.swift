import Credentials
import FHIR
import Foundation
import HTTPServer
import Logging
import ZorgbrugAPI
import ZorgbrugCore
import ZorgbrugStore

/// Load benchmarks: the real server in this process, `wrk` (Debian package) as the load generator in another.
///
/// Measures, in one run on the same machine: the ceiling (a bare handler on the same HTTPServer), read by id,
/// the PGO pickup search, and single Observation creates; then the search again at a larger scale. Prints a
/// Markdown report (the body of docs/BENCHMARKS.md). Never run in tests.
@main
struct ZorgbrugBench {
    static func main() async throws {
        let options = BenchOptions(CommandLine.arguments.dropFirst())
        var logger = Logger(label: "zorgbrug.bench")
        logger.logLevel = .error
        if options.micro > 0 {
            let world = try await BenchWorld.make(tasks: options.tasks, patients: options.patients, logger: logger)
            try await MicroBench.run(world: world, iterations: options.micro, concurrency: options.connections, only: options.only)
            await world.stop(keep: options.keep)
            return
        }
        let wrk = WrkRunner(duration: options.duration, connections: options.connections, threads: options.threads)
        try wrk.requireInstalled()

        // 1. The ceiling: a bare JSON handler on the same HTTPServer.
        var results: [WrkResult] = []
        if options.runs("ceiling") {
            let bare = HTTPServer(
                configuration: benchConfiguration(),
                responder: ClosureResponder<BareContext> { _, _ in
                    var headers = HTTPHeaders()
                    headers.set(name: "Content-Type", value: "application/fhir+json")
                    return HTTPResponse(status: 200, headers: headers, body: Array(#"{"resourceType":"OperationOutcome","issue":[]}"#.utf8))
                },
                logger: logger)
            try bare.start()
            try wrk.warmUp(url: "http://127.0.0.1:\(bare.port)/", script: nil, seconds: options.warmup)
            results.append(try wrk.run(name: "ceiling: bare handler", url: "http://127.0.0.1:\(bare.port)/", script: nil))
            await bare.shutdown()
        }

        var scaleResults: [(Int, WrkResult)] = []
        let sizes = [options.tasks] + (options.runs("scale") ? options.scaleTasks : [])
        for (index, taskCount) in sizes.enumerated() {
            let world = try await BenchWorld.make(tasks: taskCount, patients: options.patients * taskCount / options.tasks, logger: logger)
            let base = "http://127.0.0.1:\(world.port)"
            let scripts = try BenchScripts(token: world.token, taskIDs: world.sampleTaskIDs, patientIDs: world.samplePatientIDs)
            defer { scripts.remove() }
            if index == 0 && options.runs("read") {
                try wrk.warmUp(url: base + "/fhir/Task", script: scripts.read, seconds: options.warmup)
                results.append(try wrk.run(name: "GET /fhir/Task/{id}", url: base + "/fhir/Task", script: scripts.read))
            }
            if index > 0 || options.runs("search") || options.runs("scale") {
                try wrk.warmUp(url: base + "/fhir/Task", script: scripts.search, seconds: options.warmup)
                let search = try wrk.run(
                    name: "GET /fhir/Task?patient=…&status=ready (\(taskCount) tasks)", url: base + "/fhir/Task", script: scripts.search)
                if index == 0 && options.runs("search") { results.append(search) }
                scaleResults.append((taskCount, search))
            }
            if index == 0 && options.runs("create") {
                try wrk.warmUp(url: base + "/fhir/Observation", script: scripts.create, seconds: options.warmup)
                results.append(try wrk.run(name: "POST /fhir/Observation", url: base + "/fhir/Observation", script: scripts.create))
            }
            await world.stop(keep: options.keep)
        }
        let report = BenchReport(results: results, scale: scaleResults, options: options, peakRSS: ProcessMemory.peakRSSKiB())
        print(report.markdown)
        // A run whose requests failed measured the error path: say so with the exit status too.
        if !report.isValid { exit(1) }
    }

    static func benchConfiguration() -> HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration()
        configuration.port = 0
        configuration.maxConnectionsPerIP = 1024
        configuration.maxConnections = 4096
        return configuration
    }
}

/// The context of the bare ceiling server (nothing in it).
struct BareContext: RequestContext {
    init(request: HTTPRequest) {}
}
