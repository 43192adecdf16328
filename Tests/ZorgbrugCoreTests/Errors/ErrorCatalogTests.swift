import Foundation
import Testing
import ZorgbrugCore

/// The error catalog is part of the wire contract: every code needs an IssueType, Dutch and English texts that
/// use the same placeholders, and a row in docs/ERRORS.md.
@Suite("ErrorCatalog")
struct ErrorCatalogTests {
    /// The IssueType codes of FHIR R4 (https://hl7.org/fhir/R4/valueset-issue-type.html).
    static let issueTypes: Set<String> = [
        "invalid", "structure", "required", "value", "invariant", "security", "login", "unknown", "expired",
        "forbidden", "suppressed", "processing", "not-supported", "duplicate", "multiple-matches", "not-found",
        "deleted", "too-long", "code-invalid", "extension", "too-costly", "business-rule", "conflict", "transient",
        "lock-error", "no-store", "exception", "timeout", "incomplete", "throttled", "informational",
    ]

    /// Every static member of `ErrorCode` this test knows about. A new code must be added here too; the
    /// source scan below catches codes that were not.
    static let knownCodes: [ErrorCode] = [
        .jsonInvalid, .jsonTooDeep, .contentTypeUnsupported, .bodyMissing, .bodyTooLarge, .resourceTypeMismatch,
        .resourceTypeUnknown, .resourceIdMismatch, .resourceInvalid, .referenceNotFound, .tooManyEntries,
        .routeNotFound, .methodNotAllowed, .interactionNotSupported, .resourceNotFound, .versionNotFound,
        .resourceGone, .ifMatchRequired, .ifMatchInvalid, .versionConflict, .conditionalMultipleMatches,
        .idempotencyKeyReused, .idempotencyKeyInvalid, .searchParameterUnknown, .searchParameterInvalid,
        .searchCursorInvalid, .tooManyRequests, .tooManyConnections, .shuttingDown, .requestTimeout, .storageBusy, .internalError,
        .authenticationRequired, .tokenInvalid, .tokenExpired, .consentRevoked, .consentExpired, .delegationEnded,
        .interactionForbidden, .operatorOnly, .headersTooLarge, .formatNotAcceptable,
    ]

    /// The raw values of every `static let … = ErrorCode(rawValue: "…")` in ErrorCode.swift, so a code added
    /// there without a catalog entry fails here even when nobody updated `knownCodes`.
    static func declaredRawValues() throws -> [String] {
        let root = try #require(ContentTestSupport.repositoryRoot, "repository root not found from #filePath")
        let url = root.appendingPathComponent("Sources/ZorgbrugCore/Errors/ErrorCode.swift")
        let source = try String(contentsOf: url, encoding: .utf8)
        let marker = "ErrorCode(rawValue: \""
        var values: [String] = []
        var rest = source[...]
        while let start = rest.range(of: marker) {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(of: "\"") else { break }
            values.append(String(after[..<end]))
            rest = after[end...]
        }
        return values
    }

    static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    @Test("every ErrorCode member has its own entry with a FHIR IssueType, a display and both texts",
          arguments: knownCodes)
    func entryIsComplete(code: ErrorCode) {
        #expect(ErrorCatalog.allCodes.contains(code), "\(code) has no catalog entry")
        let entry = ErrorCatalog.entry(for: code)
        #expect(Self.issueTypes.contains(entry.issueType), "\(code): '\(entry.issueType)' is not an R4 IssueType")
        #expect(!entry.display.isEmpty)
        #expect(!entry.nl.trimmingCharacters(in: " ").isEmpty, "\(code) has no Dutch text")
        #expect(!entry.en.trimmingCharacters(in: " ").isEmpty, "\(code) has no English text")
        #expect(entry.nl != entry.en, "\(code): the Dutch text is the English one")
        if code != .internalError {
            // Not the fallback: an entry of its own.
            let fallback = ErrorCatalog.entry(for: .internalError)
            #expect(entry.en != fallback.en, "\(code) falls back to internal-error")
        }
    }

    @Test("the Dutch and English texts of a code use the same placeholders", arguments: knownCodes)
    func placeholdersMatch(code: ErrorCode) {
        let entry = ErrorCatalog.entry(for: code)
        #expect(Self.placeholders(entry.nl) == Self.placeholders(entry.en), "\(code)")
    }

