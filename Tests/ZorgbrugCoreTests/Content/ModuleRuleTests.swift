import Testing
import ZorgbrugCore

/// One small bad module per rule: the validator reports exactly the expected problem at the expected JSON path.
@Suite struct ModuleRuleTests {
    typealias T = ContentTestSupport

    static let questionnaire = T.file("Questionnaires/q.json", """
        {"resourceType": "Questionnaire", "url": "http://example.org/q", "version": "2", "status": "active",
         "item": [{"linkId": "a", "type": "string"}]}
        """)
    static let activity = T.questionnaireActivity(questionnaire: "http://example.org/q|2")
    static let action = #"{"definitionCanonical": "http://example.org/ad/q|1"}"#

    private func problems(_ module: ContentFile) -> [ContentProblem] {
        ContentValidator().validate(questionnaires: [Self.questionnaire], modules: [module])
    }

    private func onlyProblem(_ module: ContentFile, sourceLocation: SourceLocation = #_sourceLocation) throws -> ContentProblem {
        let problems = problems(module)
        #expect(problems.count == 1, "\(problems.map(\.description))", sourceLocation: sourceLocation)
        return try #require(problems.first, sourceLocation: sourceLocation)
    }

    @Test func aValidModuleHasNoProblems() {
        #expect(problems(T.module(T.plan(actions: Self.action), Self.activity)).isEmpty)
    }

    @Test func aModuleMustBeABundle() throws {
        let problem = try onlyProblem(T.file("Modules/x.json", #"{"resourceType": "PlanDefinition"}"#))
        #expect(problem.jsonPath == "$.resourceType")
    }

    @Test func theBundleMustBeACollection() throws {
        let text = #"{"resourceType": "Bundle", "type": "transaction", "entry": [{"resource": \#(T.plan(actions: Self.action))}, {"resource": \#(Self.activity)}]}"#
        let problem = try onlyProblem(T.file("Modules/x.json", text))
        #expect(problem.jsonPath == "$.type")
    }

    @Test func aModuleNeedsAPlanDefinition() throws {
        let problem = try onlyProblem(T.module(Self.activity))
        #expect(problem.jsonPath == "$.entry")
        #expect(problem.message.contains("found none"))
    }

    @Test func aModuleHoldsOnlyOnePlanDefinition() throws {
        let plan = T.plan(actions: Self.action)
        let problem = try onlyProblem(T.module(plan, Self.activity, plan))
        #expect(problem.jsonPath == "$.entry[2].resource")
    }

    @Test func thePlanDefinitionNeedsURLVersionTitleAndStatus() {
        let plan = #"{"resourceType": "PlanDefinition", "status": "open", "action": [\#(Self.action)]}"#
        #expect(problems(T.module(plan, Self.activity)).map(\.jsonPath) == [
            "$.entry[0].resource.url", "$.entry[0].resource.version", "$.entry[0].resource.title",
            "$.entry[0].resource.status",
        ])
    }

