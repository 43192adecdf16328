import Credentials
import FHIR
import Foundation
import HTTPServer
import Logging
import ZorgbrugAPI
import ZorgbrugCore
import ZorgbrugStore

/// The real app over a fresh SQLite file seeded with `tasks` Tasks spread evenly over `patients` patients of one
/// provider organization, served by HTTPServer on a free port.
struct BenchWorld {
    let server: HTTPServer<ZorgbrugApp.Responder>
    let app: ZorgbrugApp
    let directory: String
    /// A bearer token of the provider client.
    let token: String
    /// Up to 1,000 task ids, spread evenly over the creation order.
    let sampleTaskIDs: [String]
    /// Up to 1,000 patient ids, shuffled.
    let samplePatientIDs: [String]
    var port: Int { server.port }

    static let organizationID = "bench-org"

    static func make(tasks: Int, patients: Int, logger: Logger) async throws -> BenchWorld {
        let directory = NSTemporaryDirectory() + "zorgbrug-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/bench.sqlite"
        let clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
        let pepper = Pepper.generate()
        let patientIDs = (0..<max(1, patients)).map { _ in UUID().uuidString.lowercased() }
        let started = ContinuousClock.now
        log("seeding \(patientIDs.count) patients and \(tasks) tasks…")
        let (token, sampleTasks) = try await seed(
            path: path, tasks: tasks, patientIDs: patientIDs, pepper: pepper, clock: clock)
        // Seeding wrote without fsyncs: flush it now, or the first checkpoint fsync under load pays for it.
        sync()
        let walBytes = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        let dbBytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        log("seeded in \(ContinuousClock.now - started): database \(dbBytes >> 20) MiB, WAL \(walBytes >> 20) MiB")

        // The measured server opens the seeded file like `zorgbrug serve` does: durability .full.
        let store = try ResourceStore(path: path, durability: .full, clock: clock)
        let identity = IdentityService(store: store, pepper: pepper, clock: clock)
        var apiLogger = logger
        apiLogger.logLevel = .critical
        let app = ZorgbrugApp(store: store, configuration: APIConfiguration(), identity: identity, logger: apiLogger)
        var configuration = ZorgbrugBench.benchConfiguration()
        let deadline = configuration.requestDeadlineSeconds
        configuration.errorRenderer = { error, request in ServerErrorRenderer.render(error, request: request, deadlineSeconds: deadline) }
        let server = HTTPServer(configuration: configuration, responder: app.responder, logger: apiLogger)
        try server.start()
        return BenchWorld(
            server: server, app: app, directory: directory, token: token, sampleTaskIDs: sampleTasks,
            samplePatientIDs: Array(patientIDs.shuffled().prefix(1000)))
    }

    /// Creates the organization, a provider client and its bearer token, the patients and the tasks, through the
    /// store's own write path (`StoreWriter.create`, search index included) but without fsyncs (durability .off,
    /// 10,000 resources per transaction), while the next batch is prepared on another core.
    static func seed(
        path: String, tasks: Int, patientIDs: [String], pepper: Pepper, clock: @escaping @Sendable () -> Int64
    ) async throws -> (token: String, sampleTasks: [String]) {
        let store = try ResourceStore(path: path, durability: .off, clock: clock)
        let identity = IdentityService(store: store, pepper: pepper, clock: clock)
        let organization = try await identity.createOrganization(name: "Bench", identifier: nil, newID: organizationID)
        let client = try await identity.registerClient(
            kind: .provider, displayName: "bench", organizationID: organization.id, jwks: nil, clientID: "bench")
        try await createAll(count: patientIDs.count, in: store) { index in
            patient(id: patientIDs[index])
        }
        let taskIDs = (0..<tasks).map { _ in UUID().uuidString.lowercased() }
        try await createAll(count: tasks, in: store) { index in
            task(id: taskIDs[index], index: index, patientIDs: patientIDs)
        }
        // The token last: seeding a million tasks can outlast a token's lifetime.
        let basic = "Basic " + Data("bench:\(client.secret ?? "")".utf8).base64EncodedString()
        let tokenResponse = try await identity.token(
            .init(
                form: [("grant_type", "client_credentials")], authorization: basic, tokenURL: "bench",
                trace: TraceIDs(requestID: "bench")))
        guard let token = tokenResponse["access_token"]?.stringValue else { throw BenchError("no token") }
        let stride = max(1, tasks / 1000)
        let sample = Swift.stride(from: 0, to: tasks, by: stride).prefix(1000).map { taskIDs[$0] }
        return (token, sample)
    }

