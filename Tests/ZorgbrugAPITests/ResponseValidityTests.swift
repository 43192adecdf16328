import FHIR
import Foundation
import Testing
import ZorgbrugAPI
import ZorgbrugClient
import ZorgbrugCore

/// Every response validates as FHIR R4: a broad sample of requests (every REST interaction, search with includes
/// and paging, history, operations, Consent, AuditEvent, the CapabilityStatement and every kind of error) goes
/// through the real server, and every JSON body that claims a `resourceType` must pass ``FHIRValidator`` with
/// no errors, plus the Bundle and OperationOutcome rules Zorgbrug promises on top.
@Suite("Response validity")
struct ResponseValidityTests {
    @Test("every FHIR body the server sends validates, and Bundles and OperationOutcomes have their promised shape")
    func everyResponseValidates() async throws {
        try await withServer(configure: { $0.maxBodyBytes = 16_384 }) { server in
            let world = try await World.make(server)
            var log = ResponseLog()
            let provider = world.providerA
            let token = try #require(provider.bearerToken)

            // Capability and conformance.
            try await log.add("metadata", server.client().get(path: "metadata"), expect: 200)

            // Create, read, vread, update, patch, delete.
            let patient = try await log.add("create Patient", provider.create(type: "Patient", resource: [
                "resourceType": "Patient",
                "identifier": [["system": "http://fhir.nl/fhir/NamingSystem/bsn", "value": "999999990"]],
                "name": [["family": "Visser", "given": ["Jan"]]], "gender": "male", "birthDate": "1960-02-29",
                "telecom": [["system": "email", "value": "jan@example.org"]],
            ]), expect: 201)
            let patientID = try #require(patient.resource?["id"]?.stringValue)
            try await log.add("read Patient", provider.read(type: "Patient", id: patientID), expect: 200)
            var edited = try #require(patient.resource)
            edited["gender"] = "other"
            try await log.add("update Patient", provider.update(type: "Patient", id: patientID, resource: edited, ifMatch: "1"), expect: 200)
            try await log.add("vread Patient", provider.vread(type: "Patient", id: patientID, version: "1"), expect: 200)
            let questionnaire = try await log.add("create Questionnaire", provider.create(type: "Questionnaire", resource: [
                "resourceType": "Questionnaire", "url": "http://example.org/q", "version": "1", "status": "active",
                "item": [["linkId": "1", "text": "Hoe gaat het?", "type": "string"]],
            ]), expect: 201)
            let questionnaireID = try #require(questionnaire.resource?["id"]?.stringValue)
            var task = World.task(for: world.patientA)
            task["focus"] = ["reference": .string("Questionnaire/\(questionnaireID)")]
            var taskIDs: [String] = []
            for _ in 0..<3 {
                let created = try await log.add("create Task", provider.create(type: "Task", resource: task), expect: 201)
                taskIDs.append(try #require(created.resource?["id"]?.stringValue))
            }
            try await log.add("create Observation", provider.create(type: "Observation", resource: World.observation(for: world.patientA)), expect: 201)
            try await log.add("create Observation", provider.create(type: "Observation", resource: World.observation(for: world.patientA, systolic: 140)), expect: 201)
            let patch: JSON = [["op": "replace", "path": "/status", "value": "in-progress"]]
            try await log.add("patch Task", world.pgoA.patch(type: "Task", id: taskIDs[0], jsonPatch: patch, ifMatch: "1"), expect: 200)
            try await log.add("delete Task", provider.delete(type: "Task", id: taskIDs[2]), expect: 204)

            // Search: plain, count only, includes, reverse includes, paging.
            try await log.add("search Patient", provider.search(type: "Patient"), expect: 200)
            try await log.add("search Patient count", provider.search(type: "Patient", parameters: [("_summary", "count")]), expect: 200)
            try await log.add("search Task include", world.pgoA.search(type: "Task", parameters: [
                ("patient", world.patientA), ("_include", "Task:focus"), ("_include", "Task:patient"),
            ]), expect: 200)
            try await log.add("search Patient revinclude", provider.search(type: "Patient", parameters: [
                ("_id", world.patientA), ("_revinclude", "Task:patient"), ("_revinclude", "Consent:patient"),
            ]), expect: 200)
            try await log.follow("search Task paged", provider, first: provider.search(type: "Task", parameters: [("_count", "1")]))

            // History: instance (with a deletion), type (paged).
            try await log.add("history Patient", provider.get(path: "Patient/\(patientID)/_history"), expect: 200)
            try await log.add("history deleted Task", provider.get(path: "Task/\(taskIDs[2])/_history"), expect: 200)
            try await log.follow("history Observation paged", provider, first: provider.get(path: "Observation/_history?_count=1"))

            // Operations, Consent and the audit trail.
            try await log.add("$connect-code", provider.post(path: "Patient/\(world.patientA2)/$connect-code", json: ["resourceType": "Parameters"]), expect: 200)
            try await log.add("$delegate", world.pgoA.post(path: "Patient/\(world.patientA)/$delegate", json: [
                "resourceType": "Parameters", "parameter": [["name": "name", "valueString": "Mantelzorger Mia"]],
            ]), expect: 200)
            let consents = try await log.add("search Consent (patient)", world.pgoA.search(type: "Consent", parameters: [("patient", world.patientA)]), expect: 200)
            try await log.add("search Consent (provider)", provider.search(type: "Consent", parameters: [("patient", world.patientA)]), expect: 200)
            let consentID = try #require(consents.resource?["entry"]?.arrayValue?.first?["resource"]?["id"]?.stringValue)
            try await log.add("read Consent", world.pgoA.read(type: "Consent", id: consentID), expect: 200)
            try await log.add("history Consent", world.pgoA.get(path: "Consent/\(consentID)/_history"), expect: 200)
            try await log.add("search AuditEvent (provider)", provider.search(type: "AuditEvent", parameters: [("patient", world.patientA)]), expect: 200)
            try await log.add("search AuditEvent (patient)", world.pgoA.search(type: "AuditEvent", parameters: [("patient", world.patientA)]), expect: 200)
            try await log.follow("search AuditEvent paged", provider, first: provider.search(type: "AuditEvent", parameters: [
                ("patient", world.patientA), ("_count", "4"),
            ]))

            // Every kind of error.
            func raw(_ method: String, _ path: String, token: String?, contentType: String? = nil, body: String = "") async throws -> FHIRClientResponse {
                var headers: [(String, String)] = [("Accept-Language", "en")]
                if let token { headers.append(("Authorization", "Bearer \(token)")) }
                if let contentType { headers.append(("Content-Type", contentType)) }
                return try await server.client().raw(HTTPClientRequest(method: method, url: server.baseURL + path, headers: headers, body: Array(body.utf8)))
            }
            try await log.add("400 json-invalid", raw("POST", "/fhir/Patient", token: token, contentType: "application/fhir+json", body: "{\"resourceType\":"), expect: 400)
            try await log.add("400 resource-type-mismatch", raw("POST", "/fhir/Patient", token: token, contentType: "application/fhir+json", body: "{\"resourceType\":\"Observation\"}"), expect: 400)
            try await log.add("400 body-missing", raw("POST", "/fhir/Patient", token: token, contentType: "application/fhir+json"), expect: 400)
            try await log.add("400 search-parameter-unknown", provider.search(type: "Patient", parameters: [("nonsense", "1")]), expect: 400)
            try await log.add("400 resource-id-mismatch", provider.update(type: "Patient", id: world.patientA2, resource: edited, ifMatch: "2"), expect: 400)
            try await log.add("401 no token", raw("GET", "/fhir/Patient/\(world.patientA)", token: nil), expect: 401)
            try await log.add("401 bad token", raw("GET", "/fhir/Patient/\(world.patientA)", token: "garbage"), expect: 401)
            try await log.add("403 interaction-forbidden", world.pgoA.delete(type: "Patient", id: world.patientA), expect: 403)
            try await log.add("403 $connect-code by a patient", world.pgoA.post(path: "Patient/\(world.patientA)/$connect-code", json: ["resourceType": "Parameters"]), expect: 403)
            try await log.add("404 resource-not-found", provider.read(type: "Patient", id: "nope"), expect: 404)
            try await log.add("404 foreign patient", provider.read(type: "Patient", id: world.patientB), expect: 404)
            try await log.add("404 version-not-found", provider.vread(type: "Patient", id: patientID, version: "9"), expect: 404)
            try await log.add("404 resource-type-unknown", provider.read(type: "Spaceship", id: "1"), expect: 404)
            try await log.add("404 route-not-found", provider.get(path: "/fhir/Patient/a/b/c/d/e"), expect: 404)
            try await log.add("405 method-not-allowed", raw("DELETE", "/fhir/Patient", token: token), expect: 405)
            try await log.add("410 resource-deleted", provider.read(type: "Task", id: taskIDs[2]), expect: 410)
            try await log.add("412 version-conflict", provider.update(type: "Patient", id: patientID, resource: edited, ifMatch: "1"), expect: 412)
            let big = "{\"resourceType\":\"Patient\",\"text\":\"" + String(repeating: "x", count: 40_000) + "\"}"
            try await log.add("413 body-too-large", raw("POST", "/fhir/Patient", token: token, contentType: "application/fhir+json", body: big), expect: 413)
            try await log.add("415 content-type-unsupported", raw("POST", "/fhir/Patient", token: token, contentType: "text/plain", body: "{\"resourceType\":\"Patient\"}"), expect: 415)
            try await log.add("422 resource-invalid", provider.create(type: "Patient", resource: ["resourceType": "Patient", "birthDate": "2026-02-30"]), expect: 422)
            try await log.add("422 patch to an invalid status", world.pgoA.patch(
                type: "Task", id: taskIDs[0], jsonPatch: [["op": "replace", "path": "/status", "value": "nope"]], ifMatch: "2"), expect: 422)
            try await log.add("428 if-match-required", provider.update(type: "Patient", id: patientID, resource: edited, ifMatch: nil), expect: 428)
            try await log.add("428 patch if-match-required", world.pgoA.patch(type: "Task", id: taskIDs[0], jsonPatch: patch, ifMatch: nil), expect: 428)

            // The whole sample: statuses as expected, and every FHIR body valid.
            for (label, problem) in log.statusProblems { Issue.record("\(label): \(problem)") }
            let errorStatuses: Set<Int> = [400, 401, 403, 404, 405, 410, 412, 413, 415, 422, 428]
            #expect(errorStatuses.isSubset(of: log.statuses), "missing error kinds: \(errorStatuses.subtracting(log.statuses).sorted())")
            let types = Set(log.entries.compactMap { $0.response.resource?["resourceType"]?.stringValue })
            #expect(types.isSuperset(of: ["Bundle", "OperationOutcome", "CapabilityStatement", "Parameters", "Patient", "Task", "Consent"]))
            var checked = 0
            for (label, response) in log.entries {
                let problems = FHIRResponseCheck.problems(in: response)
                for problem in problems { Issue.record("\(label) (\(response.status)): \(problem)") }
                if response.resource?["resourceType"] != nil { checked += 1 }
            }
            #expect(checked >= 60)
            // The audit trail holds AuditEvents, and each one was validated inside its Bundle.
            let audits = log.entries.filter { $0.label.hasPrefix("search AuditEvent") }.flatMap {
                $0.response.resource?["entry"]?.arrayValue ?? []
            }
            #expect(audits.count >= 5)
            #expect(audits.allSatisfy { $0["resource"]?["resourceType"]?.stringValue == "AuditEvent" })
        }
    }

    @Test("every catalog error renders a valid OperationOutcome, in both languages, with its details as further issues")
    func everyCatalogError() {
        for code in ErrorCatalog.allCodes {
            #expect(
                OperationOutcome.IssueType(rawValue: ErrorCatalog.entry(for: code).issueType) != nil,
                "\(code.rawValue): \(ErrorCatalog.entry(for: code).issueType) is not an IssueType")
            let detail = ZorgbrugError(.resourceInvalid, expression: ["Patient.birthDate"], arguments: ["problem": "bad date"])
            let error = ZorgbrugError(code, expression: ["Patient.name"], details: [detail])
            for language in [Language.nl, .en] {
                let outcome = OperationOutcomeRenderer.outcome(for: error, language: language)
                for problem in FHIRResponseCheck.problems(in: outcome, status: StatusMapping.status(for: code)) {
                    Issue.record("\(code.rawValue) (\(language)): \(problem)")
                }
                #expect(outcome["issue"]?.arrayValue?.count == 2)
            }
        }
    }

