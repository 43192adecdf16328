import FHIR
import Foundation
import Testing

extension CLITests {
    @Suite("validate-content and the start-up check")
    struct Content {
        @Test("the shipped content is valid: exit 0")
        func shippedContent() async throws {
            let result = try await Zorgbrug.run(["validate-content", "--content-dir", Paths.packageRoot])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.hasPrefix("OK: "), "\(result.stdout)")
        }

        @Test("a broken questionnaire: exit 1, one line per problem with file and JSON path")
        func brokenQuestionnaire() async throws {
            let directory = try Self.brokenContent()
            defer { directory.remove() }
            let result = try await Zorgbrug.run(["validate-content", "--content-dir", directory.path])
            #expect(result.status == 1)
            let lines = result.stdoutLines
            #expect(lines.contains { $0.hasPrefix("Questionnaires/phq-9.json: $.item[0].linkId: ") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("Questionnaires/unreadable.json: $: ") }, "\(result.stdout)")
            // Every problem line is `file: $.path: text`; the last line counts them.
            for line in lines.dropLast() {
                #expect(line.range(of: #"^(Questionnaires|Modules)/[^:]+\.json: \$[^ ]*: ."#, options: .regularExpression) != nil, "\(line)")
            }
            #expect(lines.last?.hasSuffix("problem(s) in 2 file(s).") == true, "\(result.stdout)")
            // The intact files are not reported.
            #expect(!result.stdout.contains("gad-7.json"))
        }

        @Test("the same check through the environment variable")
        func environmentVariable() async throws {
            let directory = try Self.brokenContent()
            defer { directory.remove() }
            let result = try await Zorgbrug.run(["validate-content"], environment: ["ZORGBRUG_CONTENT_DIR": directory.path])
            #expect(result.status == 1)
            #expect(result.stdout.contains("Questionnaires/phq-9.json: $.item[0].linkId"))
        }

        @Test("serve refuses to start on invalid content: clear message, exit 1, no database")
        func serveRefuses() async throws {
            let directory = try Self.brokenContent()
            defer { directory.remove() }
            let database = directory.file("data/db.sqlite")
            let result = try await Zorgbrug.run(["serve", "--port", "0", "--database", database, "--content-dir", directory.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("Refusing to start: "), "\(result.stderr)")
            #expect(result.stderr.contains("Questionnaires/phq-9.json: $.item[0].linkId"), "\(result.stderr)")
            #expect(result.stderr.contains("zorgbrug validate-content --content-dir \(directory.path)"))
            #expect(!result.stderr.contains("USAGE") && !result.stderr.contains("Usage"), "a runtime failure is not a usage error")
            #expect(!result.stdout.contains("listening"))
            #expect(!FileManager.default.fileExists(atPath: database))
        }

        @Test("a content directory that does not exist is refused by both commands")
        func missingDirectory() async throws {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let missing = directory.file("no-such-dir")
            let validate = try await Zorgbrug.run(["validate-content", "--content-dir", missing])
            #expect(validate.status == 1)
            #expect(validate.stderr.contains("The content directory \(missing) does not exist"), "\(validate.stderr)")
            let serve = try await Zorgbrug.run(["serve", "--port", "0", "--database", directory.file("db.sqlite"), "--content-dir", missing])
            #expect(serve.status == 1)
            #expect(serve.stderr.contains("does not exist"))
        }

        /// A copy of the shipped content in which phq-9 lost its first item's linkId, plus a file that is not JSON.
        static func brokenContent() throws -> TemporaryDirectory {
            let directory = try TemporaryDirectory()
            let manager = FileManager.default
            for folder in ["Questionnaires", "Modules"] {
                try manager.copyItem(atPath: Paths.packageRoot + "/" + folder, toPath: directory.file(folder))
            }
            let path = directory.file("Questionnaires/phq-9.json")
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            var questionnaire = try #require(try JSONParser().parse(bytes).objectValue)
            var items = try #require(questionnaire["item"]?.arrayValue)
            var first = try #require(items.first?.objectValue)
            first["linkId"] = nil
            items[0] = .object(first)
            questionnaire["item"] = .array(items)
            try Data(JSON.object(questionnaire).serialized(pretty: true)).write(to: URL(fileURLWithPath: path))
            try Data("{\"resourceType\": \"Questionnaire\",".utf8).write(to: URL(fileURLWithPath: directory.file("Questionnaires/unreadable.json")))
            return directory
        }
    }
}
