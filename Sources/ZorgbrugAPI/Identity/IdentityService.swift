import Credentials
import FHIR
import ZorgbrugCore
import ZorgbrugStore

/// Identity, consent and delegation (DESIGN.md §5) over the store: authenticates bearer tokens, runs the token
/// endpoint, issues connect codes, creates and revokes grants, and keeps their `Consent` resources.
///
/// Secrets are only ever stored as hashes. Time is injected (`clock`, epoch milliseconds) so tests can move it.
package struct IdentityService: Authenticating, Sendable {
    package let store: ResourceStore
    package let hasher: SecretHasher
    package let generator: SecretGenerator
    package let lifetimes: TokenLifetimes
    package let clock: @Sendable () -> Int64
    /// Limits on failed connect-code redemptions by confidential clients (PGOs).
    package let rateLimit: RateLimitPolicy
    /// Limits on failed redemptions through public clients (`bp`), whose client id anyone may use.
    package let publicClientRateLimit: RateLimitPolicy
    /// Recent authentications, reused while the identity epoch stands still (see `AuthenticationCache`).
    package let cache: AuthenticationCache

    package init(
        store: ResourceStore, pepper: Pepper, clock: @escaping @Sendable () -> Int64,
        lifetimes: TokenLifetimes = .standard, generator: SecretGenerator = SecretGenerator(),
        rateLimit: RateLimitPolicy = .connectCodeRedemption,
        publicClientRateLimit: RateLimitPolicy = .publicClientRedemption,
        cache: AuthenticationCache = AuthenticationCache()
    ) {
        self.cache = cache
        self.store = store
        self.hasher = SecretHasher(pepper: pepper)
        self.generator = generator
        self.lifetimes = lifetimes
        self.clock = clock
        self.rateLimit = rateLimit
        self.publicClientRateLimit = publicClientRateLimit
    }

    /// How often a grant's `lastUsedAt` is written (it only has to be accurate to well within the 180-day lapse).
    static let touchInterval: Int64 = 3_600_000

    /// Resolves a bearer token to its caller, enforcing expiry, revocation, consent lapse and the WGBO age rules.
    /// - Throws: `AuthenticationRefusal` with the catalog error and what is known of the token, for the audit.
    package func authenticate(bearer token: String, trace: TraceIDs) async throws -> Caller {
        let now = clock()
        let hash = SecretHasher.tokenHash(token)
        let epoch = try await store.read { reader in try reader.identity.epoch() }
        if let caller = cache.caller(tokenHash: hash, epoch: epoch, now: now) { return caller }
        let found = try await store.read { reader -> (Int64, AccessTokenRecord, ClientRecord?, GrantRecord?, String?)? in
            let identity = reader.identity
            guard let record = try identity.accessToken(hash: hash) else { return nil }
            let epoch = try identity.epoch()
            let client = try identity.client(id: record.clientID)
            guard let grantID = record.grantID else { return (epoch, record, client, nil, nil) }
            let grant = try identity.grant(id: grantID)
            let birthDate = try grant.flatMap { g in try reader.current(type: "Patient", id: g.patientID) }?
                .json["birthDate"]?.stringValue
            return (epoch, record, client, grant, birthDate)
        }
        guard let (epochRead, record, client, grant, birthDate) = found else {
            throw AuthenticationRefusal(ZorgbrugError(.tokenInvalid))
        }
        // A token that exists is attributed in the audit record, so its patient sees the attempt.
        func refusal(_ code: ZorgbrugError) -> AuthenticationRefusal {
            AuthenticationRefusal(
                code, clientID: record.clientID,
                actor: record.actor?.reference ?? record.organizationID.map { "Organization/\($0)" }, patientID: record.patientID)
        }
        guard record.revokedAt == nil, let client, client.status == .active else { throw refusal(ZorgbrugError(.tokenInvalid)) }
        guard now < record.expiresAt else { throw refusal(ZorgbrugError(.tokenExpired)) }
        guard let grant else {
            guard client.kind == .provider, let organizationID = record.organizationID else { throw refusal(ZorgbrugError(.tokenInvalid)) }
            let caller = Caller(clientID: client.clientID, kind: .provider(organizationID: organizationID))
            cache.remember(caller, tokenHash: hash, epoch: epochRead, now: now, validUntil: record.expiresAt)
            return caller
        }
        let transition = grant.lifecycle(idleLimit: lifetimes.grantIdle).use(
            at: now, today: CalendarDay(epochMilliseconds: now), birthDate: birthDate.flatMap(BirthDate.init(fhirDate:)))
        if let grantRefusal = transition.refusal {
            if transition.statusChanged {
                try await persistEnded(grant: grant, status: transition.lifecycle.status, now: now, trace: trace)
            }
            throw refusal(Self.error(for: grantRefusal))
        }
        var lastUsedAt = grant.lastUsedAt
        if now - grant.lastUsedAt >= Self.touchInterval {
            try await store.write { writer in _ = try writer.identity.touchGrant(id: grant.grantID, lastUsedAt: now) }
            lastUsedAt = now
        }
        let caller = Caller(
            clientID: client.clientID,
            kind: .patientSide(patientID: grant.patientID, actor: grant.actor.reference, grantID: grant.grantID))
        // Until the next touch is due; the lapse after 180 idle days lies far beyond it.
        cache.remember(
            caller, tokenHash: hash, epoch: epochRead, now: now,
            validUntil: min(record.expiresAt, lastUsedAt + Self.touchInterval))
        return caller
    }

    /// Stores a grant's new terminal status (lapsed or ended by the age rule), revokes its tokens and marks its
    /// Consent inactive, in one transaction.
    private func persistEnded(grant: GrantRecord, status: GrantStatus, now: Int64, trace: TraceIDs) async throws {
        try await store.write { writer in
            try writer.identity.setGrantStatus(id: grant.grantID, status, at: now)
            _ = try writer.identity.revokeTokens(grantID: grant.grantID, at: now)
            try ConsentResources.deactivate(grantID: grant.grantID, writer: writer)
        }
    }

    /// The catalog error a grant refusal is reported with.
    static func error(for refusal: GrantRefusal) -> ZorgbrugError {
        switch refusal {
        case .lapsed:
            return ZorgbrugError(.consentExpired, arguments: ["days": "180"])
        case .revoked:
            return ZorgbrugError(.consentRevoked)
        case .ended(let reason):
            let text: String
            switch reason {
            case .patientOfAge: text = "the patient is 16 or older and decides alone (WGBO)."
            case .patientTooYoung: text = "the patient is under 12; a parent or guardian acts for them (WGBO)."
            case .patientTooYoungToDelegate: text = "the patient is too young to delegate."
            case .birthDateUnknown: text = "the patient's date of birth is unknown."
            }
            return ZorgbrugError(.delegationEnded, arguments: ["reason": text])
        }
    }
}