    /// Writes `count` resources made by `make`, 10,000 per transaction; the next batch is built while one is
    /// written.
    static func createAll(
        count: Int, in store: ResourceStore, make: @escaping @Sendable (Int) -> NewResource
    ) async throws {
        let batch = 10_000
        func build(_ start: Int) -> Task<[NewResource], Never> {
            Task.detached { (start..<min(start + batch, count)).map(make) }
        }
        var next = count > 0 ? build(0) : nil
        var start = 0
        while let pending = next {
            let resources = await pending.value
            start += batch
            next = start < count ? build(start) : nil
            try await store.write { writer in
                for resource in resources { _ = try writer.create(resource, ifNoneExist: nil) }
            }
        }
    }

    static func patient(id: String) -> NewResource {
        let json: JSONObject = [
            "resourceType": "Patient", "id": .string(id), "name": [["family": "Bench"]],
            "managingOrganization": ["reference": .string("Organization/\(organizationID)")],
        ]
        return resource(json, type: "Patient", id: id, patientID: id)
    }

    /// Task `index` belongs to patient `index % patients`; a patient's tasks alternate between ready and completed.
    static func task(id: String, index: Int, patientIDs: [String]) -> NewResource {
        let patientID = patientIDs[index % patientIDs.count]
        let json: JSONObject = [
            "resourceType": "Task", "id": .string(id),
            "status": index / patientIDs.count % 2 == 0 ? "ready" : "completed",
            "intent": "order",
            "code": ["coding": [["system": "http://zorgbrug.nl/fhir/CodeSystem/task-kind", "code": "questionnaire"]]],
            "for": ["reference": .string("Patient/\(patientID)")],
            "focus": ["reference": "Questionnaire/phq-9"],
            "authoredOn": "2026-11-23T10:00:00Z",
        ]
        return resource(json, type: "Task", id: id, patientID: patientID)
    }

    static func resource(_ json: JSONObject, type: String, id: String, patientID: String) -> NewResource {
        let definition = ResourceCatalog.definition(type)!
        return NewResource(
            type: type, id: id, json: json, index: SearchIndexExtractor.entries(of: json, definition: definition),
            patientId: patientID, organizationId: organizationID)
    }

    func stop(keep: Bool) async {
        await server.shutdown()
        if keep {
            FileHandle.standardError.write(Data("kept \(directory)\n".utf8))
        } else {
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    static func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// wrk Lua scripts for the measured requests, written to temporary files.
struct BenchScripts {
    /// The Observation the create scenario posts (a blood pressure); `PATIENT` is replaced per request.
    static let observationJSON = #"""
        {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org",\#
        "code":"85354-9"}]},"subject":{"reference":"Patient/PATIENT"},"effectiveDateTime":"2026-11-23T08:00:00+01:00",\#
        "component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":132,\#
        "unit":"mm[Hg]","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},{"code":{"coding":[{"system":\#
        "http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":84,"unit":"mm[Hg]",\#
        "system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}
        """#

    let read: String
    let search: String
    let create: String

    init(token: String, taskIDs: [String], patientIDs: [String]) throws {
        let directory = NSTemporaryDirectory()
        func write(_ name: String, _ body: String) throws -> String {
            let path = directory + "zorgbrug-bench-\(name)-\(UUID().uuidString).lua"
            try body.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let header = "wrk.headers[\"Authorization\"] = \"Bearer \(token)\"\nwrk.headers[\"Accept\"] = \"application/fhir+json\"\n"
        let tasks = "local ids = {" + taskIDs.map { "\"\($0)\"" }.joined(separator: ",") + "}\n"
        let patients = "local patients = {" + patientIDs.map { "\"\($0)\"" }.joined(separator: ",") + "}\n"
        read = try write("read", header + tasks + """
            request = function()
              return wrk.format("GET", "/fhir/Task/" .. ids[math.random(#ids)])
            end
            """)
        search = try write("search", header + patients + """
            request = function()
              return wrk.format("GET", "/fhir/Task?patient=" .. patients[math.random(#patients)] .. "&status=ready")
            end
            """)
        let observation = Self.observationJSON
        let escaped = observation.replacingOccurrences(of: "\"", with: "\\\"")
        create = try write("create", header + patients + """
            wrk.headers["Content-Type"] = "application/fhir+json"
            local body = "\(escaped)"
            request = function()
              local b = string.gsub(body, "PATIENT", patients[math.random(#patients)])
              return wrk.format("POST", "/fhir/Observation", nil, b)
            end
            """)
    }

    /// Deletes the script files.
    func remove() {
        for path in [read, search, create] { try? FileManager.default.removeItem(atPath: path) }
    }
}
