import FHIR
import Testing
import ZorgbrugCore

/// The published questionnaires in shared/fixtures/questionnaires are valid R4; the validator reports nothing
/// on them except the documented quirks: a missing url or version (Zorgbrug's own requirement) and the one
/// deliberately contradictory fixture.
@Suite struct FixtureQuestionnaireTests {
    static let fixtures = ContentTestSupport.fixtureQuestionnaires()

    /// Problems a fixture has on purpose, beyond a missing url/version.
    static let knownQuirks: [String: [String]] = [
        // HL7's validator test for "answer below minValue and above maxValue" declares minValue 20, maxValue 2.
        "response-validation/integer-min-max-q.json": ["$.item[0].extension[1].valueInteger"]
    ]

    @Test func theFixturesAreThere() {
        #expect(ContentTestSupport.fixturesDirectory != nil, "shared/fixtures/questionnaires not found above the repository")
        #expect(Self.fixtures.count >= 13)
    }

    @Test(arguments: FixtureQuestionnaireTests.fixtures.map(\.path))
    func fixtureHasOnlyItsDocumentedQuirks(path: String) throws {
        let file = try #require(Self.fixtures.first { $0.path == path })
        let json = try JSONParser().parse(file.bytes)
        var expected: [String] = []
        if json["url"]?.stringValue == nil { expected.append("$.url") }
        if json["version"]?.stringValue == nil { expected.append("$.version") }
        expected += Self.knownQuirks[path] ?? []

        let problems = ContentTestSupport.problems(file)
        #expect(problems.map(\.jsonPath) == expected, "\(problems.map(\.description).joined(separator: "\n"))")
        for problem in problems where problem.jsonPath == "$.url" || problem.jsonPath == "$.version" {
            #expect(problem.message.hasPrefix("missing "))
        }
    }
}
