import Testing
import ZorgbrugCore

/// The content shipped in Questionnaires/ and Modules/ is valid: every file found there is a test case.
@Suite struct ShippedContentTests {
    static let questionnaires = ContentTestSupport.repositoryFiles(in: "Questionnaires")
    static let modules = ContentTestSupport.repositoryFiles(in: "Modules")

    @Test func theShippedFoldersHoldTheExpectedFiles() {
        let names = Set(Self.questionnaires.map(\.path))
        #expect(names.isSuperset(of: [
            "Questionnaires/phq-9.json", "Questionnaires/gad-7.json", "Questionnaires/bloeddruk-intake.json",
        ]))
        #expect(Self.modules.map(\.path).contains("Modules/hypertensie.json"))
    }

    @Test(arguments: ShippedContentTests.questionnaires.map(\.path))
    func shippedQuestionnaireIsValid(path: String) throws {
        let file = try #require(Self.questionnaires.first { $0.path == path })
        let problems = ContentValidator().validate(questionnaires: [file], modules: [])
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test(arguments: ShippedContentTests.modules.map(\.path))
    func shippedModuleIsValid(path: String) throws {
        let file = try #require(Self.modules.first { $0.path == path })
        // Problems of the questionnaires themselves are reported by shippedQuestionnaireIsValid.
        let problems = ContentValidator().validate(questionnaires: Self.questionnaires, modules: [file])
            .filter { $0.path == path }
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func allShippedContentTogetherIsValid() {
        let problems = ContentValidator().validate(questionnaires: Self.questionnaires, modules: Self.modules)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func theHypertensionModuleNeedsTheIntakeQuestionnaire() {
        let withoutIntake = Self.questionnaires.filter { $0.path != "Questionnaires/bloeddruk-intake.json" }
        let problems = ContentValidator().validate(
            questionnaires: withoutIntake, modules: Self.modules.filter { $0.path == "Modules/hypertensie.json" }
        ).filter { $0.path == "Modules/hypertensie.json" }
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("http://zorgbrug.nl/fhir/Questionnaire/bloeddruk-intake|1.0.0") == true)
    }
}