    @Test("every kind of audit record maps to a valid AuditEvent")
    func everyAuditEventShape() {
        let agents = [
            AuditAgent(clientID: "provider-a", actorType: "Organization", actorID: "org-a"),
            AuditAgent(clientID: "pgo", actorType: "Patient", actorID: "p1"),
            AuditAgent(clientID: "pgo", actorType: "RelatedPerson", actorID: "rp1"),
            AuditAgent(clientID: "pgo", actorType: "Device", actorID: nil),
            AuditAgent(clientID: nil, actorType: "operator", actorID: nil),
        ]
        let interactions: [AuditInteraction] = [
            .read, .vread, .search, .create, .update, .patch, .delete, .history, .operation, .token, .connect, .delegate,
            .revoke, .authorizeFailed,
        ]
        for agent in agents {
            for interaction in interactions {
                for full in [false, true] {
                    let record = AuditRecord(
                        recorded: 1_795_000_000_000, agent: agent, patientID: full ? "p1" : nil, action: .read,
                        interaction: interaction, resourceType: full ? "Observation" : nil, resourceID: full ? "o1" : nil,
                        outcome: full ? .success : .minorFailure, outcomeDescription: full ? nil : "token-invalid",
                        requestID: full ? "req-1" : nil, correlationID: full ? "corr-1" : nil, traceID: full ? "trace-1" : nil,
                        remoteAddress: full ? "192.0.2.1" : nil)
                    let event = record.fhirAuditEvent(id: "1", clientName: full ? "Test PGO" : nil).objectValue ?? [:]
                    let problems = FHIRValidator.validate(event)
                    #expect(problems.isEmpty, "\(agent.actorType) \(interaction.rawValue): \(problems)")
                }
            }
        }
        // The client's display name and the trace ids survive the mapping.
        let record = AuditRecord(
            recorded: 0, agent: agents[0], patientID: "p1", action: .create, interaction: .create, resourceType: "Observation",
            resourceID: "o1", outcome: .success, requestID: "req-1", correlationID: "corr-1", traceID: "trace-1")
        let event = record.fhirAuditEvent(id: "7", clientName: "ECD A")
        #expect(event["agent"]?.arrayValue?.last?["name"]?.stringValue == "ECD A")
        #expect(event["agent"]?.arrayValue?.last?["who"]?["display"]?.stringValue == "ECD A")
        let details = (event["entity"]?.arrayValue ?? []).flatMap { $0["detail"]?.arrayValue ?? [] }
        #expect(details.compactMap { $0["type"]?.stringValue } == ["X-Request-Id", "X-Correlation-Id", "X-Trace-Id"])
        #expect(details.compactMap { $0["valueString"]?.stringValue } == ["req-1", "corr-1", "trace-1"])
        #expect(event["entity"]?.arrayValue?.first?["what"]?["type"]?.stringValue == "Observation")
    }

