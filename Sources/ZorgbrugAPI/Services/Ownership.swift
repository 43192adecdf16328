import FHIR
import ZorgbrugCore
import ZorgbrugStore

/// Works out which patient and organization a resource being written belongs to, and refuses writes that would
/// reach outside the caller's own patients or organization.
package struct Ownership: Sendable, Hashable {
    package var patientID: String?
    package var organizationID: String?

    /// Resolves ownership of `resource` (about to be stored under `id`) for `caller`, reading the patient row
    /// inside the caller's transaction.
    /// - Throws: `reference-not-found` when the patient does not exist or is not the caller's, `resource-invalid` when
    ///   a patient-compartment resource names no patient.
    static func resolve(
        _ resource: JSONObject, id: String, definition: ResourceDefinition, caller: Caller, reader: StoreReader
    ) throws -> Ownership {
        switch definition.ownership {
        case .patient:
            guard let organizationID = caller.organizationID else {
                throw ZorgbrugError(.interactionForbidden, arguments: ["interaction": "write", "type": definition.type, "role": caller.roleName])
            }
            if let reference = resource["managingOrganization"]?["reference"]?.stringValue,
                reference != "Organization/\(organizationID)"
            {
                throw ZorgbrugError(.referenceNotFound, expression: ["Patient.managingOrganization"], arguments: ["reference": reference])
            }
            return Ownership(patientID: id, organizationID: organizationID)
        case .patientCompartment(let parameterName):
            guard let patientID = SearchIndexExtractor.patientID(of: resource, id: id, definition: definition) else {
                let path = definition.searchParameter(parameterName)?.paths.first ?? parameterName
                throw ZorgbrugError(
                    .resourceInvalid, expression: ["\(definition.type).\(path)"],
                    arguments: ["problem": "\(definition.type).\(path) must reference the Patient (Patient/<id>)"])
            }
            let reference = "Patient/\(patientID)"
            guard let patient = try reader.current(type: "Patient", id: patientID), !patient.isDeleted else {
                throw ZorgbrugError(.referenceNotFound, arguments: ["reference": reference])
            }
            switch caller.kind {
            case .provider(let organizationID):
                guard patient.organizationId == organizationID else {
                    throw ZorgbrugError(.referenceNotFound, arguments: ["reference": reference])
                }
            case .patientSide(let ownPatient, _, _):
                guard patientID == ownPatient else {
                    throw ZorgbrugError(.referenceNotFound, arguments: ["reference": reference])
                }
            }
            return Ownership(patientID: patientID, organizationID: patient.organizationId)
        case .organization, .shared:
            return Ownership(patientID: nil, organizationID: caller.organizationID)
        }
    }

    /// Refuses changes to shared or organization data the caller's organization does not own (shipped content
    /// has no owner and is changed only by redeploying it).
    static func requireWritable(_ current: StoredResource, by caller: Caller, definition: ResourceDefinition) throws {
        switch definition.ownership {
        case .shared, .organization:
            guard let owner = current.organizationId, owner == caller.organizationID else {
                throw ZorgbrugError(
                    .interactionForbidden,
                    arguments: ["interaction": "write", "type": definition.type, "role": caller.roleName])
            }
        case .patient, .patientCompartment:
            return
        }
    }
}
