import FHIR

import Foundation

/// Locates shared fixture files from the test source's own path, so tests work in any checkout or worktree.
enum Fixtures {
    /// The directory holding `Package.swift`, walking up from this file.
    static func repositoryRoot(from file: String = #filePath) -> URL? {
        var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// `shared/fixtures/<name>`, looked up beside the repository root and then beside each further parent
    /// (a worktree lives deeper than the main checkout).
    static func sharedDirectory(_ name: String) -> URL? {
        guard var directory = repositoryRoot() else { return nil }
        while directory.path != "/" {
            let candidate = directory.deletingLastPathComponent()
                .appendingPathComponent("shared/fixtures").appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    /// Every `.json` file under `shared/fixtures/<name>`, recursively, as paths relative to that folder.
    static func jsonFiles(in name: String) -> [String] {
        guard let directory = sharedDirectory(name),
            let enumerator = FileManager.default.enumerator(atPath: directory.path)
        else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            if path.hasSuffix(".json") { files.append(path) }
        }
        return files.sorted()
    }

    /// The bytes of a fixture file.
    static func bytes(_ relativePath: String, in name: String) throws -> [UInt8] {
        guard let directory = sharedDirectory(name) else { throw FixtureMissing() }
        let data = try Data(contentsOf: directory.appendingPathComponent(relativePath))
        return Array(data)
    }

    struct FixtureMissing: Error {}
}

/// Parses a JSON object literal written in a test; fails the test (by throwing) when it is not one.
func object(_ text: String) throws -> JSONObject {
    guard case .object(let object) = try JSONParser().parse(text) else { throw NotAnObject() }
    return object
}

struct NotAnObject: Error {}
