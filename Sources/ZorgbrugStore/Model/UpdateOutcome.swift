/// What ``StoreWriter/update(_:ifMatch:)`` did. Failures (not found, gone, version conflict) are thrown as
/// ``StoreError``s instead.
package enum UpdateOutcome: Sendable, Hashable {
    /// A new version was stored (HTTP 200).
    case updated(StoredResource)

    /// The new version.
    package var resource: StoredResource {
        switch self {
        case .updated(let r): r
        }
    }
}
