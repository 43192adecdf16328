import Credentials
import FHIR
import Foundation
import Glibc
import TestSupport
import Testing
import ZorgbrugAPI
import ZorgbrugClient
import ZorgbrugCore
import ZorgbrugStore

/// DESIGN.md §5 as an attacker tries it: every refusal is an OperationOutcome (or an RFC 6749 error body on
/// `/oauth/*`), reveals nothing, and is in the audit trail of the patient it was aimed at.
@Suite("Attacks")
struct AttackTests {
    @Test("patient B's PGO against patient A's Task, every verb: refused like a missing id, and on A's record")
    func foreignPatientTasks() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let created = try await world.providerA.create(type: "Task", resource: World.task(for: world.patientA))
            let task = try #require(created.resource?["id"]?.stringValue)
            let body = try #require(created.resource)
            let consentA = try await consent(of: world, patient: world.patientA)
            let attacker = Expected.patientSide("pgo", patient: world.patientB)
            var traces: [Trace] = []

            func probe(
                _ name: String, _ interaction: AuditInteraction, status: Int, code: String, type: String = "Task", id: String?,
                sourceLocation: SourceLocation = #_sourceLocation,
                _ send: (FHIRClient) async throws -> FHIRClientResponse
            ) async throws {
                let trace = Trace(name)
                traces.append(trace)
                let response = try await send(world.pgoB.traced(trace))
                #expect(response.status == status, "\(name): \(response.text)", sourceLocation: sourceLocation)
                #expect(response.resource?["resourceType"]?.stringValue == "OperationOutcome", sourceLocation: sourceLocation)
                #expect(response.errorCode == code, "\(name)", sourceLocation: sourceLocation)
                try await expectRecords(
                    server, trace, [attacker.with(interaction, patient: world.patientA, type, id, outcome: 4, code)],
                    sourceLocation: sourceLocation)
            }

