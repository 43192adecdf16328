import ZorgbrugCore
import ZorgbrugStore

/// Parses FHIR search parameters (https://hl7.org/fhir/R4/search.html) into a `SearchRequest`, strictly:
/// an unknown parameter, modifier or malformed value is an error (400), never silently ignored.
package enum SearchRequestParser {
    /// Default and maximum page sizes (DESIGN.md §4).
    package static let defaultCount = 50
    package static let maxCount = 1000

    /// Result parameters accepted on every search.
    static let resultParameters: Set<String> = ["_count", "_sort", "_summary", "_include", "_revinclude", "_cursor", "_format", "_lastUpdated", "_id"]

    /// Parses `parameters` for a search on `definition`'s type, scoped to `scope`.
    package static func parse(
        _ parameters: [(name: String, value: String)], definition: ResourceDefinition, scope: AccessScope
    ) throws -> SearchRequest {
        var query = SearchQuery(resourceType: definition.type, scope: scope)
        query.count = defaultCount
        var request = SearchRequest(query: query, includes: [], revIncludes: [], summaryCount: false, echo: [])
        for (rawName, value) in parameters {
            if rawName != "_cursor" { request.echo.append((rawName, value)) }
            try apply(rawName, value, definition: definition, to: &request)
        }
        return request
    }

    private static func apply(_ rawName: String, _ value: String, definition: ResourceDefinition, to request: inout SearchRequest) throws {
        let (name, modifier) = split(rawName)
        func invalid(_ reason: String) -> ZorgbrugError { .searchParameterInvalid(rawName, value, reason) }
        switch name {
        case "_count":
            guard modifier == nil, let count = Int(value), count >= 0 else { throw invalid("use a whole number from 0 to \(maxCount)") }
            request.query.count = min(count, maxCount)
        case "_sort":
            switch value {
            case "_lastUpdated": request.query.sort = .lastUpdatedAscending
            case "-_lastUpdated": request.query.sort = .lastUpdatedDescending
            default: throw invalid("only _lastUpdated and -_lastUpdated are supported")
            }
        case "_summary":
            switch value {
            case "count": request.summaryCount = true
            case "false": request.summaryCount = false
            default: throw invalid("only _summary=count is supported")
            }
        case "_format":
            guard ["json", "application/fhir+json", "application/json"].contains(value) else { throw invalid("only JSON is supported") }
        case "_cursor":
            guard let cursor = SearchCursor(token: value) else { throw ZorgbrugError(.searchCursorInvalid) }
            request.query.cursor = cursor
        case "_include":
            request.includes.append(try include(value, sourceMustBe: definition.type, allowed: definition.includes.map { "\(definition.type):\($0)" }, invalid: invalid))
        case "_revinclude":
            request.revIncludes.append(try include(value, sourceMustBe: nil, allowed: definition.revIncludes, invalid: invalid))
        case "_lastUpdated":
            guard modifier == nil else { throw invalid("modifiers are not supported on _lastUpdated") }
            for bound in try dateBounds(value, invalid: invalid) {
                request.query.lastUpdated.append(bound)
            }
        case "_id":
            guard modifier == nil else { throw invalid("modifiers are not supported on _id") }
            let ids = splitValues(value)
            guard ids.allSatisfy(ResourceID.isValid) else { throw invalid("ids are 1-64 characters A-Z a-z 0-9 - .") }
            request.query.conditions.append(SearchCondition(parameter: "_id", match: .token(ids.map { TokenMatch(system: .any, code: $0) })))
        default:
            guard let parameter = definition.searchParameter(name) else {
                if name.contains(".") { throw invalid("chained parameters are not supported") }
                let supported = (["_id", "_lastUpdated"] + definition.searchParameters.map(\.name)).joined(separator: ", ")
                throw ZorgbrugError(.searchParameterUnknown, expression: [rawName],
                                    arguments: ["parameter": rawName, "type": definition.type, "supported": supported])
            }
            let condition = try condition(parameter, modifier: modifier, value: value, invalid: invalid)
            request.query.conditions.append(condition)
            // A reference to one Patient on the compartment parameter names the owner of every match (where a
            // resource can name only one patient there): token conditions can then use the patient's index rows.
            if case .patientCompartment(let compartment) = definition.ownership, compartment == name,
                !definition.severalPatients, modifier == nil,
                case .reference(let targets) = condition.match, targets.count == 1, targets[0].type == "Patient"
            {
                request.query.patientOfMatches = targets[0].id
            }
        }
    }

    private static func include(
        _ value: String, sourceMustBe: String?, allowed: [String], invalid: (String) -> ZorgbrugError
    ) throws -> (sourceType: String, parameter: String) {
        let parts = value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3 else { throw invalid("use Type:parameter") }
        let key = "\(parts[0]):\(parts[1])"
        guard allowed.contains(key) else {
            throw invalid(allowed.isEmpty ? "no values are supported here" : "supported: \(allowed.joined(separator: ", "))")
        }
        if let sourceMustBe, parts[0] != sourceMustBe { throw invalid("the source type must be \(sourceMustBe)") }
        return (parts[0], parts[1])
    }

    private static func condition(
        _ parameter: SearchParameterDefinition, modifier: String?, value: String, invalid: (String) -> ZorgbrugError
    ) throws -> SearchCondition {
        let values = splitValues(value)
        guard !values.isEmpty, !values.contains(where: \.isEmpty) else { throw invalid("the value is empty") }
        if modifier == "missing" {
            guard value == "true" || value == "false" else { throw invalid(":missing takes true or false") }
            return SearchCondition(parameter: parameter.name, match: .missing(value == "true"))
        }
        switch parameter.kind {
        case .token:
            let tokens = values.map(token)
            switch modifier {
            case nil: return SearchCondition(parameter: parameter.name, match: .token(tokens))
            case "not": return SearchCondition(parameter: parameter.name, match: .tokenNot(tokens))
            default: throw invalid("token parameters support :not and :missing")
            }
        case .string:
            let normalized = values.map(SearchIndexExtractor.normalize)
            let mode: StringMatchMode
            switch modifier {
            case nil: mode = .prefix
            case "exact": mode = .exact
            case "contains": mode = .contains
            default: throw invalid("string parameters support :exact, :contains and :missing")
            }
            return SearchCondition(parameter: parameter.name, match: .string(normalized, mode: mode))
        case .reference:
            var targets: [(type: String, id: String)] = []
            for v in values {
                if let modifier {
                    guard parameter.targets.isEmpty || parameter.targets.contains(modifier), modifier.first?.isUppercase == true
                    else { throw invalid(":\(modifier) is not a type this parameter can point to") }
                    guard ResourceID.isValid(v) else { throw invalid("use an id with the :Type modifier") }
                    targets.append((modifier, v))
                } else if case .reference(let type, let id)? = SearchIndexExtractor.parseReference(v) {
                    targets.append((type, id))
                } else if ResourceID.isValid(v), parameter.targets.count == 1 {
                    targets.append((parameter.targets[0], v))
                } else {
                    throw invalid("use Type/id" + (parameter.targets.count == 1 ? " or an id" : ""))
                }
            }
            return SearchCondition(parameter: parameter.name, match: .reference(targets))
        case .date:
            guard modifier == nil else { throw invalid("date parameters support :missing only") }
            var bounds: [DateBound] = []
            for v in values { bounds += try dateBounds(v, invalid: invalid) }
            return SearchCondition(parameter: parameter.name, match: .date(bounds))
        case .uri:
            guard modifier == nil else { throw invalid("uri parameters support :missing only") }
            return SearchCondition(parameter: parameter.name, match: .uri(values.map { v in
                v.firstIndex(of: "|").map { String(v[..<$0]) } ?? v
            }))
        }
    }

    private static func token(_ value: String) -> TokenMatch {
        guard let bar = value.firstIndex(of: "|") else { return TokenMatch(system: .any, code: value) }
        let system = String(value[..<bar])
        let code = String(value[value.index(after: bar)...])
        return TokenMatch(system: system.isEmpty ? .none : .equals(system), code: code.isEmpty ? nil : code)
    }

    static func dateBounds(_ value: String, invalid: (String) -> ZorgbrugError) throws -> [DateBound] {
        let prefixes: [String: DatePrefix] = [
            "eq": .eq, "ne": .ne, "gt": .gt, "lt": .lt, "ge": .ge, "le": .le, "sa": .sa, "eb": .eb,
        ]
        var prefix = DatePrefix.eq
        var text = Substring(value)
        if text.count > 2, let p = prefixes[String(text.prefix(2))] {
            prefix = p
            text = text.dropFirst(2)
        }
        guard let range = FHIRDateRange.parse(String(text)) else {
            throw invalid("use a FHIR date such as 2026-11-23 or 2026-11-23T10:00:00Z, optionally prefixed (gt, ge, lt, le, eq, ne, sa, eb)")
        }
        return [DateBound(prefix, low: range.low, high: range.high)]
    }

    /// Splits a comma-separated value list, honouring `\,` escapes.
    static func splitValues(_ value: String) -> [String] {
        var result: [String] = []
        var current = ""
        var escaping = false
        for character in value {
            if escaping {
                current.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "," {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current)
        return result
    }

    private static func split(_ name: String) -> (String, String?) {
        guard let colon = name.firstIndex(of: ":") else { return (name, nil) }
        return (String(name[..<colon]), String(name[name.index(after: colon)...]))
    }
}
