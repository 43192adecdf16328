import FHIR
import Testing
import ZorgbrugCore

/// One small, realistic resource per served type, with a value for every search parameter the catalog
/// declares, and the entries it must yield.
struct IndexSample: Sendable, CustomTestStringConvertible {
    let type: String
    let json: String
    let expected: [SearchIndexEntry]
    var testDescription: String { type }
}

private func tok(_ parameter: String, _ system: String?, _ code: String) -> SearchIndexEntry {
    SearchIndexEntry(parameter: parameter, value: .token(system: system, code: code))
}
private func ref(_ parameter: String, _ type: String, _ id: String) -> SearchIndexEntry {
    SearchIndexEntry(parameter: parameter, value: .reference(type: type, id: id))
}
private func str(_ parameter: String, _ value: String) -> SearchIndexEntry {
    SearchIndexEntry(parameter: parameter, value: .string(value))
}
private func uri(_ parameter: String, _ value: String) -> SearchIndexEntry {
    SearchIndexEntry(parameter: parameter, value: .uri(value))
}
private func date(_ parameter: String, _ text: String) -> SearchIndexEntry {
    let range = FHIRDateRange.parse(text)!
    return SearchIndexEntry(parameter: parameter, value: .date(low: range.low, high: range.high))
}
private func period(_ parameter: String, _ start: String?, _ end: String?) -> SearchIndexEntry {
    SearchIndexEntry(parameter: parameter, value: .date(
        low: start.flatMap(FHIRDateRange.parse)?.low ?? Int64.min, high: end.flatMap(FHIRDateRange.parse)?.high ?? Int64.max))
}

private let loinc = "http://loinc.org"
private let kind = "http://zorgbrug.nl/fhir/CodeSystem/task-kind"
private let bsn = "http://fhir.nl/fhir/NamingSystem/bsn"

