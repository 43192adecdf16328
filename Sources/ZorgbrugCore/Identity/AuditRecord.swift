/// One NEN 7513 audit record: who did what to which patient's data, when, and how it ended.
///
/// Appended by the store to the append-only `auditEvent` table and read back as FHIR `AuditEvent`
/// (https://hl7.org/fhir/R4/auditevent.html). Times are UTC epoch milliseconds.
package struct AuditRecord: Sendable, Hashable {
    /// When it happened.
    package var recorded: Int64
    /// Who: client and person/organization.
    package var agent: AuditAgent
    /// Whose data, when patient data was involved.
    package var patientID: String?
    /// `AuditEvent.action`.
    package var action: AuditAction
    /// The interaction, e.g. `read`, `search`, `token`.
    package var interaction: AuditInteraction
    package var resourceType: String?
    package var resourceID: String?
    /// `AuditEvent.outcome`.
    package var outcome: AuditOutcome
    /// Short free text for failures (an error code), never secrets or patient data.
    package var outcomeDescription: String?
    package var requestID: String?
    package var correlationID: String?
    package var traceID: String?
    package var remoteAddress: String?

    package init(
        recorded: Int64, agent: AuditAgent, patientID: String?, action: AuditAction, interaction: AuditInteraction,
        resourceType: String? = nil, resourceID: String? = nil, outcome: AuditOutcome, outcomeDescription: String? = nil,
        requestID: String? = nil, correlationID: String? = nil, traceID: String? = nil, remoteAddress: String? = nil
    ) {
        self.recorded = recorded
        self.agent = agent
        self.patientID = patientID
        self.action = action
        self.interaction = interaction
        self.resourceType = resourceType
        self.resourceID = resourceID
        self.outcome = outcome
        self.outcomeDescription = outcomeDescription
        self.requestID = requestID
        self.correlationID = correlationID
        self.traceID = traceID
        self.remoteAddress = remoteAddress
    }
}

/// `AuditEvent.action` (http://hl7.org/fhir/audit-event-action): C, R, U, D, E.
package enum AuditAction: String, Sendable, Hashable, CaseIterable {
    case create = "C"
    case read = "R"
    case update = "U"
    case delete = "D"
    case execute = "E"
}

/// `AuditEvent.outcome` (http://hl7.org/fhir/audit-event-outcome): 0 success, 4 minor failure (a refused
/// request), 8 serious failure, 12 major failure.
package enum AuditOutcome: Int, Sendable, Hashable, CaseIterable {
    case success = 0
    case minorFailure = 4
    case seriousFailure = 8
    case majorFailure = 12
}

/// The interaction audited: an open set of stable names (FHIR interactions plus Zorgbrug's own).
package struct AuditInteraction: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral {
    package var rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { rawValue = value }

    package static let read: Self = "read"
    package static let vread: Self = "vread"
    package static let search: Self = "search"
    package static let create: Self = "create"
    package static let update: Self = "update"
    package static let patch: Self = "patch"
    package static let delete: Self = "delete"
    package static let history: Self = "history"
    package static let operation: Self = "operation"
    package static let token: Self = "token"
    package static let connect: Self = "connect"
    package static let delegate: Self = "delegate"
    package static let revoke: Self = "revoke"
    package static let authorizeFailed: Self = "authorize-failed"
}