    @Test func anActionMustPointAtAnActivityDefinitionInTheBundle() throws {
        let plan = T.plan(actions: #"{"definitionCanonical": "http://example.org/ad/other"}"#)
        let problem = try onlyProblem(T.module(plan, Self.activity))
        #expect(problem.jsonPath == "$.entry[0].resource.action[0].definitionCanonical")
    }

    @Test func anActionMayPointByURLAlone() {
        let plan = T.plan(actions: #"{"definitionCanonical": "http://example.org/ad/q"}"#)
        #expect(problems(T.module(plan, Self.activity)).isEmpty)
    }

    @Test func aWrongVersionDoesNotResolve() throws {
        let plan = T.plan(actions: #"{"definitionCanonical": "http://example.org/ad/q|9"}"#)
        let problem = try onlyProblem(T.module(plan, Self.activity))
        #expect(problem.jsonPath == "$.entry[0].resource.action[0].definitionCanonical")
    }

    @Test func aQuestionnaireActivityMustNameAnExistingQuestionnaire() throws {
        let activity = T.questionnaireActivity(questionnaire: "http://example.org/q|3")
        let problem = try onlyProblem(T.module(T.plan(actions: Self.action), activity))
        #expect(problem.jsonPath == "$.entry[1].resource.extension[0].valueCanonical")
        #expect(problem.message.contains("http://example.org/q|3"))
    }

    @Test func aQuestionnaireActivityMustPinAVersion() throws {
        let activity = T.questionnaireActivity(questionnaire: "http://example.org/q")
        let problem = try onlyProblem(T.module(T.plan(actions: Self.action), activity))
        #expect(problem.jsonPath == "$.entry[1].resource.extension[0].valueCanonical")
    }

    @Test func aQuestionnaireInTheBundleCounts() {
        let carried = #"{"resourceType": "Questionnaire", "url": "http://example.org/local", "version": "1", "status": "active", "item": [{"linkId": "x", "type": "boolean"}]}"#
        let activity = T.questionnaireActivity(questionnaire: "http://example.org/local|1")
        let module = T.module(T.plan(actions: Self.action), activity, carried)
        #expect(ContentValidator().validate(questionnaires: [], modules: [module]).isEmpty)
    }

    @Test func aQuestionnaireInTheBundleIsCheckedToo() throws {
        let carried = #"{"resourceType": "Questionnaire", "url": "http://example.org/local", "version": "1", "status": "active", "item": [{"linkId": "x", "type": "group"}]}"#
        let activity = T.questionnaireActivity(questionnaire: "http://example.org/local|1")
        let problem = try onlyProblem(T.module(T.plan(actions: Self.action), activity, carried))
        #expect(problem.jsonPath == "$.entry[2].resource.item[0].item")
    }

    @Test func aQuestionnaireActivityNeedsTheQuestionnaireExtension() throws {
        let activity = #"{"resourceType": "ActivityDefinition", "url": "http://example.org/ad/q", "version": "1", "status": "active", "kind": "Task", "code": {"coding": [{"system": "http://zorgbrug.nl/fhir/CodeSystem/task-kind", "code": "questionnaire"}]}}"#
        let problem = try onlyProblem(T.module(T.plan(actions: Self.action), activity))
        #expect(problem.jsonPath == "$.entry[1].resource.extension")
    }

    @Test func aTaskActivityNeedsATaskKindCode() throws {
        let activity = #"{"resourceType": "ActivityDefinition", "url": "http://example.org/ad/q", "version": "1", "status": "active", "kind": "Task", "code": {"coding": [{"system": "http://example.org", "code": "x"}]}}"#
        let problem = try onlyProblem(T.module(T.plan(actions: Self.action), activity))
        #expect(problem.jsonPath == "$.entry[1].resource.code")
    }

    @Test func aWellFormedMeasurementTimingPasses() {
        let timing = #"{"repeat": {"boundsDuration": {"value": 7, "system": "http://unitsofmeasure.org", "code": "d"}, "frequency": 2, "period": 1, "periodUnit": "d", "when": ["MORN", "EVE"]}}"#
        let plan = T.plan(actions: #"{"definitionCanonical": "http://example.org/ad/m", "timingTiming": {"repeat": {"count": 4, "frequency": 1, "period": 3, "periodUnit": "mo"}}}"#)
        #expect(problems(T.module(plan, T.measurementActivity(timing: timing))).isEmpty)
    }

    @Test func malformedTimingIsReportedInFull() {
        let timing = #"{"repeat": {"frequency": 0, "period": 1, "periodUnit": "day", "timeOfDay": ["8:00"], "when": ["MORN"], "countMax": 3}}"#
        let plan = T.plan(actions: #"{"definitionCanonical": "http://example.org/ad/m"}"#)
        let paths = problems(T.module(plan, T.measurementActivity(timing: timing))).map(\.jsonPath)
        let base = "$.entry[1].resource.timingTiming.repeat"
        #expect(paths == [
            "\(base).countMax", "\(base).frequency", "\(base).periodUnit", "\(base).timeOfDay[0]", "\(base).timeOfDay",
        ])
    }

    @Test func aPeriodNeedsAUnitAndTheActionTimingIsChecked() throws {
        let plan = T.plan(actions: #"{"definitionCanonical": "http://example.org/ad/q|1", "timingTiming": {"repeat": {"frequency": 1, "period": 2}}}"#)
        let problem = try onlyProblem(T.module(plan, Self.activity))
        #expect(problem.jsonPath == "$.entry[0].resource.action[0].timingTiming.repeat.periodUnit")
        #expect(problem.message.contains("tim-2"))
    }

    @Test func otherTimingFormsAreNotSupported() throws {
        let plan = T.plan(actions: #"{"definitionCanonical": "http://example.org/ad/q|1", "timingDateTime": "2026-01-01"}"#)
        let problem = try onlyProblem(T.module(plan, Self.activity))
        #expect(problem.jsonPath == "$.entry[0].resource.action[0].timingDateTime")
    }

    @Test func malformedModuleJSONIsReported() throws {
        let problem = try onlyProblem(T.file("Modules/broken.json", "{\"resourceType\": \"Bundle\",}"))
        #expect(problem.path == "Modules/broken.json")
        #expect(problem.message.contains("line 1"))
    }
}

extension ModuleRuleTests {
    @Test func anActivityDefinitionDefinedTwice() throws {
        let problem = try onlyProblem(T.module(T.plan(actions: Self.action), Self.activity, Self.activity))
        #expect(problem.jsonPath == "$.entry[2].resource.url")
        #expect(problem.message.contains("defined twice"))
    }

    @Test func anActionWithoutDefinitionOrChildren() throws {
        let plan = T.plan(actions: #"{"title": "nothing"}, \#(Self.action)"#)
        let problem = try onlyProblem(T.module(plan, Self.activity))
        #expect(problem.jsonPath == "$.entry[0].resource.action[0]")
    }

    @Test func nestedActionsAreResolvedToo() throws {
        let plan = T.plan(actions: #"{"title": "group", "action": [{"definitionCanonical": "http://example.org/ad/none"}]}"#)
        let problem = try onlyProblem(T.module(plan, Self.activity))
        #expect(problem.jsonPath == "$.entry[0].resource.action[0].action[0].definitionCanonical")
    }

    @Test func aCarriedQuestionnaireMustMatchTheShippedOne() throws {
        let changed = #"{"resourceType": "Questionnaire", "url": "http://example.org/q", "version": "2", "status": "active", "item": [{"linkId": "b", "type": "string"}]}"#
        let problem = try onlyProblem(T.module(T.plan(actions: Self.action), Self.activity, changed))
        #expect(problem.jsonPath == "$.entry[2].resource.url")
        #expect(problem.message.contains("Questionnaires/q.json"))
    }

    @Test func otherResourceTypesDoNotBelongInAModule() throws {
        let problem = try onlyProblem(T.module(T.plan(actions: Self.action), Self.activity, #"{"resourceType": "Patient"}"#))
        #expect(problem.jsonPath == "$.entry[2].resource.resourceType")
    }

    @Test func anActivityDefinitionNeedsAKind() throws {
        let activity = #"{"resourceType": "ActivityDefinition", "url": "http://example.org/ad/q", "version": "1", "status": "active", "code": {"coding": [{"code": "x"}]}}"#
        let problem = try onlyProblem(T.module(T.plan(actions: Self.action), activity))
        #expect(problem.jsonPath == "$.entry[1].resource.kind")
    }
}
