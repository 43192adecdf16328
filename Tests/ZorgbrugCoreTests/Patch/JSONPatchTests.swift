import FHIR
import Foundation
import Testing
import ZorgbrugCore

/// RFC 6902 (JSON Patch) with RFC 6901 pointers: the appendix A examples, malformed documents, failing
/// operations, and all-or-nothing application.
@Suite("JSONPatch")
struct JSONPatchTests {
    static func json(_ text: String) throws -> JSON {
        try JSONParser().parse(text)
    }

    static func apply(_ patch: String, to document: String) throws -> JSON {
        try JSONPatch(json: json(patch)).apply(to: json(document))
    }

    /// The error a malformed patch or a failing operation throws.
    static func failure(_ patch: String, on document: String = "{}") throws -> ZorgbrugError {
        let parsedPatch = try json(patch)
        let parsedDocument = try json(document)
        do {
            _ = try JSONPatch(json: parsedPatch).apply(to: parsedDocument)
        } catch let error as ZorgbrugError {
            return error
        }
        Issue.record("patch \(patch) did not fail")
        return ZorgbrugError(.internalError)
    }

    struct Example: Sendable, CustomTestStringConvertible {
        let name: String
        let document: String
        let patch: String
        let expected: String
        var testDescription: String { name }
    }

