/// The resource types Zorgbrug serves and what it supports on each: the single table behind routing, indexing,
/// authorization and `/fhir/metadata`.
package enum ResourceCatalog {
    /// The definition of `type`, or `nil` when the server does not serve that type.
    package static func definition(_ type: String) -> ResourceDefinition? {
        byType[type]
    }

    /// All served types, in CapabilityStatement order.
    package static let definitions: [ResourceDefinition] = [
        patient, practitioner, organization, relatedPerson, task, questionnaire, questionnaireResponse,
        observation, serviceRequest, carePlan, planDefinition, activityDefinition, valueSet, appointment,
        appointmentResponse, communication, consent, endpoint, auditEvent,
    ]

    private static let byType: [String: ResourceDefinition] = Dictionary(
        uniqueKeysWithValues: definitions.map { ($0.type, $0) })

    // MARK: Interaction sets

    private static let full: [Interaction] = [
        .read, .vread, .update, .delete, .historyInstance, .historyType, .create, .searchType,
    ]
    private static let readAll: Set<Interaction> = [.read, .vread, .historyInstance, .historyType, .searchType]
    private static let readOnly: Set<Interaction> = [.read, .vread, .searchType]
    private static let providerFull = Set(full)

    // MARK: Shared parameter shapes

    private static func identifier(_ type: String) -> SearchParameterDefinition {
        .init("identifier", .token, paths: ["identifier"], documentation: "A business identifier of the \(type) (system|value).")
    }
    private static func patientParameter(_ path: String) -> SearchParameterDefinition {
        .init("patient", .reference, paths: [path], targets: ["Patient"], documentation: "The patient the resource is about.")
    }
    private static func subjectParameter(_ path: String) -> SearchParameterDefinition {
        .init("subject", .reference, paths: [path], documentation: "The subject of the resource.")
    }
    private static func status(_ path: String = "status") -> SearchParameterDefinition {
        .init("status", .token, paths: [path], documentation: "The status code.")
    }
    private static func basedOn(_ path: String = "basedOn") -> SearchParameterDefinition {
        .init("based-on", .reference, paths: [path], documentation: "The plan, order or task this fulfils.")
    }
    private static let canonicalParameters: [SearchParameterDefinition] = [
        .init("url", .uri, paths: ["url"], documentation: "The canonical URL."),
        .init("version", .token, paths: ["version"], documentation: "The business version."),
        .init("name", .string, paths: ["name"], documentation: "Computer-friendly name."),
        .init("title", .string, paths: ["title"], documentation: "Human-friendly title."),
        .init("status", .token, paths: ["status"], documentation: "draft | active | retired | unknown."),
    ]

    // MARK: Definitions

    static let patient = ResourceDefinition(
        type: "Patient", interactions: full,
        searchParameters: [
            identifier("Patient"),
            .init("name", .string, paths: ["name.family", "name.given", "name.text", "name.prefix"],
                  documentation: "Any part of the name."),
            .init("family", .string, paths: ["name.family"], documentation: "Family name."),
            .init("given", .string, paths: ["name.given"], documentation: "Given name."),
            .init("birthdate", .date, paths: ["birthDate"], documentation: "Date of birth."),
            .init("gender", .token, paths: ["gender"], documentation: "Administrative gender."),
            .init("organization", .reference, paths: ["managingOrganization"], targets: ["Organization"],
                  documentation: "The managing organization."),
        ],
        includes: ["organization"],
        revIncludes: ["Task:patient", "RelatedPerson:patient", "Consent:patient"],
        ownership: .patient,
        patientInteractions: [.read, .vread, .historyInstance, .searchType],
        providerInteractions: providerFull)

    static let practitioner = ResourceDefinition(
        type: "Practitioner", interactions: full,
        searchParameters: [
            identifier("Practitioner"),
            .init("name", .string, paths: ["name.family", "name.given", "name.text"], documentation: "Any part of the name."),
        ],
        ownership: .organization,
        patientInteractions: [.read],
        providerInteractions: providerFull)

    static let organization = ResourceDefinition(
        type: "Organization", interactions: [.read, .vread, .searchType],
        searchParameters: [
            identifier("Organization"),
            .init("name", .string, paths: ["name", "alias"], documentation: "Name or alias."),
        ],
        ownership: .shared,
        patientInteractions: readOnly,
        providerInteractions: readOnly)

    static let relatedPerson = ResourceDefinition(
        type: "RelatedPerson", interactions: full,
        searchParameters: [
            identifier("RelatedPerson"),
            patientParameter("patient"),
            .init("relationship", .token, paths: ["relationship"], documentation: "Relationship to the patient."),
            .init("name", .string, paths: ["name.family", "name.given", "name.text"], documentation: "Any part of the name."),
        ],
        includes: ["patient"],
        ownership: .patientCompartment(parameter: "patient"),
        patientInteractions: [.read, .vread, .searchType],
        providerInteractions: providerFull)

    static let task = ResourceDefinition(
        type: "Task", interactions: full + [.patch],
        searchParameters: [
            identifier("Task"),
            patientParameter("for"),
            subjectParameter("for"),
            status(),
            .init("business-status", .token, paths: ["businessStatus"], documentation: "Business status (e.g. overdue)."),
            .init("code", .token, paths: ["code"], documentation: "Task kind (http://zorgbrug.nl/fhir/CodeSystem/task-kind)."),
            .init("intent", .token, paths: ["intent"], documentation: "Intent (order)."),
            .init("focus", .reference, paths: ["focus"], documentation: "What the task is about."),
            basedOn(),
            .init("owner", .reference, paths: ["owner"], documentation: "Who should do the task."),
            .init("requester", .reference, paths: ["requester"], documentation: "Who asked for the task."),
            .init("authored-on", .date, paths: ["authoredOn"], documentation: "When the task was created."),
            .init("modified", .date, paths: ["lastModified"], documentation: "When the task was last modified."),
            .init("period", .date, paths: ["executionPeriod"], documentation: "When the task is to be done."),
        ],
        includes: ["focus", "patient", "owner", "requester", "based-on"],
        revIncludes: ["QuestionnaireResponse:based-on", "Communication:based-on", "Task:based-on"],
        ownership: .patientCompartment(parameter: "patient"),
        patientInteractions: [.read, .vread, .historyInstance, .searchType, .update, .patch],
        providerInteractions: providerFull.union([.patch]))

    static let questionnaire = ResourceDefinition(
        type: "Questionnaire", interactions: full,
        searchParameters: canonicalParameters + [
            identifier("Questionnaire"),
            .init("code", .token, paths: ["code", "item.code"], documentation: "A code for the questionnaire or its items."),
        ],
        ownership: .shared,
        patientInteractions: readOnly,
        providerInteractions: providerFull)

    static let questionnaireResponse = ResourceDefinition(
        type: "QuestionnaireResponse", interactions: full,
        searchParameters: [
            identifier("QuestionnaireResponse"),
            patientParameter("subject"),
            subjectParameter("subject"),
            status(),
            basedOn(),
            .init("questionnaire", .uri, paths: ["questionnaire"], documentation: "The questionnaire canonical answered."),
            .init("authored", .date, paths: ["authored"], documentation: "When the answers were given."),
            .init("author", .reference, paths: ["author"], documentation: "Who recorded the answers."),
        ],
        includes: ["based-on", "patient", "author"],
        ownership: .patientCompartment(parameter: "patient"),
        patientInteractions: [.read, .vread, .historyInstance, .searchType, .create, .update],
        providerInteractions: providerFull)

    static let observation = ResourceDefinition(
        type: "Observation", interactions: full,
        searchParameters: [
            identifier("Observation"),
            patientParameter("subject"),
            subjectParameter("subject"),
            status(),
            basedOn(),
            .init("code", .token, paths: ["code"], documentation: "What was measured (LOINC)."),
            .init("category", .token, paths: ["category"], documentation: "Observation category."),
            .init("date", .date, paths: ["effective[x]"], documentation: "When the measurement was taken."),
            .init("interpretation", .token, paths: ["interpretation"], documentation: "H, HH, L, LL, N."),
        ],
        includes: ["based-on", "patient"],
        ownership: .patientCompartment(parameter: "patient"),
        patientInteractions: [.read, .vread, .historyInstance, .searchType, .create],
        providerInteractions: providerFull)

    static let serviceRequest = ResourceDefinition(
        type: "ServiceRequest", interactions: full,
        searchParameters: [
            identifier("ServiceRequest"),
            patientParameter("subject"),
            subjectParameter("subject"),
            status(),
            basedOn(),
            .init("code", .token, paths: ["code"], documentation: "What is requested (LOINC 85354-9 for blood pressure)."),
            .init("intent", .token, paths: ["intent"], documentation: "Intent."),
            .init("authored", .date, paths: ["authoredOn"], documentation: "When the request was made."),
        ],
        includes: ["patient", "based-on"],
        revIncludes: ["Observation:based-on"],
        ownership: .patientCompartment(parameter: "patient"),
        patientInteractions: [.read, .vread, .searchType],
        providerInteractions: providerFull)

    static let carePlan = ResourceDefinition(
        type: "CarePlan", interactions: full,
        searchParameters: [
            identifier("CarePlan"),
            patientParameter("subject"),
            subjectParameter("subject"),
            status(),
            basedOn(),
            .init("category", .token, paths: ["category"], documentation: "Plan category (e.g. signalling-plan)."),
            .init("instantiates-canonical", .uri, paths: ["instantiatesCanonical"], documentation: "The PlanDefinition applied."),
            .init("date", .date, paths: ["period"], documentation: "The plan's period."),
        ],
        includes: ["patient"],
        revIncludes: ["Task:based-on", "Observation:based-on"],
        ownership: .patientCompartment(parameter: "patient"),
        patientInteractions: [.read, .vread, .searchType],
        providerInteractions: providerFull)

    static let planDefinition = ResourceDefinition(
        type: "PlanDefinition", interactions: full,
        searchParameters: canonicalParameters + [identifier("PlanDefinition")],
        ownership: .shared,
        patientInteractions: readOnly,
        providerInteractions: providerFull)

    static let activityDefinition = ResourceDefinition(
        type: "ActivityDefinition", interactions: full,
        searchParameters: canonicalParameters + [identifier("ActivityDefinition")],
        ownership: .shared,
        patientInteractions: readOnly,
        providerInteractions: providerFull)

    static let valueSet = ResourceDefinition(
        type: "ValueSet", interactions: full,
        searchParameters: canonicalParameters + [identifier("ValueSet")],
        ownership: .shared,
        patientInteractions: readOnly,
        providerInteractions: providerFull)

    static let appointment = ResourceDefinition(
        type: "Appointment", interactions: full,
        searchParameters: [
            identifier("Appointment"),
            .init("patient", .reference, paths: ["participant.actor"], targets: ["Patient"],
                  documentation: "A patient taking part."),
            .init("actor", .reference, paths: ["participant.actor"], documentation: "Anyone taking part."),
            status(),
            basedOn(),
            .init("date", .date, paths: ["start"], documentation: "Start time."),
        ],
        includes: ["patient", "actor"],
        revIncludes: ["AppointmentResponse:appointment"],
        ownership: .patientCompartment(parameter: "patient"),
        patientInteractions: [.read, .vread, .searchType],
        providerInteractions: providerFull,
        severalPatients: true)

    static let appointmentResponse = ResourceDefinition(
        type: "AppointmentResponse", interactions: full,
        searchParameters: [
            identifier("AppointmentResponse"),
            .init("appointment", .reference, paths: ["appointment"], targets: ["Appointment"],
                  documentation: "The appointment answered."),
            .init("patient", .reference, paths: ["actor"], targets: ["Patient"], documentation: "The patient answering."),
            .init("actor", .reference, paths: ["actor"], documentation: "Who answered."),
            .init("part-status", .token, paths: ["participantStatus"], documentation: "accepted | declined | tentative | needs-action."),
        ],
        includes: ["appointment", "patient"],
        ownership: .patientCompartment(parameter: "patient"),
        patientInteractions: [.read, .vread, .searchType, .create],
        providerInteractions: providerFull)

    static let communication = ResourceDefinition(
        type: "Communication", interactions: full,
        searchParameters: [
            identifier("Communication"),
            patientParameter("subject"),
            subjectParameter("subject"),
            status(),
            basedOn(),
            .init("part-of", .reference, paths: ["partOf"], documentation: "Larger communication this is part of."),
            .init("sender", .reference, paths: ["sender"], documentation: "Who sent the message."),
            .init("recipient", .reference, paths: ["recipient"], documentation: "Who the message is for."),
            .init("category", .token, paths: ["category"], documentation: "Message category."),
            .init("sent", .date, paths: ["sent"], documentation: "When sent."),
            .init("received", .date, paths: ["received"], documentation: "When read by the recipient."),
        ],
        includes: ["based-on", "patient", "sender"],
        ownership: .patientCompartment(parameter: "patient"),
        patientInteractions: [.read, .vread, .historyInstance, .searchType, .create],
        providerInteractions: providerFull)

    static let consent = ResourceDefinition(
        type: "Consent", interactions: [.read, .vread, .historyInstance, .searchType],
        searchParameters: [
            identifier("Consent"),
            .init("patient", .reference, paths: ["patient"], targets: ["Patient"], documentation: "Whose consent it is."),
            status(),
            .init("actor", .reference, paths: ["provision.actor.reference"], documentation: "Who is granted access."),
            .init("category", .token, paths: ["category"], documentation: "Consent category."),
            .init("date", .date, paths: ["dateTime"], documentation: "When the consent was given."),
        ],
        includes: ["patient", "actor"],
        ownership: .patientCompartment(parameter: "patient"),
        patientInteractions: [.read, .vread, .historyInstance, .searchType],
        providerInteractions: [.read, .vread, .historyInstance, .searchType])

    static let endpoint = ResourceDefinition(
        type: "Endpoint", interactions: full,
        searchParameters: [
            identifier("Endpoint"),
            status(),
            .init("name", .string, paths: ["name"], documentation: "Endpoint name."),
            .init("organization", .reference, paths: ["managingOrganization"], targets: ["Organization"],
                  documentation: "The organization that runs the endpoint."),
        ],
        ownership: .organization,
        patientInteractions: [],
        providerInteractions: providerFull)

    /// The audit trail, read-only and served from the append-only audit table (not the resource store).
    static let auditEvent = ResourceDefinition(
        type: "AuditEvent", interactions: [.searchType],
        searchParameters: [
            .init("patient", .reference, paths: ["entity.what"], targets: ["Patient"],
                  documentation: "Whose data was accessed (required for provider systems)."),
            .init("date", .date, paths: ["recorded"], documentation: "When; only ge/gt (on or after) is supported."),
            .init("agent", .token, paths: ["agent.altId"], documentation: "The client id of the system that acted."),
        ],
        ownership: .patientCompartment(parameter: "patient"),
        patientInteractions: [.searchType],
        providerInteractions: [.searchType],
        storage: .auditTrail)
}
