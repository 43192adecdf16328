/// Structural validation of FHIR R4 JSON in one pass: the FHIR JSON rules everywhere, and for modelled
/// resources the element types, primitive formats, required elements and required code bindings.
///
/// Elements the model does not know are not errors (profiles and extensions evolve; they are kept as
/// received), but the JSON rules still apply to them: no `null` (except inside primitive arrays aligned with
/// their `_x` array), no empty strings, arrays or objects, and `_x` members must be objects (or arrays for
/// repeating primitives). See [JSON representation](https://hl7.org/fhir/R4/json.html) and
/// [Validation](https://hl7.org/fhir/R4/validation.html).
public enum FHIRValidator {
    /// Every structural problem of `json`, in document order; empty when the resource is valid.
    public static func validate(_ json: JSONObject) -> [ValidationIssue] {
        var walker = Walker(typesOnly: false)
        walker.resource(json, topLevel: true)
        return walker.issues
    }

    /// `true` when ``validate(_:)`` finds no error.
    public static func isValid(_ json: JSONObject) -> Bool {
        !validate(json).contains { $0.severity == .error || $0.severity == .fatal }
    }

    /// The first modelled element whose JSON type is wrong, for ``FHIRResource/init(json:)``.
    static func firstTypeProblem(in json: JSONObject, as type: ResourceType) -> ValidationIssue? {
        var walker = Walker(typesOnly: true)
        walker.path.append(.key(type.rawValue))
        walker.object(json, schema: Schemas.resource(type), isResource: true)
        return walker.issues.first
    }
}

/// One step of a FHIRPath: a member name or an array index.
private enum PathPart {
    case key(String)
    case index(Int)
}

/// The single recursive pass behind ``FHIRValidator``.
///
/// The FHIRPath of the current element is kept as a stack of parts and only turned into text when an issue
/// is reported, so a valid resource costs no string building.
private struct Walker {
    /// When set, only JSON types of modelled elements are checked and the walk stops at the first problem.
    let typesOnly: Bool
    var issues: [ValidationIssue] = []
    var path: [PathPart] = []

    init(typesOnly: Bool) { self.typesOnly = typesOnly }

    private var done: Bool { typesOnly && !issues.isEmpty }

