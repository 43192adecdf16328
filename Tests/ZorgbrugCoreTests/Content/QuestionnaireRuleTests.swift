import Testing
import ZorgbrugCore

/// One small bad questionnaire per rule: the validator reports exactly the expected problem at the expected
/// JSON path.
@Suite struct QuestionnaireRuleTests {
    typealias T = ContentTestSupport

    /// The single problem in `file`; fails the test when there is not exactly one.
    private func onlyProblem(_ file: ContentFile, sourceLocation: SourceLocation = #_sourceLocation) throws -> ContentProblem {
        let problems = T.problems(file)
        #expect(problems.count == 1, "\(problems.map(\.description))", sourceLocation: sourceLocation)
        return try #require(problems.first, sourceLocation: sourceLocation)
    }

    @Test func aValidQuestionnaireHasNoProblems() {
        let file = T.questionnaire(items: """
            {"linkId": "a", "type": "boolean", "text": "A?"},
            {"linkId": "b", "type": "string", "enableWhen": [{"question": "a", "operator": "=", "answerBoolean": true}]}
            """)
        #expect(T.problems(file).isEmpty)
    }

    @Test func malformedJSONNamesLineAndColumn() throws {
        let file = T.file("Questionnaires/bad.json", "{\n  \"resourceType\": \"Questionnaire\",\n  \"url\" \"x\"\n}")
        let problem = try onlyProblem(file)
        #expect(problem.jsonPath == "$")
        #expect(problem.message.contains("line 3, column 9"))
        #expect(problem.description.hasPrefix("Questionnaires/bad.json: $: malformed JSON"))
    }

    @Test func aDocumentThatIsNotAnObjectIsReported() throws {
        let problem = try onlyProblem(T.file("Questionnaires/a.json", "[1, 2]"))
        #expect(problem.jsonPath == "$")
        #expect(problem.message.contains("array"))
    }

