import FHIR
import Foundation
import Testing
import ZorgbrugCore

/// Locates content on disk for the content tests: the repository root (the nearest ancestor of this file
/// holding Package.swift) and the shared questionnaire fixtures.
enum ContentTestSupport {
    static let repositoryRoot: URL? = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }()

    /// `shared/fixtures/questionnaires`, found next to the repository or next to one of its ancestors
    /// (`<root>/../shared/…`, `<root>/../../shared/…`, …).
    static let fixturesDirectory: URL? = {
        guard var directory = repositoryRoot else { return nil }
        while directory.path != "/" {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("shared/fixtures/questionnaires")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// The `.json` files under `folder` of the repository (recursively), as content files with paths
    /// relative to the repository root, sorted by path.
    static func repositoryFiles(in folder: String) -> [ContentFile] {
        guard let root = repositoryRoot else { return [] }
        return jsonFiles(under: root.appendingPathComponent(folder), relativeTo: root)
    }

    /// The `.json` files under `directory`, with paths relative to `base`, sorted by path.
    static func jsonFiles(under directory: URL, relativeTo base: URL) -> [ContentFile] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            return []
        }
        var files: [ContentFile] = []
        let prefix = base.standardizedFileURL.path + "/"
        for case let url as URL in enumerator where url.pathExtension == "json" {
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
            files.append(ContentFile(path: relative, bytes: Array(data)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The fixture files that hold a Questionnaire (QuestionnaireResponses are skipped), paths relative to
    /// the fixtures directory.
    static func fixtureQuestionnaires() -> [ContentFile] {
        guard let directory = fixturesDirectory else { return [] }
        return jsonFiles(under: directory, relativeTo: directory).filter { file in
            (try? JSONParser().parse(file.bytes))?["resourceType"]?.stringValue == "Questionnaire"
        }
    }

    // MARK: - Builders for small test documents

    /// A file from JSON text.
    static func file(_ path: String, _ text: String) -> ContentFile {
        ContentFile(path: path, bytes: Array(text.utf8))
    }

    /// A valid questionnaire shell holding `items` (JSON array elements) and `extra` members.
    static func questionnaire(items: String, extra: String = "", url: String = "http://example.org/q") -> ContentFile {
        file("Questionnaires/test.json", """
            {"resourceType": "Questionnaire", "url": "\(url)", "version": "1", "status": "active",
             \(extra.isEmpty ? "" : extra + ",") "item": [\(items)]}
            """)
    }

    /// The problems the validator finds in one questionnaire.
    static func problems(_ file: ContentFile) -> [ContentProblem] {
        ContentValidator().validate(questionnaires: [file], modules: [])
    }

    /// A module Bundle with these entry resources (JSON objects, comma separated).
    static func module(_ resources: String...) -> ContentFile {
        let entries = resources.map { "{\"resource\": \($0)}" }.joined(separator: ",")
        return file("Modules/test.json", "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [\(entries)]}")
    }

    /// A valid PlanDefinition whose actions are `actions` (JSON array elements).
    static func plan(actions: String) -> String {
        """
        {"resourceType": "PlanDefinition", "url": "http://example.org/plan", "version": "1", "title": "Plan",
         "status": "active", "action": [\(actions)]}
        """
    }

    /// A valid questionnaire ActivityDefinition pointing at `questionnaire` (a url|version).
    static func questionnaireActivity(url: String = "http://example.org/ad/q", questionnaire: String) -> String {
        """
        {"resourceType": "ActivityDefinition", "url": "\(url)", "version": "1", "status": "active", "kind": "Task",
         "code": {"coding": [{"system": "http://zorgbrug.nl/fhir/CodeSystem/task-kind", "code": "questionnaire"}]},
         "extension": [{"url": "http://zorgbrug.nl/fhir/StructureDefinition/questionnaire",
                        "valueCanonical": "\(questionnaire)"}]}
        """
    }

    /// A valid ServiceRequest ActivityDefinition with `timing` as its timingTiming.
    static func measurementActivity(url: String = "http://example.org/ad/m", timing: String) -> String {
        """
        {"resourceType": "ActivityDefinition", "url": "\(url)", "version": "1", "status": "active",
         "kind": "ServiceRequest", "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
         "timingTiming": \(timing)}
        """
    }
}