    @Test("the checks catch what they promise to catch")
    func checksCatchProblems() throws {
        let bundle: JSONObject = [
            "resourceType": "Bundle", "type": "searchset", "total": -1,
            "entry": [["fullUrl": "https://z.example/fhir/Patient/other", "resource": ["resourceType": "Patient", "id": "p1"]]],
        ]
        let bundleProblems = FHIRResponseCheck.problems(in: bundle, status: 200)
        #expect(bundleProblems.contains { $0.contains("fullUrl") })
        #expect(bundleProblems.contains { $0.contains("search.mode") })
        #expect(bundleProblems.contains { $0.contains("self") })
        #expect(bundleProblems.contains { $0.contains("total") })
        let outcome: JSONObject = [
            "resourceType": "OperationOutcome",
            "issue": [["severity": "error", "code": "oops", "details": ["coding": [["system": "http://other", "code": "x"]]]]],
        ]
        let outcomeProblems = FHIRResponseCheck.problems(in: outcome, status: 400)
        #expect(outcomeProblems.contains { $0.contains("IssueType") })
        #expect(outcomeProblems.contains { $0.contains("http://zorgbrug.nl/fhir/CodeSystem/error") })
        #expect(outcomeProblems.contains { $0.contains("details.text") })
        #expect(FHIRResponseCheck.problems(in: ["resourceType": "Patient"], status: 404).contains { $0.contains("OperationOutcome") })
    }
}