    static let appendixA: [Example] = [
        Example(name: "A.1 add an object member", document: #"{"foo": "bar"}"#,
                patch: #"[{"op": "add", "path": "/baz", "value": "qux"}]"#,
                expected: #"{"baz": "qux", "foo": "bar"}"#),
        Example(name: "A.2 add an array element", document: #"{"foo": ["bar", "baz"]}"#,
                patch: #"[{"op": "add", "path": "/foo/1", "value": "qux"}]"#,
                expected: #"{"foo": ["bar", "qux", "baz"]}"#),
        Example(name: "A.3 remove an object member", document: #"{"baz": "qux", "foo": "bar"}"#,
                patch: #"[{"op": "remove", "path": "/baz"}]"#, expected: #"{"foo": "bar"}"#),
        Example(name: "A.4 remove an array element", document: #"{"foo": ["bar", "qux", "baz"]}"#,
                patch: #"[{"op": "remove", "path": "/foo/1"}]"#, expected: #"{"foo": ["bar", "baz"]}"#),
        Example(name: "A.5 replace a value", document: #"{"baz": "qux", "foo": "bar"}"#,
                patch: #"[{"op": "replace", "path": "/baz", "value": "boo"}]"#,
                expected: #"{"baz": "boo", "foo": "bar"}"#),
        Example(name: "A.6 move a value", document: #"{"foo": {"bar": "baz", "waldo": "fred"}, "qux": {"corge": "grault"}}"#,
                patch: #"[{"op": "move", "from": "/foo/waldo", "path": "/qux/thud"}]"#,
                expected: #"{"foo": {"bar": "baz"}, "qux": {"corge": "grault", "thud": "fred"}}"#),
        Example(name: "A.7 move an array element", document: #"{"foo": ["all", "grass", "cows", "eat"]}"#,
                patch: #"[{"op": "move", "from": "/foo/1", "path": "/foo/3"}]"#,
                expected: #"{"foo": ["all", "cows", "eat", "grass"]}"#),
        Example(name: "A.8 test a value (success)", document: #"{"baz": "qux", "foo": ["a", 2, "c"]}"#,
                patch: #"[{"op": "test", "path": "/baz", "value": "qux"}, {"op": "test", "path": "/foo/1", "value": 2}]"#,
                expected: #"{"baz": "qux", "foo": ["a", 2, "c"]}"#),
        Example(name: "A.10 add a nested member object", document: #"{"foo": "bar"}"#,
                patch: #"[{"op": "add", "path": "/child", "value": {"grandchild": {}}}]"#,
                expected: #"{"foo": "bar", "child": {"grandchild": {}}}"#),
        Example(name: "A.11 ignore unrecognized elements", document: #"{"foo": "bar"}"#,
                patch: #"[{"op": "add", "path": "/baz", "value": "qux", "xyz": 123}]"#,
                expected: #"{"foo": "bar", "baz": "qux"}"#),
        Example(name: "A.14 ~ escape ordering", document: #"{"/": 9, "~1": 10}"#,
                patch: #"[{"op": "test", "path": "/~01", "value": 10}]"#, expected: #"{"/": 9, "~1": 10}"#),
        Example(name: "A.16 add an array value", document: #"{"foo": ["bar"]}"#,
                patch: #"[{"op": "add", "path": "/foo/-", "value": ["abc", "def"]}]"#,
                expected: #"{"foo": ["bar", ["abc", "def"]]}"#),
        Example(name: "copy a value", document: #"{"a": {"b": [1, 2]}}"#,
                patch: #"[{"op": "copy", "from": "/a/b", "path": "/c"}]"#,
                expected: #"{"a": {"b": [1, 2]}, "c": [1, 2]}"#),
        Example(name: "copy into an array", document: #"{"a": [1, 2]}"#,
                patch: #"[{"op": "copy", "from": "/a/0", "path": "/a/-"}]"#, expected: #"{"a": [1, 2, 1]}"#),
        Example(name: "~1 escapes / in a member name", document: #"{"a/b": 1}"#,
                patch: #"[{"op": "replace", "path": "/a~1b", "value": 2}]"#, expected: #"{"a/b": 2}"#),
        Example(name: "~0 escapes ~ in a member name", document: #"{"m~n": 1}"#,
                patch: #"[{"op": "remove", "path": "/m~0n"}]"#, expected: #"{}"#),
        Example(name: "add replaces an existing member", document: #"{"status": "ready"}"#,
                patch: #"[{"op": "add", "path": "/status", "value": "in-progress"}]"#,
                expected: #"{"status": "in-progress"}"#),
        Example(name: "add at the end index appends", document: #"{"a": [1]}"#,
                patch: #"[{"op": "add", "path": "/a/1", "value": 2}]"#, expected: #"{"a": [1, 2]}"#),
        Example(name: "replace an array element", document: #"{"a": [1, 2, 3]}"#,
                patch: #"[{"op": "replace", "path": "/a/1", "value": 9}]"#, expected: #"{"a": [1, 9, 3]}"#),
        Example(name: "add null", document: #"{}"#,
                patch: #"[{"op": "add", "path": "/n", "value": null}]"#, expected: #"{"n": null}"#),
        Example(name: "empty member name", document: #"{"": 1}"#,
                patch: #"[{"op": "replace", "path": "/", "value": 2}]"#, expected: #"{"": 2}"#),
        Example(name: "add at the root replaces the document", document: #"{"a": 1}"#,
                patch: #"[{"op": "add", "path": "", "value": {"b": 2}}]"#, expected: #"{"b": 2}"#),
        Example(name: "an empty patch changes nothing", document: #"{"a": 1}"#, patch: "[]", expected: #"{"a": 1}"#),
        Example(name: "operations apply in order", document: #"{"a": 1}"#,
                patch: #"[{"op": "add", "path": "/b", "value": 2}, {"op": "move", "from": "/b", "path": "/c"}, {"op": "test", "path": "/c", "value": 2}]"#,
                expected: #"{"a": 1, "c": 2}"#),
        Example(name: "a Task status change, as MedMij Aanbiedertaken sends it",
                document: #"{"resourceType": "Task", "id": "t1", "status": "ready", "intent": "order"}"#,
                patch: #"[{"op": "test", "path": "/status", "value": "ready"}, {"op": "replace", "path": "/status", "value": "in-progress"}]"#,
                expected: #"{"resourceType": "Task", "id": "t1", "status": "in-progress", "intent": "order"}"#),
    ]

    @Test("RFC 6902 appendix A and friends", arguments: appendixA)
    func example(example: Example) throws {
        #expect(try Self.apply(example.patch, to: example.document) == Self.json(example.expected))
    }

    @Test("replace keeps the member's place in the object")
    func replaceKeepsOrder() throws {
        let result = try Self.apply(#"[{"op": "replace", "path": "/b", "value": 9}]"#, to: #"{"a": 1, "b": 2, "c": 3}"#)
        #expect(result.objectValue?.keys == ["a", "b", "c"])
    }

    @Test("replace at the root replaces the whole document (RFC 6902 §4.3, path \"\")")
    func replaceRoot() throws {
        #expect(try Self.apply(#"[{"op": "replace", "path": "", "value": {"b": 2}}]"#, to: #"{"a": 1}"#) == Self.json(#"{"b": 2}"#))
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        let name: String
        let patch: String
        let problem: String
        let expression: [String]
        var testDescription: String { name }
    }

    static let malformed: [Malformed] = [
        Malformed(name: "not an array", patch: #"{"op": "add", "path": "/a", "value": 1}"#, problem: "array of operations", expression: []),
        Malformed(name: "operation not an object", patch: #"["add"]"#, problem: "'op' and 'path'", expression: ["Patch[0]"]),
        Malformed(name: "no op", patch: #"[{"path": "/a", "value": 1}]"#, problem: "'op' and 'path'", expression: ["Patch[0]"]),
        Malformed(name: "no path", patch: #"[{"op": "remove"}]"#, problem: "'op' and 'path'", expression: ["Patch[0]"]),
        Malformed(name: "op not a string", patch: #"[{"op": 1, "path": "/a"}]"#, problem: "'op' and 'path'", expression: ["Patch[0]"]),
        Malformed(name: "unknown op", patch: #"[{"op": "test", "path": "/a", "value": 1}, {"op": "frobnicate", "path": "/a"}]"#,
                  problem: "unknown op 'frobnicate'", expression: ["Patch[1]"]),
        Malformed(name: "op is case-sensitive", patch: #"[{"op": "Add", "path": "/a", "value": 1}]"#,
                  problem: "unknown op 'Add'", expression: ["Patch[0]"]),
        Malformed(name: "add without value", patch: #"[{"op": "add", "path": "/a"}]"#, problem: "'add' needs a 'value'", expression: ["Patch[0]"]),
        Malformed(name: "replace without value", patch: #"[{"op": "replace", "path": "/a"}]"#, problem: "'replace' needs a 'value'", expression: ["Patch[0]"]),
        Malformed(name: "test without value", patch: #"[{"op": "test", "path": "/a"}]"#, problem: "'test' needs a 'value'", expression: ["Patch[0]"]),
        Malformed(name: "move without from", patch: #"[{"op": "move", "path": "/a"}]"#, problem: "'move' needs 'from'", expression: ["Patch[0]"]),
        Malformed(name: "copy without from", patch: #"[{"op": "copy", "path": "/a"}]"#, problem: "'copy' needs 'from'", expression: ["Patch[0]"]),
        Malformed(name: "path without leading slash", patch: #"[{"op": "remove", "path": "a"}]"#, problem: "JSON Pointer", expression: ["Patch[0]"]),
        Malformed(name: "from without leading slash", patch: #"[{"op": "copy", "from": "a", "path": "/b"}]"#, problem: "JSON Pointer", expression: ["Patch[0]"]),
    ]

    @Test("malformed patch documents are resource-invalid and name the operation", arguments: malformed)
    func malformedDocument(example: Malformed) throws {
        let error = try #require(throws: ZorgbrugError.self) { try JSONPatch(json: Self.json(example.patch)) }
        #expect(error.code == .resourceInvalid)
        #expect(error.expression == example.expression)
        let problem = try #require(error.arguments["problem"])
        #expect(problem.hasPrefix("JSON Patch: "))
        #expect(problem.contains(example.problem), "\(problem)")
    }

    struct Failing: Sendable, CustomTestStringConvertible {
        let name: String
        let document: String
        let patch: String
        var testDescription: String { name }
    }

    static let failing: [Failing] = [
        Failing(name: "A.9 test fails", document: #"{"baz": "qux"}"#, patch: #"[{"op": "test", "path": "/baz", "value": "bar"}]"#),
        Failing(name: "A.12 add to a nonexistent target", document: #"{"foo": "bar"}"#,
                patch: #"[{"op": "add", "path": "/baz/bat", "value": "qux"}]"#),
        Failing(name: "A.15 a string is not a number", document: #"{"/": 9, "~1": 10}"#,
                patch: #"[{"op": "test", "path": "/~01", "value": "10"}]"#),
        Failing(name: "test of a missing member", document: #"{}"#, patch: #"[{"op": "test", "path": "/a", "value": null}]"#),
        Failing(name: "remove a missing member", document: #"{"a": 1}"#, patch: #"[{"op": "remove", "path": "/b"}]"#),
        Failing(name: "replace a missing member", document: #"{"a": 1}"#, patch: #"[{"op": "replace", "path": "/b", "value": 1}]"#),
        Failing(name: "remove the whole document", document: #"{"a": 1}"#, patch: #"[{"op": "remove", "path": ""}]"#),
        Failing(name: "add past the end of an array", document: #"{"a": [1, 2]}"#, patch: #"[{"op": "add", "path": "/a/3", "value": 3}]"#),
        Failing(name: "add at a negative index", document: #"{"a": [1, 2]}"#, patch: #"[{"op": "add", "path": "/a/-1", "value": 3}]"#),
        Failing(name: "add at a non-numeric index", document: #"{"a": [1, 2]}"#, patch: #"[{"op": "add", "path": "/a/x", "value": 3}]"#),
        Failing(name: "remove past the end", document: #"{"a": [1, 2]}"#, patch: #"[{"op": "remove", "path": "/a/2"}]"#),
        Failing(name: "remove at '-'", document: #"{"a": [1, 2]}"#, patch: #"[{"op": "remove", "path": "/a/-"}]"#),
        Failing(name: "replace at '-'", document: #"{"a": [1, 2]}"#, patch: #"[{"op": "replace", "path": "/a/-", "value": 0}]"#),
        Failing(name: "descend into a string", document: #"{"a": "text"}"#, patch: #"[{"op": "add", "path": "/a/b", "value": 1}]"#),
        Failing(name: "test inside a number", document: #"{"a": 1}"#, patch: #"[{"op": "test", "path": "/a/b", "value": 1}]"#),
        Failing(name: "move from a missing member", document: #"{"a": 1}"#, patch: #"[{"op": "move", "from": "/b", "path": "/c"}]"#),
        Failing(name: "move a value into its own child", document: #"{"a": {"b": 1}}"#,
                patch: #"[{"op": "move", "from": "/a", "path": "/a/b/c"}]"#),
        Failing(name: "copy from past the end", document: #"{"a": [1]}"#, patch: #"[{"op": "copy", "from": "/a/1", "path": "/b"}]"#),
        Failing(name: "test of a number with a different precision", document: #"{"a": 1.50}"#,
                patch: #"[{"op": "test", "path": "/a", "value": 1.5}]"#),
    ]

    @Test("failing operations throw resource-invalid naming the operation", arguments: failing)
    func failingOperation(example: Failing) throws {
        let error = try Self.failure(example.patch, on: example.document)
        #expect(error.code == .resourceInvalid)
        #expect(error.expression == ["Patch[0]"])
        #expect(error.arguments["problem"]?.hasPrefix("JSON Patch: ") == true)
    }

    @Test("an array index with a leading zero or a sign is not an index (RFC 6901 §4)",
          arguments: ["/a/01", "/a/+1", "/a/ 1"])
    func strictArrayIndex(path: String) throws {
        let error = try Self.failure(#"[{"op": "replace", "path": "\#(path)", "value": 0}]"#, on: #"{"a": [1, 2, 3]}"#)
        #expect(error.code == .resourceInvalid)
    }

    @Test("the failing operation's index is reported")
    func failingIndex() throws {
        let error = try Self.failure(
            #"[{"op": "add", "path": "/b", "value": 2}, {"op": "test", "path": "/a", "value": 1}, {"op": "test", "path": "/a", "value": 2}]"#,
            on: #"{"a": 1}"#)
        #expect(error.expression == ["Patch[2]"])
        #expect(error.arguments["problem"] == "JSON Patch: test failed at /a")
    }

    @Test("a failing operation leaves the document unchanged: nothing of the earlier operations is observable")
    func allOrNothing() throws {
        let original = try Self.json(#"{"resourceType": "Task", "status": "ready", "input": [1, 2]}"#)
        let document = original
        let patch = try JSONPatch(json: Self.json(#"""
            [{"op": "replace", "path": "/status", "value": "cancelled"},
             {"op": "remove", "path": "/input/0"},
             {"op": "add", "path": "/note", "value": [{"text": "x"}]},
             {"op": "test", "path": "/status", "value": "ready"}]
            """#))
        #expect(throws: ZorgbrugError.self) { try patch.apply(to: document) }
        #expect(document == original)
        // Without the final test the same operations do apply, so the failure really undid them.
        let applied = try JSONPatch(operations: Array(patch.operations.dropLast())).apply(to: document)
        #expect(applied["status"] == "cancelled")
        #expect(applied["input"] == [2])
        #expect(applied["note"] != nil)
    }

    @Test("operations are parsed into the documented cases with unescaped pointers")
    func parsedOperations() throws {
        let patch = try JSONPatch(json: Self.json(#"""
            [{"op": "add", "path": "/a~1b/0", "value": 1}, {"op": "remove", "path": "/x"},
             {"op": "replace", "path": "", "value": 2}, {"op": "move", "from": "/m~0", "path": "/n"},
             {"op": "copy", "from": "/c", "path": "/d/-"}, {"op": "test", "path": "/", "value": null}]
            """#))
        #expect(patch.operations == [
            .add(path: ["a/b", "0"], value: 1), .remove(path: ["x"]), .replace(path: [], value: 2),
            .move(from: ["m~"], path: ["n"]), .copy(from: ["c"], path: ["d", "-"]), .test(path: [""], value: nil),
        ])
    }
}

extension JSONPatch {
    /// A patch from already parsed operations (for the all-or-nothing test).
    init(operations: [Operation]) throws {
        let elements: [JSON] = operations.map { operation in
            func pointer(_ tokens: [String]) -> JSON {
                .string(tokens.isEmpty ? "" : "/" + tokens.map {
                    $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
                }.joined(separator: "/"))
            }
            switch operation {
            case .add(let path, let value): return ["op": "add", "path": pointer(path), "value": value]
            case .remove(let path): return ["op": "remove", "path": pointer(path)]
            case .replace(let path, let value): return ["op": "replace", "path": pointer(path), "value": value]
            case .move(let from, let path): return ["op": "move", "from": pointer(from), "path": pointer(path)]
            case .copy(let from, let path): return ["op": "copy", "from": pointer(from), "path": pointer(path)]
            case .test(let path, let value): return ["op": "test", "path": pointer(path), "value": value]
            }
        }
        try self.init(json: .array(elements))
    }
}
