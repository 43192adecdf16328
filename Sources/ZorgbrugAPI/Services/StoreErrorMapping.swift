import ZorgbrugCore
import ZorgbrugStore

/// Turns store failures into catalog errors, with the resource they concern.
package enum StoreErrorMapping {
    /// The catalog error for `error` while working on `type/id`.
    package static func map(_ error: StoreError, type: String, id: String, expectedVersion: Int? = nil) -> ZorgbrugError {
        switch error.code {
        case .notFound:
            return ZorgbrugError(.resourceNotFound, arguments: ["type": type, "id": id])
        case .gone:
            return ZorgbrugError(.resourceGone, arguments: ["type": type, "id": id, "version": "?"])
        case .versionConflict:
            return ZorgbrugError(
                .versionConflict,
                arguments: ["expected": expectedVersion.map(String.init) ?? "?", "current": error.currentVersion.map(String.init) ?? "?"])
        case .duplicate:
            return ZorgbrugError(.conditionalMultipleMatches, arguments: ["criteria": "If-None-Exist"])
        case .busy:
            return ZorgbrugError(.storageBusy)
        default:
            return ZorgbrugError(.internalError)
        }
    }
}
