import FHIR
import Foundation
import Testing
import ZorgbrugAPI
import ZorgbrugClient
import ZorgbrugCore
import ZorgbrugStore

/// NEN 7513 end to end: every interaction, every identity event and every refusal leaves exactly the audit record it
/// should (who: client and person; what: interaction and resource; whose data; outcome; the request's trace ids),
/// and the provider and the patient read it back as valid FHIR `AuditEvent`s.
@Suite("Audit trail (NEN 7513)")
struct AuditTrailTests {
    @Test("read, vread, search (per patient, _include too), create, update, patch, delete, history: one record each")
    func restInteractions() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let a = world.patientA, a2 = world.patientA2
            let provider = Expected.provider("provider-a", organization: world.organizationA)
            let patientSide = Expected.patientSide("pgo", patient: a)

            let create = Trace("create")
            var task = World.task(for: a)
            task["focus"] = ["reference": .string("Patient/\(a2)")]
            let created = try await world.providerA.traced(create).create(type: "Task", resource: task)
            #expect(created.status == 201, "\(created.text)")
            let id = try #require(created.resource?["id"]?.stringValue)
            try await expectRecords(server, create, [provider.with(.create, patient: a, "Task", id)])

            let read = Trace("read")
            #expect(try await world.providerA.traced(read).read(type: "Task", id: id).status == 200)
            try await expectRecords(server, read, [provider.with(.read, patient: a, "Task", id)])

            let readByPatient = Trace("read-by-patient")
            #expect(try await world.pgoA.traced(readByPatient).read(type: "Task", id: id).status == 200)
            try await expectRecords(server, readByPatient, [patientSide.with(.read, patient: a, "Task", id)])

            let update = Trace("update")
            var body = try #require(try await world.providerA.read(type: "Task", id: id).resource)
            body["description"] = "PHQ-9 invullen"
            let updated = try await world.providerA.traced(update).update(type: "Task", id: id, resource: body, ifMatch: "1")
            #expect(updated.status == 200, "\(updated.text)")
            try await expectRecords(server, update, [provider.with(.update, patient: a, "Task", id)])

            let patch = Trace("patch")
            let patched = try await world.pgoA.traced(patch).patch(
                type: "Task", id: id, jsonPatch: [["op": "replace", "path": "/status", "value": "in-progress"]], ifMatch: "2")
            #expect(patched.status == 200, "\(patched.text)")
            let patchRecords = try await records(server, patch)
            #expect(patchRecords.count == 1)
            #expect(patchRecords.first?.interaction == .patch)
            if let record = patchRecords.first {
                check(record, patientSide.with(record.interaction, patient: a, "Task", id), trace: patch)
            }

            let vread = Trace("vread")
            #expect(try await world.providerA.traced(vread).vread(type: "Task", id: id, version: "1").status == 200)
            try await expectRecords(server, vread, [provider.with(.vread, patient: a, "Task", id)])

            let history = Trace("history")
            #expect(try await world.providerA.traced(history).get(path: "Task/\(id)/_history").status == 200)
            try await expectRecords(server, history, [provider.with(.history, patient: a, "Task", id)])

            // A search records one record per patient whose data it returned, including what _include added:
            // the Task is patient A's, its focus is patient A2.
            let search = Trace("search-include")
            let found = try await world.providerA.traced(search).search(type: "Task", parameters: [("_id", id), ("_include", "Task:focus")])
            #expect(found.resource?["entry"]?.arrayValue?.count == 2, "\(found.text)")
            try await expectRecords(server, search, [a, a2].sorted().map { provider.with(.search, patient: $0, "Task") })

            let typeHistory = Trace("type-history")
            #expect(try await world.providerA.traced(typeHistory).get(path: "Patient/_history").status == 200)
            try await expectRecords(server, typeHistory, [a, a2].sorted().map { provider.with(.history, patient: $0, "Patient") })

            // A search that returns nothing of anyone touched no patient data and leaves no record.
            let empty = Trace("search-empty")
            #expect(try await world.providerA.traced(empty).search(type: "Task", parameters: [("status", "cancelled")]).status == 200)
            try await expectRecords(server, empty, [])

            let delete = Trace("delete")
            #expect(try await world.providerA.traced(delete).delete(type: "Task", id: id).status == 204)
            try await expectRecords(server, delete, [provider.with(.delete, patient: a, "Task", id)])

