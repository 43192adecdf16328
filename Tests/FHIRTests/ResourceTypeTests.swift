import FHIR
import Testing

/// Every modelled resource type: a minimal valid instance validates and decodes into its Swift type, and an
/// empty one is reported for exactly its required elements.
@Suite("every resource type")
struct ResourceTypeTests {
    static let minimal: [ResourceType: (valid: String, required: [String])] = [
        .activityDefinition: (#"{"status":"active"}"#, ["status"]),
        .appointment: (#"{"status":"proposed","participant":[{"status":"needs-action"}]}"#, ["participant", "status"]),
        .appointmentResponse: (#"{"appointment":{"reference":"Appointment/a"},"participantStatus":"accepted"}"#,
            ["appointment", "participantStatus"]),
        .auditEvent: (
            #"{"type":{"code":"rest"},"recorded":"2026-11-23T10:15:30.123Z","agent":[{"requestor":true}],"source":{"observer":{"display":"zorgbrug"}}}"#,
            ["agent", "recorded", "source", "type"]
        ),
        .bundle: (#"{"type":"collection"}"#, ["type"]),
        .capabilityStatement: (#"{"status":"active","date":"2026-11-23","kind":"instance","fhirVersion":"4.0.1","format":["json"]}"#,
            ["date", "fhirVersion", "format", "kind", "status"]),
        .carePlan: (#"{"status":"active","intent":"plan","subject":{"reference":"Patient/p"}}"#, ["intent", "status", "subject"]),
        .communication: (#"{"status":"completed"}"#, ["status"]),
        .consent: (#"{"status":"active","scope":{"text":"s"},"category":[{"text":"c"}]}"#, ["category", "scope", "status"]),
        .endpoint: (
            #"{"status":"active","connectionType":{"code":"hl7-fhir-rest"},"payloadType":[{"text":"any"}],"address":"https://ehr.example/fhir"}"#,
            ["address", "connectionType", "payloadType", "status"]
        ),
        .observation: (#"{"status":"final","code":{"text":"bp"}}"#, ["code", "status"]),
        .operationOutcome: (#"{"issue":[{"severity":"information","code":"informational"}]}"#, ["issue"]),
        .organization: ("{}", []),
        .parameters: ("{}", []),
        .patient: ("{}", []),
        .planDefinition: (#"{"status":"draft"}"#, ["status"]),
        .practitioner: ("{}", []),
        .questionnaire: (#"{"status":"active"}"#, ["status"]),
        .questionnaireResponse: (#"{"status":"in-progress"}"#, ["status"]),
        .relatedPerson: (#"{"patient":{"reference":"Patient/p"}}"#, ["patient"]),
        .serviceRequest: (#"{"status":"active","intent":"order","subject":{"reference":"Patient/p"}}"#,
            ["intent", "status", "subject"]),
        .subscription: (
            #"{"status":"requested","reason":"r","criteria":"Task?patient=Patient/p","channel":{"type":"rest-hook"}}"#,
            ["channel", "criteria", "reason", "status"]
        ),
        .task: (#"{"status":"draft","intent":"order"}"#, ["intent", "status"]),
        .valueSet: (#"{"status":"active"}"#, ["status"]),
    ]

    @Test("the table covers every type")
    func tableComplete() {
        #expect(Set(Self.minimal.keys) == Set(ResourceType.allCases))
    }

    @Test("a minimal instance validates and decodes into its Swift type", arguments: ResourceType.allCases)
    func minimalValid(type: ResourceType) throws {
        let entry = try #require(Self.minimal[type])
        var json = try object(entry.valid)
        json["resourceType"] = .string(type.rawValue)
        #expect(FHIRValidator.validate(json).isEmpty, "\(FHIRValidator.validate(json).map(\.description))")
        let decoded = try decodeResource(.object(json))
        #expect(Swift.type(of: decoded).resourceType == type)
        #expect(decoded.json == json)
    }

    @Test("an empty instance is missing exactly its required elements", arguments: ResourceType.allCases)
    func requiredElements(type: ResourceType) throws {
        let entry = try #require(Self.minimal[type])
        let issues = FHIRValidator.validate(["resourceType": .string(type.rawValue)])
        #expect(issues.allSatisfy { $0.code == .requiredMissing })
        #expect(issues.map(\.expression) == entry.required.map { "\(type.rawValue).\($0)" })
    }
}
