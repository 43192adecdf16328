import ArgumentParser
import ZorgbrugCore

/// `zorgbrug validate-content`: checks Questionnaires/ and Modules/ and reports every problem.
struct ValidateContentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-content",
        abstract: "Check Questionnaires/ and Modules/; print every problem with its file and JSON path.",
        discussion: "Exits with status 0 when all content is valid, 1 when there are problems. `serve` runs the same checks at start-up.")

    @Option(help: "Directory holding Questionnaires/ and Modules/ (env ZORGBRUG_CONTENT_DIR).")
    var contentDir: String = Environment.string("CONTENT_DIR") ?? "."

    func run() throws {
        let (questionnaires, modules) = try ContentDirectory(root: contentDir).load()
        let problems = ContentValidator().validate(questionnaires: questionnaires, modules: modules)
        if problems.isEmpty {
            print("OK: \(questionnaires.count) questionnaire(s) and \(modules.count) module(s) are valid.")
            return
        }
        for problem in problems { print(problem.description) }
        print("\(problems.count) problem(s) in \(Set(problems.map(\.path)).count) file(s).")
        throw ExitCode(1)
    }
}
