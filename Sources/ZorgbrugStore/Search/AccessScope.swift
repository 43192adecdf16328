/// Which rows a reader may see. Every list-returning read (search, count, history, `resources`, `referencing`)
/// applies it in SQL, so nothing outside the scope is ever returned.
///
/// By-id reads (``StoreReader/current(type:id:)``, ``StoreReader/version(type:id:versionId:)``) are not
/// filtered: the caller checks ``permits(patientId:organizationId:)`` on what they return.
package enum AccessScope: Sendable, Hashable {
    /// Everything (operators, source systems with full access).
    case unrestricted
    /// Only rows whose `patientId` equals this id; rows without a patient are excluded.
    case patient(String)
    /// Only rows whose `organizationId` equals this id; rows without an organization are excluded.
    case organization(String)

    /// `true` when a row with these compartment ids is inside the scope.
    package func permits(patientId: String?, organizationId: String?) -> Bool {
        switch self {
        case .unrestricted: true
        case .patient(let p): patientId == p
        case .organization(let o): organizationId == o
        }
    }

    /// `true` when `resource` is inside the scope.
    package func permits(_ resource: StoredResource) -> Bool {
        permits(patientId: resource.patientId, organizationId: resource.organizationId)
    }
}
