/// A stable error code from the catalog `http://zorgbrug.nl/fhir/CodeSystem/error`.
///
/// Codes are part of the wire contract: clients branch on them, so a shipped code never changes meaning and is
/// never removed. New codes are added as new static members. The catalog entry (`ErrorCatalog`) gives each code its
/// FHIR IssueType and its texts in Dutch and English.
package struct ErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }

    /// The code system every code belongs to.
    package static let system = "http://zorgbrug.nl/fhir/CodeSystem/error"

    // Request shape
    package static let jsonInvalid = ErrorCode(rawValue: "json-invalid")
    package static let jsonTooDeep = ErrorCode(rawValue: "json-too-deep")
    package static let contentTypeUnsupported = ErrorCode(rawValue: "content-type-unsupported")
    package static let formatNotAcceptable = ErrorCode(rawValue: "format-not-acceptable")
    package static let bodyMissing = ErrorCode(rawValue: "body-missing")
    package static let bodyTooLarge = ErrorCode(rawValue: "body-too-large")
    package static let resourceTypeMismatch = ErrorCode(rawValue: "resource-type-mismatch")
    package static let resourceTypeUnknown = ErrorCode(rawValue: "resource-type-unknown")
    package static let resourceIdMismatch = ErrorCode(rawValue: "resource-id-mismatch")
    package static let resourceInvalid = ErrorCode(rawValue: "resource-invalid")
    package static let referenceNotFound = ErrorCode(rawValue: "reference-not-found")
    package static let tooManyEntries = ErrorCode(rawValue: "bundle-too-many-entries")

    // Routing and interactions
    package static let routeNotFound = ErrorCode(rawValue: "route-not-found")
    package static let methodNotAllowed = ErrorCode(rawValue: "method-not-allowed")
    package static let interactionNotSupported = ErrorCode(rawValue: "interaction-not-supported")
    package static let resourceNotFound = ErrorCode(rawValue: "resource-not-found")
    package static let versionNotFound = ErrorCode(rawValue: "version-not-found")
    package static let resourceGone = ErrorCode(rawValue: "resource-deleted")

    // Versioning and conditional interactions
    package static let ifMatchRequired = ErrorCode(rawValue: "if-match-required")
    package static let ifMatchInvalid = ErrorCode(rawValue: "if-match-invalid")
    package static let versionConflict = ErrorCode(rawValue: "version-conflict")
    package static let conditionalMultipleMatches = ErrorCode(rawValue: "conditional-multiple-matches")
    package static let idempotencyKeyReused = ErrorCode(rawValue: "idempotency-key-reused")
    package static let idempotencyKeyInvalid = ErrorCode(rawValue: "idempotency-key-invalid")

    // Search
    package static let searchParameterUnknown = ErrorCode(rawValue: "search-parameter-unknown")
    package static let searchParameterInvalid = ErrorCode(rawValue: "search-parameter-invalid")
    package static let searchCursorInvalid = ErrorCode(rawValue: "search-cursor-invalid")

    // Limits and server state
    package static let tooManyRequests = ErrorCode(rawValue: "too-many-requests")
    package static let tooManyConnections = ErrorCode(rawValue: "too-many-connections")
    package static let requestTimeout = ErrorCode(rawValue: "request-timeout")
    package static let shuttingDown = ErrorCode(rawValue: "shutting-down")
    package static let headersTooLarge = ErrorCode(rawValue: "headers-too-large")
    package static let storageBusy = ErrorCode(rawValue: "storage-busy")
    package static let internalError = ErrorCode(rawValue: "internal-error")

    // Identity, consent, delegation
    package static let authenticationRequired = ErrorCode(rawValue: "authentication-required")
    package static let tokenInvalid = ErrorCode(rawValue: "token-invalid")
    package static let tokenExpired = ErrorCode(rawValue: "token-expired")
    package static let consentRevoked = ErrorCode(rawValue: "consent-revoked")
    package static let consentExpired = ErrorCode(rawValue: "consent-expired")
    package static let delegationEnded = ErrorCode(rawValue: "delegation-ended")
    package static let interactionForbidden = ErrorCode(rawValue: "interaction-forbidden")
    package static let operatorOnly = ErrorCode(rawValue: "operator-only")
}
