import FHIR
import Foundation

/// Extracts the search index entries of a resource, following the `ResourceCatalog` definitions.
///
/// Pure and total: elements of an unexpected shape are skipped, never fatal (validation is a separate step).
package enum SearchIndexExtractor {
    /// All index entries of `resource` (a resource of type `definition.type`).
    package static func entries(of resource: JSONObject, definition: ResourceDefinition) -> [SearchIndexEntry] {
        var result: [SearchIndexEntry] = []
        if let id = resource["id"]?.stringValue {
            result.append(SearchIndexEntry(parameter: "_id", value: .token(system: nil, code: id)))
        }
        for parameter in definition.searchParameters {
            for path in parameter.paths {
                for value in values(at: path, in: resource) {
                    for indexed in indexValues(of: value, kind: parameter.kind, targets: parameter.targets) {
                        let entry = SearchIndexEntry(parameter: parameter.name, value: indexed)
                        if !result.contains(entry) { result.append(entry) }
                    }
                }
            }
        }
        return result
    }

    /// The id of the patient a resource belongs to, per the definition's ownership; `nil` for non-patient data.
    package static func patientID(of resource: JSONObject, id: String, definition: ResourceDefinition) -> String? {
        switch definition.ownership {
        case .patient:
            return id
        case .patientCompartment(let parameterName):
            guard let parameter = definition.searchParameter(parameterName) else { return nil }
            for path in parameter.paths {
                for value in values(at: path, in: resource) {
                    if case .reference(let type, let targetID)? = referenceValue(value), type == "Patient" {
                        return targetID
                    }
                }
            }
            return nil
        case .organization, .shared:
            return nil
        }
    }

    /// The values at a dotted path; arrays are flattened at every step, `x[x]` matches any `xType` member.
    package static func values(at path: String, in resource: JSONObject) -> [JSON] {
        var current: [JSON] = [.object(resource)]
        for step in path.split(separator: ".") {
            var next: [JSON] = []
            for value in current {
                guard case .object(let object) = value else { continue }
                if step.hasSuffix("[x]") {
                    let prefix = String(step.dropLast(3))
                    for key in object.keys where key.hasPrefix(prefix) && key.count > prefix.count {
                        let rest = key.dropFirst(prefix.count)
                        guard let first = rest.first, first.isUppercase, let member = object[key] else { continue }
                        next.append(contentsOf: flatten(member))
                    }
                } else if let member = object[String(step)] {
                    next.append(contentsOf: flatten(member))
                }
            }
            current = next
        }
        return current
    }

    private static func flatten(_ value: JSON) -> [JSON] {
        if case .array(let elements) = value { return elements }
        return [value]
    }

    private static func indexValues(of value: JSON, kind: SearchParameterDefinition.Kind, targets: [String]) -> [SearchValue] {
        switch kind {
        case .token:
            return tokenValues(value)
        case .string:
            switch value {
            case .string(let s): return [.string(normalize(s))]
            case .object(let o):
                // HumanName/Address given as a whole: index its text parts.
                return ["text", "family"].compactMap { o[$0]?.stringValue }.map { .string(normalize($0)) }
            default: return []
            }
        case .reference:
            guard case .reference(let type, let id)? = referenceValue(value) else { return [] }
            if !targets.isEmpty, !targets.contains(type) { return [] }
            return [.reference(type: type, id: id)]
        case .date:
            return dateValue(value).map { [$0] } ?? []
        case .uri:
            guard let s = value.stringValue else { return [] }
            return [.uri(canonicalWithoutVersion(s))]
        }
    }

    private static func tokenValues(_ value: JSON) -> [SearchValue] {
        switch value {
        case .string(let s): return [.token(system: nil, code: s)]
        case .bool(let b): return [.token(system: nil, code: b ? "true" : "false")]
        case .object(let o):
            if let codings = o["coding"]?.arrayValue {  // CodeableConcept
                return codings.flatMap(tokenValues)
            }
            if let code = o["code"]?.stringValue {  // Coding
                return [.token(system: o["system"]?.stringValue, code: code)]
            }
            if let identifierValue = o["value"]?.stringValue {  // Identifier
                return [.token(system: o["system"]?.stringValue, code: identifierValue)]
            }
            return []
        default: return []
        }
    }

    /// A reference's target on this server: `Type/id` (also inside an absolute URL, or with `/_history/n`).
    package static func referenceValue(_ value: JSON) -> SearchValue? {
        guard case .object(let o) = value, let reference = o["reference"]?.stringValue else { return nil }
        return parseReference(reference)
    }

    /// Parses `Type/id`, `http…/Type/id`, `Type/id/_history/3`; `nil` for contained (`#x`) or malformed references.
    package static func parseReference(_ reference: String) -> SearchValue? {
        var parts = reference.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 4, parts[parts.count - 2] == "_history" { parts.removeLast(2) }
        guard parts.count >= 2 else { return nil }
        let type = parts[parts.count - 2]
        let id = parts[parts.count - 1]
        guard ResourceID.isValid(id), let first = type.first, first.isUppercase,
            type.allSatisfy({ $0.isLetter })
        else { return nil }
        return .reference(type: type, id: id)
    }

    private static func dateValue(_ value: JSON) -> SearchValue? {
        switch value {
        case .string(let s):
            guard let range = FHIRDateRange.parse(s) else { return nil }
            return .date(low: range.low, high: range.high)
        case .object(let o):  // Period
            let start = o["start"]?.stringValue.flatMap(FHIRDateRange.parse)
            let end = o["end"]?.stringValue.flatMap(FHIRDateRange.parse)
            if start == nil && end == nil { return nil }
            return .date(low: start?.low ?? Int64.min, high: end?.high ?? Int64.max)
        default: return nil
        }
    }

    /// Normalises text for string search: lowercased, diacritics removed, inner whitespace collapsed.
    package static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private static func canonicalWithoutVersion(_ uri: String) -> String {
        if let bar = uri.firstIndex(of: "|") { return String(uri[..<bar]) }
        return uri
    }
}
