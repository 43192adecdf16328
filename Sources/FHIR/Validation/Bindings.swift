/// The codes of the required bindings Zorgbrug checks, from the R4 value sets.
enum Bindings {
    static let publicationStatus: Set<String> = ["draft", "active", "retired", "unknown"]
    static let taskStatus: Set<String> = [
        "draft", "requested", "received", "accepted", "rejected", "ready", "cancelled", "in-progress", "on-hold",
        "failed", "completed", "entered-in-error",
    ]
    static let taskIntent: Set<String> = [
        "unknown", "proposal", "plan", "order", "original-order", "reflex-order", "filler-order", "instance-order",
        "option",
    ]
    static let requestPriority: Set<String> = ["routine", "urgent", "asap", "stat"]
    static let observationStatus: Set<String> = [
        "registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown",
    ]
    static let questionnaireResponseStatus: Set<String> = [
        "in-progress", "completed", "amended", "entered-in-error", "stopped",
    ]
    static let questionnaireItemType: Set<String> = [
        "group", "display", "question", "boolean", "decimal", "integer", "date", "dateTime", "time", "string", "text",
        "url", "choice", "open-choice", "attachment", "reference", "quantity",
    ]
    static let enableWhenOperator: Set<String> = ["exists", "=", "!=", ">", "<", ">=", "<="]
    static let enableBehavior: Set<String> = ["all", "any"]
    static let bundleType: Set<String> = [
        "document", "message", "transaction", "transaction-response", "batch", "batch-response", "history",
        "searchset", "collection",
    ]
    static let searchEntryMode: Set<String> = ["match", "include", "outcome"]
    static let httpVerb: Set<String> = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]
    static let administrativeGender: Set<String> = ["male", "female", "other", "unknown"]
    static let requestStatus: Set<String> = [
        "draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown",
    ]
    static let requestIntent: Set<String> = [
        "proposal", "plan", "directive", "order", "original-order", "reflex-order", "filler-order", "instance-order",
        "option",
    ]
    static let carePlanIntent: Set<String> = ["proposal", "plan", "order", "option"]
    static let appointmentStatus: Set<String> = [
        "proposed", "pending", "booked", "arrived", "fulfilled", "cancelled", "noshow", "entered-in-error",
        "checked-in", "waitlist",
    ]
    static let participationStatus: Set<String> = ["accepted", "declined", "tentative", "needs-action"]
    static let participantRequired: Set<String> = ["required", "optional", "information-only"]
    static let eventStatus: Set<String> = [
        "preparation", "in-progress", "not-done", "on-hold", "stopped", "completed", "entered-in-error", "unknown",
    ]
    static let consentStatus: Set<String> = [
        "draft", "proposed", "active", "rejected", "inactive", "entered-in-error",
    ]
    static let endpointStatus: Set<String> = ["active", "suspended", "error", "off", "entered-in-error", "test"]
    static let subscriptionStatus: Set<String> = ["requested", "active", "error", "off"]
    static let subscriptionChannelType: Set<String> = ["rest-hook", "websocket", "email", "sms", "message"]
    static let auditAction: Set<String> = ["C", "R", "U", "D", "E"]
    static let auditOutcome: Set<String> = ["0", "4", "8", "12"]
    static let auditNetworkType: Set<String> = Set(AuditEvent.NetworkType.allCases.map(\.rawValue))
    static let issueSeverity: Set<String> = Set(OperationOutcome.IssueSeverity.allCases.map(\.rawValue))
    static let issueType: Set<String> = Set(OperationOutcome.IssueType.allCases.map(\.rawValue))
    static let capabilityKind: Set<String> = ["instance", "capability", "requirements"]
    static let restfulCapabilityMode: Set<String> = Set(CapabilityStatement.RestfulMode.allCases.map(\.rawValue))
    static let typeRestfulInteraction: Set<String> = Set(CapabilityStatement.TypeInteraction.allCases.map(\.rawValue))
    static let systemRestfulInteraction: Set<String> = ["transaction", "batch", "search-system", "history-system"]
    static let versioningPolicy: Set<String> = Set(CapabilityStatement.VersioningPolicy.allCases.map(\.rawValue))
    static let conditionalReadStatus: Set<String> = ["not-supported", "modified-since", "not-match", "full-support"]
    static let conditionalDeleteStatus: Set<String> = Set(
        CapabilityStatement.ConditionalDeleteStatus.allCases.map(\.rawValue))
    static let searchParamType: Set<String> = Set(CapabilityStatement.SearchParamType.allCases.map(\.rawValue))
    static let narrativeStatus: Set<String> = ["generated", "extensions", "additional", "empty"]
    static let quantityComparator: Set<String> = ["<", "<=", ">=", ">"]
}
