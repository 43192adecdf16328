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
}