    private var expression: String {
        var text = ""
        for part in path {
            switch part {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    private mutating func report(_ code: ValidationIssue.Code, _ message: String) {
        issues.append(ValidationIssue(code: code, message: message, expression: expression))
    }

    /// Reports at the current path extended by `part`.
    private mutating func report(_ code: ValidationIssue.Code, _ message: String, at part: PathPart) {
        path.append(part)
        report(code, message)
        path.removeLast()
    }

    /// A resource; at the top, the path starts with its type name.
    mutating func resource(_ json: JSONObject, topLevel: Bool) {
        guard case .string(let name)? = json["resourceType"], !name.isEmpty else {
            if path.isEmpty {
                report(.resourceTypeMissing, "The resource has no resourceType string.", at: .key("resourceType"))
            } else {
                report(.resourceTypeMissing, "The resource has no resourceType string.")
            }
            return
        }
        if topLevel { path.append(.key(name)) }
        defer { if topLevel { path.removeLast() } }
        guard let type = ResourceType(rawValue: name) else {
            if topLevel { report(.resourceTypeUnknown, "The resource type \(name) is not supported.") }
            object(json, schema: nil, isResource: true)
            return
        }
        object(json, schema: Schemas.resource(type), isResource: true)
    }

    mutating func object(_ json: JSONObject, schema: ObjectSchema?, isResource: Bool = false) {
        for (key, value) in json {
            if done { return }
            if isResource && key == "resourceType" { continue }
            if key.hasPrefix("_") {
                primitiveExtension(value, key: key, in: json)
                continue
            }
            guard let spec = schema?.elements[key] ?? (schema == nil ? ObjectSchema.elementBase[key] : nil) else {
                if !typesOnly {
                    path.append(.key(key))
                    unmodelled(value, key: key, in: json)
                    path.removeLast()
                }
                continue
            }
            path.append(.key(key))
            defer { path.removeLast() }
            if spec.isArray {
                guard case .array(let elements) = value else {
                    report(.elementTypeInvalid, "\(key) repeats and must be a JSON array, found \(value.typeName).")
                    continue
                }
                if elements.isEmpty && !typesOnly {
                    report(.jsonEmpty, "Arrays must not be empty; leave \(key) out instead.")
                }
                for (index, element) in elements.enumerated() {
                    if done { return }
                    path.append(.index(index))
                    if element.isNull {
                        if !typesOnly && !isAlignedNull(key: key, index: index, in: json) {
                            report(.jsonNull, "null is only allowed in a primitive array aligned with _\(key).")
                        }
                    } else {
                        typed(element, spec: spec)
                    }
                    path.removeLast()
                }
            } else {
                if case .array = value {
                    report(.elementTypeInvalid, "\(key) does not repeat and must not be an array.")
                    continue
                }
                typed(value, spec: spec)
            }
        }
        guard !typesOnly, let schema else { return }
        for name in schema.required where json[name] == nil && json["_" + name] == nil {
            report(.requiredMissing, "\(name) is required.", at: .key(name))
        }
        for prefix in schema.requiredChoices where !hasChoice(prefix, in: json) {
            report(
                .requiredMissing, "A \(prefix)[x] element (such as \(prefix)String) is required.",
                at: .key(prefix + "[x]"))
        }
    }

    /// `_x` members: an object, or for repeating primitives an array of objects and nulls aligned with `x`.
    private mutating func primitiveExtension(_ value: JSON, key: String, in json: JSONObject) {
        let name = String(key.dropFirst())
        path.append(.key(name))
        defer { path.removeLast() }
        switch value {
        case .object(let object):
            guard !typesOnly else { return }
            if object.isEmpty { report(.jsonEmpty, "Objects must not be empty; leave \(key) out instead.") }
            self.object(object, schema: Schemas.element)
        case .array(let elements):
            guard !typesOnly else { return }
            guard let values = json[name]?.arrayValue, values.count == elements.count else {
                report(.elementTypeInvalid, "\(key) is an array, so \(name) must be an array of the same length.")
                return
            }
            for (index, element) in elements.enumerated() {
                path.append(.index(index))
                switch element {
                case .null:
                    // A null here with a null value is reported once, at the value.
                    break
                case .object(let object):
                    self.object(object, schema: Schemas.element)
                default:
                    report(.elementTypeInvalid, "\(key) entries must be objects or null, found \(element.typeName).")
                }
                path.removeLast()
            }
        default:
            report(.elementTypeInvalid, "\(key) must be a JSON object (or array), found \(value.typeName).")
        }
    }

    /// `true` when `json` has `prefix` + a type name, or its primitive extension `_prefix…`.
    private func hasChoice(_ prefix: String, in json: JSONObject) -> Bool {
        json.keys.contains { key in
            let name = key.hasPrefix("_") ? key.dropFirst() : Substring(key)
            guard name.hasPrefix(prefix), let first = name.dropFirst(prefix.count).unicodeScalars.first else {
                return false
            }
            return first.properties.isUppercase
        }
    }

    private func isAlignedNull(key: String, index: Int, in json: JSONObject) -> Bool {
        guard let extensions = json["_" + key]?.arrayValue, let values = json[key]?.arrayValue,
            extensions.count == values.count
        else { return false }
        return !extensions[index].isNull
    }

    /// A value of a modelled element at the current path.
    private mutating func typed(_ value: JSON, spec: ElementSpec) {
        switch spec.kind {
        case .primitive(let kind):
            primitive(value, kind: kind, binding: spec.binding)
        case .complex(let name):
            guard case .object(let object) = value else {
                report(.elementTypeInvalid, "Expected a JSON object (\(name)), found \(value.typeName).")
                return
            }
            if object.isEmpty && !typesOnly {
                report(.jsonEmpty, "Objects must not be empty; leave the element out instead.")
            }
            self.object(object, schema: Schemas.all[name])
        case .resource:
            guard case .object(let object) = value else {
                report(.elementTypeInvalid, "Expected a resource (JSON object), found \(value.typeName).")
                return
            }
            resource(object, topLevel: false)
        }
    }

    private mutating func primitive(_ value: JSON, kind: PrimitiveKind, binding: Set<String>?) {
        switch kind {
        case .boolean:
            guard case .bool = value else { return wrongType(value, kind) }
        case .integer, .positiveInt, .unsignedInt:
            guard case .number(let number) = value else { return wrongType(value, kind) }
            guard !typesOnly else { return }
            guard number.isIntegerLiteral, let int = number.int, int >= Int(Int32.min), int <= Int(Int32.max) else {
                return report(.valueInvalid, "\(number.text) is not a 32-bit \(kind.name).")
            }
            if kind == .positiveInt && int < 1 || kind == .unsignedInt && int < 0 {
                report(.valueInvalid, "\(number.text) is not a valid \(kind.name).")
            }
        case .decimal:
            guard case .number = value else { return wrongType(value, kind) }
        default:
            guard case .string(let text) = value else { return wrongType(value, kind) }
            guard !typesOnly else { return }
            guard !text.isEmpty else {
                return report(.jsonEmpty, "Strings must not be empty; leave the element out instead.")
            }
            if kind == .id && !PrimitiveText.isValidID(text) {
                report(.idInvalid, "\"\(text)\" is not a valid id: use 1 to 64 letters, digits, '-' or '.'.")
            } else if !isValid(text, kind) {
                report(.valueInvalid, "\"\(text)\" is not a valid FHIR \(kind.name).")
            } else if let binding, !binding.contains(text) {
                let allowed = binding.sorted().joined(separator: ", ")
                report(.codeInvalid, "\"\(text)\" is not an allowed code; use one of: \(allowed).")
            }
        }
    }

    private mutating func wrongType(_ value: JSON, _ kind: PrimitiveKind) {
        let expected =
            switch kind {
            case .boolean: "boolean"
            case .integer, .positiveInt, .unsignedInt, .decimal: "number"
            default: "string"
            }
        report(.elementTypeInvalid, "Expected a JSON \(expected) (\(kind.name)), found \(value.typeName).")
    }

    private func isValid(_ text: String, _ kind: PrimitiveKind) -> Bool {
        switch kind {
        case .code: PrimitiveText.isValidCode(text)
        case .id: PrimitiveText.isValidID(text)
        case .uri, .url, .canonical, .oid, .uuid: PrimitiveText.isValidURI(text)
        case .date: FHIRDate(text) != nil
        case .dateTime: FHIRDateTime(text) != nil
        case .instant: FHIRInstant(text) != nil
        case .time: FHIRTime(text) != nil
        default: true
        }
    }

    /// An element the model does not know, at the current path: only the FHIR JSON rules apply.
    private mutating func unmodelled(_ value: JSON, key: String, in parent: JSONObject) {
        switch value {
        case .null:
            report(.jsonNull, "null is not allowed; leave \(key) out instead.")
        case .string(let text) where text.isEmpty:
            report(.jsonEmpty, "Strings must not be empty; leave \(key) out instead.")
        case .array(let elements):
            if elements.isEmpty { report(.jsonEmpty, "Arrays must not be empty; leave \(key) out instead.") }
            for (index, element) in elements.enumerated() {
                path.append(.index(index))
                if element.isNull {
                    if !isAlignedNull(key: key, index: index, in: parent) {
                        report(.jsonNull, "null is only allowed in a primitive array aligned with _\(key).")
                    }
                } else if case .array = element {
                    report(.elementTypeInvalid, "Arrays must not contain arrays.")
                } else {
                    unmodelled(element, key: key, in: JSONObject())
                }
                path.removeLast()
            }
        case .object(let object):
            if object.isEmpty {
                report(.jsonEmpty, "Objects must not be empty; leave \(key) out instead.")
            } else if case .string? = object["resourceType"] {
                resource(object, topLevel: false)
            } else {
                self.object(object, schema: nil)
            }
        default:
            break
        }
    }
}
