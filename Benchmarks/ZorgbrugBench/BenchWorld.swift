import Credentials
import FHIR
import Foundation
import HTTPServer
import Logging
import ZorgbrugAPI
import ZorgbrugCore
import ZorgbrugStore

/// A server over a fresh SQLite file seeded with `tasks` Tasks spread over `patients` patients of one provider.
struct BenchWorld {
    let server: HTTPServer<ZorgbrugApp.Responder>
    let directory: String
    let token: String
    let sampleTaskIDs: [String]
    let samplePatientIDs: [String]
    var port: Int { server.port }

    static func make(tasks: Int, patients: Int, logger: Logger) async throws -> BenchWorld {
        let directory = NSTemporaryDirectory() + "zorgbrug-bench-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let clock: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
        let store = try ResourceStore(path: directory + "/bench.sqlite", durability: .full, clock: clock)
        let identity = IdentityService(store: store, pepper: Pepper.generate(), clock: clock)
        let organization = try await identity.createOrganization(name: "Bench", identifier: nil, newID: "bench-org")
        let client = try await identity.registerClient(kind: .provider, displayName: "bench", organizationID: organization.id, jwks: nil, clientID: "bench")
        let basic = "Basic " + Data("bench:\(client.secret ?? "")".utf8).base64EncodedString()
        let tokenResponse = try await identity.token(.init(
            form: [("grant_type", "client_credentials")], authorization: basic, tokenURL: "bench", trace: TraceIDs(requestID: "bench")))
        guard let token = tokenResponse["access_token"]?.stringValue else { throw BenchError("no token") }

        FileHandle.standardError.write(Data("seeding \(patients) patients and \(tasks) tasks…\n".utf8))
        let patientIDs = (0..<patients).map { _ in UUID().uuidString.lowercased() }
        try await seedPatients(patientIDs, organizationID: organization.id, store: store)
        var sampleTasks: [String] = []
        let batch = 5000
        var created = 0
        while created < tasks {
            let count = min(batch, tasks - created)
            let ids = (0..<count).map { _ in UUID().uuidString.lowercased() }
            let first = created
            try await store.write { writer in
                guard let definition = ResourceCatalog.definition("Task") else { return }
                for (offset, id) in ids.enumerated() {
                    let patient = patientIDs[(first + offset) % patientIDs.count]
                    let task: JSONObject = [
                        "resourceType": "Task", "id": .string(id), "status": (first + offset) % 2 == 0 ? "ready" : "completed",
                        "intent": "order",
                        "code": ["coding": [["system": "http://zorgbrug.nl/fhir/CodeSystem/task-kind", "code": "questionnaire"]]],
                        "for": ["reference": .string("Patient/\(patient)")],
                        "focus": ["reference": "Questionnaire/phq-9"],
                        "authoredOn": "2026-11-23T10:00:00Z",
                    ]
                    _ = try writer.create(
                        NewResource(type: "Task", id: id, json: task, index: SearchIndexExtractor.entries(of: task, definition: definition),
                                    patientId: patient, organizationId: organization.id),
                        ifNoneExist: nil)
                }
            }
            if sampleTasks.count < 1000 { sampleTasks += ids.prefix(1000 - sampleTasks.count) }
            created += count
        }
        var apiLogger = logger
        apiLogger.logLevel = .critical
        let app = ZorgbrugApp(store: store, configuration: APIConfiguration(), identity: identity, logger: apiLogger)
        var configuration = ZorgbrugBench.benchConfiguration()
        let deadline = configuration.requestDeadlineSeconds
        configuration.errorRenderer = { error, request in ServerErrorRenderer.render(error, request: request, deadlineSeconds: deadline) }
        let server = HTTPServer(configuration: configuration, responder: app.responder, logger: apiLogger)
        try server.start()
        return BenchWorld(
            server: server, directory: directory, token: token, sampleTaskIDs: sampleTasks,
            samplePatientIDs: Array(patientIDs.shuffled().prefix(1000)))
    }

    static func seedPatients(_ ids: [String], organizationID: String, store: ResourceStore) async throws {
        for chunk in stride(from: 0, to: ids.count, by: 5000) {
            let slice = Array(ids[chunk..<min(chunk + 5000, ids.count)])
            try await store.write { writer in
                guard let definition = ResourceCatalog.definition("Patient") else { return }
                for id in slice {
                    let patient: JSONObject = [
                        "resourceType": "Patient", "id": .string(id), "name": [["family": "Bench"]],
                        "managingOrganization": ["reference": .string("Organization/\(organizationID)")],
                    ]
                    _ = try writer.create(
                        NewResource(type: "Patient", id: id, json: patient, index: SearchIndexExtractor.entries(of: patient, definition: definition),
                                    patientId: id, organizationId: organizationID),
                        ifNoneExist: nil)
                }
            }
        }
    }

    func stop() async {
        await server.shutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// wrk Lua scripts for the measured requests, written to temporary files.
struct BenchScripts {
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
        let observation = #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"85354-9"}]},"subject":{"reference":"Patient/PATIENT"},"effectiveDateTime":"2026-11-23T08:00:00+01:00","component":[{"code":{"coding":[{"system":"http://loinc.org","code":"8480-6"}]},"valueQuantity":{"value":132,"unit":"mm[Hg]","system":"http://unitsofmeasure.org","code":"mm[Hg]"}},{"code":{"coding":[{"system":"http://loinc.org","code":"8462-4"}]},"valueQuantity":{"value":84,"unit":"mm[Hg]","system":"http://unitsofmeasure.org","code":"mm[Hg]"}}]}"#
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
}
