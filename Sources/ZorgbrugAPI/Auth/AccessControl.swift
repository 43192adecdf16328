import ZorgbrugCore
import ZorgbrugStore

/// Decides what a caller may see and do, from the resource catalog's ownership rules.
///
/// Anything outside a caller's reach is reported exactly like something that does not exist (404), so ids of
/// other patients cannot be probed.
package enum AccessControl {
    /// The store scope that limits every query of `caller` on `definition`'s type.
    package static func scope(for caller: Caller, on definition: ResourceDefinition) -> AccessScope {
        switch (caller.kind, definition.ownership) {
        case (_, .shared):
            return .unrestricted
        case (.provider(let organizationID), _):
            return .organization(organizationID)
        case (.patientSide(let patientID, _, _), .patient), (.patientSide(let patientID, _, _), .patientCompartment):
            return .patient(patientID)
        case (.patientSide, .organization):
            return .unrestricted
        }
    }

    /// `true` when `resource` lies inside `caller`'s scope.
    package static func isVisible(_ resource: StoredResource, to caller: Caller, definition: ResourceDefinition) -> Bool {
        switch scope(for: caller, on: definition) {
        case .unrestricted: return true
        case .patient(let patientID): return resource.patientId == patientID
        case .organization(let organizationID): return resource.organizationId == organizationID
        }
    }

    /// Throws `interaction-forbidden` unless `caller` may perform `interaction` on this type at all.
    package static func requireInteraction(_ interaction: Interaction, by caller: Caller, on definition: ResourceDefinition) throws {
        guard definition.supports(interaction) else {
            throw ZorgbrugError(.interactionNotSupported, arguments: ["interaction": interaction.rawValue, "type": definition.type])
        }
        guard caller.allowedInteractions(on: definition).contains(interaction) else {
            throw ZorgbrugError(
                .interactionForbidden,
                arguments: ["interaction": interaction.rawValue, "type": definition.type, "role": caller.roleName])
        }
    }
}