/// The responses of one test run, with their labels and expected statuses.
struct ResponseLog {
    private(set) var entries: [(label: String, response: FHIRClientResponse)] = []
    private(set) var statusProblems: [(String, String)] = []

    var statuses: Set<Int> { Set(entries.map(\.response.status)) }

    @discardableResult
    mutating func add(_ label: String, _ response: FHIRClientResponse, expect status: Int) -> FHIRClientResponse {
        entries.append((label, response))
        if response.status != status {
            statusProblems.append((label, "expected \(status), got \(response.status): \(response.text.prefix(300))"))
        }
        return response
    }

    /// Adds `first` and every page after it, following `next` links.
    mutating func follow(_ label: String, _ client: FHIRClient, first: FHIRClientResponse) async throws {
        var page = add(label, first, expect: 200)
        var pages = 1
        while let next = FHIRResponseCheck.link("next", in: page.resource), pages < 20 {
            page = add("\(label) page \(pages + 1)", try await client.get(path: next), expect: 200)
            pages += 1
        }
        if pages < 2 { statusProblems.append((label, "expected more than one page")) }
    }
}

/// The checks every FHIR response body must pass.
enum FHIRResponseCheck {
    static let errorSystem = "http://zorgbrug.nl/fhir/CodeSystem/error"