    @Test("every code declared in ErrorCode.swift is known to this test and has a catalog entry")
    func declaredCodesAreCatalogued() throws {
        let declared = try Self.declaredRawValues()
        #expect(declared.count >= Self.knownCodes.count)
        #expect(Set(declared).count == declared.count, "a raw value is declared twice")
        let catalogued = Set(ErrorCatalog.allCodes.map(\.rawValue))
        for raw in declared {
            #expect(catalogued.contains(raw), "ErrorCode '\(raw)' has no ErrorCatalog entry")
        }
        #expect(Set(declared) == Set(Self.knownCodes.map(\.rawValue)), "update ErrorCatalogTests.knownCodes")
        #expect(catalogued == Set(declared), "the catalog has entries for undeclared codes")
    }

    @Test("allCodes is sorted by raw value and codes are kebab-case")
    func allCodesSortedAndWellFormed() {
        let raw = ErrorCatalog.allCodes.map(\.rawValue)
        #expect(raw == raw.sorted())
        for code in raw {
            #expect(!code.isEmpty && code.allSatisfy { $0 == "-" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) },
                    "'\(code)' is not kebab-case")
        }
    }

    @Test("an unknown code falls back to the internal-error entry")
    func unknownCodeFallsBack() {
        let entry = ErrorCatalog.entry(for: ErrorCode(rawValue: "no-such-code"))
        #expect(entry.issueType == "exception")
        #expect(entry.en == ErrorCatalog.entry(for: .internalError).en)
        #expect(!ErrorCatalog.allCodes.contains(ErrorCode(rawValue: "no-such-code")))
    }

    @Test("placeholders are filled from the arguments, in the chosen language")
    func placeholdersAreFilled() {
        let error = ZorgbrugError(.resourceNotFound, arguments: ["type": "Task", "id": "abc-1"])
        #expect(ErrorCatalog.message(for: error, language: .en) == "Task/abc-1 does not exist or you have no access to it.")
        #expect(ErrorCatalog.message(for: error, language: .nl) == "Task/abc-1 bestaat niet of u heeft er geen toegang toe.")
    }

    @Test("a missing argument becomes '?', an unused argument is ignored")
    func missingArgumentBecomesQuestionMark() {
        let error = ZorgbrugError(.resourceNotFound, arguments: ["id": "abc-1", "unused": "x"])
        #expect(ErrorCatalog.message(for: error, language: .en) == "?/abc-1 does not exist or you have no access to it.")
        let none = ZorgbrugError(.versionNotFound)
        #expect(ErrorCatalog.message(for: none, language: .en) == "Version ? of ?/? does not exist.")
    }

    @Test("argument values are inserted literally, braces in them are not expanded again")
    func argumentsAreNotReexpanded() {
        let error = ZorgbrugError(.resourceInvalid, arguments: ["problem": "{type} is {missing}"])
        #expect(ErrorCatalog.message(for: error, language: .en) == "The resource is invalid: {type} is {missing}")
    }

    @Test("a message with every placeholder filled has no braces left")
    func filledMessagesHaveNoBraces() {
        for code in Self.knownCodes {
            let entry = ErrorCatalog.entry(for: code)
            var arguments: [String: String] = [:]
            for name in Self.placeholders(entry.nl).union(Self.placeholders(entry.en)) { arguments[name] = "X" }
            let error = ZorgbrugError(code, arguments: arguments)
            for language in Language.allCases {
                let text = ErrorCatalog.message(for: error, language: language)
                #expect(!text.contains("{") && !text.contains("}"), "\(code) \(language): \(text)")
            }
        }
    }

    @Test("description is the code and the English text, for logs")
    func descriptionForLogs() {
        let error = ZorgbrugError(.tooManyRequests, arguments: ["retryAfter": "30"])
        #expect(error.description == "too-many-requests: Too many requests. Try again in 30 seconds.")
    }

    @Test("docs/ERRORS.md lists every code with its IssueType, and nothing else")
    func errorsDocumentListsEveryCode() throws {
        let root = try #require(ContentTestSupport.repositoryRoot)
        let text = try String(contentsOf: root.appendingPathComponent("docs/ERRORS.md"), encoding: .utf8)
        var documented: [String: String] = [:]  // code → IssueType column
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: " ") }
            guard cells.count >= 5 else { continue }
            documented[cells[1].trimmingCharacters(in: "`")] = cells[3]
        }
        for code in ErrorCatalog.allCodes {
            let row = documented[code.rawValue]
            #expect(row != nil, "docs/ERRORS.md does not list \(code); run scripts/gen-errors-doc.py")
            if let row { #expect(row == ErrorCatalog.entry(for: code).issueType, "\(code): IssueType differs in docs/ERRORS.md") }
        }
        let stale = Set(documented.keys).subtracting(ErrorCatalog.allCodes.map(\.rawValue))
        #expect(stale.isEmpty, "docs/ERRORS.md lists codes the catalog does not have: \(stale.sorted())")
    }
}
