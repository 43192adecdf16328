/// What Zorgbrug supports for one resource type: interactions, search parameters, includes, which patient a
/// resource belongs to, and what each kind of caller may do with it.
///
/// `ResourceCatalog.definitions` is the one table that drives routing, index extraction, authorization and the
/// CapabilityStatement.
package struct ResourceDefinition: Sendable {
    /// How a resource of this type is tied to a patient (and so to who may see it).
    package enum Ownership: Sendable, Hashable {
        /// The resource is the Patient itself; its `managingOrganization` names the owning Organization.
        case patient
        /// The resource belongs to the patient named by this reference search parameter (e.g. `patient`).
        case patientCompartment(parameter: String)
        /// Organization data (Practitioner, Endpoint): owned by the provider organization that wrote it.
        case organization
        /// Shared content everybody authenticated may read (Questionnaire, PlanDefinition, …).
        case shared
    }

    /// Where resources of this type live.
    package enum Storage: Sendable, Hashable {
        /// The versioned resource store: read, vread, history, `_id` and `_lastUpdated` search.
        case resources
        /// The append-only audit table (AuditEvent): searched by its own parameters only, not versioned.
        case auditTrail
    }

    /// The FHIR resource type.
    package let type: String
    package let storage: Storage
    /// The interactions the server offers on this type at all.
    package let interactions: [Interaction]
    /// Supported search parameters, besides `_id` and `_lastUpdated` which every type has.
    package let searchParameters: [SearchParameterDefinition]
    /// Reference parameters that may be used in `_include=Type:param`.
    package let includes: [String]
    /// `_revinclude` values this type accepts, as `SourceType:param`.
    package let revIncludes: [String]
    package let ownership: Ownership
    /// What a patient-side caller (PGO, `bp`, delegate) may do, within its own patient.
    package let patientInteractions: Set<Interaction>
    /// What a provider system may do, within its own organization.
    package let providerInteractions: Set<Interaction>
    /// For ``Ownership/patientCompartment(parameter:)``: whether one resource may name several patients in that
    /// parameter (an Appointment's participants). Where it may not, the element does not repeat (the validator
    /// refuses a second value; `ResourceCatalogTests` checks every type), so the one patient named is the
    /// resource's owner, and a search on the parameter knows the owner of every match.
    package let severalPatients: Bool

    package init(
        type: String,
        interactions: [Interaction],
        searchParameters: [SearchParameterDefinition],
        includes: [String] = [],
        revIncludes: [String] = [],
        ownership: Ownership,
        patientInteractions: Set<Interaction>,
        providerInteractions: Set<Interaction>,
        storage: Storage = .resources,
        severalPatients: Bool = false
    ) {
        self.severalPatients = severalPatients
        self.type = type
        self.storage = storage
        self.interactions = interactions
        self.searchParameters = searchParameters
        self.includes = includes
        self.revIncludes = revIncludes
        self.ownership = ownership
        self.patientInteractions = patientInteractions
        self.providerInteractions = providerInteractions
    }

    /// The search parameter named `name`, if supported.
    package func searchParameter(_ name: String) -> SearchParameterDefinition? {
        searchParameters.first { $0.name == name }
    }

    /// `true` when the server offers `interaction` on this type.
    package func supports(_ interaction: Interaction) -> Bool {
        interactions.contains(interaction)
    }
}
