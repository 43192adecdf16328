import ZorgbrugCore

/// A refused bearer token, with what is known about it for the audit record: a token that exists but no longer
/// works (expired, revoked, its grant ended) names its client, person and patient, so the patient sees the attempt
/// in "who looked at my data". `AuthenticationMiddleware` records it and answers with `error`.
package struct AuthenticationRefusal: Error, Sendable {
    /// The catalog error the caller gets (`token-invalid`, `token-expired`, `consent-revoked`, …).
    package var error: ZorgbrugError
    package var clientID: String?
    /// `Patient/…`, `RelatedPerson/…` or `Organization/…`.
    package var actor: String?
    package var patientID: String?

    package init(_ error: ZorgbrugError, clientID: String? = nil, actor: String? = nil, patientID: String? = nil) {
        self.error = error
        self.clientID = clientID
        self.actor = actor
        self.patientID = patientID
    }

    /// The audit entry of this refusal (`authorize-failed`, outcome 4).
    package func auditEntry(trace: TraceIDs) -> AuditEntry {
        AuditEntry(
            interaction: .authorizationFailed, clientID: clientID, actor: actor, patientID: patientID, resourceType: nil,
            resourceID: nil, outcome: 4, outcomeDescription: error.code.rawValue, trace: trace)
    }
}
