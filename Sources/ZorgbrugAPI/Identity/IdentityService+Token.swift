import Credentials
import FHIR
import Foundation
import ZorgbrugCore
import ZorgbrugStore

extension IdentityService {
    /// The grant types of `/oauth/token`.
    package static let connectCodeGrant = "urn:zorgbrug:grant-type:connect-code"
    static let assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

    /// A token request as received: the form parameters, the `Authorization` header and where it came from.
    package struct TokenRequest: Sendable {
        package var form: [(name: String, value: String)]
        package var authorization: String?
        /// The token endpoint's URL as the client addresses it (the `aud` of client assertions).
        package var tokenURL: String
        package var trace: TraceIDs

        package init(form: [(name: String, value: String)], authorization: String?, tokenURL: String, trace: TraceIDs) {
            self.form = form
            self.authorization = authorization
            self.tokenURL = tokenURL
            self.trace = trace
        }

        /// The client id the request names before it is authenticated (Basic user, assertion `iss` or `client_id`),
        /// for the audit record of a refusal; `nil` when absent or not printable ASCII of at most 128 characters.
        var claimedClientID: String? {
            var claimed: String?
            if let header = authorization, header.lowercased().hasPrefix("basic "),
                let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: " ")),
                let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
            {
                claimed = QueryString.decode(String(text[..<colon]))
            } else if let assertion = try? value("client_assertion") {
                claimed = ClientAssertionVerifier.unverifiedIssuer(of: assertion)
            } else {
                claimed = try? value("client_id")
            }
            return claimed.flatMap { IdentityService.isValidClientID($0) ? $0 : nil }
        }

        func value(_ name: String) throws(OAuthError) -> String? {
            let values = form.filter { $0.name == name }
            guard values.count <= 1 else { throw OAuthError(.invalidRequest, "\(name) may appear only once") }
            return values.first.map(\.value)
        }
    }

    /// `POST /oauth/token` (RFC 6749 §4.4, §6; RFC 7523 §2.2): authenticates the client, then runs the grant.
    /// Returns the JSON token response; throws `OAuthError` for every refusal, carrying the client (authenticated
    /// or as claimed) and the patient when known, so that `RefusalAuditMiddleware` records it exactly once.
    package func token(_ request: TokenRequest) async throws -> JSONObject {
        do {
            let grantType = try request.value("grant_type")
            guard let grantType else { throw OAuthError(.invalidRequest, "grant_type is required") }
            let client = try await authenticateClient(request, allowPublic: grantType != "client_credentials")
            do {
                switch grantType {
                case "client_credentials": return try await clientCredentials(client: client, request: request)
                case Self.connectCodeGrant: return try await redeemConnectCode(client: client, request: request)
                case "refresh_token": return try await refresh(client: client, request: request)
                default: throw OAuthError(.unsupportedGrantType, "supported: client_credentials, \(Self.connectCodeGrant), refresh_token")
                }
            } catch var error as OAuthError {
                error.clientID = client.clientID
                throw error
            }
        } catch var error as OAuthError {
            if error.clientID == nil { error.clientID = request.claimedClientID }
            throw error
        }
    }

    // MARK: Client authentication

    /// Authenticates the client: `client_secret_basic`, `private_key_jwt`, or (for public clients, when allowed)
    /// just `client_id`.
    func authenticateClient(_ request: TokenRequest, allowPublic: Bool) async throws -> ClientRecord {
        let now = clock()
        if let header = request.authorization, header.lowercased().hasPrefix("basic ") {
            guard let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: " ")),
                let text = String(data: decoded, encoding: .utf8), let colon = text.firstIndex(of: ":")
            else { throw OAuthError(.invalidClient, "malformed Basic credentials") }
            let clientID = QueryString.decode(String(text[..<colon]))
            let secret = QueryString.decode(String(text[text.index(after: colon)...]))
            let client = try await activeClient(clientID)
            guard let stored = client.secretHash, SecretHasher.matches(secret: secret, storedHash: stored) else {
                throw OAuthError(.invalidClient, "client authentication failed", reason: "invalid client secret")
            }
            return client
        }
        if let assertion = try request.value("client_assertion") {
            guard try request.value("client_assertion_type") == Self.assertionType else {
                throw OAuthError(.invalidClient, "client_assertion_type must be \(Self.assertionType)")
            }
            guard let issuer = ClientAssertionVerifier.unverifiedIssuer(of: assertion) else {
                throw OAuthError(.invalidClient, "the client assertion has no iss")
            }
            let client = try await activeClient(issuer)
            guard let jwks = client.jwks else { throw OAuthError(.invalidClient, "this client has no registered keys", reason: "no JWKS") }
            let verified: VerifiedClientAssertion
            do {
                verified = try await ClientAssertionVerifier().verify(
                    assertion, clientID: client.clientID, jwksJSON: jwks, audience: request.tokenURL, now: now)
            } catch {
                throw OAuthError(.invalidClient, error.message, reason: "assertion \(error.code)")
            }
            do {
                try await store.write { writer in
                    try writer.identity.recordAssertionJti(clientID: client.clientID, jti: verified.jti, expiresAt: verified.expiresAt)
                }
            } catch IdentityStoreError.assertionReplay {
                throw OAuthError(
                    .invalidClient, "this client assertion (jti) was already used; create a fresh one for each request",
                    reason: "assertion replay")
            }
            return client
        }
        guard allowPublic, let clientID = try request.value("client_id") else {
            throw OAuthError(.invalidClient, "authenticate with client_secret_basic or private_key_jwt")
        }
        let client = try await activeClient(clientID)
        guard client.kind == .public else {
            throw OAuthError(.invalidClient, "confidential clients must authenticate", reason: "no client authentication")
        }
        return client
    }

    private func activeClient(_ clientID: String) async throws -> ClientRecord {
        // An id with a NUL would be cut short when bound as SQL text and match another client's record.
        guard Self.isValidClientID(clientID) else {
            throw OAuthError(.invalidClient, "client authentication failed", reason: "malformed client id")
        }
        let client = try await store.read { reader in try reader.identity.client(id: clientID) }
        guard let client, client.status == .active else {
            throw OAuthError(.invalidClient, "client authentication failed", reason: "unknown or disabled client")
        }
        return client
    }

    // MARK: Grants

    private func clientCredentials(client: ClientRecord, request: TokenRequest) async throws -> JSONObject {
        guard client.kind == .provider, let organizationID = client.organizationID else {
            throw OAuthError(.unauthorizedClient, "client_credentials is for provider systems; PGOs use the connect-code grant")
        }
        let now = clock()
        let token = generator.token()
        let record = AccessTokenRecord(
            tokenHash: SecretHasher.tokenHash(token), clientID: client.clientID, grantID: nil, patientID: nil, actor: nil,
            organizationID: organizationID, scope: "system/*.*", issuedAt: now, expiresAt: now + lifetimes.accessToken)
        try await store.write { writer in
            try writer.identity.storeAccessToken(record)
            try writer.appendAudit(self.tokenAudit(client: client.clientID, actor: AuditAgent(clientID: client.clientID, actorType: "Organization", actorID: organizationID), patientID: nil, outcome: .success, description: "client_credentials", trace: request.trace, now: now))
        }
        return [
            "access_token": .string(token), "token_type": "Bearer",
            "expires_in": .number(JSONNumber(lifetimes.accessTokenSeconds)), "scope": "system/*.*",
            "organization": .string("Organization/\(organizationID)"),
        ]
    }

    private func refresh(client: ClientRecord, request: TokenRequest) async throws -> JSONObject {
        guard let presented = try request.value("refresh_token") else { throw OAuthError(.invalidRequest, "refresh_token is required") }
        let now = clock()
        let hash = SecretHasher.tokenHash(presented)
        let loaded = try await store.read { reader -> (RefreshTokenRecord, GrantRecord, String?)? in
            guard let token = try reader.identity.refreshToken(hash: hash), let grant = try reader.identity.grant(id: token.grantID) else { return nil }
            let birthDate = try reader.current(type: "Patient", id: grant.patientID)?.json["birthDate"]?.stringValue
            return (token, grant, birthDate)
        }
        guard let (token, grant, birthDate) = loaded else {
            throw OAuthError(.invalidGrant, "the refresh token is no longer valid", reason: "unknown refresh token")
        }
        let transition = grant.lifecycle(idleLimit: lifetimes.grantIdle).use(
            at: now, today: CalendarDay(epochMilliseconds: now), birthDate: birthDate.flatMap(BirthDate.init(fhirDate:)))
        switch RefreshRotation.decide(state: token.state, grantClientID: grant.clientID, presentingClientID: client.clientID, grant: transition) {
        case .rotate:
            return try await issuePatientTokens(grant: grant, client: client, rotating: hash, trace: request.trace, audit: "refresh")
        case .reuseDetected:
            try await store.write { writer in
                _ = try writer.identity.revokeGrant(id: grant.grantID, by: .reuseDetected, reason: "a rotated refresh token was used again", at: now)
                try ConsentResources.deactivate(grantID: grant.grantID, writer: writer)
                try writer.appendAudit(self.tokenAudit(client: client.clientID, actor: AuditAgent(clientID: client.clientID, actorType: grant.actor.resourceType, actorID: grant.actor.id), patientID: grant.patientID, outcome: .seriousFailure, description: "invalid_grant: refresh token reuse, grant revoked", trace: request.trace, now: now))
            }
            var error = OAuthError(.invalidGrant, "this refresh token was already used; the connection has been revoked for safety. Ask the care provider for a new connect code")
            error.audited = true
            throw error
        case .refuse(let refusal):
            if case .grantUnusable = refusal, transition.statusChanged {
                try await store.write { writer in
                    try writer.identity.setGrantStatus(id: grant.grantID, transition.lifecycle.status, at: now)
                    _ = try writer.identity.revokeTokens(grantID: grant.grantID, at: now)
                    try ConsentResources.deactivate(grantID: grant.grantID, writer: writer)
                }
            }
            var error: OAuthError
            switch refusal {
            case .grantUnusable(let reason):
                let catalog = Self.error(for: reason)
                error = OAuthError(.invalidGrant, catalog.description, reason: catalog.code.rawValue)
            case .clientMismatch:
                // The grant's patient sees that another client presented their refresh token.
                error = OAuthError(.invalidGrant, "this refresh token was issued to another client", reason: "refresh token of another client")
            case .tokenRevoked, .unknownToken:
                error = OAuthError(.invalidGrant, "the refresh token is no longer valid", reason: "revoked refresh token")
            }
            error.patientID = grant.patientID
            throw error
        }
    }

    /// Issues an access token and a fresh refresh token for `grant`; when `rotating` is given, that refresh token is
    /// marked rotated in the same transaction.
    func issuePatientTokens(grant: GrantRecord, client: ClientRecord, rotating: String?, trace: TraceIDs, audit description: String) async throws -> JSONObject {
        let now = clock()
        let access = generator.token()
        let refresh = generator.token()
        try await store.write { writer in
            let identity = writer.identity
            if let rotating {
                guard try identity.markRotated(hash: rotating, at: now) else {
                    throw OAuthError(.invalidGrant, "the refresh token was used concurrently; try again with the newest one")
                }
            }
            try identity.storeAccessToken(AccessTokenRecord(
                tokenHash: SecretHasher.tokenHash(access), clientID: client.clientID, grantID: grant.grantID,
                patientID: grant.patientID, actor: grant.actor, organizationID: grant.organizationID, scope: "patient/*.*",
                issuedAt: now, expiresAt: now + lifetimes.accessToken))
            try identity.storeRefreshToken(RefreshTokenRecord(tokenHash: SecretHasher.tokenHash(refresh), grantID: grant.grantID, createdAt: now))
            _ = try identity.touchGrant(id: grant.grantID, lastUsedAt: now)
            try writer.appendAudit(self.tokenAudit(client: client.clientID, actor: AuditAgent(clientID: client.clientID, actorType: grant.actor.resourceType, actorID: grant.actor.id), patientID: grant.patientID, outcome: .success, description: description, trace: trace, now: now))
        }
        return [
            "access_token": .string(access), "token_type": "Bearer",
            "expires_in": .number(JSONNumber(lifetimes.accessTokenSeconds)), "scope": "patient/*.*",
            "refresh_token": .string(refresh),
            "patient": .string(grant.patientID), "fhirUser": .string(grant.actor.reference),
            "consent": .string("Consent/\(ConsentResources.consentID(grantID: grant.grantID))"),
        ]
    }

    // MARK: Audit

    /// The audit record of a token event; refusals without a state change are recorded by
    /// `RefusalAuditMiddleware` from the thrown `OAuthError` instead.
    func tokenAudit(client: String?, actor: AuditAgent, patientID: String?, outcome: AuditOutcome, description: String, trace: TraceIDs, now: Int64) -> AuditRecord {
        AuditRecord(
            recorded: now, agent: actor, patientID: patientID, action: .execute, interaction: .token, outcome: outcome,
            outcomeDescription: description, requestID: trace.requestID, correlationID: trace.correlationID,
            traceID: trace.traceID, remoteAddress: trace.remoteAddress)
    }
}
