import FHIR
import Testing

@Suite("OperationOutcome and Bundle builders")
struct BuilderTests {
    @Test("OperationOutcome(issues:) produces the FHIR JSON shape")
    func operationOutcome() throws {
        let outcome = OperationOutcome(issues: [
            .init(
                severity: .error, code: .businessRule,
                details: CodeableConcept(
                    coding: [Coding(system: "http://zorgbrug.nl/fhir/CodeSystem/error", code: "task-transition-not-allowed")],
                    text: "Van ready naar draft kan niet."),
                diagnostics: nil, expression: ["Task.status"])
        ])
        let expected = try object(
            #"""
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"business-rule",
             "details":{"coding":[{"system":"http://zorgbrug.nl/fhir/CodeSystem/error","code":"task-transition-not-allowed"}],
                        "text":"Van ready naar draft kan niet."},"expression":["Task.status"]}]}
            """#)
        #expect(outcome.json == expected)
        #expect(outcome.hasErrors)
        #expect(FHIRValidator.validate(outcome.json).isEmpty)
    }

    @Test("a decoding error becomes an OperationOutcome naming the element")
    func decodingErrorOutcome() throws {
        let error = FHIRDecodingError(code: .valueInvalid, message: "bad date", expression: "Patient.birthDate")
        let outcome = OperationOutcome(error)
        #expect(outcome.issue.first?.code == .value)
        #expect(outcome.issue.first?.expression == ["Patient.birthDate"])
        #expect(outcome.issue.first?.details?.text == "bad date")
    }

    @Test("searchset Bundles carry total, self and next links, and entries with fullUrl and search mode")
    func searchset() throws {
        let task = try FHIRTask(json: try object(#"{"resourceType":"Task","id":"t1","status":"ready","intent":"order"}"#))
        let patient = try Patient(json: try object(#"{"resourceType":"Patient","id":"p1"}"#))
        let bundle = Bundle.searchset(
            total: 1, selfURL: "https://z.example/fhir/Task?status=ready", nextURL: "https://z.example/fhir/Task?cursor=abc",
            entries: [
                .init(fullUrl: "https://z.example/fhir/Task/t1", resource: AnyResource(task), searchMode: .match),
                .init(fullUrl: "https://z.example/fhir/Patient/p1", resource: AnyResource(patient), searchMode: .include),
            ])
        #expect(bundle.type == .searchset)
        #expect(bundle.total == 1)
        #expect(bundle.link(relation: "self") == "https://z.example/fhir/Task?status=ready")
        #expect(bundle.link(relation: "next") == "https://z.example/fhir/Task?cursor=abc")
        #expect(bundle.entry.map { $0.search?.mode } == [.match, .include])
        #expect(bundle.json["entry"]?.arrayValue?.first?["resource"]?["id"] == "t1")
        #expect(FHIRValidator.validate(bundle.json).isEmpty)

        let lastPage = Bundle.searchset(total: nil, selfURL: "s", nextURL: nil, entries: [])
        #expect(lastPage.json["link"]?.arrayValue?.count == 1)
        #expect(lastPage.json["total"] == nil)
        #expect(lastPage.json["entry"] == nil)
    }

    @Test("history Bundles hold request and response per version")
    func history() {
        var entry = Bundle.Entry(fullUrl: "https://z.example/fhir/Task/t1", resource: nil)
        entry.request = Bundle.Request(method: .delete, url: "Task/t1")
        var response = Bundle.Response(status: "200 OK")
        response.etag = "W/\"2\""
        entry.response = response
        let bundle = Bundle.history(total: 1, selfURL: "s", nextURL: nil, entries: [entry])
        #expect(bundle.type == .history)
        #expect(bundle.entry.first?.request?.method == .delete)
        #expect(bundle.entry.first?.response?.etag == "W/\"2\"")
        #expect(FHIRValidator.validate(bundle.json).isEmpty)
    }

    @Test("transaction entries are read as requests, and malformed ones are refused with their path")
    func transactionRequests() throws {
        let bundle = try Bundle(
            json: try object(
                #"""
                {"resourceType":"Bundle","type":"transaction","entry":[
                  {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Observation","status":"final","code":{"text":"x"}},
                   "request":{"method":"POST","url":"Observation","ifNoneExist":"identifier=s|1"}},
                  {"request":{"method":"DELETE","url":"Task/t1"}}]}
                """#))
        #expect(bundle.isTransactionOrBatch)
        let requests = try bundle.requests()
        #expect(requests.map(\.method) == [.post, .delete])
        #expect(requests.first?.resource?.resourceType == "Observation")
        #expect(requests.first?.request.ifNoneExist == "identifier=s|1")
        #expect(requests.last?.expression == "Bundle.entry[1]")

        let broken = try Bundle(
            json: try object(#"{"resourceType":"Bundle","type":"batch","entry":[{"request":{"method":"PUT","url":"Task/1"}}]}"#))
        do {
            _ = try broken.requests()
            Issue.record("expected an error")
        } catch {
            #expect(error.expression == "Bundle.entry[0].resource")
        }
        let noRequest = try Bundle(json: try object(#"{"resourceType":"Bundle","type":"batch","entry":[{"fullUrl":"x"}]}"#))
        #expect(throws: FHIRDecodingError.self) { try noRequest.requests() }
    }

    @Test("Parameters and Extensions keep value[x] under one member")
    func choiceValues() {
        var parameter = Parameters.Parameter(name: "subject", valueType: "Reference", value: ["reference": "Patient/1"])
        parameter.value = ("String", "x")
        #expect(parameter.jsonObject.keys == ["name", "valueString"])
        let parameters = Parameters(parameters: [parameter])
        #expect(parameters.parameter(named: "subject")?.value?.json == "x")

        var ext = Extension(url: "u", valueType: "Integer", value: 3)
        #expect(ext.jsonObject["valueInteger"] == 3)
        ext.value = nil
        #expect(ext.jsonObject.keys == ["url"])
    }

    @Test("a catalog issue carries the code in the error code system, its display and the text")
    func catalogIssue() throws {
        let outcome = OperationOutcome(issues: [
            .init(code: .notFound, catalogCode: "resource-not-found", display: "Resource not found", text: "Weg.", expression: ["Patient.id"])
        ])
        let expected = try object(
            #"""
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"not-found",
             "details":{"coding":[{"system":"http://zorgbrug.nl/fhir/CodeSystem/error","code":"resource-not-found","display":"Resource not found"}],
                        "text":"Weg."},"expression":["Patient.id"]}]}
            """#)
        #expect(outcome.json == expected)
        #expect(OperationOutcome.errorCodeSystem == "http://zorgbrug.nl/fhir/CodeSystem/error")
        let fromValidation = OperationOutcome.Issue(
            ValidationIssue(code: .requiredMissing, message: "status is required.", expression: "Task.status"))
        #expect(fromValidation.details?.code(in: OperationOutcome.errorCodeSystem) == "required-missing")
    }

    @Test("searchset entries take fullUrl from the resource itself; matches come before includes")
    func searchsetFromObjects() throws {
        let task = try object(#"{"resourceType":"Task","id":"t1","status":"ready","intent":"order"}"#)
        let patient = try object(#"{"resourceType":"Patient","id":"p1"}"#)
        let bundle = Bundle.searchset(
            matches: [task], included: [patient], total: 1, selfURL: "https://z.example/fhir/Task", nextURL: nil,
            baseURL: "https://z.example/fhir")
        #expect(bundle.entry.map(\.fullUrl) == ["https://z.example/fhir/Task/t1", "https://z.example/fhir/Patient/p1"])
        #expect(bundle.entry.map { $0.search?.mode } == [.match, .include])
        #expect(bundle.json["entry"]?.arrayValue?.first?["resource"] == .object(task))
        #expect(bundle.json.keys == ["resourceType", "type", "total", "link", "entry"])
        #expect(FHIRValidator.validate(bundle.json).isEmpty)
        let withoutID = Bundle.Entry(searchResult: ["resourceType": "Patient"], baseURL: "b", mode: .match)
        #expect(withoutID.fullUrl == nil)
    }

    @Test("history entries say how each version came about", arguments: [
        (1, true, Bundle.HTTPVerb.post, "Task", "201"),
        (2, true, .put, "Task/t1", "200"),
        (3, false, .delete, "Task/t1", "204"),
    ])
    func historyEntry(versionId: Int, hasResource: Bool, method: Bundle.HTTPVerb, url: String, status: String) throws {
        let resource = try object(#"{"resourceType":"Task","id":"t1","status":"ready","intent":"order"}"#)
        let entry = Bundle.Entry(
            historyOf: "Task", id: "t1", versionId: versionId, lastModified: FHIRInstant(milliseconds: 0),
            resource: hasResource ? resource : nil, baseURL: "https://z.example/fhir")
        #expect(entry.fullUrl == "https://z.example/fhir/Task/t1")
        #expect((entry.jsonObject["resource"] != nil) == hasResource)
        #expect(entry.request?.method == method)
        #expect(entry.request?.url == url)
        #expect(entry.response?.status == status)
        #expect(entry.response?.etag == "W/\"\(versionId)\"")
        #expect(entry.response?.lastModified?.text == "1970-01-01T00:00:00.000Z")
        let bundle = Bundle.history(total: nil, selfURL: "s", nextURL: nil, entries: [entry])
        #expect(FHIRValidator.validate(bundle.json).isEmpty)
    }

    @Test("an AuditEvent built from its typed parts validates")
    func auditEvent() throws {
        var event = AuditEvent()
        event.id = "1"
        event.type = Coding(system: "http://terminology.hl7.org/CodeSystem/audit-event-type", code: "rest")
        event.action = "R"
        event.recorded = FHIRInstant(milliseconds: 0)
        event.outcome = "0"
        var person = AuditEvent.Agent(who: Reference("Patient/p1"), requestor: true)
        person.network = AuditEvent.Network(address: "192.0.2.1", type: .ipAddress)
        var software = AuditEvent.Agent(who: Reference(jsonObject: ["display": "PGO"]), requestor: false)
        software.name = "PGO"
        event.agent = [person, software]
        event.source = AuditEvent.Source(observer: Reference(jsonObject: ["display": "Zorgbrug"]))
        event.entity = [
            AuditEvent.Entity(what: Reference("Observation/o1")),
            AuditEvent.Entity(detail: [.init(type: "X-Request-Id", valueString: "r1")]),
        ]
        #expect(FHIRValidator.validate(event.json).isEmpty, "\(FHIRValidator.validate(event.json))")
        let decoded = try AuditEvent(json: event.json)
        #expect(decoded.agent.first?.network?.type == .ipAddress)
        #expect(decoded.agent.last?.requestor == false)
        #expect(decoded.source?.observer?.display == "Zorgbrug")
        #expect(decoded.entity.last?.detail.first?.valueString == "r1")
    }

    @Test("a CapabilityStatement built from its typed parts validates and reads back")
    func capabilityStatement() throws {
        var statement = CapabilityStatement()
        statement.status = .active
        statement.date = FHIRDateTime("2026-11-23")
        statement.kind = "instance"
        statement.fhirVersion = "4.0.1"
        statement.format = ["json"]
        statement.software = .init(name: "Zorgbrug", version: "1.0")
        statement.implementation = .init(description: "test", url: "https://z.example/fhir")
        var task = CapabilityStatement.Rest.Resource(type: "Task", interactions: [.read, .searchType, .patch])
        task.versioning = .versioned
        task.conditionalDelete = .notSupported
        task.searchParam = [.init(name: "status", definition: "http://hl7.org/fhir/SearchParameter/Task-status", type: .token)]
        task.searchInclude = ["Task:focus"]
        task.operation = [.init(name: "render", definition: "http://example.org/OperationDefinition/render")]
        statement.rest = [.init(mode: .server, security: .init(cors: false), resource: [task])]
        #expect(FHIRValidator.validate(statement.json).isEmpty, "\(FHIRValidator.validate(statement.json))")
        let resource = try #require(statement.rest.first?.resource.first)
        #expect(resource.interaction == [.read, .searchType, .patch])
        #expect(resource.json["interaction"] == [["code": "read"], ["code": "search-type"], ["code": "patch"]])
        #expect(resource.searchParam.first?.type == .token)
        #expect(statement.software?.name == "Zorgbrug")
        #expect(statement.implementation?.url == "https://z.example/fhir")
    }
}