            // Reading a deleted resource is refused with 410 and recorded as a refused read.
            let gone = Trace("read-gone")
            #expect(try await world.providerA.traced(gone).read(type: "Task", id: id).status == 410)
            try await expectRecords(server, gone, [provider.with(.read, patient: a, "Task", id, outcome: 4, "resource-deleted")])
        }
    }

    @Test("a conditional create that returns an existing resource, and an idempotent replay, hand out patient data: recorded")
    func existingReturned() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            var observation = World.observation(for: world.patientA)
            observation["identifier"] = [["system": "urn:test", "value": "audit-1"]]
            let headers = [("If-None-Exist", "identifier=urn:test|audit-1"), ("Idempotency-Key", "audit-key-1")]
            let first = try await world.providerA.create(type: "Observation", resource: observation, headers: headers)
            #expect(first.status == 201)
            let id = try #require(first.resource?["id"]?.stringValue)
            let provider = Expected.provider("provider-a", organization: world.organizationA)

            // Both a matched If-None-Exist and an Idempotency-Key replay hand patient A's Observation out again:
            // each is recorded as a read.
            let conditional = Trace("conditional-existing")
            let again = try await world.providerA.traced(conditional).create(
                type: "Observation", resource: observation, headers: [("If-None-Exist", "identifier=urn:test|audit-1")])
            #expect(again.status == 200)
            #expect(again.resource?["id"]?.stringValue == id)
            let conditionalRecords = try await records(server, conditional)
            #expect(conditionalRecords.count == 1)
            for record in conditionalRecords { check(record, provider.with(record.interaction, patient: world.patientA, "Observation", id), trace: conditional) }

            let replay = Trace("idempotent-replay")
            let replayed = try await world.providerA.traced(replay).create(type: "Observation", resource: observation, headers: headers)
            #expect(replayed.headers["Idempotency-Replayed"] == "true")
            let replayRecords = try await records(server, replay)
            #expect(replayRecords.count == 1)
            for record in replayRecords { check(record, provider.with(record.interaction, patient: world.patientA, "Observation", id), trace: replay) }
        }
    }

    @Test("token issuance, connect-code issue and redemption, refresh, consent revocation, RFC 7009 revocation")
    func identityEvents() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let providerSecret = try await server.identity.rotateSecret(clientID: "provider-a")

            let issue = Trace("client-credentials")
            let token = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "client_credentials")],
                headers: [World.basic("provider-a", providerSecret)] + issue.headers)
            #expect(token.status == 200)
            try await expectRecords(server, issue, [
                Expected(interaction: .token, action: "E", clientID: "provider-a", actor: "Organization/\(world.organizationA)", patientID: nil),
            ])

            let codeIssue = Trace("connect-code")
            let code = try await World.connectCode(world.providerA.traced(codeIssue), patient: world.patientA2)
            try await expectRecords(server, codeIssue, [
                Expected.provider("provider-a", organization: world.organizationA).with(.connect, patient: world.patientA2, "Patient", world.patientA2),
            ])

            let redeem = Trace("redeem")
            let redeemed = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", IdentityService.connectCodeGrant), ("code", code)],
                headers: [World.basic(world.pgoClientID, world.pgoSecret)] + redeem.headers)
            #expect(redeemed.status == 200, "\(redeemed.text)")
            let consentID = try #require(redeemed.resource?["consent"]?.stringValue?.split(separator: "/").last.map(String.init))
            let refreshToken = try #require(redeemed.resource?["refresh_token"]?.stringValue)
            let patientA2 = Expected.patientSide("pgo", patient: world.patientA2)
            // The grant (its Consent) is created, then the first tokens are issued: two records, one request.
            try await expectRecords(server, redeem, [
                patientA2.with(.connect, action: "C", patient: world.patientA2, "Consent", consentID),
                patientA2.with(.token, action: "E", patient: world.patientA2),
            ])

            let refresh = Trace("refresh")
            let refreshed = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "refresh_token"), ("refresh_token", refreshToken)],
                headers: [World.basic(world.pgoClientID, world.pgoSecret)] + refresh.headers)
            #expect(refreshed.status == 200)
            try await expectRecords(server, refresh, [patientA2.with(.token, action: "E", patient: world.patientA2)])
            let access = try #require(refreshed.resource?["access_token"]?.stringValue)

            let revokeAccess = Trace("oauth-revoke-access")
            let revokedAccess = try await server.client().post(
                path: "/oauth/revoke", form: [("token", access)], headers: [World.basic(world.pgoClientID, world.pgoSecret)] + revokeAccess.headers)
            #expect(revokedAccess.status == 200)
            try await expectRecords(server, revokeAccess, [patientA2.with(.revoke, action: "U", patient: world.patientA2, "Consent", consentID)])

            let revoke = Trace("consent-revoke")
            let revoked = try await world.pgoA.traced(revoke).post(path: "Consent/\(try await consent(of: world, patient: world.patientA))/$revoke", json: ["resourceType": "Parameters"])
            #expect(revoked.status == 200, "\(revoked.text)")
            let revokedID = try #require(revoked.resource?["id"]?.stringValue)
            try await expectRecords(server, revoke, [
                Expected.patientSide("pgo", patient: world.patientA).with(.revoke, action: "U", patient: world.patientA, "Consent", revokedID),
            ])
        }
    }

    @Test("refusals are recorded: a bad token, a known but expired token, a foreign id (404), a missing id, a forbidden interaction")
    func refusals() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let created = try await world.providerA.create(type: "Task", resource: World.task(for: world.patientA))
            let task = try #require(created.resource?["id"]?.stringValue)

            let bad = Trace("bad-token")
            let badResponse = try await server.client(token: "forged-token").traced(bad).read(type: "Task", id: task)
            #expect(badResponse.status == 401)
            #expect(badResponse.errorCode == "token-invalid")
            try await expectRecords(server, bad, [
                Expected(interaction: .authorizeFailed, action: "E", clientID: nil, actor: nil, patientID: nil, outcome: 4, description: "token-invalid"),
            ])

            let none = Trace("no-token")
            #expect(try await server.client().traced(none).read(type: "Task", id: task).status == 401)
            try await expectRecords(server, none, [
                Expected(interaction: .authorizeFailed, action: "E", clientID: nil, actor: nil, patientID: nil, outcome: 4, description: "authentication-required"),
            ])

            // Provider B asks for patient A's Task: 404 as if it did not exist, recorded in A's trail.
            let foreign = Trace("foreign-read")
            let foreignResponse = try await world.providerB.traced(foreign).read(type: "Task", id: task)
            #expect(foreignResponse.status == 404)
            #expect(foreignResponse.errorCode == "resource-not-found")
            try await expectRecords(server, foreign, [
                Expected.provider("provider-b", organization: world.organizationB)
                    .with(.read, patient: world.patientA, "Task", task, outcome: 4, "resource-not-found"),
            ])
            // The answer is exactly that of an id that does not exist; only the record differs (no patient).
            let missing = Trace("missing-read")
            let missingResponse = try await world.providerB.traced(missing).read(type: "Task", id: "00000000-0000-4000-8000-000000000000")
            #expect(missingResponse.status == 404)
            #expect(missingResponse.resource?["issue"]?.arrayValue?.first?["code"] == foreignResponse.resource?["issue"]?.arrayValue?.first?["code"])
            try await expectRecords(server, missing, [
                Expected.provider("provider-b", organization: world.organizationB)
                    .with(.read, patient: nil, "Task", "00000000-0000-4000-8000-000000000000", outcome: 4, "resource-not-found"),
            ])

            // An id that cannot be one (here CR LF) is refused, and recorded without it.
            let odd = Trace("odd-id")
            #expect(try await world.providerB.traced(odd).get(path: "Task/%0D%0AInjected").status == 404)
            try await expectRecords(server, odd, [
                Expected.provider("provider-b", organization: world.organizationB).with(.read, patient: nil, "Task", nil, outcome: 4, "resource-not-found"),
            ])

            let forbidden = Trace("forbidden-delete")
            let forbiddenResponse = try await world.pgoA.traced(forbidden).delete(type: "Task", id: task)
            #expect(forbiddenResponse.status == 403)
            try await expectRecords(server, forbidden, [
                Expected.patientSide("pgo", patient: world.patientA).with(.delete, patient: world.patientA, "Task", task, outcome: 4, "interaction-forbidden"),
            ])

            server.clock.advance(milliseconds: 15 * 60_000 + 1)
            let expired = Trace("expired-token")
            #expect(try await world.pgoA.traced(expired).read(type: "Task", id: task).status == 401)
            try await expectRecords(server, expired, [
                Expected(interaction: .authorizeFailed, action: "E", clientID: "pgo", actor: "Patient/\(world.patientA)", patientID: world.patientA, outcome: 4, description: "token-expired"),
            ])
        }
    }

    @Test("the provider and the patient read the trail as valid AuditEvents, refused attempts included")
    func readBack() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let created = try await world.providerA.create(type: "Task", resource: World.task(for: world.patientA))
            let task = try #require(created.resource?["id"]?.stringValue)
            let read = Trace("provider-read")
            #expect(try await world.providerA.traced(read).read(type: "Task", id: task).status == 200)
            let pgoRead = Trace("pgo-read")
            #expect(try await world.pgoA.traced(pgoRead).read(type: "Task", id: task).status == 200)
            let probe = Trace("probe")
            #expect(try await world.pgoB.traced(probe).read(type: "Task", id: task).status == 404)

            let asProvider = Trace("trail-provider")
            let providerTrail = try await world.providerA.traced(asProvider).search(
                type: "AuditEvent", parameters: [("patient", world.patientA), ("_count", "1000")])
            #expect(providerTrail.status == 200, "\(providerTrail.text)")
            let asPatient = Trace("trail-patient")
            // The patient's own token needs no patient parameter: "who looked at my data".
            let patientTrail = try await world.pgoA.traced(asPatient).search(type: "AuditEvent", parameters: [("_count", "1000")])
            #expect(patientTrail.status == 200, "\(patientTrail.text)")

            for trail in [providerTrail, patientTrail] {
                let events = (trail.resource?["entry"]?.arrayValue ?? []).compactMap { $0["resource"]?.objectValue }
                #expect(!events.isEmpty)
                for event in events {
                    let issues = FHIRValidator.validate(event).filter { $0.severity == .error || $0.severity == .fatal }
                    #expect(issues.isEmpty, "\(issues) in \(JSON.object(event).serializedString())")
                    // Every event is about patient A.
                    #expect(event.entities.contains { $0["what"]?["reference"]?.stringValue == "Patient/\(world.patientA)" })
                }
                let providerRead = try #require(events.first { $0.requestID == read.requestID })
                #expect(providerRead["subtype"]?.arrayValue?.first?["code"]?.stringValue == "read")
                #expect(providerRead["subtype"]?.arrayValue?.first?["system"]?.stringValue == "http://hl7.org/fhir/restful-interaction")
                #expect(providerRead["action"]?.stringValue == "R")
                #expect(providerRead["outcome"]?.stringValue == "0")
                #expect(providerRead.requestor?["who"]?["reference"]?.stringValue == "Organization/\(world.organizationA)")
                #expect(providerRead.requestor?["altId"]?.stringValue == "provider-a")
                #expect(providerRead.requestor?["name"]?.stringValue == "ECD A")
                #expect(providerRead.requestor?["network"]?["address"]?.stringValue == "127.0.0.1")
                #expect(providerRead.entities.contains { $0["what"]?["reference"]?.stringValue == "Task/\(task)" })
                #expect(providerRead.detail("X-Correlation-Id") == read.correlationID)
                #expect(providerRead.detail("X-Trace-Id") == read.traceID)

                let patientRead = try #require(events.first { $0.requestID == pgoRead.requestID })
                #expect(patientRead.requestor?["who"]?["reference"]?.stringValue == "Patient/\(world.patientA)")
                #expect(patientRead.requestor?["altId"]?.stringValue == "pgo")

                // Patient B's PGO probing A's Task is in A's trail as a refused read by Patient B.
                let refused = try #require(events.first { $0.requestID == probe.requestID })
                #expect(refused["outcome"]?.stringValue == "4")
                #expect(refused["outcomeDesc"]?.stringValue == "resource-not-found")
                #expect(refused.requestor?["who"]?["reference"]?.stringValue == "Patient/\(world.patientB)")

                // Token and connect events carry their trace ids too (no resource entity to hang them on).
                let connect = try #require(events.first { $0["subtype"]?.arrayValue?.first?["code"]?.stringValue == "connect" })
                #expect(connect["type"]?["code"]?.stringValue == "110114")
                #expect(connect.detail("X-Request-Id") != nil)
            }
            // Reading the trail is itself an access to A's data, and recorded.
            try await expectRecords(server, asProvider, [
                Expected.provider("provider-a", organization: world.organizationA).with(.search, patient: world.patientA, "AuditEvent"),
            ])
            try await expectRecords(server, asPatient, [
                Expected.patientSide("pgo", patient: world.patientA).with(.search, patient: world.patientA, "AuditEvent"),
            ])
            // Nobody else reads A's trail, and trying is recorded too.
            let foreign = Trace("trail-foreign")
            let refused = try await world.providerB.traced(foreign).search(type: "AuditEvent", parameters: [("patient", world.patientA)])
            #expect(refused.status == 404)
            try await expectRecords(server, foreign, [
                Expected.provider("provider-b", organization: world.organizationB)
                    .with(.search, patient: world.patientA, "AuditEvent", outcome: 4, "resource-not-found"),
            ])
            let other = try await world.pgoB.search(type: "AuditEvent", parameters: [("patient", world.patientA)])
            #expect(other.status == 404)
        }
    }

    @Test("no route alters the audit table: every write is refused, and every earlier record stays as it was")
    func appendOnly() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            _ = try await world.providerA.read(type: "Patient", id: world.patientA)
            let before = try await allRecords(server)
            let first = try #require(before.first)
            let seq = String(first.seq)
            let event = ["resourceType": "AuditEvent", "id": .string(seq), "recorded": "2020-01-01T00:00:00Z",
                         "type": ["code": "rest"], "agent": [["requestor": false]], "source": ["observer": ["display": "x"]]] as JSONObject
            for client in [world.providerA, world.pgoA] {
                var statuses: [Int] = []
                statuses.append(try await client.create(type: "AuditEvent", resource: event).status)
                statuses.append(try await client.update(type: "AuditEvent", id: seq, resource: event, ifMatch: "1").status)
                statuses.append(try await client.patch(type: "AuditEvent", id: seq, jsonPatch: [["op": "replace", "path": "/outcome", "value": "0"]], ifMatch: "1").status)
                statuses.append(try await client.delete(type: "AuditEvent", id: seq).status)
                statuses.append(try await client.read(type: "AuditEvent", id: seq).status)
                statuses.append(try await client.get(path: "AuditEvent/\(seq)/_history").status)
                statuses.append(try await client.get(path: "AuditEvent/_history").status)
                statuses.append(try await client.post(path: "AuditEvent/\(seq)/$revoke", json: ["resourceType": "Parameters"]).status)
                statuses.append(try await client.post(path: "AuditEvent/$purge", json: ["resourceType": "Parameters"]).status)
                statuses.append(try await client.search(type: "AuditEvent", parameters: [("patient", world.patientA), ("_cursor", "-1")]).status)
                statuses.append(try await client.search(type: "AuditEvent", parameters: [("patient", "x'; DELETE FROM auditEvent; --")]).status)
                #expect(statuses.allSatisfy { (400..<500).contains($0) }, "\(statuses)")
            }
            let after = try await allRecords(server)
            // Everything recorded before is still there, unchanged and in order; the refusals were appended.
            #expect(Array(after.prefix(before.count)) == before)
            #expect(after.count > before.count)
            #expect(after.dropFirst(before.count).allSatisfy { $0.record.outcome == .minorFailure || $0.record.resourceType == "AuditEvent" })
        }
    }
}

