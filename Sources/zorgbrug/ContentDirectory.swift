import Foundation
import ZorgbrugCore

/// Reads the shipped content (`Questionnaires/*.json`, `Modules/*.json`) from a content root directory.
struct ContentDirectory {
    let root: String

    /// The JSON files of both folders, with paths relative to the root. A missing folder is empty.
    /// Throws `CommandFailure` when the root itself is missing (a mistyped `--content-dir`).
    func load() throws -> (questionnaires: [ContentFile], modules: [ContentFile]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure("The content directory \(root) does not exist; give --content-dir the directory holding Questionnaires/ and Modules/.")
        }
        return (try files(in: "Questionnaires"), try files(in: "Modules"))
    }

    private func files(in folder: String) throws -> [ContentFile] {
        let directory = URL(fileURLWithPath: root).appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        return try names.map { name in
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            return ContentFile(path: "\(folder)/\(name)", bytes: [UInt8](data))
        }
    }
}
