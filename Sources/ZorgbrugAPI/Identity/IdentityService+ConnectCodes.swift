import Credentials
import FHIR
import Foundation
import ZorgbrugCore
import ZorgbrugStore

extension IdentityService {
    /// A freshly issued connect code: shown once, stored only as a keyed hash.
    package struct IssuedCode: Sendable {
        package var code: String
        package var expiresAt: Int64
        package var patientID: String
        package var relatedPersonID: String?
    }

    /// `Patient/{id}/$connect-code` for a provider: a single-use code the patient (or, with `relatedPersonID`, their
    /// parent, guardian or caregiver) redeems in a PGO. The patient and related person must be the provider's.
    package func issueConnectCode(
        patientID: String, relatedPersonID: String?, validDays: Int?, caller: Caller, trace: TraceIDs
    ) async throws -> IssuedCode {
        guard case .provider(let organizationID) = caller.kind else {
            throw ZorgbrugError(.interactionForbidden, arguments: ["interaction": "$connect-code", "type": "Patient", "role": caller.roleName])
        }
        let now = clock()
        let lifetime = validDays.map { Int64($0) * TokenLifetimes.day } ?? lifetimes.connectCode
        let code = generator.connectCode()
        return try await store.write { writer in
            guard let patient = try writer.current(type: "Patient", id: patientID), !patient.isDeleted,
                patient.organizationId == organizationID
            else { throw ZorgbrugError(.resourceNotFound, arguments: ["type": "Patient", "id": patientID]) }
            var relationship: DelegateRelationship?
            if let relatedPersonID {
                guard let related = try writer.current(type: "RelatedPerson", id: relatedPersonID), !related.isDeleted,
                    related.patientId == patientID
                else {
                    throw ZorgbrugError(.referenceNotFound, expression: ["Parameters.parameter.where(name='relatedPerson')"], arguments: ["reference": "RelatedPerson/\(relatedPersonID)"])
                }
                relationship = Self.relationship(of: related.json)
            }
            try writer.identity.storeConnectCode(ConnectCodeRecord(
                codeHash: hasher.connectCodeHash(code), patientID: patientID, relatedPersonID: relatedPersonID,
                relationship: relationship, organizationID: organizationID, purpose: .connect, createdBy: caller.clientID,
                createdAt: now, expiresAt: now + lifetime))
            try writer.appendAudit(AuditEntry(
                interaction: .connect, clientID: caller.clientID, actor: caller.actorReference, patientID: patientID,
                resourceType: "Patient", resourceID: patientID, outcomeDescription: "connect code issued", trace: trace).record(at: now))
            return IssuedCode(code: code.formatted, expiresAt: now + lifetime, patientID: patientID, relatedPersonID: relatedPersonID)
        }
    }

    /// `Patient/{id}/$delegate` by the patient themselves (not a delegate): creates a RelatedPerson and a connect code
    /// for them. Only a patient of 16 or older may delegate (WGBO); `relationship` describes the RelatedPerson, the
    /// grant is always a caregiver's (the patient's own choice, which no birthday ends).
    package func delegate(
        patientID: String, name: String, relationship: DelegateRelationship, caller: Caller, trace: TraceIDs, newID: String
    ) async throws -> IssuedCode {
        guard case .patientSide(let ownPatient, let actor, _) = caller.kind, ownPatient == patientID else {
            throw ZorgbrugError(.resourceNotFound, arguments: ["type": "Patient", "id": patientID])
        }
        guard actor == "Patient/\(patientID)" else {
            throw ZorgbrugError(.interactionForbidden, arguments: ["interaction": "$delegate", "type": "Patient", "role": caller.roleName])
        }
        let now = clock()
        let code = generator.connectCode()
        return try await store.write { writer in
            guard let patient = try writer.current(type: "Patient", id: patientID), !patient.isDeleted,
                let organizationID = patient.organizationId
            else { throw ZorgbrugError(.resourceNotFound, arguments: ["type": "Patient", "id": patientID]) }
            let birthDate = patient.json["birthDate"]?.stringValue.flatMap(BirthDate.init(fhirDate:))
            // The delegate's authority rests on the patient's own decision, whatever the RelatedPerson is to them:
            // the grant is a caregiver's, which the WGBO allows only from 16. (Naming the delegate a parent must
            // not let a 12-to-15-year-old delegate, nor end the grant at once for a patient of 16 or older.)
            if case .refused(let reason) = DelegationRule.mayAct(
                .relatedPerson(.caregiver), birthDate: birthDate, today: CalendarDay(epochMilliseconds: now))
            {
                throw Self.error(for: .ended(reason))
            }
            let related: JSONObject = [
                "resourceType": "RelatedPerson", "id": .string(newID), "active": true,
                "patient": ["reference": .string("Patient/\(patientID)")],
                "relationship": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": .string(Self.roleCode(relationship))]], "text": .string(relationship.rawValue)]],
                "name": [["text": .string(name)]],
            ]
            guard let definition = ResourceCatalog.definition("RelatedPerson") else { throw ZorgbrugError(.internalError) }
            _ = try writer.create(
                NewResource(type: "RelatedPerson", id: newID, json: related, index: SearchIndexExtractor.entries(of: related, definition: definition),
                            patientId: patientID, organizationId: organizationID),
                ifNoneExist: nil)
            try writer.identity.storeConnectCode(ConnectCodeRecord(
                codeHash: hasher.connectCodeHash(code), patientID: patientID, relatedPersonID: newID, relationship: .caregiver,
                organizationID: organizationID, purpose: .delegate, createdBy: caller.clientID, createdAt: now,
                expiresAt: now + lifetimes.connectCode))
            try writer.appendAudit(AuditEntry(
                interaction: .delegate, clientID: caller.clientID, actor: caller.actorReference, patientID: patientID,
                resourceType: "RelatedPerson", resourceID: newID, outcomeDescription: "delegation code issued", trace: trace).record(at: now))
            return IssuedCode(code: code.formatted, expiresAt: now + lifetimes.connectCode, patientID: patientID, relatedPersonID: newID)
        }
    }

