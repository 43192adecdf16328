/// The FHIR primitive types the validator checks, with the JSON type each is written as.
enum PrimitiveKind: Sendable {
    case boolean, integer, positiveInt, unsignedInt, decimal
    case string, markdown, code, id, uri, url, canonical, oid, uuid
    case date, dateTime, instant, time, base64Binary, xhtml

    var name: String {
        switch self {
        case .boolean: "boolean"
        case .integer: "integer"
        case .positiveInt: "positiveInt"
        case .unsignedInt: "unsignedInt"
        case .decimal: "decimal"
        case .string: "string"
        case .markdown: "markdown"
        case .code: "code"
        case .id: "id"
        case .uri: "uri"
        case .url: "url"
        case .canonical: "canonical"
        case .oid: "oid"
        case .uuid: "uuid"
        case .date: "date"
        case .dateTime: "dateTime"
        case .instant: "instant"
        case .time: "time"
        case .base64Binary: "base64Binary"
        case .xhtml: "xhtml"
        }
    }
}

/// What a modelled element holds.
enum ElementKind: Sendable {
    case primitive(PrimitiveKind)
    /// A datatype or backbone element, by its schema name (`"Coding"`, `"Task.input"`).
    case complex(String)
    /// A whole resource (`contained`, `Bundle.entry.resource`).
    case resource
}

/// One modelled element: its kind, cardinality and (for codes) its required binding.
struct ElementSpec: Sendable {
    let kind: ElementKind
    let isArray: Bool
    let isRequired: Bool
    let binding: Set<String>?

    static func one(_ kind: PrimitiveKind, required: Bool = false, binding: Set<String>? = nil) -> ElementSpec {
        ElementSpec(kind: .primitive(kind), isArray: false, isRequired: required, binding: binding)
    }

    static func many(_ kind: PrimitiveKind, required: Bool = false) -> ElementSpec {
        ElementSpec(kind: .primitive(kind), isArray: true, isRequired: required, binding: nil)
    }

    static func one(_ type: String, required: Bool = false) -> ElementSpec {
        ElementSpec(kind: .complex(type), isArray: false, isRequired: required, binding: nil)
    }

    static func many(_ type: String, required: Bool = false) -> ElementSpec {
        ElementSpec(kind: .complex(type), isArray: true, isRequired: required, binding: nil)
    }

    static let resource = ElementSpec(kind: .resource, isArray: false, isRequired: false, binding: nil)
    static let resources = ElementSpec(kind: .resource, isArray: true, isRequired: false, binding: nil)
}

/// The modelled elements of one resource, datatype or backbone element.
struct ObjectSchema: Sendable {
    let elements: [String: ElementSpec]
    /// Names of required elements, in a stable order for reporting.
    let required: [String]
    /// Prefixes of required choice elements (`value` for a required `value[x]`).
    let requiredChoices: [String]

    init(
        _ elements: [String: ElementSpec], base: [String: ElementSpec] = ObjectSchema.elementBase,
        requiredChoices: [String] = []
    ) {
        let merged = base.merging(elements) { _, own in own }
        self.elements = merged
        self.required = merged.filter(\.value.isRequired).map(\.key).sorted()
        self.requiredChoices = requiredChoices
    }

    /// Members every element may have.
    static let elementBase: [String: ElementSpec] = [
        "id": .one(.string),
        "extension": .many("Extension"),
        "modifierExtension": .many("Extension"),
    ]

    /// Members every resource may have (`Resource` and `DomainResource`).
    static let resourceBase: [String: ElementSpec] = [
        "id": .one(.id),
        "meta": .one("Meta"),
        "implicitRules": .one(.uri),
        "language": .one(.code),
        "text": .one("Narrative"),
        "contained": .resources,
        "extension": .many("Extension"),
        "modifierExtension": .many("Extension"),
    ]

    /// `value[x]` members with their types, for elements that carry a choice of value types.
    static func choice(_ prefix: String, _ types: [(String, ElementKind)]) -> [String: ElementSpec] {
        var result: [String: ElementSpec] = [:]
        for (suffix, kind) in types {
            result[prefix + suffix] = ElementSpec(kind: kind, isArray: false, isRequired: false, binding: nil)
        }
        return result
    }
}
