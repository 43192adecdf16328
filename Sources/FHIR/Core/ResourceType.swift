/// The FHIR R4 resource types Zorgbrug models, by their `resourceType` name.
///
/// Other resource types may still appear (contained, or in Bundles from elsewhere) and are handled as
/// ``AnyResource``. See the [R4 resource list](https://hl7.org/fhir/R4/resourcelist.html).
public enum ResourceType: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    case activityDefinition = "ActivityDefinition"
    case appointment = "Appointment"
    case appointmentResponse = "AppointmentResponse"
    case auditEvent = "AuditEvent"
    case bundle = "Bundle"
    case capabilityStatement = "CapabilityStatement"
    case carePlan = "CarePlan"
    case communication = "Communication"
    case consent = "Consent"
    case endpoint = "Endpoint"
    case observation = "Observation"
    case operationOutcome = "OperationOutcome"
    case organization = "Organization"
    case parameters = "Parameters"
    case patient = "Patient"
    case planDefinition = "PlanDefinition"
    case practitioner = "Practitioner"
    case questionnaire = "Questionnaire"
    case questionnaireResponse = "QuestionnaireResponse"
    case relatedPerson = "RelatedPerson"
    case serviceRequest = "ServiceRequest"
    case subscription = "Subscription"
    case task = "Task"
    case valueSet = "ValueSet"

    /// `true` when `name` is the `resourceType` of a modelled resource (case-sensitive, as in FHIR).
    public static func isKnown(_ name: String) -> Bool {
        ResourceType(rawValue: name) != nil
    }

    /// The Swift type that views resources of this type.
    public var swiftType: any FHIRResource.Type {
        switch self {
        case .activityDefinition: ActivityDefinition.self
        case .appointment: Appointment.self
        case .appointmentResponse: AppointmentResponse.self
        case .auditEvent: AuditEvent.self
        case .bundle: Bundle.self
        case .capabilityStatement: CapabilityStatement.self
        case .carePlan: CarePlan.self
        case .communication: Communication.self
        case .consent: Consent.self
        case .endpoint: Endpoint.self
        case .observation: Observation.self
        case .operationOutcome: OperationOutcome.self
        case .organization: Organization.self
        case .parameters: Parameters.self
        case .patient: Patient.self
        case .planDefinition: PlanDefinition.self
        case .practitioner: Practitioner.self
        case .questionnaire: Questionnaire.self
        case .questionnaireResponse: QuestionnaireResponse.self
        case .relatedPerson: RelatedPerson.self
        case .serviceRequest: ServiceRequest.self
        case .subscription: Subscription.self
        case .task: FHIRTask.self
        case .valueSet: ValueSet.self
        }
    }

    /// The `resourceType` name, e.g. `"Task"`.
    public var description: String { rawValue }
}