    static func link(_ relation: String, in bundle: JSONObject?) -> String? {
        bundle?["link"]?.arrayValue?.first { $0["relation"]?.stringValue == relation }?["url"]?.stringValue
    }

    /// Problems of one HTTP response: a FHIR body must validate; an error must be an OperationOutcome.
    static func problems(in response: FHIRClientResponse) -> [String] {
        guard let body = response.resource, body["resourceType"] != nil else {
            if response.status >= 400 { return ["an error without an OperationOutcome body: \(response.text.prefix(200))"] }
            return []
        }
        var problems = problems(in: body, status: response.status)
        if response.headers["Content-Type"]?.hasPrefix("application/fhir+json") != true {
            problems.append("Content-Type is \(response.headers["Content-Type"] ?? "missing"), not application/fhir+json")
        }
        return problems
    }

    /// Problems of one resource body answered with `status`.
    static func problems(in body: JSONObject, status: Int) -> [String] {
        var problems = FHIRValidator.validate(body)
            .filter { $0.severity == .error || $0.severity == .fatal }
            .map { "\($0.expression): \($0.code) \($0.message)" }
        let type = body["resourceType"]?.stringValue
        if status >= 400 && type != "OperationOutcome" {
            problems.append("an error answered with a \(type ?? "?"), not an OperationOutcome")
        }
        switch type {
        case "Bundle": problems += bundleProblems(body)
        case "OperationOutcome": problems += outcomeProblems(body)
        default: break
        }
        return problems
    }

    private static func bundleProblems(_ bundle: JSONObject) -> [String] {
        var problems: [String] = []
        if link("self", in: bundle) == nil { problems.append("Bundle has no self link") }
        if let total = bundle["total"], !(total.numberValue?.isIntegerLiteral == true && (total.numberValue?.int ?? -1) >= 0) {
            problems.append("Bundle.total \(total.serializedString()) is not a non-negative integer")
        }
        let isSearchset = bundle["type"]?.stringValue == "searchset"
        for (index, entry) in (bundle["entry"]?.arrayValue ?? []).enumerated() {
            let path = "Bundle.entry[\(index)]"
            let fullUrl = entry["fullUrl"]?.stringValue
            if let resource = entry["resource"] {
                let reference = "\(resource["resourceType"]?.stringValue ?? "?")/\(resource["id"]?.stringValue ?? "?")"
                if fullUrl?.hasSuffix("/" + reference) != true {
                    problems.append("\(path).fullUrl \(fullUrl ?? "missing") does not end with \(reference)")
                }
            } else if fullUrl == nil {
                problems.append("\(path) has neither resource nor fullUrl")
            }
            if isSearchset && entry["search"]?["mode"]?.stringValue == nil {
                problems.append("\(path) of a searchset has no search.mode")
            }
        }
        return problems
    }

    private static func outcomeProblems(_ outcome: JSONObject) -> [String] {
        var problems: [String] = []
        let issues = outcome["issue"]?.arrayValue ?? []
        if issues.isEmpty { problems.append("OperationOutcome has no issue") }
        for (index, issue) in issues.enumerated() {
            let path = "OperationOutcome.issue[\(index)]"
            if issue["severity"]?.stringValue.flatMap(OperationOutcome.IssueSeverity.init(rawValue:)) == nil {
                problems.append("\(path).severity is missing or invalid")
            }
            if issue["code"]?.stringValue.flatMap(OperationOutcome.IssueType.init(rawValue:)) == nil {
                problems.append("\(path).code \(issue["code"]?.serializedString() ?? "missing") is not a valid IssueType")
            }
            let codings = issue["details"]?["coding"]?.arrayValue ?? []
            if !codings.contains(where: { $0["system"]?.stringValue == errorSystem && !($0["code"]?.stringValue ?? "").isEmpty }) {
                problems.append("\(path).details.coding has no code from \(errorSystem)")
            }
            if (issue["details"]?["text"]?.stringValue ?? "").isEmpty {
                problems.append("\(path).details.text is missing or empty")
            }
        }
        return problems
    }
}