    @Test func notAQuestionnaire() throws {
        let problem = try onlyProblem(T.file("Questionnaires/p.json", #"{"resourceType": "Patient"}"#))
        #expect(problem.jsonPath == "$.resourceType")
        #expect(problem.message.contains("not a Questionnaire"))
    }

    @Test func missingURLAndVersion() {
        let file = T.file("Questionnaires/q.json", #"{"resourceType": "Questionnaire", "status": "draft", "url": ""}"#)
        let problems = T.problems(file)
        #expect(problems.map(\.jsonPath) == ["$.url", "$.version"])
        #expect(problems.last?.message.hasPrefix("missing version") == true)
    }

    @Test func twoFilesWithTheSameURLAndVersion() throws {
        let first = T.questionnaire(items: #"{"linkId": "a", "type": "string"}"#)
        var second = first
        second.path = "Questionnaires/copy.json"
        let problems = ContentValidator().validate(questionnaires: [first, second], modules: [])
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.path == "Questionnaires/copy.json")
        #expect(problem.jsonPath == "$.url")
        #expect(problem.message.contains("Questionnaires/test.json"))
    }

    @Test(arguments: [#""status": "published","#, #""status": 1,"#, ""])
    func invalidOrMissingStatus(member: String) throws {
        let file = T.file("Questionnaires/s.json", "{\"resourceType\": \"Questionnaire\", \(member) \"url\": \"u\", \"version\": \"1\"}")
        let problem = try onlyProblem(file)
        #expect(problem.jsonPath == "$.status")
    }

    @Test func missingLinkId() throws {
        let problem = try onlyProblem(T.questionnaire(items: #"{"type": "string"}"#))
        #expect(problem.jsonPath == "$.item[0].linkId")
        #expect(problem.message.contains("que-2"))
    }

    @Test func duplicateLinkIdInANestedItem() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "a", "type": "string"},
            {"linkId": "g", "type": "group", "item": [{"linkId": "a", "type": "integer"}]}
            """))
        #expect(problem.jsonPath == "$.item[1].item[0].linkId")
        #expect(problem.message.contains("$.item[0]"))
        #expect(problem.message.contains("que-2"))
    }

    @Test func unknownItemType() throws {
        let problem = try onlyProblem(T.questionnaire(items: #"{"linkId": "a", "type": "number"}"#))
        #expect(problem.jsonPath == "$.item[0].type")
        #expect(problem.message.contains("open-choice"))
    }

    @Test func missingItemType() throws {
        let problem = try onlyProblem(T.questionnaire(items: #"{"linkId": "a"}"#))
        #expect(problem.jsonPath == "$.item[0].type")
    }

    @Test func displayItemWithRequiredAndRepeats() {
        let problems = T.problems(T.questionnaire(items: #"{"linkId": "d", "type": "display", "required": true, "repeats": false}"#))
        #expect(problems.map(\.jsonPath) == ["$.item[0].required", "$.item[0].repeats"])
        #expect(problems.allSatisfy { $0.message.contains("que-6") })
    }

    @Test func displayItemWithAnswers() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "d", "type": "display", "answerOption": [{"valueString": "x"}]}
            """))
        #expect(problem.jsonPath == "$.item[0].answerOption")
        #expect(problem.message.contains("display"))
    }

    @Test func displayItemWithReadOnlyCodeAndChildren() {
        let problems = T.problems(T.questionnaire(items: """
            {"linkId": "d", "type": "display", "readOnly": true, "code": [{"code": "x"}],
             "item": [{"linkId": "e", "type": "string"}]}
            """))
        #expect(problems.map(\.jsonPath) == ["$.item[0].readOnly", "$.item[0].code", "$.item[0].item"])
    }

    @Test(arguments: [#""item": []"#, #""text": "no children""#])
    func groupWithoutItems(members: String) throws {
        let problem = try onlyProblem(T.questionnaire(items: "{\"linkId\": \"g\", \"type\": \"group\", \(members)}"))
        #expect(problem.jsonPath == "$.item[0].item")
        #expect(problem.message.contains("que-1"))
    }

    @Test func answerOptionOnABooleanItem() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "b", "type": "boolean", "answerOption": [{"valueString": "ja"}]}
            """))
        #expect(problem.jsonPath == "$.item[0].answerOption")
        #expect(problem.message.contains("que-5"))
    }

    @Test func answerOptionAndAnswerValueSetTogether() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "c", "type": "choice", "answerValueSet": "http://example.org/vs",
             "answerOption": [{"valueCoding": {"code": "x"}}]}
            """))
        #expect(problem.jsonPath == "$.item[0].answerValueSet")
        #expect(problem.message.contains("que-4"))
    }

    @Test func answerValueSetNamingAMissingContainedValueSet() throws {
        let contained = #""contained": [{"resourceType": "ValueSet", "id": "yes", "status": "active"}]"#
        let ok = T.questionnaire(items: ##"{"linkId": "c", "type": "choice", "answerValueSet": "#yes"}"##, extra: contained)
        #expect(T.problems(ok).isEmpty)
        let bad = T.questionnaire(items: ##"{"linkId": "c", "type": "choice", "answerValueSet": "#no"}"##, extra: contained)
        let problem = try onlyProblem(bad)
        #expect(problem.jsonPath == "$.item[0].answerValueSet")
        #expect(problem.message.contains("'#no'"))
    }

    @Test func answerOptionOfTheWrongValueType() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "i", "type": "integer", "answerOption": [{"valueInteger": 1}, {"valueString": "2"}]}
            """))
        #expect(problem.jsonPath == "$.item[0].answerOption[1].valueString")
    }

    @Test func enableWhenNamingAnUnknownQuestion() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "a", "type": "boolean"},
            {"linkId": "b", "type": "string", "enableWhen": [{"question": "zz", "operator": "=", "answerBoolean": true}]}
            """))
        #expect(problem.jsonPath == "$.item[1].enableWhen[0].question")
        #expect(problem.message.contains("'zz'"))
    }

    @Test func existsNeedsAnswerBoolean() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "a", "type": "string"},
            {"linkId": "b", "type": "string", "enableWhen": [{"question": "a", "operator": "exists", "answerString": "x"}]}
            """))
        #expect(problem.jsonPath == "$.item[1].enableWhen[0].answerString")
        #expect(problem.message.contains("que-7"))
    }

    @Test func enableWhenAnswerMustMatchTheQuestionType() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "a", "type": "boolean"},
            {"linkId": "b", "type": "string", "enableWhen": [{"question": "a", "operator": "=", "answerCoding": {"code": "y"}}]}
            """))
        #expect(problem.jsonPath == "$.item[1].enableWhen[0].answerCoding")
        #expect(problem.message.contains("answerBoolean"))
    }

    @Test func choiceQuestionsAcceptTheTypeOfTheirOptions() {
        let file = T.questionnaire(items: """
            {"linkId": "a", "type": "choice", "answerOption": [{"valueString": "x"}, {"valueString": "y"}]},
            {"linkId": "b", "type": "string", "enableWhen": [{"question": "a", "operator": "=", "answerString": "x"}]}
            """)
        #expect(T.problems(file).isEmpty)
    }

    @Test func orderingOperatorOnAnUnorderedType() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "a", "type": "boolean"},
            {"linkId": "b", "type": "string", "enableWhen": [{"question": "a", "operator": ">", "answerBoolean": true}]}
            """))
        #expect(problem.jsonPath == "$.item[1].enableWhen[0].operator")
    }

    @Test func unknownOperator() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "a", "type": "integer"},
            {"linkId": "b", "type": "string", "enableWhen": [{"question": "a", "operator": "==", "answerInteger": 1}]}
            """))
        #expect(problem.jsonPath == "$.item[1].enableWhen[0].operator")
    }

    @Test func enableBehaviorRequiredWithSeveralConditions() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "a", "type": "integer"},
            {"linkId": "b", "type": "string", "enableWhen": [
                {"question": "a", "operator": ">", "answerInteger": 1},
                {"question": "a", "operator": "<", "answerInteger": 9}]}
            """))
        #expect(problem.jsonPath == "$.item[1].enableBehavior")
        #expect(problem.message.contains("que-12"))
    }

    @Test func maxLengthOnADateItem() throws {
        let problem = try onlyProblem(T.questionnaire(items: #"{"linkId": "d", "type": "date", "maxLength": 10}"#))
        #expect(problem.jsonPath == "$.item[0].maxLength")
        #expect(problem.message.contains("que-10"))
    }

    @Test func initialTogetherWithAnswerOption() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "c", "type": "choice", "answerOption": [{"valueCoding": {"code": "x"}}],
             "initial": [{"valueCoding": {"code": "x"}}]}
            """))
        #expect(problem.jsonPath == "$.item[0].initial")
        #expect(problem.message.contains("que-11"))
        #expect(problem.message.contains("initialSelected"))
    }

    @Test func initialOfTheWrongTypeAndTooMany() {
        let problems = T.problems(T.questionnaire(items: """
            {"linkId": "s", "type": "string", "initial": [{"valueString": "a"}, {"valueInteger": 2}]}
            """))
        #expect(problems.map(\.jsonPath) == ["$.item[0].initial", "$.item[0].initial[1].valueInteger"])
        #expect(problems.first?.message.contains("que-13") == true)
    }

    @Test func minValueOfTheWrongType() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "i", "type": "integer", "extension": [
                {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueDate": "2020-01-01"}]}
            """))
        #expect(problem.jsonPath == "$.item[0].extension[0].valueDate")
    }

    @Test func minValueOnAStringItem() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "s", "type": "string", "extension": [
                {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 3}]}
            """))
        #expect(problem.jsonPath == "$.item[0].extension[0]")
    }

    private func expectMinAboveMax(type: String, key: String, minimum: String, maximum: String) throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "x", "type": "\(type)", "extension": [
                {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "\(key)": \(minimum)},
                {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "\(key)": \(maximum)}]}
            """))
        #expect(problem.jsonPath == "$.item[0].extension[1].\(key)")
        #expect(problem.message.contains("greater than maxValue"))
    }

    @Test func decimalMinValueAboveMaxValue() throws {
        try expectMinAboveMax(type: "decimal", key: "valueDecimal", minimum: "5.5", maximum: "5.25")
    }

    @Test func dateMinValueAfterMaxValue() throws {
        try expectMinAboveMax(type: "date", key: "valueDate", minimum: "\"2024-02-01\"", maximum: "\"2024-01-31\"")
    }

    @Test func ordinalValueAndItemWeightMustBeDecimals() {
        let problems = T.problems(T.questionnaire(items: """
            {"linkId": "c", "type": "choice", "answerOption": [{"valueCoding": {"code": "x"}, "extension": [
                {"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueInteger": 1},
                {"url": "http://hl7.org/fhir/StructureDefinition/itemWeight", "valueString": "1"}]}]}
            """))
        #expect(problems.map(\.jsonPath) == ["$.item[0].answerOption[0].extension[0]", "$.item[0].answerOption[0].extension[1]"])
        #expect(problems.first?.message.contains("valueInteger") == true)
    }

    @Test func ordinalValueOnAContainedValueSetConceptIsChecked() throws {
        let problem = try onlyProblem(T.questionnaire(items: ##"{"linkId": "c", "type": "choice", "answerValueSet": "#vs"}"##, extra: """
            "contained": [{"resourceType": "ValueSet", "id": "vs", "status": "active", "compose": {"include": [{
                "system": "http://example.org", "concept": [{"code": "a", "extension": [
                    {"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueString": "0"}]}]}]}}]
            """))
        #expect(problem.jsonPath == "$.contained[0].compose.include[0].concept[0].extension[0]")
    }

    @Test func calculatedExpressionNeedsLanguageAndExpression() {
        let problems = T.problems(T.questionnaire(items: """
            {"linkId": "t", "type": "integer", "readOnly": true, "extension": [
                {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
                 "valueExpression": {"expression": "1 + 1"}},
                {"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
                 "valueString": "1 + 1"}]}
            """))
        #expect(problems.map(\.jsonPath) == ["$.item[0].extension[0].valueExpression.language", "$.item[0].extension[1]"])
    }

    @Test func translationNeedsLangAndContent() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "a", "type": "string", "text": "Naam", "_text": {"extension": [
                {"url": "http://hl7.org/fhir/StructureDefinition/translation",
                 "extension": [{"url": "content", "valueString": "Name"}]}]}}
            """))
        #expect(problem.jsonPath == "$.item[0]._text.extension[0]")
        #expect(problem.message.contains("lang"))
    }

    @Test func everyProblemInAFileIsReported() {
        let file = T.file("Questionnaires/many.json", """
            {"resourceType": "Questionnaire", "status": "final", "item": [
                {"linkId": "a", "type": "display", "required": true},
                {"linkId": "a", "type": "date", "maxLength": 5},
                {"type": "group"},
                {"linkId": "c", "type": "string", "enableWhen": [
                    {"question": "nope", "operator": "=", "answerString": "x"},
                    {"question": "a", "operator": "exists", "answerDate": "2020-01-01"}]}
            ]}
            """)
        let problems = ContentValidator().validate(questionnaires: [file], modules: [])
        #expect(problems.map(\.jsonPath) == [
            "$.url", "$.version", "$.status",
            "$.item[1].linkId", "$.item[2].linkId",
            "$.item[0].required",
            "$.item[1].maxLength",
            "$.item[2].item",
            "$.item[3].enableBehavior",
            "$.item[3].enableWhen[0].question",
            "$.item[3].enableWhen[1].answerDate",
        ])
        #expect(problems.allSatisfy { $0.path == "Questionnaires/many.json" })
    }

    @Test func problemDescriptionNamesFileAndPath() {
        let problem = ContentProblem(path: "Questionnaires/phq-9.json", jsonPath: "$.item[3]", message: "bad")
        #expect(problem.description == "Questionnaires/phq-9.json: $.item[3]: bad")
    }
}

