import FHIR
import Testing

@Suite("structural validation")
struct ValidatorTests {
    private func issues(_ text: String) throws -> [ValidationIssue] {
        FHIRValidator.validate(try object(text))
    }

    /// Asserts exactly one issue, with this code at this FHIRPath.
    private func expectOne(
        _ text: String, code: ValidationIssue.Code, at expression: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let found = try issues(text)
        #expect(found.count == 1, "\(found.map(\.description))", sourceLocation: sourceLocation)
        #expect(found.first?.code == code, "\(found.map(\.description))", sourceLocation: sourceLocation)
        #expect(found.first?.expression == expression, "\(found.map(\.description))", sourceLocation: sourceLocation)
        #expect(found.first?.severity == .error, sourceLocation: sourceLocation)
    }

    @Test("a minimal valid resource of each kind has no issues")
    func minimalValid() throws {
        #expect(try issues(#"{"resourceType":"Patient"}"#).isEmpty)
        #expect(try issues(#"{"resourceType":"Task","status":"ready","intent":"order"}"#).isEmpty)
        #expect(try issues(#"{"resourceType":"Observation","status":"final","code":{"text":"bp"}}"#).isEmpty)
        #expect(try issues(#"{"resourceType":"Bundle","type":"searchset","total":0}"#).isEmpty)
        #expect(
            try issues(
                #"{"resourceType":"Consent","status":"active","scope":{"text":"s"},"category":[{"text":"c"}]}"#
            ).isEmpty)
    }

    @Test("unknown elements on a known type are not errors")
    func unknownElementsAllowed() throws {
        #expect(try issues(#"{"resourceType":"Patient","somethingNew":{"deep":[1,"a"]}}"#).isEmpty)
    }

    @Test("resourceType: missing and unknown")
    func resourceType() throws {
        try expectOne(#"{"id":"1"}"#, code: .resourceTypeMissing, at: "resourceType")
        try expectOne(#"{"resourceType":"Medication"}"#, code: .resourceTypeUnknown, at: "Medication")
    }

    @Test("id format", arguments: ["has space", "", String(repeating: "a", count: 65), "ü"])
    func idFormat(id: String) throws {
        let text = #"{"resourceType":"Patient","id":"\#(id)"}"#
        let found = try issues(text)
        #expect(found.contains { $0.expression == "Patient.id" && ($0.code == .idInvalid || $0.code == .jsonEmpty) })
    }

    @Test("element JSON types of modelled elements")
    func elementTypes() throws {
        try expectOne(#"{"resourceType":"Patient","active":"yes"}"#, code: .elementTypeInvalid, at: "Patient.active")
        try expectOne(#"{"resourceType":"Patient","birthDate":20100501}"#, code: .elementTypeInvalid, at: "Patient.birthDate")
        try expectOne(#"{"resourceType":"Patient","name":{"family":"x"}}"#, code: .elementTypeInvalid, at: "Patient.name")
        try expectOne(#"{"resourceType":"Patient","gender":["male"]}"#, code: .elementTypeInvalid, at: "Patient.gender")
        try expectOne(
            #"{"resourceType":"Patient","name":[{"given":[1]}]}"#, code: .elementTypeInvalid, at: "Patient.name[0].given[0]")
    }

    @Test("primitive formats: date, dateTime, instant, code, uri, integer")
    func primitiveFormats() throws {
        try expectOne(#"{"resourceType":"Patient","birthDate":"2026-02-30"}"#, code: .valueInvalid, at: "Patient.birthDate")
        try expectOne(
            #"{"resourceType":"Task","status":"ready","intent":"order","authoredOn":"2026-11-23T10:00:00"}"#,
            code: .valueInvalid, at: "Task.authoredOn")
        try expectOne(
            #"{"resourceType":"Patient","meta":{"lastUpdated":"2026-11-23"}}"#, code: .valueInvalid,
            at: "Patient.meta.lastUpdated")
        try expectOne(
            #"{"resourceType":"Patient","identifier":[{"system":"http://x y"}]}"#, code: .valueInvalid,
            at: "Patient.identifier[0].system")
        try expectOne(
            #"{"resourceType":"Patient","maritalStatus":{"coding":[{"code":" M"}]}}"#, code: .valueInvalid,
            at: "Patient.maritalStatus.coding[0].code")
        try expectOne(
            #"{"resourceType":"Questionnaire","status":"active","item":[{"linkId":"1","type":"string","maxLength":1.5}]}"#,
            code: .valueInvalid, at: "Questionnaire.item[0].maxLength")
        try expectOne(
            #"{"resourceType":"Bundle","type":"searchset","total":-1}"#, code: .valueInvalid, at: "Bundle.total")
    }

    @Test(
        "required elements",
        arguments: [
            (#"{"resourceType":"Task","intent":"order"}"#, "Task.status"),
            (#"{"resourceType":"Task","status":"ready"}"#, "Task.intent"),
            (#"{"resourceType":"Observation","status":"final"}"#, "Observation.code"),
            (#"{"resourceType":"Observation","code":{"text":"x"}}"#, "Observation.status"),
            (#"{"resourceType":"QuestionnaireResponse"}"#, "QuestionnaireResponse.status"),
            (#"{"resourceType":"Questionnaire"}"#, "Questionnaire.status"),
            (#"{"resourceType":"Bundle"}"#, "Bundle.type"),
            (#"{"resourceType":"Consent","status":"active","scope":{"text":"s"}}"#, "Consent.category"),
            (#"{"resourceType":"Questionnaire","status":"active","item":[{"type":"group"}]}"#, "Questionnaire.item[0].linkId"),
            (#"{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"answer":[{"valueString":"a"}]}]}"#,
             "QuestionnaireResponse.item[0].linkId"),
            (#"{"resourceType":"Bundle","type":"batch","entry":[{"request":{"method":"POST"}}]}"#, "Bundle.entry[0].request.url"),
            (#"{"resourceType":"QuestionnaireResponse","status":"completed","item":[{"linkId":"a","answer":[{"item":[{"linkId":"b"}]}]}]}"#,
             "QuestionnaireResponse.item[0].answer[0].value[x]"),
            (#"{"resourceType":"Task","status":"ready","intent":"order","input":[{"type":{"text":"q"}}]}"#, "Task.input[0].value[x]"),
            (#"{"resourceType":"Questionnaire","status":"active","item":[{"linkId":"1","type":"string","enableWhen":[{"question":"0","operator":"exists"}]}]}"#,
             "Questionnaire.item[0].enableWhen[0].answer[x]"),
        ])
    func required(text: String, expression: String) throws {
        try expectOne(text, code: .requiredMissing, at: expression)
    }

    @Test(
        "required bindings",
        arguments: [
            (#"{"resourceType":"Task","status":"done","intent":"order"}"#, "Task.status"),
            (#"{"resourceType":"Task","status":"ready","intent":"command"}"#, "Task.intent"),
            (#"{"resourceType":"Observation","status":"ok","code":{"text":"x"}}"#, "Observation.status"),
            (#"{"resourceType":"QuestionnaireResponse","status":"complete"}"#, "QuestionnaireResponse.status"),
            (#"{"resourceType":"Questionnaire","status":"published"}"#, "Questionnaire.status"),
            (#"{"resourceType":"Bundle","type":"list"}"#, "Bundle.type"),
            (#"{"resourceType":"Questionnaire","status":"active","item":[{"linkId":"1","type":"number"}]}"#,
             "Questionnaire.item[0].type"),
        ])
    func bindings(text: String, expression: String) throws {
        try expectOne(text, code: .codeInvalid, at: expression)
    }

    @Test("FHIR JSON rules: no nulls, no empty strings, arrays or objects, even in unknown elements")
    func jsonRules() throws {
        try expectOne(#"{"resourceType":"Patient","active":null}"#, code: .elementTypeInvalid, at: "Patient.active")
        try expectOne(#"{"resourceType":"Patient","futureThing":null}"#, code: .jsonNull, at: "Patient.futureThing")
        try expectOne(#"{"resourceType":"Patient","name":[{"family":""}]}"#, code: .jsonEmpty, at: "Patient.name[0].family")
        try expectOne(#"{"resourceType":"Patient","identifier":[]}"#, code: .jsonEmpty, at: "Patient.identifier")
        try expectOne(#"{"resourceType":"Patient","maritalStatus":{}}"#, code: .jsonEmpty, at: "Patient.maritalStatus")
        try expectOne(#"{"resourceType":"Patient","futureThing":{"a":""}}"#, code: .jsonEmpty, at: "Patient.futureThing.a")
        try expectOne(#"{"resourceType":"Patient","futureThing":[]}"#, code: .jsonEmpty, at: "Patient.futureThing")
        try expectOne(#"{"resourceType":"Patient","name":[{"given":["a",null]}]}"#, code: .jsonNull, at: "Patient.name[0].given[1]")
    }

    @Test("nulls are allowed only inside primitive arrays aligned with their _x array")
    func alignedNulls() throws {
        #expect(
            try issues(
                #"{"resourceType":"Patient","name":[{"given":["a",null],"_given":[null,{"extension":[{"url":"u","valueString":"x"}]}]}]}"#
            ).isEmpty)
        try expectOne(
            #"{"resourceType":"Patient","name":[{"given":["a","b"],"_given":[{"id":"x"}]}]}"#, code: .elementTypeInvalid,
            at: "Patient.name[0].given")
        try expectOne(
            #"{"resourceType":"Patient","name":[{"given":["a",null],"_given":[null,null]}]}"#, code: .jsonNull,
            at: "Patient.name[0].given[1]")
    }

    @Test("_x members must be objects (or arrays for repeating primitives)")
    func primitiveExtensionShape() throws {
        try expectOne(#"{"resourceType":"Patient","_birthDate":"x"}"#, code: .elementTypeInvalid, at: "Patient.birthDate")
        try expectOne(#"{"resourceType":"Patient","_birthDate":{}}"#, code: .jsonEmpty, at: "Patient.birthDate")
        #expect(
            try issues(
                #"{"resourceType":"Patient","_birthDate":{"extension":[{"url":"u","valueDateTime":"2010-05-01T08:30:00Z"}]}}"#
            ).isEmpty)
        // A required primitive may be present only as its extension (e.g. data-absent-reason).
        #expect(try issues(#"{"resourceType":"Task","intent":"order","_status":{"id":"s"}}"#).isEmpty)
    }

    @Test("extensions need a url and a well-formed value")
    func extensions() throws {
        try expectOne(
            #"{"resourceType":"Patient","extension":[{"valueString":"x"}]}"#, code: .requiredMissing,
            at: "Patient.extension[0].url")
        try expectOne(
            #"{"resourceType":"Patient","extension":[{"url":"u","valueDate":"2026-13-01"}]}"#, code: .valueInvalid,
            at: "Patient.extension[0].valueDate")
    }

    @Test("contained and Bundle entry resources are validated with their own paths")
    func nestedResources() throws {
        try expectOne(
            #"{"resourceType":"Questionnaire","status":"active","contained":[{"resourceType":"ValueSet","id":"vs"}]}"#,
            code: .requiredMissing, at: "Questionnaire.contained[0].status")
        try expectOne(
            #"{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Task","status":"ready"}}]}"#,
            code: .requiredMissing, at: "Bundle.entry[0].resource.intent")
        // Unknown contained resource types are checked only against the JSON rules.
        #expect(
            try issues(
                #"{"resourceType":"Questionnaire","status":"active","contained":[{"resourceType":"Medication","id":"m"}]}"#
            ).isEmpty)
    }

    @Test("an issue maps to an OperationOutcome issue with code, expression and catalog coding")
    func mapsToOperationOutcome() throws {
        let found = try issues(#"{"resourceType":"Task","intent":"order"}"#)
        let outcome = OperationOutcome(validationIssues: found)
        let issue = try #require(outcome.issue.first)
        #expect(issue.severity == .error)
        #expect(issue.code == .required)
        #expect(issue.expression == ["Task.status"])
        #expect(issue.details?.coding.first?.code == "required-missing")
        #expect(FHIRValidator.validate(outcome.json).isEmpty)
    }

    @Test("CapabilityStatement.rest: required elements and code bindings are checked")
    func capabilityStatementRest() throws {
        let head = #""resourceType":"CapabilityStatement","status":"active","date":"2026","kind":"instance","fhirVersion":"4.0.1","format":["json"]"#
        #expect(try issues("{\(head)}").isEmpty)
        try expectOne(
            #"{\#(head),"rest":[{"mode":"server","resource":[{"type":"Task","interaction":[{"code":"search"}]}]}]}"#,
            code: .codeInvalid, at: "CapabilityStatement.rest[0].resource[0].interaction[0].code")
        try expectOne(
            #"{\#(head),"rest":[{"mode":"server","resource":[{"type":"Task","searchParam":[{"name":"status","type":"keyword"}]}]}]}"#,
            code: .codeInvalid, at: "CapabilityStatement.rest[0].resource[0].searchParam[0].type")
        try expectOne(
            #"{\#(head),"rest":[{"mode":"server","resource":[{"type":"Task","conditionalDelete":"never"}]}]}"#,
            code: .codeInvalid, at: "CapabilityStatement.rest[0].resource[0].conditionalDelete")
        try expectOne(#"{\#(head),"rest":[{"resource":[{"type":"Task"}]}]}"#, code: .requiredMissing, at: "CapabilityStatement.rest[0].mode")
        try expectOne(
            #"{\#(head),"rest":[{"mode":"server","resource":[{"type":"Task","operation":[{"name":"x"}]}]}]}"#,
            code: .requiredMissing, at: "CapabilityStatement.rest[0].resource[0].operation[0].definition")
        try expectOne(#"{\#(head),"software":{"version":"1"}}"#, code: .requiredMissing, at: "CapabilityStatement.software.name")
    }

    @Test("AuditEvent agents, network and entity details are checked")
    func auditEventParts() throws {
        let head = #""resourceType":"AuditEvent","type":{"code":"rest"},"recorded":"2026-11-23T10:00:00Z","source":{"observer":{"display":"Z"}}"#
        #expect(try issues(#"{\#(head),"agent":[{"requestor":true,"network":{"address":"192.0.2.1","type":"2"}}]}"#).isEmpty)
        try expectOne(
            #"{\#(head),"agent":[{"requestor":true,"network":{"address":"x","type":"9"}}]}"#,
            code: .codeInvalid, at: "AuditEvent.agent[0].network.type")
        try expectOne(
            #"{\#(head),"agent":[{"requestor":true}],"entity":[{"detail":[{"type":"X-Request-Id"}]}]}"#,
            code: .requiredMissing, at: "AuditEvent.entity[0].detail[0].value[x]")
        try expectOne(
            #"{\#(head),"agent":[{"requestor":true}],"entity":[{"detail":[{"valueString":"r1"}]}]}"#,
            code: .requiredMissing, at: "AuditEvent.entity[0].detail[0].type")
    }

    @Test("Consent provision actors need a role and a reference")
    func consentActors() throws {
        let head = #""resourceType":"Consent","status":"active","scope":{"text":"s"},"category":[{"text":"c"}]"#
        #expect(try issues(#"{\#(head),"provision":{"type":"permit","actor":[{"role":{"text":"r"},"reference":{"reference":"Patient/1"}}]}}"#).isEmpty)
        try expectOne(
            #"{\#(head),"provision":{"actor":[{"reference":{"reference":"Patient/1"}}]}}"#,
            code: .requiredMissing, at: "Consent.provision.actor[0].role")
    }
}