// MARK: - Support shared with AttackTests

/// Distinct trace ids for one request, sent as `X-Request-Id`, `X-Correlation-Id`, `X-Trace-Id`.
struct Trace: Sendable {
    let requestID: String
    let correlationID: String
    let traceID: String

    init(_ name: String) {
        let unique = UUID().uuidString.prefix(8).lowercased()
        requestID = "req-\(name)-\(unique)"
        correlationID = "corr-\(name)-\(unique)"
        traceID = "trace-\(name)-\(unique)"
    }

    var headers: [(String, String)] {
        [("X-Request-Id", requestID), ("X-Correlation-Id", correlationID), ("X-Trace-Id", traceID)]
    }
}

extension FHIRClient {
    /// This client sending `trace`'s ids.
    func traced(_ trace: Trace) -> FHIRClient {
        var copy = self
        copy.defaultHeaders = trace.headers
        return copy
    }
}

/// What one audit record must say.
struct Expected: Sendable {
    var interaction: AuditInteraction
    var action: String?
    var clientID: String?
    /// `Patient/…`, `RelatedPerson/…`, `Organization/…`; `nil` when no person or organization is known.
    var actor: String?
    var patientID: String?
    var resourceType: String?
    var resourceID: String?
    var outcome: Int = 0
    var description: String?