            try await probe("read", .read, status: 404, code: "resource-not-found", id: task) { try await $0.read(type: "Task", id: task) }
            try await probe("vread", .vread, status: 404, code: "resource-not-found", id: task) { try await $0.vread(type: "Task", id: task, version: "1") }
            try await probe("history", .history, status: 404, code: "resource-not-found", id: task) { try await $0.get(path: "Task/\(task)/_history") }
            try await probe("update", .update, status: 404, code: "resource-not-found", id: task) {
                try await $0.update(type: "Task", id: task, resource: body, ifMatch: "1")
            }
            try await probe("patch", .patch, status: 404, code: "resource-not-found", id: task) {
                try await $0.patch(type: "Task", id: task, jsonPatch: [["op": "replace", "path": "/status", "value": "in-progress"]], ifMatch: "1")
            }
            // The patient side never deletes or creates Tasks: refused before any lookup, so the answer is the same
            // for every id and reveals nothing.
            try await probe("delete", .delete, status: 403, code: "interaction-forbidden", id: task) { try await $0.delete(type: "Task", id: task) }
            try await probe("create", .create, status: 403, code: "interaction-forbidden", id: nil) {
                try await $0.create(type: "Task", resource: World.task(for: world.patientA))
            }
            try await probe("create-observation", .create, status: 422, code: "reference-not-found", type: "Observation", id: nil) {
                try await $0.create(type: "Observation", resource: World.observation(for: world.patientA))
            }
            try await probe("revoke", .revoke, status: 404, code: "resource-not-found", type: "Consent", id: consentA) {
                try await $0.post(path: "Consent/\(consentA)/$revoke", json: ["resourceType": "Parameters"])
            }
            try await probe("audit-trail", .search, status: 404, code: "resource-not-found", type: "AuditEvent", id: nil) {
                try await $0.search(type: "AuditEvent", parameters: [("patient", world.patientA)])
            }
            // Searches are narrowed to the caller's patient: nothing of A comes back (and nothing is recorded for A,
            // since no data of A was returned).
            for parameters in [[("_id", task)], [("patient", world.patientA)], [("subject", "Patient/\(world.patientA)")]] {
                let search = try await world.pgoB.search(type: "Task", parameters: parameters)
                #expect(search.status == 200 || search.status == 400)
                #expect(search.resource?["entry"] == nil, "\(parameters): \(search.text)")
            }
            // Patient A's provider sees every attempt in A's trail.
            let trail = try await world.providerA.search(type: "AuditEvent", parameters: [("patient", world.patientA), ("_count", "1000")])
            let requestIDs = Set((trail.resource?["entry"]?.arrayValue ?? []).compactMap { $0["resource"]?.objectValue?.requestID })
            #expect(traces.allSatisfy { requestIDs.contains($0.requestID) })
            // And patient A's Task is untouched.
            let after = try await world.providerA.read(type: "Task", id: task)
            #expect(after.resource?["meta"]?["versionId"]?.stringValue == "1")
        }
    }

    @Test("expired, revoked and rotated credentials stop working, and each refusal is on record")
    func staleCredentials() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let pgo = [World.basic(world.pgoClientID, world.pgoSecret)]

            // Refresh rotation: the old access token lives out its 15 minutes; the old refresh token is dead, and
            // presenting it again revokes the whole grant, recorded once as a serious failure.
            let first = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "refresh_token"), ("refresh_token", world.patientARefresh)], headers: pgo)
            #expect(first.status == 200)
            let newAccess = try #require(first.resource?["access_token"]?.stringValue)
            let reuse = Trace("refresh-reuse")
            let replayed = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "refresh_token"), ("refresh_token", world.patientARefresh)], headers: pgo + reuse.headers)
            #expect(replayed.status == 400)
            #expect(replayed.resource?["error"]?.stringValue == "invalid_grant")
            try await expectRecords(server, reuse, [
                Expected.patientSide("pgo", patient: world.patientA).with(.token, patient: world.patientA, outcome: 8, "invalid_grant: refresh token reuse, grant revoked"),
            ])
            for token in [world.patientAToken, newAccess] {
                let revoked = Trace("revoked-token")
                let response = try await server.client(token: token).traced(revoked).read(type: "Patient", id: world.patientA)
                #expect(response.status == 401)
                #expect(response.errorCode == "token-invalid")
                try await expectRecords(server, revoked, [
                    Expected(interaction: .authorizeFailed, clientID: "pgo", actor: "Patient/\(world.patientA)", patientID: world.patientA, outcome: 4, description: "token-invalid"),
                ])
            }

            // Expiry.
            server.clock.advance(milliseconds: 15 * 60_000)
            let expired = Trace("expired")
            let late = try await world.pgoB.traced(expired).read(type: "Patient", id: world.patientB)
            #expect(late.status == 401)
            #expect(late.errorCode == "token-expired")
            #expect(late.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
            try await expectRecords(server, expired, [
                Expected(interaction: .authorizeFailed, clientID: "pgo", actor: "Patient/\(world.patientB)", patientID: world.patientB, outcome: 4, description: "token-expired"),
            ])

            // A rotated client secret: the old one is refused at once (and tokens it got keep their 15 minutes).
            let oldSecret = try await server.identity.rotateSecret(clientID: "provider-b")
            _ = try await server.identity.rotateSecret(clientID: "provider-b")
            let rotated = Trace("rotated-secret")
            let refused = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "client_credentials")], headers: [World.basic("provider-b", oldSecret)] + rotated.headers)
            #expect(refused.status == 401)
            #expect(refused.resource?["error"]?.stringValue == "invalid_client")
            #expect(refused.headers["WWW-Authenticate"] != nil)
            try await expectRecords(server, rotated, [
                Expected(interaction: .token, clientID: "provider-b", actor: nil, patientID: nil, outcome: 4, description: "invalid_client: invalid client secret"),
            ])

            // A disabled client: its live tokens stop, and it gets no new ones.
            let secret = try await server.identity.rotateSecret(clientID: "provider-a")
            let live = try await World.providerToken(server, clientID: "provider-a", secret: secret)
            try await server.identity.disableClient(clientID: "provider-a")
            let disabled = Trace("disabled")
            #expect(try await server.client(token: live).traced(disabled).read(type: "Patient", id: world.patientA).status == 401)
            try await expectRecords(server, disabled, [
                Expected(interaction: .authorizeFailed, clientID: "provider-a", actor: "Organization/\(world.organizationA)", patientID: nil, outcome: 4, description: "token-invalid"),
            ])
            let noToken = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "client_credentials")], headers: [World.basic("provider-a", secret)])
            #expect(noToken.status == 401)
        }
    }

    @Test("a replayed client assertion is refused and recorded")
    func replayedAssertion() async throws {
        try await withServer { server in
            let organization = try await server.identity.createOrganization(name: "Org", identifier: nil, newID: "org")
            let keys = try ClientKeyPair.generate(.es256, keyID: "k1")
            _ = try await server.identity.registerClient(
                kind: .provider, displayName: "ECD", organizationID: organization.id, jwks: keys.publicJWKSJSON, clientID: "jwt-client")
            let now = server.clock.now
            let assertion = try await keys.signAssertion(
                issuer: "jwt-client", subject: "jwt-client", audience: [server.baseURL + "/oauth/token"], issuedAt: now,
                expiresAt: now + 60_000, jti: "once")
            let form = [("grant_type", "client_credentials"),
                        ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                        ("client_assertion", assertion)]
            #expect(try await server.client().post(path: "/oauth/token", form: form).status == 200)
            let replay = Trace("assertion-replay")
            let response = try await server.client().post(path: "/oauth/token", form: form, headers: replay.headers)
            #expect(response.status == 401)
            #expect(response.resource?["error"]?.stringValue == "invalid_client")
            #expect(response.headers["Content-Type"] == "application/json")
            try await expectRecords(server, replay, [
                Expected(interaction: .token, clientID: "jwt-client", actor: nil, patientID: nil, outcome: 4, description: "invalid_client: assertion replay"),
            ])
            // A forged assertion naming the client is recorded under the claimed client id.
            let forged = Trace("assertion-forged")
            let other = try ClientKeyPair.generate(.es256, keyID: "k1")
            let fake = try await other.signAssertion(
                issuer: "jwt-client", subject: "jwt-client", audience: [server.baseURL + "/oauth/token"], issuedAt: now,
                expiresAt: now + 60_000, jti: "forged")
            var forgedForm = form
            forgedForm[2] = ("client_assertion", fake)
            #expect(try await server.client().post(path: "/oauth/token", form: forgedForm, headers: forged.headers).status == 401)
            let records = try await records(server, forged)
            #expect(records.count == 1)
            #expect(records.first?.agent.clientID == "jwt-client")
            #expect(records.first?.outcomeDescription?.hasPrefix("invalid_client: assertion") == true)
        }
    }

    @Test("guessed connect codes: 5 per address per 15 minutes, and 20 an hour per confidential client across addresses")
    func guessingAcrossAddresses() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let port = server.server.port
            let pgo = World.basic(world.pgoClientID, world.pgoSecret)
            // Four addresses, five wrong guesses each: every one refused with 400, and recorded with its address.
            for host in 2...5 {
                for guess in 0..<5 {
                    let response = try await RawHTTP.token(
                        port: port, from: "127.0.0.\(host)", authorization: pgo.1,
                        form: "grant_type=urn%3Azorgbrug%3Agrant-type%3Aconnect-code&code=ZZZZ-\(host)\(guess)00")
                    #expect(response.status == 400, "\(response.raw)")
                    #expect(response.body.contains("\"invalid_grant\""))
                }
                // The sixth from the same address is locked out (per address).
                let sixth = try await RawHTTP.token(
                    port: port, from: "127.0.0.\(host)", authorization: pgo.1,
                    form: "grant_type=urn%3Azorgbrug%3Agrant-type%3Aconnect-code&code=ZZZZ-ZZZZ")
                #expect(sixth.status == 429)
                #expect(sixth.header("Retry-After") != nil)
                #expect(sixth.body.contains("\"slow_down\""))
            }
            // 20 failures an hour for this client: a fresh address is locked out too, even with a valid code.
            let code = try await World.connectCode(world.providerA, patient: world.patientA2)
            let fresh = try await RawHTTP.token(
                port: port, from: "127.0.0.9", authorization: pgo.1,
                form: "grant_type=urn%3Azorgbrug%3Agrant-type%3Aconnect-code&code=\(code)")
            #expect(fresh.status == 429, "\(fresh.raw)")
            let failures = try await allRecords(server).map(\.record).filter { (record: AuditRecord) -> Bool in
                record.interaction == .token && record.outcome == .minorFailure && record.agent.clientID == "pgo"
            }
            #expect(failures.count == 25)
            #expect(Set(failures.compactMap(\.remoteAddress)) == ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.9"])
            #expect(failures.filter { $0.outcomeDescription == "slow_down: connect codes locked" }.count == 5)

            // The public client (whose id anyone may use) is not locked out by the same 20: a patient on a fresh
            // address still connects with bp.
            for host in 10...13 {
                for guess in 0..<5 {
                    let response = try await RawHTTP.token(
                        port: port, from: "127.0.0.\(host)", authorization: nil,
                        form: "grant_type=urn%3Azorgbrug%3Agrant-type%3Aconnect-code&client_id=bp&code=ZZZZ-\(host)\(guess)00")
                    #expect(response.status == 400)
                }
            }
            let patient = try await RawHTTP.token(
                port: port, from: "127.0.0.20", authorization: nil,
                form: "grant_type=urn%3Azorgbrug%3Agrant-type%3Aconnect-code&client_id=bp&code=\(code)")
            #expect(patient.status == 200, "\(patient.raw)")
        }
    }

    @Test("the public client's ceiling (200 failures an hour) holds across addresses; IPv6 counts per /64")
    func publicCeilingAndIPv6() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            func redeem(_ code: String, client: String, secret: String? = nil, from address: String) async throws -> OAuthError? {
                var form = [(name: "grant_type", value: IdentityService.connectCodeGrant), (name: "code", value: code)]
                var authorization: String?
                if let secret {
                    authorization = World.basic(client, secret).1
                } else {
                    form.append((name: "client_id", value: client))
                }
                do {
                    _ = try await server.identity.token(IdentityService.TokenRequest(
                        form: form, authorization: authorization, tokenURL: server.baseURL + "/oauth/token",
                        trace: TraceIDs(requestID: "ceiling", remoteAddress: address)))
                    return nil
                } catch let error as OAuthError {
                    return error
                }
            }
            // Five addresses of one IPv6 /64 share one limit; another /64 does not.
            for host in 1...5 {
                #expect(try await redeem("ZZZZ-ZZZZ", client: "pgo", secret: world.pgoSecret, from: "2001:db8:0:1::\(host)")?.code == .invalidGrant)
            }
            #expect(try await redeem("ZZZZ-ZZZZ", client: "pgo", secret: world.pgoSecret, from: "2001:db8:0:1:ffff::9")?.code == .slowDown)
            #expect(try await redeem("ZZZZ-ZZZZ", client: "pgo", secret: world.pgoSecret, from: "2001:db8:0:2::1")?.code == .invalidGrant)
            #expect(IdentityService.rateLimitSubject(address: "::ffff:192.0.2.7") == "192.0.2.7")
            #expect(IdentityService.rateLimitSubject(address: "2001:DB8::1") == "2001:db8:0:0::/64")
            #expect(IdentityService.rateLimitSubject(address: "192.0.2.7") == "192.0.2.7")
            #expect(IdentityService.rateLimitSubject(address: nil) == "-")

            // 40 addresses × 5 failures through bp: the 201st failure from a fresh address is locked out.
            for host in 1...40 {
                for _ in 0..<5 {
                    #expect(try await redeem("ZZZZ-ZZZZ", client: "bp", from: "198.51.100.\(host)")?.code == .invalidGrant)
                }
            }
            let locked = try await redeem("ZZZZ-ZZZZ", client: "bp", from: "203.0.113.1")
            #expect(locked?.code == .slowDown)
            #expect((locked?.retryAfter ?? 0) > 0)
        }
    }

    @Test("a parent's token stops on the child's 16th birthday; the attempt is in the child's trail")
    func parentAfterSixteenth() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            // Clock: 2026-11-23 10:00Z. The child turns 16 on 2026-11-24 (Europe/Amsterdam).
            let child = try await World.createPatient(world.providerA, family: "Kind", birthDate: "2010-11-24")
            let parent = try await world.providerA.create(type: "RelatedPerson", resource: [
                "resourceType": "RelatedPerson", "patient": ["reference": .string("Patient/\(child)")],
                "relationship": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "FTH"]]]],
                "name": [["text": "Vader Kind"]],
            ])
            let parentID = try #require(parent.resource?["id"]?.stringValue)
            let code = try await World.connectCode(world.providerA, patient: child, relatedPerson: parentID)
            server.clock.advance(milliseconds: (12 * 60 + 55) * 60_000)
            let tokens = try await World.redeem(server, code: code, clientID: world.pgoClientID, secret: world.pgoSecret)
            #expect(try await server.client(token: tokens.access).read(type: "Patient", id: child).status == 200)
            server.clock.advance(milliseconds: 10 * 60_000)
            // The provider's own token of this morning has expired by now.
            let provider = server.client(token: try await World.providerToken(
                server, clientID: "provider-a", secret: try await server.identity.rotateSecret(clientID: "provider-a")))

            let attempt = Trace("parent-after-16")
            let refused = try await server.client(token: tokens.access).traced(attempt).read(type: "Patient", id: child)
            #expect(refused.status == 403)
            #expect(refused.errorCode == "delegation-ended")
            try await expectRecords(server, attempt, [
                Expected(interaction: .authorizeFailed, clientID: "pgo", actor: "RelatedPerson/\(parentID)", patientID: child, outcome: 4, description: "delegation-ended"),
            ])
            // The grant ended for good: its tokens were revoked, so a refresh is refused too (and recorded).
            let refresh = Trace("parent-refresh")
            let again = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "refresh_token"), ("refresh_token", tokens.refresh)],
                headers: [World.basic(world.pgoClientID, world.pgoSecret)] + refresh.headers)
            #expect(again.status == 400)
            #expect(again.resource?["error"]?.stringValue == "invalid_grant")
            try await expectRecords(server, refresh, [
                Expected(interaction: .token, clientID: "pgo", actor: nil, patientID: child, outcome: 4, description: "invalid_grant: revoked refresh token"),
            ])
            let consents = try await provider.search(type: "Consent", parameters: [("patient", child)])
            #expect(consents.resource?["entry"]?.arrayValue?.first?["resource"]?["status"]?.stringValue == "inactive")
            // The child's provider sees the attempt in the child's trail.
            let trail = try await provider.search(type: "AuditEvent", parameters: [("patient", child)])
            let event = (trail.resource?["entry"]?.arrayValue ?? []).compactMap { $0["resource"]?.objectValue }.first { $0.requestID == attempt.requestID }
            #expect(event?.requestor?["who"]?["reference"]?.stringValue == "RelatedPerson/\(parentID)")
            #expect(event?["outcomeDesc"]?.stringValue == "delegation-ended")
        }
    }

    @Test("a delegate can neither delegate further nor revoke the patient's own grant")
    func delegateLimits() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let delegated = try await world.pgoA.post(path: "Patient/\(world.patientA)/$delegate", json: [
                "resourceType": "Parameters", "parameter": [["name": "name", "valueString": "Mantelzorger Mia"]],
            ])
            let parameters = delegated.resource?["parameter"]?.arrayValue ?? []
            let code = try #require(parameters.first { $0["name"]?.stringValue == "code" }?["valueString"]?.stringValue)
            let related = try #require(parameters.first { $0["name"]?.stringValue == "relatedPerson" }?["valueReference"]?["reference"]?.stringValue)
            let patientConsent = try await consent(of: world, patient: world.patientA)
            let tokens = try await World.redeem(server, code: code, clientID: world.pgoClientID, secret: world.pgoSecret)
            let caregiver = Expected.patientSide("pgo", actor: related)

            let further = Trace("delegate-further")
            let refused = try await server.client(token: tokens.access).traced(further).post(
                path: "Patient/\(world.patientA)/$delegate",
                json: ["resourceType": "Parameters", "parameter": [["name": "name", "valueString": "X"]]])
            #expect(refused.status == 403)
            #expect(refused.errorCode == "interaction-forbidden")
            try await expectRecords(server, further, [
                caregiver.with(.delegate, patient: world.patientA, "Patient", world.patientA, outcome: 4, "interaction-forbidden"),
            ])

            let revoke = Trace("delegate-revokes-patient")
            let notOwn = try await server.client(token: tokens.access).traced(revoke).post(
                path: "Consent/\(patientConsent)/$revoke", json: ["resourceType": "Parameters"])
            #expect(notOwn.status == 403)
            #expect(notOwn.errorCode == "interaction-forbidden")
            try await expectRecords(server, revoke, [
                caregiver.with(.revoke, patient: world.patientA, "Consent", patientConsent, outcome: 4, "interaction-forbidden"),
            ])
            // The patient's own grant still works; the delegate may still end their own.
            #expect(try await world.pgoA.read(type: "Patient", id: world.patientA).status == 200)
            let consents = try await world.pgoA.search(type: "Consent", parameters: [("actor", related)])
            let own = try #require(consents.resource?["entry"]?.arrayValue?.first?["resource"]?["id"]?.stringValue)
            #expect(try await server.client(token: tokens.access).post(path: "Consent/\(own)/$revoke", json: ["resourceType": "Parameters"]).status == 200)
        }
    }

    @Test("only a patient of 16 or older delegates, and naming the delegate a parent changes nothing")
    func delegationAge() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            // A 14-year-old holds their own grant (12-15), but may not delegate, not even to someone called a parent.
            let teen = try await World.createPatient(world.providerA, family: "Tiener", birthDate: "2012-06-01")
            let code = try await World.connectCode(world.providerA, patient: teen)
            let tokens = try await World.redeem(server, code: code, clientID: world.pgoClientID, secret: world.pgoSecret)
            let teenClient = server.client(token: tokens.access)
            for relationship in ["caregiver", "parent", "guardian"] {
                let attempt = Trace("teen-delegates-\(relationship)")
                let refused = try await teenClient.traced(attempt).post(path: "Patient/\(teen)/$delegate", json: [
                    "resourceType": "Parameters",
                    "parameter": [["name": "name", "valueString": "Iemand"], ["name": "relationship", "valueCode": .string(relationship)]],
                ])
                #expect(refused.status == 403, "\(relationship): \(refused.text)")
                #expect(refused.errorCode == "delegation-ended")
                try await expectRecords(server, attempt, [
                    Expected.patientSide("pgo", patient: teen).with(.delegate, patient: teen, "Patient", teen, outcome: 4, "delegation-ended"),
                ])
            }
            // An adult naming their mother as delegate: the grant is the adult's own choice and keeps working.
            let delegated = try await world.pgoA.post(path: "Patient/\(world.patientA)/$delegate", json: [
                "resourceType": "Parameters",
                "parameter": [["name": "name", "valueString": "Moeder"], ["name": "relationship", "valueCode": "parent"]],
            ])
            #expect(delegated.status == 200, "\(delegated.text)")
            let delegateCode = try #require(delegated.resource?["parameter"]?.arrayValue?.first { $0["name"]?.stringValue == "code" }?["valueString"]?.stringValue)
            let mother = try await World.redeem(server, code: delegateCode, clientID: world.pgoClientID, secret: world.pgoSecret)
            let read = try await server.client(token: mother.access).read(type: "Patient", id: world.patientA)
            #expect(read.status == 200, "\(read.text)")
        }
    }

    @Test("a provider cannot issue a connect code for another organization's patient, nor a PGO at all")
    func foreignConnectCode() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let foreign = Trace("foreign-connect-code")
            let response = try await world.providerB.traced(foreign).post(path: "Patient/\(world.patientA)/$connect-code", json: ["resourceType": "Parameters"])
            #expect(response.status == 404)
            #expect(response.errorCode == "resource-not-found")
            try await expectRecords(server, foreign, [
                Expected.provider("provider-b", organization: world.organizationB)
                    .with(.connect, patient: world.patientA, "Patient", world.patientA, outcome: 4, "resource-not-found"),
            ])
            // Naming one of its own patients' RelatedPersons does not help either.
            let relatedPerson = try await world.providerB.create(type: "RelatedPerson", resource: [
                "resourceType": "RelatedPerson", "patient": ["reference": .string("Patient/\(world.patientB)")], "name": [["text": "Buur"]],
            ])
            let relatedID = try #require(relatedPerson.resource?["id"]?.stringValue)
            let mixed = try await world.providerA.post(path: "Patient/\(world.patientA)/$connect-code", json: [
                "resourceType": "Parameters",
                "parameter": [["name": "relatedPerson", "valueReference": ["reference": .string("RelatedPerson/\(relatedID)")]]],
            ])
            #expect(mixed.status == 422)
            #expect(mixed.errorCode == "reference-not-found")

            let byPGO = Trace("pgo-connect-code")
            let pgo = try await world.pgoA.traced(byPGO).post(path: "Patient/\(world.patientA)/$connect-code", json: ["resourceType": "Parameters"])
            #expect(pgo.status == 403)
            try await expectRecords(server, byPGO, [
                Expected.patientSide("pgo", patient: world.patientA).with(.connect, patient: world.patientA, "Patient", world.patientA, outcome: 4, "interaction-forbidden"),
            ])
        }
    }

    @Test("a PGO cannot use client_credentials; a refresh token presented by another client is refused and harmless")
    func clientConfusion() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let credentials = Trace("pgo-client-credentials")
            let response = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "client_credentials")],
                headers: [World.basic(world.pgoClientID, world.pgoSecret)] + credentials.headers)
            #expect(response.status == 400)
            #expect(response.resource?["error"]?.stringValue == "unauthorized_client")
            #expect(response.resource?["error_description"] != nil)
            #expect(response.headers["Cache-Control"] == "no-store")
            try await expectRecords(server, credentials, [
                Expected(interaction: .token, clientID: "pgo", actor: nil, patientID: nil, outcome: 4, description: "unauthorized_client"),
            ])
            // The public client cannot either (it has no secret to authenticate with).
            let publicClient = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "client_credentials"), ("client_id", "bp")])
            #expect(publicClient.status == 401)
            #expect(publicClient.resource?["error"]?.stringValue == "invalid_client")

            let other = try await server.identity.registerClient(kind: .pgo, displayName: "Other PGO", organizationID: nil, jwks: nil, clientID: "pgo-2")
            let stolen = Trace("refresh-other-client")
            let refused = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "refresh_token"), ("refresh_token", world.patientARefresh)],
                headers: [World.basic("pgo-2", try #require(other.secret))] + stolen.headers)
            #expect(refused.status == 400)
            #expect(refused.resource?["error"]?.stringValue == "invalid_grant")
            try await expectRecords(server, stolen, [
                Expected(interaction: .token, clientID: "pgo-2", actor: nil, patientID: world.patientA, outcome: 4, description: "invalid_grant: refresh token of another client"),
            ])
            // Nor can the other client revoke it (RFC 7009 answers 200; the attempt is recorded).
            let revoke = Trace("revoke-other-client")
            let revoked = try await server.client().post(
                path: "/oauth/revoke", form: [("token", world.patientARefresh)],
                headers: [World.basic("pgo-2", try #require(other.secret))] + revoke.headers)
            #expect(revoked.status == 200)
            try await expectRecords(server, revoke, [
                Expected(interaction: .revoke, clientID: "pgo-2", actor: nil, patientID: world.patientA, resourceType: "Consent",
                         resourceID: try await consent(of: world, patient: world.patientA), outcome: 4, description: "refresh token of another client"),
            ])
            // The grant is untouched: its own client still refreshes.
            let own = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "refresh_token"), ("refresh_token", world.patientARefresh)],
                headers: [World.basic(world.pgoClientID, world.pgoSecret)])
            #expect(own.status == 200, "\(own.text)")
        }
    }

    @Test("CR/LF and other control characters in trace headers are never echoed nor recorded")
    func traceHeaderInjection() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let token = try #require(world.providerA.bearerToken)
            let port = server.server.port
            // Each header block, and the request id that may be echoed (`nil`: only a fresh UUID).
            let attempts: [(String, String?)] = [
                ("X-Request-Id: abc\rInjected: yes", nil),
                ("X-Request-Id: abc\r\n Injected: yes", nil),
                ("X-Request-Id: abc\r\n\tInjected: yes", nil),
                ("X-Request-Id: abc\u{7F}Injected", nil),
                ("X-Request-Id: abc Injected: yes", nil),
                ("X-Request-Id: \(String(repeating: "a", count: 200))", nil),
                ("X-Request-Id: abc\r\nX-Correlation-Id: def\rInjected: yes\r\nX-Trace-Id: ghi\u{1B}[31m", "abc"),
                ("MedMij-Request-ID: abc\rInjected: yes", nil),
            ]
            for (index, (header, echoed)) in attempts.enumerated() {
                let response = try await RawHTTP.exchange(
                    "GET /fhir/Patient/\(world.patientA) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n\(header)\r\nConnection: close\r\n\r\n",
                    port: port)
                #expect(!response.headers.contains { $0.name.lowercased() == "injected" }, "\(index): \(response.raw)")
                #expect(!response.rawHead.contains("Injected"), "\(index): \(response.raw)")
                for name in ["X-Request-Id", "X-Correlation-Id", "X-Trace-Id"] {
                    if let value = response.header(name) {
                        #expect(value.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F } && value.utf8.count <= 128, "\(index) \(name): \(value)")
                    }
                }
                if response.status == 200, let requestID = response.header("X-Request-Id") {
                    // A refused id is replaced by a fresh UUID, and that is what the audit record carries.
                    #expect(requestID == echoed || UUID(uuidString: requestID) != nil, "\(index): \(requestID)")
                    let recorded = try await allRecords(server).map(\.record).filter { $0.requestID == requestID }
                    #expect(recorded.count == 1, "\(index)")
                } else {
                    // libmicrohttpd refused the malformed request itself: nothing reached Zorgbrug.
                    #expect(response.status == 400, "\(index): \(response.raw)")
                }
            }
            let all = try await allRecords(server).map(\.record)
            #expect(!all.contains { [$0.requestID, $0.correlationID, $0.traceID].contains { $0?.contains("Injected") == true } })
            #expect(!all.contains { [$0.requestID, $0.correlationID, $0.traceID].contains { $0?.utf8.contains { $0 < 0x21 || $0 > 0x7E } == true } })
        }
    }

    @Test("oversized Authorization headers: 431 OperationOutcome past the header limit, 401 below it; nothing of them recorded")
    func hugeAuthorization() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            let huge = try await server.client(token: String(repeating: "A", count: 64 * 1024)).read(type: "Patient", id: world.patientA)
            #expect(huge.status == 431)
            // Known limitation of the HTTP layer (HTTPServerError.headersTooLarge): libmicrohttpd answers an
            // oversized head itself, with its own HTML, before Zorgbrug sees the request; so it is not recorded either.
            withKnownIssue("libmicrohttpd answers 431 with its own HTML body") {
                #expect(huge.resource?["resourceType"]?.stringValue == "OperationOutcome", "\(huge.text)")
            }

            let large = Trace("large-bearer")
            let bearer = String(repeating: "B", count: 16 * 1024)
            let refused = try await server.client(token: bearer).traced(large).read(type: "Patient", id: world.patientA)
            #expect(refused.status == 401)
            #expect(refused.errorCode == "token-invalid")
            try await expectRecords(server, large, [
                Expected(interaction: .authorizeFailed, clientID: nil, actor: nil, patientID: nil, outcome: 4, description: "token-invalid"),
            ])

            // A Basic header with a 16 KiB client id: refused, recorded without the claimed id.
            let basic = Trace("large-basic")
            let longID = String(repeating: "c", count: 16 * 1024)
            let oauth = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", "client_credentials")], headers: [World.basic(longID, "x")] + basic.headers)
            #expect(oauth.status == 401)
            #expect(oauth.resource?["error"]?.stringValue == "invalid_client")
            try await expectRecords(server, basic, [
                Expected(interaction: .token, clientID: nil, actor: nil, patientID: nil, outcome: 4, description: "invalid_client: malformed client id"),
            ])
            let all = try await allRecords(server).map(\.record)
            #expect(!all.contains { "\($0)".contains("BBBBBBBB") || "\($0)".contains("cccccccc") })
        }
    }

    @Test("client_secret_basic per RFC 6749 §2.3.1: a colon in the secret, percent-encoded ids and secrets")
    func basicEncoding() async throws {
        try await withServer { server in
            let world = try await World.make(server)
            try await server.store.write { writer in
                try writer.identity.createClient(ClientRecord(
                    clientID: "ecd:colon", kind: .provider, organizationID: world.organizationA, displayName: "Colon ECD",
                    secretHash: SecretHasher.tokenHash("pa:ss:w%rd+1"), jwks: nil, createdAt: 0, updatedAt: 0))
            }
            func basic(_ raw: String) async throws -> FHIRClientResponse {
                try await server.client().post(
                    path: "/oauth/token", form: [("grant_type", "client_credentials")],
                    headers: [("Authorization", "Basic " + Data(raw.utf8).base64EncodedString())])
            }
            // Encoded as RFC 6749 says (form-urlencoded, then joined by the first colon).
            #expect(try await basic("ecd%3Acolon:pa%3Ass%3Aw%25rd%2B1").status == 200)
            // Only the secret encoded: the id has no colon left to confuse.
            let secretColon = try await basic("ecd%3Acolon:pa:ss:w%25rd%2B1")
            #expect(secretColon.status == 200, "\(secretColon.text)")
            // Raw '+' decodes to a space (form encoding), so an unencoded secret with '+' does not match.
            #expect(try await basic("ecd%3Acolon:pa:ss:w%25rd+1").status == 401)
            // The raw id splits at its own colon: a different client, refused.
            #expect(try await basic("ecd:colon:pa:ss:w%rd+1").status == 401)
            // A percent-encoded ordinary id is the same client.
            let secret = try await server.identity.rotateSecret(clientID: "provider-a")
            #expect(try await basic("provider%2Da:\(secret)").status == 200)
            #expect(try await basic("PROVIDER-A:\(secret)").status == 401)
            // A public client id percent-encoded in the form, and an encoded NUL (recorded without the id).
            let code = try await World.connectCode(world.providerA, patient: world.patientA2)
            let bp = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", IdentityService.connectCodeGrant), ("code", code), ("client_id", "b%70")])
            #expect(bp.status == 401, "an id is decoded once: 'b%70' is not 'bp'")
            // An encoded NUL would cut the id short on its way to SQLite ("provider-a"): refused before any lookup,
            // and recorded without the id. Such ids cannot be registered either.
            #expect(try await basic("provider-a%00:\(secret)").status == 401)
            #expect(try await basic("provider-a%0A:\(secret)").status == 401)
            await #expect(throws: ZorgbrugError.self) {
                try await server.identity.registerClient(kind: .pgo, displayName: "x", organizationID: nil, jwks: nil, clientID: "pgo\u{0}evil")
            }
            let encoded = try await server.client().post(
                path: "/oauth/token", form: [("grant_type", IdentityService.connectCodeGrant), ("code", code), ("client_id", "bp")])
            #expect(encoded.status == 200, "\(encoded.text)")
            let records = try await allRecords(server).map(\.record)
            #expect(!records.contains { $0.agent.clientID?.utf8.contains(0) == true })
        }
    }
}

