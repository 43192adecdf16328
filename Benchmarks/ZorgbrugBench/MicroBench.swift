import FHIR
import Foundation
import HTTPServer
import ZorgbrugAPI
import ZorgbrugCore
import ZorgbrugStore

/// In-process timing of the read path's parts, without HTTP or wrk: `concurrency` tasks each run a step in a
/// loop; the report is the process CPU time per step (and wall time), which is what the server pays for it.
/// For finding hot spots (`--micro 20000`); not part of the published table.
enum MicroBench {
    static func run(world: BenchWorld, iterations: Int, concurrency: Int, only: Set<String>) async throws {
        let app = world.app
        let token = world.token
        let ids = world.sampleTaskIDs
        let trace = TraceIDs(requestID: "micro")
        let caller = try await app.identity.authenticate(bearer: token, trace: trace)
        let sample = try await app.store.read { try $0.current(type: "Task", id: ids[0]) }!
        let text = String(decoding: JSON.object(sample.json).serialized(), as: UTF8.self)
        let service = ResourceService(store: app.store, audit: app.audit)
        FileHandle.standardError.write(Data("micro: start\n".utf8))

        func measure(_ name: String, concurrency: Int = concurrency, _ step: @escaping @Sendable (Int) async throws -> Void)
            async throws
        {
            guard only.isEmpty || only.contains(where: { name.hasPrefix($0) }) else { return }
            let perTask = max(1, iterations / concurrency)
            let cpu0 = ProcessCPU.seconds()
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for t in 0..<concurrency {
                    group.addTask {
                        for i in 0..<perTask { try await step(t * perTask + i) }
                    }
                }
                try await group.waitForAll()
            }
            let wall = ContinuousClock.now - start
            let cpu = ProcessCPU.seconds() - cpu0
            let n = Double(perTask * concurrency)
            let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
            print(String(format: "%@ %8.1f µs CPU  %8.1f µs wall  (%d×%d)", name.padding(toLength: 44, withPad: " ", startingAt: 0) as NSString, cpu * 1e6 / n, wallSeconds * 1e6 / n, concurrency, perTask))
        }

        try await measure("store.read current") { i in
            _ = try await app.store.read { try $0.current(type: "Task", id: ids[i % ids.count]) }
        }
        try await measure("authenticate") { _ in _ = try await app.identity.authenticate(bearer: token, trace: trace) }
        try await measure("JSON parse stored text") { _ in _ = try JSONParser().parse(text) }
        try await measure("JSON serialize") { _ in _ = JSON.object(sample.json).serialized() }
        try await measure("audit.record (group commit)") { _ in
            try await app.audit.record(.init(interaction: .read, resource: sample, caller: caller, trace: trace))
        }
        try await measure("service.read (read + audit)") { i in
            _ = try await service.read(type: "Task", id: ids[i % ids.count], caller: caller, trace: trace)
        }
        let patients = world.samplePatientIDs
        try await measure("store.search patient&status") { i in
            let query = SearchQuery(
                resourceType: "Task", scope: .organization("bench-org"),
                conditions: [
                    SearchCondition(parameter: "patient", match: .reference([("Patient", patients[i % patients.count])])),
                    SearchCondition(parameter: "status", match: .token([TokenMatch(code: "ready")])),
                ], count: 50)
            _ = try await app.store.read { try $0.search(query) }
        }
        try await measure("service.search (search + audit)") { i in
            _ = try await service.search(
                type: "Task", parameters: [("patient", patients[i % patients.count]), ("status", "ready")], caller: caller,
                trace: trace)
        }
        var headers = HTTPHeaders()
        headers.set(name: "Authorization", value: "Bearer \(token)")
        headers.set(name: "Accept", value: "application/fhir+json")
        let requestHeaders = headers
        try await measure("responder GET /fhir/Task/{id}") { i in
            let request = HTTPRequest(method: .get, path: "/fhir/Task/\(ids[i % ids.count])", headers: requestHeaders, remoteAddress: "127.0.0.1")
            let response = try await app.responder.respond(to: request, context: ZorgbrugContext(request: request))
            precondition(response.status == 200)
        }
        try await measure("responder GET /fhir/Task?patient&status") { i in
            let request = HTTPRequest(
                method: .get, path: "/fhir/Task", query: [("patient", patients[i % patients.count]), ("status", "ready")],
                headers: requestHeaders, remoteAddress: "127.0.0.1")
            let response = try await app.responder.respond(to: request, context: ZorgbrugContext(request: request))
            precondition(response.status == 200)
        }
        let observation = Array(BenchScripts.observationJSON.utf8)
        try await measure("responder POST /fhir/Observation") { i in
            var postHeaders = requestHeaders
            postHeaders.set(name: "Content-Type", value: "application/fhir+json")
            let body = String(decoding: observation, as: UTF8.self)
                .replacingOccurrences(of: "PATIENT", with: patients[i % patients.count])
            let request = HTTPRequest(
                method: .post, path: "/fhir/Observation", headers: postHeaders, body: Array(body.utf8),
                remoteAddress: "127.0.0.1")
            let response = try await app.responder.respond(to: request, context: ZorgbrugContext(request: request))
            precondition(response.status == 201, "POST answered \(response.status)")
        }
    }
}
