/// What ``StoreWriter/create(_:ifNoneExist:)`` did.
package enum CreateOutcome: Sendable, Hashable {
    /// A new resource was stored (HTTP 201).
    case created(StoredResource)
    /// A conditional create found exactly one match and stored nothing (HTTP 200).
    case existing(StoredResource)

    /// The stored resource either way.
    package var resource: StoredResource {
        switch self {
        case .created(let r), .existing(let r): r
        }
    }
}