    static func provider(_ clientID: String, organization: String) -> Expected {
        Expected(interaction: .read, clientID: clientID, actor: "Organization/\(organization)")
    }

    static func patientSide(_ clientID: String, patient: String) -> Expected {
        Expected(interaction: .read, clientID: clientID, actor: "Patient/\(patient)")
    }

    static func patientSide(_ clientID: String, actor: String) -> Expected {
        Expected(interaction: .read, clientID: clientID, actor: actor)
    }

    func with(
        _ interaction: AuditInteraction, action: String? = nil, patient: String?, _ type: String? = nil, _ id: String? = nil,
        outcome: Int = 0, _ description: String? = nil
    ) -> Expected {
        var copy = self
        copy.interaction = interaction
        copy.action = action
        copy.patientID = patient
        copy.resourceType = type
        copy.resourceID = id
        copy.outcome = outcome
        copy.description = description
        return copy
    }
}

/// Every audit record in the store, in order (read straight from the store, so reading adds none).
func allRecords(_ server: TestServer) async throws -> [StoredAuditEvent] {
    var all: [StoredAuditEvent] = []
    while true {
        let after = all.last?.seq
        let page = try await server.store.read { reader in try reader.identity.auditEvents(afterSeq: after, limit: 1000) }
        all += page
        if page.count < 1000 { return all }
    }
}

