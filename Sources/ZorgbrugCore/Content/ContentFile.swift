/// One content file handed to the ``ContentValidator``: its path relative to the repository root and its raw bytes.
///
/// ZorgbrugCore never reads files itself; the caller (the `zorgbrug` executable, or a test) reads
/// `Questionnaires/*.json` and `Modules/*.json` and passes them in. The path is only used to label problems,
/// so it should be the path an author recognises, e.g. `"Questionnaires/phq-9.json"`.
package struct ContentFile: Sendable {
    /// The path relative to the repository root, e.g. `"Modules/hypertensie.json"`.
    package var path: String
    /// The file's bytes, expected to be UTF-8 JSON.
    package var bytes: [UInt8]

    /// A content file from its relative path and bytes.
    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