let indexSamples: [IndexSample] = [
    IndexSample(type: "Patient", json: """
        {"resourceType": "Patient", "id": "p1",
         "identifier": [{"system": "\(bsn)", "value": "999911120"}],
         "name": [{"text": "Anna  de Vriès", "family": "de Vriès", "given": ["Anna", "Maria"], "prefix": ["Mevr."]}],
         "gender": "female", "birthDate": "1968-04-12",
         "managingOrganization": {"reference": "Organization/org-1"}}
        """, expected: [
            tok("_id", nil, "p1"), tok("identifier", bsn, "999911120"),
            str("name", "de vries"), str("name", "anna"), str("name", "maria"), str("name", "anna de vries"),
            str("name", "mevr."), str("family", "de vries"), str("given", "anna"), str("given", "maria"),
            date("birthdate", "1968-04-12"), tok("gender", nil, "female"), ref("organization", "Organization", "org-1"),
        ]),
    IndexSample(type: "Practitioner", json: """
        {"resourceType": "Practitioner", "id": "pr1",
         "identifier": [{"system": "http://fhir.nl/fhir/NamingSystem/big", "value": "12345678901"}],
         "name": [{"family": "Bakker", "given": ["Jeroen"], "text": "Dr. J. Bakker"}]}
        """, expected: [
            tok("_id", nil, "pr1"), tok("identifier", "http://fhir.nl/fhir/NamingSystem/big", "12345678901"),
            str("name", "bakker"), str("name", "jeroen"), str("name", "dr. j. bakker"),
        ]),
    IndexSample(type: "Organization", json: """
        {"resourceType": "Organization", "id": "org-1",
         "identifier": [{"system": "http://fhir.nl/fhir/NamingSystem/agb-z", "value": "01234567"}],
         "name": "Huisartsenpraktijk De Linde", "alias": ["De Linde", "HAP Linde"]}
        """, expected: [
            tok("_id", nil, "org-1"), tok("identifier", "http://fhir.nl/fhir/NamingSystem/agb-z", "01234567"),
            str("name", "huisartsenpraktijk de linde"), str("name", "de linde"), str("name", "hap linde"),
        ]),
    IndexSample(type: "RelatedPerson", json: """
        {"resourceType": "RelatedPerson", "id": "rp1", "patient": {"reference": "Patient/p1"},
         "identifier": [{"system": "urn:example", "value": "rp-7"}],
         "relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "MTH"}]}],
         "name": [{"family": "Jansen", "given": ["Els"]}]}
        """, expected: [
            tok("_id", nil, "rp1"), ref("patient", "Patient", "p1"), tok("identifier", "urn:example", "rp-7"),
            tok("relationship", "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "MTH"),
            str("name", "jansen"), str("name", "els"),
        ]),
    IndexSample(type: "Task", json: """
        {"resourceType": "Task", "id": "t1", "status": "ready", "intent": "order",
         "identifier": [{"system": "urn:ecd:task", "value": "T-1"}],
         "businessStatus": {"coding": [{"system": "http://zorgbrug.nl/fhir/CodeSystem/task-business-status", "code": "overdue"}]},
         "code": {"coding": [{"system": "\(kind)", "code": "questionnaire"}]},
         "for": {"reference": "Patient/p1"},
         "focus": {"reference": "Questionnaire/phq-9"},
         "basedOn": [{"reference": "CarePlan/cp1"}],
         "owner": {"reference": "RelatedPerson/rp1"},
         "requester": {"reference": "Practitioner/pr1"},
         "authoredOn": "2026-11-20T09:00:00+01:00", "lastModified": "2026-11-21T09:00:00Z",
         "executionPeriod": {"start": "2026-11-20", "end": "2026-12-04"}}
        """, expected: [
            tok("_id", nil, "t1"), tok("identifier", "urn:ecd:task", "T-1"), ref("patient", "Patient", "p1"),
            ref("subject", "Patient", "p1"), tok("status", nil, "ready"),
            tok("business-status", "http://zorgbrug.nl/fhir/CodeSystem/task-business-status", "overdue"),
            tok("code", kind, "questionnaire"), tok("intent", nil, "order"),
            ref("focus", "Questionnaire", "phq-9"), ref("based-on", "CarePlan", "cp1"),
            ref("owner", "RelatedPerson", "rp1"), ref("requester", "Practitioner", "pr1"),
            date("authored-on", "2026-11-20T09:00:00+01:00"), date("modified", "2026-11-21T09:00:00Z"),
            period("period", "2026-11-20", "2026-12-04"),
        ]),
    IndexSample(type: "Questionnaire", json: """
        {"resourceType": "Questionnaire", "id": "phq-9", "url": "http://zorgbrug.nl/fhir/Questionnaire/phq-9",
         "version": "1.0.0", "name": "PHQ9", "title": "PHQ-9 Vragenlijst", "status": "active",
         "identifier": [{"system": "urn:example", "value": "phq9"}],
         "code": [{"system": "\(loinc)", "code": "44249-1"}],
         "item": [{"linkId": "1", "type": "choice", "code": [{"system": "\(loinc)", "code": "44250-9"}]}]}
        """, expected: [
            tok("_id", nil, "phq-9"), uri("url", "http://zorgbrug.nl/fhir/Questionnaire/phq-9"),
            tok("version", nil, "1.0.0"), str("name", "phq9"), str("title", "phq-9 vragenlijst"),
            tok("status", nil, "active"), tok("identifier", "urn:example", "phq9"),
            tok("code", loinc, "44249-1"), tok("code", loinc, "44250-9"),
        ]),
    IndexSample(type: "QuestionnaireResponse", json: """
        {"resourceType": "QuestionnaireResponse", "id": "qr1", "status": "completed",
         "identifier": {"system": "urn:pgo", "value": "qr-1"},
         "questionnaire": "http://zorgbrug.nl/fhir/Questionnaire/phq-9|1.0.0",
         "subject": {"reference": "Patient/p1"}, "basedOn": [{"reference": "Task/t1"}],
         "authored": "2026-11-22T20:01:02+01:00", "author": {"reference": "RelatedPerson/rp1"}}
        """, expected: [
            tok("_id", nil, "qr1"), tok("identifier", "urn:pgo", "qr-1"), ref("patient", "Patient", "p1"),
            ref("subject", "Patient", "p1"), tok("status", nil, "completed"), ref("based-on", "Task", "t1"),
            uri("questionnaire", "http://zorgbrug.nl/fhir/Questionnaire/phq-9"),
            date("authored", "2026-11-22T20:01:02+01:00"), ref("author", "RelatedPerson", "rp1"),
        ]),
    IndexSample(type: "Observation", json: """
        {"resourceType": "Observation", "id": "o1", "status": "final",
         "identifier": [{"system": "urn:pgo:obs", "value": "o-1"}],
         "basedOn": [{"reference": "ServiceRequest/sr1"}],
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
         "code": {"coding": [{"system": "\(loinc)", "code": "85354-9"}]},
         "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-11-23T08:00:00+01:00",
         "interpretation": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "code": "H"}]}],
         "component": [{"code": {"coding": [{"system": "\(loinc)", "code": "8480-6"}]},
                        "valueQuantity": {"value": 148, "unit": "mm[Hg]", "system": "http://unitsofmeasure.org", "code": "mm[Hg]"}}]}
        """, expected: [
            tok("_id", nil, "o1"), tok("identifier", "urn:pgo:obs", "o-1"), ref("patient", "Patient", "p1"),
            ref("subject", "Patient", "p1"), tok("status", nil, "final"), ref("based-on", "ServiceRequest", "sr1"),
            tok("code", loinc, "85354-9"),
            tok("category", "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs"),
            date("date", "2026-11-23T08:00:00+01:00"),
            tok("interpretation", "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "H"),
        ]),
    IndexSample(type: "ServiceRequest", json: """
        {"resourceType": "ServiceRequest", "id": "sr1", "status": "active", "intent": "order",
         "identifier": [{"system": "urn:ecd:sr", "value": "SR-1"}], "basedOn": [{"reference": "CarePlan/cp1"}],
         "code": {"coding": [{"system": "\(loinc)", "code": "85354-9"}]},
         "subject": {"reference": "Patient/p1"}, "authoredOn": "2026-11-20"}
        """, expected: [
            tok("_id", nil, "sr1"), tok("identifier", "urn:ecd:sr", "SR-1"), ref("patient", "Patient", "p1"),
            ref("subject", "Patient", "p1"), tok("status", nil, "active"), ref("based-on", "CarePlan", "cp1"),
            tok("code", loinc, "85354-9"), tok("intent", nil, "order"), date("authored", "2026-11-20"),
        ]),
    IndexSample(type: "CarePlan", json: """
        {"resourceType": "CarePlan", "id": "cp1", "status": "active", "intent": "plan",
         "identifier": [{"system": "urn:ecd:cp", "value": "CP-1"}], "basedOn": [{"reference": "CarePlan/cp0"}],
         "instantiatesCanonical": ["http://zorgbrug.nl/fhir/PlanDefinition/hypertensie|1.0.0"],
         "category": [{"coding": [{"system": "http://zorgbrug.nl/fhir/CodeSystem/careplan-category", "code": "signalling-plan"}]}],
         "subject": {"reference": "Patient/p1"}, "period": {"start": "2026-11-20"}}
        """, expected: [
            tok("_id", nil, "cp1"), tok("identifier", "urn:ecd:cp", "CP-1"), ref("patient", "Patient", "p1"),
            ref("subject", "Patient", "p1"), tok("status", nil, "active"), ref("based-on", "CarePlan", "cp0"),
            tok("category", "http://zorgbrug.nl/fhir/CodeSystem/careplan-category", "signalling-plan"),
            uri("instantiates-canonical", "http://zorgbrug.nl/fhir/PlanDefinition/hypertensie"),
            period("date", "2026-11-20", nil),
        ]),
    IndexSample(type: "PlanDefinition", json: """
        {"resourceType": "PlanDefinition", "id": "hypertensie", "url": "http://zorgbrug.nl/fhir/PlanDefinition/hypertensie",
         "version": "1.0.0", "name": "Hypertensie", "title": "Hypertensie monitoring", "status": "active",
         "identifier": [{"system": "urn:zorgbrug:module", "value": "hypertensie"}]}
        """, expected: [
            tok("_id", nil, "hypertensie"), uri("url", "http://zorgbrug.nl/fhir/PlanDefinition/hypertensie"),
            tok("version", nil, "1.0.0"), str("name", "hypertensie"), str("title", "hypertensie monitoring"),
            tok("status", nil, "active"), tok("identifier", "urn:zorgbrug:module", "hypertensie"),
        ]),
    IndexSample(type: "ActivityDefinition", json: """
        {"resourceType": "ActivityDefinition", "id": "ad1", "url": "http://zorgbrug.nl/fhir/ActivityDefinition/phq-9",
         "version": "2", "name": "PHQ9Taak", "title": "PHQ-9 invullen", "status": "draft",
         "identifier": [{"value": "ad-phq9"}]}
        """, expected: [
            tok("_id", nil, "ad1"), uri("url", "http://zorgbrug.nl/fhir/ActivityDefinition/phq-9"),
            tok("version", nil, "2"), str("name", "phq9taak"), str("title", "phq-9 invullen"),
            tok("status", nil, "draft"), tok("identifier", nil, "ad-phq9"),
        ]),
    IndexSample(type: "ValueSet", json: """
        {"resourceType": "ValueSet", "id": "vs1", "url": "http://zorgbrug.nl/fhir/ValueSet/arm",
         "version": "1", "name": "Arm", "title": "Arm (links/rechts)", "status": "retired",
         "identifier": [{"system": "urn:oid", "value": "2.16.840.1.113883.2.4.3.11.60.40.2.12.4.1"}]}
        """, expected: [
            tok("_id", nil, "vs1"), uri("url", "http://zorgbrug.nl/fhir/ValueSet/arm"), tok("version", nil, "1"),
            str("name", "arm"), str("title", "arm (links/rechts)"), tok("status", nil, "retired"),
            tok("identifier", "urn:oid", "2.16.840.1.113883.2.4.3.11.60.40.2.12.4.1"),
        ]),
    IndexSample(type: "Appointment", json: """
        {"resourceType": "Appointment", "id": "a1", "status": "proposed",
         "identifier": [{"system": "urn:ecd:agenda", "value": "A-1"}], "basedOn": [{"reference": "ServiceRequest/sr2"}],
         "start": "2026-12-01T09:30:00+01:00", "end": "2026-12-01T09:45:00+01:00",
         "participant": [{"actor": {"reference": "Practitioner/pr1"}, "status": "accepted"},
                         {"actor": {"reference": "Patient/p1"}, "status": "needs-action"}]}
        """, expected: [
            tok("_id", nil, "a1"), tok("identifier", "urn:ecd:agenda", "A-1"), ref("patient", "Patient", "p1"),
            ref("actor", "Practitioner", "pr1"), ref("actor", "Patient", "p1"), tok("status", nil, "proposed"),
            ref("based-on", "ServiceRequest", "sr2"), date("date", "2026-12-01T09:30:00+01:00"),
        ]),
    IndexSample(type: "AppointmentResponse", json: """
        {"resourceType": "AppointmentResponse", "id": "ar1", "identifier": [{"system": "urn:pgo:ar", "value": "AR-1"}],
         "appointment": {"reference": "Appointment/a1"}, "actor": {"reference": "Patient/p1"},
         "participantStatus": "declined"}
        """, expected: [
            tok("_id", nil, "ar1"), tok("identifier", "urn:pgo:ar", "AR-1"), ref("appointment", "Appointment", "a1"),
            ref("patient", "Patient", "p1"), ref("actor", "Patient", "p1"), tok("part-status", nil, "declined"),
        ]),
    IndexSample(type: "Communication", json: """
        {"resourceType": "Communication", "id": "c1", "status": "completed",
         "identifier": [{"system": "urn:pgo:msg", "value": "M-1"}], "basedOn": [{"reference": "Task/t9"}],
         "partOf": [{"reference": "Communication/c0"}],
         "category": [{"coding": [{"system": "http://zorgbrug.nl/fhir/CodeSystem/communication-category", "code": "econsult"}]}],
         "subject": {"reference": "Patient/p1"}, "sender": {"reference": "Patient/p1"},
         "recipient": [{"reference": "Practitioner/pr1"}],
         "sent": "2026-11-23T10:00:00+01:00", "received": "2026-11-23T11:00:00+01:00"}
        """, expected: [
            tok("_id", nil, "c1"), tok("identifier", "urn:pgo:msg", "M-1"), ref("patient", "Patient", "p1"),
            ref("subject", "Patient", "p1"), tok("status", nil, "completed"), ref("based-on", "Task", "t9"),
            ref("part-of", "Communication", "c0"), ref("sender", "Patient", "p1"), ref("recipient", "Practitioner", "pr1"),
            tok("category", "http://zorgbrug.nl/fhir/CodeSystem/communication-category", "econsult"),
            date("sent", "2026-11-23T10:00:00+01:00"), date("received", "2026-11-23T11:00:00+01:00"),
        ]),
    IndexSample(type: "Consent", json: """
        {"resourceType": "Consent", "id": "cs1", "status": "active",
         "identifier": [{"system": "http://zorgbrug.nl/fhir/NamingSystem/grant", "value": "g-1"}],
         "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy"}]},
         "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0"}]}],
         "patient": {"reference": "Patient/p1"}, "dateTime": "2026-11-23T10:00:00Z",
         "provision": {"actor": [{"role": {"text": "PGO"}, "reference": {"reference": "RelatedPerson/rp1"}}]}}
        """, expected: [
            tok("_id", nil, "cs1"), tok("identifier", "http://zorgbrug.nl/fhir/NamingSystem/grant", "g-1"),
            ref("patient", "Patient", "p1"), tok("status", nil, "active"), ref("actor", "RelatedPerson", "rp1"),
            tok("category", loinc, "59284-0"), date("date", "2026-11-23T10:00:00Z"),
        ]),
    IndexSample(type: "Endpoint", json: """
        {"resourceType": "Endpoint", "id": "e1", "status": "active", "name": "ECD De Linde",
         "identifier": [{"system": "urn:ecd", "value": "linde"}],
         "managingOrganization": {"reference": "Organization/org-1"},
         "connectionType": {"system": "http://terminology.hl7.org/CodeSystem/endpoint-connection-type", "code": "hl7-fhir-rest"},
         "payloadType": [{"text": "any"}], "address": "https://ecd.example.org/fhir"}
        """, expected: [
            tok("_id", nil, "e1"), tok("identifier", "urn:ecd", "linde"), tok("status", nil, "active"),
            str("name", "ecd de linde"), ref("organization", "Organization", "org-1"),
        ]),
    IndexSample(type: "AuditEvent", json: """
        {"resourceType": "AuditEvent", "id": "ae1", "recorded": "2026-11-23T10:00:00.123Z",
         "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-event-type", "code": "rest"},
         "agent": [{"altId": "demo-pgo-1", "requestor": true}],
         "source": {"observer": {"display": "Zorgbrug"}},
         "entity": [{"what": {"reference": "Patient/p1"}}, {"what": {"reference": "Task/t1"}}]}
        """, expected: [
            tok("_id", nil, "ae1"), ref("patient", "Patient", "p1"), date("date", "2026-11-23T10:00:00.123Z"),
            tok("agent", nil, "demo-pgo-1"),
        ]),
]

@Suite("SearchIndexExtractor")
struct SearchIndexExtractorTests {
    static func object(_ text: String) throws -> JSONObject {
        try #require(try JSONParser().parse(text).objectValue)
    }

    static func entries(_ type: String, _ text: String) throws -> [SearchIndexEntry] {
        let definition = try #require(ResourceCatalog.definition(type))
        return SearchIndexExtractor.entries(of: try object(text), definition: definition)
    }

    @Test("there is one sample per served type")
    func samplesCoverCatalog() {
        #expect(Set(indexSamples.map(\.type)) == Set(ResourceCatalog.definitions.map(\.type)))
    }

    @Test("a realistic resource yields exactly the expected entries", arguments: indexSamples)
    func sampleEntries(sample: IndexSample) throws {
        let actual = try Self.entries(sample.type, sample.json)
        #expect(Set(actual).count == actual.count, "duplicate entries")
        for entry in sample.expected {
            #expect(actual.contains(entry), "\(sample.type): missing \(entry)")
        }
        for entry in actual where !sample.expected.contains(entry) {
            Issue.record("\(sample.type): unexpected \(entry)")
        }
    }

    @Test("every declared search parameter is fed by its sample (the catalog's paths are right)",
          arguments: indexSamples)
    func everyParameterIndexed(sample: IndexSample) throws {
        let definition = try #require(ResourceCatalog.definition(sample.type))
        let indexed = Set(try Self.entries(sample.type, sample.json).map(\.parameter))
        for parameter in definition.searchParameters {
            #expect(indexed.contains(parameter.name), "\(sample.type).\(parameter.name) yields nothing")
        }
        #expect(indexed.contains("_id"))
    }

    @Test("no _id entry without an id; an empty resource yields nothing")
    func noID() throws {
        #expect(try Self.entries("Task", #"{"resourceType": "Task"}"#).isEmpty)
    }

    @Test("string values: lowercased, diacritics removed, whitespace collapsed", arguments: [
        ("de Vriès", "de vries"),
        ("  Jan   de\tVRIES ", "jan de vries"),
        ("Müller-Lüdenscheid", "muller-ludenscheid"),
        ("Çelik", "celik"),
        ("Ångström", "angstrom"),
        ("Zoë Noël", "zoe noel"),
        ("", ""),
    ])
    func normalize(input: String, expected: String) {
        #expect(SearchIndexExtractor.normalize(input) == expected)
    }

    @Test("effective[x] indexes whichever choice is present", arguments: [
        (#""effectiveDateTime": "2026-11-23""#, date("date", "2026-11-23")),
        (#""effectiveInstant": "2026-11-23T10:15:00Z""#, date("date", "2026-11-23T10:15:00Z")),
        (#""effectivePeriod": {"start": "2026-11-01", "end": "2026-11-30"}"#, period("date", "2026-11-01", "2026-11-30")),
        (#""effectivePeriod": {"end": "2026-11-30"}"#, period("date", nil, "2026-11-30")),
    ] as [(String, SearchIndexEntry)])
    func effectiveChoice(member: String, expected: SearchIndexEntry) throws {
        let entries = try Self.entries("Observation", #"{"resourceType": "Observation", "id": "o", \#(member)}"#)
        #expect(entries.filter { $0.parameter == "date" } == [expected])
    }

    @Test("effective[x] does not match members that only share the prefix")
    func choicePrefixOnly() throws {
        let entries = try Self.entries("Observation", #"""
            {"resourceType": "Observation", "id": "o", "effective": "2026-11-23", "effectivex": "2026-11-24",
             "_effectiveDateTime": {"extension": []}}
            """#)
        #expect(!entries.contains { $0.parameter == "date" })
    }

    @Test("a Period with open ends covers everything before or after")
    func openPeriod() throws {
        let entries = try Self.entries("Task", #"{"resourceType": "Task", "id": "t", "executionPeriod": {"start": "2026-11-20T10:00:00Z"}}"#)
        let low = FHIRDateRange.parse("2026-11-20T10:00:00Z")!.low
        #expect(entries.contains(SearchIndexEntry(parameter: "period", value: .date(low: low, high: Int64.max))))
        let empty = try Self.entries("Task", #"{"resourceType": "Task", "id": "t", "executionPeriod": {}}"#)
        #expect(!empty.contains { $0.parameter == "period" })
    }

    @Test("invalid dates are skipped, not fatal")
    func invalidDateSkipped() throws {
        let entries = try Self.entries("Patient", #"{"resourceType": "Patient", "id": "p", "birthDate": "2026-02-29"}"#)
        #expect(entries == [tok("_id", nil, "p")])
    }

    @Test("references: relative, absolute URL, versioned; contained and malformed ones are ignored", arguments: [
        ("Patient/p1", "p1" as String?),
        ("https://zorgbrug.example.org/fhir/Patient/p1", "p1"),
        ("Patient/p1/_history/3", "p1"),
        ("https://zorgbrug.example.org/fhir/Patient/p1/_history/3", "p1"),
        ("#pat", nil),
        ("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e", nil),
        ("Patient/", nil),
        ("patient/p1", nil),
        ("Patient/a b", nil),
    ])
    func references(reference: String, id: String?) throws {
        let entries = try Self.entries("Observation", #"{"resourceType": "Observation", "id": "o", "subject": {"reference": "\#(reference)"}}"#)
        let patient = entries.filter { $0.parameter == "patient" }
        if let id {
            #expect(patient == [ref("patient", "Patient", id)])
        } else {
            #expect(patient.isEmpty)
        }
    }

    @Test("a reference parameter with targets skips other types; one without targets keeps them")
    func referenceTargets() throws {
        let entries = try Self.entries("Task", #"{"resourceType": "Task", "id": "t", "for": {"reference": "Group/g1"}}"#)
        #expect(!entries.contains { $0.parameter == "patient" })
        #expect(entries.contains(ref("subject", "Group", "g1")))
    }

    @Test("a Reference with only an identifier or display is not indexed")
    func logicalReference() throws {
        let entries = try Self.entries("Task", #"""
            {"resourceType": "Task", "id": "t", "owner": {"identifier": {"system": "urn:x", "value": "1"}, "display": "X"}}
            """#)
        #expect(!entries.contains { $0.parameter == "owner" })
    }

    @Test("tokens from code, boolean, Coding, CodeableConcept and Identifier; empty shapes skipped")
    func tokens() throws {
        // Observation.code is a CodeableConcept with two codings and a text.
        let entries = try Self.entries("Observation", #"""
            {"resourceType": "Observation", "id": "o", "status": "final",
             "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}, {"code": "bp"}], "text": "Bloeddruk"},
             "category": [{"text": "only text"}], "identifier": [{"system": "urn:x"}],
             "interpretation": [{"coding": [{"system": "urn:y", "display": "no code"}]}]}
            """#)
        #expect(entries.contains(tok("code", "http://loinc.org", "85354-9")))
        #expect(entries.contains(tok("code", nil, "bp")))
        #expect(!entries.contains { ["category", "identifier", "interpretation"].contains($0.parameter) })
        // An Endpoint.status code and a boolean-like token on a code path.
        let endpoint = try Self.entries("Endpoint", #"{"resourceType": "Endpoint", "id": "e", "status": "off"}"#)
        #expect(endpoint.contains(tok("status", nil, "off")))
    }

    @Test("uri values drop a canonical's |version")
    func canonicalVersionStripped() throws {
        let entries = try Self.entries("QuestionnaireResponse", #"""
            {"resourceType": "QuestionnaireResponse", "id": "r", "questionnaire": "http://example.org/Questionnaire/q|2.1"}
            """#)
        #expect(entries.contains(uri("questionnaire", "http://example.org/Questionnaire/q")))
        #expect(!entries.contains(uri("questionnaire", "http://example.org/Questionnaire/q|2.1")))
    }

    @Test("elements of an unexpected shape are skipped, never fatal")
    func wrongShapes() throws {
        let entries = try Self.entries("Task", #"""
            {"resourceType": "Task", "id": "t", "status": 3, "for": "Patient/p1", "code": ["x"],
             "authoredOn": {"start": 1}, "identifier": "T-1", "focus": [{"reference": 7}]}
            """#)
        #expect(!entries.contains { ["status", "patient", "subject", "authored-on", "focus"].contains($0.parameter) })
    }

    @Test("values(at:) flattens arrays at every step")
    func valuesFlatten() throws {
        let resource = try Self.object(#"{"name": [{"given": ["A", "B"]}, {"given": ["C"]}, {"family": "D"}]}"#)
        #expect(SearchIndexExtractor.values(at: "name.given", in: resource) == ["A", "B", "C"])
        #expect(SearchIndexExtractor.values(at: "name.nothing", in: resource).isEmpty)
    }
}

@Suite("SearchIndexExtractor.parseReference and patientID")
struct ReferenceParsingTests {
    @Test("parseReference", arguments: [
        ("Patient/123", SearchValue.reference(type: "Patient", id: "123") as SearchValue?),
        ("Patient/a.b-C", .reference(type: "Patient", id: "a.b-C")),
        ("http://example.org/fhir/Patient/123", .reference(type: "Patient", id: "123")),
        ("Observation/o1/_history/2", .reference(type: "Observation", id: "o1")),
        ("QuestionnaireResponse/q/_history/10", .reference(type: "QuestionnaireResponse", id: "q")),
        ("Patient/", nil),
        ("/x", nil),
        ("/", nil),
        ("", nil),
        ("Patient", nil),
        ("patient/1", nil),
        ("Patient/a b", nil),
        ("Patient/a_b", nil),
        ("Pat1ent/1", nil),
        ("#contained", nil),
        ("Patient/1/_history", nil),
        ("Patient/" + String(repeating: "x", count: 65), nil),
    ])
    func parse(reference: String, expected: SearchValue?) {
        #expect(SearchIndexExtractor.parseReference(reference) == expected, "\(reference)")
    }

    static func patientID(_ type: String, _ text: String, id: String = "x") throws -> String? {
        let definition = try #require(ResourceCatalog.definition(type))
        let resource = try #require(try JSONParser().parse(text).objectValue)
        return SearchIndexExtractor.patientID(of: resource, id: id, definition: definition)
    }

    @Test("a Patient belongs to itself")
    func patientOwnership() throws {
        #expect(try Self.patientID("Patient", #"{"resourceType": "Patient"}"#, id: "p9") == "p9")
    }

    @Test("a compartment resource belongs to the Patient its parameter names")
    func compartmentOwnership() throws {
        #expect(try Self.patientID("Task", #"{"resourceType": "Task", "for": {"reference": "Patient/p1"}}"#) == "p1")
        #expect(try Self.patientID("Observation", #"{"resourceType": "Observation", "subject": {"reference": "https://z.example/fhir/Patient/p2/_history/1"}}"#) == "p2")
        #expect(try Self.patientID("Consent", #"{"resourceType": "Consent", "patient": {"reference": "Patient/p3"}}"#) == "p3")
        // The patient is found among several participants.
        #expect(try Self.patientID("Appointment", #"""
            {"resourceType": "Appointment", "participant": [{"actor": {"reference": "Practitioner/pr"}},
                                                            {"actor": {"reference": "Patient/p4"}}]}
            """#) == "p4")
        #expect(try Self.patientID("AuditEvent", #"""
            {"resourceType": "AuditEvent", "entity": [{"what": {"reference": "Task/t"}}, {"what": {"reference": "Patient/p5"}}]}
            """#) == "p5")
    }

    @Test("no patient when the reference is missing, not a Patient, or malformed")
    func compartmentWithoutPatient() throws {
        #expect(try Self.patientID("Task", #"{"resourceType": "Task"}"#) == nil)
        #expect(try Self.patientID("Task", #"{"resourceType": "Task", "for": {"reference": "Group/g"}}"#) == nil)
        #expect(try Self.patientID("Task", ##"{"resourceType": "Task", "for": {"reference": "#p"}}"##) == nil)
        #expect(try Self.patientID("Observation", #"{"resourceType": "Observation", "subject": {"reference": "Patient/a b"}}"#) == nil)
    }

    @Test("organization and shared data belong to no patient")
    func nonPatientOwnership() throws {
        #expect(try Self.patientID("Practitioner", #"{"resourceType": "Practitioner"}"#) == nil)
        #expect(try Self.patientID("Endpoint", #"{"resourceType": "Endpoint", "managingOrganization": {"reference": "Organization/o"}}"#) == nil)
        #expect(try Self.patientID("Questionnaire", #"{"resourceType": "Questionnaire", "subjectType": ["Patient"]}"#) == nil)
        #expect(try Self.patientID("Organization", #"{"resourceType": "Organization"}"#) == nil)
    }

    @Test("a compartment naming an unknown parameter yields no patient")
    func unknownCompartmentParameter() {
        let definition = ResourceDefinition(
            type: "Task", interactions: [.read], searchParameters: [],
            ownership: .patientCompartment(parameter: "nope"), patientInteractions: [], providerInteractions: [])
        #expect(SearchIndexExtractor.patientID(of: ["for": ["reference": "Patient/p1"]], id: "t", definition: definition) == nil)
    }
}