extension QuestionnaireRuleTests {
    @Test func ordinalValueAndItemWeightMustAgree() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "c", "type": "choice", "answerOption": [{"valueCoding": {"code": "x"}, "extension": [
                {"url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 1},
                {"url": "http://hl7.org/fhir/StructureDefinition/itemWeight", "valueDecimal": 2}]}]}
            """))
        #expect(problem.jsonPath == "$.item[0].answerOption[0].extension")
        #expect(problem.message.contains("disagree"))
    }

}

extension QuestionnaireRuleTests {
    @Test func enableBehaviorMustBeAllOrAny() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "a", "type": "boolean"},
            {"linkId": "b", "type": "string", "enableBehavior": "some",
             "enableWhen": [{"question": "a", "operator": "=", "answerBoolean": true}]}
            """))
        #expect(problem.jsonPath == "$.item[1].enableBehavior")
    }

    @Test func enableWhenNeedsExactlyOneAnswer() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "a", "type": "boolean"},
            {"linkId": "b", "type": "string", "enableWhen": [{"question": "a", "operator": "="}]}
            """))
        #expect(problem.jsonPath == "$.item[1].enableWhen[0]")
        #expect(problem.message.contains("found 0"))
    }

    @Test func comparingAnswersOfADisplayItem() throws {
        let problem = try onlyProblem(T.questionnaire(items: """
            {"linkId": "d", "type": "display", "text": "Info"},
            {"linkId": "b", "type": "string", "enableWhen": [{"question": "d", "operator": "=", "answerString": "x"}]}
            """))
        #expect(problem.jsonPath == "$.item[1].enableWhen[0].operator")
        #expect(problem.message.contains("only 'exists'"))
    }

    @Test func problemsOfSeveralFilesAreAllReportedInFileOrder() {
        let broken = T.file("Questionnaires/a.json", "{")
        let wrong = T.file("Questionnaires/b.json", #"{"resourceType": "Questionnaire", "url": "u", "version": "1", "status": "active", "item": [{"linkId": "x", "type": "nope"}]}"#)
        let module = T.file("Modules/m.json", #"{"resourceType": "Bundle", "type": "collection"}"#)
        let problems = ContentValidator().validate(questionnaires: [broken, wrong], modules: [module])
        #expect(problems.map(\.path) == ["Questionnaires/a.json", "Questionnaires/b.json", "Modules/m.json"])
        #expect(problems.map(\.jsonPath) == ["$", "$.item[0].type", "$.entry"])
    }
}
