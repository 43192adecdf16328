import FHIR
import Testing

/// Every published Questionnaire and QuestionnaireResponse in `shared/fixtures/questionnaires` (see its
/// SOURCES.md) must survive parse → decode → encode unchanged, and pass structural validation.
@Suite("Questionnaire fixtures")
struct QuestionnaireFixtureTests {
    static let files = Fixtures.jsonFiles(in: "questionnaires")

    @Test("the fixture folder is found and holds the published files")
    func folderFound() {
        #expect(Self.files.count >= 25, "found \(Self.files.count) fixture files")
    }

    @Test("round trip keeps every member, its order and every decimal digit", arguments: files)
    func roundTrip(file: String) throws {
        let bytes = try Fixtures.bytes(file, in: "questionnaires")
        let original = try JSONParser().parse(bytes)
        let resource = try decodeResource(original)
        let encoded = JSON.object(resource.json).serialized()
        let reparsed = try JSONParser().parse(encoded)

        #expect(reparsed == original)
        // Equality ignores member order; the compact forms also match byte for byte, so order is kept.
        #expect(encoded == original.serialized())
        // Numbers compare by text, but check the digits explicitly: every number literal, in order.
        #expect(numberTexts(in: reparsed) == numberTexts(in: original))
        let raw = String(decoding: bytes, as: UTF8.self)
        for text in numberTexts(in: original) {
            #expect(raw.contains(text), "number \(text) is not in the source file as written")
        }
    }

    @Test("structural validation finds no errors", arguments: files)
    func validates(file: String) throws {
        let json = try JSONParser().parse(try Fixtures.bytes(file, in: "questionnaires"))
        let object = try #require(json.objectValue)
        let issues = FHIRValidator.validate(object)
        // SOURCES.md lists quirks (no ids, path-like linkIds, external ValueSets, R5-style itemWeight); none of
        // them breaks an R4 structural rule, so nothing needs to be tolerated here.
        #expect(issues.isEmpty, "\(issues.map(\.description))")
    }

    @Test("the PHQ-9 fixture decodes into typed items with a contained ValueSet")
    func phq9Typed() throws {
        let file = try #require(Self.files.first { $0.hasSuffix("questionnaire-sdc-profile-example-PHQ9.json") })
        let json = try JSONParser().parse(try Fixtures.bytes(file, in: "questionnaires"))
        let questionnaire = try Questionnaire(json: try #require(json.objectValue))
        #expect(questionnaire.status == .active || questionnaire.status == .draft)
        let questions = questionnaire.allItems.filter { $0.item.type == .choice }
        #expect(questions.count == 9)
        let valueSetRef = try #require(questions.first?.item.answerValueSet)
        #expect(valueSetRef.hasPrefix("#"))
        let contained = try #require(questionnaire.contained(id: valueSetRef))
        let valueSet = try contained.typed(as: ValueSet.self)
        let codings = valueSet.codings
        #expect(codings.count == 4)
        #expect(codings.first?.system == "http://hl7.org/fhir/uv/sdc/CodeSystem/CSPHQ9")
        #expect(codings.first?.code == "Not-at-all")
        // The ordinalValue extension on each concept comes along for scoring.
        #expect(codings.last?.extension(url: "http://hl7.org/fhir/StructureDefinition/ordinalValue")?.value?.json == 3)
        #expect(questionnaire.contained(id: "#missing") == nil)
    }

    @Test("validation of a fixture can fail: a broken nested item is reported at its FHIRPath")
    func brokenFixtureIsReported() throws {
        let file = try #require(Self.files.first { $0.hasSuffix("questionnaire-sdc-profile-example-PHQ9.json") })
        let json = try JSONParser().parse(try Fixtures.bytes(file, in: "questionnaires"))
        var questionnaire = try Questionnaire(json: try #require(json.objectValue))
        var group = try #require(questionnaire.item.first)
        var items = group.item
        items[1].jsonObject["type"] = "multiple-choice"
        items[2].jsonObject["linkId"] = nil
        group.item = items
        questionnaire.item = [group] + questionnaire.item.dropFirst()
        let issues = FHIRValidator.validate(questionnaire.json)
        #expect(issues.map(\.expression) == ["Questionnaire.item[0].item[1].type", "Questionnaire.item[0].item[2].linkId"])
        #expect(issues.map(\.code) == [.codeInvalid, .requiredMissing])
    }

    private func numberTexts(in json: JSON) -> [String] {
        switch json {
        case .number(let number): [number.text]
        case .array(let elements): elements.flatMap(numberTexts)
        case .object(let object): object.flatMap { numberTexts(in: $0.value) }
        default: []
        }
    }
}