// MARK: - A bare HTTP client

/// One HTTP/1.1 exchange over a plain socket, optionally from another loopback address: for what a well-behaved
/// client will not send (control characters in headers) and for requests from several source addresses.
enum RawHTTP {
    struct Response: Sendable {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: String
        var rawHead: String
        var raw: String

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A form POST to `/oauth/token` from `source`.
    static func token(port: Int, from source: String, authorization: String?, form: String) async throws -> Response {
        var head = "POST /oauth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        if let authorization { head += "Authorization: \(authorization)\r\n" }
        head += "Content-Length: \(form.utf8.count)\r\nConnection: close\r\n\r\n"
        return try await exchange(head + form, port: port, from: source)
    }

    /// Sends `request` exactly as given from `source` to 127.0.0.1:`port` and reads the answer until the server
    /// closes.
    static func exchange(_ request: String, port: Int, from source: String = "127.0.0.1") async throws -> Response {
        let socket: RawSocket
        do {
            socket = try await RawSocket(port: port, source: source)
        } catch let error as RawSocket.ConnectError {
            throw Failure(description: "connect from \(source): errno \(error.code)")
        }
        guard await socket.send(request) else { throw Failure(description: "the server closed before the request was sent") }
        let raw = await socket.receive()
        guard let split = raw.range(of: "\r\n\r\n") else { throw Failure(description: "no response head: \(raw)") }
        let head = String(raw[..<split.lowerBound])
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure(description: "status line: \(head)") }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Response(status: status, headers: headers, body: String(raw[split.upperBound...]), rawHead: head, raw: raw)
    }
}