/// The records of the request that sent `trace`.
func records(_ server: TestServer, _ trace: Trace) async throws -> [AuditRecord] {
    try await allRecords(server).map(\.record).filter { $0.requestID == trace.requestID }
}

/// Checks that the request that sent `trace` left exactly `expected` (in order), each with the trace ids.
func expectRecords(
    _ server: TestServer, _ trace: Trace, _ expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation
) async throws {
    let found = try await records(server, trace)
    #expect(found.count == expected.count, "\(trace.requestID): \(found)", sourceLocation: sourceLocation)
    for (record, expectation) in zip(found, expected) {
        check(record, expectation, trace: trace, sourceLocation: sourceLocation)
    }
}

func check(_ record: AuditRecord, _ expected: Expected, trace: Trace, sourceLocation: SourceLocation = #_sourceLocation) {
    let actor = record.agent.actorID.map { "\(record.agent.actorType)/\($0)" }
    #expect(record.interaction == expected.interaction, "\(record)", sourceLocation: sourceLocation)
    if let action = expected.action { #expect(record.action.rawValue == action, sourceLocation: sourceLocation) }
    #expect(record.agent.clientID == expected.clientID, "\(record)", sourceLocation: sourceLocation)
    #expect(actor == expected.actor, "\(record)", sourceLocation: sourceLocation)
    #expect(record.patientID == expected.patientID, "\(record)", sourceLocation: sourceLocation)
    #expect(record.resourceType == expected.resourceType, "\(record)", sourceLocation: sourceLocation)
    #expect(record.resourceID == expected.resourceID, "\(record)", sourceLocation: sourceLocation)
    #expect(record.outcome.rawValue == expected.outcome, "\(record)", sourceLocation: sourceLocation)
    if let description = expected.description {
        #expect(record.outcomeDescription == description, "\(record)", sourceLocation: sourceLocation)
    }
    #expect(record.requestID == trace.requestID, sourceLocation: sourceLocation)
    #expect(record.correlationID == trace.correlationID, sourceLocation: sourceLocation)
    #expect(record.traceID == trace.traceID, sourceLocation: sourceLocation)
    #expect(record.remoteAddress == "127.0.0.1", sourceLocation: sourceLocation)
}

/// The id of the Consent of `patient`'s grant held by the world's PGO.
func consent(of world: World, patient: String) async throws -> String {
    let client = patient == world.patientA ? world.pgoA : world.pgoB
    let consents = try await client.search(type: "Consent", parameters: [("status", "active")])
    return try #require(consents.resource?["entry"]?.arrayValue?.first?["resource"]?["id"]?.stringValue)
}

extension JSONObject {
    var entities: [JSON] { self["entity"]?.arrayValue ?? [] }
    var requestor: JSON? { self["agent"]?.arrayValue?.first { $0["requestor"]?.boolValue == true } }
    /// The value of the trace detail `name` (`X-Request-Id`, …).
    func detail(_ name: String) -> String? {
        for entity in entities {
            for detail in entity["detail"]?.arrayValue ?? [] where detail["type"]?.stringValue == name {
                return detail["valueString"]?.stringValue
            }
        }
        return nil
    }
    var requestID: String? { detail("X-Request-Id") }
}
