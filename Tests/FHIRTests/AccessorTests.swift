import FHIR
import Testing

@Suite("typed accessors over JSON")
struct AccessorTests {
    static let patientText = #"""
        {"resourceType":"Patient","id":"p1","meta":{"versionId":"3","lastUpdated":"2026-11-23T10:15:30.123Z"},
         "futureElement":{"kept":[1.50]},"birthDate":"2010-05-01",
         "_birthDate":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthTime","valueDateTime":"2010-05-01T08:30:00+02:00"}]},
         "name":[{"family":"Jansen","given":["Anna",null],"_given":[null,{"extension":[{"url":"u","valueString":"x"}]}]}],
         "gender":"female"}
        """#

    @Test("reads modelled members")
    func reads() throws {
        let patient = try Patient(json: try object(Self.patientText))
        #expect(patient.id == "p1")
        #expect(patient.meta?.versionId == "3")
        #expect(patient.meta?.lastUpdated?.milliseconds == 1_795_428_930_123)
        #expect(patient.birthDate?.text == "2010-05-01")
        #expect(patient.gender == .female)
        #expect(patient.name.first?.family == "Jansen")
        #expect(patient.name.first?.given == ["Anna"])
    }

    @Test("writes modelled members and leaves unknown elements and _x extensions untouched")
    func writesPreservingUnknowns() throws {
        let original = try object(Self.patientText)
        var patient = try Patient(json: original)
        patient.birthDate = FHIRDate("2011-06-02")
        patient.gender = .other
        patient.active = true
        patient.meta?.versionId = "4"

        #expect(patient.json["birthDate"] == "2011-06-02")
        #expect(patient.json["_birthDate"] == original["_birthDate"])
        #expect(patient.json["futureElement"] == original["futureElement"])
        #expect(patient.json["name"] == original["name"])
        #expect(patient.json["meta"]?["lastUpdated"] == original["meta"]?["lastUpdated"])
        #expect(patient.json["meta"]?["versionId"] == "4")
        // Member order: edited members stay in place, new ones are appended.
        #expect(patient.json.keys.last == "active")
        #expect(Array(patient.json.keys.prefix(6)) == Array(original.keys.prefix(6)))
    }

    @Test("setting nil or an empty array removes the member")
    func removal() throws {
        var patient = try Patient(json: try object(Self.patientText))
        patient.birthDate = nil
        patient.name = []
        patient.id = nil
        #expect(patient.json["birthDate"] == nil)
        #expect(patient.json["name"] == nil)
        #expect(patient.json["id"] == nil)
        // The primitive extension is data of its own and stays.
        #expect(patient.json["_birthDate"] != nil)
    }

    @Test("init(json:) rejects a wrong resourceType and wrong JSON types of modelled elements")
    func decodingErrors() throws {
        #expect(throws: FHIRDecodingError.self) { try Patient(json: try object(#"{"id":"x"}"#)) }
        do {
            _ = try Patient(json: try object(#"{"resourceType":"Observation"}"#))
            Issue.record("expected an error")
        } catch let error as FHIRDecodingError {
            #expect(error.code == .resourceTypeMismatch)
        }
        do {
            _ = try FHIRTask(json: try object(#"{"resourceType":"Task","input":[{"type":"questionnaire"}]}"#))
            Issue.record("expected an error")
        } catch let error as FHIRDecodingError {
            #expect(error.code == .elementTypeInvalid)
            #expect(error.expression == "Task.input[0].type")
        }
        do {
            _ = try Patient(json: try object(#"{"resourceType":"Patient","name":{"family":"x"}}"#))
            Issue.record("expected an error")
        } catch let error as FHIRDecodingError {
            #expect(error.expression == "Patient.name")
        }
    }

    @Test("decodeResource picks the type by resourceType and refuses unknown ones")
    func decodeByType() throws {
        let task = try decodeResource(.object(try object(#"{"resourceType":"Task","status":"ready","intent":"order"}"#)))
        #expect(task is FHIRTask)
        #expect((task as? FHIRTask)?.status == .ready)
        for (text, code) in [
            (#"{"resourceType":"Medication"}"#, FHIRDecodingError.Code.resourceTypeUnknown),
            (#"{"id":"1"}"#, .resourceTypeMissing),
            (#"[1]"#, .jsonInvalid),
        ] {
            let json = try JSONParser().parse(text)
            do {
                _ = try decodeResource(json)
                Issue.record("expected an error for \(text)")
            } catch {
                #expect(error.code == code)
            }
        }
        do {
            _ = try decodeResource(bytes: Array("{\"resourceType\":".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .jsonInvalid)
        }
    }

    @Test("ResourceType lists exactly the modelled types and each maps to its Swift type")
    func resourceTypes() {
        #expect(ResourceType.allCases.count == 24)
        #expect(ResourceType.isKnown("Task"))
        #expect(!ResourceType.isKnown("task"))
        #expect(!ResourceType.isKnown("Medication"))
        for type in ResourceType.allCases {
            #expect(type.swiftType.resourceType == type)
        }
    }

    @Test("a Task's typed fields map to Task members")
    func task() throws {
        var task = FHIRTask()
        task.status = .ready
        task.intent = .order
        task.for = Reference(type: .patient, id: "p1")
        task.code = CodeableConcept(coding: [Coding(system: "http://zorgbrug.nl/fhir/CodeSystem/task-kind", code: "questionnaire")])
        task.restriction = FHIRTask.Restriction(jsonObject: ["period": ["end": "2026-12-01"]])
        task.input = [
            FHIRTask.Parameter(
                type: CodeableConcept(coding: [Coding(system: nil, code: "questionnaire")]), valueType: "Canonical",
                value: "http://example.org/Questionnaire/phq9|1.0")
        ]
        #expect(task.json["status"] == "ready")
        #expect(task.json["for"]?["reference"] == "Patient/p1")
        #expect(task.dueDate?.text == "2026-12-01")
        #expect(task.input(code: "questionnaire")?.valueCanonical == "http://example.org/Questionnaire/phq9|1.0")
        #expect(task.json["input"]?.arrayValue?.first?["valueCanonical"] != nil)
        #expect(FHIRValidator.validate(task.json).isEmpty)
        #expect(try FHIRTask(json: task.json) == task)
    }

    @Test("QuestionnaireResponse items and answers are typed, decimals keep digits, paths are FHIRPath")
    func questionnaireResponse() throws {
        let response = try QuestionnaireResponse(
            json: try object(
                #"""
                {"resourceType":"QuestionnaireResponse","status":"completed","questionnaire":"http://x/Q|2",
                 "item":[{"linkId":"a","answer":[{"valueDecimal":72.50}]},
                         {"linkId":"g","item":[{"linkId":"b","answer":[{"valueCoding":{"code":"y"},"item":[{"linkId":"c"}]}]}]}]}
                """#))
        #expect(response.status == .completed)
        #expect(response.questionnaireCanonical?.url == "http://x/Q")
        #expect(response.questionnaireCanonical?.version == "2")
        #expect(response.item.first?.answer.first?.valueDecimal?.text == "72.50")
        #expect(response.item.first?.answer.first?.value?.type == "Decimal")
        let paths = response.allItems.map { "\($0.item.linkId ?? "?")@\($0.expression)" }
        #expect(
            paths == [
                "a@QuestionnaireResponse.item[0]", "g@QuestionnaireResponse.item[1]",
                "b@QuestionnaireResponse.item[1].item[0]", "c@QuestionnaireResponse.item[1].item[0].answer[0].item[0]",
            ])
        var answer = QuestionnaireResponse.Answer(valueType: "String", value: "x")
        answer.value = ("Integer", 3)
        #expect(answer.jsonObject.keys == ["valueInteger"])
    }

    @Test("Questionnaire items expose enableWhen, options and nested items")
    func questionnaireItems() throws {
        let questionnaire = try Questionnaire(
            json: try object(
                #"""
                {"resourceType":"Questionnaire","status":"active","url":"http://x/Q","version":"2",
                 "item":[{"linkId":"1","type":"choice","required":true,"repeats":false,"readOnly":false,"maxLength":10,
                          "answerOption":[{"valueCoding":{"code":"a"}},{"valueString":"b","initialSelected":true}],
                          "item":[{"linkId":"1.1","type":"display","text":"hi"}]},
                         {"linkId":"2","type":"string","enableWhen":[{"question":"1","operator":"=","answerCoding":{"code":"a"}}],
                          "enableBehavior":"any","initial":[{"valueString":"x"}],"answerValueSet":"#vs"}]}
                """#))
        #expect(questionnaire.canonical == "http://x/Q|2")
        let first = try #require(questionnaire.item.first)
        #expect(first.type == .choice)
        #expect(first.required == true)
        #expect(first.maxLength == 10)
        #expect(first.answerOption.first?.valueCoding?.code == "a")
        #expect(first.answerOption.last?.initialSelected == true)
        #expect(questionnaire.item(linkId: "1.1")?.text == "hi")
        let second = try #require(questionnaire.item(linkId: "2"))
        #expect(second.enableWhen.first?.operator == .equal)
        #expect(second.enableWhen.first?.answer?.type == "Coding")
        #expect(second.enableBehavior == .any)
        #expect(second.initial.first?.value?.json == "x")
        #expect(second.answerValueSet == "#vs")
    }

    @Test("Codable: resources encode as their JSON and decode back")
    func codable() throws {
        let patient = try Patient(json: try object(#"{"resourceType":"Patient","id":"p1","active":true}"#))
        let encoded = try JSONRoundTrip.encode(patient)
        let decoded = try JSONRoundTrip.decode(Patient.self, from: encoded)
        #expect(decoded == patient)
        #expect(throws: (any Error).self) {
            try JSONRoundTrip.decode(Patient.self, from: Array(#"{"resourceType":"Task"}"#.utf8))
        }
    }

    @Test("versionId and lastUpdated create meta on demand and keep its other members")
    func serverMeta() throws {
        var patient = Patient()
        patient.versionId = "1"
        patient.lastUpdated = FHIRInstant(milliseconds: 1_795_428_930_123)
        #expect(patient.json["meta"] == ["versionId": "1", "lastUpdated": "2026-11-23T10:15:30.123Z"])

        var tagged = try Patient(json: try object(#"{"resourceType":"Patient","meta":{"tag":[{"code":"t"}],"versionId":"1"}}"#))
        tagged.versionId = "2"
        #expect(tagged.json["meta"]?["tag"] != nil)
        #expect(tagged.meta?.versionId == "2")

        var generic = AnyResource(tagged)
        generic.versionId = nil
        generic.id = "p9"
        #expect(generic.json["meta"] == ["tag": [["code": "t"]]])
        #expect(generic.json["id"] == "p9")
        var bare = AnyResource(Patient())
        bare.lastUpdated = FHIRInstant(milliseconds: 0)
        bare.lastUpdated = nil
        #expect(bare.json["meta"] == nil)
    }

    @Test("JSON works with Foundation's coders (numbers as Double, so the lossless path is JSONParser)")
    func jsonCodable() throws {
        let value = try JSONParser().parse(#"{"a":[1,2.5,"x",true,null],"b":{"c":-3}}"#)
        let decoded = try JSONRoundTrip.decode(JSON.self, from: try JSONRoundTrip.encode(value))
        #expect(decoded == value)
        let lossy = try JSONRoundTrip.decode(JSON.self, from: Array(#"{"v":1.50}"#.utf8))
        #expect(lossy["v"]?.numberValue?.text == "1.5")
    }

    @Test("init(bytes:) parses and checks; serialized() writes the JSON back unchanged")
    func bytesRoundTrip() throws {
        let text = #"{"resourceType":"Observation","status":"final","code":{"text":"bp"},"valueQuantity":{"value":120.0,"unit":"mm[Hg]"}}"#
        let observation = try Observation(bytes: Array(text.utf8))
        #expect(observation.valueQuantity?.value?.text == "120.0")
        #expect(String(decoding: observation.serialized(), as: UTF8.self) == text)
        for bad in ["[]", "{", #"{"resourceType":"Patient"}"#] {
            #expect(throws: FHIRDecodingError.self) { try Observation(bytes: Array(bad.utf8)) }
        }
    }
}
