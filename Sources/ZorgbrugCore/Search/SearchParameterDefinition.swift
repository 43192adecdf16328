/// A search parameter Zorgbrug supports on one resource type: its wire name, its FHIR type, and where its values
/// live in the resource.
///
/// The same definitions drive index extraction (`SearchIndexExtractor`), query parsing, and the
/// CapabilityStatement, so what is advertised is exactly what works. See https://hl7.org/fhir/R4/search.html.
package struct SearchParameterDefinition: Sendable, Hashable {
    /// The FHIR search parameter types Zorgbrug implements.
    package enum Kind: String, Sendable, Hashable {
        case token, string, reference, date, uri
    }

    /// Wire name, e.g. `patient`.
    package let name: String
    package let kind: Kind
    /// Element paths relative to the resource root (`for`, `name.family`, `effective[x]`); arrays are flattened.
    package let paths: [String]
    /// For references: the resource types it may point to (empty = any).
    package let targets: [String]
    /// One line for the CapabilityStatement.
    package let documentation: String

    package init(_ name: String, _ kind: Kind, paths: [String], targets: [String] = [], documentation: String) {
        self.name = name
        self.kind = kind
        self.paths = paths
        self.targets = targets
        self.documentation = documentation
    }

    /// The FHIR canonical of the standard parameter of this name and base type, for the CapabilityStatement.
    package func definitionCanonical(resourceType: String) -> String {
        "http://hl7.org/fhir/SearchParameter/\(resourceType)-\(name)"
    }
}