    /// The connect-code grant: rate-limited per client and source address, single use, WGBO-checked; creates the
    /// grant, its Consent and the first tokens.
    func redeemConnectCode(client: ClientRecord, request: TokenRequest) async throws -> JSONObject {
        guard client.kind == .pgo || client.kind == .public else {
            throw OAuthError(.unauthorizedClient, "the connect-code grant is for PGOs and the patient CLI")
        }
        guard let text = try request.value("code") else { throw OAuthError(.invalidRequest, "code is required") }
        let now = clock()
        let policy = client.kind == .public ? publicClientRateLimit : rateLimit
        let windows = policy.windows(
            clientID: client.clientID, sourceAddress: Self.rateLimitSubject(address: request.trace.remoteAddress), now: now)
        let counts = try await store.read { reader in
            try windows.map { window in (window: window, failures: try reader.identity.failureCount(key: window.key, since: window.start)) }
        }
        if case .locked(let until) = policy.decide(counts, now: now) {
            let seconds = Int(max(1, (until - now + 999) / 1000))
            throw OAuthError(
                .slowDown, "too many failed connect codes; try again in \(seconds) seconds", retryAfter: seconds,
                reason: "connect codes locked")
        }
        guard let code = ConnectCode(parsing: text) else {
            try await recordFailure(windows: windows, now: now)
            throw OAuthError(.invalidGrant, "the connect code is not valid; check it and try again", reason: "malformed connect code")
        }
        let hash = hasher.connectCodeHash(code)
        let outcome: Result<GrantRecord, OAuthError> = try await store.write { writer in
            let identity = writer.identity
            let redemption = try identity.redeemConnectCode(hash: hash, now: now)
            guard case .redeemed(let record) = redemption else {
                for window in windows { try identity.recordFailure(key: window.key, windowStart: window.start) }
                return .failure(redemption == .expired
                    ? OAuthError(.invalidGrant, "the connect code has expired; ask for a new one", reason: "expired connect code")
                    : OAuthError(.invalidGrant, "the connect code is not valid; check it and try again", reason: "unknown or used connect code"))
            }
            let patient = try writer.current(type: "Patient", id: record.patientID)
            let birthDate = patient?.json["birthDate"]?.stringValue.flatMap(BirthDate.init(fhirDate:))
            let party: ActingParty = record.relatedPersonID == nil ? .patient : .relatedPerson(record.relationship ?? .caregiver)
            if record.purpose == .connect, case .refused(let reason) = DelegationRule.mayAct(party, birthDate: birthDate, today: CalendarDay(epochMilliseconds: now)) {
                let catalog = Self.error(for: .ended(reason))
                var error = OAuthError(.invalidGrant, catalog.description, reason: catalog.code.rawValue)
                error.patientID = record.patientID
                return .failure(error)
            }
            let actor: ActorReference = record.relatedPersonID.map { .relatedPerson($0) } ?? .patient(record.patientID)
            let grant = GrantRecord(
                grantID: ResourceID.randomUUID(), clientID: client.clientID, patientID: record.patientID, actor: actor,
                relationship: record.relationship, organizationID: record.organizationID, createdAt: now, lastUsedAt: now)
            try identity.createGrant(grant)
            try ConsentResources.create(for: grant, clientName: client.displayName, organizationName: nil, at: now, writer: writer)
            try writer.appendAudit(AuditRecord(
                recorded: now, agent: AuditAgent(clientID: client.clientID, actorType: actor.resourceType, actorID: actor.id),
                patientID: record.patientID, action: .create, interaction: .connect, resourceType: "Consent",
                resourceID: ConsentResources.consentID(grantID: grant.grantID), outcome: .success,
                outcomeDescription: "connect code redeemed", requestID: request.trace.requestID,
                correlationID: request.trace.correlationID, traceID: request.trace.traceID, remoteAddress: request.trace.remoteAddress))
            return .success(grant)
        }
        let grant = try outcome.get()
        return try await issuePatientTokens(grant: grant, client: client, rotating: nil, trace: request.trace, audit: "connect")
    }

    private func recordFailure(windows: [RateLimitWindow], now: Int64) async throws {
        try await store.write { writer in
            for window in windows { try writer.identity.recordFailure(key: window.key, windowStart: window.start) }
        }
    }

    /// The delegate relationship a RelatedPerson's `relationship` codes describe (caregiver when unclear).
    static func relationship(of relatedPerson: JSONObject) -> DelegateRelationship {
        let codes = (relatedPerson["relationship"]?.arrayValue ?? []).flatMap { concept in
            (concept["coding"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
        }
        if codes.contains(where: { ["PRN", "MTH", "FTH", "NPRN", "PRNFOST", "STPPRN", "parent"].contains($0) }) { return .parent }
        if codes.contains(where: { ["GUARD", "guardian"].contains($0) }) { return .guardian }
        return .caregiver
    }

    static func roleCode(_ relationship: DelegateRelationship) -> String {
        switch relationship {
        case .parent: return "PRN"
        case .guardian: return "GUARD"
        case .caregiver: return "CAREGIVER"
        }
    }
}
