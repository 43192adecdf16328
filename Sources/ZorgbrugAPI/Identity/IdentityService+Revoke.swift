import Credentials
import FHIR
import ZorgbrugCore
import ZorgbrugStore

extension IdentityService {
    /// `Consent/{id}/$revoke`: ends a grant at once — every token it issued stops working on the next request.
    /// The patient (through any of their own grants) or the provider of the patient may revoke; a delegate may
    /// revoke only their own grant.
    package func revokeConsent(consentID: String, caller: Caller, trace: TraceIDs) async throws -> StoredResource {
        let now = clock()
        return try await store.write { writer in
            guard let consent = try writer.current(type: "Consent", id: consentID), !consent.isDeleted,
                let grant = try writer.identity.grant(id: consentID)
            else { throw ZorgbrugError(.resourceNotFound, arguments: ["type": "Consent", "id": consentID]) }
            let revoker: GrantRevoker
            switch caller.kind {
            case .provider(let organizationID):
                guard consent.organizationId == organizationID else {
                    throw ZorgbrugError(.resourceNotFound, arguments: ["type": "Consent", "id": consentID])
                }
                revoker = .provider
            case .patientSide(let patientID, let actor, let grantID):
                guard consent.patientId == patientID else {
                    throw ZorgbrugError(.resourceNotFound, arguments: ["type": "Consent", "id": consentID])
                }
                // The patient may revoke any grant on their data; a delegate only their own.
                guard actor == "Patient/\(patientID)" || grantID == grant.grantID else {
                    throw ZorgbrugError(.interactionForbidden, arguments: ["interaction": "$revoke", "type": "Consent", "role": caller.roleName])
                }
                revoker = .patient
            }
            _ = try writer.identity.revokeGrant(id: grant.grantID, by: revoker, reason: "revoked by \(revoker.rawValue)", at: now)
            try ConsentResources.deactivate(grantID: grant.grantID, writer: writer)
            try writer.appendAudit(AuditEntry(
                interaction: .revoke, clientID: caller.clientID, actor: caller.actorReference, patientID: grant.patientID,
                resourceType: "Consent", resourceID: consentID, outcomeDescription: "grant revoked", trace: trace).record(at: now))
            guard let updated = try writer.current(type: "Consent", id: consentID) else {
                throw ZorgbrugError(.resourceNotFound, arguments: ["type": "Consent", "id": consentID])
            }
            return updated
        }
    }

    /// RFC 7009 revocation: an access token is revoked; a refresh token revokes its whole grant (the long-term
    /// consent). Unknown tokens are not an error (RFC 7009 §2.2). Only the client the token was issued to may revoke it.
    package func revokeToken(_ request: TokenRequest) async throws {
        let client: ClientRecord
        let token: String
        do {
            guard let value = try request.value("token") else { throw OAuthError(.invalidRequest, "token is required") }
            token = value
            client = try await authenticateClient(request, allowPublic: true)
        } catch var error as OAuthError {
            if error.clientID == nil { error.clientID = request.claimedClientID }
            throw error
        }
        let now = clock()
        let hash = SecretHasher.tokenHash(token)
        let trace = request.trace
        @Sendable func record(_ agent: AuditAgent, patientID: String?, resource: String?, outcome: AuditOutcome, _ description: String) -> AuditRecord {
            AuditRecord(
                recorded: now, agent: agent, patientID: patientID, action: .update, interaction: .revoke,
                resourceType: resource == nil ? nil : "Consent", resourceID: resource, outcome: outcome,
                outcomeDescription: description, requestID: trace.requestID, correlationID: trace.correlationID,
                traceID: trace.traceID, remoteAddress: trace.remoteAddress)
        }
        try await store.write { writer in
            let identity = writer.identity
            let clientAgent = AuditAgent(clientID: client.clientID, actorType: "Device", actorID: nil)
            if let access = try identity.accessToken(hash: hash) {
                guard access.clientID == client.clientID else {
                    // RFC 7009 answers 200 all the same; the attempt is on record.
                    try writer.appendAudit(record(clientAgent, patientID: access.patientID, resource: access.grantID, outcome: .minorFailure, "access token of another client"))
                    return
                }
                guard try identity.revokeAccessToken(hash: hash, at: now) else { return }
                let agent = access.actor.map { AuditAgent(clientID: client.clientID, actorType: $0.resourceType, actorID: $0.id) }
                    ?? AuditAgent(clientID: client.clientID, actorType: "Organization", actorID: access.organizationID)
                try writer.appendAudit(record(agent, patientID: access.patientID, resource: access.grantID, outcome: .success, "access token revoked via /oauth/revoke"))
                return
            }
            guard let refresh = try identity.refreshToken(hash: hash), let grant = try identity.grant(id: refresh.grantID) else { return }
            guard grant.clientID == client.clientID else {
                try writer.appendAudit(record(clientAgent, patientID: grant.patientID, resource: grant.grantID, outcome: .minorFailure, "refresh token of another client"))
                return
            }
            _ = try identity.revokeGrant(id: grant.grantID, by: .patient, reason: "refresh token revoked by the client", at: now)
            try ConsentResources.deactivate(grantID: grant.grantID, writer: writer)
            let agent = AuditAgent(clientID: client.clientID, actorType: grant.actor.resourceType, actorID: grant.actor.id)
            try writer.appendAudit(record(agent, patientID: grant.patientID, resource: grant.grantID, outcome: .success, "grant revoked via /oauth/revoke"))
        }
    }
}
