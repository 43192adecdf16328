import HTTPServer

/// The addresses Zorgbrug answers, parsed from a request path. Pure: matching knows nothing of handlers.
package enum Route: Sendable, Equatable {
    case health
    case metrics
    case smartConfiguration
    case token
    case revoke
    case metadata
    /// `/fhir/{type}`
    case type(String)
    /// `/fhir/{type}/_history`
    case typeHistory(String)
    /// `/fhir/{type}/{id}`
    case instance(String, String)
    /// `/fhir/{type}/{id}/_history`
    case instanceHistory(String, String)
    /// `/fhir/{type}/{id}/_history/{vid}`
    case version(String, String, String)
    /// `/fhir/{type}/{id}/${operation}`
    case instanceOperation(String, String, String)
    /// `/fhir/{type}/${operation}`
    case typeOperation(String, String)

    /// The route for `path`, or `nil` when no address matches.
    package static func match(_ path: String) -> Route? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        switch segments.count {
        case 1:
            switch segments[0] {
            case "health": return .health
            case "metrics": return .metrics
            default: return nil
            }
        case 2:
            switch (segments[0], segments[1]) {
            case (".well-known", "smart-configuration"): return .smartConfiguration
            case ("oauth", "token"): return .token
            case ("oauth", "revoke"): return .revoke
            case ("fhir", "metadata"): return .metadata
            case ("fhir", let type): return isTypeName(type) ? .type(type) : nil
            default: return nil
            }
        case 3 where segments[0] == "fhir" && isTypeName(segments[1]):
            let type = segments[1]
            if segments[2] == "_history" { return .typeHistory(type) }
            if segments[2].hasPrefix("$") { return .typeOperation(type, String(segments[2].dropFirst())) }
            return .instance(type, segments[2])
        case 4 where segments[0] == "fhir" && isTypeName(segments[1]):
            if segments[3] == "_history" { return .instanceHistory(segments[1], segments[2]) }
            if segments[3].hasPrefix("$") { return .instanceOperation(segments[1], segments[2], String(segments[3].dropFirst())) }
            return nil
        case 5 where segments[0] == "fhir" && isTypeName(segments[1]) && segments[3] == "_history":
            return .version(segments[1], segments[2], segments[4])
        default:
            return nil
        }
    }

    /// The methods each kind of address accepts (for 405 and `Allow`).
    package var allowedMethods: [HTTPMethod] {
        switch self {
        case .health, .metrics, .smartConfiguration, .metadata: return [.get]
        case .token, .revoke: return [.post]
        case .type: return [.get, .post]
        case .typeHistory, .instanceHistory, .version: return [.get]
        case .instance: return [.get, .put, .patch, .delete]
        case .instanceOperation, .typeOperation: return [.get, .post]
        }
    }

    /// Which part of the server a route belongs to.
    package enum Family: Sendable, Equatable {
        /// `/fhir/…`: FHIR JSON in and out.
        case fhirPath
        /// `/oauth/…`, `/.well-known/…`: plain JSON.
        case oauth
        /// `/health`, `/metrics`.
        case operations
    }

    package var family: Family {
        switch self {
        case .health, .metrics: return .operations
        case .smartConfiguration, .token, .revoke: return .oauth
        default: return .fhirPath
        }
    }

    /// `true` for routes anyone may call without a token.
    package var isPublic: Bool {
        switch self {
        case .health, .smartConfiguration, .token, .revoke, .metadata: return true
        default: return false
        }
    }

    private static func isTypeName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
    }
}
